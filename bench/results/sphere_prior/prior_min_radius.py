"""Ball prior (microlad.particles.convex_particles): sensitivity to min_radius and min_distance; 8 x 64^3 (or --128: 2 x 128^3)
of the particulate cpu model, vs the truth. Arguments: min_distance:min_radius pairs."""
import sys, time, numpy as np, torch
torch.set_num_threads(2)
from microlad.particles import convex_particles, ParticleConfig
from microlad.truth import truth_report
if "--128" in sys.argv: lab, pr = torch.load("/work/runs/raw128_lp.pt"); truth = np.load(".gpu/in/particulate_truth256.npy").astype(np.int64)
else: lab, pr = torch.load("/work/runs/raw8_lp.pt"); truth = np.load("/work/runs/partic_truth192.npy").astype(np.int64)
for a in sys.argv[1:]:
    if a.startswith("--"): continue
    md, mr = a.split(":"); cfg = ParticleConfig(min_distance=int(md), min_radius=float(mr))
    t0 = time.time(); out = np.stack([convex_particles(l.numpy(), 1, p, cfg) for l, p in zip(lab, pr)]); t = (time.time() - t0) / len(lab)
    rows = truth_report(out, truth, n_phases=3)
    get = lambda ph, nm: " / ".join(f"{r.err:+.1f}" for r in rows if r.phase == ph and r.name == nm)
    print(f"min_distance {md} min_radius {mr} ({t:.1f} s/volume): particles SSA {get(1, 'ssa').split(' / ')[0]}, S2 {get(1, 's2')}, chords {get(1, 'chord')}, "
          f"tau {get(1, 'tau')} | pore S2 {get(0, 's2')} tau {get(0, 'tau')} | binder S2 {get(2, 's2')} tau {get(2, 'tau')}", flush=True)
