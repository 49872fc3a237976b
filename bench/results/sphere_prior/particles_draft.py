"""The draft of the ball prior as measured (convex_particles: other phases from the decoder probabilities plus a layering
profile; convex_particles_t: the other phases carried with the particle surface, which became microlad.particles)."""
import math
import numpy as np, torch
from scipy import ndimage
from skimage.feature import peak_local_max

def particle_centres(mask, min_distance=3, min_radius=1.5):
    "Centres `(k,3)` int and inscribed radii `(k,)` voxels: local maxima of the distance transform of `mask` `(D,H,W)`."
    m = np.asarray(mask, bool)
    dt = ndimage.distance_transform_edt(m)
    c = peak_local_max(dt, min_distance=min_distance, threshold_abs=min_radius, labels=m.astype(np.int32), exclude_border=False)
    return c, dt[tuple(c.T)]

def scaled_ball_distance(shape, centres, radii, s_max=3.0):
    "min over balls of |x - c_i| / r_i for every voxel `(D,H,W)` (inf beyond s_max r_i): voxel x lies in the balls scaled by s iff ≤ s."
    out = np.full(shape, np.inf, np.float32)
    for c, r in zip(centres, radii):
        R = s_max * r
        lo = np.maximum(np.floor(c - R).astype(int), 0); hi = np.minimum(np.ceil(c + R).astype(int) + 1, shape)
        sl = tuple(slice(a, b) for a, b in zip(lo, hi))
        g = np.ogrid[sl]
        d = np.sqrt(sum((gi - ci) ** 2 for gi, ci in zip(g, c))).astype(np.float32) / r
        np.minimum(out[sl], d, out=out[sl])
    return out

def ball_packing(mask, min_distance=3, min_radius=1.5, s_max=3.0):
    m = np.asarray(mask, bool)
    c, r = particle_centres(m, min_distance, min_radius)
    if not len(c): raise ValueError("no particle centres found")
    d = scaled_ball_distance(m.shape, c, r, s_max)
    k = int(m.sum())
    if k == 0: return m.copy()
    s = np.partition(d.ravel(), k - 1)[k - 1]
    if not np.isfinite(s): raise ValueError("balls cannot reach the phase fraction within s_max")
    return d <= s

D_MAX = 16
def layer_profile(labels, mask, n_phases, d_max=D_MAX):
    d = np.minimum(np.rint(ndimage.distance_transform_edt(~mask)), d_max).astype(int)
    tab = np.ones((d_max + 1, n_phases))
    np.add.at(tab, (d[~mask], labels[~mask]), 1)
    return tab / tab.sum(1, keepdims=True), d

def convex_particles(labels, probs, phase, min_distance=3, min_radius=1.5, d_max=D_MAX):
    from microlad.lmpdd import match_phase_fractions
    lab = np.asarray(labels); P = probs.shape[0]
    m = lab == phase
    new = ball_packing(m, min_distance, min_radius)
    tab, d_old = layer_profile(lab, m, P, d_max)
    d_new = np.minimum(np.rint(ndimage.distance_transform_edt(~new)), d_max).astype(int)
    others = [q for q in range(P) if q != phase]
    out = np.full(lab.shape, phase, np.int64)
    rest = ~new
    if len(others) == 1: out[rest] = others[0]; return out
    lp = probs[others].float().clamp_min(1e-12).log().numpy()[:, rest]
    score = lp + np.log(tab[d_new[rest]][:, others]).T - np.log(tab[d_old[rest]][:, others]).T
    f = np.array([(lab == q).sum() for q in others], float); f /= f.sum()
    w = torch.softmax(torch.as_tensor(score), 0)
    out[rest] = np.asarray(others)[match_phase_fractions(w, f).numpy()]
    return out

def transported_probs(labels, probs, mask, new, d_max=8):
    "Other phases' probabilities moved with the particle surface: a voxel at distance k from the new particles takes the probabilities of the nearest voxel at distance k from the old ones."
    lab = np.asarray(labels); p = probs.numpy() if torch.is_tensor(probs) else np.asarray(probs)
    d_old = np.rint(ndimage.distance_transform_edt(~mask)).astype(int)
    d_new = np.rint(ndimage.distance_transform_edt(~new)).astype(int)
    out = p.copy()
    for k in range(1, d_max + 1):
        src, dst = d_old == k, d_new == k
        if not src.any() or not dst.any(): continue
        _, ind = ndimage.distance_transform_edt(~src, return_indices=True)
        idx = tuple(i[dst] for i in ind)
        out[:, dst] = p[(slice(None),) + idx]
    # voxels that left the particles but are beyond d_max: nearest old non-particle voxel
    left = mask & ~new & (d_new > d_max)
    if left.any():
        _, ind = ndimage.distance_transform_edt(mask, return_indices=True)
        out[:, left] = p[(slice(None),) + tuple(i[left] for i in ind)]
    return torch.as_tensor(out)

def convex_particles_t(labels, probs, phase, min_distance=3, min_radius=1.5, d_max=8):
    from microlad.lmpdd import match_phase_fractions
    lab = np.asarray(labels); P = probs.shape[0]
    m = lab == phase
    new = ball_packing(m, min_distance, min_radius)
    others = [q for q in range(P) if q != phase]
    out = np.full(lab.shape, phase, np.int64)
    rest = ~new
    if len(others) == 1: out[rest] = others[0]; return out
    q = transported_probs(lab, probs, m, new, d_max)[others][:, torch.as_tensor(rest)]
    f = np.array([(lab == k).sum() for k in others], float); f /= f.sum()
    out[rest] = np.asarray(others)[match_phase_fractions(q / q.sum(0, keepdim=True).clamp_min(1e-12), f).numpy()]
    return out
