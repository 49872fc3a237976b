import sys, numpy as np, torch
from microlad.ldm import load_model
from microlad.descriptors import regions_per_slice
from microlad.data import read_micrograph, reference_crops
torch.set_num_threads(2)
m = load_model(sys.argv[1], device="cpu"); P = m.n_phases
ref = reference_crops(read_micrograph(sys.argv[2]), n=128, split="train")
print("training crops", [round(float(regions_per_slice(ref, p)), 1) for p in range(P)])
for kw in ([dict(eta=1.0)] if len(sys.argv) > 3 else [dict(eta=0.0), dict(eta=1.0), dict(steps=200, eta=1.0), dict(sampler="ddpm")]):
    s = m.sample(n=48, size=64, progress=False, **kw).argmax(1)
    print(kw, [round(float(regions_per_slice(s, p)), 1) for p in range(P)], flush=True)
from microlad.vae import encode_slices, decode_latents
from microlad.data import one_hot
x = one_hot(ref, P).float()
rec = decode_latents(m.vae, encode_slices(m.vae, x)).argmax(1)
print("VAE reconstructions of the training crops", [round(float(regions_per_slice(rec, p)), 1) for p in range(P)])
