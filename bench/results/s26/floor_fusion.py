# Can a different fusion of the three axis decodings undo the particles' necks that each single-axis decoding draws
# along its coarse directions (floor_stages.py)? On the representation floor (the truth's own latents, two 128^3 crops,
# seed 0, encoded normal to axis 0) the three decodings fused as: mean (eq. 30, the default), geometric mean (product
# of experts, renormalised), per-phase median, spectral (`spectral_fusion`, q = 2); labelled at the crops' fractions,
# no refinement, no smoothing; tau / sections / chord % per axis against the same crops.
# python floor_fusion.py MODEL TRUTH.npy
import sys, types, numpy as np, torch
from microlad.vae import load_vae
from microlad.lmpdd import LMPDDConfig, decode_along_axis, label_volumes, spectral_fusion
from microlad.truth import truth_crops, _descriptors, _err
sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/s25")
from agreement import truth_latents
torch.set_num_threads(1)
vae = load_vae(sys.argv[1] + "/vae.pt")
P, cfg = vae.cfg.n_phases, LMPDDConfig.cpu()
model = types.SimpleNamespace(vae=vae, n_phases=P)
ref = truth_crops(np.load(sys.argv[2]), 4, 128, 0)[:2]
fr = torch.as_tensor(np.bincount(ref.ravel(), minlength=P) / ref.size).expand(len(ref), -1)
truth_d = [_descriptors(ref, p, 64, True) for p in range(P)]
norm = lambda p: p / p.sum(1, keepdim=True)
with torch.no_grad():
    dec = [decode_along_axis(model, truth_latents(vae, ref, 0), a, None, cfg.batch_size, cfg.upsample) for a in range(3)]
    fusions = {"mean": sum(dec) / 3,
               "geometric mean": norm(torch.exp(sum(torch.log(d.clamp_min(1e-6)) for d in dec) / 3)),
               "median": norm(torch.stack(dec).median(0).values),
               "spectral q=2": spectral_fusion(dec, 2.0)}
for name, probs in fusions.items():
    v = np.asarray(label_volumes(probs, 0.0, fr))
    print(f"## {name}: voxels as the truth {(v == ref).mean():.3f}", flush=True)
    for p in range(P):
        g = _descriptors(v, p, 64, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[p][a]):+.1f}" for a in range(3))
        print(f"  phase {p}: tau % {row('tau')} | sections % {row('sections')} | chord % {row('chord')}", flush=True)
