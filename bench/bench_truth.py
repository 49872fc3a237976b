"""3D ground-truth bench: reconstruct with weights trained on ONE 2D slice (or a 2D field with a slice's
statistics) and compare with the true 3D structure per phase and per axis, beside the noise floor.

    python bench/bench_truth.py --case grf --weights data/weights/porous --n 8 --side 64
    python bench/bench_truth.py --case three_phase --weights data/weights/anode --n 2 --side 128
    python bench/bench_truth.py --case particulate --weights runs/particulate --n 8 --side 64

The bundled porous/anode weights were trained on 2D fields with exactly the statistics of a planar slice
of `grf_volume` / `three_phase_volume` (Gaussian smoothing is separable). `--write-slice PATH` writes the
truth's middle slice, to train on: `microlad train PATH --out runs/<case>`."""
import argparse, os, platform, time
import numpy as np, torch
from microlad.truth import grf_volume, three_phase_volume, particulate_volume, reconstruct_vs_truth, format_truth_report
from microlad.ldm import load_model
from microlad.data import save_micrograph
from microlad.lmpdd import LMPDDConfig

CASES = {"grf": grf_volume, "three_phase": three_phase_volume, "particulate": particulate_volume}

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--case", choices=sorted(CASES), required=True)
    ap.add_argument("--weights", default=None)
    ap.add_argument("--truth-side", type=int, default=256, help="side of the cubic truth volume")
    ap.add_argument("--n", type=int, default=8); ap.add_argument("--side", type=int, default=64)
    ap.add_argument("--seed", type=int, default=0); ap.add_argument("--no-tau", action="store_true")
    ap.add_argument("--write-slice", default=None)
    ap.add_argument("--threads", type=int, default=None)
    a = ap.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    t0 = time.perf_counter()
    truth = CASES[a.case]((a.truth_side,) * 3, seed=100)
    print(f"# bench_truth: {a.case} truth {truth.shape} (seed 100, made in {time.perf_counter() - t0:.0f} s), fractions "
          f"{np.round(np.bincount(truth.ravel()) / truth.size, 4).tolist()}")
    if a.write_slice:
        save_micrograph(truth[a.truth_side // 2], a.write_slice); print(f"# wrote the middle slice to {a.write_slice}")
    if not a.weights: return
    model = load_model(a.weights)
    print(f"# weights {a.weights}; {platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads, load average {os.getloadavg()[0]:.2f}; {LMPDDConfig.cpu()}")
    t = time.perf_counter()
    rows = reconstruct_vs_truth(model, truth, n=a.n, side=a.side, seed=a.seed, with_tau=not a.no_tau)
    print(format_truth_report(rows, f"{a.n} × {a.side}³ generated vs {a.n} truth crops; noise floor: {a.n} other truth crops "
                                    f"({time.perf_counter() - t:.0f} s incl. τ)"))

if __name__ == "__main__": main()
