import sys, torch
exec(open("bench/results/fusion_s16/decstart.py").read().split("avg = sum")[0])
from microlad.lmpdd import per_axis_s2_errors, slice_change_rate, pixel_change_rate
def fuse(axes, mirror=True, power=1.0):
    "Each axis decoding weighted, per wave vector, by the share of |k|² in its own plane."
    x = torch.stack(axes)                          # (3,n,P,D,H,W)
    D, H, W = x.shape[-3:]
    if mirror: x = torch.cat([x, x.flip(-3)], -3); x = torch.cat([x, x.flip(-2)], -2); x = torch.cat([x, x.flip(-1)], -1)
    f = [torch.fft.fftfreq(s) for s in x.shape[-3:]]
    k2 = torch.stack(torch.meshgrid(*[q ** 2 for q in f], indexing="ij"))     # (3, ...)
    tot = k2.sum(0)
    w = ((tot - k2) / (2 * tot).clamp_min(1e-12)) ** power
    w[:, 0, 0, 0] = 1.0
    w = w / w.sum(0, keepdim=True)
    X = torch.fft.fftn(x, dim=(-3, -2, -1))
    out = torch.fft.ifftn((X * w[:, None, None]).sum(0), dim=(-3, -2, -1)).real[..., :D, :H, :W]
    out = out.clamp_min(0); return out / out.sum(1, keepdim=True).clamp_min(1e-12)
def score2(name, probs, s=sig):
    lab = label_volumes(probs, s, f0)
    pa = per_axis_s2_errors(lab, tiles, P); rt = s2_report(lab, tiles, P); rh = s2_report(lab, ref, P)
    print(f"{name:28s} vs train " + " / ".join(f"{r.eps_rel:.2f}" for r in rt) + "  held-out " + " / ".join(f"{r.eps_rel:.2f}" for r in rh) +
          "  per-axis last phase " + " / ".join(f"{x:.2f}" for x in pa[:, -1].tolist())
          + "  change " + " / ".join(f"{x:.4f}" for x in slice_change_rate(lab).mean(0).tolist()), flush=True)
print("tiles pixel change rate", round(pixel_change_rate(tiles), 4))
avg = sum(axes) / 3
score2("default", refine(avg, 2))
fu = fuse(axes)
lab0 = fu.argmax(1); print("fused argmax last phase", float((lab0 == P - 1).float().mean()), "avg argmax", float((avg.argmax(1) == P - 1).float().mean()))
score2("fused, K=0", fu)
score2("fused, K=2", refine(fu, 2))
score2("fused, K=2, no smoothing", refine(fu, 2), 0.0)
score2("fused p=2, K=2", refine(fuse(axes, power=2.0), 2))
