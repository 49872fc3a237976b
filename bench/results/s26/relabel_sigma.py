# Does the per-phase smoothing before labelling fuse the particles? One sampling's decoded probabilities (sample_z.py /
# sample_variant.py output) labelled as `reconstruct` does (training region's fractions) with the smoothing sigma per
# phase given, against the truth crops of that seed: tau / S2 / sections / chord % per axis per phase.
# python relabel_sigma.py MODEL TRUTH.npy SAMPLES.npz SEED SIGMAS[;SIGMAS...]   SIGMAS = default | a,b,c (voxels per phase)
import sys, numpy as np, torch
from microlad.lmpdd import label_volumes, smoothing_sigma
sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/s24")
from largest_piece import sampling_and_truth, truth_report, labels_report
torch.set_num_threads(1)
weights, truth_file, samples, seed, variants = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5].split(";")
model, cfg, probs, f0, ref = sampling_and_truth(weights, samples, truth_file, seed)
truth_d = truth_report(ref, probs.shape[1], f"# {samples} vs {truth_file} crops seed {seed}")
for var in variants:
    sig = smoothing_sigma(model, cfg) if var == "default" else tuple(float(x) for x in var.split(","))
    labels_report(f"sigma {tuple(round(x, 2) for x in sig)}", np.asarray(label_volumes(probs, sig, f0, False, cfg.label_fractions)), truth_d)
