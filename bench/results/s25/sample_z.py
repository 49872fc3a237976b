# s21/sample_seed.py that also keeps the sampled latent volumes z (n, C, side/f, side/f, side/f), so that the three
# axis decodings can be compared afterwards (axis_agree.py). python sample_z.py MODEL OUT.npz N SIDE SEED
import sys, time, numpy as np, torch
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, sample_latent_volume, decode_volume_with
weights, out, n, side, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
torch.set_num_threads(1)
model, cfg = load_model(weights), LMPDDConfig.cpu()
t = time.perf_counter()
z = sample_latent_volume(model, (side,) * 3, n, cfg, seed=seed, progress=False)
probs, f0 = decode_volume_with(model, z, cfg, progress=False, return_fractions=True)
np.savez_compressed(out, probs=probs.numpy().astype(np.float16), f0=np.asarray(f0.cpu() if torch.is_tensor(f0) else f0), z=z.numpy())
print(f"{n} x {side}^3 sampled and decoded in {time.perf_counter() - t:.0f} s; decoder fractions {np.round(np.asarray(f0), 4).tolist()}")
