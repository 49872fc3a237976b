# Is a sampled binder already in pieces in each single-axis decoding, or only after the three are averaged? For one
# sampling's latents (sample_z.py) and for the truth's own latents (two 128^3 crops encoded normal to axis 0, as
# truth_roundtrip.py): per axis decoding (argmax labels), the phase's fraction, its 6-connected pieces per volume and
# the share of it in the largest piece. python binder_pieces.py MODEL SAMPLES.npz TRUTH.npy PHASE
import sys, numpy as np, torch
from scipy import ndimage
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig
from microlad.truth import truth_crops
from agreement import truth_latents, axis_decodings
torch.set_num_threads(1)
model, cfg, ph = load_model(sys.argv[1]), LMPDDConfig.cpu(), int(sys.argv[4])
ref = truth_crops(np.load(sys.argv[3]), 4, 128, 0)[:2]

def pieces(vols):
    out = []
    for v in vols:
        l, n = ndimage.label(v == ph); c = np.bincount(l.ravel())[1:]
        out.append((n, c.max() / c.sum() if n else 0.0))
    return np.mean([o[0] for o in out]), np.mean([o[1] for o in out])

n_ref, share_ref = pieces(ref)
print(f"# phase {ph}; truth crops: fraction {(ref == ph).mean():.3f}, pieces {n_ref:.0f}, largest share {share_ref:.3f}")
for name, z in (("sampled " + sys.argv[2], torch.as_tensor(np.load(sys.argv[2])["z"])), ("truth encoded", truth_latents(model.vae, ref, 0))):
    lab = [d.argmax(1) for d in axis_decodings(model, z, cfg)]
    print(f"{name}: per axis decoding " + " | ".join(f"fraction {(l == ph).mean():.3f}, pieces {n:.0f}, largest share {sh:.3f}" for l in lab for n, sh in [pieces(l)]), flush=True)
