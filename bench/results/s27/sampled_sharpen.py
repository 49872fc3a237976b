# The cross-slice sharpener on sampled volumes: a sampling's latents z (s26/sample_variant.py output) decoded along each
# axis (no refinement), fused as the mean, with and without each decoding sharpened across its slices first; both
# labelled as the package labels (its smoothing, the decoder's fractions f0), beside the sampling's own default
# volumes (refinement passes included). tau / S2 / sections / chords % per axis per phase against the truth's crops.
# python sampled_sharpen.py MODEL TRUTH.npy SAMPLES.npz SHARPENER.pt
import sys, numpy as np, torch
from microlad.lmpdd import label_volumes, smoothing_sigma
here = __file__.rsplit("/", 1)[0]
sys.path[:0] = [here, here + "/../s24", here + "/../s25"]
from largest_piece import sampling_and_truth, truth_report, labels_report
from sharpener import load, sharpen_axis
from agreement import axis_decodings
torch.set_num_threads(int(__import__("os").environ.get("THREADS", "1")))
weights, truth_file, samples, sharp = sys.argv[1:5]
model, cfg, probs, f0, ref = sampling_and_truth(weights, samples, truth_file, 0)
z, net = torch.as_tensor(np.load(samples)["z"]), load(sharp)
truth_d = truth_report(ref, model.n_phases, f"# {samples} vs {truth_file} crops seed 0")
report = lambda name, p: labels_report(name, np.asarray(label_volumes(p, smoothing_sigma(model, cfg), f0, False, cfg.label_fractions)), truth_d)

with torch.no_grad():
    report("the sampling's default volumes (mean of three decodings, two refinement passes)", probs)
    dec = [torch.from_numpy(d) for d in axis_decodings(model, z, cfg)]
    report("three decodings averaged, no refinement", sum(dec) / 3)
    report("each decoding sharpened across its slices, three averaged", sum(sharpen_axis(net, x, a) for a, x in enumerate(dec)) / 3)
