"""Nothing lost (issue 17): earlier results, concurrent runs and write faults, each through the
`microlad` entry point `microlad.cli.main([...])` (exit code, the one-line message, and every
earlier file byte-identical afterwards), plus a `reconstruct` killed with SIGKILL mid-write.

Volumes are 16³ with 2 sampler steps and the bundled porous weights, so each run takes ~1 s."""
import contextlib, os, shutil, signal, tempfile, textwrap, time
from pathlib import Path

import numpy as np
import pytest

from cli_helpers import run, child, signal_at

from microlad.cli import main
from microlad.pipeline import LOCK_NAME
from microlad.data import load_volume, default_micrograph
from microlad.pipeline import bundled_weights

W = str(bundled_weights("porous"))
MIC = str(default_micrograph("porous"))
TINY = ["--shape", "16", "16", "16", "--steps", "2"]


def recon(out, *extra):
    return ["reconstruct", "--weights", W, "--out", str(out), *TINY, *extra]



def snapshot(folder) -> dict:
    "Every file in `folder` (hidden ones too) -> its bytes."
    return {p.name: p.read_bytes() for p in sorted(Path(folder).iterdir()) if p.is_file()}


def assert_kept(before: dict, folder):
    "Every earlier file is still there, byte-identical (report.txt: its earlier bytes are an unchanged prefix)."
    now = snapshot(folder)
    for name, b in before.items():
        if name.startswith(LOCK_NAME): continue
        assert name in now, f"{name} was removed"
        if name == "report.txt": assert now[name].startswith(b), "report.txt was not appended to"
        else: assert now[name] == b, f"{name} changed"


# --- earlier results ---------------------------------------------------------------------------

def test_second_run_continues_numbering_and_appends_report(tmp_path, capsys):
    rc, _, _ = run(recon(tmp_path, "--n", "2", "--micrograph", MIC), capsys)
    assert rc == 0
    before = snapshot(tmp_path)
    assert {"volume_000.tif", "volume_001.npy", "slices.png", "report.txt"} <= set(before)
    rc, out, err = run(recon(tmp_path, "--seed", "1", "--micrograph", MIC), capsys)
    assert rc == 0, err
    assert_kept(before, tmp_path)
    last = out.strip().splitlines()[-1]
    assert last == (f"wrote {tmp_path}/volume_002.tif, {tmp_path}/volume_002.npy, {tmp_path}/report.txt, "
                    f"{tmp_path}/slices_002.png"), last
    assert not np.array_equal(load_volume(tmp_path / "volume_002.npy"), load_volume(tmp_path / "volume_000.npy"))
    report = (tmp_path / "report.txt").read_text()
    assert report.count("volume_000..volume_001 (seed 0") == 1 and report.count("volume_002..volume_002 (seed 1") == 1


def test_overwrite_replaces_and_says_how_many(tmp_path, capsys):
    assert run(recon(tmp_path, "--n", "2", "--micrograph", MIC), capsys)[0] == 0
    assert run(recon(tmp_path, "--seed", "1"), capsys)[0] == 0           # volume_002 + slices_002.png
    (tmp_path / "notes.txt").write_text("mine")                           # not a microlad result: never touched
    rc, out, err = run(recon(tmp_path, "--seed", "5", "--overwrite"), capsys)
    assert rc == 0, err
    assert f"replaced 9 earlier file(s) in {tmp_path} (--overwrite)" in out, out
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert names == ["notes.txt", "slices.png", "volume_000.npy", "volume_000.tif"], names
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_demo_keeps_earlier_results(tmp_path, capsys):
    (tmp_path / "volume_000.npy").write_bytes(b"earlier run")             # contents are never read, only kept
    (tmp_path / "slices.png").write_bytes(b"earlier picture")
    before = snapshot(tmp_path)
    rc, out, err = run(["demo", "--out", tmp_path, "--shape", "16", "16", "16"], capsys)
    assert rc == 0, err
    assert_kept(before, tmp_path)
    assert load_volume(tmp_path / "volume_001.npy").shape == (16, 16, 16)
    assert f"{tmp_path}/slices_001.png" in out and f"{tmp_path}/report.txt" in out


# --- two processes, one folder -----------------------------------------------------------------

HOLDER = textwrap.dedent("""
    import sys, time
    from microlad.pipeline import output_folder
    with output_folder(sys.argv[1]):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
""")


@contextlib.contextmanager
def holder(folder, seconds):
    "Another process that holds `folder`'s microlad lock for `seconds` (after it prints 'held')."
    with child(HOLDER, folder, seconds, ready="held") as p: yield p


def test_second_process_refused_then_waits(tmp_path, capsys):
    assert run(recon(tmp_path), capsys)[0] == 0
    before = snapshot(tmp_path)
    with holder(tmp_path, 2) as p:
        rc, out, err = run(recon(tmp_path, "--seed", "1"), capsys)
        assert rc == 2
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("microlad: error: "), err
        assert f"in use by another microlad process (pid {p.pid} on " in err and f"lock file {tmp_path / LOCK_NAME}" in err, err
        assert "--wait" in err
        assert_kept(before, tmp_path)
        assert not (tmp_path / "volume_001.npy").exists()
        t = time.perf_counter()
        rc, out, err = run(recon(tmp_path, "--seed", "1", "--wait"), capsys)   # waits until the holder lets go
        assert rc == 0, err
        assert "microlad: waiting: " in err and f"pid {p.pid}" in err
        assert p.poll() is not None or time.perf_counter() - t > 1
    assert_kept(before, tmp_path)
    assert load_volume(tmp_path / "volume_001.tif").shape == (16, 16, 16)


# --- folders that cannot be written ------------------------------------------------------------

def test_out_is_a_file(tmp_path, capsys):
    f = tmp_path / "result.npy"; f.write_bytes(b"precious")
    for out in (f, f / "sub"):
        rc, _, err = run(recon(out), capsys)
        assert rc == 2
        assert err == f"microlad: error: cannot use {out} as output folder: {f} is a file, not a folder\n", err
    assert f.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.npy"]


@contextlib.contextmanager
def unprivileged():
    "Run the body with the effective ids of user nobody (the kernel then checks permissions; root is exempt)."
    os.setegid(65534); os.seteuid(65534)
    try: yield
    finally: os.seteuid(0); os.setegid(0)


def test_read_only_folder(capsys):
    "A folder this user may not write. As root (exempt from permissions) the run drops to user nobody."
    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o755)
        out = base / "ro"; out.mkdir()
        (out / "volume_000.npy").write_bytes(b"earlier")
        out.chmod(0o555)
        before = snapshot(out)
        ctx = unprivileged() if os.geteuid() == 0 else contextlib.nullcontext()
        with ctx:
            with pytest.raises(PermissionError): (out / "probe").write_text("x")   # the setup really is read-only
            rc, _, err = run(recon(out), capsys)
        assert rc == 2
        assert err == (f"microlad: error: cannot write into output folder {out}: "
                       "permission denied or read-only filesystem\n"), err
        assert snapshot(out) == before
    finally:
        (base / "ro").chmod(0o755); shutil.rmtree(base)


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux sysfs")
def test_folder_even_root_cannot_write(capsys):
    "sysfs refuses new folders and files to every user, root included: a real unwritable location."
    rc, _, err = run(recon("/sys/microlad-test-out"), capsys)
    assert rc == 2 and err.startswith("microlad: error: ") and err.count("\n") == 1, err
    assert "/sys/microlad-test-out" in err
    assert not Path("/sys/microlad-test-out").exists()


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs POSIX file-size limits")
def test_write_fault_mid_run_removes_the_runs_files(tmp_path, capsys):
    """A write that fails half-way through a run (here: the kernel's per-file size limit, RLIMIT_FSIZE, which
    stops root too, makes volume_001.vti fail after volume_001.npy was written): one line, exit 2, and the
    folder exactly as before, the run's finished volume_001.npy removed again."""
    import resource
    assert run(recon(tmp_path), capsys)[0] == 0
    before = snapshot(tmp_path)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)                  # fail the write (EFBIG), don't kill
    resource.setrlimit(resource.RLIMIT_FSIZE, (4400, hard))               # a 16³ .npy is 4224 bytes, a .vti 4614
    try: rc = main([str(a) for a in recon(tmp_path, "--seed", "1", "--formats", "npy", "vti")])
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard)); signal.signal(signal.SIGXFSZ, old)
    _, err = capsys.readouterr()
    assert rc == 2
    assert "Traceback" not in err and err.splitlines()[-1] == f"microlad: error: File too large: {tmp_path / 'volume_001.vti'}", err
    assert snapshot(tmp_path) == before


# --- killed in the middle of writing -----------------------------------------------------------

KILLED = textwrap.dedent("""
    import io, sys, time
    import numpy as np
    real_save, calls = np.save, [0]
    def slow_save(f, arr, **kw):            # a slow disk: half of volume_001.npy, then a long stall
        calls[0] += 1
        if calls[0] == 1:
            b = io.BytesIO(); real_save(b, arr, **kw); f.write(b.getvalue()[:len(b.getvalue()) // 2]); f.flush()
            print("mid-write", flush=True); time.sleep(60)
        return real_save(f, arr, **kw)
    np.save = slow_save
    from microlad.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def test_sigkill_mid_write_leaves_only_complete_volumes(tmp_path, capsys):
    assert run(recon(tmp_path, "--micrograph", MIC), capsys)[0] == 0      # an earlier run: volume_000
    before = snapshot(tmp_path)
    rc, _, _ = signal_at(KILLED, *recon(tmp_path, "--n", "2", "--seed", "1"), ready="mid-write", sig=signal.SIGKILL)
    assert rc == -signal.SIGKILL
    assert_kept(before, tmp_path)
    new = sorted(n for n in set(snapshot(tmp_path)) - set(before) if not n.startswith("."))
    # volume_001.tif was finished; volume_001.npy was half written when killed: it must not exist in any form
    assert new == ["volume_001.tif"], new
    assert load_volume(tmp_path / "volume_001.tif").shape == (16, 16, 16)
    hidden = sorted(n for n in snapshot(tmp_path) if n.startswith("."))
    if _anonymous_file_supported(tmp_path):                                # Linux: nothing partial, not even hidden
        assert hidden == [LOCK_NAME, LOCK_NAME + ".owner"], hidden         # the dead run's owner note, nothing else
    # the kernel released the dead process's lock: the next run goes ahead and continues after volume_001
    rc, out, err = run(recon(tmp_path, "--seed", "2"), capsys)
    assert rc == 0, err
    assert f"{tmp_path}/volume_002.npy" in out
    assert sorted(n for n in snapshot(tmp_path) if n.startswith(".")) == [LOCK_NAME]   # any debris swept too


def _anonymous_file_supported(folder) -> bool:
    from microlad.data import _anonymous_file
    fd = _anonymous_file(Path(folder))
    if fd is None: return False
    os.close(fd); return True


def test_sigterm_mid_write_removes_this_runs_files(tmp_path, capsys):
    "SIGTERM (kill, timeout, Slurm) in the same place: the run removes what it wrote, says so, exits 143."
    assert run(recon(tmp_path), capsys)[0] == 0
    before = snapshot(tmp_path)
    rc, _, err = signal_at(KILLED, *recon(tmp_path, "--n", "2", "--seed", "1"), ready="mid-write", sig=signal.SIGTERM)
    assert rc == 128 + signal.SIGTERM and "Traceback" not in err, err
    assert "microlad: interrupted by SIGTERM; the files of this run were removed" in err
    assert_kept(before, tmp_path)
    assert sorted(snapshot(tmp_path)) == sorted(before)                    # nothing new, not even the owner note
