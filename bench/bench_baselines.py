"""Table B.1 on this machine: microlad (VAE + LDM + L-MPDD), pixel-space MPDD and SliceGAN trained on the same
micrograph with the same CPU-time budget, scored by the same code against the same held-out crops (and, for the
synthetic micrographs, against the 3D truth their generator makes).

One method per process (run two side by side, one thread each), each writing `OUT/<micrograph>/<method>.json`;
`--table OUT` prints Table B.1 from those files:

    python bench/bench_baselines.py --micrograph anode --method slicegan --budget-min 8 --threads 1 --truth three_phase
    python bench/bench_baselines.py --micrograph ../shared/data/sandstone_256.npy --method mpdd --budget-min 8 --n 4
    python bench/bench_baselines.py --micrograph sofc_anode --method shipped --weights data/weights/sofc_anode
    python bench/bench_baselines.py --table runs/bench_baselines
    # after a change of the sampler: same microlad weights, new volumes and scores
    python bench/bench_baselines.py --micrograph anode --method microlad --regenerate --truth three_phase
    # smoke test (seconds): a 3-second budget, one 32³ volume
    python bench/bench_baselines.py --micrograph anode --method slicegan --budget-min 0.05 --n 1 --side 32 --no-tau

Methods: `microlad` (the cpu preset trained under the budget: `pipeline.train(time_budget_s=...)`, 45 % VAE),
`mpdd`, `slicegan` (their cpu presets under the budget), `shipped` (microlad's shipped weights, `--weights`, trained
to the end of the cpu preset: not an equal-budget row). The budget counts CPU seconds of the process
(`--clock cpu`, default) so that what else runs on the machine does not change it.

Per phase: V_f (micrograph's beside it), S₂ ε_rel % (`microlad.pipeline.s2_numbers`: the volumes' slice-wise S₂ against 64
held-out 64×64 crops of the micrograph, the code of microlad's own report; floor = training-band crops vs the same
held-out crops), τ per axis (`microlad.ensemble.volume_descriptors`, mean over the percolating volumes, with how
many percolate), training steps and CPU time, generation time per volume. With `--truth grf|three_phase`
(`microlad.truth`, 192³, seed 100: the 3D structures whose planar slices have the bundled porous / anode
micrographs' statistics) also max 3D S₂ ε_rel against the truth per phase (`truth.truth_report`)."""
import argparse, json, os, platform, time
from dataclasses import replace
from pathlib import Path

import numpy as np, torch

from microlad.data import read_micrograph, default_micrograph, DEFAULT_MICROGRAPHS, fingerprint, atomic_write
from microlad.pipeline import s2_numbers, generate_volumes as generate_volumes_of
from microlad.ensemble import volume_descriptors, AXES
from microlad.ldm import load_model
from microlad.lmpdd import LMPDDConfig
from microlad.pipeline import train as train_microlad
from microlad.baselines import (MPDDConfig, SliceGANConfig, train_mpdd, train_slicegan, load_baseline, comparison_summary,
                                comparison_table)
from microlad.truth import grf_volume, three_phase_volume, truth_report, truth_crops, chord_distribution, chord_distance

TRUTHS = {"grf": grf_volume, "three_phase": three_phase_volume}
TRUTH_SIDE, TRUTH_SEED = 192, 100


def micrograph_path(name_or_path: str) -> Path:
    "A bundled micrograph name (porous, anode, ...) or a file path."
    return default_micrograph(name_or_path) if name_or_path in DEFAULT_MICROGRAPHS else Path(name_or_path)


def train_method(a, labels, out: Path):
    "(model, steps description, CPU seconds, wall seconds) for `a.method` under `a.budget_min` CPU minutes."
    c0, t0, budget = time.process_time(), time.perf_counter(), a.budget_min * 60
    if a.method == "shipped":
        return load_model(a.weights, device="cpu"), "cpu preset to the end (shipped weights)", float("nan"), float("nan")
    if a.method == "microlad":
        model = train_microlad(labels, out, "cpu", device="cpu", progress=not a.quiet, time_budget_s=budget, budget_clock=a.clock)
        b = json.loads((out / "train_log.json").read_text())["budget"]
        steps = f"VAE {b['vae_steps']} + LDM {b['ldm_steps']}"
    else:
        cfg = (replace(MPDDConfig.cpu(), train=replace(MPDDConfig.cpu().train, steps=10 ** 9)) if a.method == "mpdd"
               else replace(SliceGANConfig.cpu(), steps=10 ** 9))
        fn = train_mpdd if a.method == "mpdd" else train_slicegan
        model = fn(labels, cfg, out, device="cpu", progress=not a.quiet, time_budget_s=budget, budget_clock=a.clock)
        steps = str(len(model.history["loss" if a.method == "mpdd" else "gen"]))
    return model, steps, time.process_time() - c0, time.perf_counter() - t0


def load_method(a, out: Path):
    "The trained model of `a.method` saved under `out` (`--weights` for `shipped`)."
    if a.method == "shipped": return load_model(a.weights, device="cpu")
    if a.method == "microlad": return load_model(out / a.method, device="cpu")
    return load_baseline(out / a.method, device="cpu")


def _with(a, **changes):
    "A copy of the parsed arguments with `changes`."
    return argparse.Namespace(**{**vars(a), **changes})


def generate_volumes(model, a) -> tuple[np.ndarray, float]:
    "`--n` label volumes `(n, side, side, side)` and the mean wall seconds per volume."
    shape, vols, t0 = (a.side,) * 3, [], time.perf_counter()
    for i in range(a.n):                               # one at a time: volume i is seed + i whatever --n is
        vols.append(generate_volumes_of(model, shape, n=1, seed=a.seed + i, progress=False)[0].cpu().numpy())
    return np.stack(vols), (time.perf_counter() - t0) / a.n


def score(vols: np.ndarray, labels: np.ndarray, a) -> dict:
    "S₂/V_f numbers, per-phase per-axis τ over the percolating volumes, and the 3D-truth S₂ errors (JSON-ready)."
    s = s2_numbers(vols, labels)
    P = len(s["rows"])
    res = dict(vf=[float(x) for x in s["vf_volume"]], vf_img=[float(x) for x in s["vf_micrograph"]],
               s2=[r.eps_rel for r in s["rows"]], floor=[r.eps_rel for r in s["floor"]], tau={}, truth=None)
    if not a.no_tau:
        rows = [volume_descriptors(v, n_phases=P) for v in vols]
        for p in range(P):
            for x in AXES:
                ok = [r[f"tau_{p}_{x}"] for r in rows if r[f"perc_{p}_{x}"]]
                res["tau"][f"{p}{x}"] = [float(np.mean(ok)) if ok else None, len(ok)]
    if a.truth: res["truth"] = truth_scores(vols, P, a)
    return res


def truth_scores(vols: np.ndarray, P: int, a) -> dict:
    """Against the 3D truth, per phase `[error, noise floor]`, the max over the three axes: S₂/SSA/chord %
    (`truth_report`), V_f (absolute) and the chord-distribution distance W₁ (voxels, `truth.chord_distance`)."""
    truth = TRUTHS[a.truth]((TRUTH_SIDE,) * 3, seed=TRUTH_SEED)
    rows = truth_report(vols, truth, n_phases=P, with_tau=False, seed=a.seed)
    res = {name: [[max(abs(r.err) for r in rows if r.phase == p and r.name == name),
                   max(abs(r.floor) for r in rows if r.phase == p and r.name == name)] for p in range(P)]
           for name in ("s2", "ssa", "chord")}
    res["vf"] = [[max(abs(r.err) for r in rows if r.phase == p and r.name == "vf"), 0.0] for p in range(P)]
    crops = truth_crops(truth, 2 * len(vols), vols.shape[1], a.seed)           # the crops truth_report compares with
    ref, other = crops[:len(vols)], crops[len(vols):]
    res["chord_w1"] = [[max(chord_distance(chord_distribution(v, p, x), chord_distribution(ref, p, x))
                            for x in range(3)) for v in (vols, other)] for p in range(P)]
    return res


def run_one(a) -> dict:
    path = micrograph_path(a.micrograph)
    labels = read_micrograph(path)
    name = a.name or path.stem
    out = Path(a.out) / name
    out.mkdir(parents=True, exist_ok=True)
    head = (f"{path} {labels.shape}, {int(labels.max()) + 1} phases, fingerprint {fingerprint(labels)}; {platform.machine()}, "
            f"{os.cpu_count()} cores, torch {torch.__version__}, {torch.get_num_threads()} threads, load average "
            f"{os.getloadavg()[0]:.2f}; budget {a.budget_min:g} min ({a.clock}); {a.n} × {a.side}³")
    print("#", a.method, head, flush=True)
    if a.rescore:                                      # same volumes: recompute the 3D-truth scores only
        res = json.loads((out / f"{a.method}.json").read_text())
        vols = np.load(out / f"{a.method}_volumes.npy").astype(np.int64)
        res["truth"], res["truth_case"] = truth_scores(vols, len(res["s2"]), a), a.truth
        with atomic_write(out / f"{a.method}.json", "w") as f: json.dump(res, f, indent=1)
        return res
    if a.regenerate or a.extend:                       # the saved weights and their training record
        if a.regenerate and a.method not in ("microlad", "shipped"): raise SystemExit("--regenerate is for microlad weights")
        old = json.loads((out / f"{a.method}.json").read_text())
        model = load_method(a, out)
        steps, cpu_s, wall_s, a.budget_min, a.clock = (old[k] for k in ("steps", "train_cpu_s", "train_wall_s", "budget_min", "clock"))
        when = time.strftime('%Y-%m-%d %H:%M')
        head = old["head"] + (f"; volumes regenerated {when} with {LMPDDConfig.cpu()}" if a.regenerate   # today's sampler
                              else f"; volumes {old['n']}..{a.n - 1} added {when} (same weights and sampler)")
    else: model, steps, cpu_s, wall_s = train_method(a, labels, out / a.method)
    if a.extend:
        kept = np.load(out / f"{a.method}_volumes.npy").astype(np.int64)
        if len(kept) != old["n"] or len(kept) >= a.n: raise SystemExit(f"--extend: {len(kept)} saved volumes, --n {a.n}")
        new, new_s = generate_volumes(model, _with(a, n=a.n - len(kept), seed=a.seed + len(kept)))  # volume i: seed + i
        vols, gen_s = np.concatenate([kept, new]), (old["gen_s"] * len(kept) + new_s * len(new)) / a.n
    else: vols, gen_s = generate_volumes(model, a)
    np.save(out / f"{a.method}_volumes.npy", vols.astype(np.uint8))
    res = dict(method=a.method, micrograph=str(path), name=name, head=head, budget_min=a.budget_min, clock=a.clock,
               steps=steps, train_cpu_s=cpu_s, train_wall_s=wall_s, gen_s=gen_s, n=a.n, side=a.side, truth_case=a.truth,
               load_end=os.getloadavg()[0], **score(vols, labels, a))
    with atomic_write(out / f"{a.method}.json", "w") as f: json.dump(res, f, indent=1)
    print(json.dumps(res), flush=True)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--micrograph", help=f"bundled name ({', '.join(DEFAULT_MICROGRAPHS)}) or a path")
    ap.add_argument("--name", default=None, help="folder name for the results (default: the file's stem)")
    ap.add_argument("--method", choices=["microlad", "mpdd", "slicegan", "shipped"])
    ap.add_argument("--weights", default=None, help="microlad weights folder for --method shipped")
    ap.add_argument("--budget-min", type=float, default=8.0, help="training CPU minutes per method")
    ap.add_argument("--clock", default="cpu", choices=["cpu", "wall"])
    ap.add_argument("--truth", default=None, choices=sorted(TRUTHS))
    ap.add_argument("--n", type=int, default=10); ap.add_argument("--side", type=int, default=64)
    ap.add_argument("--seed", type=int, default=0); ap.add_argument("--out", default="runs/bench_baselines")
    ap.add_argument("--no-tau", action="store_true"); ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--rescore", action="store_true", help="recompute the 3D-truth scores of the saved volumes (--truth)")
    ap.add_argument("--regenerate", action="store_true",
                    help="microlad/shipped only: keep the trained weights and the JSON's training record, regenerate and rescore")
    ap.add_argument("--extend", action="store_true",
                    help="keep the saved volumes (seeds --seed .. --seed+k-1) and the training record, add volumes up to --n "
                         "with the same weights, rescore all")
    ap.add_argument("--table", default=None, help="print Table B.1 from the results under this folder and stop")
    a = ap.parse_args()
    if a.table: print(comparison_summary(a.table), "", comparison_table(a.table), sep="\n"); return
    if not (a.micrograph and a.method): ap.error("--micrograph and --method are required (or --table)")
    if a.method == "shipped" and not a.weights and not a.rescore: ap.error("--method shipped needs --weights")
    if a.threads: torch.set_num_threads(a.threads)
    run_one(a)


if __name__ == "__main__": main()
