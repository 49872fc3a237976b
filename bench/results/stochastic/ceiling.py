"""What the decoding alone does to a true structure: truth crops → (a) K encode/decode refinement passes, (b) the
latent volume L-MPDD works in (slices along axis 0 encoded, pooled ×4 along it) → decode_volume; labelled as reconstruct
does, truth_report each against other truth crops. Also: smoothing alone, and other σ after one pass. usage: ceiling.py WEIGHTS TRUTH.npy N"""
import sys, time, numpy as np, torch
import torch.nn.functional as F
from compact import print_compact
from microlad.ldm import load_model
from microlad.vae import encode_slices
from microlad.data import argmax_one_hot
from microlad.lmpdd import (LMPDDConfig, refine_along_axis, decode_volume, label_volumes, smoothing_sigma,
                            expected_fractions, volume_to_slices, slices_to_volume)
from microlad.truth import truth_report, truth_crops
torch.set_num_threads(1)
w, tr, N = sys.argv[1], sys.argv[2], int(sys.argv[3])
truth = np.load(tr).astype(np.int64)
model = load_model(w, device="cpu"); P = model.n_phases; cfg = LMPDDConfig.cpu(); sg = smoothing_sigma(model, cfg)
crops = torch.as_tensor(truth_crops(truth, N, 64, seed=1))          # other crops than truth_report's (seed 0)
onehot = F.one_hot(crops, P).movedim(-1, 1).float()
def show(name, probs, sigma=sg):
    f = expected_fractions(probs)
    lab = label_volumes(probs, sigma, f).numpy()
    print_compact(truth_report(lab, truth, n_phases=P, with_tau=True, seed=0), P, f"{name}, sigma {tuple(round(x, 2) for x in sigma)}")
print(f"# {w}, truth {tr}, {N} crops of 64^3 (seed 1) vs truth_report's crops (seed 0)", flush=True)
print_compact(truth_report(crops.numpy(), truth, n_phases=P, with_tau=True, seed=0), P, "truth crops themselves")
for sigma in [sg, (0.5,) * P]:
    show("truth crops, smoothed and labelled only (no VAE)", onehot, sigma)
cur = onehot
for k in (1, 2):
    t = time.time(); nxt = torch.zeros_like(cur)
    for a in range(3): refine_along_axis(model, cur, a, nxt, onehot=True)
    cur = nxt / 3
    show(f"truth after {k} three-axis encode/decode pass(es) ({time.time() - t:.0f} s)", cur)
    if k == 1:
        for sigma in [(0.5,) * P, (0.0,) * P]: show("  same, other sigma", cur, sigma)
with torch.no_grad():
    zs = slices_to_volume(encode_slices(model.vae, volume_to_slices(onehot, 0)), 0, N)     # (N,C,64,16,16)
    z = zs.reshape(N, zs.shape[1], 16, 4, 16, 16).mean(3)                                 # pooled ×4 along axis 0
pr = decode_volume(model, z, cfg.refine_iters, progress=False, upsample=cfg.upsample)
show("truth's latent volume (axis-0 slices, pooled x4) -> decode_volume K=2", pr)
