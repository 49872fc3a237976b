"""Fragmentation of decoded latent slices per sampler knob. usage: knob2d.py WEIGHTS N [k=v ...]"""
import sys, time, numpy as np, torch
from scipy import ndimage
sys.path.insert(0, "/work/main/bench")
from overrides import apply_overrides
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, sample_latent_volume, decode_along_axis, decode_volume, label_volumes, smoothing_sigma, expected_fractions, match_phase_fractions
torch.set_num_threads(1)
w, N = sys.argv[1], int(sys.argv[2]); sets = sys.argv[3:]
cfg = apply_overrides(LMPDDConfig.cpu(), sets or None)
model = load_model(w, device="cpu"); P = model.n_phases
def comp(sl): return [round(float(np.mean([ndimage.label(s == ph, structure=np.ones((3, 3)))[1] for s in sl])), 1) for ph in range(P)]
t0 = time.time()
z = sample_latent_volume(model, (64,) * 3, N, cfg, seed=0, progress=False)
ts = time.time() - t0
p0 = decode_along_axis(model, z, 0, upsample="nearest")
lab0 = torch.stack([match_phase_fractions(p, f) for p, f in zip(p0, expected_fractions(p0))]).numpy()
dec = comp(np.concatenate([v[1::4] for v in lab0]))
pr, f0 = decode_volume(model, z, cfg.refine_iters, progress=False, upsample=cfg.upsample, return_fractions=True)
lab = label_volumes(pr, smoothing_sigma(model, cfg), f0).numpy()
fin = comp(np.concatenate([np.moveaxis(v, a, 0)[1::4] for v in lab for a in range(3)]))
print(f"{' '.join(sets) or 'default':40s} latent std {z.std():.3f}  decoded-slice comps {dec}  final slice comps {fin}  vf {np.round(np.bincount(lab.ravel(), minlength=P)/lab.size,3).tolist()}  sample {ts:.0f}s", flush=True)
