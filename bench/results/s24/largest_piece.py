# Share of each phase's voxels in its largest 6-connected piece (default labelling), generated vs truth crops: is a
# phase's excess tau a phase broken into pieces that do not join? python largest_piece.py MODEL SAMPLES.npz TRUTH.npy SEED
# (smooth_binder.py imports `sampling_and_truth` and `largest_share` from here; s26/relabel_sigma.py and
# s27/sampled_sharpen.py `sampling_and_truth`, `truth_report` and `labels_report`.)
import sys, numpy as np, torch
from scipy import ndimage
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, label_volumes, smoothing_sigma
from microlad.truth import truth_crops, _descriptors, _err

def sampling_and_truth(weights, samples, truth_file, seed):
    "The model, its cpu LMPDDConfig, one sampling's probabilities and decoder fractions (s21/sample_seed.py) and that seed's truth crops."
    model, cfg = load_model(weights), LMPDDConfig.cpu()
    d = np.load(samples); probs, f0 = torch.as_tensor(d["probs"].astype(np.float32)), torch.as_tensor(d["f0"])
    n, s = probs.shape[0], probs.shape[-1]
    return model, cfg, probs, f0, truth_crops(np.load(truth_file), 2 * n, s, seed)[:n]

def pieces(vols, ph):
    "Mean number of 6-connected pieces of phase `ph` per label volume."
    return np.mean([ndimage.label(x == ph)[1] for x in vols])

def truth_report(ref, P, head: str):
    "Print `head` and the truth crops' pieces per phase; → their descriptors per phase (tau included) for `labels_report`."
    print(f"{head}; truth pieces per volume " + " / ".join(f"{pieces(ref, ph):.0f}" for ph in range(P)), flush=True)
    return [_descriptors(ref, ph, ref.shape[-1] // 2, True) for ph in range(P)]

def labels_report(name, v, truth_d):
    "Print label volumes `v` `(n,s,s,s)`: fractions and pieces per phase, then tau / S2 / sections / chord % per axis against `truth_d`."
    P, s = len(truth_d), v.shape[-1]
    print(f"## {name}: fractions {np.round(np.bincount(v.ravel(), minlength=P) / v.size, 3).tolist()}, pieces "
          + " / ".join(f"{pieces(v, ph):.0f}" for ph in range(P)), flush=True)
    for ph in range(P):
        g = _descriptors(v, ph, s // 2, True)
        row = lambda k: " / ".join(f"{_err(k, g[a], truth_d[ph][a]):+.1f}" for a in range(3))
        print(f"  phase {ph}: tau % {row('tau')} | S2 % {row('s2')} | sections % {row('sections')} | chord % {row('chord')}", flush=True)

def largest_share(v, ph):
    "Share of phase `ph`'s voxels of label volume `v` in its largest 6-connected piece."
    l, _ = ndimage.label(v == ph); c = np.bincount(l.ravel())[1:]
    return c.max() / c.sum()

if __name__ == "__main__":
    torch.set_num_threads(1)
    model, cfg, probs, f0, ref = sampling_and_truth(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
    P = probs.shape[1]
    lab = label_volumes(probs, smoothing_sigma(model, cfg), f0, False, cfg.label_fractions)
    for name, vols in (("generated", [np.asarray(l) for l in lab]), ("truth", list(ref))):
        print(f"{name}: largest-piece share per phase " + " / ".join(f"{np.mean([largest_share(v, ph) for v in vols]):.3f}" for ph in range(P)), flush=True)
