# Does the per-phase smoothing before labelling fuse the particles? One sampling's decoded probabilities (sample_z.py /
# sample_variant.py output) labelled as `reconstruct` does (training region's fractions) with the smoothing sigma per
# phase given, against the truth crops of that seed: tau / S2 / sections / chord % per axis per phase.
# python relabel_sigma.py MODEL TRUTH.npy SAMPLES.npz SEED SIGMAS[;SIGMAS...]   SIGMAS = default | a,b,c (voxels per phase)
import sys, numpy as np, torch
from scipy import ndimage
from microlad.lmpdd import label_volumes, smoothing_sigma
from microlad.truth import _descriptors, _err
sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/s24")
from largest_piece import sampling_and_truth
torch.set_num_threads(1)
weights, truth_file, samples, seed, variants = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5].split(";")
model, cfg, probs, f0, ref = sampling_and_truth(weights, samples, truth_file, seed)
n, P, s = probs.shape[0], probs.shape[1], probs.shape[-1]
truth_d = [_descriptors(ref, ph, s // 2, True) for ph in range(P)]
pieces = lambda v, ph: np.mean([ndimage.label(x == ph)[1] for x in v])
print(f"# {samples} vs {truth_file} crops seed {seed}; truth pieces per volume " + " / ".join(f"{pieces(ref, ph):.0f}" for ph in range(P)), flush=True)
for var in variants:
    sig = smoothing_sigma(model, cfg) if var == "default" else tuple(float(x) for x in var.split(","))
    v = np.asarray(label_volumes(probs, sig, f0, False, cfg.label_fractions))
    print(f"## sigma {tuple(round(x, 2) for x in sig)}: fractions {np.round(np.bincount(v.ravel(), minlength=P) / v.size, 3).tolist()}, pieces "
          + " / ".join(f"{pieces(v, ph):.0f}" for ph in range(P)), flush=True)
    for ph in range(P):
        g = _descriptors(v, ph, s // 2, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[ph][a]):+.1f}" for a in range(3))
        print(f"  phase {ph}: tau % {row('tau')} | S2 % {row('s2')} | sections % {row('sections')} | chord % {row('chord')}", flush=True)
