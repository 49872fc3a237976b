"""A convex-particle prior as a post-process: split the particle phase of generated volumes at its necks (watershed on
the distance transform), put one ball per piece, scale all radii so the union keeps the phase fraction, give voxels the
particles released to the nearest other phase. Compared with the truth (truth_report) for two ways to size the balls."""
import sys, time, numpy as np, torch
from scipy import ndimage
from skimage.feature import peak_local_max
from skimage.segmentation import watershed
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
from microlad.truth import truth_report, format_truth_report

def balls(shape, centres, radii):
    "Union of balls as a bool volume, via the EDT of the centres is wrong for mixed radii; loop over balls in bounding boxes."
    out = np.zeros(shape, bool)
    for c, r in zip(centres, radii):
        lo = np.maximum(np.floor(c - r).astype(int), 0); hi = np.minimum(np.ceil(c + r).astype(int) + 1, shape)
        if (hi <= lo).any(): continue
        g = np.ogrid[tuple(slice(a, b) for a, b in zip(lo, hi))]
        d2 = sum((gi - ci) ** 2 for gi, ci in zip(g, c))
        out[tuple(slice(a, b) for a, b in zip(lo, hi))] |= d2 <= r * r
    return out

def sphere_parts(vol, phase, mode, min_distance=3):
    "The ball union (bool volume) that replaces `phase`, at its volume fraction."
    m = vol == phase
    dt = ndimage.distance_transform_edt(m)
    peaks = peak_local_max(dt, min_distance=min_distance, threshold_abs=1.5, labels=m.astype(int), exclude_border=False)
    markers = np.zeros(m.shape, np.int32); markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
    regions = watershed(-dt, markers, mask=m)
    idx = np.arange(1, len(peaks) + 1)
    if mode == "volume":
        vols = ndimage.sum_labels(np.ones_like(dt), regions, idx)
        base = (3 * vols / (4 * np.pi)) ** (1 / 3)
    else:                                                   # inscribed: the EDT at the peak
        base = dt[tuple(peaks.T)]
    target = m.mean(); lo, hi = 0.3, 3.0
    for _ in range(20):
        s = (lo + hi) / 2
        f = balls(m.shape, peaks.astype(float), base * s).mean()
        lo, hi = (s, hi) if f < target else (lo, s)
    return balls(m.shape, peaks.astype(float), base * (lo + hi) / 2), len(peaks)

def sphere_prior(vol, phase, mode, min_distance=3):
    m = vol == phase
    new, k = sphere_parts(vol, phase, mode, min_distance)
    other = np.where(m, -1, vol)
    _, ind = ndimage.distance_transform_edt(m, return_indices=True)      # nearest non-particle voxel of the original
    out = other[tuple(ind)]
    out[new] = phase
    return out, k

if __name__ == "__main__":
  truth = np.load("/work/runs/partic_truth192.npy").astype(np.int64)
  gen = np.load(sys.argv[1] if len(sys.argv) > 1 else "/work/runs/raw8.npy")
  for mode in ("none", "volume", "inscribed"):
      t0 = time.time()
      if mode == "none": out = gen
      else:
          res = [sphere_prior(v, 1, mode) for v in gen]
          out = np.stack([r[0] for r in res]); print("balls per volume", [r[1] for r in res])
      print(f"## {mode}  ({time.time() - t0:.1f} s)  V_f", [round(float((out == p).mean()), 4) for p in range(3)], flush=True)
      print(format_truth_report(truth_report(out, truth, n_phases=3)), flush=True)
