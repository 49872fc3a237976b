import numpy as np, sys
from microlad.particles import ball_packing, ParticleConfig
from microlad.data import read_micrograph
from microlad.truth import grf_volume, three_phase_volume
def mid(v): return v[v.shape[0]//2]
srcs = {
 'packing1 (truth slice)': mid(np.load('.gpu/in/particulate_truth256.npy')),
 'packing2 (truth slice)': mid(np.load('/work/runs/p2/truth256.npy')),
 'fineGRF': mid(np.load('/work/runs/s16/finegrf_truth256.npy')),
 'GRF 3D slice': mid(grf_volume((64,256,256), seed=3)),
 'three-phase 3D slice': mid(three_phase_volume((64,256,256), seed=3)),
 'porous (bundled)': read_micrograph('data/porous_512.png'),
 'anode (bundled)': read_micrograph('data/anode_512.png'),
 'sofc real': read_micrograph('data/sofc_anode.png'),
 'carbonate': np.load('../shared/data/carbonate_256.npy'),
 'sandstone': np.load('../shared/data/sandstone_256.npy'),
 'composite': np.load('../shared/data/composite_256.npy'),
}
for name, im in srcs.items():
    im = np.asarray(im)
    if im.shape[0] > 512: im = im[:512, :512]
    row = []
    for p in np.unique(im):
        m = im == p
        try:
            b = ball_packing(m)
            ch = (m ^ b).sum() / (2 * m.sum())
            row.append(f"{p}:{m.mean():.2f} moved {ch:.3f}")
        except ValueError as e: row.append(f"{p}: err")
    print(f"{name:26s} {im.shape} " + " | ".join(row), flush=True)
