"""3D ground-truth bench: reconstruct with weights trained on ONE 2D slice (or a 2D field with a slice's
statistics) and compare with the true 3D structure per phase and per axis, beside the noise floor.

    python bench/bench_truth.py --case grf --weights data/weights/porous --n 8 --side 64
    python bench/bench_truth.py --case three_phase --weights data/weights/anode --n 2 --side 128
    python bench/bench_truth.py --case particulate --weights runs/particulate --n 8 --side 64
    python3 bench/bench_truth.py --truth-file truth.npy --weights runs/partic_paper --preset paper   # GPU, no PoreSpy there

The bundled porous/anode weights were trained on 2D fields with exactly the statistics of a planar slice
of `grf_volume` / `three_phase_volume` (Gaussian smoothing is separable). `--write-slice PATH` writes the
truth's middle slice, to train on: `microlad train PATH --out runs/<case>`."""
import argparse, os, platform, time
from overrides import apply_overrides
import numpy as np, torch
from microlad.truth import grf_volume, three_phase_volume, particulate_volume, reconstruct_vs_truth, format_truth_report, slice_floor
from microlad.ldm import load_model
from microlad.data import save_micrograph, read_micrograph
from microlad.pipeline import PRESETS, preset

CASES = {"grf": grf_volume, "three_phase": three_phase_volume, "particulate": particulate_volume}

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--case", choices=sorted(CASES))
    ap.add_argument("--weights", default=None)
    ap.add_argument("--truth-side", type=int, default=256, help="side of the cubic truth volume")
    ap.add_argument("--n", type=int, default=8); ap.add_argument("--side", type=int, default=64)
    ap.add_argument("--seed", type=int, default=0); ap.add_argument("--no-tau", action="store_true")
    ap.add_argument("--write-slice", default=None)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--truth-file", default=None, help="a saved truth volume (.npy) instead of --case")
    ap.add_argument("--save-truth", default=None, help="write the --case truth volume to this .npy (uint8)")
    ap.add_argument("--preset", choices=PRESETS, default="cpu", help="sampler settings: that preset's LMPDDConfig")
    ap.add_argument("--device", default=None, help="cpu, cuda, ...; default: cuda when present")
    ap.add_argument("--set", action="append", metavar="FIELD=VALUE", help="change an LMPDDConfig field (repeatable)")
    ap.add_argument("--micrograph", default=None, help="the training image: prints its slice floor (truth.slice_floor, also "
                    "without --weights), and --set fraction_spread=True needs it for unbundled weights")
    ap.add_argument("--truth-fractions", action="store_true", help="label the volumes at the truth crops' mean phase "
                    "fractions instead of the model's: the errors left are the structure's, not the training slice's fractions")
    a = ap.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    t0 = time.perf_counter()
    if (a.case is None) == (a.truth_file is None): ap.error("give one of --case or --truth-file")
    truth = np.load(a.truth_file).astype(np.int64) if a.truth_file else CASES[a.case]((a.truth_side,) * 3, seed=100)
    if a.save_truth: np.save(a.save_truth, truth.astype(np.uint8))
    print(f"# bench_truth: {a.case or a.truth_file} truth {truth.shape} ({'read' if a.truth_file else 'seed 100, made'} in {time.perf_counter() - t0:.0f} s), fractions "
          f"{np.round(np.bincount(truth.ravel()) / truth.size, 4).tolist()}")
    if a.write_slice:
        save_micrograph(truth[a.truth_side // 2], a.write_slice); print(f"# wrote the middle slice to {a.write_slice}")
    if a.micrograph:
        mic = read_micrograph(a.micrograph, n_phases=int(truth.max()) + 1)
        print(format_truth_report(slice_floor(mic, truth, a.n, a.side, a.seed),
                                  f"slice floor: the training region of {a.micrograph} vs the same {a.n} truth crops of {a.side}³ "
                                  "(what a model of this one slice can reach)"))
    if not a.weights: return
    model = load_model(a.weights, device=a.device)
    cfg = preset(a.preset, model.n_phases).lmpdd
    cfg = apply_overrides(cfg, a.set)
    print(f"# weights {a.weights}; {platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__} on {model.device}, "
          f"{torch.get_num_threads()} threads, load average {os.getloadavg()[0]:.2f}; {cfg}")
    t = time.perf_counter()
    if a.truth_fractions: print("# labelled at the truth crops' mean fractions (truth_fractions=True)")
    rows = reconstruct_vs_truth(model, truth, n=a.n, side=a.side, seed=a.seed, with_tau=not a.no_tau, config=cfg,
                                micrograph=a.micrograph, truth_fractions=a.truth_fractions)
    print(format_truth_report(rows, f"{a.n} × {a.side}³ generated vs {a.n} truth crops; noise floor: {a.n} other truth crops "
                                    f"({time.perf_counter() - t:.0f} s incl. τ)"))

if __name__ == "__main__": main()
