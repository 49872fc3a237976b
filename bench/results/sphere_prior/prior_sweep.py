"""Ball prior: how the particle-centre spacing (min_distance, voxels) sets particles' SSA and tau; 8 x 64^3 of the
particulate cpu model (seed 0) vs the 192^3 truth."""
import sys, numpy as np, torch
torch.set_num_threads(2)
sys.path.insert(0, "bench/results/sphere_prior")   # particles_draft.py: the draft measured before microlad.particles
import particles_draft as pd
from microlad.descriptors import surface_area
from microlad.truth import truth_report
truth = np.load("/work/runs/partic_truth192.npy").astype(np.int64)
lab, pr = torch.load("/work/runs/raw8_lp.pt")
ssa0 = float(surface_area(torch.as_tensor(lab.numpy() == 1, dtype=torch.float32), ndim=3).mean())
print(f"SSA of the particles before the prior {ssa0:.4f}")
for md in map(int, sys.argv[1:]):
    out = np.stack([pd.convex_particles(l.numpy(), p, 1, min_distance=md) for l, p in zip(lab, pr)])
    rows = truth_report(out, truth, n_phases=3)
    get = lambda ph, nm: " / ".join(f"{r.err:+.1f}" for r in rows if r.phase == ph and r.name == nm)
    ssa = float(surface_area(torch.as_tensor(out == 1, dtype=torch.float32), ndim=3).mean())
    print(f"min_distance {md}: particles SSA {ssa:.4f} ({get(1, 'ssa').split(' / ')[0]} % vs truth), tau {get(1, 'tau')} | "
          f"pore S2 {get(0, 's2')} tau {get(0, 'tau')} | binder S2 {get(2, 's2')} tau {get(2, 'tau')} | particles S2 {get(1, 's2')} chords {get(1, 'chord')}", flush=True)
