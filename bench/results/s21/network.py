# Labelling variants of one sampling (../s20/sample.py output, seed as its fifth argument) against the truth, through the
# package's own `particles.phase_priors` (what `reconstruct --convex-particles 1 --network-phase 2` runs): tau, S2,
# sections and chords % per axis per phase, and the binder's 3D pieces. Truth crops as truth_report picks them (seed).
# python network.py MODEL TRUTH.npy SAMPLES.npz SEED VARIANT[,VARIANT...]
#   VARIANT = [convex_](default|truthfrac)[+net<seed_share>]   e.g. convex_truthfrac+net0.2
import sys, time, numpy as np, torch
from scipy import ndimage
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, label_volumes, smoothing_sigma
from microlad.truth import truth_crops, _descriptors, _err
import microlad.particles as mp
weights, truth_file, samples, seed, names = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5].split(",")
torch.set_num_threads(1)
model, cfg = load_model(weights), LMPDDConfig.cpu()
d = np.load(samples); probs, f0 = torch.as_tensor(d["probs"].astype(np.float32)), torch.as_tensor(d["f0"])
n, P, s = probs.shape[0], probs.shape[1], probs.shape[-1]
ref = truth_crops(np.load(truth_file), 2 * n, s, seed)[:n]
tf = torch.as_tensor(np.bincount(ref.ravel(), minlength=P) / ref.size, dtype=torch.float32)
print(f"# {samples} vs {truth_file} crops seed {seed}: truth fractions {np.round(tf.numpy(), 3).tolist()}", flush=True)
truth_d = [_descriptors(ref, ph, s // 2, True) for ph in range(P)]
pieces = lambda v: np.mean([ndimage.label(x == 2)[1] for x in v])
print(f"# truth binder pieces per volume {pieces(ref):.0f}", flush=True)
for name in names:
    t = time.perf_counter()
    base, _, net = name.partition("+net")
    convex = base.startswith("convex_")
    fr = {"default": f0, "truthfrac": tf}[base.removeprefix("convex_")]
    lab, sm = label_volumes(probs, smoothing_sigma(model, cfg), fr, True, cfg.label_fractions)
    out = []
    for l, p in zip(lab, sm):
        if convex: l, p = mp.convex_particles(l, 1, p, return_probs=True)
        if net: l = mp.connect_phase(l, 2, p, seed_share=float(net), fixed=1 if convex else None)
        out.append(np.asarray(l))
    v = np.stack(out)
    print(f"## {name}: fractions {np.round(np.bincount(v.ravel(), minlength=P) / v.size, 3).tolist()}, binder pieces {pieces(v):.0f} "
          f"({time.perf_counter() - t:.0f} s labelling)", flush=True)
    for ph in range(P):
        g = _descriptors(v, ph, s // 2, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[ph][a]):+.1f}" for a in range(3))
        print(f"  phase {ph}: tau % {row('tau')} | S2 % {row('s2')} | sections % {row('sections')} | chord % {row('chord')}", flush=True)
