"reconstruct 64^3, n = 1, seeds 0-2, 2 threads, after one warm-up: median seconds per volume for the given sampler settings."
import sys, os, time, statistics, torch
sys.path.insert(0, "bench")
from overrides import apply_overrides
from microlad.pipeline import bundled_model
from microlad.lmpdd import LMPDDConfig, reconstruct
torch.set_num_threads(2)
for name in ("porous", "sofc_anode"):
    m = bundled_model(name)
    for sets in ([], ["upsample=nearest", "label_fractions=expected"]):
        cfg = apply_overrides(LMPDDConfig.cpu(), sets)
        reconstruct(m, (64,) * 3, 1, seed=9, config=cfg, progress=False)
        ts = []
        for s in range(3):
            t = time.perf_counter(); reconstruct(m, (64,) * 3, 1, seed=s, config=cfg, progress=False); ts.append(time.perf_counter() - t)
        print(f"{name:11s} {' '.join(sets) or 'default (linear, training labels)':32s} median {statistics.median(ts):.2f} s ({min(ts):.2f}-{max(ts):.2f}), load {os.getloadavg()[0]:.2f}", flush=True)
