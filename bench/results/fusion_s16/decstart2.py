import sys, torch
exec(open("bench/results/fusion_s16/decstart.py").read().split("avg = sum")[0])
from microlad.lmpdd import per_axis_s2_errors, slice_change_rate, pixel_change_rate
print("tiles pixel change rate", round(pixel_change_rate(tiles), 4))
def score2(name, probs, s=sig):
    lab = label_volumes(probs, s, f0)
    pa = per_axis_s2_errors(lab, tiles, P)
    print(f"{name:36s} per-axis (slices normal to 0/1/2) pore % " + " / ".join(f"{x:.2f}" for x in pa[:, 1].tolist())
          + "  change rate " + " / ".join(f"{x:.4f}" for x in slice_change_rate(lab).mean(0).tolist()), flush=True)
avg = sum(axes) / 3
score2("default", refine(avg, 2))
for a in range(3): score2(f"start axis {a}, K=2", refine(axes[a], 2))
zn = [decode_along_axis(m, z, a, None, 64, "nearest") for a in range(1)]
score2("start axis 0 nearest, K=2", refine(zn[0], 2))
