import sys, numpy as np, torch
torch.set_num_threads(1)
from microlad.particles import convex_particles, ParticleConfig
from microlad.truth import truth_crops
from microlad.fem import tortuosity
truth = np.load("/work/runs/partic_truth192.npy").astype(np.int64)
tc = truth_crops(truth, 4, 64, seed=0)
for a in sys.argv[1:]:
    md, mr = a.split(":"); cfg = ParticleConfig(min_distance=int(md), min_radius=float(mr))
    t0 = [np.mean([tortuosity(v, 1, ax) for v in tc]) for ax in range(3)]
    out = [convex_particles(v, 1, None, cfg) for v in tc]
    t1 = [np.mean([tortuosity(v, 1, ax) for v in out]) for ax in range(3)]
    t2 = [np.mean([tortuosity(v, 2, ax) for v in out]) / np.mean([tortuosity(v, 2, ax) for v in tc]) - 1 for ax in range(3)]
    ch = np.mean([(o != v).mean() for o, v in zip(out, tc)])
    print(a, "truth crops particles tau", np.round(t0, 3), "after prior", np.round(t1, 3), "rel %", np.round(100 * (np.array(t1) / t0 - 1), 1), "binder tau rel %", np.round(100 * np.array(t2), 1), "voxels changed", round(ch, 3), flush=True)
