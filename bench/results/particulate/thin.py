# Experiment record (bench/results/particulate/README.md); not part of the package or the test suite.
"Thin-phase risk of the slice-jitter smoothing: apply label_volumes(one_hot(truth), sigma) to crops of a particulate truth."
import numpy as np, torch, time, os
from scipy import ndimage
torch.set_num_threads(1)
import sys
from microlad.truth import particulate_volume, grf_volume, three_phase_volume, truth_crops, directional_s2, chord_lengths
from microlad.lmpdd import label_volumes
from microlad.data import one_hot
from microlad.descriptors import phase_fractions
t0 = time.perf_counter()
case = sys.argv[1]
truth = dict(particulate=particulate_volume, grf=grf_volume, three_phase=three_phase_volume)[case]((160,) * 3, seed=0)
P = int(truth.max()) + 1
crops = truth_crops(truth, 4, 64, seed=0)
print("truth fractions", np.round(np.bincount(truth.ravel()) / truth.size, 4), f"{time.perf_counter()-t0:.0f} s", flush=True)
x = torch.as_tensor(crops)
probs = torch.nn.functional.one_hot(x, P).permute(0, 4, 1, 2, 3).float()
def ssa(v, p):
    m = (v == p)
    return np.mean([np.mean(m.take(range(1, m.shape[a]), axis=a) != m.take(range(0, m.shape[a] - 1), axis=a)) for a in range(3)])
def comp(v, p):
    lab, n = ndimage.label(v == p)
    sizes = np.bincount(lab.ravel())[1:]
    return n, sizes.max() / sizes.sum() if n else 0.0
def perc(v, p, axis):
    lab, n = ndimage.label(v == p)
    a = np.take(lab, 0, axis=axis); b = np.take(lab, -1, axis=axis)
    return len((set(np.unique(a)) & set(np.unique(b))) - {0}) > 0
for sigma in [float(v) for v in sys.argv[2].split(",")]:
    lab = label_volumes(probs, sigma).numpy() if sigma else crops
    for p, name in enumerate(("pore", "particle", "binder") if case == "particulate" else [f"phase {q}" for q in range(P)]):
        s2r = [directional_s2(torch.as_tensor(crops), p, a, 24) for a in range(3)]
        s2g = [directional_s2(torch.as_tensor(lab), p, a, 24) for a in range(3)]
        e = max(float((g - r).norm() / r.norm() * 100) for g, r in zip(s2g, s2r))
        agree = np.mean((lab == p) == (crops == p))
        chords_r = np.mean([np.mean(np.concatenate([chord_lengths(c, p, a) for a in range(3)])) for c in crops])
        chords_g = np.mean([np.mean(np.concatenate([chord_lengths(c, p, a) for a in range(3)])) for c in lab])
        ssa_r = np.mean([ssa(c, p) for c in crops]); ssa_g = np.mean([ssa(c, p) for c in lab])
        cr = [comp(c, p) for c in crops]; cg = [comp(c, p) for c in lab]
        pr = sum(perc(c, p, a) for c in crops for a in range(3)); pg = sum(perc(c, p, a) for c in lab for a in range(3))
        vf = np.mean([(c == p).mean() for c in lab])
        print(f"sigma {sigma:4.2f} {name:8s} vf {vf:.4f} S2 eps {e:5.2f}%  voxels changed {100*(1-agree):5.2f}%  "
              f"SSA {100*(ssa_g/ssa_r-1):+6.1f}%  mean chord {chords_g:5.2f} (truth {chords_r:5.2f})  "
              f"components {np.mean([c[0] for c in cg]):6.1f} (truth {np.mean([c[0] for c in cr]):6.1f})  "
              f"largest {np.mean([c[1] for c in cg]):.3f} (truth {np.mean([c[1] for c in cr]):.3f})  percolating axes {pg}/12 (truth {pr}/12)", flush=True)
print(f"done {time.perf_counter()-t0:.0f} s")
