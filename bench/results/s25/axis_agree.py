# Do the three axis decodings of one sampled latent volume put each phase in the same voxels? For the latents kept by
# sample_z.py: decode along axis 0, 1, 2 separately (the default up-sampling, no refinement), label each by argmax, and
# report per phase the Dice of every pair of axes and the share of the phase's voxels (in any decoding) that all three
# agree on. python axis_agree.py MODEL SAMPLES.npz
import sys, numpy as np, torch
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig
from agreement import axis_decodings, agreement
torch.set_num_threads(1)
model, cfg = load_model(sys.argv[1]), LMPDDConfig.cpu()
z = torch.as_tensor(np.load(sys.argv[2])["z"])
lab = [d.argmax(1) for d in axis_decodings(model, z, cfg)]
P = model.n_phases
print(f"# {sys.argv[2]}: {tuple(z.shape)} latents, axis decodings' fractions " + " | ".join(
    " / ".join(f"{(l == p).mean():.3f}" for p in range(P)) for l in lab))
for p in range(P): print(agreement(lab, p))
