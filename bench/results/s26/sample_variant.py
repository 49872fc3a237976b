# One 3D sampling (as s25/sample_z.py: n x side^3, the cpu LMPDDConfig, seed) with one sampler variant, to find what in
# the multi-plane steps breaks the denser packing's thin binder. python sample_variant.py MODEL OUT.npz N SIDE SEED VARIANT
#   VARIANT = default | avg<T> (all three axes averaged at every step with t <= T; avg1000 = combine='average')
#           | nofb (no fraction feedback) | fb<T> (fraction feedback at t <= T) | nomm (no moment matching) | steps<K> (K DDIM steps) | eta<E>
#           | spectral (the default sampling, its decodings fused with fusion='spectral')
import sys, dataclasses, numpy as np, torch
import microlad.lmpdd as L
from microlad.ldm import load_model
sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/s25")
from sample_z import sample_and_save
weights, out, n, side, seed, variant = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
torch.set_num_threads(1)
model, cfg = load_model(weights), L.LMPDDConfig.cpu()

class AverageBelow(L.MultiPlaneDenoiser):
    "Sequential axes while t > t_avg, the mean of all three axes' eps at t <= t_avg."
    t_avg = -1
    def __call__(self, z, t):
        self.combine = "average" if t <= self.t_avg else "sequential"
        return super().__call__(z, t)

if variant.startswith("avg"): AverageBelow.t_avg = int(variant[3:]); L.MultiPlaneDenoiser = AverageBelow
elif variant == "nofb": cfg = dataclasses.replace(cfg, fraction_feedback_t=0)
elif variant.startswith("fb"): cfg = dataclasses.replace(cfg, fraction_feedback_t=int(variant[2:]))
elif variant == "nomm": cfg = dataclasses.replace(cfg, match_moments=False)
elif variant.startswith("steps"): cfg = dataclasses.replace(cfg, steps=int(variant[5:]))
elif variant == "spectral": cfg = dataclasses.replace(cfg, fusion="spectral")
elif variant.startswith("eta"): cfg = dataclasses.replace(cfg, eta=float(variant[3:]))
elif variant != "default": raise SystemExit(f"unknown variant {variant}")
sec, f0 = sample_and_save(model, cfg, out, n, side, seed)
print(f"{variant}: {n} x {side}^3 sampled and decoded in {sec:.0f} s; decoder fractions {np.round(np.asarray(f0), 4).tolist()}")
