# Are the three axis decodings of one latent volume registered? Decoding along axis a places latent slice k at voxel
# f*k + (f-1)/2 along a (the up-sampling's convention) but along the other two axes wherever the VAE's decoder learned to
# put it. A mismatch shifts the decodings against each other along every axis. For the latents kept by sample_z.py:
# per pair of axis decodings and per spatial dimension, the shift (voxels, sub-voxel by a parabola through the three
# best integer shifts) that maximises the correlation of each phase's decoded probabilities. python axis_shift.py MODEL SAMPLES.npz
import sys, itertools, numpy as np, torch
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig
from agreement import axis_decodings
torch.set_num_threads(1)
model, cfg = load_model(sys.argv[1]), LMPDDConfig.cpu()
z = torch.as_tensor(np.load(sys.argv[2])["z"])
dec = axis_decodings(model, z, cfg)
S, m = 3, 4                                                   # shifts -S..S; m voxels trimmed at every face

def corr(x, y, dim, s):
    "Correlation of x and y shifted by s voxels along spatial dim (volumes (n,D,H,W))."
    sl = [slice(None)] + [slice(m, -m)] * 3
    a = x[tuple(sl)]
    sl[dim + 1] = slice(m + s, x.shape[dim + 1] - m + s)
    b = y[tuple(sl)]
    a, b = a - a.mean(), b - b.mean()
    return float((a * b).sum() / np.sqrt((a * a).sum() * (b * b).sum()))

def best(c):
    i = int(np.argmax(c))
    if 0 < i < len(c) - 1:
        d = c[i - 1] - 2 * c[i] + c[i + 1]
        return i - S + (0.5 * (c[i - 1] - c[i + 1]) / d if d else 0.0)
    return float(i - S)

print(f"# {sys.argv[2]}: {tuple(z.shape)} latents; shift of decoding b against decoding a that best matches it, per dimension (voxels), and the correlation at shift 0 -> at the best integer shift")
for p in range(model.n_phases):
    for a, b in itertools.combinations(range(3), 2):
        out = []
        for dim in range(3):
            c = [corr(dec[a][:, p], dec[b][:, p], dim, s) for s in range(-S, S + 1)]
            out.append(f"dim {dim}: {best(c):+.2f} ({c[S]:.3f} -> {max(c):.3f})")
        print(f"phase {p}, axes {a}{b}: " + " | ".join(out), flush=True)
