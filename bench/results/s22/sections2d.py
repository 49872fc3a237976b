# Does the 2D prior keep the particles' section count on slices larger than its 64 px training patches?
# 2D samples (DDIM 50, eta 1) at 64 / 128 / 256 px vs crops of the training slice and 2D slices of the 3D truth.
# python sections2d.py MODEL SLICE.png TRUTH.npy
import sys, numpy as np, torch
from scipy import ndimage
from microlad.ldm import load_model
from microlad.data import read_micrograph as load_micrograph
torch.set_num_threads(1)
model, img, truth = load_model(sys.argv[1]), np.asarray(load_micrograph(sys.argv[2])), np.load(sys.argv[3])
P = model.n_phases
def sections(labs):   # per phase, 4-connected sections per 1000 px, mean over images
    return [1000 * np.mean([ndimage.label(l == ph)[1] / l.size for l in labs]) for ph in range(P)]
fmt = lambda r: " / ".join(f"{x:.2f}" for x in r)
rng = np.random.default_rng(0)
for s in (64, 128, 256):
    crops = [truth[rng.integers(256)][:s, :s] if s == 256 else truth[rng.integers(256), i:i + s, j:j + s]
             for i, j in rng.integers(0, 257 - s, (32, 2))]
    print(f"truth slices {s}px: {fmt(sections(crops))}", flush=True)
print(f"training slice 256px: {fmt(sections([img]))}", flush=True)
for s, n in ((64, 64), (128, 16), (256, 4)):
    p = model.sample(n, s, steps=50, eta=1.0, seed=1, progress=False)
    print(f"LDM 2D samples {s}px (n={n}): {fmt(sections(p.argmax(1).numpy()))}, fractions {np.round(np.bincount(p.argmax(1).numpy().ravel(), minlength=P) / p.argmax(1).numel(), 3).tolist()}", flush=True)
