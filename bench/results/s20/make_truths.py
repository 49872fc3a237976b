# The two packings of bench/RESULTS.md's twentieth-session section (first: particulate_volume defaults, seed 100; denser: bench/results/sphere_prior/p2_make.sh), 256^3, and their middle slices.
import numpy as np, time
from microlad.truth import particulate_volume
from microlad.data import save_micrograph
for name, kw in [("p1", dict(seed=100)), ("p2", dict(porosity=0.35, radius=5.0, radius_sd=1.0, binder_width=2.0, seed=200))]:
    t = time.perf_counter(); v = particulate_volume((256,) * 3, **kw)
    np.save(f"./{name}_truth.npy", v.astype(np.uint8)); save_micrograph(v[128], f"./{name}_slice.png")
    print(name, np.round(np.bincount(v.ravel()) / v.size, 3), f"{time.perf_counter() - t:.0f} s", flush=True)
