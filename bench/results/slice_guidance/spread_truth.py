"""`LMPDDConfig.fraction_spread` on the particulate model: the volumes' phase-fraction spread and the 3D-truth rows,
beside the default (same seeds).   python bench/results/slice_guidance/spread_truth.py WEIGHTS SLICE.png TRUTH.npy [N]"""
import sys, dataclasses, numpy as np, torch
torch.set_num_threads(2)
from microlad.ldm import load_model
from microlad.lmpdd import reconstruct, LMPDDConfig, volume_fraction_targets
from microlad.truth import truth_report, format_truth_report, truth_crops
w, img, tf = sys.argv[1:4]; n = int(sys.argv[4]) if len(sys.argv) > 4 else 8
model, truth = load_model(w), np.load(tf).astype(np.int64)
P = model.n_phases
vf = lambda vols: np.stack([np.bincount(np.asarray(v).ravel(), minlength=P) / np.asarray(v).size for v in vols])
t = vf(truth_crops(truth, (truth.shape[0] // 64) ** 3, 64, seed=0))
print("truth cubes 64^3: mean", t.mean(0).round(4), "SD", t.std(0, ddof=1).round(4))
print("targets SD (1000 draws)", np.asarray(volume_fraction_targets(model, (64,) * 3, 1000, 0, img)).std(0).round(4))
for name, cfg in (("default", LMPDDConfig.cpu()), ("fraction_spread", dataclasses.replace(LMPDDConfig.cpu(), fraction_spread=True))):
    vols = np.asarray(reconstruct(model, (64,) * 3, n=n, seed=0, config=cfg, progress=False, micrograph=img))
    g = vf(vols); print(f"{name}: V_f mean", g.mean(0).round(4), "SD", g.std(0, ddof=1).round(4), flush=True)
    rows = truth_report(vols, truth, n_phases=P)
    print(format_truth_report([r for r in rows if r.name in ("vf", "s2", "ssa", "chord", "tau")], f"{name}, {n} x 64^3"), flush=True)
