# Experiment record (bench/results/quality): phase fractions of 2D samples vs 3D volumes, cpu vs quality particulate model.
"Is the 3D fraction error the LDM's (2D samples off too) or the multi-plane sampler's? 64 2D samples of 64², DDIM 50."
import sys
import torch
torch.set_num_threads(1)
from microlad.ldm import load_model
from microlad.data import read_micrograph, reference_crops
from microlad.descriptors import phase_fractions
mic = read_micrograph("bench/results/particulate/particulate_slice.png")
print("training crops", phase_fractions(reference_crops(mic, n=256, split="train"), 3).numpy().round(4),
      "held-out", phase_fractions(reference_crops(mic, n=256), 3).numpy().round(4), flush=True)
for w in sys.argv[1:]:
    m = load_model(w, device="cpu")
    p = m.sample(64, 64, progress=False)
    print(w, "2D samples", phase_fractions(p.argmax(1), 3).numpy().round(4), flush=True)
