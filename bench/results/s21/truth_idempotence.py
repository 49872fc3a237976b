# connect_phase applied to truth crops themselves (labels exact, probabilities their one-hot blurred by 1 voxel):
# how much it changes a true network phase (the packings' binder) and a phase with many isolated pieces (the 20 % pore
# of a three-phase Gaussian field, near its percolation threshold). tau per axis before -> after, pieces before -> after.
import numpy as np, torch
from scipy import ndimage
from microlad.truth import truth_crops, three_phase_volume
from microlad.data import to_probs
from microlad.particles import connect_phase
from microlad.fem import tortuosity
torch.set_num_threads(1)
cases = [("first packing, binder", np.load("/work/runs/s20/p1_truth.npy"), 2, 1),
         ("denser packing, binder", np.load("/work/runs/s20/p2_truth.npy"), 2, 1),
         ("three-phase field, pore (20 %)", three_phase_volume((256,) * 3, seed=0), 0, None)]
for name, truth, ph, fixed in cases:
    for v in truth_crops(truth, 2, 128, 0):
        p = ndimage.gaussian_filter(to_probs(v, 3, ndim=3).numpy(), (0, 1, 1, 1))
        c = connect_phase(v, ph, p, fixed=fixed)
        t0 = [tortuosity(v, ph, a) for a in range(3)]; t1 = [tortuosity(c, ph, a) for a in range(3)]
        print(f"{name}: tau {' / '.join(f'{a:.2f}' for a in t0)} -> {' / '.join(f'{b:.2f}' for b in t1)} "
              f"({' / '.join(f'{(b / a - 1) * 100:+.1f}' for a, b in zip(t0, t1))} %); pieces {ndimage.label(v == ph)[1]} -> "
              f"{ndimage.label(c == ph)[1]}; voxels changed {(c != v).mean():.4f}", flush=True)
