# Particle centres from a confident core of the particle phase (p1 >= q): more centres where fused particles have a
# less certain neck? Same sampling/labels as network.py's convex_truthfrac+net0.2.
import sys, time, numpy as np, torch
from scipy import ndimage
from skimage.feature import peak_local_max
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, label_volumes, smoothing_sigma
from microlad.truth import truth_crops, _descriptors, _err
import microlad.particles as mp
torch.set_num_threads(1)
tag, seed, qs = sys.argv[1], int(sys.argv[2]), [float(x) for x in sys.argv[3].split(",")]
R = "/work/runs/s20"
model, cfg = load_model(f"{R}/{tag}_model"), LMPDDConfig.cpu()
d = np.load(f"{R}/{tag}_s128.npz" if seed == 0 else f"{R}/{tag}_s128_seed1.npz"); probs = torch.as_tensor(d["probs"].astype(np.float32))
n, P, s = probs.shape[0], probs.shape[1], probs.shape[-1]
ref = truth_crops(np.load(f"{R}/{tag}_truth.npy"), 2 * n, s, seed)[:n]
tf = torch.as_tensor(np.bincount(ref.ravel(), minlength=P) / ref.size, dtype=torch.float32)
truth_d = [_descriptors(ref, ph, s // 2, True) for ph in range(P)]
lab, sm = label_volumes(probs, smoothing_sigma(model, cfg), tf, True, cfg.label_fractions)
orig = mp.particle_centres
for q in qs:
    out = []; t = time.perf_counter(); ncent = []
    for l, p in zip(lab, sm):
        core = (l.numpy() == 1) & (p[1].numpy() >= q)
        def centres(mask, min_distance=mp.MIN_DISTANCE, min_radius=1.5, core=core):
            dt = ndimage.distance_transform_edt(mask); dc = ndimage.distance_transform_edt(core)
            c = peak_local_max(dc, min_distance=min_distance, threshold_abs=min_radius * 0.5, labels=core.astype(np.int32), exclude_border=False)
            r = dt[tuple(c.T)]; keep = r >= min_radius
            ncent.append(int(keep.sum()))
            return c[keep], r[keep]
        mp.particle_centres = centres if q > 0 else orig
        try:
            l2, p2 = mp.convex_particles(l, 1, p, return_probs=True)
        finally: mp.particle_centres = orig
        out.append(mp.connect_phase(l2, 2, p2, fixed=1))
    v = np.stack(out)
    print(f"## {tag} seed {seed} q {q}: centres {ncent} ({time.perf_counter() - t:.0f} s)", flush=True)
    for ph in range(P):
        g = _descriptors(v, ph, s // 2, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[ph][a]):+.1f}" for a in range(3))
        print(f"  phase {ph}: tau % {row('tau')} | S2 % {row('s2')} | sections % {row('sections')} | chord % {row('chord')}", flush=True)
