import sys, torch, numpy as np, scipy.fft as sfft
exec(open("bench/results/fusion_s16/fuse.py").read().split("print(\"tiles pixel")[0])
def fuse_dct(axes, power=1.0):
    x = torch.stack(axes).numpy()      # (3,n,P,D,H,W)
    X = sfft.dctn(x, type=2, norm="ortho", axes=(-3, -2, -1))
    k2 = np.stack(np.meshgrid(*[(np.arange(s) / (2.0 * s)) ** 2 for s in x.shape[-3:]], indexing="ij"))
    tot = k2.sum(0); w = ((tot - k2) / np.maximum(2 * tot, 1e-12)) ** power; w[:, 0, 0, 0] = 1.0; w = w / w.sum(0, keepdims=True)
    out = torch.from_numpy(sfft.idctn((X * w[:, None, None]).sum(0), type=2, norm="ortho", axes=(-3, -2, -1)).astype(np.float32))
    out = out.clamp_min(0); return out / out.sum(1, keepdim=True).clamp_min(1e-12)
a, b = fuse(axes), fuse_dct(axes); print("mirror-FFT vs DCT max diff", float((a - b).abs().max()))
def refine_f(cur, K, power=1.0):
    for _ in range(K):
        inp = refinement_labels(cur, cfg.label_fractions, f0)
        outs = [refine_along_axis(m, inp, a, None, 64, True) for a in range(3)]
        cur = fuse_dct(outs, power)
    return cur
fu = fuse_dct(axes)
score2("fused, K=2 fused", refine_f(fu, 2))
score2("fused p2, K=2 fused p2", refine_f(fuse_dct(axes, 2.0), 2, 2.0))
