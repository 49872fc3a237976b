"""Retrain the LDM of a shipped weight folder with the cpu preset (VAE unchanged) and update its train_log.json.
usage: ship_ldm.py NAME IMAGE WORKDIR [THREADS]  (trains in WORKDIR/NAME, then copies ldm.pt into data/weights/NAME)"""
import sys, time, json, shutil, platform, torch
from pathlib import Path
from microlad.data import read_micrograph
from microlad.vae import load_vae
from microlad.ldm import train_ldm, LDMTrainConfig, UNetConfig, DiffusionConfig
from microlad.checkpoint import load_checkpoint, config_to_dict
from microlad.pipeline import store_training_stats
name, img, work = sys.argv[1], sys.argv[2], Path(sys.argv[3]) / sys.argv[1]
torch.set_num_threads(int(sys.argv[4]) if len(sys.argv) > 4 else 2)
ship = Path("data/weights") / name
work.mkdir(parents=True, exist_ok=True); shutil.copy(ship / "vae.pt", work / "vae.pt")
labels = read_micrograph(img)
vae = load_vae(work / "vae.pt", device="cpu")
tcfg = LDMTrainConfig.cpu()
t = time.time()
train_ldm(labels, vae, UNetConfig.cpu(), tcfg, DiffusionConfig(), work, progress=False)
dt = time.time() - t
store_training_stats(work, labels)
log = json.load(open(ship / "train_log.json"))
log.update(ldm_seconds=round(dt, 1), ldm_metrics=load_checkpoint(work / "ldm.pt").get("metrics", {}),
           ldm_train=config_to_dict(tcfg), ldm_cpu_threads=torch.get_num_threads(), torch=torch.__version__,
           machine=platform.machine(),
           ldm_retrained="LDM retrained alone with the cpu preset's LDMTrainConfig on the shipped vae.pt (VAE unchanged)")
shutil.copy(work / "ldm.pt", ship / "ldm.pt.tmp"); (ship / "ldm.pt.tmp").replace(ship / "ldm.pt")
json.dump(log, open(ship / "train_log.json.tmp", "w"), indent=1); (ship / "train_log.json.tmp").replace(ship / "train_log.json")
print(f"{name}: LDM {tcfg.steps} steps in {dt:.0f} s, final loss {log['ldm_metrics']}", flush=True)
