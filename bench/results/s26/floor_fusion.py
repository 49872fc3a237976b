# Can a different fusion of the three axis decodings undo the particles' necks that each single-axis decoding draws
# along its coarse directions (floor_stages.py)? On the representation floor (the truth's own latents, two 128^3 crops,
# seed 0, encoded normal to axis 0) the three decodings fused as: mean (eq. 30, the default), geometric mean (product
# of experts, renormalised), per-phase median, spectral (`spectral_fusion`, q = 2); labelled at the crops' fractions,
# no refinement, no smoothing; tau / sections / chord % per axis against the same crops.
# python floor_fusion.py MODEL TRUTH.npy
import sys, numpy as np, torch
from microlad.lmpdd import decode_along_axis, spectral_fusion
sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/s25")
from agreement import truth_latents
from floor import floor_setup, label_at, report
torch.set_num_threads(1)
model, cfg, ref, fr, truth_d = floor_setup(sys.argv[1], sys.argv[2])
vae = model.vae
norm = lambda p: p / p.sum(1, keepdim=True)
with torch.no_grad():
    dec = [decode_along_axis(model, truth_latents(vae, ref, 0), a, None, cfg.batch_size, cfg.upsample) for a in range(3)]
    fusions = {"mean": sum(dec) / 3,
               "geometric mean": norm(torch.exp(sum(torch.log(d.clamp_min(1e-6)) for d in dec) / 3)),
               "median": norm(torch.stack(dec).median(0).values),
               "spectral q=2": spectral_fusion(dec, 2.0)}
for name, probs in fusions.items(): report(name, label_at(probs, fr), ref, truth_d)
