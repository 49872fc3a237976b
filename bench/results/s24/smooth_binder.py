# Does the quality VAE's binder join in 3D if its probabilities are smoothed more before labelling? Same sampling,
# default labelling with the binder's sigma replaced; binder tau % per axis and its largest-piece share.
# python smooth_binder.py MODEL SAMPLES.npz TRUTH.npy SEED PHASE SIGMA[,SIGMA...]
import sys, numpy as np, torch
from microlad.lmpdd import label_volumes, smoothing_sigma
from microlad.fem import tortuosity
from largest_piece import sampling_and_truth, largest_share
torch.set_num_threads(1)
model, cfg, probs, f0, ref = sampling_and_truth(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
ph = int(sys.argv[5])
taus = lambda vols: np.array([[tortuosity(v, phase=ph, axis=a) for a in range(3)] for v in vols]).mean(0)
share = lambda vols: np.mean([largest_share(v, ph) for v in vols])
t_ref = taus(ref)
base = smoothing_sigma(model, cfg)
print(f"# sigma per phase by default {np.round(base, 2).tolist()}; truth tau {np.round(t_ref, 2).tolist()}, largest piece {share(ref):.3f}", flush=True)
for sg in [float(x) for x in sys.argv[6].split(",")]:
    sig = list(base); sig[ph] = sg
    lab = [np.asarray(l) for l in label_volumes(probs, tuple(sig), f0, False, cfg.label_fractions)]
    t = taus(lab)
    print(f"sigma {sg}: tau % " + " / ".join(f"{100 * (a / b - 1):+.0f}" for a, b in zip(t, t_ref)) + f" | largest piece {share(lab):.3f}", flush=True)
