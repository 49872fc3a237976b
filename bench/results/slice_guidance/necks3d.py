"""Constrictions of the particle phase in 3D: erode it by a ball of radius r (voxels), then the eroded phase's volume
fraction, the share of it in the largest 6-connected cluster, and its tau along each axis; truth crops vs generated."""
import sys, numpy as np, torch
from scipy import ndimage
torch.set_num_threads(1)
from microlad.fem import tortuosity
from microlad.truth import truth_crops
from microlad.ldm import load_model
from microlad.lmpdd import reconstruct

def ball(r):
    g = np.mgrid[-r:r + 1, -r:r + 1, -r:r + 1]
    return (g ** 2).sum(0) <= r * r

def stats(vols, phase, r):
    vf, big, taus = [], [], []
    for v in vols:
        m = v == phase
        e = ndimage.binary_erosion(m, ball(r), border_value=1) if r else m
        lab, k = ndimage.label(e)
        sizes = np.bincount(lab.ravel())[1:] if k else np.array([0])
        vf.append(e.mean()); big.append(sizes.max() / max(1, e.sum()))
        t = [float(tortuosity(e.astype(np.int64), 1, a)) for a in range(3)]
        taus.append(t)
    t = np.array(taus); t[~np.isfinite(t)] = np.nan
    return np.mean(vf), np.mean(big), np.nanmean(t, 0), np.isfinite(np.array(taus)).mean()

truth = np.load("/work/runs/partic_truth192.npy").astype(np.int64)
tc = truth_crops(truth, 8, 64, seed=0)
gen = {"generated (cpu model, default)": np.asarray(reconstruct(load_model("/work/runs/partic_ldm4k"), shape=(64,) * 3, n=8, seed=0, progress=False))}
for f in sys.argv[1:]: gen[f] = np.load(f)
for phase in (1,):
    for r in (0, 1, 2, 3):
        for name, v in [("truth crops", tc)] + list(gen.items()):
            vf, big, tau, perc = stats(v, phase, r)
            print(f"phase {phase} erosion r={r}  {name:34s} V_f {vf:.3f}  largest cluster {big:.2f}  tau per axis "
                  + " / ".join(f"{x:.2f}" for x in tau) + f"  percolating {perc:.2f}", flush=True)
