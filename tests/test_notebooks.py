"""Every notebook runs top to bottom, plots, and its committed outputs are current."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from execute_notebooks import execute  # noqa: E402

from tests.conftest import SHARED  # noqa: E402

pytestmark = pytest.mark.slow
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def text_outputs(book) -> list[str]:
    return [
        output.get("text") or output.get("data", {}).get("text/plain", "")
        for cell in book.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if "image/png" not in output.get("data", {})
    ]


def test_the_two_notebooks_exist():
    assert {path.name for path in NOTEBOOKS} >= {"explore_catalogue.ipynb", "recommend_and_evaluate.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_runs_and_matches_its_committed_outputs(path):
    committed = nbformat.read(path, as_version=4)
    corpus = SHARED / "corpus"
    executed = execute(path, corpus if corpus.is_dir() else None)  # raises CellExecutionError when a cell fails
    for cell in executed.cells:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error"
            assert output.get("name") != "stderr", output.get("text")
    images = [o for c in executed.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, "no plot rendered"
    has_outputs = [bool(cell.get("outputs")) for cell in committed.cells if cell.cell_type == "code"]
    assert has_outputs == [bool(cell.get("outputs")) for cell in executed.cells if cell.cell_type == "code"], (
        "commit the notebook with its outputs"
    )
    if corpus.is_dir():  # the committed outputs were made with the shared corpus present
        assert text_outputs(executed) == text_outputs(committed), "outputs changed: run `make notebooks` and commit"


def test_notebooks_define_no_logic_of_their_own():
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                assert "def " not in cell.source and "class " not in cell.source, path.name


def test_plots_label_their_axes():
    from matcher import analysis, plots
    from matcher.catalogue import load_catalogue

    figure = plots.bar_chart(analysis.projects_per_organization(load_catalogue()), "t", "projects", "CNCF project")
    axes = figure.axes[0]
    assert axes.get_xlabel() == "projects" and axes.get_ylabel() == "CNCF project" and axes.get_title() == "t"
