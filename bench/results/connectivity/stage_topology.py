"""Where does the slices' topology go wrong? 2D sections and Euler number per 1000 px (4-connectivity) per phase, at
each stage: truth slices, the training micrograph's crops, their VAE round trip, the LDM's 2D samples, slices of
L-MPDD volumes with and without the final per-phase smoothing.

    python bench/results/connectivity/stage_topology.py WEIGHTS TRUTH.npy MICROGRAPH [N3D]"""
import sys, time, dataclasses
import numpy as np, torch
from skimage.measure import euler_number, label
from microlad.data import read_micrograph, reference_crops, one_hot
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, reconstruct, match_phase_fractions
from microlad.vae import encode_slices, decode_latents

def stats2d(slices, P):
    "(P, 2): mean sections and Euler number of each phase per 1000 px over 2D label images `slices`."
    out = np.zeros((P, 2)); area = 0
    for s in slices:
        s = np.asarray(s); area += s.size
        for p in range(P): out[p] += label(s == p, connectivity=1).max(), euler_number(s == p, connectivity=1)
    return 1000 * out / area

def vol_slices(vols):
    return [s for v in vols for a in range(3) for s in np.moveaxis(np.asarray(v), a, 0)]

def at_fractions(probs, f):
    "Labels of probabilities `(n,P,H,W)` holding fractions `f` (as L-MPDD's 'training' labels do)."
    return [match_phase_fractions(p, torch.as_tensor(f, dtype=torch.float64)).numpy() for p in probs]

def main():
    weights, truth_file, mic = sys.argv[1:4]
    n3 = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    torch.set_num_threads(2)
    model = load_model(weights); P = model.n_phases; f = model.training_stats.fractions
    truth = np.load(truth_file).astype(np.int64)
    rows = {}
    rng = np.random.default_rng(0)
    rows["truth, slices of 4 crops 64³"] = stats2d(vol_slices([truth[tuple(slice(o, o + 64) for o in rng.integers(0, 128, 3))] for _ in range(4)]), P)
    lab = read_micrograph(mic)
    val, tr = reference_crops(lab, 256), reference_crops(lab, 256, split="train")
    rows["micrograph, 256 held-out crops"] = stats2d(val, P)
    rows["micrograph, 256 training crops"] = stats2d(tr, P)
    with torch.no_grad():
        pr = decode_latents(model.vae, encode_slices(model.vae, one_hot(val, P).float()))
    rows["VAE round trip of the held-out crops, argmax"] = stats2d(pr.argmax(1), P)
    t = time.perf_counter()
    s2 = model.sample(n=128, size=64, steps=50, sampler="ddim", eta=1.0, seed=0, progress=False)
    rows["LDM 2D samples (128, DDIM-50, η = 1), argmax"] = stats2d(s2.argmax(1), P)
    rows["LDM 2D samples, labels at the training fractions"] = stats2d(at_fractions(s2, f), P)
    t2 = time.perf_counter() - t
    cfg = LMPDDConfig.cpu()
    for name, c in [("L-MPDD default", cfg), ("L-MPDD, no final smoothing", dataclasses.replace(cfg, smooth_sigma=0.0))]:
        v = reconstruct(model, (64, 64, 64), n=n3, config=c, progress=False).numpy()
        rows[f"{name}, slices of {n3} × 64³"] = stats2d(vol_slices(v), P)
    print(f"# {weights}; micrograph {mic}; truth {truth_file}; 2D sampling {t2:.0f} s")
    print("| stage | " + " | ".join(f"phase {p} sections / Euler" for p in range(P)) + " |")
    print("|---|" + "---|" * P)
    for k, r in rows.items(): print(f"| {k} | " + " | ".join(f"{a:.2f} / {b:.2f}" for a, b in r) + " |")

if __name__ == "__main__": main()
