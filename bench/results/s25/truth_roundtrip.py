# The representation floor of a latent volume: what would the decoder make of a sampler that drew the truth itself?
# Two truth crops (128^3, seed 0) encoded slice by slice normal to axis E, the f slices of each latent slice averaged
# (the latent's resolution along E), then decoded as reconstruct does (three axis decodings averaged, two refinement
# passes; labels at the crops' own fractions, no smoothing) and compared with THE SAME crops: tau / S2 / sections /
# chords % per axis, and the binder's largest-piece share. MODEL: a model folder or a vae.pt (only the VAE is used).
# HOW (optional): 'mean' (default) averages the f slices of a latent slice, 'pick' keeps the one at f·k + f/2.
# python truth_roundtrip.py MODEL TRUTH.npy E [HOW]
import sys, types, numpy as np, torch
from microlad.vae import load_vae
from microlad.lmpdd import LMPDDConfig, decode_volume, label_volumes
from microlad.truth import truth_crops, _descriptors, _err
from agreement import truth_latents, dice
sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/s24")
from largest_piece import largest_share
torch.set_num_threads(1)
vae = load_vae(sys.argv[1] if sys.argv[1].endswith(".pt") else sys.argv[1] + "/vae.pt")
P, f, E, cfg = vae.cfg.n_phases, vae.factor, int(sys.argv[3]), LMPDDConfig.cpu()
model = types.SimpleNamespace(vae=vae, n_phases=P)
ref = truth_crops(np.load(sys.argv[2]), 4, 128, 0)[:2]
with torch.no_grad():
    probs = decode_volume(model, truth_latents(vae, ref, E, sys.argv[4] if len(sys.argv) > 4 else "mean"), cfg.refine_iters, cfg.batch_size, cfg.upsample, cfg.refine_input,
                          progress=False, label_fractions="expected")
fr = torch.as_tensor(np.bincount(ref.ravel(), minlength=P) / ref.size)
v = np.asarray(label_volumes(probs, 0.0, fr.expand(len(ref), -1)))
print(f"# {sys.argv[2]} crops encoded normal to axis {E}" + (f" ({sys.argv[4]} of each latent slice's {f} slices)" if len(sys.argv) > 4 else "") + f" and decoded by {sys.argv[1]} (f = {f}); labels at the crops' fractions {np.round(fr.numpy(), 3).tolist()}")
print("voxels labelled as in the truth: " + f"{(v == ref).mean():.3f}; per phase Dice " + " / ".join(
    f"{dice(v == p, ref == p):.3f}" for p in range(P)))
for p in range(P):
    g, t = _descriptors(v, p, 64, True), _descriptors(ref, p, 64, True)
    row = lambda k: " / ".join(f"{_err(k, g[a], t[a]):+.1f}" for a in range(3))
    print(f"  phase {p}: tau % {row('tau')} | S2 % {row('s2')} | sections % {row('sections')} | chord % {row('chord')} | "
          f"largest piece {np.mean([largest_share(x, p) for x in v]):.3f} (truth {np.mean([largest_share(x, p) for x in ref]):.3f})", flush=True)
