"Run bench_table1 with the fraction feedback acting on sharpened decoded probabilities (temperature TAU)."
import os, sys, runpy, torch
sys.path.insert(0, "/work/main/bench"); sys.path.insert(0, "/work/main")
import microlad.lmpdd as L
TAU = float(os.environ.get("TAU", "0.25"))
orig = L.decode_latents
def sharp_decode(vae, z):
    p = orig(vae, z)
    return torch.softmax(p.clamp_min(1e-6).log() / TAU, 1)
def decoded_fractions(vae, z, axis, batch_size=64, jacobian=True):
    L.decode_latents = sharp_decode
    try: return _df(vae, z, axis, batch_size, jacobian)
    finally: L.decode_latents = orig
_df = L.decoded_fractions
L.decoded_fractions = decoded_fractions
sys.argv = ["bench_table1.py"] + sys.argv[1:]
runpy.run_path("/work/main/bench/bench_table1.py", run_name="__main__")
