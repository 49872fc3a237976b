# Share of each phase's voxels in its largest 6-connected piece (default labelling), generated vs truth crops: is a
# phase's excess tau a phase broken into pieces that do not join? python largest_piece.py MODEL SAMPLES.npz TRUTH.npy SEED
import sys, numpy as np, torch
from scipy import ndimage
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, label_volumes, smoothing_sigma
from microlad.truth import truth_crops
torch.set_num_threads(1)
model, cfg = load_model(sys.argv[1]), LMPDDConfig.cpu()
d = np.load(sys.argv[2]); probs, f0 = torch.as_tensor(d["probs"].astype(np.float32)), torch.as_tensor(d["f0"])
n, P, s = probs.shape[0], probs.shape[1], probs.shape[-1]
lab, _ = label_volumes(probs, smoothing_sigma(model, cfg), f0, True, cfg.label_fractions)
ref = truth_crops(np.load(sys.argv[3]), 2 * n, s, int(sys.argv[4]))[:n]
def share(v, ph):
    l, k = ndimage.label(v == ph); c = np.bincount(l.ravel())[1:]
    return c.max() / c.sum()
for name, vols in (("generated", [np.asarray(l) for l in lab]), ("truth", list(ref))):
    print(f"{name}: largest-piece share per phase " + " / ".join(f"{np.mean([share(v, ph) for v in vols]):.3f}" for ph in range(P)), flush=True)
