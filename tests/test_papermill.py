"""Run every notebook that has a papermill `parameters` cell, with its smallest (CI) sizes.

The same notebooks, given paper-scale parameters with `papermill -p ...`, regenerate the
paper's tables on a GPU."""
import json
from pathlib import Path

import pytest

NBS = Path(__file__).resolve().parents[1] / "nbs"

# Notebooks that produce results must be papermill-parameterised.
RESULT_NOTEBOOKS = ["02_lmpdd", "03_sds", "05_analysis"]
# `nbdev_test` already runs every notebook with the defaults in its parameters cell; here papermill
# injects smaller CI sizes, which also checks that the parameters really drive each notebook.
SMALL = {
    "02_lmpdd": dict(n_volumes=1, size=32, names=["carbonate"], compare_combine=False, n_ref=32),
    "03_sds": dict(size=16, steps=5, names=["carbonate"], targets=["vf"], n_crops=8),
    "05_analysis": dict(size=32, n_crops=16, diffusivity=False, guide_steps=5),
    "11_widgets": dict(demo_size=16, demo_steps=3),
    "13_ensemble": dict(n_volumes=2, side=16, steps=4),
}


def has_parameters(path: Path) -> bool:
    cells = json.loads(path.read_text())["cells"]
    return any("parameters" in c.get("metadata", {}).get("tags", []) for c in cells)


NOTEBOOKS = sorted(p for p in NBS.glob("*.ipynb") if has_parameters(p))


@pytest.mark.parametrize("name", RESULT_NOTEBOOKS)
def test_result_notebook_is_parameterised(name):
    path = NBS / f"{name}.ipynb"
    assert path.exists(), f"{path} is missing"
    assert has_parameters(path), f"{path.name} has no cell tagged 'parameters'"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_papermill(nb, tmp_path):
    import papermill as pm
    pm.execute_notebook(str(nb), str(tmp_path / nb.name), parameters=SMALL.get(nb.stem, {}),
                        kernel_name="python3", cwd=str(NBS), progress_bar=False)
