"""Speed of `microlad.fem` against TauFactor 1.2.1 (CPU). Prints a markdown table.

Rows: 2D 64×64 batch of 16 slices, D_e + gradient (the SDS inner loop, cold and warm-started);
the same binarised slices with κ=0 outside (TauFactor's problem); 3D 64³ τ per axis; 3D 128³ τ
along one axis with peak resident memory (ours measured in a fresh subprocess).
Times are the best of `--repeat` runs. On a 2-core machine shared with other jobs, 2 OpenMP
threads spin against each other and are several times slower than `--threads 1`. Usage:
    python bench/bench_fem.py [--repeat 3] [--no-128] [--threads 1]
"""
import argparse, contextlib, io, json, os, platform, resource, subprocess, sys, time

import numpy as np
import torch
from scipy import ndimage

from microlad.fem import FEMConfig, effective_diffusivity, percolating, solve_potential, tortuosity
from microlad.descriptors import SDS_FEM

try:
    import taufactor as tau
    from importlib.metadata import version
    TF_VERSION = version('taufactor')
except ImportError:  # the table still prints our side
    tau, TF_VERSION = None, 'absent'



def blob(shape, frac, sigma, seed):
    x = ndimage.gaussian_filter(np.random.default_rng(seed).standard_normal(shape), sigma)
    return (x < np.quantile(x, frac)).astype(np.uint8)


def best(f, repeat):
    out, ts = None, []
    for _ in range(repeat):
        t = time.perf_counter(); out = f(); ts.append(time.perf_counter() - t)
    return min(ts), out


def tf_solve(img4):
    "TauFactor on a (B, X, Y, Z) binary array, flux along X. Returns (τ array, D_rel array, iterations)."
    with contextlib.redirect_stdout(io.StringIO()):
        s = tau.Solver(img4, device='cpu')
        t = s.solve(verbose=False)
    return np.asarray(t, float).ravel(), np.asarray(s.D_rel, float).ravel(), s.iter


def rss128():
    "Child process: ours on 128³ along axis 0; prints json with seconds, iterations, τ, peak RSS (MB)."
    vol = blob((128,) * 3, 0.4, 3, 7)
    t = time.perf_counter(); tt, info = tortuosity(vol, 1, 0, return_info=True); dt = time.perf_counter() - t
    print(json.dumps(dict(s=dt, it=info['solve'].iters, tau=tt,
                          rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--repeat', type=int, default=3)
    ap.add_argument('--no-128', action='store_true')
    ap.add_argument('--threads', type=int, default=None, help='torch threads (default: torch default)')
    ap.add_argument('--rss128', action='store_true', help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    if a.rss128: return rss128()
    rows = []
    cpu = platform.processor() or platform.machine()
    print(f'# bench_fem: {os.cpu_count()} CPU cores ({cpu}), torch {torch.__version__} '
          f'({torch.get_num_threads()} threads), taufactor {TF_VERSION}, '
          f'best of {a.repeat}\n')

    # --- 2D: 16 slices 64×64, D_e + gradient (floor model, SDS path) -------------------------------
    sl = np.stack([blob((64, 64), 0.6, 2, s) for s in range(16)])
    p = torch.tensor(sl, dtype=torch.float32)

    def de_grad(cfg, state=None, field=p):
        x = field.clone().requires_grad_()
        D, info = effective_diffusivity(x, 0, cfg, state=state, return_info=True)
        D.sum().backward()
        return info
    for name, cfg in (('SDS_FEM (tol 3e-5)', SDS_FEM), ('default = cpu preset (tol 1e-6)', FEMConfig())):
        t, info = best(lambda: de_grad(cfg), a.repeat)
        rows.append((f'2D 64²×16 D_e+grad, {name}', t, info.iters, '—', '—', ''))
    st = {}
    de_grad(SDS_FEM, st)
    pert = (p + 0.02 * torch.rand_like(p)).clamp(0, 1)
    t, info = best(lambda: de_grad(SDS_FEM, dict(st), pert), a.repeat)
    rows.append(('2D 64²×16 D_e+grad, SDS_FEM, warm start', t, info.iters, '—', '—', 'field perturbed by 2 %'))

    # --- 2D binary, κ=0 outside (TauFactor's problem) ------------------------------------------------
    keep = np.stack([percolating(s == 1, 0)[0] for s in sl]).astype(np.float32)
    t, (D, _, info) = best(lambda: solve_potential(torch.tensor(keep), 0, FEMConfig()), a.repeat)
    note = ''
    if tau is not None:
        # TauFactor gets only the percolating slices: on the others it runs its full 10 000 iterations
        perc = keep.reshape(16, -1).any(1)
        tt, (_, Dtf, itf) = best(lambda: tf_solve(sl[perc][..., None].copy()), 1)
        d = np.abs(D.numpy()[perc] / Dtf - 1).max()
        note = f'{perc.sum()}/16 percolate (TauFactor run on those only); max |ΔD/D| {d:.1e}'
        rows.append(('2D 64²×16 D (κ=0 outside)', t, info.iters, tt, itf, note))
    else: rows.append(('2D 64²×16 D (κ=0 outside)', t, info.iters, '—', '—', note))

    # --- 3D 64³ τ per axis ------------------------------------------------------------------------
    vol = blob((64,) * 3, 0.4, 3, 2)
    for ax in range(3):
        t, (ours, inf) = best(lambda: tortuosity(vol, 1, ax, return_info=True), a.repeat)
        if tau is not None:
            tt, (ttf, _, itf) = best(lambda: tf_solve(np.ascontiguousarray(np.moveaxis(vol, ax, 0))[None]), a.repeat)
            rows.append((f'3D 64³ τ axis {ax}', t, inf['solve'].iters, tt, itf,
                         f'τ ours {ours:.4f} / TauFactor {ttf[0]:.4f} ({ours / ttf[0] - 1:+.1e})'))
        else: rows.append((f'3D 64³ τ axis {ax}', t, inf['solve'].iters, '—', '—', f'τ {ours:.4f}'))

    # --- 3D 128³ τ axis 0, memory ------------------------------------------------------------------
    if not a.no_128:
        r = json.loads(subprocess.run([sys.executable, __file__, '--rss128', '--threads', str(torch.get_num_threads())], capture_output=True, text=True,
                                      check=True).stdout.strip().splitlines()[-1])
        note = f"peak RSS ours {r['rss']:.0f} MB (fresh process); τ {r['tau']:.4f}"
        if tau is not None:
            vol = blob((128,) * 3, 0.4, 3, 7)
            tt, (ttf, _, itf) = best(lambda: tf_solve(vol[None].copy()), 1)
            note += f' / TauFactor {ttf[0]:.4f} ({r["tau"] / ttf[0] - 1:+.1e})'
            rows.append(('3D 128³ τ axis 0', r['s'], r['it'], tt, itf, note))
        else: rows.append(('3D 128³ τ axis 0', r['s'], r['it'], '—', '—', note))

    fmt = lambda x: f'{x * 1e3:.1f} ms' if isinstance(x, float) and x < 1 else (f'{x:.2f} s' if isinstance(x, float) else str(x))
    print('| case | ours | CG iters | TauFactor | SOR iters | note |')
    print('|---|---|---|---|---|---|')
    for r in rows: print('| ' + ' | '.join(fmt(x) for x in r) + ' |')


if __name__ == '__main__':
    main()
