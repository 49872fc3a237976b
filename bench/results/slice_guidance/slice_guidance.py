"""Prototype: SDS guidance toward the micrograph's per-phase slice Euler density (soft, 4-connected)."""
import sys, time, json, argparse
from dataclasses import dataclass, replace
from typing import ClassVar
import numpy as np, torch
from skimage.measure import euler_number
from microlad.ldm import load_model
from microlad.lmpdd import reconstruct, LMPDDConfig, label_volumes, stored_fractions
from microlad.sds import Objective, guide, SDSConfig
from microlad.data import read_micrograph
from microlad.truth import truth_report, format_truth_report

def euler_density(f):
    "(B,h,w) in [0,1] -> (B,) soft Euler number (4-connected) per 1000 px; exact on binary."
    V = f.sum((-2, -1))
    E = (f[..., :, 1:] * f[..., :, :-1]).sum((-2, -1)) + (f[..., 1:, :] * f[..., :-1, :]).sum((-2, -1))
    Q = (f[..., 1:, 1:] * f[..., :-1, 1:] * f[..., 1:, :-1] * f[..., :-1, :-1]).sum((-2, -1))
    return 1000 * (V - E + Q) / (f.shape[-1] * f.shape[-2])

@dataclass
class EulerDensity(Objective):
    key: ClassVar[str] = "euler"
    scale: ClassVar[float] = 0.05
    relative: ClassVar[bool] = True
    symbol: ClassVar[str] = "chi"
    def value(self, probs, plane_axes=(1, 2)): return euler_density(probs[:, self.phase])

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--weights", default="/work/runs/partic_ldm4k")
    ap.add_argument("--truth", default="/work/runs/partic_truth192.npy")
    ap.add_argument("--slice", default="/work/main/bench/results/particulate/particulate_slice.png")
    ap.add_argument("--n", type=int, default=2); ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--steps", type=int, default=500); ap.add_argument("--weight", type=float, default=1.0)
    ap.add_argument("--phases", default="0,1,2"); ap.add_argument("--st", type=int, default=0)
    ap.add_argument("--sds", type=float, default=1.0); ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--vf", type=float, default=0); ap.add_argument("--de", default=""); ap.add_argument("--de-weight", type=float, default=1.0); ap.add_argument("--side", type=int, default=64); ap.add_argument("--relabel", type=int, default=1); ap.add_argument("--threads", type=int, default=1); ap.add_argument("--out", default=None)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    # check vs skimage
    rng = np.random.default_rng(0)
    for _ in range(5):
        b = rng.random((40, 40)) < 0.5
        assert abs(float(euler_density(torch.tensor(b, dtype=torch.float32)[None])[0]) * 1.6 - euler_number(b, connectivity=1)) < 1e-3
    m = np.asarray(read_micrograph(a.slice)); P = int(m.max()) + 1
    crops = np.stack([m[i:i + 64, j:j + 64] for i in range(0, m.shape[0] - 63, 32) for j in range(0, m.shape[1] - 63, 32)])
    tgt = [float(euler_density(torch.tensor(crops == p, dtype=torch.float32)).mean()) for p in range(P)]
    print("micrograph euler/1000px per phase", np.round(tgt, 3), flush=True)
    model = load_model(a.weights)
    t = time.perf_counter()
    vols = reconstruct(model, shape=(a.side,) * 3, n=a.n, seed=a.seed, progress=False)
    print(f"reconstruct {time.perf_counter() - t:.0f} s", flush=True)
    def stats(v):
        v = torch.as_tensor(v)
        return [round(float(np.mean([float(euler_density((v == p).float().movedim(ax, 0)).mean()) for ax in range(3)])), 3) for p in range(P)]
    print("raw euler", [stats(v) for v in vols], flush=True)
    objs = [EulerDensity(p, tgt[p], a.weight) for p in map(int, a.phases.split(","))] if a.weight > 0 else []
    if a.vf:
        from microlad.sds import VolumeFraction
        fr = stored_fractions(model)
        objs += [VolumeFraction(p, float(fr[p]), a.vf) for p in range(P)]
    if a.de:
        from microlad.sds import Diffusivity
        for item in a.de.split(","):
            p, t = item.split(":"); objs.append(Diffusivity(int(p), float(t), a.de_weight))
    print(objs, flush=True)
    cfg = replace(SDSConfig.cpu(), steps=a.steps, straight_through=bool(a.st), sds_weight=a.sds, lr=a.lr)
    out = []
    for i, v in enumerate(vols):
        t = time.perf_counter()
        r = guide(v, model, objs, seed=a.seed + i, config=cfg, progress=False)
        print(f"vol {i}: {time.perf_counter() - t:.0f} s; euler {stats(r.labels)}; fractions {np.round(np.bincount(r.labels.ravel().numpy(), minlength=P) / r.labels.numel(), 3)}", flush=True)
        lab = label_volumes(r.probs[None], 0.0, stored_fractions(model) if a.relabel else None, label_fractions="training" if a.relabel else "argmax")[0] if a.relabel else r.labels
        print(f"   relabelled euler {stats(lab)}", flush=True)
        out.append(np.asarray(lab))
    out = np.stack(out)
    if a.out: np.save(a.out, out)
    truth = np.load(a.truth).astype(np.int64)
    for name, g in (("raw", np.asarray(vols)), ("guided", out)):
        rows = truth_report(g, truth, n_phases=P, with_tau=True)
        print(format_truth_report([r for r in rows if r.name in ("vf", "s2", "sections", "tau", "chord")], name), flush=True)
