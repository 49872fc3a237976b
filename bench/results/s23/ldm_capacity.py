# The denser packing's cpu VAE with a wider latent U-Net, trained at the cpu recipe (4000 steps, lr 1e-3, batch 64):
# is the 2D prior's particle fusing a capacity limit? python ldm_capacity.py FOLDER_WITH_VAE SLICE.png C0,C1,C2 N_RES THREADS
import sys, torch
from microlad.vae import load_vae
from microlad.ldm import train_ldm, LDMTrainConfig, UNetConfig
from microlad.data import read_micrograph
from microlad.pipeline import add_training_stats
folder, slice_file = sys.argv[1], sys.argv[2]
cfg = UNetConfig(channels=tuple(int(c) for c in sys.argv[3].split(",")), n_res=int(sys.argv[4]))
torch.set_num_threads(int(sys.argv[5]))
print(cfg, flush=True)
train_ldm(read_micrograph(slice_file), load_vae(f"{folder}/vae.pt"), cfg=cfg, tcfg=LDMTrainConfig(), out_dir=folder, progress=False)
add_training_stats(folder, slice_file)
print("done", flush=True)
