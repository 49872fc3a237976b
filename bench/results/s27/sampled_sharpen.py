# The cross-slice sharpener on sampled volumes: a sampling's latents z (s26/sample_variant.py output) decoded along each
# axis (no refinement), fused as the mean, with and without each decoding sharpened across its slices first; both
# labelled as the package labels (its smoothing, the decoder's fractions f0), beside the sampling's own default
# volumes (refinement passes included). tau / S2 / sections / chords % per axis per phase against the truth's crops.
# python sampled_sharpen.py MODEL TRUTH.npy SAMPLES.npz SHARPENER.pt
import sys, numpy as np, torch
from scipy import ndimage
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, label_volumes, smoothing_sigma, decode_along_axis
from microlad.truth import truth_crops, _descriptors, _err
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from sharpener import load, sharpen_axis
torch.set_num_threads(int(__import__("os").environ.get("THREADS", "1")))
weights, truth_file, samples, sharp = sys.argv[1:5]
model, cfg, net = load_model(weights), LMPDDConfig.cpu(), load(sharp)
d = np.load(samples); z, f0 = torch.as_tensor(d["z"]), torch.as_tensor(d["f0"])
n, P, s = len(z), model.n_phases, d["probs"].shape[-1]
ref = truth_crops(np.load(truth_file), 2 * n, s, 0)[:n]
truth_d = [_descriptors(ref, ph, s // 2, True) for ph in range(P)]
pieces = lambda v, ph: np.mean([ndimage.label(x == ph)[1] for x in v])
print(f"# {samples} vs {truth_file} crops seed 0; truth pieces per volume " + " / ".join(f"{pieces(ref, ph):.0f}" for ph in range(P)), flush=True)

def report(name, probs):
    v = np.asarray(label_volumes(probs, smoothing_sigma(model, cfg), f0, False, cfg.label_fractions))
    print(f"## {name}: fractions {np.round(np.bincount(v.ravel(), minlength=P) / v.size, 3).tolist()}, pieces "
          + " / ".join(f"{pieces(v, ph):.0f}" for ph in range(P)), flush=True)
    for ph in range(P):
        g = _descriptors(v, ph, s // 2, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[ph][a]):+.1f}" for a in range(3))
        print(f"  phase {ph}: tau % {row('tau')} | S2 % {row('s2')} | sections % {row('sections')} | chord % {row('chord')}", flush=True)

with torch.no_grad():
    report("the sampling's default volumes (mean of three decodings, two refinement passes)", torch.as_tensor(d["probs"].astype(np.float32)))
    dec = [decode_along_axis(model, z, a, None, cfg.batch_size, cfg.upsample) for a in range(3)]
    report("three decodings averaged, no refinement", sum(dec) / 3)
    report("each decoding sharpened across its slices, three averaged", sum(sharpen_axis(net, x, a) for a, x in enumerate(dec)) / 3)
