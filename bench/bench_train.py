"""Wall time and held-out quality of `microlad train --preset cpu` on a bundled micrograph.

    python bench/bench_train.py [porous|anode] [--threads N] [--vae-steps N --ldm-steps N]

Trains into a temporary folder (nothing in data/ is touched) and prints one table row.
The shipped weights' own numbers are in data/weights/<name>/train_log.json."""
import argparse, json, os, platform, tempfile, time
from dataclasses import replace
from pathlib import Path

import torch

from microlad.data import default_micrograph, read_micrograph
from microlad.pipeline import preset, train


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("name", nargs="?", default="porous")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--vae-steps", type=int, default=None)
    ap.add_argument("--ldm-steps", type=int, default=None)
    ap.add_argument("--kl-weight", type=float, default=None)
    a = ap.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    labels = read_micrograph(default_micrograph(a.name))
    p = preset("cpu", int(labels.max()) + 1)
    if a.vae_steps: p.vae_train = replace(p.vae_train, steps=a.vae_steps)
    if a.ldm_steps: p.ldm_train = replace(p.ldm_train, steps=a.ldm_steps)
    if a.kl_weight is not None: p.vae_train = replace(p.vae_train, kl_weight=a.kl_weight)
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        train(labels, d, p=p, progress=False)
        total = time.perf_counter() - t
        log = json.loads((Path(d) / "train_log.json").read_text())
    m = log["vae_metrics"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, threads {torch.get_num_threads()}")
    print("| micrograph | VAE steps | λ_KL | LDM steps | VAE s | LDM s | total s | MAE | PSNR dB | SSIM | V_f err |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {a.name} | {p.vae_train.steps} | {p.vae_train.kl_weight:g} | {p.ldm_train.steps} | {log['vae_seconds']} | "
          f"{log['ldm_seconds']} | {total:.0f} | {m['mae']:.4f} | {m['psnr']:.2f} | {m['ssim']:.4f} | {m['vf_err']:.4f} |")


if __name__ == "__main__":
    main()
