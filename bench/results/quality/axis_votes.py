# Experiment record (bench/results/quality): label from the three decoding axes' votes instead of their average.
"After the default decode, one more encode/decode pass per axis kept apart: argmax of the mean vs majority vote, scored vs the particulate truth."
import sys, time
import numpy as np, torch
torch.set_num_threads(1)
from microlad.ldm import load_model
from microlad.descriptors import phase_fractions
from microlad.lmpdd import LMPDDConfig, sample_latent_volume, decode_volume, refine_along_axis, label_volumes
from microlad.truth import truth_report
w, n = sys.argv[1], int(sys.argv[2])
model, cfg = load_model(w, device="cpu"), LMPDDConfig.cpu()
truth = np.load(".gpu/in/particulate_truth.npy").astype(np.int64)
t0 = time.perf_counter()
z = torch.cat([sample_latent_volume(model, (64,) * 3, 1, cfg, seed=i, progress=False) for i in range(n)])
probs = decode_volume(model, z, cfg.refine_iters, cfg.batch_size, cfg.upsample, cfg.refine_input, progress=False)
per_axis = torch.stack([refine_along_axis(model, probs, a, batch_size=cfg.batch_size) for a in range(3)])   # (3,n,P,D,H,W)
print(f"# {w}: {n} × 64³ in {time.perf_counter() - t0:.0f} s", flush=True)
votes = torch.nn.functional.one_hot(per_axis.argmax(2), model.n_phases).sum(0).movedim(-1, 1).float()   # (n,P,D,H,W)
mean = per_axis.mean(0)
rules = {"argmax of the 3-axis mean (today, σ=0)": mean.argmax(1), "today with σ=1": label_volumes(mean, 1.0),
         "majority vote (ties: mean)": (votes + 1e-3 * mean).argmax(1),
         "majority vote, then σ=1": label_volumes(votes / 3 + 1e-3 * mean, 1.0)}
for name, lab in rules.items():
    rows = truth_report(lab.numpy(), truth, n_phases=model.n_phases, with_tau=False)
    get = lambda ph, nm: [r for r in rows if r.phase == ph and r.name == nm]
    print(f"{name}: V_f {phase_fractions(lab, model.n_phases).numpy().round(4)}; " + "; ".join(
        f"ph{ph}: S2 {'/'.join(f'{r.err:.1f}' for r in get(ph, 's2'))} SSA {get(ph, 'ssa')[0].err:+.1f} chord "
        f"{'/'.join(f'{r.err:+.1f}' for r in get(ph, 'chord'))}" for ph in range(model.n_phases)), flush=True)
