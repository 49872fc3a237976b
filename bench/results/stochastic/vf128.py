"Phase fractions of reconstruct volumes at 64³ and 128³ against the model's training-region fractions. usage: vf128.py WEIGHTS"
import sys, time, numpy as np, torch
from microlad.ldm import load_model
from microlad.lmpdd import reconstruct, LMPDDConfig
torch.set_num_threads(1)
m = load_model(sys.argv[1], device="cpu")
print("training fractions", np.round(np.asarray(m.training_stats.fractions), 4))
for side, n in [(64, 4), (128, 2)]:
    for seed in (0, 1):
        t = time.time()
        lab = reconstruct(m, (side,) * 3, n=n, seed=seed, progress=False, config=LMPDDConfig.cpu())
        lab = lab.cpu().numpy()
        fr = [np.round(np.bincount(v.ravel(), minlength=m.n_phases) / v.size, 4).tolist() for v in lab]
        print(side, seed, f"{time.time()-t:.0f}s", fr, flush=True)
