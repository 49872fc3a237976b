"""Particles' tau per axis at 128^3 (4 volumes, seed 1 as bench_truth --seed 1 --n 4) for min_distance 1, 2, 3 of the
convex-particle prior, against the 4 truth crops bench_truth uses (truth_crops seed 1)."""
import os, sys, numpy as np, torch
torch.set_num_threads(2)
from microlad.particles import convex_particles, ParticleConfig
from microlad.ldm import load_model
from microlad.lmpdd import reconstruct
from microlad.truth import truth_crops
from microlad.fem import tortuosity
f = "/work/runs/raw128x4_lp.pt"
if os.path.exists(f): lab, pr = torch.load(f)
else:
    lab, pr = reconstruct(load_model("/work/runs/partic_ldm4k"), shape=(128,) * 3, n=4, seed=1, progress=False, return_probs=True)
    torch.save((lab, pr), f)
truth = np.load(".gpu/in/particulate_truth256.npy").astype(np.int64)
tc = truth_crops(truth, 4, 128, seed=1)
tau = lambda vols, ph: np.array([[tortuosity(v, ph, a) for a in range(3)] for v in vols]).mean(0)
t_truth = {ph: tau(tc, ph) for ph in (0, 1, 2)}
print("truth tau per axis", {ph: np.round(t, 3).tolist() for ph, t in t_truth.items()}, flush=True)
print("default", {ph: np.round(100 * (tau(lab.numpy(), ph) / t_truth[ph] - 1), 1).tolist() for ph in (0, 1, 2)}, flush=True)
for md in map(int, sys.argv[1:]):
    out = [convex_particles(l, 1, p, ParticleConfig(min_distance=md)) for l, p in zip(lab, pr)]
    print(f"min_distance {md}", {ph: np.round(100 * (tau(out, ph) / t_truth[ph] - 1), 1).tolist() for ph in (0, 1, 2)}, flush=True)
