"""L-MPDD speed/quality benchmark: seconds per 64³ volume and S_2 error for each sampler, the
refinement count K, and peak memory for a 128³ volume.

    .venv/bin/python bench/bench_lmpdd.py                    # shipped porous weights, 3 volumes per row
    .venv/bin/python bench/bench_lmpdd.py --name anode --n 2
    .venv/bin/python bench/bench_lmpdd.py --random-weights   # timing only (untrained cpu-size nets)

Every volume is generated on its own (n=1, seeds 0..n-1) and timed; the table gives the
median seconds per volume split into sampling (multi-plane denoising) and decoding (three-axis
decode + K refinement passes). ε_rel (%) is Table 1's error of the volumes' slice-wise S_2 vs
held-out (validation-band) crops of the micrograph, max over phases; the `floor` row scores
training crops against the same held-out crops (the error of real data). The machine load is
printed: on a shared CPU the seconds are inflated.
"""
from __future__ import annotations
import argparse, os, platform, statistics, subprocess, sys, time

import torch

from microlad.data import reference_crops
from microlad.lmpdd import (LMPDDConfig, sample_latent_volume, decode_volume_with, slice_change_rate,
                            pixel_change_rate)
from microlad.descriptors import s2_report
from microlad.data import default_micrograph


def load(name: str, random_weights: bool, weights: str = ""):
    if weights:
        from microlad.ldm import load_model
        return load_model(weights, device="cpu")
    if not random_weights:
        from microlad.pipeline import bundled_model
        return bundled_model(name, device="cpu")
    from microlad.vae import VAE, VAEConfig
    from microlad.ldm import UNet, UNetConfig, Schedule, DiffusionConfig, LatentDiffusion
    torch.manual_seed(0)
    P = 2 if name == "porous" else 3
    return LatentDiffusion(VAE(VAEConfig.cpu(P)).eval(), UNet(UNetConfig.cpu()).eval(), Schedule(DiffusionConfig()))


def run(model, cfg: LMPDDConfig, n: int, size: int, ref, z_cache=None):
    "Generate n volumes one at a time → (labels (n,D,H,W), median sample s, median decode s, latents)."
    labs, ts, td, zs = [], [], [], []
    for seed in range(n):
        t0 = time.perf_counter()
        z = z_cache[seed] if z_cache is not None else sample_latent_volume(model, (size,) * 3, 1, cfg, seed=seed, progress=False)
        t1 = time.perf_counter()
        p = decode_volume_with(model, z, cfg, progress=False)   # what reconstruct decodes with
        t2 = time.perf_counter()
        labs.append(p.argmax(1)); ts.append(t1 - t0); td.append(t2 - t1); zs.append(z)
    lab = torch.cat(labs)
    return lab, statistics.median(ts) if z_cache is None else 0.0, statistics.median(td), zs


def score(lab, ref, P):
    rows = s2_report(lab, ref, P)
    return max(r.eps_rel for r in rows), [r.eps_rel for r in rows], slice_change_rate(lab).mean(0)


HDR = f"{'sampler':<10} {'steps':>5} {'combine':<10} {'K':>2} | {'s/vol':>6} {'sample':>6} {'decode':>6} | {'max eps_rel':>11} {'per phase':<20} {'change rate 0/1/2':<22}"


def line(sampler, steps, combine, K, ts, td, er, per, cr):
    return (f"{sampler:<10} {steps:>5} {combine:<10} {K:>2} | {ts + td:6.2f} {ts:6.2f} {td:6.2f} | {er:11.2f} "
            f"{' '.join(f'{x:5.2f}' for x in per):<20} {' '.join(f'{x:.4f}' for x in cr.tolist()):<22}")


def peak_rss_child(name, size, random_weights, threads, weights=""):
    "Run one default-config volume of side `size` in a fresh process; returns (peak RSS MiB, seconds)."
    code = (f"import torch, time; torch.set_num_threads({threads});"
            f"import sys; sys.argv=['x']; sys.path.insert(0, {os.path.dirname(os.path.abspath(__file__))!r});"
            f"from bench_lmpdd import load; from microlad.lmpdd import reconstruct;"
            f"m = load({name!r}, {random_weights}, {weights!r}); t0 = time.perf_counter();"
            f"reconstruct(m, ({size},)*3, progress=False); import resource;"
            f"print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    secs, rss_kib = out.stdout.strip().splitlines()[-1].split()
    return int(rss_kib) / 1024, float(secs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--name", default="porous")
    ap.add_argument("--n", type=int, default=3, help="volumes per row")
    ap.add_argument("--size", type=int, default=64)
    ap.add_argument("--threads", type=int, default=torch.get_num_threads())
    ap.add_argument("--random-weights", action="store_true", help="untrained cpu-size networks: timing only")
    ap.add_argument("--weights", default="", help="folder with vae.pt + ldm.pt trained on --name (default: shipped)")
    ap.add_argument("--skip-ddpm", action="store_true")
    ap.add_argument("--skip-rss", action="store_true")
    ap.add_argument("--ks", default="0,1,2,3,5", help="refinement counts for the K table")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model = load(a.name, a.random_weights, a.weights)
    P = model.n_phases
    ref = reference_crops(default_micrograph(a.name), n=256)
    floor = max(r.eps_rel for r in s2_report(reference_crops(default_micrograph(a.name), n=256, split="train"), ref, P))
    base = LMPDDConfig.cpu()
    print(f"# L-MPDD bench: {a.name} ({'RANDOM weights, timing only' if a.random_weights else a.weights or 'shipped cpu weights'}), "
          f"{a.n} × {a.size}³ per row, torch {torch.__version__}, {a.threads} threads, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, load avg at start {os.getloadavg()[0]:.2f}")
    print(f"# default LMPDDConfig.cpu() = {base}")
    print(f"# noise floor: max eps_rel of {256} training crops vs the held-out crops = {floor:.2f} %; "
          f"micrograph pixel change rate {pixel_change_rate(ref):.4f}\n")

    print("## samplers (same K as the default)")
    print(HDR); print("-" * len(HDR))
    cfgs = ([] if a.skip_ddpm else [LMPDDConfig(sampler="ddpm", steps=1000, eta=1.0)]) + \
        [LMPDDConfig(steps=s) for s in (25, 50, 100)] + [LMPDDConfig(steps=50, combine="average"),
                                                         LMPDDConfig(steps=150)]
    cache = {}
    for c in cfgs:
        c = LMPDDConfig(**{**vars(c), "refine_iters": base.refine_iters})
        lab, ts, td, zs = run(model, c, a.n, a.size, ref)
        if c == base: cache["z"] = zs
        print(line(c.sampler, c.steps if c.sampler == "ddim" else 1000, c.combine, c.refine_iters, ts, td, *score(lab, ref, P)),
              flush=True)

    print(f"\n## refinement passes K (default sampler; decode seconds only, latents reused)")
    print(HDR); print("-" * len(HDR))
    zs = cache.get("z") or run(model, base, a.n, a.size, ref)[3]
    for K in [int(k) for k in a.ks.split(",")]:
        c = LMPDDConfig(**{**vars(base), "refine_iters": K})
        lab, _, td, _ = run(model, c, a.n, a.size, ref, z_cache=zs)
        print(line(c.sampler, c.steps, c.combine, K, 0.0, td, *score(lab, ref, P)), flush=True)

    if not a.skip_rss:
        print("\n## memory (one default-config volume in a fresh process)")
        for s in (64, 128):
            rss, secs = peak_rss_child(a.name, s, a.random_weights, a.threads, a.weights)
            print(f"{s}³: peak RSS {rss:7.0f} MiB, {secs:6.1f} s", flush=True)
    print(f"\n# load avg at end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
