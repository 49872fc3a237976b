"Helpers shared by the CLI test files: run `microlad.cli.main` in-process and read its one-line errors."
from microlad.cli import main


def run(argv, capsys):
    "main(argv) -> (exit code, stdout, stderr)."
    rc = main([str(a) for a in argv])
    o, e = capsys.readouterr()
    return rc, o, e


def one_error_line(err: str) -> str:
    "The message of a one-line `microlad: error:` (fails on a traceback or several lines)."
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("microlad: error: "), err
    return err[len("microlad: error: "):-1]
