# resume the quality VAE's step-5000 checkpoint with lr 2e-4 (set in its optimizer state) for 1000 more steps
import dataclasses, torch
from microlad.data import read_micrograph
from microlad.vae import VAEConfig, VAETrainConfig, train_vae
torch.set_num_threads(1)
lab = read_micrograph("bench/results/particulate/particulate_slice.png")
vae = train_vae(lab, VAEConfig.quality(3), dataclasses.replace(VAETrainConfig.quality(), steps=6000, every=250),
                "/work/runs/vae_q5000", progress=True)
print(vae.metrics)
