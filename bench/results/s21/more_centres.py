# Two tries at more particle centres in the convex-particle rebuild (neither adopted; bench/RESULTS.md, twenty-first session).
# Both priors, labels at the truth crops' fractions, against the truth as network.py.
#   python more_centres.py core TAG SEED Q[,Q...]            centres from the confident core (label 1 and probability >= Q)
#   python more_centres.py cap TAG SEED CAP[,CAP...] SPACING  centres on min(dt, CAP), min_distance round(SPACING * CAP)
import sys, time, numpy as np, torch
from scipy import ndimage
from skimage.feature import peak_local_max
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, label_volumes, smoothing_sigma
from microlad.truth import truth_crops, _descriptors, _err
from microlad.data import read_micrograph
import microlad.particles as mp
torch.set_num_threads(1)
mode, tag, seed, values = sys.argv[1], sys.argv[2], int(sys.argv[3]), [float(x) for x in sys.argv[4].split(",")]
spacing = float(sys.argv[5]) if mode == "cap" else None
R = "/work/runs/s20"
if mode == "cap":
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

def core_centres(q, core, ncent):
    def centres(mask, min_distance=mp.MIN_DISTANCE, min_radius=1.5):
        dt, dc = ndimage.distance_transform_edt(mask), ndimage.distance_transform_edt(core)
        c = peak_local_max(dc, min_distance=min_distance, threshold_abs=min_radius * 0.5, labels=core.astype(np.int32), exclude_border=False)
        r = dt[tuple(c.T)]; keep = r >= min_radius
        ncent.append(int(keep.sum())); return c[keep], r[keep]
    return centres

def capped_centres(cap, ncent):
    def centres(mask, min_distance=mp.MIN_DISTANCE, min_radius=1.5):
        dt = np.minimum(ndimage.distance_transform_edt(mask), cap)
        c = peak_local_max(dt, min_distance=max(min_distance, int(round(spacing * cap))), threshold_abs=min_radius,
                           labels=mask.astype(np.int32), exclude_border=False)
        ncent.append(len(c)); return c, dt[tuple(c.T)]
    return centres

for x in values:
    out, ncent, t = [], [], time.perf_counter()
    for l, p in zip(lab, sm):
        if mode == "cap": mp.particle_centres = capped_centres(x, ncent)
        elif x > 0: mp.particle_centres = core_centres(x, (l.numpy() == 1) & (p[1].numpy() >= x), ncent)
        try: l2, p2 = mp.convex_particles(l, 1, p, return_probs=True)
        finally: mp.particle_centres = orig
        out.append(mp.connect_phase(l2, 2, p2, fixed=1))
    v = np.stack(out)
    print(f"## {tag} seed {seed} {mode} {x}" + (f" spacing {spacing}" if spacing else "") + f": centres {ncent} ({time.perf_counter() - t:.0f} s)", flush=True)
    for ph in range(P):
        g = _descriptors(v, ph, s // 2, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[ph][a]):+.1f}" for a in range(3))
        print(f"  phase {ph}: tau % {row('tau')} | S2 % {row('s2')} | sections % {row('sections')} | chord % {row('chord')}", flush=True)
