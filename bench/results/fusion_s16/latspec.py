# Are the 3D latents smoother than the training latents? lag-1 correlation per channel, per axis; 2D samples too.
import sys, torch
from microlad.pipeline import load_weights
from microlad.lmpdd import *
from microlad.ldm import sample_loop, scheduler_for
from microlad.data import read_micrograph, reference_crops, one_hot
from microlad.vae import encode_slices, decode_latents
from microlad.lmpdd import pixel_change_rate, slice_change_rate
torch.set_num_threads(2)
m = load_weights(sys.argv[1]); P = m.n_phases; cfg = LMPDDConfig.cpu()
mic = read_micrograph(sys.argv[2], n_phases=P)
tr = reference_crops(mic, n=128, split="train")
with torch.no_grad(): ztr = encode_slices(m.vae, one_hot(tr, P).float())
def ncorr(x, dim):
    a, b = x.narrow(dim, 0, x.shape[dim] - 1), x.narrow(dim, 1, x.shape[dim] - 1)
    d = [i for i in range(x.dim()) if i != 1]
    a = a - a.mean(d, keepdim=True); b = b - b.mean(d, keepdim=True)
    return ((a * b).mean(d) / (a.std(d) * b.std(d))).numpy().round(3)
print("train latents   std", ztr.std((0, 2, 3)).numpy().round(3), "lag1 H", ncorr(ztr, 2), "W", ncorr(ztr, 3))
g = torch.Generator().manual_seed(0)
zT = torch.randn(64, ztr.shape[1], 16, 16, generator=g)
with torch.no_grad(): z2 = sample_loop(m.eps, zT, scheduler_for(m.sched, "ddim", 50, 1.0, g), progress=False)
print("2D samples eta1 std", z2.std((0, 2, 3)).numpy().round(3), "lag1 H", ncorr(z2, 2), "W", ncorr(z2, 3))
with torch.no_grad(): p2 = decode_latents(m.vae, z2)
print("pixel change rate: train crops", round(pixel_change_rate(tr), 4), " 2D samples", round(pixel_change_rate(p2.argmax(1)), 4),
      " 2D sample pore", round(float((p2.argmax(1) == 1).float().mean()), 3))
z3 = sample_latent_volume(m, (64, 64, 64), 4, cfg, seed=0, progress=False)
print("3D latents      std", z3.std((0, 2, 3, 4)).numpy().round(3), "lag1 ax0", ncorr(z3, 2), "ax1", ncorr(z3, 3), "ax2", ncorr(z3, 4))
for a in range(3):
    p = decode_along_axis(m, z3, a, None, 64, cfg.upsample).argmax(1)
    sl = p.movedim(a + 1, 1).reshape(-1, 64, 64)
    print(f"decode axis {a}: in-plane pixel change rate {pixel_change_rate(sl):.4f}; change rate along axes", slice_change_rate(p).mean(0).numpy().round(4))
