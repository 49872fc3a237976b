"""A wheel (or a regular, non-editable `pip install .`) must carry the bundled micrographs and the
shipped weights, and `microlad.data.data_dir()` must find them there: `<prefix>/share/microlad/data`."""
import shutil, subprocess, sys, zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["setup.py", "settings.ini", "README.md", "pyproject.toml", "MANIFEST.in", "microlad", "data"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    "Build the wheel from a copy of the source tree (keeps build/ out of the checkout)."
    if not (ROOT / "data" / "weights" / "porous" / "vae.pt").exists(): pytest.skip("no shipped weights in this checkout")
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        p = ROOT / name
        if p.is_dir(): shutil.copytree(p, src / name, ignore=shutil.ignore_patterns("*.ckpt", "__pycache__"))
        elif p.exists(): shutil.copy2(p, src / name)
    out = tmp_path_factory.mktemp("wheel")
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    (whl,) = out.glob("microlad-*.whl")
    return whl


def test_wheel_carries_micrographs_and_weights_but_not_checkpoints(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    data = sorted(n.split("/data/share/microlad/data/", 1)[1] for n in names if "/data/share/microlad/data/" in n)
    assert data == ["README.md", "anode_512.png", "carbonate_256.png", "porous_512.png", "sofc_anode.png",
                    *[f"weights/{m}/{f}" for m in ("anode", "carbonate", "porous", "sofc_anode")
                      for f in ("ldm.pt", "train_log.json", "vae.pt")]], data
    assert not any(n.endswith(".ckpt") for n in names)
    assert "microlad/data.py" in names and "microlad/_modidx.py" in names


def test_installed_layout_finds_bundled_data(wheel, tmp_path):
    "Lay the wheel out as pip would (package in site-packages, data under the prefix) and load a bundled model."
    site, prefix = tmp_path / "site", tmp_path / "prefix"
    with zipfile.ZipFile(wheel) as z:
        for n in z.namelist():
            if n.startswith("microlad/"): z.extract(n, site)
            elif "/data/share/" in n:
                dest = prefix / n.split("/data/", 1)[1]
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(z.read(n))
    code = (f"import sys; sys.prefix = {str(prefix)!r}\n"
            "import microlad, microlad.data as d, microlad.pipeline as p\n"
            "print(microlad.__file__); print(d.data_dir()); m = p.bundled_model('porous', device='cpu'); print(m.n_phases)")
    env = {k: v for k, v in __import__("os").environ.items() if k != "MICROLAD_DATA"}
    env["PYTHONPATH"] = str(site)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    pkg, ddir, n_phases = r.stdout.split()
    assert Path(pkg).is_relative_to(site)                          # the wheel's copy, not the checkout
    assert Path(ddir) == prefix / "share" / "microlad" / "data" and n_phases == "2"
