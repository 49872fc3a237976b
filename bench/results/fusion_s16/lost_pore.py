# Where does the sandstone's pore go in 3D? stage-by-stage pore fraction, soft and argmax.
import sys, torch, numpy as np
from microlad.pipeline import load_weights
from microlad.lmpdd import *
from microlad.lmpdd import decode_along_axis, refine_along_axis, refinement_labels, label_targets
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
m = load_weights(sys.argv[1]); cfg = LMPDDConfig.cpu(); n = 4
ph = 1
z = sample_latent_volume(m, (64, 64, 64), n, cfg, seed=0, progress=False)
print("latent std per channel", z.std((0, 2, 3, 4)).numpy().round(3), "mean", z.mean((0, 2, 3, 4)).numpy().round(3))
def rep(name, p):
    print(f"{name:34s} soft {p[:, ph].mean():.3f}  argmax {(p.argmax(1) == ph).float().mean():.3f}  "
          f"mean max-prob {p.max(1).values.mean():.3f}  frac uncertain(0.2<p<0.8) {((p[:,ph]>0.2)&(p[:,ph]<0.8)).float().mean():.3f}")
axes = []
for a in range(3):
    p = decode_along_axis(m, z, a, None, 64, cfg.upsample); axes.append(p); rep(f"decode axis {a}", p)
am = torch.stack([p.argmax(1) for p in axes])
print("per-axis argmax agree (all 3)", (am[0] == am[1]).logical_and(am[1] == am[2]).float().mean().item())
vote = torch.stack([(am == k).sum(0) for k in range(m.n_phases)], 1).float()
print("majority vote pore", (vote.argmax(1) == ph).float().mean().item(), " any-axis pore", (am == ph).any(0).float().mean().item())
cur = sum(axes) / 3; rep("3-axis average", cur)
geo = torch.stack(axes).clamp_min(1e-6).log().mean(0).softmax(1); rep("3-axis geometric mean", geo)
f0 = label_targets(m, cur, cfg.label_fractions); print("targets", f0)
for k in range(cfg.refine_iters):
    inp = refinement_labels(cur, cfg.label_fractions, f0)
    nxt = torch.zeros_like(cur)
    for a in range(3): refine_along_axis(m, inp, a, nxt, 64, True)
    cur = nxt / 3; rep(f"refine pass {k+1}", cur)
# 2D: decode 2D samples
from microlad.ldm import *
import microlad.ldm as L
