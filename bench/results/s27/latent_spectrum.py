# How does a sampled latent vary along each axis, against the truth's encoded latents in their plane (the encoder's
# own ×4 down-sampling) and across it (four slices' latents averaged)? Per latent channel, standardised: lag-1 and
# lag-2 autocorrelation along each axis and the share of the variance at wavenumbers above half of Nyquist.
# python latent_spectrum.py MODEL TRUTH.npy SAMPLES.npz
import sys, numpy as np, torch
from microlad.vae import load_vae
from microlad.truth import truth_crops
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/../s25")
from agreement import truth_latents
torch.set_num_threads(int(__import__("os").environ.get("THREADS", "1")))
model_dir, truth_file, samples = sys.argv[1:4]
vae = load_vae(model_dir + "/vae.pt")

def stats(z, axis):
    "Latents `(n,C,d,h,w)` → (lag-1, lag-2 autocorrelation, high-wavenumber share) along spatial `axis`, channels averaged."
    x = np.moveaxis(np.asarray(z, np.float64), axis + 2, -1)
    x = (x - x.mean(axis=(0, 2, 3, 4), keepdims=True)) / x.std(axis=(0, 2, 3, 4), keepdims=True)
    ac = [np.mean(x[..., k:] * x[..., :-k]) for k in (1, 2)]
    p = np.abs(np.fft.rfft(x - x.mean(-1, keepdims=True), axis=-1)) ** 2
    n = p.shape[-1]
    return ac[0], ac[1], p[..., n // 2:].sum() / p[..., 1:].sum()

z = np.load(samples)["z"]
zt = truth_latents(vae, truth_crops(np.load(truth_file), 4, 4 * z.shape[-1], 0)[:len(z)], 0).numpy()
row = lambda name, v, a: print(f"{name}, along axis {a}: lag-1 {v[0]:.3f} lag-2 {v[1]:.3f} high-k share {v[2]:.3f}", flush=True)
for a in range(3): row("sampled", stats(z, a), a)
row("truth latents (slices normal to axis 0, four averaged), across the slices", stats(zt, 0), 0)
for a in (1, 2): row("truth latents, in the slices' plane (the encoder's down-sampling)", stats(zt, a), a)
