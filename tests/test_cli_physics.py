"""The physics from the terminal (issue 16 items 2-5), each through `microlad.cli.main([...])`: `evaluate` against
hand-computed values and on bad inputs, `--voxel-size`/`--phase-names` in the TIFF (read back with tifffile) and VTI
metadata, and `guide`: targets, outputs, SIGTERM and Ctrl-C with the checkpoint saved, then resumed to the same volume
as an uninterrupted run."""
import json, os, signal

import numpy as np
import pytest

from cli_helpers import run, one_error_line
import tifffile

from microlad import cli
from microlad.checkpoint import load_checkpoint
from microlad.data import default_micrograph, save_volume
from microlad.pipeline import bundled_weights

W = str(bundled_weights("porous"))
MIC = str(default_micrograph("porous"))
GUIDE = ["guide", "--weights", W, "--shape", "16", "16", "16", "--sampler-steps", "2", "--target", "vf:pore=0.45"]




@pytest.fixture
def slab(tmp_path):
    "Phase 1 fills the first half of a 16³ box along axis 0: V_f 0.5, τ = 1 along y and z, no path along x."
    v = np.zeros((16, 16, 16), np.uint8); v[:8] = 1
    return v


def test_evaluate_slab_hand_computed(tmp_path, capsys, slab):
    files = [save_volume(slab, tmp_path / f"slab.{s}") for s in ("tif", "npy", "vti")]
    rc, out, err = run(["evaluate", *files, "--voxel-size", "0.5um", "--phase-names", "solid,pore", "--out", tmp_path / "r.json"], capsys)
    assert rc == 0, err
    assert out.count("16×16×16 voxels, 2 phases, voxel size 0.5 µm") == 3 and "SSA 1/µm" in out and out.strip().endswith("r.json")
    rep = json.loads((tmp_path / "r.json").read_text())["volumes"]
    assert list(rep) == [str(f) for f in files]
    for r in rep.values():                              # the three formats give the same numbers
        assert r["unit"] == "µm" and r["voxel_size"] == 0.5 and r["r"][:2] == [0.0, 0.5]
        for ph in r["phases"]:
            assert ph["name"] == ["solid", "pore"][ph["phase"]]
            assert ph["vf"] == pytest.approx(0.5)
            assert ph["ssa"] == pytest.approx(1 / 16 / 0.5, rel=1e-3)            # 16² interface in 16³ voxels of 0.5 µm
            assert ph["tau"]["y"] == pytest.approx(1.0, abs=1e-4) and ph["tau"]["z"] == pytest.approx(1.0, abs=1e-4)
            assert ph["tau"]["x"] is None and ph["percolates"]["x"] is False and ph["deff"]["x"] == 0.0
            assert ph["deff"]["y"] == pytest.approx(0.5, abs=1e-4)
            assert ph["s2"]["z"][0] == pytest.approx(0.5) and ph["s2_length"]["x"] is None   # uniform x-slices never decorrelate


def test_evaluate_csv_and_micrograph(tmp_path, capsys):
    v = np.random.default_rng(0).random((16, 16, 16)) < 0.35
    f = save_volume(v.astype(np.uint8) * 255, tmp_path / "fiji.tif")          # a 0/255 binary, as Fiji saves it
    rc, out, err = run(["evaluate", f, "--micrograph", MIC, "--out", tmp_path / "r.csv"], capsys)
    assert rc == 0, err
    assert "stored values [0, 255] read as phases 0..1" in out and "voxel size not given (lengths in voxels)" in out
    assert "S2eps%" in out and "noise floor" in out and "against the training region itself" in out
    import csv
    rows = list(csv.DictReader(open(tmp_path / "r.csv")))
    assert [r["name"] for r in rows] == ["solid", "pore"]                           # named after the bundled micrograph
    assert float(rows[1]["vf"]) == pytest.approx(v.mean()) and rows[1]["unit"] == "voxel"
    assert float(rows[1]["s2_eps_rel"]) >= 0 and {"tau_x", "deff_z", "s2_eps_rel_x", "s2_noise_floor", "s2_eps_rel_training"} <= set(rows[1])


def test_evaluate_bad_inputs(tmp_path, capsys, slab):
    np.save(tmp_path / "flat.npy", np.zeros((16, 16), np.uint8))
    np.save(tmp_path / "float.npy", np.random.default_rng(0).random((8, 8, 8)))
    np.save(tmp_path / "grey.npy", np.arange(8 ** 3).reshape(8, 8, 8) % 200)
    good = save_volume(slab, tmp_path / "slab.npy")
    cases = [([tmp_path / "missing.tif"], "volume file not found"),
             ([tmp_path / "flat.npy"], "holds a 2D image of shape (16, 16), not a volume"),
             ([tmp_path / "float.npy"], "non-integer values"),
             ([tmp_path / "grey.npy"], "200 distinct values (0..199): not a label volume"),
             ([good, "--phase-names", "a,b,c"], "3 phase name(s) given (a, b, c) for 2 phases"),
             ([good, "--voxel-size", "0.5"], "argument --voxel-size: voxel size '0.5': give a positive number and a unit"),
             ([good, "--out", tmp_path / "r.txt"], "must end in .json or .csv"),
             ([tmp_path / "v.h5"], "unknown volume format '.h5'")]
    for argv, why in cases:
        rc, out, err = run(["evaluate", *argv], capsys)
        assert rc == 2 and why in one_error_line(err), (argv, err)
    assert not (tmp_path / "r.txt").exists()


def test_reconstruct_units_and_fiji_metadata(tmp_path, capsys):
    rc, out, err = run(["reconstruct", "--weights", W, "--out", tmp_path, "--shape", "16", "16", "16", "--steps", "2",
                        "--micrograph", MIC, "--voxel-size", "50nm", "--phase-names", "matrix,void", "--formats", "tif", "vti"], capsys)
    assert rc == 0, err
    with tifffile.TiffFile(tmp_path / "volume_000.tif") as t:
        ij, vol = t.imagej_metadata, t.series[0].asarray()
        assert vol.dtype == np.uint8 and set(np.unique(vol)) <= {0, 1} and vol.shape == (16, 16, 16)
        assert (ij["min"], ij["max"], ij["unit"], ij["spacing"]) == (0, 1, "nm", 50.0)
        assert np.asarray(ij["LUTs"]).reshape(-1, 3, 256)[0][:, 255].tolist() == [255, 255, 255]
        assert "0 = matrix" in ij["Info"] and "1 = void" in ij["Info"]
        assert t.pages[0].resolution == pytest.approx((1 / 50, 1 / 50))
    head = (tmp_path / "volume_000.vti").read_bytes()[:400]
    assert b'Spacing="50.0 50.0 50.0"' in head
    report = (tmp_path / "report.txt").read_text()
    assert "voxel size 50 nm" in report and report.rstrip().endswith("void")


def test_evaluate_reads_the_tiff_calibration(tmp_path, capsys, slab):
    f = save_volume(slab, tmp_path / "cal.tif", spacing=2.0, unit="nm")
    rc, out, err = run(["evaluate", f, "--out", tmp_path / "r.json"], capsys)
    assert rc == 0 and "voxel size 2 nm (from the TIFF's calibration)" in out and "SSA 1/nm" in out, err
    ph = json.loads((tmp_path / "r.json").read_text())["volumes"][str(f)]["phases"][1]
    assert ph["ssa"] == pytest.approx(1 / 16 / 2.0, rel=1e-3)
    rc, out, err = run(["evaluate", f, "--voxel-size", "1um"], capsys)                # the command line wins
    assert rc == 0 and "voxel size 1 µm" in out and "calibration" not in out


def test_reconstruct_bundled_phase_names(tmp_path, capsys):
    rc, out, err = run(["reconstruct", "--weights", W, "--out", tmp_path, "--shape", "16", "16", "16", "--steps", "2", "--formats", "tif"], capsys)
    assert rc == 0, err
    with tifffile.TiffFile(tmp_path / "volume_000.tif") as t:
        assert "0 = solid" in t.imagej_metadata["Info"] and "1 = pore" in t.imagej_metadata["Info"]
        assert "unit" not in t.imagej_metadata and t.imagej_metadata["max"] == 1


def test_guide_bad_targets(tmp_path, capsys):
    for target, why in [("vf:pore=1.5", "--target 'vf:pore=1.5': V_f[1]: a volume fraction target must be in [0, 1]"),
                        ("porosity:1=0.3", "expected KIND:PHASE=VALUE with KIND one of vf, sa, de, s2"),
                        ("vf:Ni=0.3", "unknown phase 'Ni': use 0..1 or a name (solid, pore)")]:
        rc, _, err = run([*GUIDE[:-1], target, "--out", tmp_path / "o"], capsys)
        assert rc == 2 and why in one_error_line(err), err
    rc, _, err = run(["guide", "--weights", W, "--out", tmp_path / "o"], capsys)
    assert rc == 2 and "the following arguments are required: --target" in one_error_line(err)
    assert not (tmp_path / "o").exists()


def test_guide_outputs(tmp_path, capsys):
    rc, out, err = run([*GUIDE, "--target", "de:1=+", "--steps", "3", "--out", tmp_path, "--voxel-size", "1um"], capsys)
    assert rc == 0, err
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert names == ["report.txt", "slices.png", "volume_000.npy", "volume_000.tif"], names     # checkpoint removed
    report = (tmp_path / "report.txt").read_text()
    assert "guided by SDS, 3 steps" in report and "voxel size 1 µm" in report
    lines = {l.split()[0]: l.split()[1:] for l in report.splitlines() if l.startswith(("V_f[1]", "D_e[1]"))}
    assert float(lines["V_f[1]"][0]) == 0.45 and 0 <= float(lines["V_f[1]"][1]) <= 1
    assert float(lines["D_e[1]"][0]) > 0                                            # '+' resolved from the training crops
    fr = next(l for l in report.splitlines() if l.startswith("phase fractions (solid / pore): guided "))
    guided, region = fr.split("guided ")[1].split(", micrograph's training region ")
    assert abs(sum(map(float, guided.split(" / "))) - 1) < 2e-3 and abs(float(region.split(" / ")[1]) - 0.35) < 0.01, fr
    assert np.load(tmp_path / "volume_000.npy").shape == (16, 16, 16)
    assert out.splitlines()[-1].startswith(f"wrote {tmp_path}/volume_000.tif")


def test_guide_sigterm_then_ctrl_c_then_resume(tmp_path, capsys, monkeypatch):
    argv = [*GUIDE, "--steps", "5", "--formats", "npy"]
    ref = tmp_path / "ref"
    assert run([*argv, "--out", ref], capsys)[0] == 0                              # uninterrupted, for comparison

    def stop_at(n, how):
        def hook(rec):
            if rec.done == n: how()
        monkeypatch.setattr(cli, "_GUIDE_CALLBACK", hook)
    out = tmp_path / "run"
    stop_at(1, lambda: os.kill(os.getpid(), signal.SIGTERM))                         # a real signal, as `kill` sends
    rc, _, err = run([*argv, "--out", out], capsys)
    assert rc == 128 + signal.SIGTERM and "guide stopped by SIGTERM after 1 step(s)" in err and "Traceback" not in err, err
    assert load_checkpoint(out / "guide.ckpt")["step"] == 1 and not list(out.glob("volume_*"))
    assert signal.getsignal(signal.SIGTERM) is not signal.SIG_IGN                     # handler restored after the command
    rc, _, err = run([*argv[:-5], "vf:pore=0.3", *argv[-4:], "--out", out], capsys)  # another run's checkpoint: refused
    last = err.splitlines(keepends=True)[-1]                                          # after the 'resuming from step 1' line
    assert rc == 2 and "belongs to another SDS run" in one_error_line(last) and "write into another --out" in last, err

    def ctrl_c(): raise KeyboardInterrupt
    stop_at(3, ctrl_c)
    rc, _, err = run([*argv, "--out", out], capsys)
    assert rc == 130 and "resuming from step 1 of 5" in err and "stopped by Ctrl-C after 3 step(s)" in err, err
    assert load_checkpoint(out / "guide.ckpt")["step"] == 3

    monkeypatch.setattr(cli, "_GUIDE_CALLBACK", None)
    rc, stdout, err = run([*argv, "--out", out], capsys)
    assert rc == 0 and "resuming from step 3 of 5" in err and "5 steps (resumed)" in stdout, err
    assert not (out / "guide.ckpt").exists()
    np.testing.assert_array_equal(np.load(out / "volume_000.npy"), np.load(ref / "volume_000.npy"))
