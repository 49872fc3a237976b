"""Ball prior, other phases carried with the particle surface (transported_probs); 8 x 64^3 (or --128: 2 x 128^3)."""
import sys, numpy as np, torch
torch.set_num_threads(2)
sys.path.insert(0, "bench/results/sphere_prior")   # particles_draft.py: the draft measured before microlad.particles
import particles_draft as pd
from microlad.truth import truth_report
big = "--128" in sys.argv
if big:
    from microlad.ldm import load_model
    from microlad.lmpdd import reconstruct
    import os
    if os.path.exists("/work/runs/raw128_lp.pt"): lab, pr = torch.load("/work/runs/raw128_lp.pt")
    else:
        lab, pr = reconstruct(load_model("/work/runs/partic_ldm4k"), shape=(128,) * 3, n=2, seed=0, progress=False, return_probs=True)
        torch.save((lab, pr), "/work/runs/raw128_lp.pt")
    truth = np.load(".gpu/in/particulate_truth256.npy").astype(np.int64)
else:
    lab, pr = torch.load("/work/runs/raw8_lp.pt"); truth = np.load("/work/runs/partic_truth192.npy").astype(np.int64)
for md in [int(a) for a in sys.argv[1:] if not a.startswith("--")]:
    out = np.stack([pd.convex_particles_t(l.numpy(), p, 1, min_distance=md) for l, p in zip(lab, pr)])
    rows = truth_report(out, truth, n_phases=3)
    get = lambda ph, nm: " / ".join(f"{r.err:+.1f}" for r in rows if r.phase == ph and r.name == nm)
    print(f"min_distance {md}: V_f {[round(float((out == k).mean()), 4) for k in range(3)]} particles SSA {get(1, 'ssa').split(' / ')[0]}, tau {get(1, 'tau')} | "
          f"pore S2 {get(0, 's2')} tau {get(0, 'tau')} | binder S2 {get(2, 's2')} SSA {get(2, 'ssa').split(' / ')[0]} sections {get(2, 'sections')} tau {get(2, 'tau')} | particles S2 {get(1, 's2')} chords {get(1, 'chord')}", flush=True)
