# Is the 2D prior's particle fusing on large slices a canvas-size effect of its U-Net (trained on 16 x 16 latents, its
# self-attention then sees 4x the tokens at 128 px)? 2D samples at 128 px (DDIM 50, eta 1, the same seeds) with
#   plain   : the U-Net on the whole 32 x 32 latent (what the 3D sampler does at 128^3)
#   tiled   : eps averaged over overlapping training-size tiles (16 x 16 latents, stride 8), so the U-Net only sees its training size
#   logattn : the whole latent, attention logits scaled by log(N)/log(N_train) (N tokens at that level) to keep their entropy
# sections per 1000 px (4-connected) per phase and fractions, against 2D slices of the truth (s22/sections2d.py numbers).
# python canvas2d.py MODEL SIZE N VARIANT[,VARIANT...]
import sys, math, time, types, numpy as np, torch, torch.nn.functional as F
from microlad.vae import AttnBlock
from microlad.ldm import load_model
from microlad.descriptors import regions_per_slice
torch.set_num_threads(1)
model, size, n, variants = load_model(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(",")
P, f, TRAIN = model.n_phases, model.vae.factor, 16   # training latent side (64 px crops, x4)
plain_eps, unet_attention = model.eps, [m for m in model.unet.modules() if isinstance(m, AttnBlock)]

def tiled_eps(z, t, tile=TRAIN, stride=TRAIN // 2):
    "eps of latents (B,C,h,w) averaged over all tile x tile windows at `stride` (h, w = tile + k*stride)."
    h, w = z.shape[-2:]
    out, cnt = torch.zeros_like(z), torch.zeros(1, 1, h, w)
    for i in range(0, h - tile + 1, stride):
        for j in range(0, w - tile + 1, stride):
            out[..., i:i + tile, j:j + tile] += plain_eps(z[..., i:i + tile, j:j + tile], t)
            cnt[..., i:i + tile, j:j + tile] += 1
    return out / cnt

def logattn_forward(self, x):
    "AttnBlock.forward with logits scaled by log N / log N_train (N_train: this level's tokens at the training latent side)."
    b, c, h, w = x.shape
    q, k, v = self.qkv(self.n(x)).reshape(b, 3, c, h * w).transpose(-1, -2).unbind(1)
    N, Nt = h * w, h * w / (size // f / TRAIN) ** 2
    s = (math.log(N) / math.log(Nt) if Nt > 1 else 1.0) / math.sqrt(c)
    a = F.scaled_dot_product_attention(q[:, None], k[:, None], v[:, None], scale=s)[:, 0]
    return x + self.out(a.transpose(-1, -2).reshape(b, c, h, w))

def sections(labs): return [1000 * float(regions_per_slice(labs, ph, connectivity=4)) / labs[0].size for ph in range(P)]
fmt = lambda r: " / ".join(f"{x:.2f}" for x in r)
for var in variants:
    t0 = time.perf_counter()
    model.eps = tiled_eps if var == "tiled" else plain_eps      # what `sample` calls
    for m in unet_attention:                                     # the U-Net's attention only: the VAE decodes as usual
        m.forward = types.MethodType(logattn_forward if var == "logattn" else AttnBlock.forward, m)
    lab = model.sample(n, size, steps=50, eta=1.0, seed=1, progress=False).argmax(1).numpy()
    print(f"{var} {size}px (n={n}): sections {fmt(sections(lab))}, fractions {np.round(np.bincount(lab.ravel(), minlength=P) / lab.size, 3).tolist()} ({time.perf_counter() - t0:.0f} s)", flush=True)
