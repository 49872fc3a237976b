"""Product-of-experts fusion of the three axis decodes (mean of log-probabilities) vs the default arithmetic mean,
same sampled latents, against the particulate truth."""
import argparse, time, numpy as np, torch
from microlad.ldm import load_model
from microlad.lmpdd import (LMPDDConfig, sample_latent_volume, _map_slices, _upsample_axis, decode_volume, label_targets,
                            refinement_labels, label_volumes, smoothing_sigma, argmax_one_hot, encode_slices)
from microlad.vae import decode_latents
from microlad.truth import truth_report, format_truth_report

def poe_decode(model, z, refine_iters=2, batch_size=64, upsample="linear", power=1.0, refine_poe=True):
    n, C, d, h, w = z.shape
    full = tuple(model.vae.factor * s for s in (d, h, w))
    lg = lambda p: p.clamp_min(1e-4).log()
    acc = torch.zeros(n, model.n_phases, *full)
    for a in range(3):
        _map_slices(lambda s: lg(decode_latents(model.vae, s)), _upsample_axis(z, a, full[a], upsample), a, acc, batch_size)
    cur = torch.softmax(acc * power / 3, 1)
    f0 = label_targets(model, cur, "training")
    for _ in range(refine_iters):
        inp = refinement_labels(cur, "training", f0)
        nxt = torch.zeros_like(cur)
        fn = (lambda s: lg(decode_latents(model.vae, encode_slices(model.vae, argmax_one_hot(s))))) if refine_poe else \
             (lambda s: decode_latents(model.vae, encode_slices(model.vae, argmax_one_hot(s))))
        for a in range(3): _map_slices(fn, inp, a, nxt, batch_size)
        cur = torch.softmax(nxt * power / 3, 1) if refine_poe else nxt / 3
    return cur, f0

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--weights", default="/work/runs/partic_ldm4k"); ap.add_argument("--truth", default="/work/runs/partic_truth192.npy")
    ap.add_argument("--n", type=int, default=8); ap.add_argument("--side", type=int, default=64)
    ap.add_argument("--power", type=float, default=1.0); ap.add_argument("--no-refine-poe", action="store_true")
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args(); torch.set_num_threads(a.threads)
    model = load_model(a.weights); cfg = LMPDDConfig.cpu()
    truth = np.load(a.truth).astype(np.int64)
    with torch.no_grad():
        z = sample_latent_volume(model, (a.side,) * 3, a.n, cfg, seed=0, progress=False)
        sig = smoothing_sigma(model, cfg)
        p0, f0 = decode_volume(model, z, cfg.refine_iters, cfg.batch_size, cfg.upsample, cfg.refine_input, progress=False,
                               label_fractions=cfg.label_fractions, return_fractions=True)
        base = label_volumes(p0, sig, f0)
        t = time.perf_counter()
        p1, f1 = poe_decode(model, z, cfg.refine_iters, cfg.batch_size, cfg.upsample, a.power, not a.no_refine_poe)
        print(f"poe decode {time.perf_counter() - t:.0f} s", flush=True)
        poe = label_volumes(p1, sig, f1)
        poe0 = label_volumes(p1, 0.0, f1)
    keep = ("vf", "s2", "chord", "sections", "tau")
    for name, g in (("default", base), ("poe", poe), ("poe, no smoothing", poe0)):
        rows = truth_report(np.asarray(g), truth, n_phases=model.n_phases)
        print(format_truth_report([r for r in rows if r.name in keep], f"{name} ({a.n} x {a.side}^3)"), flush=True)
