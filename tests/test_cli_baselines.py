"""`microlad train --method mpdd|slicegan` and `microlad reconstruct` from baseline weights (issue 13 item 4), each
through `microlad.cli.main([...])`: the configs are shrunk to seconds (`cli.baseline_config` patched, as test_cli.py
patches `cli.preset`); everything else is the real command."""
from dataclasses import replace

import numpy as np
import pytest

from cli_helpers import run, one_error_line

import microlad.cli as cli
from microlad.baselines import MPDDConfig, SliceGANConfig, load_baseline
from microlad.checkpoint import load_checkpoint
from microlad.ldm import DiffusionConfig
from microlad.cli import main
from microlad.data import generate_porous, save_micrograph, load_volume

_M = MPDDConfig.cpu()
TINY = {"mpdd": replace(_M, unet=replace(_M.unet, channels=(8, 8, 8), groups=4), diffusion=DiffusionConfig(T=50),
                        train=replace(_M.train, patch_size=16, steps=3, batch_size=4, n_patches=16, every=1),
                        sampling=replace(_M.sampling, steps=3)),
        "slicegan": replace(SliceGANConfig.cpu(), noise_channels=4, gen_filters=(8, 8, 4, 4), critic_filters=(4, 8, 8),
                            batch_size=1, slices_per_axis=4, critic_iters=1, steps=3, n_patches=16, every=1)}


def tiny_config(method, preset_name, n_phases, steps=None):
    cfg = replace(TINY[method], n_phases=n_phases)
    if steps is None: return cfg
    return replace(cfg, train=replace(cfg.train, steps=steps)) if method == "mpdd" else replace(cfg, steps=steps)




@pytest.fixture(scope="module")
def mic(tmp_path_factory):
    p = tmp_path_factory.mktemp("mic") / "mic.png"
    save_micrograph(generate_porous(size=160, seed=1), p)
    return p


@pytest.mark.parametrize("method", ["mpdd", "slicegan"])
def test_train_then_reconstruct(method, mic, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "baseline_config", tiny_config)
    w = tmp_path / "w"
    rc, o, e = run(["train", mic, "--out", w, "--method", method], capsys)
    assert rc == 0 and "Traceback" not in e, e
    assert f"data: {mic}: 160×160 px, 2 phases" in e and f"method {method}, preset cpu: 3 steps" in e, e
    assert '"steps_done": 3' in o and '"n_phases": 2' in o, o
    assert load_baseline(w / f"{method}.pt", kind=method).n_phases == 2
    assert load_checkpoint(w / f"{method}.ckpt")["step"] == 3
    assert not (w / "ldm.pt").exists()
    # reconstruct finds the baseline in the folder; the same writer as microlad's: files, report, slices
    out = tmp_path / "o"
    rc, o, e = run(["reconstruct", "--weights", w, "--out", out, "--shape", "32", "32", "64", "--n", "2",
                    "--micrograph", mic], capsys)
    assert rc == 0 and "Traceback" not in e, e
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == ["report.txt", "slices.png", "volume_000.npy", "volume_000.tif", "volume_001.npy", "volume_001.tif"]
    for i in range(2):
        v = load_volume(out / f"volume_00{i}.npy")
        assert v.shape == (32, 32, 64) and set(np.unique(v)) <= {0, 1}
    name = {"mpdd": "MPDD", "slicegan": "SliceGAN"}[method]
    report = (out / "report.txt").read_text()
    assert f"2 volume(s) by the {name} baseline of shape (32, 32, 64)" in report and "noise floor" in report, report
    # a second run continues the numbering, as for microlad weights
    rc, o, e = run(["reconstruct", "--weights", w, "--out", out, "--shape", "32", "32", "32"], capsys)
    assert rc == 0 and load_volume(out / "volume_002.npy").shape == (32, 32, 32)


def test_mpdd_steps_and_interrupts_resume(mic, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "baseline_config", tiny_config)
    w = tmp_path / "w"
    real = cli.train_mpdd
    def stop_at(step, exc):
        def trainer(*a, **k):
            def on_step(s):
                if s == step: raise exc
            return real(*a, **k, on_step=on_step)
        return trainer
    monkeypatch.setattr(cli, "train_mpdd", stop_at(1, cli.Terminated()))       # SIGTERM as the handler raises it
    rc, o, e = run(["train", mic, "--out", w, "--method", "mpdd"], capsys)
    assert rc == 143 and "Traceback" not in e, e
    assert e.splitlines()[-1] == (f"microlad: train stopped by SIGTERM; the finished steps are saved in {w} (mpdd.ckpt): "
                                  "rerun the same command to resume"), e
    assert load_checkpoint(w / "mpdd.ckpt")["step"] == 1 and not (w / "mpdd.pt").exists()
    monkeypatch.setattr(cli, "train_mpdd", stop_at(2, KeyboardInterrupt()))    # Ctrl-C
    rc, o, e = run(["train", mic, "--out", w, "--method", "mpdd"], capsys)
    assert rc == 130 and "MPDD: resuming from step 1 of 3" in e and "train stopped by Ctrl-C" in e, e
    monkeypatch.setattr(cli, "train_mpdd", real)
    rc, o, e = run(["train", mic, "--out", w, "--method", "mpdd"], capsys)
    assert rc == 0 and "MPDD: resuming from step 2 of 3" in e and '"steps_done": 3' in o, e + o
    # MPDD takes the sampler options; a shape that is not a multiple of 16 is refused by the parser
    rc, o, e = run(["reconstruct", "--weights", w, "--out", tmp_path / "o", "--shape", "16", "16", "16",
                    "--steps", "2", "--sampler", "ddim"], capsys)
    assert rc == 0 and load_volume(tmp_path / "o" / "volume_000.npy").shape == (16, 16, 16), e
    rc, o, e = run(["reconstruct", "--weights", w, "--out", tmp_path / "o", "--match-fractions", "--micrograph", mic], capsys)
    assert rc == 2 and one_error_line(e).startswith("--match-fractions is not supported with MPDD weights"), e


def test_budget_and_slicegan_refusals(mic, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "baseline_config", lambda m, p, P: tiny_config(m, p, P, steps=1000))
    w = tmp_path / "w"
    rc, o, e = run(["train", mic, "--out", w, "--method", "slicegan", "--budget-min", "0.0001"], capsys)
    assert rc == 0 and "time budget 0.0001 min" in e, e
    done = load_checkpoint(w / "slicegan.ckpt")["step"]
    assert 1 <= done < 1000 and f"time budget of 0.0001 min spent after {done} of 1000 steps" in e, e
    assert f'"steps_done": {done}' in o and (w / "slicegan.pt").is_file()
    out = tmp_path / "o"
    for extra, msg in [(["--shape", "48", "48", "48"], "this SliceGAN generator cannot make side 48"),
                       (["--match-fractions", "--micrograph", mic], "--match-fractions is not supported with SliceGAN weights"),
                       (["--fractions", "0.5,0.5"], "--fractions is not supported with SliceGAN weights"),
                       (["--steps", "5"], "--steps does not apply to SliceGAN weights")]:
        rc, o, e = run(["reconstruct", "--weights", w, "--out", out, *extra], capsys)
        assert rc == 2 and one_error_line(e).startswith(msg), e
        assert not out.exists()                                    # nothing left behind
    rc, o, e = run(["train", mic, "--out", tmp_path / "m", "--method", "gan"], capsys)
    assert rc == 2 and "argument --method: invalid choice: 'gan'" in one_error_line(e), e
    rc, o, e = run(["train", mic, "--out", tmp_path / "m", "--method", "mpdd", "--budget-min", "0"], capsys)
    assert rc == 2 and "argument --budget-min: must be a number of minutes > 0, got 0" in one_error_line(e), e


def test_help(capsys):
    with pytest.raises(SystemExit) as ex: main(["train", "--help"])
    h = " ".join(capsys.readouterr().out.split())
    assert ex.value.code == 0 and "--method {microlad,mpdd,slicegan}" in h and "(default: microlad)" in h
    assert "--budget-min MIN stop after MIN minutes of training" in h and "microlad gives the VAE 33% of it (62% with --preset quality)" in h


def test_microlad_budget(mic, tmp_path, monkeypatch, capsys):
    "`microlad train --budget-min` (no --method): both stages stop on the clock, say so, and the weights load."
    from test_cli import tiny
    def long(name, P):
        p = tiny(name, P)
        return replace(p, vae_train=replace(p.vae_train, steps=10 ** 6, every=10 ** 6),
                       ldm_train=replace(p.ldm_train, steps=10 ** 6, every=10 ** 6))
    monkeypatch.setattr(cli, "preset", long)
    w = tmp_path / "w"
    rc, o, e = run(["train", mic, "--out", w, "--budget-min", "0.02"], capsys)
    assert rc == 0 and "time budget 0.02 min (VAE 33%, LDM the rest)" in e, e
    v, l = load_checkpoint(w / "vae.ckpt")["step"], load_checkpoint(w / "ldm.ckpt")["step"]
    assert 1 <= v < 10 ** 6 and 1 <= l < 10 ** 6, (v, l)
    assert f"time budget of 0.02 min spent: VAE {v} of 1000000, LDM {l} of 1000000 steps" in e, e
    assert '"budget": {' in o and f'"vae_steps": {v}' in o
    from microlad.ldm import load_model
    assert load_model(w).fingerprint == load_checkpoint(w / "ldm.pt")["fingerprint"]
