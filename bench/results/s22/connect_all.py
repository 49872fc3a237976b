# Default labelling (no particle prior, the training region's fractions) followed by connect_phase on one or more
# phases, on one sampling (../s21/sample_seed.py output) against the truth: can "every piece of a phase reaches its most
# certain voxels" be a default for all phases, or for the minority ones? tau / S2 / sections / chords % per axis per phase.
# python connect_all.py MODEL TRUTH.npy SAMPLES.npz SEED VARIANT[,VARIANT...]
#   VARIANT = default | net<phases joined by '+'>[@share]   e.g. net2, net0+2, net2+0@0.1  (phases connected in that order)
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
print(f"# {samples} vs {truth_file} crops seed {seed}: truth fractions {np.round(np.bincount(ref.ravel(), minlength=P) / ref.size, 3).tolist()}", flush=True)
truth_d = [_descriptors(ref, ph, s // 2, True) for ph in range(P)]
pieces = lambda v, ph: np.mean([ndimage.label(x == ph)[1] for x in v])
print("# truth pieces per volume " + " / ".join(f"{pieces(ref, ph):.0f}" for ph in range(P)), flush=True)
lab, sm = label_volumes(probs, smoothing_sigma(model, cfg), f0, True, cfg.label_fractions)
for name in names:
    t = time.perf_counter()
    spec, _, share = name.removeprefix("net").partition("@")
    phases = [] if name == "default" else [int(x) for x in spec.split("+")]
    out = []
    for l, p in zip(lab, sm):
        l = np.asarray(l)
        for ph in phases: l = mp.connect_phase(l, ph, p, seed_share=float(share or mp.SEED_SHARE))
        out.append(l)
    v = np.stack(out)
    print(f"## {name}: fractions {np.round(np.bincount(v.ravel(), minlength=P) / v.size, 3).tolist()}, pieces "
          + " / ".join(f"{pieces(v, ph):.0f}" for ph in range(P)) + f" ({time.perf_counter() - t:.0f} s labelling)", flush=True)
    for ph in range(P):
        g = _descriptors(v, ph, s // 2, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[ph][a]):+.1f}" for a in range(3))
        print(f"  phase {ph}: tau % {row('tau')} | S2 % {row('s2')} | sections % {row('sections')} | chord % {row('chord')}", flush=True)
