# Shared by axis_agree.py, truth_axis_agree.py, truth_roundtrip.py and axis_shift.py: a truth crop's own latent volume,
# the three single-axis decodings of a latent volume, and the per-phase agreement of their labels.
import itertools, numpy as np, torch
from microlad.data import one_hot
from microlad.vae import encode_slices
from microlad.lmpdd import decode_along_axis, volume_to_slices, slices_to_volume

def truth_latents(vae, crops, axis: int, how: str = "mean") -> torch.Tensor:
    """Label cubes `(n,s,s,s)` → scaled latent volumes `(n,C,s/f,s/f,s/f)`: every slice normal to `axis` encoded, the f
    slices of each latent slice averaged (`how='mean'`, the latent's resolution along `axis`) or only the one at f·k + f/2
    kept (`how='pick'`)."""
    P, f, zs = vae.cfg.n_phases, vae.factor, []
    with torch.no_grad():
        for v in crops:
            s = encode_slices(vae, volume_to_slices(one_hot(torch.as_tensor(v)[None], P, ndim=3), axis))
            s = s.reshape(len(s) // f, f, *s.shape[1:])
            zs.append(slices_to_volume(s.mean(1) if how == "mean" else s[:, f // 2], axis, 1))
    return torch.cat(zs)

def axis_decodings(model, z, cfg) -> list:
    "The three single-axis decodings `[(n,P,D,H,W)] × 3` of latent volumes `z` (the config's up-sampling, no refinement)."
    return [decode_along_axis(model, z, a, None, cfg.batch_size, cfg.upsample).numpy() for a in range(3)]

dice = lambda a, b: 2 * (a & b).sum() / (a.sum() + b.sum())

def agreement(labels, p: int) -> str:
    "Pairwise Dice of phase `p` between three label volumes, and the share of its union all three agree on."
    m = [l == p for l in labels]
    pairs = [dice(m[a], m[b]) for a, b in itertools.combinations(range(3), 2)]
    return (f"phase {p}: Dice axes 01 / 02 / 12 " + " / ".join(f"{d:.3f}" for d in pairs)
            + f" | all three agree on {(m[0] & m[1] & m[2]).sum() / (m[0] | m[1] | m[2]).sum():.3f} of its union")
