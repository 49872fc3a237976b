# Does the cross-slice sharpener (sharpener.py, trained on the training micrograph alone) give back what a single-axis
# decoding loses across its slices? Two 128^3 truth crops (seed 0), labelled at the crops' fractions, no smoothing:
#   oracle: the truth coarsened along each axis (the sharpener's own training degradation), sharpened, three averaged;
#   floor:  the truth's own latents (normal to axis 0) decoded along each axis (no refinement), sharpened, averaged;
# each beside the same without the sharpener. tau / sections / chord % per axis per phase.
# python floor_sharpen.py MODEL TRUTH.npy SHARPENER.pt
import sys, torch
from microlad.data import one_hot
here = __file__.rsplit("/", 1)[0]
sys.path[:0] = [here, here + "/../s25", here + "/../s26"]
from agreement import truth_latents, axis_decodings
from floor import floor_setup, label_at, report
from coarsen_check import coarsen
from sharpener import load, sharpen_axis
torch.set_num_threads(int(__import__("os").environ.get("THREADS", "1")))
model, cfg, ref, fr, truth_d = floor_setup(sys.argv[1], sys.argv[2])
net = load(sys.argv[3])
out = lambda name, probs: report(name, label_at(probs, fr), ref, truth_d)
with torch.no_grad():
    oh = one_hot(torch.as_tensor(ref), model.n_phases, ndim=3).float()
    co = [coarsen(oh, a, net.meta["f"]) for a in range(3)]
    out("oracle: truth coarsened along axis 0, sharpened", sharpen_axis(net, co[0], 0))
    out("oracle: truth coarsened along each axis, sharpened, three averaged", sum(sharpen_axis(net, c, a) for a, c in enumerate(co)) / 3)
    del co, oh
    dec = [torch.from_numpy(d) for d in axis_decodings(model, truth_latents(model.vae, ref, 0), cfg)]
    out("floor: decoded along axis 0, sharpened", sharpen_axis(net, dec[0], 0))
    out("floor: decoded along axis 1, sharpened", sharpen_axis(net, dec[1], 1))
    out("floor: three decodings averaged (as before, no sharpener)", sum(dec) / 3)
    out("floor: each decoding sharpened, three averaged", sum(sharpen_axis(net, d, a) for a, d in enumerate(dec)) / 3)
