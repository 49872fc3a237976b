# Continue a cpu model's LDM from its checkpoint to STEPS steps (VAE unchanged) into a copy of the model folder.
# python ldm_longer.py MODEL_COPY SLICE.png STEPS
import sys, torch
from microlad.ldm import load_model, train_ldm, LDMTrainConfig
from microlad.data import read_micrograph
torch.set_num_threads(1)
folder, img, steps = sys.argv[1], read_micrograph(sys.argv[2]), int(sys.argv[3])
m = load_model(folder)
train_ldm(img, m.vae, tcfg=LDMTrainConfig(steps=steps), out_dir=folder, progress=False)
print("done", flush=True)
