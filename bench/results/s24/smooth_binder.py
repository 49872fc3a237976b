# Does the quality VAE's binder join in 3D if its probabilities are smoothed more before labelling? Same sampling,
# default labelling with the binder's sigma replaced; binder tau % per axis and its largest-piece share.
# python smooth_binder.py MODEL SAMPLES.npz TRUTH.npy SEED PHASE SIGMA[,SIGMA...]
import sys, numpy as np, torch
from scipy import ndimage
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, label_volumes, smoothing_sigma
from microlad.truth import truth_crops
from microlad.fem import tortuosity
torch.set_num_threads(1)
model, cfg = load_model(sys.argv[1]), LMPDDConfig.cpu()
d = np.load(sys.argv[2]); probs, f0 = torch.as_tensor(d["probs"].astype(np.float32)), torch.as_tensor(d["f0"])
n, s, ph = probs.shape[0], probs.shape[-1], int(sys.argv[5])
ref = truth_crops(np.load(sys.argv[3]), 2 * n, s, int(sys.argv[4]))[:n]
taus = lambda vols: np.array([[tortuosity(v, phase=ph, axis=a) for a in range(3)] for v in vols]).mean(0)
def share(v):
    l, _ = ndimage.label(v == ph); c = np.bincount(l.ravel())[1:]; return c.max() / c.sum()
t_ref = taus(ref)
base = smoothing_sigma(model, cfg)
print(f"# sigma per phase by default {np.round(base, 2).tolist()}; truth tau {np.round(t_ref, 2).tolist()}, largest piece {np.mean([share(v) for v in ref]):.3f}", flush=True)
for sg in [float(x) for x in sys.argv[6].split(",")]:
    sig = list(base); sig[ph] = sg
    lab = [np.asarray(l) for l in label_volumes(probs, tuple(sig), f0, False, cfg.label_fractions)]
    t = taus(lab)
    print(f"sigma {sg}: tau % " + " / ".join(f"{100 * (a / b - 1):+.0f}" for a, b in zip(t, t_ref)) + f" | largest piece {np.mean([share(v) for v in lab]):.3f}", flush=True)
