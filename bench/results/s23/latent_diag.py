# Where the denser packing's 2D prior loses its thin gaps, in latent space. python latent_diag.py MODEL SLICE.png TRUTH.npy
# 1) decoder sensitivity: sections of decode(z + s*eps) for scaled data latents z (std ~ 1);
# 2) the U-Net's denoising loss per t on training-slice latents vs latents of held-out truth slices;
# 3) one-step x0 predictions from z_t, decoded: sections by t; 4) sampled latents' moments / spectrum vs data.
import sys, numpy as np, torch
from microlad.ldm import load_model
from microlad.descriptors import regions_per_slice
from microlad.data import read_micrograph, to_probs
from microlad.vae import encode_slices, decode_latents
torch.set_num_threads(2); torch.manual_seed(0)
model, img = load_model(sys.argv[1]), np.asarray(read_micrograph(sys.argv[2]))
truth = np.load(sys.argv[3]); P = model.n_phases; vae, S = model.vae, model.sched
def sec(labs):   # 4-connected sections per 1000 px, per phase (every image 64 px)
    return [1000 * float(regions_per_slice(labs, ph, connectivity=4)) / labs[0].size for ph in range(P)]
def rep(name, z):
    with torch.no_grad(): labs = decode_latents(vae, z).argmax(1).numpy()
    fr = np.bincount(labs.ravel(), minlength=P) / labs.size
    print(f"{name}: sections {' / '.join(f'{x:.2f}' for x in sec(labs))} | fractions {' / '.join(f'{x:.3f}' for x in fr)}", flush=True)
def crops(a, n, rng):
    i, j = rng.integers(0, a.shape[-2] - 63, n), rng.integers(0, a.shape[-1] - 63, n)
    return np.stack([a[k][i[m]:i[m] + 64, j[m]:j[m] + 64] for m, k in enumerate(rng.integers(0, a.shape[0], n))])
rng = np.random.default_rng(0)
train = crops(img[None], 128, rng); held = crops(truth[64:192:8], 128, rng)     # z-planes of the truth, not the slice
enc = lambda c: encode_slices(vae, to_probs(torch.as_tensor(c), P))
with torch.no_grad(): zt, zh = enc(train), enc(held)
print(f"data latents: per-channel mean {zt.mean((0,2,3)).numpy().round(3)} std {zt.std((0,2,3)).numpy().round(3)}")
for s in [0, 0.05, 0.1, 0.2, 0.3, 0.5]:
    rep(f"decode(z + {s:.2f} eps) train crops", zt + s * torch.randn_like(zt))
g = torch.Generator().manual_seed(1)
print("denoising loss by t (train-slice latents / held-out truth latents):")
for t in [10, 50, 100, 200, 300, 400, 600, 800]:
    L = []
    for z in (zt, zh):
        tt = torch.full((len(z),), t); e = torch.randn(z.shape, generator=g)
        with torch.no_grad(): L.append(float(((model.unet(S.q_sample(z, tt, e), tt) - e) ** 2).mean()))
    print(f"  t={t}: {L[0]:.4f} / {L[1]:.4f}", flush=True)
for t in [50, 100, 200, 300, 400, 600]:
    tt = torch.full((len(zt),), t); e = torch.randn(zt.shape, generator=g); a = S.abar[t].float()
    with torch.no_grad():
        x = S.q_sample(zt, tt, e); x0 = (x - (1 - a).sqrt() * model.unet(x, tt)) / a.sqrt()
    rep(f"one-step x0 from t={t}", x0)
    print(f"    x0 err rms {float((x0 - zt).pow(2).mean().sqrt()):.3f}")
from microlad.ldm import sample_loop, scheduler_for
g = torch.Generator().manual_seed(1)
zs = sample_loop(model.eps, torch.randn(128, *zt.shape[1:], generator=g), scheduler_for(S, "ddim", 50, 1.0, g), progress=False)
print(f"sampled latents: per-channel mean {zs.mean((0,2,3)).numpy().round(3)} std {zs.std((0,2,3)).numpy().round(3)}")
rep("LDM samples (DDIM50 eta1)", zs)
def spec(z):   # radially averaged power per |k| bin (4 bins) over channels
    F = torch.fft.fft2(z - z.mean((2, 3), keepdim=True)).abs().pow(2).mean((0, 1)).numpy()
    k = np.hypot(*np.meshgrid(np.fft.fftfreq(16), np.fft.fftfreq(16), indexing="ij"))
    return [F[(k >= lo) & (k < hi)].mean() for lo, hi in [(0, .1), (.1, .2), (.2, .35), (.35, .8)]]
print("power spectrum by |k| bin (train / held-out / samples):")
for a, b, c in zip(spec(zt), spec(zh), spec(zs)): print(f"  {a:.2f} / {b:.2f} / {c:.2f}  (samples/train {c/a:.2f})")
