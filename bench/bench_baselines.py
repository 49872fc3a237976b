"""Table B.1 on this machine: microlad (VAE + LDM + L-MPDD), pixel-space MPDD and SliceGAN trained on the same
micrograph under the same CPU time budget, scored by the same code against the same held-out crops.

    # full run (hours): microlad's shipped weights; each baseline trains as long as microlad did (train_log.json)
    python bench/bench_baselines.py --micrograph porous --weights data/weights/porous --n 10 --side 64
    python bench/bench_baselines.py --micrograph ../shared/data/sandstone_256.npy --budget-min 30 --n 10
    # smoke test (a minute): a few training steps, one 32³ volume
    python bench/bench_baselines.py --micrograph anode --weights data/weights/anode --max-steps 3 --n 1 --side 32 --no-tau

Per method and phase: V_f (micrograph's beside it), S₂ ε_rel % (`microlad.cli.s2_numbers`: the volumes' slice-wise
S₂ against 64 held-out 64×64 crops of the micrograph, the code of microlad's own report), τ per axis
(`microlad.ensemble.volume_descriptors`, mean over the percolating volumes, with how many percolate), training
time and generation time per volume. The paper's Table B.1 (three-phase, RTX 4090) is printed beside it.
`--budget-min`: training time for each baseline (default: microlad's training time from the weights'
train_log.json). Without `--weights`, microlad is trained with the cpu preset (`--max-steps` caps its steps too)."""
import argparse, json, os, platform, time
from dataclasses import replace
from pathlib import Path

import numpy as np, torch

from microlad.data import read_micrograph, default_micrograph, DEFAULT_MICROGRAPHS, fingerprint
from microlad.cli import s2_numbers
from microlad.ensemble import volume_descriptors, AXES
from microlad.ldm import load_model
from microlad.lmpdd import reconstruct
from microlad.pipeline import train as train_microlad, preset
from microlad.baselines import MPDDConfig, SliceGANConfig, train_mpdd, train_slicegan, generate

PAPER_B1 = {"microlad": "max S2 eps_rel 6.13 %, < 10 s per 64³ volume (RTX 4090)",
            "mpdd": "max S2 eps_rel 12.44 %, ~30 min per 64³ volume",
            "slicegan": "max S2 eps_rel 11.01 %"}


def micrograph_path(name_or_path: str) -> Path:
    "A bundled micrograph name (porous, anode, ...) or a file path."
    return default_micrograph(name_or_path) if name_or_path in DEFAULT_MICROGRAPHS else Path(name_or_path)


def get_microlad(a, labels, out: Path):
    "(model, training seconds, how the time was obtained)."
    if a.weights:
        log = Path(a.weights) / "train_log.json"
        secs = json.loads(log.read_text()) if log.exists() else {}
        t = secs.get("vae_seconds", float("nan")) + secs.get("ldm_seconds", float("nan"))
        model = load_model(a.weights, device="cpu")
        if model.fingerprint != fingerprint(labels):
            print(f"# WARNING: {a.weights} was trained on another image (fingerprint {model.fingerprint}): microlad's "
                  "row is not a same-data comparison")
        return model, t, f"from {log}"
    p = preset("cpu", int(labels.max()) + 1)
    if a.max_steps:
        p.vae_train = replace(p.vae_train, steps=a.max_steps, every=a.max_steps)
        p.ldm_train = replace(p.ldm_train, steps=a.max_steps, every=a.max_steps)
    t0 = time.perf_counter()
    model = train_microlad(labels, out / "microlad", "cpu", device="cpu", progress=not a.quiet, p=p)
    return model, time.perf_counter() - t0, "measured"


def train_baseline(method: str, a, labels, out: Path, budget_s: float):
    "(model, training seconds) for 'mpdd' or 'slicegan' under `budget_s` seconds (and `--max-steps`)."
    cfg = MPDDConfig.cpu() if method == "mpdd" else SliceGANConfig.cpu()
    cfg = replace(cfg, steps=a.max_steps or 10 ** 9, every=min(cfg.every, a.max_steps or cfg.every))
    fn = train_mpdd if method == "mpdd" else train_slicegan
    t0 = time.perf_counter()
    model = fn(labels, cfg, out / method, device="cpu", progress=not a.quiet, time_budget_s=budget_s)
    return model, time.perf_counter() - t0


def generate_volumes(method: str, model, a) -> tuple[np.ndarray, float]:
    "`--n` label volumes `(n, side, side, side)` and the mean seconds per volume."
    shape, vols, t0 = (a.side,) * 3, [], time.perf_counter()
    for i in range(a.n):
        if method == "microlad": v = reconstruct(model, shape, n=1, seed=a.seed + i, progress=False)[0]
        else: v = generate(model, shape, n=1, seed=a.seed + i)[0]
        vols.append(v.cpu().numpy())
    return np.stack(vols), (time.perf_counter() - t0) / a.n


def score(vols: np.ndarray, labels: np.ndarray, with_tau: bool) -> dict:
    "S₂/V_f numbers (`s2_numbers`) and per-phase, per-axis mean τ over the percolating volumes."
    s = s2_numbers(vols, labels)
    P = len(s["rows"])
    tau = {}
    if with_tau:
        rows = [volume_descriptors(v, n_phases=P) for v in vols]
        for p in range(P):
            for x in AXES:
                ok = [r[f"tau_{p}_{x}"] for r in rows if r[f"perc_{p}_{x}"]]
                tau[p, x] = (float(np.mean(ok)) if ok else float("inf"), len(ok))
    return dict(s2=s, tau=tau)


def format_rows(method: str, train_s: float, how: str, gen_s: float, sc: dict, n: int) -> list[str]:
    s = sc["s2"]
    lines = []
    for r in s["rows"]:
        p = r.phase
        tau = "  ".join(f"{sc['tau'][p, x][0]:6.2f} ({sc['tau'][p, x][1]}/{n})" for x in AXES) if sc["tau"] else "-"
        lines.append(f"{method:9} {train_s:9.0f} {gen_s:9.2f} {p:5} {float(s['vf_volume'][p]):7.4f} "
                     f"{float(s['vf_micrograph'][p]):7.4f} {r.eps_rel:8.2f} {s['floor'][p].eps_rel:7.2f}   {tau}")
    lines.append(f"{'':9} max S2 eps_rel {max(r.eps_rel for r in s['rows']):.2f} %; training time {how}; "
                 f"paper Table B.1 (three-phase micrograph): {PAPER_B1[method]}")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--micrograph", required=True, help=f"bundled name ({', '.join(DEFAULT_MICROGRAPHS)}) or a path")
    ap.add_argument("--weights", default=None, help="microlad weights folder (vae.pt + ldm.pt); else train the cpu preset")
    ap.add_argument("--budget-min", type=float, default=None, help="training minutes per baseline (default: microlad's)")
    ap.add_argument("--max-steps", type=int, default=None, help="cap on training steps (smoke tests)")
    ap.add_argument("--methods", default="microlad,mpdd,slicegan")
    ap.add_argument("--n", type=int, default=10); ap.add_argument("--side", type=int, default=64)
    ap.add_argument("--seed", type=int, default=0); ap.add_argument("--out", default="runs/bench_baselines")
    ap.add_argument("--no-tau", action="store_true"); ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--threads", type=int, default=None)
    a = ap.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    path, out = micrograph_path(a.micrograph), Path(a.out)
    labels = read_micrograph(path)
    print(f"# bench_baselines: {path} {labels.shape}, {int(labels.max()) + 1} phases, fingerprint {fingerprint(labels)}; "
          f"{platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"load average {os.getloadavg()[0]:.2f}; {a.n} × {a.side}³ per method")
    methods, results = a.methods.split(","), []
    ml_model, ml_train, ml_how = get_microlad(a, labels, out) if "microlad" in methods else (None, None, "")
    budget_s = a.budget_min * 60 if a.budget_min is not None else ml_train
    if budget_s is None or not np.isfinite(budget_s):
        raise SystemExit("no training budget: pass --budget-min, or --weights whose train_log.json has the training time")
    print(f"# training budget per baseline: {budget_s / 60:.1f} min{' (microlad training time)' if a.budget_min is None else ''}"
          f"{f'; capped at {a.max_steps} steps' if a.max_steps else ''}")
    for m in methods:
        if m == "microlad": model, t, how = ml_model, ml_train, ml_how
        else:
            model, t = train_baseline(m, a, labels, out, budget_s)
            how = f"measured, {len(model.history.get('gen', model.history.get('loss', [])))} steps"
        vols, gen_s = generate_volumes(m, model, a)
        results += format_rows(m, t, how, gen_s, score(vols, labels, not a.no_tau), a.n)
    print("method    train_s   gen_s/vol  phase  Vf      Vf_img  S2eps%   floor%   tau x, y, z (percolating/n)")
    print("\n".join(results))


if __name__ == "__main__": main()
