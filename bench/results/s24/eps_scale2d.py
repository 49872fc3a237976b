# Exposure-bias "epsilon scaling" (the sampler divides the U-Net's eps by lambda > 1 at every step) on the 2D prior:
# do 2D samples keep more pore and particle sections? 64 px, DDIM 50 eta 1, 64 samples per lambda.
# python eps_scale2d.py MODEL SLICE.png LAMBDA[,LAMBDA...]
import sys, numpy as np, torch
from microlad.descriptors import regions_per_slice
from microlad.ldm import load_model, sample_loop, scheduler_for
from microlad.data import read_micrograph
from microlad.vae import decode_latents
torch.set_num_threads(1)
model, img = load_model(sys.argv[1]), np.asarray(read_micrograph(sys.argv[2]))
P, orig = model.n_phases, model.eps
def report(name, labs, extra=""):
    labs = np.asarray(labs)
    sec = [1000 * float(regions_per_slice(labs, ph, connectivity=4)) / labs[0].size for ph in range(P)]
    fr = np.bincount(labs.ravel(), minlength=P) / labs.size
    print(f"{name}: sections {' / '.join(f'{x:.2f}' for x in sec)} | fractions {' / '.join(f'{x:.3f}' for x in fr)}{extra}", flush=True)
crops = np.stack([img[i:i + 64, j:j + 64] for i in range(0, 193, 64) for j in range(0, 193, 64)])
report("slice crops 64", crops)
print("data latent channel std", np.round(model.latent_stats[1].numpy(), 3).tolist() if model.latent_stats else None)
for lam in [float(x) for x in sys.argv[3].split(",")]:
    model.eps = lambda z, t, lam=lam: orig(z, t) / lam
    g = torch.Generator().manual_seed(1)
    zT = torch.randn(64, model.vae.cfg.latent_channels, 16, 16, generator=g)
    z = sample_loop(model.eps, zT, scheduler_for(model.sched, "ddim", 50, 1.0, g), progress=False)
    with torch.no_grad(): labs = decode_latents(model.vae, z).argmax(1).numpy()
    report(f"lambda {lam}", labs, f" | latent std {np.round(z.transpose(0, 1).flatten(1).std(1).numpy(), 3).tolist()}")
