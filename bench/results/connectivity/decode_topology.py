"""Which step of L-MPDD's decoding merges the particles' sections? One sampling of N × 64³ latent volumes
(default sampler), decoded several ways; 2D sections / Euler number per 1000 px per phase over the slices of all
three axes (and, for a one-axis decode, over the decoded planes alone).

    python bench/results/connectivity/decode_topology.py WEIGHTS [N]"""
import sys, time, dataclasses
import numpy as np, torch
from microlad.ldm import load_model
from microlad.lmpdd import (LMPDDConfig, sample_latent_volume, decode_along_axis, decode_volume, label_volumes,
                            smoothing_sigma)
sys.path.insert(0, "bench/results/connectivity")
from stage_topology import stats2d, vol_slices

def main():
    model = load_model(sys.argv[1]); n = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    torch.set_num_threads(2); P = model.n_phases; cfg = LMPDDConfig.cpu()
    t = time.perf_counter()
    z = sample_latent_volume(model, (64, 64, 64), n, cfg, seed=0, progress=False)
    print(f"# {sys.argv[1]}: {n} × 64³ sampled in {time.perf_counter() - t:.0f} s; {cfg}")
    rows = {}
    for up in ("nearest", "linear"):
        p0 = decode_along_axis(model, z, 0, upsample=up)
        rows[f"axis-0 decode only ({up}), argmax: decoded planes"] = stats2d([s for v in p0.argmax(1) for s in v], P)
        rows[f"axis-0 decode only ({up}), argmax: all three axes"] = stats2d(vol_slices(p0.argmax(1)), P)
        p3 = sum(decode_along_axis(model, z, a, upsample=up) for a in range(3)) / 3
        rows[f"three-axis average ({up}), no refinement, argmax"] = stats2d(vol_slices(p3.argmax(1)), P)
    for K in (1, 2):
        pk, f0 = decode_volume(model, z, K, upsample="linear", progress=False, label_fractions="training", return_fractions=True)
        rows[f"+ {K} refinement pass(es), argmax"] = stats2d(vol_slices(pk.argmax(1)), P)
        if K == 2:
            rows["+ labels at the training fractions (no smoothing)"] = stats2d(vol_slices(label_volumes(pk, 0, f0, label_fractions="training")), P)
            rows["+ per-phase smoothing (the default output)"] = stats2d(vol_slices(label_volumes(pk, smoothing_sigma(model, cfg), f0, label_fractions="training")), P)
    print("| decoding | " + " | ".join(f"phase {p} sections / Euler" for p in range(P)) + " |")
    print("|---|" + "---|" * P)
    for k, r in rows.items(): print(f"| {k} | " + " | ".join(f"{a:.2f} / {b:.2f}" for a, b in r) + " |")

if __name__ == "__main__": main()
