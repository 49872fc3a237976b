# Labelling variants of one sampling (sample.py) against the truth: tau % per axis, S2 % per axis, sections %, per phase.
# Truth descriptors are computed once (the crops truth_report compares with, seed 0).
import sys, time, numpy as np, torch
from scipy import ndimage
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, label_volumes, smoothing_sigma
from microlad.truth import truth_crops, _descriptors, _err
import microlad.particles as mp
weights, truth_file, samples = sys.argv[1], sys.argv[2], sys.argv[3]
names = sys.argv[4].split(",") if len(sys.argv) > 4 else None
torch.set_num_threads(1)
model, cfg = load_model(weights), LMPDDConfig.cpu()
d = np.load(samples); probs, f0 = torch.as_tensor(d["probs"].astype(np.float32)), torch.as_tensor(d["f0"])
n, P, s = probs.shape[0], probs.shape[1], probs.shape[-1]
truth = np.load(truth_file)
ref = truth_crops(truth, 2 * n, s, 0)[:n]
tf = torch.as_tensor(np.bincount(ref.ravel(), minlength=P) / ref.size, dtype=torch.float32)
print(f"# {samples}: {n} x {s}^3; truth crops' fractions {np.round(tf.numpy(), 3).tolist()}, decoder's {np.round(f0.numpy(), 3).tolist()}; "
      f"sigma {np.round(smoothing_sigma(model, cfg), 2).tolist()}", flush=True)
t = time.perf_counter()
truth_d = [_descriptors(ref, ph, s // 2, True) for ph in range(P)]
print(f"# truth descriptors in {time.perf_counter() - t:.0f} s", flush=True)
orig_carried = mp.carried_probabilities

def smoothed_carried(sigma, only=None):
    def f(probs, old, new, depth=mp.ParticleConfig.carry_depth):
        q = orig_carried(probs, old, new, depth).numpy()
        if only is None: return torch.as_tensor(ndimage.gaussian_filter(q, (0, sigma, sigma, sigma)))
        q = q.copy(); q[only] = ndimage.gaussian_filter(q[only], sigma); return torch.as_tensor(q)
    return f

def variant(fractions, convex, smooth_others=0.0, only=None, phase=1, config=None):
    lab, sm = label_volumes(probs, smoothing_sigma(model, cfg), fractions, True, cfg.label_fractions)
    if not convex: return lab.numpy()
    mp.carried_probabilities = smoothed_carried(smooth_others, only) if smooth_others else orig_carried
    try: return np.stack([mp.convex_particles(l, phase, s_, config) for l, s_ in zip(lab, sm)])
    finally: mp.carried_probabilities = orig_carried

VARIANTS = {"default": (f0, False), "truthfrac": (tf, False), "convex": (f0, True), "convex_truthfrac": (tf, True),
            "convex_truthfrac_smooth1": (tf, True, 1.0), "convex_smooth1": (f0, True, 1.0),
            "convex_truthfrac_smooth2": (tf, True, 2.0), "convex_truthfrac_smooth05": (tf, True, 0.5),
            "convex_truthfrac_binder1": (tf, True, 1.0, 2), "convex_truthfrac_binder2": (tf, True, 2.0, 2),
            "convex_binder1": (f0, True, 1.0, 2)}
for name in names or VARIANTS:
    t = time.perf_counter()
    v = variant(*VARIANTS[name])
    fr = np.bincount(v.ravel(), minlength=P) / v.size
    print(f"## {name}: fractions {np.round(fr, 3).tolist()}", flush=True)
    for ph in range(P):
        g = _descriptors(v, ph, s // 2, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[ph][a]):+.1f}" for a in range(3))
        print(f"  phase {ph}: tau % {row('tau')} | S2 % {row('s2')} | sections % {row('sections')} | chord % {row('chord')} "
              "| truth tau " + " / ".join(f"{truth_d[ph][a]['tau']:.2f}" for a in range(3)), flush=True)
    print(f"  ({time.perf_counter() - t:.0f} s)", flush=True)
