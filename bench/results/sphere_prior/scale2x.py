"""Is the prior's min_distance (in voxels) tied to one particle size? The same structures at twice the voxel count:
the two 128^3 volumes of seed 0 (labels nearest-, probabilities linearly upsampled to 256^3) and two 128^3 truth crops
upsampled alike, particles' tau per axis, default vs the prior at min_distance 2 and 4, beside the 1x numbers."""
import sys, numpy as np, torch, torch.nn.functional as F
torch.set_num_threads(1)
from microlad.particles import convex_particles, ParticleConfig
from microlad.truth import truth_crops
from microlad.fem import tortuosity
lab, pr = torch.load("/work/runs/raw128_lp.pt")           # reconstruct(partic_ldm4k, 128^3, n=2, seed=0, return_probs=True)
truth = np.load(".gpu/in/particulate_truth256.npy").astype(np.int64)
tc = truth_crops(truth, 2, 128, seed=0)
up = lambda v: np.repeat(np.repeat(np.repeat(np.asarray(v), 2, 0), 2, 1), 2, 2)
tau = lambda vols: np.array([[tortuosity(v, 1, a) for a in range(3)] for v in vols]).mean(0)
t1, t2 = tau(tc), tau([up(t) for t in tc])
print("truth particles tau 1x", np.round(t1, 3), "2x", np.round(t2, 3), flush=True)
rel = lambda t, ref: np.round(100 * (t / ref - 1), 1).tolist()
print("default 1x", rel(tau(lab.numpy()), t1), "2x", rel(tau([up(l) for l in lab.numpy()]), t2), flush=True)
for md in map(int, sys.argv[1:]):
    cfg = ParticleConfig(min_distance=md)
    o1 = [convex_particles(l, 1, p, cfg) for l, p in zip(lab, pr)]
    o2 = [convex_particles(up(l), 1, F.interpolate(p[None], scale_factor=2, mode="trilinear")[0], cfg) for l, p in zip(lab, pr)]
    print(f"min_distance {md}: 1x", rel(tau(o1), t1), "2x", rel(tau(o2), t2), flush=True)
