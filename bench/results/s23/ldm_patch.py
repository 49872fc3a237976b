# The denser packing's cpu VAE with the cpu U-Net trained on larger crops (PATCH px, batch BATCH: the same pixels per
# step as 64 px × 64): does a 2D prior that has seen 32² latents keep particles apart on 128 px sections?
# python ldm_patch.py FOLDER_WITH_VAE SLICE.png PATCH BATCH THREADS
import sys, torch
from microlad.vae import load_vae
from microlad.ldm import train_ldm, LDMTrainConfig, UNetConfig
from microlad.data import read_micrograph
from microlad.pipeline import add_training_stats
folder, slice_file, patch, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
torch.set_num_threads(int(sys.argv[5]))
tcfg = LDMTrainConfig(patch_size=patch, batch_size=batch)
print(tcfg, flush=True)
train_ldm(read_micrograph(slice_file), load_vae(f"{folder}/vae.pt"), cfg=UNetConfig.cpu(), tcfg=tcfg, out_dir=folder, progress=False)
add_training_stats(folder, slice_file)
print("done", flush=True)
