"""Pore sections per 1000 px (4-connectivity) of the slices at each decoding stage of the same sampled latents:
one axis decoded alone (its own planes / the planes across it), the three averaged or spectrally fused, the final labels.

    python bench/results/fusion_s16/stage_sections.py WEIGHTS [N]"""
import sys, numpy as np, torch
sys.path.insert(0, "bench/results/connectivity")
from stage_topology import stats2d
from microlad.pipeline import load_weights
from microlad.lmpdd import (LMPDDConfig, sample_latent_volume, decode_along_axis, spectral_fusion, label_targets,
                            label_volumes, smoothing_sigma, refinement_labels, refine_along_axis, match_phase_fractions)
torch.set_num_threads(1)
m = load_weights(sys.argv[1]); n = int(sys.argv[2]) if len(sys.argv) > 2 else 4; P = m.n_phases; cfg = LMPDDConfig.cpu()
z = sample_latent_volume(m, (64, 64, 64), n, cfg, seed=0, progress=False)
dec = [decode_along_axis(m, z, a, None, 64, cfg.upsample) for a in range(3)]
f0 = label_targets(m, sum(dec) / 3, cfg.label_fractions)
planes = lambda lab, axes: [s for v in lab for a in axes for s in np.moveaxis(v.numpy(), a, 0)]
def row(name, lab, axes=(0, 1, 2)):
    st = stats2d(planes(lab, axes), P)
    print(f"| {name} | " + " | ".join(f"{st[p, 0]:.2f}" for p in range(P)) + " |", flush=True)
print("| stage | " + " | ".join(f"phase {p} sections" for p in range(P)) + " |\n|---|" + "---|" * P)
lab0 = dec[0].argmax(1)
row("axis-0 decode alone, argmax, its own planes (normal to axis 0)", lab0, (0,))
row("axis-0 decode alone, argmax, planes across it (normal to 1, 2)", lab0, (1, 2))
fr = lambda p: torch.stack([match_phase_fractions(q, f) for q, f in zip(p, f0)])
row("axis-0 decode alone, at the training fractions, own planes", fr(dec[0]), (0,))
for name, p in [("average", sum(dec) / 3), ("spectral", spectral_fusion(dec))]:
    row(f"{name} of the three, at the training fractions", fr(p))
    cur = p
    for _ in range(cfg.refine_iters):
        inp = refinement_labels(cur, cfg.label_fractions, f0); nxt = torch.zeros_like(cur)
        for a in range(3): refine_along_axis(m, inp, a, nxt, 64, True)
        cur = nxt / 3
    row(f"{name}, after refinement, at the training fractions (no smoothing)", fr(cur))
    row(f"{name}, final labels (smoothed)", label_volumes(cur, smoothing_sigma(m, cfg), f0))
