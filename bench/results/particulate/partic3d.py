# Experiment record (bench/results/particulate/README.md); not part of the package or the test suite.
"Particulate 3D row: 8 × 64³ from the particulate cpu model vs the particulate truth, labelled with σ = 0, adaptive, 1."
import numpy as np, torch, time, sys, os
torch.set_num_threads(1)
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, sample_latent_volume, decode_volume, label_volumes, smoothing_sigma
from microlad.truth import particulate_volume, truth_report, format_truth_report
from microlad.pipeline import s2_numbers
from microlad.data import read_micrograph
n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
t0 = time.perf_counter()
model = load_model("/work/scratch/runs/particulate_cpu")
cfg = LMPDDConfig.cpu()
sig = smoothing_sigma(model, cfg)
print(f"# adaptive sigma {sig:.3f}; length scales {[round(model.training_stats.length_scale(p), 2) for p in range(3)]}; load {os.getloadavg()[0]:.2f}", flush=True)
probs = []
for i in range(n):
    z = sample_latent_volume(model, (64,) * 3, 1, cfg, seed=i, progress=False)
    probs.append(decode_volume(model, z, cfg.refine_iters, cfg.batch_size, cfg.upsample, cfg.refine_input, progress=False))
probs = torch.cat(probs)
print(f"# {n} volumes sampled+decoded in {time.perf_counter() - t0:.0f} s", flush=True)
truth = particulate_volume((192,) * 3, seed=100)
img = read_micrograph("/work/scratch/particulate_slice.png")
for s in (0.0, sig, 1.0):
    lab = label_volumes(probs, s).numpy()
    np.save(f"/work/scratch/partic_vols_s{s:.2f}.npy", lab.astype(np.uint8))
    sn = s2_numbers(lab, img)
    print(f"## sigma {s:.2f}: V_f {np.round(sn['vf_volume'], 4).tolist()} (slice {np.round(sn['vf_micrograph'], 4).tolist()}); slice S2 eps_rel % "
          f"{[round(r.eps_rel, 2) for r in sn['rows']]} (floor {[round(r.eps_rel, 2) for r in sn['floor']]})", flush=True)
    rows = truth_report(lab, truth, n_phases=3, with_tau=(s != 0.0), seed=0)
    print(format_truth_report(rows, f"sigma {s:.2f}: {n} × 64³ vs {n} truth crops (192³, seed 100)"), flush=True)
print(f"# done {time.perf_counter() - t0:.0f} s")
