# Product-of-experts fusion of the three axis decodings (mean of log-probabilities, renormalised) instead of their
# average (eq. 30), in the first decode and/or the refinement passes, on one sampled latent volume (seed), default
# labelling after; tau / S2 / sections / chords % per axis per phase against the truth's crops.
# python poe.py MODEL TRUTH.npy N SIDE SEED VARIANT[,VARIANT...]   VARIANT = avg | poe1 (first decode) | poeall
import sys, time, numpy as np, torch
from microlad.ldm import load_model
from microlad.lmpdd import (LMPDDConfig, sample_latent_volume, decode_along_axis, refine_along_axis, refinement_labels,
                            label_targets, label_volumes, smoothing_sigma)
from microlad.truth import truth_crops, _descriptors, _err
weights, truth_file, n, side, seed, names = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6].split(",")
torch.set_num_threads(1)
model, cfg = load_model(weights), LMPDDConfig.cpu()
t = time.perf_counter()
z = sample_latent_volume(model, (side,) * 3, n, cfg, seed=seed, progress=False)
print(f"# sampled {n} x {side}^3 in {time.perf_counter() - t:.0f} s", flush=True)
ref = truth_crops(np.load(truth_file), 2 * n, side, seed)[:n]
P = model.n_phases
truth_d = [_descriptors(ref, ph, side // 2, True) for ph in range(P)]
def fuse(parts, poe):
    if not poe: return sum(parts) / 3
    lp = sum(torch.log(p.clamp_min(1e-6)) for p in parts) / 3
    return torch.softmax(lp, 1)
with torch.no_grad():
    dec = [decode_along_axis(model, z, a, None, cfg.batch_size, cfg.upsample) for a in range(3)]
for name in names:
    t = time.perf_counter()
    with torch.no_grad():
        cur = fuse(dec, name in ("poe1", "poeall"))
        f0 = label_targets(model, cur, cfg.label_fractions)
        for _ in range(cfg.refine_iters):
            inp = refinement_labels(cur, cfg.label_fractions, f0)
            cur = fuse([refine_along_axis(model, inp, a, None, cfg.batch_size, True) for a in range(3)], name == "poeall")
    v = label_volumes(cur, smoothing_sigma(model, cfg), f0, False, cfg.label_fractions).numpy()
    print(f"## {name}: fractions {np.round(np.bincount(v.ravel(), minlength=P) / v.size, 3).tolist()} ({time.perf_counter() - t:.0f} s decoding)", flush=True)
    for ph in range(P):
        g = _descriptors(v, ph, side // 2, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[ph][a]):+.1f}" for a in range(3))
        print(f"  phase {ph}: tau % {row('tau')} | S2 % {row('s2')} | sections % {row('sections')} | chord % {row('chord')}", flush=True)
