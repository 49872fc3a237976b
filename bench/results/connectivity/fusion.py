"""Multi-view fusion of the three axis decodes instead of their plain average: each axis's decode is sharp in its
decoded planes and low-passed along its own axis (latent planes 4 voxels apart, interpolated), so in Fourier space
weight decode a by W_a(k) = H(k_a)² / Σ_b H(k_b)² (H: the up-sampling's transfer function), reflect-padded.
Reports slice topology and the 3D-truth rows (8 × 64³, seed 0, as bench_truth.py) for the plain average and fusion.

    python bench/results/connectivity/fusion.py WEIGHTS TRUTH.npy [N] [refine_iters]"""
import sys, time
import numpy as np, torch
from microlad.ldm import load_model
from microlad.lmpdd import (LMPDDConfig, sample_latent_volume, decode_along_axis, label_targets, label_volumes,
                            smoothing_sigma, refinement_labels, refine_along_axis)
from microlad.truth import truth_report, format_truth_report
sys.path.insert(0, "bench/results/connectivity")
from stage_topology import stats2d, vol_slices

def transfer(n: int, f: int, mode: str) -> torch.Tensor:
    "|H(k)| of ×f up-sampling along one axis of length n (rfft or fft frequencies in cycles/voxel)."
    k = torch.fft.fftfreq(n).abs()
    s = torch.sinc(f * k)
    return s ** 2 if mode == "linear" else s.abs()

def fuse(decodes, f: int, mode: str, pad: int = 16) -> torch.Tensor:
    "Decodes `(n,P,D,H,W)` along axes 0, 1, 2 → one volume, each frequency from the axes that resolve it."
    x = [torch.nn.functional.pad(d, (pad,) * 6, mode="replicate") for d in decodes]
    shp = x[0].shape[2:]
    H = [transfer(shp[a], f, mode) for a in range(3)]
    Hk = [h.reshape([-1 if i == a else 1 for i in range(3)]) ** 2 for a, h in enumerate(H)]
    den = sum(torch.broadcast_tensors(*Hk)) + 1e-6
    out = sum(torch.fft.ifftn(torch.fft.fftn(xa, dim=(2, 3, 4)) * (Hk[a] / den), dim=(2, 3, 4)).real for a, xa in enumerate(x))
    out = out[..., pad:-pad, pad:-pad, pad:-pad].clamp_min(1e-6)
    return out / out.sum(1, keepdim=True)

def finish(model, p, K, cfg):
    "`decode_volume`'s refinement passes and `reconstruct`'s labels, from a first decode `p`."
    f0 = label_targets(model, p, cfg.label_fractions)
    for _ in range(K):
        inp = refinement_labels(p, cfg.label_fractions, f0); nxt = torch.zeros_like(p)
        for a in range(3): refine_along_axis(model, inp, a, nxt, cfg.batch_size, True)
        p = nxt / 3
    return label_volumes(p, smoothing_sigma(model, cfg), f0, label_fractions=cfg.label_fractions)

def main():
    model = load_model(sys.argv[1]); truth = np.load(sys.argv[2]).astype(np.int64)
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 8; K = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    torch.set_num_threads(2); P = model.n_phases; cfg = LMPDDConfig.cpu()
    t = time.perf_counter()
    z = sample_latent_volume(model, (64, 64, 64), n, cfg, seed=0, progress=False)
    dec = [decode_along_axis(model, z, a, upsample=cfg.upsample) for a in range(3)]
    print(f"# {sys.argv[1]} vs {sys.argv[2]}: {n} × 64³, refine_iters {K}, sampled + decoded in {time.perf_counter() - t:.0f} s")
    for name, p in [("average (default)", sum(dec) / 3), ("Fourier fusion", fuse(dec, model.vae.factor, cfg.upsample))]:
        lab = finish(model, p, K, cfg)
        topo = stats2d(vol_slices(lab.numpy()), P)
        print(f"\n## {name}: slice sections / Euler per 1000 px: " + ", ".join(f"phase {i} {a:.2f} / {b:.2f}" for i, (a, b) in enumerate(topo)))
        print(format_truth_report(truth_report(lab.numpy(), truth, P, seed=0), name))

if __name__ == "__main__": main()
