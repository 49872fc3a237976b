# What the LDM learns to draw: its training targets are posterior samples (mu + sigma*eps), not mu. Decode both for the
# training slice's 64 px crops and compare sections / fractions with the LDM's 2D samples (prior2d.py), and report
# sigma against mu's spread per channel. python posterior_blur.py MODEL SLICE.png
import sys, numpy as np, torch
from scipy import ndimage
from microlad.ldm import load_model
from microlad.data import read_micrograph, to_probs
from microlad.vae import decode_latents
torch.set_num_threads(1)
model, img = load_model(sys.argv[1]), np.asarray(read_micrograph(sys.argv[2]))
P, vae = model.n_phases, model.vae
def report(name, probs):
    labs = probs.argmax(1).numpy()
    sec = [1000 * np.mean([ndimage.label(l == ph)[1] / l.size for l in labs]) for ph in range(P)]
    fr, ex = np.bincount(labs.ravel(), minlength=P) / labs.size, probs.mean((0, 2, 3)).numpy()
    print(f"{name}: sections {' / '.join(f'{x:.2f}' for x in sec)} | argmax fractions {' / '.join(f'{x:.3f}' for x in fr)} | mean prob {' / '.join(f'{x:.3f}' for x in ex)}", flush=True)
crops = torch.as_tensor(np.stack([img[i:i + 64, j:j + 64] for i in range(0, 193, 32) for j in range(0, 193, 32)]))
with torch.no_grad():
    mu, logvar = vae.encode(to_probs(crops, P))
    sd = (0.5 * logvar).exp()
    print("per channel: mu std " + " / ".join(f"{x:.3f}" for x in mu.std((0, 2, 3))) + " | mean sigma " + " / ".join(f"{x:.3f}" for x in sd.mean((0, 2, 3))))
    report("decode mu", vae.decode(mu))
    g = torch.Generator().manual_seed(0)
    report("decode mu + sigma*eps", vae.decode(mu + sd * torch.randn(mu.shape, generator=g)))
    report("LDM 2D samples (DDIM50 eta1)", model.sample(32, 64, steps=50, eta=1.0, seed=1, progress=False))
