"""Table 1 of the paper for any trained weights: S₂ ε_rel per phase of generated 3D volumes (slice-wise,
all three axes) against held-out crops of the training micrograph, beside the noise floor (training crops
vs the same held-out crops), the phase fractions, and seconds per volume.

The last columns use the paper's protocol (SPEC §5, "errors vs the training images"): the same raw volumes against
the training region the model learnt from, cut into its 64² tiles (`data.region_tiles`, every pixel once; random
crops would weight the region's middle more than its edges), and the held-out band's tiles against the same training
tiles (how much the micrograph's two regions differ). The first says how faithfully the volumes reproduce what the
model saw; it is not a validation: where the bands differ only the held-out columns say how well the volumes stand
for the material outside the training region.

    .venv/bin/python bench/bench_table1.py --name sofc_anode --n 10          # shipped weights of a bundled micrograph
    .venv/bin/python bench/bench_table1.py --name porous --n 10 --no-match   # the sampler without moment matching
    .venv/bin/python bench/bench_table1.py --micrograph ../shared/data/sandstone_256.npy --weights runs/sandstone
    python3 bench/bench_table1.py --micrograph data/sofc_anode.png --weights runs/sofc_paper --preset paper   # GPU

`raw` is `reconstruct`'s labels (at each volume's expected fractions, or the argmax with `--set label_fractions=argmax`); `matched` applies `match_phase_fractions` with the
training crops' fractions (the optional post-hoc correction). V_f in brackets: the training region's (its tiles). The machine and its load are printed.
"""
from __future__ import annotations
import argparse, os, platform, time
from overrides import apply_overrides
from dataclasses import replace

import torch

from microlad.data import default_micrograph, read_micrograph, reference_crops, region_tiles
from microlad.descriptors import s2_report, phase_fractions
from microlad.lmpdd import reconstruct, match_phase_fractions, label_volumes, stored_fractions
from microlad.pipeline import PRESETS, preset


def table(name: str, rows_raw, rows_matched, floor, rows_train, floor_train, fr_gen, fr_train, secs: float,
          second: str = "matched", last: str = "held-out band") -> str:
    "One Table 1 block; `second` / `last` name what the 2nd ε_rel column and the last one score (`rows_matched`, `floor_train`)."
    head = (f"| {name} | phase | V_f generated (training region) | ε_rel raw % | ε_rel {second} % | noise floor % "
            f"| raw vs training region % (paper's protocol) | {last} vs training region % |\n|---|---|---|---|---|---|---|---|")
    lines = [f"| | {r.phase} | {g:.3f} ({t:.3f}) | {r.eps_rel:.2f} | {m.eps_rel:.2f} | {f.eps_rel:.2f} | {rt.eps_rel:.2f} "
             f"| {ft.eps_rel:.2f} |"
             for r, m, f, rt, ft, g, t in zip(rows_raw, rows_matched, floor, rows_train, floor_train, fr_gen.tolist(),
                                               fr_train.tolist())]
    return "\n".join([head, *lines, f"\n{secs:.1f} s per volume (sample + decode)"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--name", default="sofc_anode", help="bundled micrograph (its shipped weights unless --weights)")
    ap.add_argument("--micrograph", default="", help="micrograph file instead of a bundled name")
    ap.add_argument("--weights", default="", help="folder with vae.pt + ldm.pt")
    ap.add_argument("--n", type=int, default=10)
    ap.add_argument("--size", type=int, default=64)
    ap.add_argument("--n-ref", type=int, default=256)
    ap.add_argument("--seed", type=int, default=0, help="reconstruct's seed")
    ap.add_argument("--guide-steps", type=int, default=0,
                    help="also S₂-guide the first --guide-n volumes this many SDS steps (sds.guide, --sds-preset, every "
                         "phase's TwoPointCorrelation toward the training curve) and score them the same way")
    ap.add_argument("--guide-n", type=int, default=None, help="how many volumes to guide (default: all)")
    ap.add_argument("--sds-preset", choices=("cpu", "paper"), default="cpu",
                    help="the guidance's SDSConfig (paper: lr 1e-3, one slice per step), with --guide-steps steps")
    ap.add_argument("--guide-from", choices=("labels", "probs"), default="labels",
                    help="what guide starts from: the labels, as `microlad guide` and the ensemble start, or the smoothed "
                         "probabilities (their argmax need not have the labels' fractions; the default before the "
                         "seventeenth session)")
    ap.add_argument("--s2-slice-fraction", choices=("start", "own", "target"), default="start",
                    help="at which fraction the S₂ objectives compare each slice (TwoPointCorrelation.slice_fraction; "
                         "'target' is what ran before the seventeenth session)")
    ap.add_argument("--sds-set", action="append", metavar="FIELD=VALUE", help="change an SDSConfig field (repeatable)")
    ap.add_argument("--no-match", action="store_true", help="sample without moment matching")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--preset", choices=PRESETS, default="cpu", help="sampler settings: that preset's LMPDDConfig")
    ap.add_argument("--device", default=None, help="cpu, cuda, ...; default: cuda when present")
    ap.add_argument("--set", action="append", metavar="FIELD=VALUE", help="change an LMPDDConfig field (repeatable)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    from microlad.ldm import load_model
    from microlad.pipeline import bundled_weights
    mic_path = a.micrograph or default_micrograph(a.name)
    model = load_model(a.weights or bundled_weights(a.name), device=a.device)
    mic, P = read_micrograph(mic_path, n_phases=model.n_phases), model.n_phases
    cfg = replace(preset(a.preset, P).lmpdd, match_moments=not a.no_match)
    cfg = apply_overrides(cfg, a.set)
    print(f"# {mic_path}, weights {a.weights or bundled_weights(a.name)}; {platform.machine()}, {os.cpu_count()} cores, "
          f"torch {torch.__version__} on {model.device}, {a.threads} threads, load {os.getloadavg()[0]:.2f}; {cfg}")
    t0 = time.perf_counter()
    lab, probs = reconstruct(model, (a.size,) * 3, n=a.n, seed=a.seed, config=cfg, progress=False, return_probs=True)
    if model.device.type == "cuda": torch.cuda.synchronize()
    lab, probs = lab.cpu(), probs.cpu()
    secs = (time.perf_counter() - t0) / a.n
    ref = reference_crops(mic, n=a.n_ref)
    train = reference_crops(mic, n=a.n_ref, split="train")
    tiles, tiles_val = region_tiles(mic), region_tiles(mic, split="val")
    fr_train = phase_fractions(train, P)
    matched = torch.stack([match_phase_fractions(p, fr_train) for p in probs])
    floor, fr_tiles = s2_report(train, ref, P), phase_fractions(tiles, P)
    print(table(a.name if not a.micrograph else a.micrograph, s2_report(lab, ref, P), s2_report(matched, ref, P),
                floor, s2_report(lab, tiles, P), s2_report(tiles_val, tiles, P), phase_fractions(lab, P), fr_tiles, secs))
    if a.guide_steps:
        from microlad.sds import SDSConfig, TwoPointCorrelation, guide
        k, t0 = a.guide_n or a.n, time.perf_counter()
        sds = apply_overrides(replace(getattr(SDSConfig, a.sds_preset)(), steps=a.guide_steps), a.sds_set)
        start = probs if a.guide_from == "probs" else lab
        res = [guide(start[i], model, [TwoPointCorrelation(p, slice_fraction=a.s2_slice_fraction) for p in range(P)], seed=a.seed + i, config=sds, progress=False)
               for i in range(k)]
        gsecs = (time.perf_counter() - t0) / k
        unguided, unguided_tiles = s2_report(lab[:k], ref, P), s2_report(lab[:k], tiles, P)
        guided = lambda name, g: table(name, s2_report(g, ref, P), unguided, floor, s2_report(g, tiles, P), unguided_tiles,
                                       phase_fractions(g, P), fr_tiles, gsecs, second="unguided", last="unguided")
        print(f"\nS₂-guided ({a.guide_steps} SDS steps, {sds}, from the {a.guide_from}), the first {k} volumes; unguided, the same {k}:")
        print(guided("guided", torch.stack([r.labels.cpu() for r in res])))
        fr = stored_fractions(model)
        if fr is not None:        # guide's labels are the argmax; relabel at the training fractions as reconstruct does
            print("\nThe same guided volumes labelled at the training region's fractions (`lmpdd.label_volumes`):")
            print(guided("guided, relabelled", label_volumes(torch.stack([r.probs.cpu() for r in res]), fractions=fr)))


if __name__ == "__main__":
    main()
