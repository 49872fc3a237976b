# Capped centres: peak_local_max of min(dt, cap) with min_distance = round(spacing * cap): fat blobs get several centres.
import sys, time, numpy as np, torch
from scipy import ndimage
from skimage.feature import peak_local_max
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, label_volumes, smoothing_sigma
from microlad.truth import truth_crops, _descriptors, _err
from microlad.data import read_micrograph
import microlad.particles as mp
torch.set_num_threads(1)
tag, seed, caps, spacing = sys.argv[1], int(sys.argv[2]), [float(x) for x in sys.argv[3].split(",")], float(sys.argv[4])
R = "/work/runs/s20"
sl = read_micrograph(f"{R}/{tag}_slice.png") == 1
d2 = ndimage.distance_transform_edt(sl); pk = peak_local_max(d2, min_distance=2, threshold_abs=1.5, labels=sl.astype(np.int32))
print(f"# {tag} slice 2D inscribed radii at peaks q50/75/90/max {np.quantile(d2[tuple(pk.T)], [.5, .75, .9, 1]).round(2).tolist()}", flush=True)
model, cfg = load_model(f"{R}/{tag}_model"), LMPDDConfig.cpu()
d = np.load(f"{R}/{tag}_s128.npz" if seed == 0 else f"{R}/{tag}_s128_seed1.npz"); probs = torch.as_tensor(d["probs"].astype(np.float32))
n, P, s = probs.shape[0], probs.shape[1], probs.shape[-1]
ref = truth_crops(np.load(f"{R}/{tag}_truth.npy"), 2 * n, s, seed)[:n]
tf = torch.as_tensor(np.bincount(ref.ravel(), minlength=P) / ref.size, dtype=torch.float32)
truth_d = [_descriptors(ref, ph, s // 2, True) for ph in range(P)]
lab, sm = label_volumes(probs, smoothing_sigma(model, cfg), tf, True, cfg.label_fractions)
orig = mp.particle_centres
for cap in caps:
    out = []; t = time.perf_counter(); ncent = []
    def centres(mask, min_distance=mp.MIN_DISTANCE, min_radius=1.5):
        dt = np.minimum(ndimage.distance_transform_edt(mask), cap)
        c = peak_local_max(dt, min_distance=max(min_distance, int(round(spacing * cap))), threshold_abs=min_radius,
                           labels=mask.astype(np.int32), exclude_border=False)
        ncent.append(len(c)); return c, dt[tuple(c.T)]
    for l, p in zip(lab, sm):
        mp.particle_centres = centres
        try: l2, p2 = mp.convex_particles(l, 1, p, return_probs=True)
        finally: mp.particle_centres = orig
        out.append(mp.connect_phase(l2, 2, p2, fixed=1))
    v = np.stack(out)
    print(f"## {tag} seed {seed} cap {cap} spacing {spacing}: centres {ncent} ({time.perf_counter() - t:.0f} s)", flush=True)
    for ph in range(P):
        g = _descriptors(v, ph, s // 2, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[ph][a]):+.1f}" for a in range(3))
        print(f"  phase {ph}: tau % {row('tau')} | S2 % {row('s2')} | sections % {row('sections')} | chord % {row('chord')}", flush=True)
