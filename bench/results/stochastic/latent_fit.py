"""The ceiling of the latent volume L-MPDD works in: fit a scaled latent volume (n,C,16,16,16) by Adam so that its
three-axis decode (nearest ×4 along each axis, as decode_volume) matches truth crops (cross-entropy), then label
and decode as reconstruct does (K = 2) and truth_report. usage: latent_fit.py WEIGHTS TRUTH.npy N STEPS [UPSAMPLE nearest|linear]"""
import sys, time, numpy as np, torch
import torch.nn.functional as F
from compact import print_compact
from microlad.ldm import load_model
from microlad.vae import encode_slices
from microlad.lmpdd import (LMPDDConfig, decode_volume, label_volumes, smoothing_sigma, expected_fractions,
                            volume_to_slices, slices_to_volume, _upsample_axis)
from microlad.truth import truth_report, truth_crops
torch.set_num_threads(1)
w, tr, N, steps = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
UP = sys.argv[5] if len(sys.argv) > 5 else "nearest"
truth = np.load(tr).astype(np.int64)
model = load_model(w, device="cpu"); P = model.n_phases; cfg = LMPDDConfig.cpu(); sg = smoothing_sigma(model, cfg)
for p in model.vae.parameters(): p.requires_grad_(False)
crops = torch.as_tensor(truth_crops(truth, N, 64, seed=1))
onehot = F.one_hot(crops, P).movedim(-1, 1).float()
with torch.no_grad():   # start: axis-0 slice latents pooled x4 along axis 0
    zs = slices_to_volume(encode_slices(model.vae, volume_to_slices(onehot, 0)), 0, N)
    z0 = zs.reshape(N, zs.shape[1], 16, 4, 16, 16).mean(3)
def decode3(z):
    acc = 0
    for a in range(3):
        s = volume_to_slices(_upsample_axis(z, a, 64, UP), a)
        acc = acc + slices_to_volume(model.vae.decode(s / model.vae.latent_scale), a, z.shape[0])
    return acc / 3
def show(name, z):
    pr, f0 = decode_volume(model, z.detach(), cfg.refine_iters, progress=False, upsample=UP, return_fractions=True)
    lab = label_volumes(pr, sg, f0).numpy()
    print_compact(truth_report(lab, truth, n_phases=P, with_tau=True, seed=0), P, name)
print(f"# {w}, upsample {UP}, truth {tr}, {N} crops of 64^3 (seed 1) vs truth_report's crops (seed 0)", flush=True)
print_compact(truth_report(crops.numpy(), truth, n_phases=P, with_tau=True, seed=0), P, "truth crops themselves")
show("start: pooled axis-0 latents", z0)
z = z0.clone().requires_grad_(True); opt = torch.optim.Adam([z], lr=0.05); t = time.time()
for i in range(steps):
    opt.zero_grad()
    loss = F.nll_loss(decode3(z).clamp_min(1e-6).log(), crops)
    loss.backward(); opt.step()
    if i % 20 == 0 or i == steps - 1: print(f"  step {i} CE {loss.item():.4f} ({time.time() - t:.0f} s)", flush=True)
with torch.no_grad(): acc = (decode3(z).argmax(1) == crops).float().mean().item()
print(f"  voxel accuracy of the fitted latent's three-axis decode: {acc:.4f}; latent std {z.std().item():.2f}", flush=True)
show(f"fitted latent ({steps} Adam steps), decode_volume K=2", z)
