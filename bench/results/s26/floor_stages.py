# Where in the decoding does the representation floor (s25/truth_roundtrip.py) lose the particles' gaps? The truth's
# own latents (two 128^3 crops, seed 0, encoded normal to axis 0, four slices per latent slice averaged) decoded stage by
# stage, and the refinement pass applied to the truth's labels themselves; every stage labelled at the crops' fractions,
# no smoothing, against THE SAME crops: tau / sections / chord % per axis per phase.
# python floor_stages.py MODEL TRUTH.npy
import sys, types, numpy as np, torch
from microlad.vae import load_vae
from microlad.data import one_hot
from microlad.lmpdd import LMPDDConfig, decode_along_axis, refine_along_axis, label_volumes
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
label = lambda probs: np.asarray(label_volumes(probs, 0.0, fr))

def refine(labels, axes=(0, 1, 2)):
    "One refinement pass on label volumes: every slice normal to each axis encoded and decoded, the axes averaged."
    inp, out = one_hot(torch.as_tensor(labels), P, ndim=3).float(), None
    out = torch.zeros_like(inp)
    for a in axes: refine_along_axis(model, inp, a, out, cfg.batch_size, True)
    return out / len(axes)

def report(name, v):
    print(f"## {name}: voxels as the truth {(v == ref).mean():.3f}", flush=True)
    for p in range(P):
        g = _descriptors(v, p, 64, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[p][a]):+.1f}" for a in range(3))
        print(f"  phase {p}: tau % {row('tau')} | sections % {row('sections')} | chord % {row('chord')}", flush=True)

with torch.no_grad():
    report("truth labels, one refinement pass (2D round trip of every slice, three axes averaged)", label(refine(ref)))
    report("truth labels, round trip of the slices normal to axis 0 only", label(refine(ref, (0,))))
    z = truth_latents(vae, ref, 0)
    dec = [decode_along_axis(model, z, a, None, cfg.batch_size, cfg.upsample) for a in range(3)]
    report("truth latents (normal to axis 0), decoded along axis 0 only", label(dec[0]))
    report("truth latents, decoded along axis 1 only", label(dec[1]))
    v = label(sum(dec) / 3); report("truth latents, three axis decodings averaged (no refinement)", v)
    for k in (1, 2):
        v = label(refine(v)); report(f"... then {k} refinement pass(es) (labels at the crops' fractions in between)", v)
