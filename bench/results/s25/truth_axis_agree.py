# The reference for axis_agree.py: how well do the three axis decodings agree on a latent volume that IS the encoding of
# a real 3D structure? Two truth crops (128^3, seed 0 as connect_all.py) encoded slice by slice normal to axis E, the
# four slices 4k..4k+3 averaged into latent slice k (the latent's resolution along E), then decoded along axis 0, 1, 2
# (default up-sampling) and labelled by argmax: per phase the Dice of every pair of axis decodings, and of each
# decoding with the truth. MODEL is a trained model's folder or a VAE's vae.pt (only the VAE is used).
# python truth_axis_agree.py MODEL TRUTH.npy E
import sys, itertools, types, numpy as np, torch
from microlad.vae import load_vae
from microlad.data import one_hot
from microlad.vae import encode_slices
from microlad.lmpdd import LMPDDConfig, decode_along_axis, volume_to_slices, slices_to_volume
from microlad.truth import truth_crops
torch.set_num_threads(1)
vae = load_vae(sys.argv[1] if sys.argv[1].endswith(".pt") else sys.argv[1] + "/vae.pt")
model, cfg, E = types.SimpleNamespace(vae=vae, n_phases=vae.cfg.n_phases), LMPDDConfig.cpu(), int(sys.argv[3])
P, f = model.n_phases, model.vae.factor
ref = truth_crops(np.load(sys.argv[2]), 4, 128, 0)[:2]
zs = []
with torch.no_grad():
    for v in ref:
        x = one_hot(torch.as_tensor(v)[None], P, ndim=3).float()                   # (1,P,D,H,W)
        s = encode_slices(model.vae, volume_to_slices(x, E))                        # (128,C,32,32)
        s = s.reshape(128 // f, f, *s.shape[1:]).mean(1)                             # (128/f,C,128/f,128/f)
        zs.append(slices_to_volume(s, E, 1))
z = torch.cat(zs)
lab = [decode_along_axis(model, z, a, None, cfg.batch_size, cfg.upsample).argmax(1).numpy() for a in range(3)]
dice = lambda a, b: 2 * (a & b).sum() / (a.sum() + b.sum())
print(f"# {sys.argv[2]} crops encoded normal to axis {E}: {tuple(z.shape)} latents")
for p in range(P):
    m, t = [l == p for l in lab], ref == p
    pairs = [dice(m[a], m[b]) for a, b in itertools.combinations(range(3), 2)]
    print(f"phase {p}: Dice axes 01 / 02 / 12 " + " / ".join(f"{d:.3f}" for d in pairs)
          + f" | all three agree on {(m[0] & m[1] & m[2]).sum() / (m[0] | m[1] | m[2]).sum():.3f} of its union"
          + " | Dice with the truth, decodings 0 / 1 / 2 " + " / ".join(f"{dice(x, t):.3f}" for x in m), flush=True)
