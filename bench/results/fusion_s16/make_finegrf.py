"""The fine-grained Gaussian-field truth of the sixteenth session: 256³, pore 0.2, correlation length 1 px (seed 7),
and its middle slice to train on (`microlad train finegrf_slice.png --out finegrf --preset cpu`, 2 threads, ~10 min).

    python bench/results/fusion_s16/make_finegrf.py OUTDIR"""
import sys
from pathlib import Path
import numpy as np
from microlad.truth import grf_volume
from microlad.data import save_micrograph
out = Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
v = grf_volume((256,) * 3, porosity=0.2, length_scale=1.0, seed=7).astype(np.uint8)
np.save(out / "finegrf_truth256.npy", v)
save_micrograph(v[128], out / "finegrf_slice.png")
