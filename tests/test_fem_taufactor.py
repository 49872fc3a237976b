"""Oracle comparison: `microlad.fem.tortuosity` against TauFactor 1.2.1 on binary 3D volumes.

Our solver with floor=0 uses TauFactor's discretisation (cell-centred finite differences, κ=0
outside the phase, Dirichlet at the half-cell boundary, no flux on the side faces), so the only
differences are solver convergence: TauFactor stops its SOR iterations when the flux through every
layer agrees to 1 % and τ changes by < 2e-3 between checks, we stop CG at a relative residual of
1e-6. Observed differences are ≤ 1e-3 relative; the test allows 2 %.
"""
import contextlib, io, os, zipfile
from pathlib import Path

import numpy as np
import pytest
from scipy import ndimage

tau = pytest.importorskip('taufactor')
tifffile = pytest.importorskip('tifffile')
from microlad.fem import FEMConfig, tortuosity  # noqa: E402

RTOL = 0.02


def shared_data():
    env = os.environ.get('MICROLAD_SHARED_DATA')
    return Path(env) if env else Path(__file__).resolve().parents[2] / 'shared' / 'data'


def blob_volume(n, porosity, sigma, seed):
    "Seeded Gaussian-filtered noise thresholded so that phase 1 has volume fraction `porosity`."
    x = ndimage.gaussian_filter(np.random.default_rng(seed).standard_normal((n, n, n)), sigma)
    return (x < np.quantile(x, porosity)).astype(np.uint8)


def taufactor_tau(vol, axis):
    "TauFactor's τ of phase 1 along `axis` (its Dirichlet faces are normal to axis 0: move `axis` there)."
    img = np.ascontiguousarray(np.moveaxis(vol, axis, 0))
    with contextlib.redirect_stdout(io.StringIO()):
        s = tau.Solver(img, device='cpu')
        t = s.solve(verbose=False)
    return float(np.asarray(t).ravel()[0])


@pytest.mark.parametrize('n,porosity,sigma,seed', [(32, 0.3, 2, 0), (32, 0.5, 1.5, 1), (64, 0.4, 3, 2)])
def test_blobs_match_taufactor(n, porosity, sigma, seed):
    vol = blob_volume(n, porosity, sigma, seed)
    for axis in range(3):
        ours, info = tortuosity(vol, 1, axis, return_info=True)
        ref = taufactor_tau(vol, axis)
        assert info['percolates'] and info['solve'].converged
        assert ours == pytest.approx(ref, rel=RTOL), (n, porosity, axis, ours, ref)


def test_other_phase_and_labels():
    "Phase 0 of the same volume (labels need not be 0/1 for us), compared with TauFactor on 1-vol."
    vol = blob_volume(32, 0.55, 2, 3)
    ours = tortuosity(vol * 7, 0, 1)
    assert ours == pytest.approx(taufactor_tau(1 - vol, 1), rel=RTOL)


def test_floor_model_close_to_exact():
    "The differentiable floor model converges to TauFactor's τ as the floor goes to 0."
    vol = blob_volume(32, 0.45, 2, 4)
    exact = tortuosity(vol, 1, 0)
    assert tortuosity(vol, 1, 0, floor=1e-5) == pytest.approx(exact, rel=5e-3)


@pytest.fixture(scope='module')
def benchmark_crop(tmp_path_factory):
    z = shared_data() / 'taufactor_benchmark_500.tiff.zip'
    if not z.exists(): pytest.skip(f'{z} not found (set MICROLAD_SHARED_DATA)')
    d = tmp_path_factory.mktemp('tf500')
    with zipfile.ZipFile(z) as zf:
        name = next(n for n in zf.namelist() if n.endswith(('.tif', '.tiff')) and not n.startswith('__MACOSX'))
        path = zf.extract(name, d)
    n = 64
    with tifffile.TiffFile(path) as tf:                  # read only the pages of the crop
        vol = np.stack([tf.pages[i].asarray()[:n, :n] for i in range(n)])
    os.remove(path)
    return (vol == vol.max()).astype(np.uint8)          # conducting phase = 255 → 1


def test_benchmark_crop_three_axes(benchmark_crop):
    vol = benchmark_crop
    assert 0.2 < vol.mean() < 0.45                      # the conducting phase is ~30 %
    for axis in range(3):
        ours = tortuosity(vol, 1, axis, FEMConfig(tol=1e-7))
        assert ours == pytest.approx(taufactor_tau(vol, axis), rel=RTOL), axis
