# Do the three axis decodings of one sampled latent volume put each phase in the same voxels? For the latents kept by
# sample_z.py: decode along axis 0, 1, 2 separately (the default up-sampling, no refinement), label each by argmax, and
# report per phase the Dice of every pair of axes and the share of the phase's voxels (in any decoding) that all three
# agree on. python axis_agree.py MODEL SAMPLES.npz
import sys, itertools, numpy as np, torch
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, decode_along_axis
torch.set_num_threads(1)
model, cfg = load_model(sys.argv[1]), LMPDDConfig.cpu()
z = torch.as_tensor(np.load(sys.argv[2])["z"])
lab = [decode_along_axis(model, z, a, None, cfg.batch_size, cfg.upsample).argmax(1).numpy() for a in range(3)]
P = model.n_phases
print(f"# {sys.argv[2]}: {tuple(z.shape)} latents, axis decodings' fractions " + " | ".join(
    " / ".join(f"{(l == p).mean():.3f}" for p in range(P)) for l in lab))
for p in range(P):
    m = [l == p for l in lab]
    dice = [2 * (m[a] & m[b]).sum() / (m[a].sum() + m[b].sum()) for a, b in itertools.combinations(range(3), 2)]
    allthree = (m[0] & m[1] & m[2]).sum() / (m[0] | m[1] | m[2]).sum()
    print(f"phase {p}: Dice axes 01 / 02 / 12 " + " / ".join(f"{d:.3f}" for d in dice) + f" | all three agree on {allthree:.3f} of its union")
