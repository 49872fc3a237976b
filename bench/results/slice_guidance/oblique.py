"""Are the generated volumes isotropic? 2D statistics of the particle phase in slices normal to the axes vs slices
normal to the face diagonal (1,-1,0) (pixels √2 × 1 voxel), truth crops vs generated volumes."""
import sys, numpy as np, torch
from scipy import ndimage
torch.set_num_threads(1)
from microlad.fem import effective_diffusivity
from microlad.descriptors import SDS_FEM
from microlad.truth import truth_crops

def diag_slices(v, L=40):
    "Planes x - y = c containing (1,1,0) and (0,0,1): s[t, z] = v[t, t + c, z] (t along the diagonal); L x N crops."
    N = v.shape[0]; out = []
    for c in range(-(N - L), N - L + 1, 2):
        t0 = max(0, -c); t = np.arange(t0, t0 + L)
        out.append(v[t, t + c, :])
    return np.stack(out)

def axis_slices(v, L=40):
    return np.concatenate([np.moveaxis(v, a, 0)[::2, :L, :] for a in range(3)])

def stats(s, phase=1):
    m = (s == phase)
    st = np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]])
    sec = np.mean([ndimage.label(x, structure=st)[1] for x in m]) * 1000 / m[0].size
    f = torch.as_tensor(m.astype(np.float32))
    de_z = float(effective_diffusivity(f.transpose(-1, -2).contiguous(), 0, SDS_FEM).mean())   # along the axis-aligned in-plane direction
    de_t = float(effective_diffusivity(f, 0, SDS_FEM).mean())                                  # along the first in-plane direction
    return m.mean(), sec, de_t, de_z

truth = np.load("/work/runs/partic_truth192.npy").astype(np.int64)
sets = {"truth crops": truth_crops(truth, 8, 64, seed=0)}
for f in sys.argv[1:]: sets[f.split("/")[-1]] = np.load(f)
for phase in (1, 0):
    for k, vols in sets.items():
        for name, fn in (("axis slices", axis_slices), ("diagonal slices", diag_slices)):
            s = np.concatenate([fn(v) for v in vols])
            vf, sec, dt, dz = stats(s, phase)
            print(f"phase {phase} {k:16s} {name:16s} n={len(s):4d} V_f {vf:.3f} sections/1000px {sec:.2f} D_e first dir {dt:.4f} second dir {dz:.4f}", flush=True)
