"""The ball prior (inscribed radii, layering kept) on 2 x 128^3 of the particulate cpu model, vs the 256^3 truth."""
import sys, time, numpy as np, torch
torch.set_num_threads(2)
sys.path.insert(0, "bench/results/sphere_prior")   # particles_draft.py: the draft measured before microlad.particles
from particles_draft import convex_particles
from microlad.ldm import load_model
from microlad.lmpdd import reconstruct
from microlad.truth import truth_report, format_truth_report
side, n = int(sys.argv[1]), int(sys.argv[2])
truth = np.load(sys.argv[3]).astype(np.int64)
lab, pr = reconstruct(load_model("/work/runs/partic_ldm4k"), shape=(side,) * 3, n=n, seed=0, progress=False, return_probs=True)
t0 = time.time(); out = np.stack([convex_particles(l.numpy(), p, 1) for l, p in zip(lab, pr)]); t = time.time() - t0
for name, v in (("default", lab.numpy()), (f"ball prior ({t / n:.1f} s per volume)", out)):
    print("##", name, "V_f", [round(float((v == k).mean()), 4) for k in range(3)], flush=True)
    print(format_truth_report(truth_report(v, truth, n_phases=3)), flush=True)
