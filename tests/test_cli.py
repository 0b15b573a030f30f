"""The ``matcher`` command: in-process through ``main(argv)``, plus two smoke tests in a real subprocess."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from matcher.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample_applicants.csv"
DEV_SET = ROOT / "data" / "eval" / "dev.jsonl"
slow = pytest.mark.slow


@pytest.fixture
def cli(capsys):
    """Run ``matcher ARGS`` in this process; returns (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        status = main(list(args))
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


def test_catalog_json_lists_the_default_catalogue(cli):
    status, out, err = cli("catalog", "--format", "json")
    assert status == 0, err
    projects = json.loads(out)
    assert len(projects) == 60
    assert {p["organization"] for p in projects} >= {"Podman Container Tools", "kube-burner"}
    assert "warning: unknown label" in err  # warnings go to stderr, named by file:line
    assert "Traceback" not in err


def test_catalog_table_and_csv(cli, tmp_path):
    status, out, err = cli("catalog")
    assert status == 0
    assert "Implement flushing of conntrack entries" in out
    assert "60 projects under 25 organisations" in err
    export = tmp_path / "catalogue.csv"
    export.write_text(cli("catalog", "--format", "csv")[1], encoding="utf-8")
    assert len(json.loads(cli("catalog", str(export), "--format", "json")[1])) == 60


def test_catalog_bad_path_is_one_clear_line(cli):
    status, _, err = cli("catalog", "no/such/file.md")
    assert status == 1
    assert err.strip() == "matcher: error: no/such/file.md: no such file or folder"


def test_batch_bad_input_is_one_clear_line(cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Email\nAnn,a@x.org\n", encoding="utf-8")
    status, _, err = cli("batch", str(bad))
    assert status == 1 and "Traceback" not in err
    assert "cannot tell which column holds skills or interests (columns found: 'Name', 'Email')" in err


@slow
def test_recommend_json_shape(cli):
    status, out, err = cli(
        "recommend", "--skills", "TypeScript, React, Playwright, end-to-end testing", "--top", "3", "--format", "json"
    )
    assert status == 0, err
    items = json.loads(out)
    assert len(items) == 3
    expected = {"rank", "project_id", "title", "organization", "score", "components", "matched_skills"}
    expected |= {"missing_skills", "evidence", "explanation", "stretch"}
    assert expected <= set(items[0])
    assert set(items[0]["components"]) >= {"semantic", "lexical", "skills"}
    assert items[0]["title"] == "Implementing End-to-End Playwright Testing for KubeStellar UI"


@slow
def test_recommend_table_with_filter_and_clear_errors(cli):
    status, out, _ = cli("recommend", "--skills", "Go", "--organization", "Harbor", "--top", "2")
    assert status == 0 and "(Harbor)" in out and "fit " in out
    for args, message in [
        (("--skills", ""), "tell us some skills"),
        (("--skills", "zzqx vvbn"), "could not recognise"),
        (("--skills", "Go", "--organization", "Nope"), "unknown organisation"),
        (("--skills", "Go", "--catalog", "missing.md"), "missing.md: no such file"),
    ]:
        status, _, err = cli("recommend", *args)
        assert status == 1 and message in err and "Traceback" not in err


@slow
def test_evaluate_prints_the_table_and_writes_a_trec_run(cli, tmp_path):
    run = tmp_path / "run.txt"
    status, out, err = cli("evaluate", str(DEV_SET), "--run", str(run))
    assert status == 0, err
    for name in (
        "hybrid",
        "lexical (TF-IDF)",
        "dense (MiniLM)",
        "skills had",
        "wants (MiniLM)",
        "nDCG@5",
        "MRR",
        "cross-validation",
    ):
        assert name in out
    assert len(run.read_text().splitlines()) == 42 * 60


@slow
def test_batch_on_the_sample_applicants(cli, tmp_path):
    out, shortlist = tmp_path / "out.csv", tmp_path / "per_project.csv"
    status, _, err = cli("batch", str(SAMPLE), "-o", str(out), "--top", "3", "--per-project", str(shortlist))
    assert status == 0, err
    assert "12 applicants read: 12 scored, 0 not scored" in err
    assert "applicants/s" in err  # the progress bar
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 36 and {row["status"] for row in rows} == {"ok"}
    first = next(row for row in rows if row["applicant_id"] == "lucas.m@example.org" and row["rank"] == "1")
    assert first["title"] == "Implementing End-to-End Playwright Testing for KubeStellar UI"
    assert len(list(csv.DictReader(shortlist.open(encoding="utf-8")))) == 60 * 10


@slow
def test_batch_to_standard_output_leaves_it_open(cli):
    status, out, _ = cli("batch", str(SAMPLE), "--top", "1")
    assert status == 0 and len(list(csv.DictReader(out.splitlines()))) == 12
    assert not sys.stdout.closed
    print("still writable")


@slow
def test_assign_with_capacities(cli, tmp_path):
    capacities = tmp_path / "caps.csv"
    capacities.write_text("project,capacity\nHarbor CLI - System Settings and Configuration,2\n", encoding="utf-8")
    out = tmp_path / "assign.csv"
    status, _, err = cli("assign", str(SAMPLE), "-o", str(out), "--capacity", "0", "--capacities", str(capacities))
    assert status == 0, err
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assigned = [row for row in rows if row["status"] == "assigned"]
    assert len(assigned) == 2 and {row["title"] for row in assigned} == {
        "Harbor CLI - System Settings and Configuration"
    }
    assert any(row["applicant_id"] == "noah@example.org" for row in assigned)
    assert sum(row["status"] == "unassigned" for row in rows) == 10


# --------------------------------------------------------------------------- real processes


def run_process(*args: str) -> subprocess.CompletedProcess:
    """``python -m matcher.cli ARGS`` in a new process with a bare environment, as a user's shell runs it."""
    return subprocess.run(
        [sys.executable, "-m", "matcher.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
    )


@slow
def test_smoke_recommend_in_a_new_process():
    result = run_process("recommend", "--skills", "golang, k8s, controller-runtime", "--top", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 2


@slow
def test_smoke_error_in_a_new_process_is_one_line():
    result = run_process("batch", "no/such.csv")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == "matcher: error: no/such.csv: no such file"


@slow
def test_evaluate_a_two_grader_set_reports_subsets_and_agreement(cli):
    status, out, err = cli("evaluate", str(ROOT / "data" / "eval" / "graded-default.jsonl"))
    assert status == 0, err
    assert "nDCG@5 by subset  tune (220)  test (25)  hard (88)" in out
    assert "graders A and B on 245 profiles: nDCG@5 of one against the other 0.941" in out


def test_evaluate_extraction_prints_precision_and_recall_per_role(cli):
    status, out, err = cli("evaluate", str(ROOT / "data" / "eval" / "extraction.jsonl"), "--extraction")
    assert status == 0, err
    assert "have P" in out and "avoid R" in out and "labellers against each other" in out
    assert "660 labelled phrases" in out


@slow
def test_next_prints_the_skills_that_bring_projects_in(cli):
    status, out, err = cli("next", "--skills", "Python, pandas", "--interests", "machine learning on Kubernetes")
    assert status == 0, err
    assert out.startswith("1. Learn ") and "into your top 10" in out
    status, out, _ = cli("next", "--skills", "Python, pandas", "--format", "json", "--limit", "2")
    steps = json.loads(out)
    assert 1 <= len(steps) <= 2 and all(step["unlocks"] for step in steps)
