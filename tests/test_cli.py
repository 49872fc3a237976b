"""Rough edges of the `microlad` command (issue 16), each through `microlad.cli.main([...])`: the exit
code and the one-line message; `--help`; the fingerprint warning; titled slices and the report;
`train` stopped by SIGTERM and by Ctrl-C (SIGINT), saving its checkpoint, then resumed."""
import argparse, json, signal, textwrap

import numpy as np
import pytest

from cli_helpers import run, one_error_line, signal_at
from PIL import Image

from microlad.checkpoint import load_checkpoint
from microlad.cli import main, _parser
from microlad.data import default_micrograph, generate_porous, save_micrograph
from microlad.pipeline import bundled_weights

W = str(bundled_weights("porous"))
MIC = str(default_micrograph("porous"))
TINY = ["--shape", "16", "16", "16", "--steps", "2"]
PYTHON_ONLY = ("n_phases", "max_phases", "min_size", "patch_size", "refine_iters", "batch_size", "match_fractions")




@pytest.mark.parametrize("n, why", [("-1", "got -1"), ("0", "got 0"), ("two", "got 'two'")])
def test_bad_n(tmp_path, capsys, n, why):
    rc, out, err = run(["reconstruct", "--weights", W, "--out", tmp_path / "o", "--n", n], capsys)
    assert rc == 2
    msg = one_error_line(err)
    assert msg.startswith("argument --n: must be a whole number ≥ 1") and why in msg and "microlad reconstruct --help" in msg, msg
    assert not (tmp_path / "o").exists()


def test_bad_shape_and_steps(tmp_path, capsys):
    rc, _, err = run(["reconstruct", "--weights", W, "--out", tmp_path, "--shape", "50", "64", "64"], capsys)
    assert rc == 2 and "argument --shape: each side must be a multiple of 16" in one_error_line(err)
    rc, _, err = run(["reconstruct", "--weights", W, "--out", tmp_path, "--steps", "0"], capsys)
    assert rc == 2 and "argument --steps: must be a whole number ≥ 1, got 0" in one_error_line(err)
    rc, _, err = run(["reconstruct", "--weights", W, "--out", tmp_path, *TINY[:4], "--steps", "5000"], capsys)
    assert rc == 2 and one_error_line(err).startswith("--steps must be in 1.."), err
    rc, _, err = run(["reconstruct", "--out", tmp_path], capsys)
    assert rc == 2 and "the following arguments are required: --weights" in one_error_line(err)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == []    # at most the lock file


@pytest.mark.parametrize("cmd", ["reconstruct", "train"])
def test_out_is_an_existing_file(tmp_path, capsys, cmd):
    f = tmp_path / "taken.txt"; f.write_text("keep me")
    argv = (["reconstruct", "--weights", W, "--out", f, *TINY] if cmd == "reconstruct" else ["train", MIC, "--out", f])
    rc, _, err = run(argv, capsys)
    assert rc == 2
    assert one_error_line(err) == f"cannot use {f} as output folder: {f} is a file, not a folder"
    assert f.read_text() == "keep me"


def test_os_errors_are_one_line(tmp_path, capsys):
    (tmp_path / "dir.png").mkdir()                                     # a folder where an image is expected
    rc, _, err = run(["reconstruct", "--weights", W, "--out", tmp_path / "o", "--micrograph", tmp_path / "dir.png"], capsys)
    assert rc == 2 and str(tmp_path / "dir.png") in one_error_line(err)
    rc, _, err = run(["reconstruct", "--weights", tmp_path, "--out", tmp_path / "o"], capsys)
    assert rc == 2 and "No checkpoint file" in one_error_line(err)


def test_help_documents_every_option(capsys):
    ap = _parser()
    subs = next(a for a in ap._actions if isinstance(a, argparse._SubParsersAction)).choices
    for name, sp in subs.items():
        for act in sp._actions:
            assert act.help and act.help != argparse.SUPPRESS, (name, act.dest)
        with pytest.raises(SystemExit) as e: main([name, "--help"])
        assert e.value.code == 0
        text = " ".join(capsys.readouterr().out.split())               # argparse wraps lines
        assert "--out" in text and ("--wait" in text or name == "evaluate")       # evaluate writes one file, no folder lock
        if name in ("demo", "reconstruct"):
            assert "--shape D H W volume size D H W in voxels (depth, height, width), each a multiple of 16 (default: [64, 64, 64])" in text, text
            assert "--overwrite" in text and "--seed SEED random seed of the sampler (default: 0)" in text
    assert "--n N number of volumes (default: 1)" in " ".join(subs["reconstruct"].format_help().split())
    assert "(default: cpu)" in " ".join(subs["train"].format_help().split())


def test_hints_name_cli_options(tmp_path, capsys):
    grey = np.random.default_rng(0).integers(0, 200, (80, 80)).astype(np.uint8)
    Image.fromarray(grey).save(tmp_path / "grey.png")
    rc, _, err = run(["train", tmp_path / "grey.png", "--out", tmp_path / "o"], capsys)
    msg = one_error_line(err)
    assert rc == 2 and "distinct grey levels" in msg and msg.endswith("segment it first (e.g. "
                                                                      "skimage.filters.threshold_multiotsu); microlad trains on 2 to 8 phases"), msg
    rc, _, err = run(["train", tmp_path / "grey.png", "--out", tmp_path / "o", "--n-phases", "200"], capsys)
    msg = one_error_line(err)                          # following the hint cannot lead to the same refusal again
    assert rc == 2 and msg.startswith("argument --n-phases: microlad trains on 2 to 8 phases, got 200"), msg
    assert not [w for w in PYTHON_ONLY if w in msg], msg
    save_micrograph(generate_porous(size=96, seed=0), tmp_path / "two.png")
    rc, _, err = run(["train", tmp_path / "two.png", "--out", tmp_path / "o", "--n-phases", "3"], capsys)
    msg = one_error_line(err)
    assert rc == 2 and msg.startswith(f"--n-phases 3 but '{tmp_path / 'two.png'}' has 2 distinct levels") and "Leave out --n-phases" in msg, msg
    assert not [w for w in PYTHON_ONLY if w in msg], msg
    save_micrograph(generate_porous(size=32, seed=0), tmp_path / "small.png")
    rc, _, err = run(["train", tmp_path / "small.png", "--out", tmp_path / "o"], capsys)
    msg = one_error_line(err)
    assert rc == 2 and "smaller than the patch size 64" in msg and "Use a larger micrograph" in msg, msg
    assert not [w for w in PYTHON_ONLY if w in msg], msg
    rc, _, err = run(["reconstruct", "--weights", W, "--out", tmp_path / "o", "--match-fractions"], capsys)
    msg = one_error_line(err)
    assert rc == 2 and msg.startswith("--match-fractions needs the training micrograph (--micrograph)"), msg
    assert not [w for w in PYTHON_ONLY if w in msg], msg
    assert not (tmp_path / "o").exists()


def test_fingerprint_warning(tmp_path, capsys):
    other = tmp_path / "other.png"
    save_micrograph(generate_porous(size=256, seed=7), other)
    rc, out, err = run(["reconstruct", "--weights", W, "--out", tmp_path / "a", *TINY, "--micrograph", other], capsys)
    assert rc == 0
    warn = [l for l in err.splitlines() if l.startswith("microlad: warning:")]
    assert len(warn) == 1 and "is not the image these weights were trained on" in warn[0], err
    assert "WARNING: the micrograph" in (tmp_path / "a" / "report.txt").read_text()
    rc, out, err = run(["reconstruct", "--weights", W, "--out", tmp_path / "b", *TINY, "--micrograph", MIC], capsys)
    assert rc == 0 and "warning" not in err.lower() and "WARNING" not in (tmp_path / "b" / "report.txt").read_text()


def test_wrote_line_slices_titles_and_report(tmp_path, capsys):
    rc, out, err = run(["reconstruct", "--weights", W, "--out", tmp_path, *TINY, "--micrograph", MIC], capsys)
    assert rc == 0
    assert out.splitlines()[-1] == (f"wrote {tmp_path}/volume_000.tif, {tmp_path}/volume_000.npy, "
                                    f"{tmp_path}/report.txt, {tmp_path}/slices.png")
    im = np.asarray(Image.open(tmp_path / "slices.png"))
    # 64-px crop + three 16-px slices, 4-px gaps, x3, under a 14-px title strip with dark text over each panel
    assert im.shape == (14 + 64 * 3, (64 + 3 * 16 + 3 * 4) * 3), im.shape
    starts = [0, 68 * 3, 88 * 3, 108 * 3]
    assert all((im[:14, x:x + 30] < 128).any() for x in starts)
    assert (im[:14, 64 * 3 + 2:68 * 3 - 2] == 255).all()               # nothing drawn over the gaps
    report = (tmp_path / "report.txt").read_text()
    line = next(l for l in report.splitlines() if l.startswith("eps_rel = "))
    assert "area under S2" in line and "training-band crops of the micrograph itself score" in line and "noise floor" in line
    floor = [float(x) for x in line.split("score ")[1].split(" (phase")[0].replace("%", "").split(",")]
    assert len(floor) == 2 and all(0 <= f < 20 for f in floor), line


TINY_PRESET = """
from microlad.pipeline import Preset
from microlad.vae import VAEConfig, VAETrainConfig
from microlad.ldm import UNetConfig, LDMTrainConfig, DiffusionConfig
def tiny(name, P):                  # the cpu preset shrunk to seconds; everything else is the real command
    return Preset(VAEConfig(P, (8, 8, 16), 1, True, 4, 4), VAETrainConfig(steps=20, batch_size=4, lr=2e-3, kl_weight=0.5, n_patches=16, every=5, ce_weight=0.5),
                  UNetConfig(channels=(16, 16, 16), n_res=1, attention=(False, False, True), groups=4),
                  LDMTrainConfig(steps=5, batch_size=8, lr=2e-4, ema_decay=0.999, n_patches=16, every=5), DiffusionConfig(T=50))
"""
_ns: dict = {}
exec(TINY_PRESET, _ns)
tiny = _ns["tiny"]                 # the same preset in this process and in the TRAIN subprocess

TRAIN = TINY_PRESET + textwrap.dedent("""
    import sys, time
    import microlad.cli as cli, microlad.vae as vae
    cli.preset = tiny
    hold, real = int(sys.argv[1]), vae.run_training
    def run_training(*a, **k):      # stall at VAE step `hold` so the test can signal the process there
        def on_step(step):
            if step == hold: print("at step", step, flush=True); time.sleep(60)
        return real(*a, **{**k, "on_step": on_step})
    vae.run_training = run_training
    sys.exit(cli.main(["train", sys.argv[2], "--out", sys.argv[3]]))
""")


def test_train_sigterm_saves_then_ctrl_c_saves_then_resume(tmp_path, monkeypatch, capsys):
    img, out = tmp_path / "mic.png", tmp_path / "run"
    save_micrograph(generate_porous(size=160, seed=1), img)
    # 1. a real SIGTERM from outside (what kill, timeout and Slurm send) while the VAE is at step 7
    rc, o, e = signal_at(TRAIN, "7", img, out, ready="at step 7", sig=signal.SIGTERM)
    assert rc == 128 + signal.SIGTERM and "Traceback" not in e, e
    assert f"data: {img}: 160×160 px, 2 phases (fractions" in e and "VAE 20 steps then LDM 5 steps" in e, e
    assert "VAE: interrupted; step 7 of 20 saved" in e
    assert f"microlad: train stopped by SIGTERM; the finished steps are saved in {out}" in e
    assert load_checkpoint(out / "vae.ckpt")["step"] == 7
    # 2. resumed in this process, then Ctrl-C (KeyboardInterrupt) at step 12
    import microlad.cli as cli, microlad.vae as vae
    monkeypatch.setattr(cli, "preset", tiny)
    real = vae.run_training
    def ctrl_c_at_12(*a, **k):
        def on_step(step):
            if step == 12 and k.get("desc") == "VAE": raise KeyboardInterrupt
        return real(*a, **{**k, "on_step": on_step})
    monkeypatch.setattr(vae, "run_training", ctrl_c_at_12)
    rc, o, e = run(["train", img, "--out", out], capsys)
    assert rc == 130 and "Traceback" not in e and "VAE: resuming from step 7 of 20" in e, e
    assert "microlad: train stopped by Ctrl-C" in e
    assert load_checkpoint(out / "vae.ckpt")["step"] == 12
    # 3. resumed to the end
    monkeypatch.setattr(vae, "run_training", real)
    rc, o, e = run(["train", img, "--out", out], capsys)
    assert rc == 0 and "VAE: resuming from step 12 of 20" in e, e
    assert "microlad: warning: the VAE reconstructs held-out crops poorly (phase" in e, e     # 20 tiny steps: far too coarse
    assert len(load_checkpoint(out / "vae.ckpt")["history"]["loss"]) == 20
    assert (out / "vae.pt").is_file() and (out / "ldm.pt").is_file() and '"n_phases": 2' in o
    # 4. another micrograph into the same folder is refused, never resumed from the wrong run
    other = tmp_path / "other.png"
    save_micrograph(generate_porous(size=160, seed=2), other)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    rc, o, e = run(["train", other, "--out", out], capsys)
    assert rc == 2 and "Traceback" not in e
    assert e.splitlines()[-1].startswith(f"microlad: error: Cannot resume from {out / 'vae.ckpt'}: its fingerprint differs"), e
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_train_stops_at_a_dead_vae_and_ce_weight_reaches_it(tmp_path, monkeypatch, capsys):
    """A VAE that draws a phase nowhere (the tiny preset with few slow steps and L1 alone) stops `train` before the LDM
    with one error line naming the phase and the remedy; --ce-weight reaches the VAE's training config."""
    import microlad.cli as cli
    from dataclasses import replace
    def dead(name, P):
        p = tiny(name, P)
        return replace(p, vae_train=replace(p.vae_train, steps=10, lr=2e-4, ce_weight=0.0))
    monkeypatch.setattr(cli, "preset", dead)
    img, out = tmp_path / "mic.png", tmp_path / "run"
    save_micrograph(generate_porous(size=160, seed=1), img)
    rc, o, e = run(["train", img, "--out", out], capsys)
    last = e.splitlines()[-1]
    assert rc == 2 and "Traceback" not in e and last.startswith("microlad: error: the VAE draws phase 1 (Dice 0.0"), e
    assert "--ce-weight 0.1" in last and (out / "vae.pt").is_file() and not (out / "ldm.pt").exists(), e
    rc, o, e = run(["train", img, "--out", tmp_path / "ce", "--ce-weight", "0.25"], capsys)   # too few steps even so
    last = e.splitlines()[-1]
    assert rc == 2 and "trained with a cross-entropy term already (ce_weight 0.25)" in last and "--ce-weight 0.1" not in last, e
    assert load_checkpoint(tmp_path / "ce" / "vae.ckpt")["train_config"]["ce_weight"] == 0.25
    rc, o, e = run(["train", img, "--out", tmp_path / "m", "--method", "mpdd", "--ce-weight", "0.1"], capsys)
    assert rc == 2 and "--ce-weight is a loss term of microlad's VAE" in e, e
    rc, o, e = run(["train", img, "--out", tmp_path / "m", "--ce-weight", "-1"], capsys)
    assert rc == 2 and "must be a number ≥ 0" in e, e
