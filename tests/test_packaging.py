"""The package as users get it: a wheel carrying its data, working outside the checkout; no import circles."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import matcher

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(f"matcher.{module.name}" for module in pkgutil.iter_modules(matcher.__path__))


def module_imports(name: str) -> set[str]:
    """The ``matcher`` modules a module imports, at the top or lazily inside functions (not type-only imports)."""
    tree = ast.parse((ROOT / "matcher" / f"{name.split('.')[1]}.py").read_text(encoding="utf-8"))
    type_only = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
        for child in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("matcher."):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("matcher."))
    return found & set(MODULES)


def test_no_import_circle():
    graph = {module: module_imports(module) for module in MODULES}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, "import circle: " + " -> ".join((*path, module))
        if module not in done:
            for imported in graph[module]:
                visit(imported, (*path, module))
            done.add(module)

    for module in MODULES:
        visit(module, ())


@pytest.mark.slow
def test_every_module_imports_alone():
    """Each module imports in a fresh interpreter (all at once, in parallel processes)."""
    processes = {
        module: subprocess.Popen(
            [sys.executable, "-c", f"import {module}"], cwd=ROOT, stderr=subprocess.PIPE, text=True
        )
        for module in MODULES
    }
    failed = {module: process.communicate()[1] for module, process in processes.items()}
    assert {module: error for module, error in failed.items() if processes[module].returncode} == {}


@pytest.mark.slow
def test_the_library_changes_no_process_wide_state(tmp_path):
    """Importing every library module and using it leaves the environment and the CSV limit as they were.

    Third-party libraries are imported first: scikit-learn sets ``KMP_*`` variables of its own on import.
    """
    script = f"""
import csv, os, pathlib
import matplotlib.pyplot, numpy, openpyxl, pandas, rapidfuzz, scipy, sklearn, threadpoolctl, tqdm
before = (dict(os.environ), csv.field_size_limit())
import {", ".join(module for module in MODULES if module != "matcher.cli")}
from matcher.catalogue import load_catalogue
from matcher.coordinator import run_coordinator
from matcher.applicants import read_applicants
from matcher.recommender import Recommender
from tests.fakes import HashingEncoder
recommender = Recommender(load_catalogue(), encoder=HashingEncoder(), cache_dir=pathlib.Path({str(tmp_path)!r}))
_, rows = read_applicants(b"id,skills\\na," + b"Go " * 100000 + b"\\n", name="big.csv")
assert run_coordinator(recommender, rows).scored == 1
assert (dict(os.environ), csv.field_size_limit()) == before
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = folder.glob("matcher-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_carries_the_vocabulary_and_the_default_catalogue(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert {"matcher/data/skills.json", "matcher/data/lfx-2025-term3.md"} <= set(names)
    assert not any(name.startswith(("data/", "tests/")) for name in names)


@pytest.mark.slow
def test_the_wheel_works_in_a_fresh_environment_outside_the_checkout(wheel, tmp_path):
    """Install the wheel alone into a new venv that borrows this one's dependencies, then run it elsewhere."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    # the dependencies (torch, sentence-transformers, ...) come from this environment, the project from the wheel
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([python, "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True, capture_output=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [python, "-m", "matcher.cli", *args], cwd=work, env=env, capture_output=True, text=True, timeout=300
        )

    where = subprocess.run(
        [python, "-c", "import matcher; print(matcher.__file__)"], cwd=work, env=env, text=True, capture_output=True
    )
    assert where.stdout.startswith(str(site)), where.stdout + where.stderr
    recommended = run("recommend", "--skills", "golang, k8s", "--top", "2", "--format", "json")
    assert recommended.returncode == 0, recommended.stderr
    assert len(json.loads(recommended.stdout)) == 2
    applicants = work / "applicants.csv"
    applicants.write_bytes((ROOT / "data" / "sample_applicants.csv").read_bytes())
    batch = run("batch", str(applicants), "-o", "scored.csv", "--top", "1")
    assert batch.returncode == 0, batch.stderr
    assert "12 applicants read: 12 scored" in batch.stderr
    assert len((work / "scored.csv").read_text(encoding="utf-8").splitlines()) == 13
