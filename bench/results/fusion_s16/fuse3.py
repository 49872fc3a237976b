import sys, torch
exec(open("bench/results/fusion_s16/fuse2.py").read().split("a, b = fuse(axes)")[0])
from microlad.descriptors import mean_s2_curves
print("tiles pixel change rate", round(pixel_change_rate(tiles), 4))
avg = sum(axes) / 3
for name, pr in [("average", avg), ("spectral p2", fuse_dct(axes, 2.0)), ("spectral p4", fuse_dct(axes, 4.0))]:
    lab = label_volumes(refine(pr, 2), sig, f0)
    score2(name, refine(pr, 2))
    ph, cg, cr = mean_s2_curves(lab, tiles, P, 3, 2, 16)[-1]
    print("   S2 gen - train, r=0..10:", ((cg - cr)[:11] * 1000).numpy().round(1))
