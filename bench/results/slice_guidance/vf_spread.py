"Volume-to-volume spread of the phase fractions: 64³ truth crops vs generated volumes under each labelling / sampler setting, and 2D crops."
import numpy as np, torch, dataclasses
torch.set_num_threads(1)
from microlad.ldm import load_model
from microlad.lmpdd import reconstruct, LMPDDConfig
from microlad.truth import truth_crops
truth = np.load("/work/runs/partic_truth192.npy").astype(np.int64)
tc = truth_crops(truth, 27, 64, seed=0)
vf = lambda vols: np.stack([np.bincount(v.ravel(), minlength=3) / v.size for v in vols])
t = vf(tc); print("truth 27 crops 64^3: mean", t.mean(0).round(4), "SD", t.std(0, ddof=1).round(4))
model = load_model("/work/runs/partic_ldm4k")
for lf in ("expected", "training"):
    g = vf(np.asarray(reconstruct(model, shape=(64,) * 3, n=8, seed=0, progress=False, config=dataclasses.replace(LMPDDConfig.cpu(), label_fractions=lf))))
    print(lf, "8 x 64^3: mean", g.mean(0).round(4), "SD", g.std(0, ddof=1).round(4), flush=True)
cfg = dataclasses.replace(LMPDDConfig.cpu(), label_fractions="expected", fraction_feedback_t=0)
g = vf(np.asarray(reconstruct(model, shape=(64,) * 3, n=8, seed=0, progress=False, config=cfg)))
print("expected, no feedback 8 x 64^3: mean", g.mean(0).round(4), "SD", g.std(0, ddof=1).round(4), flush=True)
cfg = dataclasses.replace(LMPDDConfig.cpu(), label_fractions="expected", fraction_feedback_t=0, match_moments=False)
g = vf(np.asarray(reconstruct(model, shape=(64,) * 3, n=8, seed=0, progress=False, config=cfg)))
print("expected, no feedback, no moment matching 8 x 64^3: mean", g.mean(0).round(4), "SD", g.std(0, ddof=1).round(4), flush=True)
from microlad.data import read_micrograph, reference_crops
m = read_micrograph("/work/main/bench/results/particulate/particulate_slice.png")
c = vf(np.asarray(reference_crops(m, 64, split="train"))); print("micrograph 64 training-band 2D crops: mean", c.mean(0).round(4), "SD", c.std(0, ddof=1).round(4))
s = vf(np.asarray(model.sample(32, 64, steps=50, eta=1.0, seed=1, progress=False).argmax(1)))
print("LDM 2D samples 64^2: mean", s.mean(0).round(4), "SD", s.std(0, ddof=1).round(4))
ts = vf(truth[::8, :64, :64]); print("truth 2D slices 64^2: mean", ts.mean(0).round(4), "SD", ts.std(0, ddof=1).round(4))
