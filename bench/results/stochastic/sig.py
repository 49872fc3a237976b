"""Sample once, label with several per-phase sigma sets, truth_report each (compact). FRACTIONS=training: labels at
the model's training-region fractions instead of the decoded latent's.
usage: sig.py WEIGHTS CASE|truth.npy N "k=v k=v" SIGMAS... (SIGMAS like 'auto' or 'auto0.1' (ratio) or '1,1,0.5')"""
import os, sys, time, numpy as np, torch
sys.path.insert(0, "/work/main/bench")
from dataclasses import replace
from overrides import apply_overrides
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, sample_latent_volume, decode_volume, label_volumes, smoothing_sigma
from compact import print_compact
from microlad.truth import truth_report, grf_volume, three_phase_volume, particulate_volume
torch.set_num_threads(1)
w, tr, N, sets, sigs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(), sys.argv[5:]
cfg = apply_overrides(LMPDDConfig.cpu(), sets or None)
truth = np.load(tr).astype(np.int64) if tr.endswith(".npy") else {"grf": grf_volume, "three_phase": three_phase_volume, "particulate": particulate_volume}[tr]((192,) * 3, seed=100)
model = load_model(w, device="cpu"); P = model.n_phases
t0 = time.time()
z = sample_latent_volume(model, (64,) * 3, N, cfg, seed=0, progress=False)
pr, f0 = decode_volume(model, z, cfg.refine_iters, progress=False, upsample=cfg.upsample, return_fractions=True,
                     label_fractions=cfg.label_fractions)
if os.environ.get("FRACTIONS") == "training":   # label at the model's training-region fractions instead of the latent's own
    f0 = torch.as_tensor(np.asarray(model.training_stats.fractions), dtype=f0.dtype).expand(N, -1)
print(f"# {w} vs {tr}; labels at {os.environ.get('FRACTIONS', cfg.label_fractions)} fractions; {' '.join(sets)}; sampled+decoded {N} x 64^3 in {time.time()-t0:.0f}s", flush=True)
for s in sigs:
    if s.startswith("auto"):
        c = replace(cfg, smooth_length_ratio=float(s[4:]) if len(s) > 4 else cfg.smooth_length_ratio); sg = smoothing_sigma(model, c)
    else: sg = tuple(float(x) for x in s.split(","))
    lab = label_volumes(pr, sg, f0).numpy()
    rows = truth_report(lab, truth, n_phases=P, with_tau=True, seed=0)
    print_compact(rows, P, f"sigma {tuple(round(x,2) for x in sg)}")
