# quality VAE on the particulate slice, trained long with validation every 500 steps: at what step does it reach 27 dB?
import dataclasses, sys, torch
from microlad.data import read_micrograph
from microlad.vae import VAEConfig, VAETrainConfig, train_vae
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
steps = int(sys.argv[1])
lab = read_micrograph("bench/results/particulate/particulate_slice.png")
vae = train_vae(lab, VAEConfig.quality(3), dataclasses.replace(VAETrainConfig.quality(), steps=steps, every=500),
                "/work/runs/vae_quality_long", progress=True)
print(vae.metrics)
