"""Sample once, decode with several refinement-pass counts K, label (default per-phase sigma), truth_report each.
usage: refk.py WEIGHTS CASE|truth.npy N "k=v k=v" K..."""
import sys, time, numpy as np, torch
sys.path.insert(0, "/work/main/bench")
from dataclasses import replace
from overrides import apply_overrides
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, sample_latent_volume, decode_volume, label_volumes, smoothing_sigma
from compact import print_compact
from microlad.truth import truth_report, grf_volume, three_phase_volume, particulate_volume
torch.set_num_threads(1)
w, tr, N, sets, Ks = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(), [int(k) for k in sys.argv[5:]]
cfg = apply_overrides(LMPDDConfig.cpu(), sets or None)
truth = np.load(tr).astype(np.int64) if tr.endswith(".npy") else {"grf": grf_volume, "three_phase": three_phase_volume, "particulate": particulate_volume}[tr]((192,) * 3, seed=100)
model = load_model(w, device="cpu"); P = model.n_phases
t0 = time.time()
z = sample_latent_volume(model, (64,) * 3, N, cfg, seed=0, progress=False)
print(f"# {w} vs {tr}; {' '.join(sets)}; sampled {N} x 64^3 in {time.time()-t0:.0f}s", flush=True)
sg = smoothing_sigma(model, cfg)
for K in Ks:
    t0 = time.time()
    pr, f0 = decode_volume(model, z, K, progress=False, upsample=cfg.upsample, return_fractions=True)
    lab = label_volumes(pr, sg, f0).numpy(); dt = time.time() - t0
    rows = truth_report(lab, truth, n_phases=P, with_tau=True, seed=0)
    print_compact(rows, P, f"K = {K} (decode + label {dt:.0f} s), sigma {tuple(round(x,2) for x in sg)}")
