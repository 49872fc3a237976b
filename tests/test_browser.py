"""End-to-end check of the interactive layer in a real browser (slow; `make test-browser`).

Starts JupyterLab headless on localhost, opens a small notebook in Debian's Chromium driven by
Playwright (npm `playwright-core`, `tests/browser/run_notebook.mjs`), runs all cells, checks that
the Plotly figure and the ipywidgets panel rendered, presses the panel's Reconstruct button in the
page and checks that the kernel answered. The notebook ends with the demo cells of
`nbs/11_widgets.ipynb` (the cells after its `parameters` cell, at small sizes), and the test checks
that no output shows raw HTML (`<span …>` as text), that the UMAP explorer's image box first shows
its placeholder and, after the mouse hovers a point of the map, the slice in phase colours (not a
solid single-colour box). Screenshots go to `out/browser/`.

Skipped unless pytest is run with `-m slow`, and with the reason when Chromium, Node.js or
playwright-core are missing and `tests/browser/setup.sh` cannot install them."""
import json, os, secrets, shutil, signal, socket, subprocess, sys, time, urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
BROWSER_DIR = ROOT / "tests" / "browser"
OUT = ROOT / "out" / "browser"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

CELLS = [
    """import os
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np, torch
from microlad.analysis import slices_figure
from microlad.widgets import ReconstructPanel
from microlad.vae import VAE, VAEConfig
from microlad.ldm import UNet, UNetConfig, Schedule, DiffusionConfig, LatentDiffusion
torch.manual_seed(0)
tiny = LatentDiffusion(VAE(VAEConfig(2, (8, 8, 16), 1, False, 4, 4)).eval(),
                       UNet(UNetConfig(channels=(16, 16, 16), n_res=1, attention=(False, False, True), groups=4)).eval(),
                       Schedule(DiffusionConfig()))
vol = np.random.default_rng(0).integers(0, 2, (32, 32, 32))""",
    'slices_figure(vol, title="browser test: three orthogonal slices")',
    """panel = ReconstructPanel(model=tiny, size=16)
panel.steps.value = 3
panel""",
    "from microlad.widgets import ReconstructPanel, SDSPanel, UMAPExplorer, close_panels",
]
# the demo cells of 11_widgets run with these parameters (small: the browser test runs on 2 cores)
DEMO_PARAMETERS = 'name = "porous"\nrun_demo = True\ndemo_size = 16\ndemo_steps = 3'
DONE = 'print("MICROLAD-" + "DONE")'


def demo_cells(nb_path=ROOT / "nbs" / "11_widgets.ipynb") -> list:
    "The code cells of the notebook after its papermill `parameters` cell."
    import nbformat
    cells = nbformat.read(nb_path, as_version=4).cells
    i = next(k for k, c in enumerate(cells) if "parameters" in c.metadata.get("tags", []))
    return [c.source for c in cells[i + 1:] if c.cell_type == "code"]


def _colour_shares(png: Path) -> list:
    "Fractions of the pixels of an image taken by each distinct colour, largest first."
    from PIL import Image
    import numpy as np
    px = np.asarray(Image.open(png).convert("RGB")).reshape(-1, 3)
    _, counts = np.unique(px, axis=0, return_counts=True)
    return sorted((counts / counts.sum()).tolist(), reverse=True)


def _selected(config) -> bool:
    return "slow" in (config.getoption("-m") or "")


def _tools_missing() -> str | None:
    if not Path(CHROMIUM).exists(): return f"Chromium not found at {CHROMIUM}"
    if not shutil.which("node"): return "node not found"
    if not (BROWSER_DIR / "node_modules" / "playwright-core").is_dir(): return "playwright-core not installed in tests/browser"
    return None


@pytest.fixture(scope="module")
def browser_tools(request):
    if not _selected(request.config):
        pytest.skip("browser test: run it with `make test-browser` (pytest -m slow)")
    if _tools_missing():
        r = subprocess.run(["sh", str(BROWSER_DIR / "setup.sh")], capture_output=True, text=True, timeout=900)
        if r.returncode and _tools_missing():
            pytest.skip(f"browser test tools unavailable ({_tools_missing()}); setup.sh said: {r.stderr.strip()[-300:]}")
    why = _tools_missing()
    if why: pytest.skip(f"browser test tools unavailable: {why}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(browser_tools, tmp_path_factory):
    "A JupyterLab server on localhost serving a temporary folder with the test notebook; yields (url, folder)."
    import nbformat
    d = tmp_path_factory.mktemp("lab")
    sources = CELLS + [DEMO_PARAMETERS] + demo_cells() + [DONE]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, d / "browser_test.ipynb")
    # no "official Jupyter news?" toast over the screenshots
    cfg = d / ".settings" / "@jupyterlab" / "apputils-extension"
    cfg.mkdir(parents=True)
    (cfg / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false"}))
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, OMP_NUM_THREADS="1", NUMBA_NUM_THREADS="1", JUPYTER_CONFIG_DIR=str(d / ".cfg"),
               JUPYTER_RUNTIME_DIR=str(d / ".run"), JUPYTERLAB_WORKSPACES_DIR=str(d / ".ws"))
    log = open(d / "lab.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={d}", "--LabApp.expose_app_in_browser=True",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         f"--LabApp.user_settings_dir={d / '.settings'}", f"--LabApp.workspaces_dir={d / '.ws'}", "--allow-root"],
        cwd=d, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            if proc.poll() is not None: pytest.fail(f"JupyterLab exited: {(d / 'lab.log').read_text()[-2000:]}")
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError: time.sleep(0.5)
        else: pytest.fail("JupyterLab did not start within 300 s")
        yield f"{base}/lab/tree/browser_test.ipynb?token={token}&reset", d
    finally:
        try: os.killpg(proc.pid, signal.SIGTERM)        # the server and the kernels it started
        except ProcessLookupError: pass
        try: proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL); proc.wait(10)
        log.close()


def test_notebook_renders_plot_and_widgets_in_chromium(lab):
    url, d = lab
    OUT.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["node", str(BROWSER_DIR / "run_notebook.mjs"), url, str(OUT)], capture_output=True, text=True,
                       timeout=900, env=dict(os.environ, CHROMIUM=CHROMIUM, UMAP_CELL=str(len(CELLS) + len(demo_cells()))))
    lines = [l for l in r.stdout.splitlines() if l.startswith("{")]
    assert lines, f"no result from run_notebook.mjs (rc {r.returncode}):\n{r.stderr[-3000:]}"
    res = json.loads(lines[-1])
    assert res["ok"], f"{res.get('error')}\nsteps: {res['steps']}\nstderr: {r.stderr[-2000:]}\nlab log: {(d / 'lab.log').read_text()[-1500:]}"
    assert not res["cell_errors"], res["cell_errors"]
    info = json.dumps(res, indent=1)
    assert res["plotly_plots"] >= 1 and res["heatmap_layers"] == 3, info       # the static figure: 3 heatmaps
    assert res["slider_count"] == 3, info                                        # one slider per axis
    assert res["widget_count"] >= 5 and res["int_fields"] >= 4, info            # the panel's widgets
    assert "16³ volume" in res["status_text"], res                               # the kernel answered the click
    assert res["widget_plots"] >= 2, info                                        # its two FigureWidgets
    assert res["gl_canvases"] >= 1, info                                         # the isosurface's WebGL scene
    assert res["progress_bars"] >= 1, info                                       # the run's progress bar
    for f in ("figure.png", "panel.png"):
        assert (OUT / f).stat().st_size > 10_000, f
    # issue 16: no output shows HTML source as text (e.g. a printed status line)
    assert res["outputs_checked"] >= 4 and not res["raw_html"], res["raw_html"]
    # the UMAP image box: a grey placeholder with text before the first hover, the slice after
    before, after = _colour_shares(OUT / "umap_before.png"), _colour_shares(OUT / "umap_after.png")
    assert res["umap_caption"].startswith(("x #", "y #", "z #", "dataset #")), info
    assert before[0] < 0.99 and len(before) > 3, before[:5]     # not one solid colour: background, border, text
    assert len(after) > 1 and after[0] < 0.95 and after[1] > 0.02, after[:5]   # two phases cover a real share of the box
