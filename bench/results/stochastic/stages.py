"""Where does 3D connectivity go wrong? tau and 2D topology per stage of reconstruct.
usage: stages.py WEIGHTS TRUTH(case|file.npy) N [--set k=v ...]"""
import sys, time, numpy as np, torch
from scipy import ndimage
sys.path.insert(0, "/work/main/bench")
from overrides import apply_overrides
from microlad.ldm import load_model
from microlad.lmpdd import (LMPDDConfig, sample_latent_volume, decode_along_axis, decode_volume, expected_fractions,
                            match_phase_fractions, label_volumes, smoothing_sigma)
from microlad.truth import truth_crops, grf_volume, three_phase_volume, particulate_volume
from microlad.fem import tortuosity
torch.set_num_threads(1)
w, tr, N = sys.argv[1], sys.argv[2], int(sys.argv[3])
sets = [a.split("=", 1)[1] if a.startswith("--set=") else a for a in sys.argv[4:] if a != "--set"]
cfg = apply_overrides(LMPDDConfig.cpu(), sets or None)
truth = np.load(tr).astype(np.int64) if tr.endswith(".npy") else {"grf": grf_volume, "three_phase": three_phase_volume, "particulate": particulate_volume}[tr]((192,) * 3, seed=100)
model = load_model(w, device="cpu"); P = model.n_phases
def at(p, f): return torch.stack([match_phase_fractions(pi, fi) for pi, fi in zip(p, f)])
def topo2d(vols):   # mean components per 64x64 slice normal to each axis, per phase (8-conn)
    out = []
    for ph in range(P):
        row = []
        for a in range(3):
            c = [ndimage.label(np.take(v, k, axis=a) == ph, structure=np.ones((3, 3)))[1] for v in vols for k in range(1, v.shape[a], 4)]
            row.append(round(float(np.mean(c)), 1))
        out.append(row)
    return out
def taus(vols):
    return [[float(np.mean([tortuosity(v, ph, a) for v in vols])) for a in range(3)] for ph in range(P)]
def comp3d(vols):
    return [float(np.mean([ndimage.label(v == ph, structure=np.ones((3, 3, 3)))[1] for v in vols])) for ph in range(P)]
def report(name, vols):
    t0 = time.time(); vols = np.asarray(vols)
    fr = np.bincount(vols.ravel(), minlength=P) / vols.size
    print(f"{name:28s} vf {np.round(fr,3).tolist()} comp2d {topo2d(vols)} comp3d {np.round(comp3d(vols),1).tolist()} "
          f"tau {[[round(x,2) for x in r] for r in taus(vols)]}  ({time.time()-t0:.0f}s)", flush=True)
print(cfg)
report("truth crops", truth_crops(truth, N, 64, 0))
report("truth crops (other)", truth_crops(truth, 2 * N, 64, 0)[N:])
z = sample_latent_volume(model, (64,) * 3, N, cfg, seed=0, progress=False)
acc = 0
for a in range(3):
    pa = decode_along_axis(model, z, a, upsample=cfg.upsample); acc = acc + pa
    report(f"decode axis {a} only", at(pa, expected_fractions(pa)))
avg = acc / 3; f0 = expected_fractions(avg)
report("3-axis average", at(avg, f0))
pr, f0b = decode_volume(model, z, cfg.refine_iters, progress=False, upsample=cfg.upsample, return_fractions=True)
report(f"after {cfg.refine_iters} refinements", at(pr, f0b))
report("smoothed (= reconstruct)", label_volumes(pr, smoothing_sigma(model, cfg), f0b))
# 2D samples
s2d = model.sample(n=48, size=64, progress=False).argmax(1).numpy()
def comp_slices(sl):
    return [round(float(np.mean([ndimage.label(s == ph, structure=np.ones((3, 3)))[1] for s in sl])), 1) for ph in range(P)]
tsl = np.concatenate([np.moveaxis(c, a, 0)[::4] for c in truth_crops(truth, N, 64, 0) for a in range(3)])
print("2D comps: truth slices", comp_slices(tsl), " LDM 2D samples", comp_slices(s2d))
