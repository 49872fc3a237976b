# Sandstone: decoding strategies from the same latents; Table 1 vs training region.
import sys, torch, numpy as np, time
from dataclasses import replace
from microlad.pipeline import load_weights
from microlad.lmpdd import *
from microlad.lmpdd import decode_along_axis, refine_along_axis, refinement_labels, label_targets, smoothing_sigma
from microlad.data import read_micrograph, region_tiles, reference_crops
from microlad.descriptors import s2_report, phase_fractions
torch.set_num_threads(2)
W, MIC, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
m = load_weights(W); cfg = LMPDDConfig.cpu(); P = m.n_phases
mic = read_micrograph(MIC, n_phases=P); tiles = region_tiles(mic); ref = reference_crops(mic, n=256)
z = sample_latent_volume(m, (64, 64, 64), n, cfg, seed=0, progress=False)
axes = [decode_along_axis(m, z, a, None, 64, cfg.upsample) for a in range(3)]
f0 = label_targets(m, sum(axes) / 3, cfg.label_fractions)
sig = smoothing_sigma(m, cfg); print("sigma", sig)
def refine(cur, K):
    for _ in range(K):
        inp = refinement_labels(cur, cfg.label_fractions, f0); nxt = torch.zeros_like(cur)
        for a in range(3): refine_along_axis(m, inp, a, nxt, 64, True)
        cur = nxt / 3
    return cur
def score(name, probs, s=sig):
    lab = label_volumes(probs, s, f0)
    rt = s2_report(lab, tiles, P); rh = s2_report(lab, ref, P)
    print(f"{name:40s} V_f {phase_fractions(lab, P).numpy().round(3)}  vs train " + " / ".join(f"{r.eps_rel:.2f}" for r in rt)
          + "   vs held-out " + " / ".join(f"{r.eps_rel:.2f}" for r in rh), flush=True)
avg = sum(axes) / 3
score("default: average, K=2", refine(avg, 2))
score("average, K=2, no smoothing", refine(avg, 2), 0.0)
one = torch.stack([axes[i % 3][i] for i in range(n)])
score("one axis (rotating), K=2", refine(one, 2))
score("one axis (rotating), K=4", refine(one, 4))
geo = torch.stack(axes).clamp_min(1e-6).log().mean(0).softmax(1)
score("geometric mean, K=2", refine(geo, 2))
mx = torch.stack(axes).max(0).values; mx = mx / mx.sum(1, keepdim=True)
score("max per phase, K=2", refine(mx, 2))
