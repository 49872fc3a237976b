import sys, time, torch
from dataclasses import replace
from microlad.ldm import load_model
from microlad.pipeline import bundled_weights, preset
from microlad.data import default_micrograph, read_micrograph, region_tiles
from microlad.descriptors import s2_report, phase_fractions, two_point_correlation
from microlad.lmpdd import reconstruct, label_volumes, stored_fractions
from microlad.sds import SDSConfig, TwoPointCorrelation, guide
torch.set_num_threads(2)
class MeanS2(TwoPointCorrelation):
    def value(self, probs, plane_axes=(1, 2)):
        r = min(min(probs.shape[-2:]) // 2, len(self.target_curve) - 1)
        s2 = two_point_correlation(probs[:, self.phase], r_max=r).mean(0)
        return (s2 - self.target_curve[: r + 1].to(s2)).pow(2).mean(-1).sqrt().expand(probs.shape[0])
name, w = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None
m = load_model(w or bundled_weights(name)); P = m.n_phases
mic = read_micrograph(name if w else default_micrograph(name), n_phases=P)
T = region_tiles(mic)
lab, probs = reconstruct(m, (64,)*3, n=4, progress=False, return_probs=True)
print(name, 'unguided', [round(r.eps_rel, 2) for r in s2_report(lab, T, P)])
sds = replace(SDSConfig.cpu(), steps=500)
for cls, sw in ((TwoPointCorrelation, 0.0),):
    sds = replace(sds, sds_weight=sw)
    t0 = time.time()
    res = [guide(probs[i], m, [cls(p) for p in range(P)], seed=i, config=sds, progress=False) for i in range(4)]
    g = torch.stack([r.labels for r in res]); rl = label_volumes(torch.stack([r.probs for r in res]), fractions=stored_fractions(m))
    print(cls.__name__, f'{(time.time()-t0)/4:.0f} s/vol', 'argmax vf', phase_fractions(g, P).numpy().round(3), [round(r.eps_rel, 2) for r in s2_report(g, T, P)],
          'relabelled', [round(r.eps_rel, 2) for r in s2_report(rl, T, P)], flush=True)
