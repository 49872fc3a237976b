# Where in the decoding does the representation floor (s25/truth_roundtrip.py) lose the particles' gaps? The truth's
# own latents (two 128^3 crops, seed 0, encoded normal to axis 0, four slices per latent slice averaged) decoded stage by
# stage, and the refinement pass applied to the truth's labels themselves; every stage labelled at the crops' fractions,
# no smoothing, against THE SAME crops: tau / sections / chord % per axis per phase.
# python floor_stages.py MODEL TRUTH.npy
import sys, numpy as np, torch
from microlad.data import one_hot
from microlad.lmpdd import decode_along_axis, refine_along_axis
sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/s25")
from agreement import truth_latents
from floor import floor_setup, label_at, report as _report
torch.set_num_threads(1)
model, cfg, ref, fr, truth_d = floor_setup(sys.argv[1], sys.argv[2])
vae, P = model.vae, model.n_phases
label = lambda probs: label_at(probs, fr)
report = lambda name, v: _report(name, v, ref, truth_d)

def refine(labels, axes=(0, 1, 2)):
    "One refinement pass on label volumes: every slice normal to each axis encoded and decoded, the axes averaged."
    inp = one_hot(torch.as_tensor(labels), P, ndim=3).float()
    out = torch.zeros_like(inp)
    for a in axes: refine_along_axis(model, inp, a, out, cfg.batch_size, True)
    return out / len(axes)

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
