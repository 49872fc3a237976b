"""Where S2 guidance's fraction drift comes from: guide (sds_weight=0, paper recipe) with variants of the S2 target."""
import sys, time, warnings, torch, numpy as np
from dataclasses import replace
warnings.simplefilter("ignore")
torch.set_num_threads(1)
from microlad.pipeline import bundled_model
from microlad.lmpdd import reconstruct
from microlad.sds import SDSConfig, TwoPointCorrelation, guide
from microlad.descriptors import training_stats, two_point_correlation, phase_fractions
from microlad.data import reference_crops, one_hot, n_phases_of
name, steps, nvol = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
variants = sys.argv[4].split(",")
model = bundled_model(name, device="cpu")
st = training_stats(model)
P = model.n_phases
img = model.micrograph if hasattr(model, "micrograph") else None
from microlad.data import default_micrograph, read_micrograph
img = read_micrograph(default_micrograph(name))
crops = reference_crops(img, n=128, patch_size=64, split="train", seed=0)
oh = one_hot(crops, P).float()
phi_c = oh.mean((-1, -2))                       # (n, P)
fixed = {}
for p in range(P):
    s2c = two_point_correlation(oh[:, p])       # (n, R)
    phib = float(st.fractions[p])
    C = (s2c - phi_c[:, p, None] ** 2).mean(0)  # mean centred autocovariance
    v = (phi_c[:, p] * (1 - phi_c[:, p])).mean()
    fixed[p] = phib ** 2 + C * (phib * (1 - phib) / v)
    print(f"phase {p}: fraction {phib:.3f}, crop SD {phi_c[:, p].std():.3f}; tail target default {st.s2[p][-1]:.4f} fixed {fixed[p][-1]:.4f}; r=0 {st.s2[p][0]:.4f} / {fixed[p][0]:.4f}")
lab, probs = reconstruct(model, n=nvol, shape=(64, 64, 64), seed=0, progress=False, return_probs=True)
fr = lambda l: " / ".join(f"{float(f):.4f}" for f in phase_fractions(l, P))
print("unguided: labels", [fr(l) for l in lab], "argmax of probs", [fr(q.argmax(0)) for q in probs], flush=True)
minority = int(np.argmin(st.fractions))
for var in variants:
    cfg = replace(SDSConfig.paper(), steps=steps, sds_weight=0.0)
    if var == "default": objs = [TwoPointCorrelation(p) for p in range(P)]
    elif var == "fixed": objs = [TwoPointCorrelation(p, target_curve=fixed[p]) for p in range(P)]
    elif var == "minority": objs = [TwoPointCorrelation(minority)]
    elif var == "majority": objs = [TwoPointCorrelation(int(np.argmax(st.fractions)))]
    elif var == "none": objs = []
    elif var.startswith("fixed_p"): objs = [TwoPointCorrelation(int(var[-1]), target_curve=fixed[int(var[-1])])]
    t = time.time(); out = []
    for i in range(nvol):
        r = guide(probs[i], model, objs, seed=i, config=cfg, progress=False)
        out.append(fr(r.labels))
    print(f"{var:9s} {steps} steps: argmax fractions {out}  ({time.time()-t:.0f} s)", flush=True)
