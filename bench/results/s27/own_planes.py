# Are the particles already fused in a sampled latent's own slices, or only across them? Each single-axis decoding
# (no refinement) labelled on its own (the package's smoothing and fractions f0 for a sampling; the crops' fractions,
# no smoothing, for the floor of the truth's own latents), sections per 1000 px of every phase in the slices normal to
# its own axis (what the 2D decoder drew) and normal to the two others (across the interpolation), beside the truth's.
# python own_planes.py MODEL TRUTH.npy SAMPLES.npz
import sys, numpy as np, torch
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, label_volumes, smoothing_sigma
from microlad.truth import truth_crops, slice_sections
here = __file__.rsplit("/", 1)[0]
sys.path[:0] = [here + "/../s25", here + "/../s26"]
from agreement import truth_latents, axis_decodings
from floor import label_at
torch.set_num_threads(int(__import__("os").environ.get("THREADS", "1")))
weights, truth_file, samples = sys.argv[1:4]
model, cfg = load_model(weights), LMPDDConfig.cpu()
d = np.load(samples); z, f0 = torch.as_tensor(d["z"]), torch.as_tensor(d["f0"])
P = model.n_phases
ref = truth_crops(np.load(truth_file), 4, 128, 0)[:len(z)]
fr = torch.as_tensor(np.bincount(ref.ravel(), minlength=P) / ref.size).expand(len(ref), -1)
sec = lambda vols, ph, axes: np.mean([slice_sections(v, ph, a) for v in vols for a in axes])
print("truth: sections per 1000 px " + " / ".join(f"{sec(ref, ph, range(3)):.2f}" for ph in range(P)), flush=True)
with torch.no_grad():
    for name, zz, lab in (("sampled", z, lambda p: np.asarray(label_volumes(p, smoothing_sigma(model, cfg), f0, False, cfg.label_fractions))),
                          ("floor (truth latents normal to axis 0)", truth_latents(model.vae, ref, 0), lambda p: label_at(p, fr))):
        for a, p in enumerate(axis_decodings(model, zz, cfg)):
            v = lab(torch.from_numpy(p))
            own = " / ".join(f"{sec(v, ph, [a]):.2f}" for ph in range(P))
            across = " / ".join(f"{sec(v, ph, [b for b in range(3) if b != a]):.2f}" for ph in range(P))
            print(f"{name}, decoded along axis {a}: own planes {own} | across {across}", flush=True)
