"""Does a sampler setting change the particles' fusing? Particle (and pore, binder) slice sections per 1000 px of
the default output and of the planes an axis-0 decode renders, for several LMPDDConfig settings (N × 64³, seed 0).

    python bench/results/connectivity/sampler_topology.py WEIGHTS [N] ["k=v k=v" ...]"""
import sys, time, dataclasses
import numpy as np, torch
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig, sample_latent_volume, decode_along_axis, decode_volume, label_volumes, smoothing_sigma
sys.path.insert(0, "bench/results/connectivity")
from stage_topology import stats2d, vol_slices

def parse(s: str, cfg):
    for kv in s.split():
        k, v = kv.split("="); cur = getattr(cfg, k)
        cfg = dataclasses.replace(cfg, **{k: (v == "True") if isinstance(cur, bool) else type(cur)(v)})
    return cfg

def main():
    model = load_model(sys.argv[1]); n = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    torch.set_num_threads(2); P = model.n_phases
    print(f"# {sys.argv[1]}: {n} × 64³ per setting; sections per 1000 px (pore / particles / binder)")
    print("| setting | axis-0 decoded planes | default output, all slices | s |")
    print("|---|---|---|---|")
    for s in ["default"] + sys.argv[3:]:
        cfg = LMPDDConfig.cpu() if s == "default" else parse(s, LMPDDConfig.cpu())
        t = time.perf_counter()
        z = sample_latent_volume(model, (64, 64, 64), n, cfg, seed=0, progress=False)
        planes = stats2d([sl for v in decode_along_axis(model, z, 0, upsample=cfg.upsample).argmax(1) for sl in v], P)[:, 0]
        pk, f0 = decode_volume(model, z, cfg.refine_iters, cfg.batch_size, cfg.upsample, cfg.refine_input, progress=False,
                               label_fractions=cfg.label_fractions, return_fractions=True)
        out = stats2d(vol_slices(label_volumes(pk, smoothing_sigma(model, cfg), f0, label_fractions=cfg.label_fractions)), P)[:, 0]
        f = lambda a: " / ".join(f"{x:.2f}" for x in a)
        print(f"| {s} | {f(planes)} | {f(out)} | {time.perf_counter() - t:.0f} |", flush=True)

if __name__ == "__main__": main()
