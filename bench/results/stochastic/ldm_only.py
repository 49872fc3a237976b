"Train only the LDM (STEPS) on the VAE in OUT/vae.pt, cpu preset otherwise; add the training statistics. usage: ldm_only.py IMAGE OUT STEPS"
import sys, time, json, torch
from microlad.data import read_micrograph
from microlad.vae import load_vae
from microlad.ldm import train_ldm, LDMTrainConfig, UNetConfig, DiffusionConfig
from microlad.pipeline import store_training_stats
torch.set_num_threads(int(sys.argv[4]) if len(sys.argv) > 4 else 2)
img, out, steps = sys.argv[1], sys.argv[2], int(sys.argv[3])
labels = read_micrograph(img)
vae = load_vae(f"{out}/vae.pt", device="cpu")
t = time.time()
m = train_ldm(labels, vae, UNetConfig.cpu(), LDMTrainConfig(steps=steps), DiffusionConfig(), out, progress=False)
dt = time.time() - t
store_training_stats(out, labels)
json.dump(dict(image=img, ldm_steps=steps, ldm_seconds=round(dt, 1), threads=torch.get_num_threads()), open(f"{out}/ldm_only_log.json", "w"))
print(f"LDM {steps} steps in {dt:.0f} s")
