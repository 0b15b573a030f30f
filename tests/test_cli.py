"""The real ``matcher`` command in a subprocess, as users run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, input_text: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "matcher.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input=input_text,
        timeout=timeout,
        env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
    )


def test_catalog_json_lists_the_default_catalogue():
    result = run_cli("catalog", "--format", "json")
    assert result.returncode == 0, result.stderr
    projects = json.loads(result.stdout)
    assert len(projects) == 60
    assert {p["organization"] for p in projects} >= {"Podman Container Tools", "kube-burner"}
    assert "warning: unknown label" in result.stderr  # warnings go to stderr, named by file:line
    assert "Traceback" not in result.stderr


def test_catalog_table_and_csv(tmp_path):
    table = run_cli("catalog")
    assert table.returncode == 0
    assert "Implement flushing of conntrack entries" in table.stdout
    assert "60 projects under 25 organisations" in table.stderr
    csv_out = run_cli("catalog", "--format", "csv")
    export = tmp_path / "catalogue.csv"
    export.write_text(csv_out.stdout, encoding="utf-8")
    again = run_cli("catalog", str(export), "--format", "json")
    assert len(json.loads(again.stdout)) == 60


def test_catalog_bad_path_is_one_clear_line():
    result = run_cli("catalog", "no/such/file.md")
    assert result.returncode == 1
    assert result.stderr.strip() == "matcher: error: no/such/file.md: no such file or folder"
