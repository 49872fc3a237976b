"""microlad.data on the real micrographs in ../shared/data (skipped when that folder is absent)."""
import numpy as np
import pytest
import torch

from microlad.data import (PatchDataset, default_micrograph, fingerprint, load_volume, one_hot, read_micrograph,
                           save_volume, shared_data_dir)

SHARED = shared_data_dir()
needs_shared = pytest.mark.skipif(SHARED is None, reason="shared data folder (../shared/data) not found")

# label fractions from ../shared/data/README.md
EXPECTED = {'carbonate_256.npy': [0.861, 0.139], 'sandstone_256.npy': [0.803, 0.197],
            'composite_256.npy': [0.562, 0.269, 0.169], 'sofc_anode.png': [0.348, 0.355, 0.297]}


@needs_shared
@pytest.mark.parametrize('name', sorted(EXPECTED))
def test_real_micrograph_fractions(name):
    lab = read_micrograph(SHARED / name)
    assert lab.dtype == np.int64 and lab.ndim == 2
    frac = np.bincount(lab.ravel()) / lab.size
    np.testing.assert_allclose(frac, EXPECTED[name], atol=2e-3)
    assert read_micrograph(SHARED / name, n_phases=len(EXPECTED[name])).tolist() == lab.tolist()


@needs_shared
def test_sofc_wrong_n_phases_and_too_small_patch():
    with pytest.raises(ValueError, match="n_phases=2 but .* has 3 distinct levels"):
        read_micrograph(SHARED / 'sofc_anode.png', n_phases=2)
    with pytest.raises(ValueError, match="smaller than the patch size 512"):
        read_micrograph(SHARED / 'composite_256.npy', min_size=512)


@needs_shared
def test_patches_on_real_three_phase_no_overlap():
    tr = PatchDataset(SHARED / 'composite_256.npy', patch_size=64, n_patches=600, seed=0)
    va = PatchDataset(SHARED / 'composite_256.npy', patch_size=64, n_patches=100, split='val', seed=0)
    assert tr.n_phases == va.n_phases == 3 and tr.fingerprint == va.fingerprint
    assert tr[0].shape == (3, 64, 64) and torch.equal(tr[5], one_hot(tr.labels(5), 3))
    ps = tr.patch_size
    for r, c in tr.positions:
        for rv, cv in va.positions:
            assert not (r < rv + ps and rv < r + ps and c < cv + ps and cv < c + ps)
    assert fingerprint(read_micrograph(SHARED / 'composite_256.npy')) == tr.fingerprint


@needs_shared
def test_volume_roundtrip_of_real_slices(tmp_path):
    lab = read_micrograph(SHARED / 'sandstone_256.npy')
    vol = np.stack([lab[:40, :48], lab[40:80, :48], lab[80:120, :48]])      # 3×40×48, non-cubic
    for suffix in ('.tif', '.npy', '.vti'):
        assert np.array_equal(load_volume(save_volume(vol, tmp_path / f'v{suffix}')), vol)


def test_bundled_micrographs_read_back():
    por = read_micrograph(default_micrograph('porous'))
    ano = read_micrograph(default_micrograph('anode'))
    assert por.shape == ano.shape == (512, 512)
    np.testing.assert_allclose(np.bincount(por.ravel()) / por.size, [0.65, 0.35], atol=1e-3)
    np.testing.assert_allclose(np.bincount(ano.ravel()) / ano.size, [0.2, 0.4, 0.4], atol=1e-3)
