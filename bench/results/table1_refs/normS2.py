import sys, time, torch
from dataclasses import replace
from microlad.ldm import load_model
from microlad.pipeline import bundled_weights
from microlad.data import default_micrograph, read_micrograph, region_tiles
from microlad.descriptors import s2_report, phase_fractions, two_point_correlation
from microlad.lmpdd import reconstruct, label_volumes, stored_fractions
from microlad.sds import SDSConfig, TwoPointCorrelation, guide
torch.set_num_threads(2)
class NormS2(TwoPointCorrelation):
    "RMS difference of the normalised autocovariance (S2(r) - φ²)/(φ - φ²): the shape, without the fraction."
    def value(self, probs, plane_axes=(1, 2)):
        r = min(min(probs.shape[-2:]) // 2, len(self.target_curve) - 1)
        s2 = two_point_correlation(probs[:, self.phase], r_max=r)
        phi = s2[:, :1]
        f = (s2 - phi ** 2) / (phi - phi ** 2).clamp_min(1e-4)
        t = self.target_curve[: r + 1].to(s2); tp = t[:1]
        ft = (t - tp ** 2) / (tp - tp ** 2).clamp_min(1e-4)
        return (f - ft).pow(2).mean(-1).sqrt() * 0.1      # same order as the S2 RMS objective
name, w, mic_path = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None), (sys.argv[3] if len(sys.argv) > 3 else None)
m = load_model(w or bundled_weights(name)); P = m.n_phases
T = region_tiles(read_micrograph(mic_path or default_micrograph(name), n_phases=P))
lab, probs = reconstruct(m, (64,)*3, n=4, progress=False, return_probs=True)
print(name, 'unguided', phase_fractions(lab, P).numpy().round(3), [round(r.eps_rel, 2) for r in s2_report(lab, T, P)], flush=True)
sds = replace(SDSConfig.cpu(), steps=500)
stats = m.training_stats if mic_path is None else None
from microlad.descriptors import training_stats
st = training_stats(m) if mic_path is None else training_stats(m, micrograph=mic_path)
t0 = time.time()
res = [guide(probs[i], m, [NormS2(p) for p in range(P)], seed=i, config=sds, progress=False, stats=st) for i in range(4)]
g = torch.stack([r.labels for r in res]); rl = label_volumes(torch.stack([r.probs for r in res]), fractions=stored_fractions(m))
print('NormS2', f'{(time.time()-t0)/4:.0f} s/vol argmax', phase_fractions(g, P).numpy().round(3), [round(r.eps_rel, 2) for r in s2_report(g, T, P)],
      'relabelled', [round(r.eps_rel, 2) for r in s2_report(rl, T, P)], flush=True)
