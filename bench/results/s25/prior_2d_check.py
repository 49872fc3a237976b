# Can the generated volume itself say whether the convex-particle prior fits a phase? For one sampling (s21/sample_seed.py
# output), label it the default way and with each phase rebuilt as convex particles (`phase_priors`), and compare the
# slices of each with the ONE training micrograph: per phase, the chord-length distribution (1-Wasserstein, px, rows and
# columns of the micrograph vs the three axes of the volume) and the 4-connected sections per 1000 px.
# python prior_2d_check.py MODEL SAMPLES.npz MICROGRAPH
import sys, time, numpy as np, torch
from microlad.ldm import load_model
from microlad.data import read_micrograph
from microlad.lmpdd import LMPDDConfig, label_volumes, smoothing_sigma
from microlad.particles import phase_priors
from microlad.truth import chord_distribution, chord_distance, slice_sections
torch.set_num_threads(1)
model, cfg = load_model(sys.argv[1]), LMPDDConfig.cpu()
d = np.load(sys.argv[2]); probs, f0 = torch.as_tensor(d["probs"].astype(np.float32)), torch.as_tensor(d["f0"])
img = read_micrograph(sys.argv[3], model.n_phases)
P, L = probs.shape[1], 64
mic = img[None, None]                                     # (1,1,H,W): axes 1 and 2 are the micrograph's columns and rows
mic_ch = [0.5 * (chord_distribution(mic, ph, 1, L) + chord_distribution(mic, ph, 2, L)) for ph in range(P)]
mic_sec = [slice_sections(img[None], ph, 0) for ph in range(P)]
lab, sm = label_volumes(probs, smoothing_sigma(model, cfg), f0, True, cfg.label_fractions)
def score(v, name):
    ch = [np.mean([chord_distance(chord_distribution(v, ph, a, L), mic_ch[ph]) for a in range(3)]) for ph in range(P)]
    sec = [100 * (np.mean([slice_sections(x, ph, a) for x in v for a in range(3)]) / mic_sec[ph] - 1) for ph in range(P)]
    print(f"{name:10s} chord W1 px " + " / ".join(f"{c:.2f}" for c in ch) + f" (sum {sum(ch):.2f}) | sections % "
          + " / ".join(f"{s:+.0f}" for s in sec) + f" (mean |.| {np.mean(np.abs(sec)):.0f})", flush=True)
print(f"# {sys.argv[2]} vs {sys.argv[3]} (fractions {np.round(np.bincount(img.ravel(), minlength=P) / img.size, 3).tolist()})")
score(np.asarray(lab), "default")
for ph in range(P):
    t = time.perf_counter()
    try: v = np.asarray(phase_priors(lab, sm, ph, None))
    except ValueError as e: print(f"convex {ph}: {e}"); continue
    score(v, f"convex {ph}")
