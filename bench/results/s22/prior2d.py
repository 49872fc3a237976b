# The 2D prior alone at 64 px: sections per 1000 px and fractions of 2D samples by sampler, against 64 px crops of the
# training slice and of its VAE round trip. python prior2d.py MODEL SLICE.png
import sys, numpy as np, torch
from scipy import ndimage
from microlad.ldm import load_model
from microlad.data import read_micrograph, to_probs
from microlad.vae import encode_slices, decode_latents
torch.set_num_threads(1)
model, img = load_model(sys.argv[1]), np.asarray(read_micrograph(sys.argv[2]))
P = model.n_phases
def report(name, labs):
    labs = np.asarray(labs)
    sec = [1000 * np.mean([ndimage.label(l == ph)[1] / l.size for l in labs]) for ph in range(P)]
    fr = np.bincount(labs.ravel(), minlength=P) / labs.size
    print(f"{name}: sections {' / '.join(f'{x:.2f}' for x in sec)} | fractions {' / '.join(f'{x:.3f}' for x in fr)}", flush=True)
crops = np.stack([img[i:i + 64, j:j + 64] for i in range(0, 193, 64) for j in range(0, 193, 64)])
report("slice crops 64", crops)
with torch.no_grad(): rt = decode_latents(model.vae, encode_slices(model.vae, to_probs(torch.as_tensor(crops), P))).argmax(1).numpy()
report("VAE round trip 64", rt)
for name, kw in [("DDIM50 eta1", dict(steps=50, eta=1.0)), ("DDIM50 eta0", dict(steps=50, eta=0.0)),
                 ("DDIM200 eta1", dict(steps=200, eta=1.0)), ("DDPM1000", dict(sampler="ddpm", steps=1000, eta=1.0))]:
    report(f"LDM {name}", model.sample(32, 64, seed=1, progress=False, **kw).argmax(1).numpy())
