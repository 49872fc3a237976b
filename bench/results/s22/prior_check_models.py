# ldm.prior_check / prior_note (what `microlad train` now logs and warns) on this session's packing models and on the
# shipped weights. python prior_check_models.py [NAME=FOLDER:IMAGE ...]
import sys, numpy as np, torch
from microlad.ldm import load_model, prior_check, prior_note
from microlad.pipeline import bundled_weights
from microlad.data import read_micrograph, default_micrograph, DEFAULT_MICROGRAPHS
torch.set_num_threads(1)
cases = [(n, bundled_weights(n), default_micrograph(n)) for n in DEFAULT_MICROGRAPHS]
cases += [tuple([a.split("=")[0], *a.split("=")[1].split(":")]) for a in sys.argv[1:]]
for name, folder, image in cases:
    chk = prior_check(load_model(folder, device="cpu"), read_micrograph(image))
    f = lambda k, q: " / ".join(f"{x:.2f}" if q == "sections" else f"{x:.3f}" for x in chk[k][q])
    print(f"{name}: sections per 64 px image: crops {f('crops', 'sections')} | round trip {f('round_trip', 'sections')} | "
          f"samples {f('samples', 'sections')}; V_f crops {f('crops', 'vf')} | samples {f('samples', 'vf')}", flush=True)
    print(f"  note: {prior_note(chk)}", flush=True)
