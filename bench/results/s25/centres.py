# How many particle centres does the convex-particle prior find, in the default labels of one sampling and in the
# truth crops, and how large are the balls it makes? python centres.py MODEL SAMPLES.npz TRUTH.npy SEED PHASE
# (calibrated_balls.py imports `mean_chord3` from here.)
import sys, numpy as np, torch
sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/s24")
from largest_piece import sampling_and_truth
from microlad.lmpdd import label_volumes, smoothing_sigma
from microlad.particles import particle_centres, ball_packing
from microlad.truth import chord_lengths

def mean_chord3(mask) -> float:
    "Mean chord length (voxels) of a bool volume `(D,H,W)`, runs along all three axes pooled."
    return np.mean(np.concatenate([chord_lengths(np.asarray(mask, np.int8), 1, a) for a in range(3)]))

if __name__ == "__main__":
    torch.set_num_threads(1)
    model, cfg, probs, f0, ref = sampling_and_truth(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
    ph = int(sys.argv[5])
    lab = np.asarray(label_volumes(probs, smoothing_sigma(model, cfg), f0, False, cfg.label_fractions))
    for name, vols in (("truth", ref), ("generated", lab)):
        for v in vols:
            m = v == ph
            c, r = particle_centres(m)
            print(f"{name}: fraction {m.mean():.3f}, centres {len(c)}, inscribed r mean {r.mean():.2f} median {np.median(r):.2f}, "
                  f"chord mean mask {mean_chord3(m):.2f} balls {mean_chord3(ball_packing(m)):.2f}", flush=True)
