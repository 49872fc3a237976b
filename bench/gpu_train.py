"""`microlad train` with a chosen VAE share of the time budget (for short GPU leases, bench/gpu_paper.sh).

    python3 bench/gpu_train.py IMAGE OUT --preset paper --budget-min 4.5 --vae-share 0.5 [--downsample 2] [--half OUTDIR]

`--half DIR` also writes the trained vae.pt / ldm.pt with float16 tensors into DIR as <name>_vae.pt, <name>_ldm.pt
(the device tool returns files of at most 16 MiB; `load_model` reads them back into float32 modules)."""
import argparse, dataclasses
from pathlib import Path
import torch
from microlad.data import read_micrograph, n_phases_of
from microlad.pipeline import PRESETS, preset, train

def half_copy(src: Path, dst: Path):
    "Write checkpoint `src` with its floating-point tensors in float16 to `dst`."
    ck = torch.load(src, map_location="cpu", weights_only=False)
    ck["state_dict"] = {k: v.half() if v.is_floating_point() else v for k, v in ck["state_dict"].items()}
    torch.save(ck, dst)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("image"); ap.add_argument("out")
    ap.add_argument("--preset", choices=PRESETS, default="paper")
    ap.add_argument("--budget-min", type=float, required=True); ap.add_argument("--vae-share", type=float, default=None)
    ap.add_argument("--downsample", type=int, default=None, help="the VAE's latent factor (VAEConfig.downsample)")
    ap.add_argument("--half", default=None, metavar="DIR")
    a = ap.parse_args()
    p = preset(a.preset, n_phases_of(read_micrograph(a.image)))
    if a.vae_share is not None: p = dataclasses.replace(p, vae_budget_share=a.vae_share)
    if a.downsample is not None: p = dataclasses.replace(p, vae=dataclasses.replace(p.vae, downsample=a.downsample))
    print(f"# {a.image}: preset {a.preset}, budget {a.budget_min} min, VAE share {p.vae_budget_share}, "
          f"VAE downsample {p.vae.downsample}", flush=True)
    train(a.image, a.out, a.preset, p=p, time_budget_s=60 * a.budget_min)
    if a.half:
        Path(a.half).mkdir(parents=True, exist_ok=True)
        for f in ("vae", "ldm"): half_copy(Path(a.out) / f"{f}.pt", Path(a.half) / f"{Path(a.out).name}_{f}.pt")

if __name__ == "__main__": main()
