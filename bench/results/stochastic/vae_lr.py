"VAE cpu preset on IMAGE with an lr schedule (and LOSS=ce CEW=w: L1 + w·cross-entropy): usage vae_lr.py IMAGE OUT const|cos|lin40 [STEPS] [THREADS]"
import sys, math, time, json, torch, numpy as np
from microlad.data import read_micrograph, PatchDataset, n_phases_of
import microlad.vae as V
from microlad.checkpoint import run_training
img, out, sched = sys.argv[1], sys.argv[2], sys.argv[3]
import os
LOSS, CEW = os.environ.get("LOSS", "l1"), float(os.environ.get("CEW", "0.1"))
LR = float(os.environ.get("LR", "1e-3"))
steps = int(sys.argv[4]) if len(sys.argv) > 4 else 1500
torch.set_num_threads(int(sys.argv[5]) if len(sys.argv) > 5 else 1)
image = read_micrograph(img); P = n_phases_of(image)
cfg, tcfg = V.VAEConfig.cpu(P), V.VAETrainConfig(steps=steps, lr=LR)
device = torch.device("cpu")
train = PatchDataset(image, patch_size=tcfg.patch_size, n_patches=tcfg.n_patches, split="train", seed=tcfg.seed)
val = PatchDataset(image, patch_size=tcfg.patch_size, n_patches=max(32, tcfg.n_patches // 10), split="val", seed=tcfg.seed + 1)
xval = V.stack(val)
vae, opt = V.seeded_model(V.VAE, cfg, tcfg.seed, tcfg.lr, device)
def factor(step):
    s = step / steps
    if sched == "const": return 1.0
    if sched == "cos": return 0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * s))
    if sched == "lin40": return 1.0 if s < 0.6 else max(0.02, (1 - s) / 0.4)
    raise ValueError(sched)
def loss_fn(step):
    for g_ in opt.param_groups: g_["lr"] = tcfg.lr * factor(step)
    g = V.step_generator(tcfg.seed, step)
    idx = torch.randint(len(train), (tcfg.batch_size,), generator=g)
    x = V.stack(train, idx)
    if LOSS == "l1": return V.vae_loss(vae, x, tcfg.kl_weight, generator=g)[0]
    probs, mu, logvar = vae(x, g)
    kl = 0.5 * (mu.pow(2) + logvar.exp() - 1 - logvar).mean()
    ce = -(x * probs.clamp_min(1e-6).log()).sum(1).mean()
    return (probs - x).abs().mean() + CEW * ce + tcfg.kl_weight * kl
t = time.time()
hist = run_training(vae, opt, loss_fn, steps, f"{out}/vae.ckpt", V.train_meta("vae", cfg, train.fingerprint, tcfg), every=250,
                    validate=lambda: V.reconstruction_metrics(vae, xval), progress=False)
vae.eval()
m = V.reconstruction_metrics(vae, xval)
print(sched, steps, f"{time.time()-t:.0f}s", m, flush=True)
for s_, v in hist["val"]: print("  ", s_, {k: x for k, x in v.items() if k in ("psnr","dice")}, flush=True)
