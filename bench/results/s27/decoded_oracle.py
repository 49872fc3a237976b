# Is what a single-axis decoding loses across its slices still in its probabilities at all? A diagnostic that cheats
# on purpose: the same 2D sharpener trained on sections of the REAL decodings (the truth's own latents, normal to axis 0,
# decoded along each axis) of two other 128^3 truth cubes (disjoint from the evaluation's), against their labels, then
# applied to the evaluation crops' floor (floor_sharpen.py). If even this leaves the particles' tau where it is, no
# post-hoc cross-slice network can restore it. python decoded_oracle.py MODEL TRUTH.npy OUT.pt [STEPS]
import sys, numpy as np, torch
from microlad.truth import truth_crops
here = __file__.rsplit("/", 1)[0]
sys.path[:0] = [here, here + "/../s25", here + "/../s26"]
from agreement import truth_latents, axis_decodings
from floor import floor_setup, label_at, report
from sharpener import fit, load, sharpen_axis, to_sections
torch.set_num_threads(int(__import__("os").environ.get("THREADS", "1")))
weights, truth_file, out = sys.argv[1:4]
steps = int(sys.argv[4]) if len(sys.argv) > 4 else 1500
model, cfg, ref, fr, truth_d = floor_setup(weights, truth_file)
P, ps = model.n_phases, 64

def sections(probs, labels, axis):
    "Decoding `(n,P,D,H,W)` coarse along `axis` + labels `(n,D,H,W)` → sections `(N,P+1,L,L)` normal to the two other axes, rows = `axis`."
    v = torch.cat([probs, torch.as_tensor(labels)[:, None].float()], 1)
    return torch.cat([to_sections(v, axis, c) for c in range(3) if c != axis])

def decodings(crops):
    return [torch.from_numpy(d) for d in axis_decodings(model, truth_latents(model.vae, crops, 0), cfg)]

with torch.no_grad():
    other = truth_crops(np.load(truth_file), 4, 128, 0)[2:]
    data = torch.cat([sections(d, other, a) for a, d in enumerate(decodings(other))])
g = torch.Generator().manual_seed(0)
val_idx = torch.randperm(len(data), generator=g)[:128]
def crop(x):
    "Random ps x ps crops of sections `(B,P+1,L,L)` → (input, labels)."
    i, j = torch.randint(0, x.shape[-2] - ps + 1, (2,)).tolist()
    x = x[..., i:i + ps, j:j + ps]
    return x[:, :P], x[:, P].long()
vx, vy = crop(data[val_idx])
fit(crop, data, (vx, vy), out, steps, 32, 2e-3, 0, {"P": P, "f": model.vae.factor, "sharp": "decoded"})
net = load(out)
with torch.no_grad():
    dec = decodings(ref)
    report("floor: decoded along axis 0, sharpened by the net trained on real decodings", label_at(sharpen_axis(net, dec[0], 0), fr), ref, truth_d)
    report("floor: each decoding sharpened by it, three averaged", label_at(sum(sharpen_axis(net, d, a) for a, d in enumerate(dec)) / 3, fr), ref, truth_d)
