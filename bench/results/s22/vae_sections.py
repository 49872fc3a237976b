# Sections per 1000 px of the training slice (256 px) and of its VAE round trip (argmax), per phase: is the particles'
# fusing already in the autoencoder? python vae_sections.py MODEL SLICE.png
import sys, numpy as np, torch
from scipy import ndimage
from microlad.ldm import load_model
from microlad.data import read_micrograph, to_probs
from microlad.vae import encode_slices, decode_latents
torch.set_num_threads(1)
model, img = load_model(sys.argv[1]), np.asarray(read_micrograph(sys.argv[2]))
P = model.n_phases
sec = lambda l: " / ".join(f"{1000 * ndimage.label(l == ph)[1] / l.size:.2f}" for ph in range(P))
with torch.no_grad(): rt = decode_latents(model.vae, encode_slices(model.vae, to_probs(img, P)[None])).argmax(1)[0].numpy()
print(f"slice {sec(img)} | VAE round trip {sec(rt)} | fractions {np.round(np.bincount(rt.ravel(), minlength=P) / rt.size, 3).tolist()} vs {np.round(np.bincount(img.ravel(), minlength=P) / img.size, 3).tolist()}")
