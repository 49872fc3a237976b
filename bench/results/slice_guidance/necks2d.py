"2D version of the constriction signature: particle phase eroded by a disc of radius r in 64² slices, then 2D D_e."
import sys, numpy as np, torch
from scipy import ndimage
torch.set_num_threads(1)
from microlad.fem import effective_diffusivity
from microlad.data import read_micrograph, reference_crops
from microlad.truth import truth_crops
from microlad.descriptors import SDS_FEM
def disc(r):
    g = np.mgrid[-r:r + 1, -r:r + 1]; return (g ** 2).sum(0) <= r * r
def slices(vols): return np.concatenate([np.moveaxis(v, a, 0)[::4] for v in vols for a in range(3)])
def de(s, r):
    e = np.stack([ndimage.binary_erosion(x == 1, disc(r), border_value=1) if r else x == 1 for x in s]).astype(np.float32)
    f = torch.as_tensor(e)
    d = torch.cat([effective_diffusivity(f, 0, SDS_FEM), effective_diffusivity(f.transpose(-1, -2), 0, SDS_FEM)])
    return float(e.mean()), float(d.mean())
m = read_micrograph("/work/main/bench/results/particulate/particulate_slice.png")
sets = {"micrograph held-out": np.asarray(reference_crops(m, 64, split="val")), "micrograph train band": np.asarray(reference_crops(m, 64, split="train")),
        "truth slices": slices(truth_crops(np.load("/work/runs/partic_truth192.npy").astype(np.int64), 8, 64, seed=0))}
for f in sys.argv[1:]: sets[f] = slices(np.load(f))
for r in (0, 2, 3):
    for k, s in sets.items():
        vf, d = de(s, r)
        print(f"r={r} {k:30s} n={len(s):4d} V_f {vf:.3f} D_e {d:.4f}", flush=True)
