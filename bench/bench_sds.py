"""SDS inverse-design benchmark, the parametric table of the paper's Tables E.1–E.3: objective
error and seconds vs guidance weight, learning rate and steps, for V_f, SA and D_e targets on
one phase (default: the pore phase, 1, of the bundled porous micrograph).

    .venv/bin/python bench/bench_sds.py                  # full grid: weight {1,5} × lr {0.1,0.05,0.01} × steps {500,1000,2000}
    .venv/bin/python bench/bench_sds.py --quick          # weight 1, lr {0.1, 0.01}, 500 steps
    .venv/bin/python bench/bench_sds.py --objectives vf --weights 1 --lrs 0.1 --steps 500
    .venv/bin/python bench/bench_sds.py --tiny           # no shipped weights: a tiny model trained in seconds (timing + plumbing only)
    .venv/bin/python bench/bench_sds.py --objectives de --feedback 0               # D_e without the integral feedback
    .venv/bin/python bench/bench_sds.py --objectives de --lr-end 0.02 --lr-hold 0.5  # hold lr for half the run, then decay

The start is one L-MPDD volume (`--size`³, `--seed`, default 0; the guided run uses the same seed). Every (objective, weight, lr) is ONE guided
run to the largest step count; the rows for smaller step counts are read off the same run
(same seed, so they equal separate shorter runs). Targets are '+' (the training maximum of the
descriptor over 64×64 crops). The error is |descriptor of the argmax label volume − target|,
averaged over all slices along the three axes (D_e: both in-plane directions). Seconds are the
guide loop only (evaluation excluded): `wall s` is elapsed time, `cpu s` the process CPU time
(with 1 thread, what the wall time would be on an idle core). Everything else is `SDSConfig.cpu()`. The machine load is
printed: on a shared CPU the seconds are inflated. Bars (2 CPU cores, cpu preset): 500 steps
<= 60 s for V_f and SA, <= 90 s for D_e.
"""
from __future__ import annotations
import argparse, os, platform, sys, tempfile, time
from dataclasses import replace

import torch

from microlad.sds import SDSConfig, WRITE_BACKS, VolumeFraction, SurfaceArea, Diffusivity, guide, evaluate
from microlad.descriptors import training_stats
from microlad.lmpdd import reconstruct

OBJECTIVES = {"vf": VolumeFraction, "sa": SurfaceArea, "de": Diffusivity}
BARS = {"vf": 60.0, "sa": 60.0, "de": 90.0}


def tiny_model(name: str):
    "A tiny VAE + U-Net trained for a few seconds (numbers are for timing/plumbing, not quality)."
    from microlad.vae import VAEConfig, VAETrainConfig, train_vae
    from microlad.ldm import UNetConfig, LDMTrainConfig, DiffusionConfig, train_ldm
    from microlad.data import read_micrograph, default_micrograph
    img = read_micrograph(default_micrograph(name))
    d = tempfile.mkdtemp(prefix="bench_sds_")
    vae = train_vae(img, VAEConfig(int(img.max()) + 1, (8, 8, 16), 1, False, 4, 4),
                    VAETrainConfig(steps=60, batch_size=8, n_patches=64, lr=3e-3, kl_weight=1e-4, every=500), d, progress=False)
    return train_ldm(img, vae, UNetConfig(channels=(16, 16, 16), n_res=1, attention=(False, False, False), groups=4),
                     LDMTrainConfig(steps=40, batch_size=16, lr=2e-3, ema_decay=0.999, n_patches=64, every=40), DiffusionConfig(),
                     out_dir=d, progress=False)


def floats(s): return tuple(float(x) for x in s.split(","))
def ints(s): return tuple(int(x) for x in s.split(","))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--name", default="porous")
    ap.add_argument("--phase", type=int, default=1, help="phase to steer (porous: 1 = pore)")
    ap.add_argument("--size", type=int, default=64, help="cube side of the start volume")
    ap.add_argument("--objectives", default="vf,sa,de")
    ap.add_argument("--weights", type=floats, default=(1.0, 5.0))
    ap.add_argument("--lrs", type=floats, default=(0.1, 0.05, 0.01))
    ap.add_argument("--steps", type=ints, default=(500, 1000, 2000))
    ap.add_argument("--target", default="+", help="'+', '++' or a number")
    ap.add_argument("--quick", action="store_true", help="weight 1, lr {0.1, 0.01}, 500 steps")
    ap.add_argument("--tiny", action="store_true", help="use a tiny model trained here instead of the shipped weights")
    ap.add_argument("--slices", type=int, default=None, help="override SDSConfig.cpu().slices_per_step")
    ap.add_argument("--inner", type=int, default=None, help="override SDSConfig.cpu().inner_steps")
    ap.add_argument("--t-range", default=None, help="override SDSConfig.cpu().t_range, e.g. 50,300")
    ap.add_argument("--lr-end", type=float, default=None, help="SDSConfig.lr_end: geometric lr decay to this value "
                    "(the schedule depends on the run length, so each step count is then its own run)")
    ap.add_argument("--lr-hold", type=float, default=0.0, help="SDSConfig.lr_hold: fraction of the steps at full lr before the decay")
    ap.add_argument("--feedback", type=float, default=None, help="SDSConfig.feedback_gain (integral feedback on the volume, per unit lr; 0: off)")
    ap.add_argument("--write-back", choices=WRITE_BACKS, default=None, help="SDSConfig.write_back")
    ap.add_argument("--seed", type=int, default=0, help="seed of the start volume and of the guided run")
    ap.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's choice / OMP_NUM_THREADS)")
    a = ap.parse_args()
    if a.quick: a.weights, a.lrs, a.steps = (1.0,), (0.1, 0.01), (500,)
    if a.threads: torch.set_num_threads(a.threads)
    target = a.target if a.target in ("+", "++") else float(a.target)

    if a.tiny: model, weights = tiny_model(a.name), "tiny model trained in this run"
    else:
        from microlad.pipeline import bundled_model, bundled_weights
        model, weights = bundled_model(a.name, device="cpu"), str(bundled_weights(a.name))
    stats = training_stats(model if not a.tiny else a.name)
    _, probs = reconstruct(model, (a.size,) * 3, n=1, seed=a.seed, progress=False, return_probs=True)
    start = probs[0]
    cfg = SDSConfig.cpu()
    if a.slices: cfg.slices_per_step = a.slices
    if a.inner: cfg.inner_steps = a.inner
    if a.t_range: cfg.t_range = tuple(int(t) for t in a.t_range.split(","))
    if a.lr_end: cfg.lr_end, cfg.lr_hold = a.lr_end, a.lr_hold
    if a.feedback is not None: cfg.feedback_gain = a.feedback
    if a.write_back: cfg.write_back = a.write_back
    print(f"# bench_sds: {a.name}, phase {a.phase}, start = L-MPDD {a.size}³ (seed {a.seed}); weights: {weights}")
    print(f"# {platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"load average {os.getloadavg()[0]:.2f} (at start)")
    print(f"# SDSConfig = {cfg}")
    print()
    print("| objective | target | start | weight | lr | steps | value | abs error | rel error % | wall s | cpu s | 500-step bar |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for key in a.objectives.split(","):
        cls = OBJECTIVES[key]
        probe = cls(a.phase, target).resolve(stats)
        v0 = evaluate(start.argmax(0), [probe])[probe.label]
        for w in a.weights:
            for lr in a.lrs:
                # constant lr: one run, rows read off at each mark; a decaying lr: one run per step count
                for marks in ([set(a.steps)] if cfg.lr_end is None else [{n} for n in a.steps]):
                    rows = []
                    clock = dict(t0=time.perf_counter(), c0=time.process_time(), excl=0.0, cexcl=0.0)

                    def cb(rec):
                        done, vol = rec.done, rec.volume
                        if done not in marks: return
                        el = time.perf_counter() - clock["t0"] - clock["excl"]
                        cpu = time.process_time() - clock["c0"] - clock["cexcl"]
                        te, tc = time.perf_counter(), time.process_time()
                        v = evaluate(vol.argmax(0).cpu(), [probe])[probe.label]
                        clock["excl"] += time.perf_counter() - te; clock["cexcl"] += time.process_time() - tc
                        rows.append((done, v, el, cpu))

                    guide(start, model, [cls(a.phase, target, weight=w)], config=replace(cfg, steps=max(marks), lr=lr), seed=a.seed,
                          stats=stats, progress=False, callback=cb)
                    for done, v, el, cpu in rows:
                        bar = ""
                        if done == 500: bar = (f"wall {'ok' if el <= BARS[key] else 'OVER'}, cpu {'ok' if cpu <= BARS[key] else 'OVER'}"
                                               f" (<= {BARS[key]:.0f} s)")
                        print(f"| {probe.label} | {probe.target:.4f} | {v0:.4f} | {w:g} | {lr:g} | {done} | {v:.4f} | "
                              f"{abs(v - probe.target):.4f} | {100 * abs(v - probe.target) / probe.target:.1f} | {el:.1f} | {cpu:.1f} | {bar} |",
                              flush=True)
    print(f"\n# load average {os.getloadavg()[0]:.2f} (at end)")


if __name__ == "__main__":
    main()
