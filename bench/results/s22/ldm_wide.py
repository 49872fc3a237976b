# The denser packing's cpu VAE with a wider latent U-Net (UNetConfig.paper(): 128 channels, 2 res blocks, attention at
# every level) trained STEPS steps at the cpu recipe: is the 2D prior's particle fusing a capacity limit?
# python ldm_wide.py FOLDER_WITH_VAE SLICE.png STEPS THREADS
import sys, torch
from microlad.vae import load_vae
from microlad.ldm import train_ldm, LDMTrainConfig, UNetConfig
from microlad.data import read_micrograph
from microlad.pipeline import add_training_stats
folder, slice_file, steps = sys.argv[1], sys.argv[2], int(sys.argv[3])
torch.set_num_threads(int(sys.argv[4]))
train_ldm(read_micrograph(slice_file), load_vae(f"{folder}/vae.pt"), cfg=UNetConfig.paper(), tcfg=LDMTrainConfig(steps=steps),
          out_dir=folder, progress=True)
add_training_stats(folder, slice_file)
print("done", flush=True)
