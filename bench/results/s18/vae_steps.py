"""cpu-width VAE on one micrograph: held-out PSNR / Dice against steps, optional lr drop.
python vae_steps.py IMAGE OUT --steps 6000 --every 500 [--lr-drop-step N] [--preset cpu]"""
import argparse, dataclasses, time
from pathlib import Path
import torch
from microlad.data import read_micrograph, n_phases_of
from microlad.pipeline import preset
from microlad.vae import train_vae
ap = argparse.ArgumentParser()
ap.add_argument("image"); ap.add_argument("out")
ap.add_argument("--steps", type=int, default=6000); ap.add_argument("--every", type=int, default=500)
ap.add_argument("--lr-drop-step", type=int, default=None); ap.add_argument("--preset", default="cpu")
ap.add_argument("--lr", type=float, default=None)
a = ap.parse_args()
torch.set_num_threads(1)
img = read_micrograph(a.image); p = preset(a.preset, n_phases_of(img))
kw = dict(steps=a.steps, every=a.every, lr_drop_step=a.lr_drop_step)
if a.lr: kw["lr"] = a.lr
tcfg = dataclasses.replace(p.vae_train, **kw)
t0 = time.perf_counter()
vae = train_vae(img, p.vae, tcfg, out_dir=a.out, progress=False)
hist = torch.load(Path(a.out) / "vae.ckpt", map_location="cpu", weights_only=False)["history"]
print(f"# {a.image} {a.preset} {tcfg}: {time.perf_counter() - t0:.0f} s", flush=True)
for step, m in hist["val"]:
    print(f"| {step} | {m['psnr']:.2f} | {' / '.join(f'{d:.3f}' for d in m['dice'])} |")
