"""Does the paper's λ_KL = 0.5 collapse the latent of the `cpu` VAE? Train the VAE alone for a
few hundred steps at several KL weights and print held-out reconstruction quality and how
much information the latent carries.

    python bench/bench_vae_kl.py [porous|anode] [--steps 400] [--weights 0.5 1e-2 1e-4]
    python3 bench/bench_vae_kl.py --micrograph slice.png --preset paper --steps 20000 --budget-s 120 --weights 1e-4  # GPU

"KL/elem" is the mean KL(q(z|x) || N(0,I)) per latent element on held-out crops (≈ 0 means
the posterior equals the prior: collapse); "active" counts latent channels whose μ varies
across crops (variance > 0.01)."""
import argparse, os, platform, tempfile, time
from dataclasses import replace

import torch

from microlad.data import default_micrograph, read_micrograph, PatchDataset
from microlad.vae import train_vae
from microlad.pipeline import PRESETS, preset
from microlad.checkpoint import time_budget
from microlad.data import stack


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("name", nargs="?", default="porous")
    ap.add_argument("--steps", type=int, default=400)
    ap.add_argument("--weights", type=float, nargs="+", default=[0.5, 1e-2, 1e-4])
    ap.add_argument("--micrograph", default="", help="micrograph file instead of a bundled name")
    ap.add_argument("--preset", choices=PRESETS, default="cpu", help="VAE size and optimiser settings")
    ap.add_argument("--budget-s", type=float, default=None, help="stop each training after this many wall seconds")
    a = ap.parse_args()
    img = read_micrograph(a.micrograph or default_micrograph(a.name))
    P = int(img.max()) + 1
    pre = preset(a.preset, P)
    val = stack(PatchDataset(img, 64, n_patches=128, split="val", seed=1))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, threads {torch.get_num_threads()}")
    print(f"{a.micrograph or a.name}, {a.preset} VAE, {a.steps} steps" + (f" or {a.budget_s:g} s" if a.budget_s else "") + ", held-out crops")
    print("| λ_KL | steps | MAE | PSNR dB | SSIM | V_f err | Dice per phase | KL/elem | active ch | s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for w in a.weights:
        with tempfile.TemporaryDirectory() as d:
            t = time.perf_counter()
            done = [0]
            hook = time_budget(a.budget_s, on_step=lambda k: done.__setitem__(0, k))
            vae = train_vae(img, pre.vae, replace(pre.vae_train, steps=a.steps, kl_weight=w, every=a.steps),
                            out_dir=d, progress=False, on_step=hook)
            steps = done[0]
            s = time.perf_counter() - t
        with torch.no_grad():
            mu, logvar = vae.encode(val.to(next(vae.parameters()).device))
            kl = float((0.5 * (mu ** 2 + logvar.exp() - 1 - logvar)).mean())
            active = int((mu.var(dim=(0, 2, 3)) > 0.01).sum())
        m = vae.metrics
        dice = " / ".join(f"{x:.3f}" for x in m["dice"])
        print(f"| {w:g} | {steps} | {m['mae']:.4f} | {m['psnr']:.2f} | {m['ssim']:.4f} | {m['vf_err']:.4f} | {dice} | {kl:.4f} | {active}/{mu.shape[1]} | {s:.0f} |")


if __name__ == "__main__":
    main()
