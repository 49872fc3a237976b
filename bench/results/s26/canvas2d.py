# Is the 2D prior's particle fusing on large slices a canvas-size effect of its U-Net (trained on 16 x 16 latents, its
# self-attention then sees 4x the tokens at 128 px)? 2D samples at 128 px (DDIM 50, eta 1, the same seeds) with
#   plain   : the U-Net on the whole 32 x 32 latent (what the 3D sampler does at 128^3)
#   tiled   : eps averaged over overlapping training-size tiles (16 x 16 latents, stride 8), so the U-Net only sees its training size
#   logattn : the whole latent, attention logits scaled by log(N)/log(N_train) (N tokens at that level) to keep their entropy
# sections per 1000 px (4-connected) per phase and fractions, against 2D slices of the truth (s22/sections2d.py numbers).
# python canvas2d.py MODEL SIZE N VARIANT[,VARIANT...]
import sys, math, time, numpy as np, torch, torch.nn.functional as F
from scipy import ndimage
import microlad.vae as V
from microlad.ldm import load_model, sample_loop, scheduler_for
from microlad.vae import decode_latents
torch.set_num_threads(1)
model, size, n, variants = load_model(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(",")
P, f, TRAIN = model.n_phases, model.vae.factor, 16   # training latent side (64 px crops, x4)

def tiled_eps(z, t, tile=TRAIN, stride=TRAIN // 2):
    "eps of latents (B,C,h,w) averaged over all tile x tile windows at `stride` (h, w = tile + k*stride)."
    h, w = z.shape[-2:]
    out, cnt = torch.zeros_like(z), torch.zeros(1, 1, h, w)
    for i in range(0, h - tile + 1, stride):
        for j in range(0, w - tile + 1, stride):
            out[..., i:i + tile, j:j + tile] += model.eps(z[..., i:i + tile, j:j + tile], t)
            cnt[..., i:i + tile, j:j + tile] += 1
    return out / cnt

ratio = [1.0]
def logattn_forward(self, x):
    b, c, h, w = x.shape
    q, k, v = self.qkv(self.n(x)).reshape(b, 3, c, h * w).transpose(-1, -2).unbind(1)
    N, Nt = h * w, h * w / ratio[0] ** 2
    s = (math.log(N) / math.log(Nt) if Nt > 1 else 1.0) / math.sqrt(c)
    a = F.scaled_dot_product_attention(q[:, None], k[:, None], v[:, None], scale=s)[:, 0]
    return x + self.out(a.transpose(-1, -2).reshape(b, c, h, w))

def sections(labs): return [1000 * np.mean([ndimage.label(l == ph)[1] / l.size for l in labs]) for ph in range(P)]
fmt = lambda r: " / ".join(f"{x:.2f}" for x in r)
for var in variants:
    t0 = time.perf_counter()
    g = torch.Generator().manual_seed(1)
    zT = torch.randn(n, model.vae.cfg.latent_channels, size // f, size // f, generator=g)
    eps, orig = model.eps, V.AttnBlock.forward
    if var == "tiled": eps = tiled_eps
    elif var == "logattn": ratio[0] = size // f / TRAIN; V.AttnBlock.forward = logattn_forward
    try:
        z = sample_loop(eps, zT, scheduler_for(model.sched, "ddim", 50, 1.0, g), progress=False)
    finally: V.AttnBlock.forward = orig          # the VAE decodes as usual
    with torch.no_grad(): lab = decode_latents(model.vae, z).argmax(1).numpy()
    print(f"{var} {size}px (n={n}): sections {fmt(sections(lab))}, fractions {np.round(np.bincount(lab.ravel(), minlength=P) / lab.size, 3).tolist()} ({time.perf_counter() - t0:.0f} s)", flush=True)
