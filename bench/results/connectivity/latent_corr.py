"""Is the sampled latent volume smoother across its planes than the truth's? Lag-1 correlation per latent channel of
scaled latent volumes along each axis, for L-MPDD's sampled latents and for the truth encoded slice by slice (slices
normal to axis 0 at voxels 4k + 1 and 4k + 2, averaged: the latent plane k of that axis), both 16³ for 64³ volumes.

    python bench/results/connectivity/latent_corr.py WEIGHTS TRUTH.npy [N]"""
import sys
import numpy as np, torch
from microlad.data import one_hot
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, sample_latent_volume
from microlad.truth import truth_crops
from microlad.vae import encode_slices

def lag1(z: torch.Tensor, axis: int) -> np.ndarray:
    "Lag-1 correlation per channel along spatial `axis` of latent volumes `(n,C,d,h,w)` → `(C,)`."
    a, b = z.narrow(axis + 2, 0, z.shape[axis + 2] - 1), z.narrow(axis + 2, 1, z.shape[axis + 2] - 1)
    a = a - a.mean((0, 2, 3, 4), keepdim=True); b = b - b.mean((0, 2, 3, 4), keepdim=True)
    return ((a * b).mean((0, 2, 3, 4)) / (a.std((0, 2, 3, 4)) * b.std((0, 2, 3, 4)))).numpy()

def encoded_truth(model, crops) -> torch.Tensor:
    "Crops `(n,s,s,s)` → latent volumes `(n,C,s/4,s/4,s/4)` built from slices normal to axis 0."
    out = []
    for c in crops:
        x = one_hot(torch.as_tensor(c), model.n_phases).float()                    # (s, P, s, s): slices along axis 0
        with torch.no_grad(): z = encode_slices(model.vae, x)                     # (s, C, s/4, s/4)
        z = z.reshape(-1, 4, *z.shape[1:])[:, 1:3].mean(1)                        # (s/4, C, s/4, s/4)
        out.append(z.permute(1, 0, 2, 3))
    return torch.stack(out)

def main():
    model = load_model(sys.argv[1]); truth = np.load(sys.argv[2]).astype(np.int64)
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    torch.set_num_threads(2)
    zt = encoded_truth(model, truth_crops(truth, n, 64, seed=0))
    zg = sample_latent_volume(model, (64, 64, 64), n, LMPDDConfig.cpu(), seed=0, progress=False)
    print(f"# {sys.argv[1]} vs {sys.argv[2]}: {n} × 16³ latents; lag-1 correlation per channel")
    print("| latents | axis 0 | axis 1 | axis 2 | std per channel |")
    print("|---|---|---|---|---|")
    for name, z in [("truth, encoded along axis 0 (planes ⟂ 0)", zt), ("L-MPDD sampled", zg)]:
        print(f"| {name} | " + " | ".join(np.array2string(lag1(z, a), precision=2) for a in range(3))
              + f" | {np.array2string(z.std((0, 2, 3, 4)).numpy(), precision=2)} |")

if __name__ == "__main__": main()
