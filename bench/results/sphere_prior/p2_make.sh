# A second packing, unlike the first (denser: pore 0.19 / particles 0.68 / binder 0.13, particles r = 5 ± 1 voxels),
# trained from its middle slice with the cpu preset and scored at 128^3 with and without the convex-particle prior.
python - <<'PY'
import numpy as np
from microlad.truth import particulate_volume
from microlad.data import save_micrograph
v = particulate_volume((256,) * 3, porosity=0.35, radius=5.0, radius_sd=1.0, binder_width=2.0, seed=200)
np.save("/work/runs/p2/truth256.npy", v.astype(np.uint8)); save_micrograph(v[128], "/work/runs/p2/slice.png")
PY
microlad train /work/runs/p2/slice.png --out /work/runs/p2/model --preset cpu --budget-min 30     # 9.5 min here
python bench/bench_truth.py --truth-file /work/runs/p2/truth256.npy --weights /work/runs/p2/model --n 2 --side 128 --threads 2 > p2_truth128_default.md
python bench/bench_truth.py --truth-file /work/runs/p2/truth256.npy --weights /work/runs/p2/model --n 2 --side 128 --threads 2 --set particle_phase=1 > p2_truth128_convex.md
