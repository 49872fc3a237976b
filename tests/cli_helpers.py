"""Helpers shared by the CLI test files: run `microlad.cli.main` in-process and read its one-line errors; run a
script in a child process and signal it at a known point."""
import contextlib, os, subprocess, sys
from pathlib import Path

from microlad.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(argv, capsys):
    "main(argv) -> (exit code, stdout, stderr)."
    rc = main([str(a) for a in argv])
    o, e = capsys.readouterr()
    return rc, o, e


def one_error_line(err: str) -> str:
    "The message of a one-line `microlad: error:` (fails on a traceback or several lines)."
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("microlad: error: "), err
    return err[len("microlad: error: "):-1]


def child_env() -> dict:
    "The environment of a child process: this checkout's `microlad` first, one thread."
    return {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}


@contextlib.contextmanager
def child(script: str, *args, ready: str):
    """`python -c script *args` in a child process (stdout and stderr piped), yielded once it has printed the line
    `ready`; killed and reaped on leaving."""
    p = subprocess.Popen([sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=child_env())
    try:
        assert p.stdout.readline().strip() == ready
        yield p
    finally:
        p.kill(); p.wait()
        p.stdout.close(); p.stderr.close()


def signal_at(script: str, *args, ready: str, sig: int, timeout: float = 60) -> tuple[int, str, str]:
    "Run `script` as a `child`, send it `sig` once it prints `ready` → (exit code, the rest of stdout, stderr)."
    with child(script, *args, ready=ready) as p:
        p.send_signal(sig)
        o, e = p.communicate(timeout=timeout)
    return p.returncode, o, e
