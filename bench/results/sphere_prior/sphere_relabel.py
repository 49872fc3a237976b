"""The ball prior with the other phases relabelled from the decoder's probabilities (match_phase_fractions at the
volume's label fractions), instead of copying the nearest other label. Particulate cpu model, 8 x 64^3, vs the truth."""
import sys, time, numpy as np, torch
torch.set_num_threads(2)
sys.path.insert(0, "bench/results/sphere_prior")
from sphere_prior import balls, sphere_parts
from microlad.ldm import load_model
from microlad.lmpdd import reconstruct, match_phase_fractions, expected_fractions
from microlad.descriptors import phase_fractions
from microlad.truth import truth_report, format_truth_report

truth = np.load("/work/runs/partic_truth192.npy").astype(np.int64)
model = load_model("/work/runs/partic_ldm4k")
import os
if os.path.exists("/work/runs/raw8_lp.pt"): lab, pr = torch.load("/work/runs/raw8_lp.pt")
else:
    lab, pr = reconstruct(model, shape=(64,) * 3, n=8, seed=0, progress=False, return_probs=True)
    torch.save((lab, pr), "/work/runs/raw8_lp.pt")
for mode in sys.argv[1:] or ["volume", "inscribed"]:
    outs = []
    for l, p in zip(lab, pr):
        f = phase_fractions(l, 3)
        new, _ = sphere_parts(l.numpy(), 1, mode)
        out = np.ones(new.shape, np.int64)
        rest = ~new
        d = (p[2].clamp_min(1e-12).log() - p[0].clamp_min(1e-12).log()).numpy()[rest]
        k = int(round(float(f[2]) * new.size))               # binder voxels wanted, all outside the balls
        thr = np.sort(d)[::-1][k - 1] if k > 0 else np.inf
        out[rest] = np.where(d >= thr, 2, 0)
        outs.append(out)
    out = np.stack(outs)
    print(f"## {mode}, relabelled from probabilities; V_f", [round(float((out == k).mean()), 4) for k in range(3)], flush=True)
    print(format_truth_report(truth_report(out, truth, n_phases=3)), flush=True)
