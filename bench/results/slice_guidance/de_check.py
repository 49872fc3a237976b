"2D slice-connectivity check: D_e of 64² slice tiles of generated volumes vs held-out / training-band crops of the micrograph."
import sys, numpy as np, torch
torch.set_num_threads(1)
from microlad.ldm import load_model
from microlad.lmpdd import reconstruct
from microlad.data import read_micrograph, reference_crops
from microlad.descriptors import crop_descriptors

def tiles(vols, side=64, every=4):
    out = []
    for v in vols:
        for a in range(3):
            s = np.moveaxis(v, a, 0)[::every]
            for i in range(0, s.shape[1] - side + 1, side):
                for j in range(0, s.shape[2] - side + 1, side): out.append(s[:, i:i + side, j:j + side])
    return np.concatenate(out)

def de(x, P): d = crop_descriptors(torch.as_tensor(np.asarray(x)), keys=("de",), n_phases=P)["de"]; return [float(d[p].mean()) for p in range(P)]

for w, img, n, side in [a.split(":") for a in sys.argv[1:]]:
    m = read_micrograph(img); P = int(np.asarray(m).max()) + 1
    model = load_model(w)
    vols = np.asarray(reconstruct(model, shape=(int(side),) * 3, n=int(n), seed=0, progress=False))
    g, ho, tr = de(tiles(vols), P), de(reference_crops(m, 64, split="val"), P), de(reference_crops(m, 64, split="train"), P)
    print(f"{w} ({n} x {side}^3): D_e slices / held-out / training band per phase: " +
          "  ".join(f"{a:.4f}/{b:.4f}/{c:.4f} ({(a / b - 1) * 100:+.0f} %, floor {(c / b - 1) * 100:+.0f} %)" for a, b, c in zip(g, ho, tr)), flush=True)
