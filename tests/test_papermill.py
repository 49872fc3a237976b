"""Run every notebook that has a papermill `parameters` cell, with its smallest (CI) sizes.

The same notebooks, given paper-scale parameters with `papermill -p ...`, regenerate the
paper's tables on a GPU."""
import json
from pathlib import Path

import pytest

NBS = Path(__file__).resolve().parents[1] / "nbs"

# Notebooks that produce results must be papermill-parameterised.
RESULT_NOTEBOOKS = ["02_lmpdd", "03_sds", "05_analysis"]
# Smallest sizes for CI; anything not listed runs with the defaults in its parameters cell.
SMALL = {}


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
