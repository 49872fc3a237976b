# The denser packing's cpu VAE with a latent U-Net of another size or trained on other crops, otherwise the cpu recipe
# (4000 steps, lr 1e-3): is the 2D prior's particle fusing a capacity limit, or one of the 64 px training context?
# python ldm_variant.py FOLDER_WITH_VAE SLICE.png C0,C1,C2 N_RES PATCH BATCH THREADS
#   wider U-Net (RESULTS "A 3.6× wider latent U-Net"):  ... 96,192,192 1 64 64 2
#   128 px crops, same pixels per step as 64 px × 64:    ... 48,96,96 1 128 16 2
import sys, torch
from microlad.vae import load_vae
from microlad.ldm import train_ldm, LDMTrainConfig, UNetConfig
from microlad.data import read_micrograph
from microlad.pipeline import add_training_stats
folder, slice_file, channels, n_res, patch, batch, threads = sys.argv[1:8]
torch.set_num_threads(int(threads))
cfg = UNetConfig(channels=tuple(int(c) for c in channels.split(",")), n_res=int(n_res))
tcfg = LDMTrainConfig(patch_size=int(patch), batch_size=int(batch))
print(cfg, tcfg, flush=True)
train_ldm(read_micrograph(slice_file), load_vae(f"{folder}/vae.pt"), cfg=cfg, tcfg=tcfg, out_dir=folder, progress=False)
add_training_stats(folder, slice_file)
print("done", flush=True)
