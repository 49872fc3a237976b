"""Does the per-slice S₂ objective collapse the slices' fraction spread? Phase fractions of every 64² slice (all three
axes) of unguided and S₂-guided volumes (cpu recipe, from the labels) against the training crops'.

    python slice_spread.py NAME NVOL [target|own|start]"""
import sys, warnings, torch
from dataclasses import replace
warnings.simplefilter("ignore"); torch.set_num_threads(1)
from microlad.pipeline import bundled_model
from microlad.lmpdd import reconstruct
from microlad.sds import SDSConfig, TwoPointCorrelation, guide
from microlad.descriptors import training_stats
name, nvol = sys.argv[1], int(sys.argv[2])
mode = sys.argv[3] if len(sys.argv) > 3 else 'target'   # TwoPointCorrelation.slice_fraction ('own' was run as at_slice_fraction)
model = bundled_model(name, device="cpu"); st = training_stats(model); P = model.n_phases
lab = reconstruct(model, n=nvol, shape=(64, 64, 64), seed=0, progress=False)
def slice_fractions(v, p):
    m = (v == p).float()
    return torch.cat([m.mean((1, 2)), m.mean((0, 2)), m.mean((0, 1))])
def tail(f): return float((f ** 2).mean())
for p in range(P):
    c = st.values["vf"][p].double()
    print(f"phase {p}: crops mean {c.mean():.4f} SD {c.std():.4f} E[phi^2] {tail(c):.5f}; region phi^2 {float(st.fractions[p])**2:.5f}")
for i in range(nvol):
    g = guide(lab[i], model, [TwoPointCorrelation(p, slice_fraction=mode) for p in range(P)], seed=i, config=SDSConfig.cpu(), progress=False).labels
    for p in range(P):
        a, b = slice_fractions(lab[i], p).double(), slice_fractions(g, p).double()
        print(f"volume {i} phase {p}: slices unguided mean {a.mean():.4f} SD {a.std():.4f} E[phi^2] {tail(a):.5f} | "
              f"guided mean {b.mean():.4f} SD {b.std():.4f} E[phi^2] {tail(b):.5f}", flush=True)
