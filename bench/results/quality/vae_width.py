# Experiment record (bench/results/quality): a wider CPU VAE on the particulate slice, λ_KL = 1e-4, under a wall budget.
"Held-out reconstruction of the particulate slice by a VAE of channels (24, 48, 96), cpu optimiser settings, after a wall budget."
import sys, time, tempfile, os, platform
from dataclasses import replace
import torch
from microlad.data import read_micrograph
from microlad.vae import VAEConfig, VAETrainConfig, train_vae
from microlad.checkpoint import time_budget
budget, width = float(sys.argv[1]), tuple(int(c) for c in sys.argv[2].split(","))
img = read_micrograph("bench/results/particulate/particulate_slice.png")
print(f"# {platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, {torch.get_num_threads()} threads; channels {width}, budget {budget:g} s", flush=True)
done = [0]
t = time.perf_counter()
with tempfile.TemporaryDirectory() as d:
    vae = train_vae(img, replace(VAEConfig.cpu(3), channels=width), replace(VAETrainConfig.cpu(), steps=100000, every=500),
                    out_dir=d, progress=False, on_step=time_budget(budget, on_step=lambda k: done.__setitem__(0, k)))
m = vae.metrics
print(f"steps {done[0]}, {time.perf_counter() - t:.0f} s: PSNR {m['psnr']:.2f} dB, SSIM {m['ssim']:.4f}, MAE {m['mae']:.4f}, "
      f"V_f err {m['vf_err']:.4f}, Dice {[round(x, 3) for x in m['dice']]}", flush=True)
