"""Does a VAE training stop at 'every pixel the majority phase'? Train one VAE preset on a micrograph for a few steps
with given seeds and cross-entropy weights (`VAETrainConfig.ce_weight`) and print the held-out loss curve: L1 loss
and per-phase Dice at every validation (bench/RESULTS.md, "A dead start of the VAE").

    python3 bench/vae_dead_start.py IMAGE OUT --preset paper --steps 1000 --seed 0 --ce-weight 0.1
"""
import argparse, dataclasses, time
from pathlib import Path
import torch
from microlad.data import read_micrograph, n_phases_of
from microlad.pipeline import PRESETS, preset
from microlad.vae import train_vae


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("image"); ap.add_argument("out")
    ap.add_argument("--preset", choices=PRESETS, default="paper")
    ap.add_argument("--steps", type=int, default=1000); ap.add_argument("--every", type=int, default=250)
    ap.add_argument("--seed", type=int, default=0); ap.add_argument("--ce-weight", type=float, default=0.0)
    a = ap.parse_args()
    img = read_micrograph(a.image)
    p = preset(a.preset, n_phases_of(img))
    tcfg = dataclasses.replace(p.vae_train, steps=a.steps, every=a.every, seed=a.seed, ce_weight=a.ce_weight)
    t0 = time.perf_counter()
    vae = train_vae(img, p.vae, tcfg, out_dir=a.out, progress=False)
    hist = torch.load(Path(a.out) / "vae.ckpt", map_location="cpu", weights_only=False)["history"]
    print(f"# {a.image} preset {a.preset} seed {a.seed} ce_weight {a.ce_weight}: {a.steps} steps in "
          f"{time.perf_counter() - t0:.0f} s on {next(vae.parameters()).device}")
    print("| step | train loss (mean of last 50) | held-out PSNR dB | Dice per phase |\n|---|---|---|---|")
    for step, m in hist["val"]:
        loss = sum(hist["loss"][max(0, step - 50):step]) / max(1, min(50, step))
        print(f"| {step} | {loss:.4f} | {m['psnr']:.2f} | {' / '.join(f'{d:.3f}' for d in m['dice'])} |")


if __name__ == "__main__": main()
