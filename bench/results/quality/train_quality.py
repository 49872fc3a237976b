# Experiment record (bench/results/quality): a candidate `quality` preset trained on the particulate slice on the CPU.
"Train VAE channels WIDTH for VAE_STEPS, then the cpu U-Net for LDM_STEPS, on the particulate slice, into OUT (resumable)."
import sys, time, os, platform, json
from dataclasses import replace
import torch
from microlad.pipeline import train, preset
from microlad.vae import VAEConfig
out, width, vae_steps, ldm_steps = sys.argv[1], tuple(int(c) for c in sys.argv[2].split(",")), int(sys.argv[3]), int(sys.argv[4])
p = preset("cpu", 3)
p = replace(p, vae=replace(p.vae, channels=width), vae_train=replace(p.vae_train, steps=vae_steps, every=250),
            ldm_train=replace(p.ldm_train, steps=ldm_steps))
print(f"# {platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, {torch.get_num_threads()} threads; {p.vae}; {p.vae_train}; {p.ldm_train}", flush=True)
t = time.perf_counter()
model = train("bench/results/particulate/particulate_slice.png", out, "cpu", p=p)
log = json.load(open(f"{out}/train_log.json"))
print(f"# done in {time.perf_counter() - t:.0f} s; VAE {log['vae_seconds']} s, LDM {log['ldm_seconds']} s; vae metrics {log['vae_metrics']}", flush=True)
