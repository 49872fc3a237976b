"2D LDM samples at 64, 128, 256 px: particle/pore/binder Euler density and 2D D_e — does the prior hold at sizes beyond its training crops?"
import numpy as np, torch
torch.set_num_threads(1)
from microlad.ldm import load_model
from microlad.data import read_micrograph
from microlad.descriptors import crop_descriptors
import sys; sys.path.insert(0, __import__("os").path.dirname(__file__))
from slice_guidance import euler_density
model = load_model("/work/runs/partic_ldm4k")
m = np.asarray(read_micrograph("/work/main/bench/results/particulate/particulate_slice.png"))
truth = np.load("/work/runs/partic_truth192.npy").astype(np.int64)
def rep(name, lab):
    lab = torch.as_tensor(lab)
    e = [float(euler_density((lab == p).float()).mean()) for p in range(3)]
    print(f"{name:28s} n={len(lab):3d} side={lab.shape[-1]:3d} euler/1000px " + " ".join(f"{x:6.3f}" for x in e), flush=True)
rep("micrograph 64 crops", np.stack([m[i:i + 64, j:j + 64] for i in range(0, 193, 32) for j in range(0, 193, 32)]))
rep("micrograph 128 crops", np.stack([m[i:i + 128, j:j + 128] for i in range(0, 129, 64) for j in range(0, 129, 64)]))
rep("micrograph 256", m[None])
rep("truth slices 128", truth[::16, :128, :128])
for size, n in ((64, 32), (128, 8), (256, 2)):
    p = model.sample(n, size, steps=50, eta=1.0, seed=1, progress=False)
    rep(f"LDM 2D samples", p.argmax(1))
