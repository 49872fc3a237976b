import sys, time, torch
from dataclasses import replace
from microlad.ldm import load_model
from microlad.pipeline import bundled_weights
from microlad.data import default_micrograph, read_micrograph, region_tiles
from microlad.descriptors import s2_report, phase_fractions
from microlad.lmpdd import reconstruct, label_volumes, stored_fractions
from microlad.sds import SDSConfig, TwoPointCorrelation, guide
torch.set_num_threads(2)
name = sys.argv[1]
m = load_model(bundled_weights(name)); P = m.n_phases
T = region_tiles(read_micrograph(default_micrograph(name), n_phases=P))
lab, probs = reconstruct(m, (64,)*3, n=4, progress=False, return_probs=True)
print(name, 'unguided labels', phase_fractions(lab, P).numpy().round(3), [round(r.eps_rel, 2) for r in s2_report(lab, T, P)])
am = probs.argmax(1)
print('argmax of the returned probs', phase_fractions(am, P).numpy().round(3), [round(r.eps_rel, 2) for r in s2_report(am, T, P)])
for steps in [int(s) for s in sys.argv[2:]]:
    sds = replace(SDSConfig.cpu(), steps=steps)
    res = [guide(probs[i], m, [TwoPointCorrelation(p) for p in range(P)], seed=i, config=sds, progress=False) for i in range(4)]
    g = torch.stack([r.labels for r in res]); rl = label_volumes(torch.stack([r.probs for r in res]), fractions=stored_fractions(m))
    print(steps, 'steps argmax', phase_fractions(g, P).numpy().round(3), [round(r.eps_rel, 2) for r in s2_report(g, T, P)],
          'relabelled', [round(r.eps_rel, 2) for r in s2_report(rl, T, P)], flush=True)
