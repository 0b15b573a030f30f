"""The real ``matcher`` command in a subprocess, as users run it."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from matcher.data import sample_applicants_path

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


def test_recommend_json_shape():
    result = run_cli(
        "recommend", "--skills", "TypeScript, React, Playwright, end-to-end testing", "--top", "3", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert len(items) == 3
    expected = {"rank", "project_id", "title", "organization", "score", "components", "matched_skills"}
    expected |= {"missing_skills", "evidence", "explanation", "stretch"}
    assert expected <= set(items[0])
    assert set(items[0]["components"]) == {"semantic", "lexical", "skills"}
    assert items[0]["title"] == "Implementing End-to-End Playwright Testing for KubeStellar UI"


def test_recommend_table_with_filter_and_clear_errors():
    result = run_cli("recommend", "--skills", "Go", "--organization", "Harbor", "--top", "2")
    assert result.returncode == 0 and "(Harbor)" in result.stdout and "fit " in result.stdout
    for args, message in [
        (("--skills", ""), "tell us some skills"),
        (("--skills", "zzqx vvbn"), "could not recognise"),
        (("--skills", "Go", "--organization", "Nope"), "unknown organisation"),
        (("--skills", "Go", "--catalog", "missing.md"), "missing.md: no such file"),
    ]:
        failed = run_cli("recommend", *args)
        assert failed.returncode == 1 and message in failed.stderr and "Traceback" not in failed.stderr


def test_evaluate_prints_the_table_and_writes_a_trec_run(tmp_path):
    run = tmp_path / "run.txt"
    result = run_cli("evaluate", "data/eval/dev.jsonl", "--run", str(run))
    assert result.returncode == 0, result.stderr
    for name in ("hybrid", "lexical (TF-IDF)", "dense (MiniLM)", "skills only", "nDCG@5", "MRR"):
        assert name in result.stdout
    assert len(run.read_text().splitlines()) == 42 * 60


def test_batch_on_the_sample_applicants(tmp_path):
    out, shortlist = tmp_path / "out.csv", tmp_path / "per_project.csv"
    result = run_cli(
        "batch", str(sample_applicants_path()), "-o", str(out), "--top", "3", "--per-project", str(shortlist)
    )
    assert result.returncode == 0, result.stderr
    assert "12 applicants read: 12 scored, 0 not scored" in result.stderr
    assert "applicants/s" in result.stderr  # the progress bar
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 36 and {row["status"] for row in rows} == {"ok"}
    first = next(row for row in rows if row["applicant_id"] == "lucas.m@example.org" and row["rank"] == "1")
    assert first["title"] == "Implementing End-to-End Playwright Testing for KubeStellar UI"
    assert len(list(csv.DictReader(shortlist.open(encoding="utf-8")))) == 60 * 10


def test_batch_bad_input_is_one_clear_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Email\nAnn,a@x.org\n", encoding="utf-8")
    result = run_cli("batch", str(bad))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "cannot tell which column holds skills or interests (columns found: 'Name', 'Email')" in result.stderr


def test_assign_with_capacities(tmp_path):
    capacities = tmp_path / "caps.csv"
    capacities.write_text("project,capacity\nHarbor CLI - System Settings and Configuration,2\n", encoding="utf-8")
    out = tmp_path / "assign.csv"
    result = run_cli(
        "assign", str(sample_applicants_path()), "-o", str(out), "--capacity", "0", "--capacities", str(capacities)
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assigned = [row for row in rows if row["status"] == "assigned"]
    assert len(assigned) == 2 and {row["title"] for row in assigned} == {
        "Harbor CLI - System Settings and Configuration"
    }
    assert any(row["applicant_id"] == "noah@example.org" for row in assigned)
    assert sum(row["status"] == "unassigned" for row in rows) == 10
