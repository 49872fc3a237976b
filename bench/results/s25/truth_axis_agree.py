# The reference for axis_agree.py: how well do the three axis decodings agree on a latent volume that IS the encoding of
# a real 3D structure? Two truth crops (128^3, seed 0 as connect_all.py) encoded slice by slice normal to axis E, the
# four slices 4k..4k+3 averaged into latent slice k (the latent's resolution along E), then decoded along axis 0, 1, 2
# (default up-sampling) and labelled by argmax: per phase the Dice of every pair of axis decodings, and of each
# decoding with the truth. MODEL is a trained model's folder or a VAE's vae.pt (only the VAE is used).
# python truth_axis_agree.py MODEL TRUTH.npy E
import sys, types, numpy as np, torch
from microlad.vae import load_vae
from microlad.lmpdd import LMPDDConfig
from microlad.truth import truth_crops
from agreement import truth_latents, axis_decodings, agreement, dice
torch.set_num_threads(1)
vae = load_vae(sys.argv[1] if sys.argv[1].endswith(".pt") else sys.argv[1] + "/vae.pt")
model, cfg, E = types.SimpleNamespace(vae=vae, n_phases=vae.cfg.n_phases), LMPDDConfig.cpu(), int(sys.argv[3])
ref = truth_crops(np.load(sys.argv[2]), 4, 128, 0)[:2]
z = truth_latents(vae, ref, E)
lab = [d.argmax(1) for d in axis_decodings(model, z, cfg)]
print(f"# {sys.argv[2]} crops encoded normal to axis {E}: {tuple(z.shape)} latents")
for p in range(model.n_phases):
    print(agreement(lab, p) + " | Dice with the truth, decodings 0 / 1 / 2 " + " / ".join(f"{dice(l == p, ref == p):.3f}" for l in lab), flush=True)
