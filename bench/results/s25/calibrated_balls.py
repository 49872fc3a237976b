# The convex-particle prior makes the denser packing's balls fewer and larger than the truth's (chords +25...+33 %):
# the fused particle mask has a fifth too few distance-transform peaks. Variant: add centres where the mask is far from
# every centre until the ball packing's mean chord (three axes) comes down to the training micrograph's mean particle
# chord (rows and columns; a mean chord is the same on a section as in the volume for an isotropic structure).
# Same sampling, labels at the training fractions ('train') or the truth crops' ('truth'); tau / S2 / SSA / sections /
# chords % per axis against the truth crops. python calibrated_balls.py MODEL SAMPLES.npz TRUTH.npy SLICE.png SEED PHASE
import sys, time, numpy as np, torch
from scipy import ndimage
from skimage.feature import peak_local_max
sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/s24")
from largest_piece import sampling_and_truth
from microlad.data import read_micrograph
from microlad.descriptors import mean_chord_length
from microlad.lmpdd import label_volumes, smoothing_sigma
from microlad.truth import _descriptors, _err
from centres import mean_chord3 as chord3
import microlad.particles as mp
torch.set_num_threads(1)
model, cfg, probs, f0, ref = sampling_and_truth(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[5]))
ph, P, s = int(sys.argv[6]), probs.shape[1], probs.shape[-1]
target = mean_chord_length(read_micrograph(sys.argv[4], model.n_phases), ph)
shipped = mp.ball_packing

def fill(m, c, r, cfg):
    "ball_packing's fill with given centres and radii."
    k = int(m.sum()); d = mp.scaled_ball_distance(m.shape, c, r, cfg.max_scale)
    inside = np.argpartition(d.ravel(), k - 1)[:k]
    out = np.zeros(m.size, bool); out[inside] = True
    return out.reshape(m.shape)

def calibrated(mask, config=None, rounds=10, share=0.05, tol=0.02):
    cfg, m = config or mp.ParticleConfig(), np.asarray(mask, bool)
    dt = ndimage.distance_transform_edt(m)
    c, r = mp.particle_centres(m, cfg.min_distance, cfg.min_radius)
    b = fill(m, c, r, cfg)
    for _ in range(rounds):
        ch = chord3(b)
        if ch <= target * (1 + tol): break
        seeds = np.zeros(m.shape, bool); seeds[tuple(c.T)] = True
        dc = ndimage.distance_transform_edt(~seeds) * (dt >= cfg.min_radius)
        new = peak_local_max(dc, min_distance=cfg.min_distance, threshold_abs=cfg.min_radius, exclude_border=False)
        if not len(new): break
        new = new[np.argsort(-dc[tuple(new.T)])[:max(1, int(share * len(c)))]]
        c, r = np.concatenate([c, new]), np.concatenate([r, dt[tuple(new.T)]])
        b = fill(m, c, r, cfg)
    calibrated.log.append((len(c), chord3(b)))
    return b
calibrated.log = []

truth_d = [_descriptors(ref, q, s // 2, True) for q in range(P)]
ftruth = torch.as_tensor(np.bincount(ref.ravel(), minlength=P) / ref.size)
print(f"# {sys.argv[2]}: micrograph particle chord {target:.2f}; truth fractions {np.round(ftruth.numpy(), 3).tolist()}", flush=True)
for fname, fr in (("train", f0), ("truth", ftruth.expand(len(f0), -1))):
    lab, sm = label_volumes(probs, smoothing_sigma(model, cfg), fr, True, cfg.label_fractions)
    for name, bp in (("shipped", shipped), ("calibrated", calibrated)):
        t = time.perf_counter(); mp.ball_packing = bp; calibrated.log.clear()
        v = np.asarray(mp.phase_priors(lab, sm, ph, None))
        print(f"## fractions {fname}, {name} balls ({time.perf_counter() - t:.0f} s)" + (f": centres, ball chord {[(n, round(x, 2)) for n, x in calibrated.log]}" if calibrated.log else ""), flush=True)
        for q in range(P):
            g = _descriptors(v, q, s // 2, True)
            row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[q][a]):+.1f}" for a in range(3))
            print(f"  phase {q}: tau % {row('tau')} | S2 % {row('s2')} | ssa % {_err('ssa', g[0], truth_d[q][0]):+.1f} | sections % {row('sections')} | chord % {row('chord')}", flush=True)
