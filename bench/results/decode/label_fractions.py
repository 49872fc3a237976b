# Experiment record (bench/results/decode): how to label the decoded probabilities (`label_fractions.py NAME N [fractions|sigma]`).
"""fractions: per volume, argmax fractions of the 3-axis-averaged probabilities (today) vs their mean probabilities vs the
training crops'; sigma: smoothing σ 1 / 1.5 / 2 at each volume's own argmax fractions. Scored vs slices and the 3D truth."""
import sys, time, os
import numpy as np, torch
torch.set_num_threads(1)
from microlad.pipeline import bundled_model
from microlad.data import default_micrograph, read_micrograph, reference_crops
from microlad.descriptors import s2_report, phase_fractions
from microlad.lmpdd import LMPDDConfig, sample_latent_volume, decode_volume, smooth_probabilities, match_phase_fractions, label_volumes
from microlad.truth import grf_volume, three_phase_volume, truth_report
name, n, mode = sys.argv[1], int(sys.argv[2]), (sys.argv[3] if len(sys.argv) > 3 else "fractions")
model = bundled_model(name, device="cpu")
cfg = LMPDDConfig.cpu(); P = model.n_phases
mic = read_micrograph(default_micrograph(name), n_phases=P)
ref, train = reference_crops(mic, n=256), reference_crops(mic, n=256, split="train")
truth = (grf_volume if name == "porous" else three_phase_volume)((192,) * 3, seed=100)
t0 = time.perf_counter()
z = torch.cat([sample_latent_volume(model, (64,) * 3, 1, cfg, seed=i, progress=False) for i in range(n)])
probs = decode_volume(model, z, cfg.refine_iters, cfg.batch_size, cfg.upsample, cfg.refine_input, progress=False)
sm = smooth_probabilities(probs, cfg.smooth_sigma)
print(f"# {name}: {n} × 64³ in {time.perf_counter() - t0:.0f} s; training-crop fractions {phase_fractions(train, P).numpy().round(4)}, "
      f"held-out {phase_fractions(ref, P).numpy().round(4)}, truth {np.bincount(truth.ravel(), minlength=P) / truth.size}", flush=True)
at = lambda fr: torch.stack([match_phase_fractions(s, fr(p)) for p, s in zip(probs, sm)])
rules = ({"argmax (today)": lambda: at(lambda p: phase_fractions(p.argmax(0), P)),
          "mean probability": lambda: at(lambda p: p.mean(dim=(1, 2, 3)).double()),
          "training crops": lambda: at(lambda p: phase_fractions(train, P))} if mode == "fractions" else
         {f"sigma {s_}": (lambda s_=s_: label_volumes(probs, s_)) for s_ in (1.0, 1.5, 2.0)})
for rule, labels in rules.items():
    lab = labels()
    sl = s2_report(lab, ref, P)
    rows = truth_report(lab.numpy(), truth, n_phases=P, with_tau=False)
    get = lambda ph, nm: [r for r in rows if r.phase == ph and r.name == nm]
    print(f"{rule}: V_f {phase_fractions(lab, P).numpy().round(4)}; " + "; ".join(
        f"ph{ph}: sliceS2 {sl[ph].eps_rel:.2f}% 3D-S2 {'/'.join(f'{r.err:.1f}' for r in get(ph, 's2'))} (floor "
        f"{'/'.join(f'{abs(r.floor):.1f}' for r in get(ph, 's2'))}) SSA {get(ph, 'ssa')[0].err:+.1f}% chord "
        f"{'/'.join(f'{r.err:+.1f}' for r in get(ph, 'chord'))}" for ph in range(P)), flush=True)
