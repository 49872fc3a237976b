import torch
from microlad.ldm import load_model
from microlad.pipeline import bundled_weights
from microlad.descriptors import phase_fractions
from microlad.lmpdd import reconstruct
from microlad.vae import encode_slices, decode_latents
from microlad.data import to_probs
torch.set_num_threads(2)
m = load_model(bundled_weights('sofc_anode')); P = 3
lab, probs = reconstruct(m, (64,)*3, n=2, progress=False, return_probs=True)
sl = probs[:, :, 32:40].permute(0, 2, 1, 3, 4).reshape(-1, P, 64, 64)         # 16 slices normal to axis 0, soft
oh = to_probs(sl.argmax(1), P).float()
ln = to_probs(lab[:, 32:40].reshape(-1, 64, 64), P).float()
with torch.no_grad():
    for nm, x in (('soft (smoothed probs)', sl), ('one-hot of their argmax', oh), ('one-hot of the labels', ln)):
        d = decode_latents(m.vae, encode_slices(m.vae, x))
        print(f"{nm:28s} in {phase_fractions(x.argmax(1), P).numpy().round(3)} -> decoded argmax {phase_fractions(d.argmax(1), P).numpy().round(3)}")
