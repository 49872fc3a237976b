"2D slice D_e per phase: micrograph crops vs truth slices vs generated slices (particulate)."
import numpy as np, torch, sys
torch.set_num_threads(1)
from microlad.ldm import load_model
from microlad.lmpdd import reconstruct
from microlad.data import read_micrograph
from microlad.descriptors import crop_descriptors
from microlad.truth import truth_crops
m = np.asarray(read_micrograph("/work/main/bench/results/particulate/particulate_slice.png"))
crops = np.stack([m[i:i + 64, j:j + 64] for i in range(0, 193, 32) for j in range(0, 193, 32)])
truth = np.load("/work/runs/partic_truth192.npy").astype(np.int64)
tc = truth_crops(truth, 2, 64, seed=0)
tsl = np.concatenate([np.moveaxis(v, a, 0)[::4] for v in tc for a in range(3)])
model = load_model("/work/runs/partic_ldm4k")
g = np.asarray(reconstruct(model, shape=(64,) * 3, n=2, seed=0, progress=False))
gsl = np.concatenate([np.moveaxis(v, a, 0)[::4] for v in g for a in range(3)])
extra = [np.load(f) for f in sys.argv[1:]]
for name, s in [("micrograph crops", crops), ("truth slices", tsl), ("generated slices", gsl)] + [(f, np.concatenate([np.moveaxis(v, a, 0)[::4] for v in e[:2] for a in range(3)])) for f, e in zip(sys.argv[1:], extra)]:
    d = crop_descriptors(torch.as_tensor(s), keys=("de",), n_phases=3)["de"]
    print(f"{name:18s} n={len(s):4d} D_e mean per phase " + "  ".join(f"{float(d[p].mean()):.4f}" for p in range(3)), flush=True)
