# Experiment record (bench/results/decode): decoding settings on the same sampled latents, shipped weights.
"Latent up-sampling along the decoding axis (nearest/linear) × refinement passes K, scored on slices (vs held-out crops) and in 3D (vs the truth)."
import sys, time, os
import numpy as np, torch
torch.set_num_threads(1)
from microlad.pipeline import bundled_model
from microlad.data import default_micrograph, read_micrograph, reference_crops
from microlad.descriptors import s2_report
from microlad.lmpdd import LMPDDConfig, sample_latent_volume, decode_volume, label_volumes
from microlad.truth import grf_volume, three_phase_volume, truth_report
name, n = sys.argv[1], int(sys.argv[2])
settings = [s.split(":") for s in sys.argv[3].split(",")]          # e.g. nearest:2,linear:2,linear:4
model = bundled_model(name, device="cpu")
cfg = LMPDDConfig.cpu()
mic = read_micrograph(default_micrograph(name), n_phases=model.n_phases)
ref = reference_crops(mic, n=256)
truth = (grf_volume if name == "porous" else three_phase_volume)((192,) * 3, seed=100)
t0 = time.perf_counter()
z = torch.cat([sample_latent_volume(model, (64,) * 3, 1, cfg, seed=i, progress=False) for i in range(n)])
print(f"# {name}: {n} × 64³ latents sampled in {time.perf_counter() - t0:.0f} s (DDIM 50, moment matching); load {os.getloadavg()[0]:.2f}", flush=True)
for up, K in settings:
    t = time.perf_counter()
    probs = decode_volume(model, z, int(K), cfg.batch_size, up, cfg.refine_input, progress=False)
    lab = label_volumes(probs, cfg.smooth_sigma)
    sl = s2_report(lab, ref, model.n_phases)
    rows = truth_report(lab.numpy(), truth, n_phases=model.n_phases, with_tau=False)
    get = lambda ph, nm: [r for r in rows if r.phase == ph and r.name == nm]
    desc = "; ".join(f"ph{ph}: sliceS2 {sl[ph].eps_rel:.2f}% 3D-S2 {'/'.join(f'{r.err:.1f}' for r in get(ph, 's2'))} "
                     f"SSA {get(ph, 'ssa')[0].err:+.1f}% chord {'/'.join(f'{r.err:+.1f}' for r in get(ph, 'chord'))} "
                     f"vf {get(ph, 'vf')[0].err:+.3f}" for ph in range(model.n_phases))
    print(f"{up:7s} K={K}: {desc}  ({time.perf_counter() - t:.0f} s)", flush=True)
