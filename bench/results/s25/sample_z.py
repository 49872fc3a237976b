# s21/sample_seed.py that also keeps the sampled latent volumes z (n, C, side/f, side/f, side/f), so that the three
# axis decodings can be compared afterwards (axis_agree.py). python sample_z.py MODEL OUT.npz N SIDE SEED
# (s26/sample_variant.py imports `sample_and_save` from here.)
import sys, time, numpy as np, torch
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, sample_latent_volume, decode_volume_with

def sample_and_save(model, cfg, out, n, side, seed):
    "Sample n x side^3 with `cfg`, decode, save probs (float16), decoder fractions f0 and z to `out`; → (seconds, f0)."
    t = time.perf_counter()
    z = sample_latent_volume(model, (side,) * 3, n, cfg, seed=seed, progress=False)
    probs, f0 = decode_volume_with(model, z, cfg, progress=False, return_fractions=True)
    np.savez_compressed(out, probs=probs.numpy().astype(np.float16), f0=np.asarray(f0.cpu() if torch.is_tensor(f0) else f0), z=z.numpy())
    return time.perf_counter() - t, f0

if __name__ == "__main__":
    weights, out, n, side, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    torch.set_num_threads(1)
    sec, f0 = sample_and_save(load_model(weights), LMPDDConfig.cpu(), out, n, side, seed)
    print(f"{n} x {side}^3 sampled and decoded in {sec:.0f} s; decoder fractions {np.round(np.asarray(f0), 4).tolist()}")
