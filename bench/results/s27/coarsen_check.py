# Is "average the f slices of each latent slice, interpolate linearly between slice centres" a stand-in for what a
# single-axis decoding loses across its slices? The s22 truth crops (two 128^3, seed 0) coarsened that way along one
# axis, or along each and the three averaged, labelled at the crops' fractions; compare with floor_stages.py's decodings
# of the truth's own latents (bench/results/s26/p?_floor_stages.txt).
# python coarsen_check.py MODEL TRUTH.npy
import sys, torch
from microlad.data import one_hot
from microlad.lmpdd import _upsample_axis
sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/s26")
from floor import floor_setup, label_at, report
torch.set_num_threads(1)

def coarsen(probs, axis: int, f: int = 4, sharp: bool = False):
    "Probabilities `(n,P,D,H,W)` → block means of f slices along `axis` (argmax one-hot when `sharp`), linearly re-interpolated between the blocks' centres."
    z = probs.movedim(axis + 2, -1)
    z = z.reshape(*z.shape[:-1], z.shape[-1] // f, f).mean(-1).movedim(-1, axis + 2)
    if sharp: z = one_hot(z.argmax(1), z.shape[1], ndim=3).float()
    return _upsample_axis(z, axis, probs.shape[axis + 2], "linear")

if __name__ == "__main__":
    model, cfg, ref, fr, truth_d = floor_setup(sys.argv[1], sys.argv[2])
    oh = one_hot(torch.as_tensor(ref), model.n_phases, ndim=3).float()
    for sharp in (False, True):
        tag = "block argmax" if sharp else "block mean"
        report(f"{tag} along axis 0, interpolated", label_at(coarsen(oh, 0, sharp=sharp), fr), ref, truth_d)
        report(f"{tag} along each axis, three averaged", label_at(sum(coarsen(oh, a, sharp=sharp) for a in range(3)) / 3, fr), ref, truth_d)
