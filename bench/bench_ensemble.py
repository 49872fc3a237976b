"""Ensemble and large-volume benchmark (microlad.ensemble).

    .venv/bin/python bench/bench_ensemble.py                 # both tables
    .venv/bin/python bench/bench_ensemble.py --n 4 --sides 64 128 256 --skip-inmemory 256

1. Throughput: `run_ensemble` of n 64³ volumes (shipped porous weights, LMPDDConfig.cpu(): DDIM 50
   steps, K=2, plus the descriptor row: V_f, surface, S₂, 6 τ solves) on a LocalCluster of 1 and
   of 2 single-threaded worker processes; the cluster is started and the model loaded on every
   worker (one warm-up task) before the clock starts. Volumes per minute = n / wall seconds.
2. Chunked path: `reconstruct_to_zarr`'s two stages (ChunkConfig.cpu(): U-Net calls of ≤ 32768 latent
   pixels, cubes of 64 voxels, overlap 8) at each side, each in a fresh process: seconds for sampling and block decoding, the process's peak RSS
   and its growth over the RSS after loading the model; for comparison the in-memory `reconstruct`
   of the same latent (peak RSS growth) and the share of voxels on which both agree.
The machine is shared: the load average at start and end is printed; seconds are inflated by it.
"""
from __future__ import annotations
import argparse, contextlib, json, os, platform, resource, subprocess, sys, tempfile, time
from pathlib import Path


def rss_mb() -> float:
    import psutil
    return psutil.Process().memory_info().rss / 2 ** 20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_volume(side: int, mode: str, steps: int, refine: int, threads: int) -> dict:
    "Run in a fresh process: one `side`³ volume by `mode` ('chunked' | 'inmemory'); timings and memory."
    import numpy as np, torch, zarr
    from microlad.pipeline import bundled_model
    from microlad.lmpdd import LMPDDConfig, sample_latent_volume, decode_volume_with
    from microlad.ensemble import ChunkConfig, decode_to_zarr, chunk_memory_bytes, sample_latent_bounded
    torch.set_num_threads(threads)
    model = bundled_model("porous")
    cfg, ch = LMPDDConfig(steps=steps, refine_iters=refine), ChunkConfig.cpu()
    base = rss_mb()
    t0 = time.perf_counter()
    if mode == "chunked": z = sample_latent_bounded(model, (side,) * 3, 0, cfg, ch)   # U-Net calls of ≤ ch.unet_pixels
    else: z = sample_latent_volume(model, (side,) * 3, 1, cfg, seed=0, progress=False)     # what reconstruct does
    t1 = time.perf_counter()
    out = dict(side=side, mode=mode, base_mb=base, sample_s=t1 - t0)
    if mode == "chunked":
        with tempfile.TemporaryDirectory() as tmp:
            p = decode_to_zarr(model, z, Path(tmp) / "v.zarr", cfg, ch)
            out["decode_s"] = time.perf_counter() - t1
            out["peak_mb"] = peak_mb()
            if side <= 128: np.save(f"/tmp/bench_ens_{side}_chunked.npy", zarr.open_array(str(p), mode="r")[:])
        out["estimate_mb"] = sum(v for k, v in chunk_memory_bytes((side,) * 3, ch, model.n_phases).items() if k != "in_memory") / 2 ** 20
    else:
        lab = decode_volume_with(model, z, cfg, progress=False)[0].argmax(0)   # what reconstruct and decode_to_zarr decode with
        out["decode_s"] = time.perf_counter() - t1
        out["peak_mb"] = peak_mb()
        ref = Path(f"/tmp/bench_ens_{side}_chunked.npy")
        if ref.exists():
            out["agree"] = float((np.load(ref) == lab.numpy()).mean()); ref.unlink()
    return out


def throughput(n: int, workers: int) -> dict:
    from dask.distributed import Client, LocalCluster
    from microlad.ensemble import EnsembleConfig, Task, run_ensemble
    from microlad.pipeline import bundled_weights
    w = bundled_weights("porous")
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as c, Client(c) as client:
        client.wait_for_workers(workers)
        with tempfile.TemporaryDirectory() as tmp:
            warm = EnsembleConfig(shape=(16, 16, 16), n_crops=4)
            with contextlib.redirect_stdout(sys.stderr):
                run_ensemble(w, tasks=[Task(f"w{i}", i, (16, 16, 16)) for i in range(2 * workers)], out=Path(tmp) / "warm",
                             config=warm, client=client, progress=False)
            t0 = time.perf_counter()
            with contextlib.redirect_stdout(sys.stderr):        # the dashboard link, off the table
                res = run_ensemble(w, n=n, out=Path(tmp) / "ens", config=EnsembleConfig(shape=(64, 64, 64)), client=client, progress=False)
            sec = time.perf_counter() - t0
    assert len(res.table) == n and not res.errors, res
    return dict(workers=workers, n=n, seconds=sec, per_min=60 * n / sec, task_s=float(res.table.seconds.median()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=4, help="64³ volumes per throughput row")
    ap.add_argument("--sides", type=int, nargs="+", default=[64, 128, 256])
    ap.add_argument("--steps", type=int, default=20, help="DDIM steps of the chunked-path rows")
    ap.add_argument("--refine", type=int, default=1, help="refinement passes K of the chunked-path rows")
    ap.add_argument("--threads", type=int, default=1, help="torch threads of the chunked-path rows")
    ap.add_argument("--skip-inmemory", type=int, nargs="*", default=[], help="sides without the in-memory comparison")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--skip-chunked", action="store_true")
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(one_volume(int(a.one[0]), a.one[1], a.steps, a.refine, a.threads))); return
    import torch
    print(f"# bench_ensemble: porous shipped cpu weights, torch {torch.__version__}, {platform.machine()}, "
          f"{os.cpu_count()} cores, load avg at start {os.getloadavg()[0]:.2f}")
    if not a.skip_throughput:
        print(f"\n## throughput: {a.n} × 64³ per row (LMPDDConfig.cpu(): DDIM 50, K=2; descriptors incl. 6 τ solves)")
        print("workers | wall s | volumes/min | median s/task")
        print("--------|--------|-------------|--------------")
        for w in (1, 2):
            r = throughput(a.n, w)
            print(f"{w:7d} | {r['seconds']:6.1f} | {r['per_min']:11.2f} | {r['task_s']:13.1f}", flush=True)
    if not a.skip_chunked:
        print(f"\n## chunked path (ChunkConfig.cpu(): cubes 64³, overlap 8, Zarr uint8) vs in-memory decode; "
              f"DDIM {a.steps}, K={a.refine}, {a.threads} torch thread(s), one fresh process per row")
        print("side | mode      | sample s | decode s | s per Mvoxel | RSS after model MB | peak RSS MB | growth MB | est. MB* | agree")
        print("-----|-----------|----------|----------|--------------|--------------------|-------------|-----------|----------|------")
        for side in a.sides:
            for mode in ("chunked", "inmemory"):
                if mode == "inmemory" and side in a.skip_inmemory: continue
                cmd = [sys.executable, __file__, "--one", str(side), mode, "--steps", str(a.steps), "--refine", str(a.refine),
                       "--threads", str(a.threads)]
                r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
                tot = r["sample_s"] + r["decode_s"]
                print(f"{side:4d} | {mode:9s} | {r['sample_s']:8.1f} | {r['decode_s']:8.1f} | {tot / side ** 3 * 1e6:12.2f} | "
                      f"{r['base_mb']:18.0f} | {r['peak_mb']:11.0f} | {r['peak_mb'] - r['base_mb']:9.0f} | "
                      f"{r.get('estimate_mb', float('nan')):8.1f} | {r['agree'] * 100 if 'agree' in r else float('nan'):5.2f}", flush=True)
        print("* est.: chunk_memory_bytes (latent state + one cube's buffers); network activations for one batch of slices")
        print("  (about constant: the batch shrinks as slices grow) and allocator slack are not in it. agree: % of voxels")
        print("  with the same label in the chunked and the in-memory decode of the same latent (one cube at 64³: 100 %).")
    print(f"\n# load avg at end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
