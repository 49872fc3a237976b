"""Browser render time of the isosurface figure (issue: "renders in < 2 s in the browser").

Writes `analysis.isosurface_figure` of one 64³ volume as standalone HTML (plotly.js inlined, as
`save_figure(..., '.html')` and `make demo` do) for several `max_side` block-averaging levels, opens
each file in headless Debian Chromium (software WebGL, `--disable-gpu`) with playwright-core, and
prints the time from the start of navigation until Plotly.newPlot resolved and until two animation
frames later (the first drawn frame), plus the HTML size. Needs the browser-test tools
(`sh tests/browser/setup.sh`).

    .venv/bin/python bench/bench_render.py                 # porous reconstruction from the shipped weights
    .venv/bin/python bench/bench_render.py --name anode --repeats 5
"""
from __future__ import annotations
import argparse, json, os, platform, shutil, subprocess, sys, tempfile
from pathlib import Path

import numpy as np
import plotly.graph_objects as go

from microlad.analysis import isosurface_figure

ROOT = Path(__file__).resolve().parents[1]
BROWSER = ROOT / "tests" / "browser"
T0 = "<script>window.__t0 = performance.now();</script>"
MARK = "window.__t_plot = performance.now(); requestAnimationFrame(() => requestAnimationFrame(() => { window.__t_frame = performance.now(); }));"


def page(fig, path: Path):
    "Standalone HTML like `save_figure` (plotly.js inlined), with time marks after plotly.js and after the first frame."
    from plotly.offline import get_plotlyjs
    body = fig.to_html(full_html=False, include_plotlyjs=False, post_script=MARK)
    path.write_text(f'<html><head><meta charset="utf-8"><script type="text/javascript">{get_plotlyjs()}</script></head>'
                    f"<body>{T0}{body}</body></html>")


def volume(name: str, size: int) -> tuple[np.ndarray, str]:
    try:
        from microlad.pipeline import bundled_model
        from microlad.lmpdd import reconstruct
        m = bundled_model(name, device="cpu")
        return reconstruct(m, (size,) * 3, n=1, seed=0, progress=False)[0].numpy(), f"L-MPDD {name} {size}³ (seed 0)"
    except FileNotFoundError:
        from scipy import ndimage
        v = ndimage.gaussian_filter(np.random.default_rng(0).normal(size=(size,) * 3), 3) > 0
        return v.astype(np.int64), f"smoothed-noise two-phase {size}³ (no shipped weights)"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--name", default="porous")
    ap.add_argument("--size", type=int, default=64)
    ap.add_argument("--max-sides", default="16,24,32,64", help="block-averaging levels (24 is the default of isosurface_figure)")
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not (Path(chromium).exists() and shutil.which("node") and (BROWSER / "node_modules" / "playwright-core").is_dir()):
        sys.exit("needs Chromium, node and playwright-core: run `sh tests/browser/setup.sh` first")
    vol, what = volume(a.name, a.size)
    P = int(vol.max()) + 1
    d = Path(tempfile.mkdtemp(prefix="bench_render_"))
    files = {}
    for ms in (int(s) for s in a.max_sides.split(",")):
        f = d / f"iso_{ms}.html"
        page(isosurface_figure(vol, n_phases=P, max_side=ms), f)
        files[ms] = f
    f = d / "empty.html"                                 # the fixed cost: an empty 3D scene
    page(go.Figure(layout=dict(scene=dict(aspectmode="cube"))), f)
    files["empty 3D scene"] = f
    r = subprocess.run(["node", str(BROWSER / "render_time.mjs"), str(a.repeats), *map(str, files.values())],
                       capture_output=True, text=True, timeout=1800, env=dict(os.environ, CHROMIUM=chromium))
    lines = [l for l in r.stdout.splitlines() if l.startswith("{")]
    if not lines: sys.exit(f"render_time.mjs failed (rc {r.returncode}): {r.stderr[-2000:]}")
    res = json.loads(lines[-1])
    ver = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"# bench_render: isosurface_figure of {what}, {P} phases ({P - 1 if P > 1 else 1} shown, phase 0 legend-only)")
    print(f"# {platform.machine()}, {os.cpu_count()} cores, {ver}, headless, --disable-gpu (software WebGL); "
          f"{a.repeats} page loads per row (median; max in brackets). plotly.js = parsing the inlined library (from navigation"
          " start); render = from then until the first drawn frame (in JupyterLab plotly.js is already loaded: render is what you wait for)")
    print()
    print("| figure | points / phase | HTML MB | plotly.js ms | render ms | whole page ms | render < 2 s | page < 2 s |")
    print("|---|---|---|---|---|---|---|---|")
    for ms, f in files.items():
        x = res[str(f)]
        if x["errors"]: print(f"# page errors for {ms}: {x['errors']}")
        t0, fr = np.asarray(x["t0_ms"]), np.asarray(x["frame_ms"])
        rend = fr - t0
        fmt = lambda v: f"{np.median(v):.0f} ({np.max(v):.0f})"
        if isinstance(ms, int):
            k = max(1, -(-a.size // ms)); label, n = f"isosurface, max_side {ms}", str((-(-a.size // k)) ** 3)
        else: label, n = ms, "-"
        print(f"| {label} | {n} | {f.stat().st_size / 1e6:.1f} | {fmt(t0)} | {fmt(rend)} | {fmt(fr)} | "
              f"{'yes' if rend.max() < 2000 else 'NO'} | {'yes' if fr.max() < 2000 else 'NO'} |")
    shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
