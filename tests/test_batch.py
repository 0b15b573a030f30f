"""Batch scoring on hostile inputs (every row accounted for, a clear message otherwise), shortlists, assignment."""

from __future__ import annotations

import csv
import io
import itertools

import numpy as np
import pytest

from matcher.applicants import Columns, read_applicants
from matcher.assignment import PreferenceMode, assign, candidate_pairs, match_preferences, read_capacities
from matcher.batch import ScoreRow, Shortlists, score_applicants, score_rows
from matcher.catalogue import load_catalogue
from matcher.coordinator import CoordinatorOptions, run_coordinator
from matcher.errors import InputError
from matcher.recommender import Recommender
from tests.fakes import HashingEncoder

HEADER = "Name,Email,What are your skills?,Why this project?\n"


@pytest.fixture(scope="module")
def recommender(tmp_path_factory):
    return Recommender(load_catalogue(), encoder=HashingEncoder(), cache_dir=tmp_path_factory.mktemp("cache"))


def run(recommender, path, top=2, **overrides):
    columns, rows = read_applicants(path, Columns(**overrides) if overrides else None)
    scored = list(score_applicants(recommender, rows, top=top, chunk_size=7))
    return columns, scored, [row for item in scored for row in score_rows(item)]


def write(tmp_path, text, name="in.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_columns_are_detected_and_every_row_scored(recommender, tmp_path):
    path = write(tmp_path, HEADER + 'Ann,ann@x.org,"Go, k8s",operators\nBo,bo@x.org,Rust,networking\n')
    columns, scored, rows = run(recommender, path)
    assert columns == Columns("Email", "What are your skills?", "Why this project?", None)
    assert [item.applicant.applicant_id for item in scored] == ["ann@x.org", "bo@x.org"]
    assert len(rows) == 4 and {row.status for row in rows} == {"ok"}
    assert all(isinstance(row, ScoreRow) and row.project_id for row in rows)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("Name,Email\nAnn,ann@x.org\n", "cannot tell which column holds skills or interests"),
    ],
)
def test_unusable_files_get_one_clear_message(tmp_path, content, message):
    with pytest.raises(InputError, match=message) as error:
        read_applicants(write(tmp_path, content))
    assert "in.csv" in str(error.value)
    if "columns" in message:
        assert "'Name', 'Email'" in str(error.value)


def test_missing_override_column_lists_columns(tmp_path):
    with pytest.raises(InputError, match=r"no column 'Skillz' \(columns found: 'Name'"):
        read_applicants(write(tmp_path, HEADER), Columns(None, "Skillz", None))


def test_header_only_gives_no_rows(recommender, tmp_path):
    _, scored, rows = run(recommender, write(tmp_path, HEADER))
    assert scored == [] and rows == []


def test_empty_ragged_duplicate_and_unscorable_rows_are_kept_with_a_status(recommender, tmp_path):
    text = HEADER + ",,,\nAnn,ann@x.org,Go\nAnn,ann@x.org,Go,k8s,extra\nCy,cy@x.org,,\nDi,di@x.org,zzqx vvbn,\n"
    _, scored, rows = run(recommender, write(tmp_path, text))
    statuses = [item.status for item in scored]
    assert len(scored) == 5
    assert statuses[0] == "not scored: empty row"
    assert "row has 3 cells, header has 4" in statuses[1]
    assert "id also used by row 2; kept apart" in statuses[2]
    assert statuses[3] == "not scored: empty: no skills or interests"
    assert statuses[4].startswith("not scored: we could not recognise")
    assert [row.row for row in rows if row.status.startswith("not scored")] == [1, 4, 5]


def test_embedded_newlines_quotes_semicolons_bom_latin1_utf16(recommender, tmp_path):
    rows = [["Name", "Skills", "Interests"], ['Zoë "Z" Müller', "Go;\nKubernetes", 'says "hi",\nthen leaves']]
    for delimiter, encoding in [(";", "utf-8-sig"), (",", "latin-1"), ("\t", "utf-16"), ("|", "cp1252")]:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter).writerows(rows)
        path = write(tmp_path, buffer.getvalue(), f"x-{encoding}.csv", encoding)
        _, scored, _ = run(recommender, path)
        [item] = scored
        assert item.applicant.applicant_id == 'Zoë "Z" Müller', encoding
        assert item.applicant.skills == "Go; Kubernetes" and item.status == "ok", encoding


def test_huge_cell_is_cut_with_a_note(recommender, tmp_path):
    text = HEADER + "Ann,ann@x.org,Go " + "kubernetes " * 500_000 + ",docs\n"  # a 5.5 MB cell
    _, scored, _ = run(recommender, write(tmp_path, text))
    [item] = scored
    assert item.recommendations and "text beyond 20,000 characters was not read" in item.status


def test_html_and_scripts_are_stripped_from_text(recommender, tmp_path):
    text = HEADER + 'Ann,ann@x.org,"<b>Go</b>, <script>alert(1)</script>Kubernetes",<img src=x onerror=1>docs\n'
    _, scored, _ = run(recommender, write(tmp_path, text))
    assert scored[0].applicant.skills == "Go , Kubernetes"
    assert "<" not in scored[0].applicant.interests


def test_100000_rows_stream_and_all_are_accounted_for(recommender, tmp_path):
    skills = ["Go, Kubernetes", "Python, ML", "Rust", "docs, markdown", "TypeScript, React", ""]
    path = tmp_path / "many.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "skills"])
        for number, text in zip(range(100_000), itertools.cycle(skills), strict=False):
            writer.writerow([f"a{number}", text])
    _, rows = read_applicants(path)
    seen = not_scored = 0
    for item in score_applicants(recommender, rows, top=1, chunk_size=1000):
        seen += 1
        not_scored += not item.recommendations
    assert seen == 100_000 and not_scored == 100_000 // 6 + (100_000 % 6 > 5)


def test_xlsx_input(recommender, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Applicant ID", "Skills", "Interests"])
    book.active.append([17, "Go, Kubernetes", "operators"])
    book.active.append([None, None, None])
    book.save(tmp_path / "in.xlsx")
    _, scored, _ = run(recommender, tmp_path / "in.xlsx")
    assert [item.applicant.applicant_id for item in scored] == ["17", "row 2"]
    assert scored[1].status == "not scored: empty row"
    with pytest.raises(InputError, match="not a readable XLSX"):
        read_applicants(write(tmp_path, "not a zip", "bad.xlsx"))


def test_per_project_shortlists(recommender, tmp_path):
    text = HEADER + "".join(f'P{i},p{i}@x.org,"Go, Kubernetes",controllers {i}\n' for i in range(5))
    _, scored, _ = run(recommender, write(tmp_path, text))
    shortlists = Shortlists(recommender, size=3)
    for item in scored:
        shortlists.add(item)
    rows = list(shortlists.rows())
    assert len(rows) == 3 * 60
    first = [row for row in rows if row.project_id == rows[0].project_id]
    assert [row.rank for row in first] == [1, 2, 3]
    assert first[0].score >= first[1].score >= first[2].score


# --------------------------------------------------------------------------- assignment


def brute_force(scores, capacities, allowed):
    best = 0.0
    applicants, projects = scores.shape
    for choice in itertools.product(range(-1, projects), repeat=applicants):
        counts = np.bincount([c for c in choice if c >= 0], minlength=projects)
        if any(counts > capacities):
            continue
        if any(c >= 0 and (not allowed[a, c] or scores[a, c] <= 0) for a, c in enumerate(choice)):
            continue
        best = max(best, sum(scores[a, c] for a, c in enumerate(choice) if c >= 0))
    return best


@pytest.mark.parametrize("seed", range(40))
def test_assignment_is_optimal_against_brute_force(seed):
    rng = np.random.default_rng(seed)
    applicants, projects = int(rng.integers(1, 7)), int(rng.integers(1, 4))
    scores = np.round(rng.random((applicants, projects)) * 100, 1)
    capacities = rng.integers(0, 3, size=projects)
    allowed = rng.random((applicants, projects)) > 0.2
    result = assign(scores, list(capacities), allowed)
    assert result.total == pytest.approx(brute_force(scores, capacities, allowed))
    counts = np.bincount([item.project for item in result.assignments], minlength=projects)
    assert all(counts <= capacities)
    placed = [item.applicant for item in result.assignments]
    assert len(placed) == len(set(placed))
    assert sorted(placed + [item.applicant for item in result.unassigned]) == list(range(applicants))


def test_assignment_prunes_without_losing_optimality():
    rng = np.random.default_rng(1)
    scores = rng.random((3000, 20)) * 100
    result = assign(scores, [2] * 20)
    assert len(result.assignments) == 40 and len(result.unassigned) == 2960
    from scipy.optimize import linear_sum_assignment

    slots = np.repeat(np.arange(20), 2)
    rows, columns = linear_sum_assignment(scores[:, slots], maximize=True)
    assert result.total == pytest.approx(scores[rows, slots[columns]].sum())


def test_preferences_and_capacities(recommender, tmp_path):
    projects = recommender.catalogue.projects
    found, unknown = match_preferences(
        "Prometheus Native Sumaries; "
        "https://mentorship.lfx.linuxfoundation.org/project/07efb861-3c5b-4bc2-9986-593656750ffc; Nope",
        projects,
    )
    assert [projects[i].title for i in found] == [
        "Prometheus Native Summaries",
        "Implement flushing of conntrack entries in Netavark on network changes",
    ]
    assert unknown == ["Nope"]
    capacities = write(tmp_path, "project,capacity\nPrometheus Native Summaries,3\n", "caps.csv")
    assert read_capacities(capacities, projects)[[p.title for p in projects].index("Prometheus Native Summaries")] == 3
    with pytest.raises(InputError, match="row 1, column 'capacity'"):
        read_capacities(write(tmp_path, "project,capacity\nPrometheus Native Summaries,x\n", "c2.csv"), projects)


def test_coordinator_restricts_to_preferences_and_explains(recommender, tmp_path):
    text = 'id,skills,preferred projects\na,"Go, Kubernetes",Harbor CLI - System Settings and Configuration\nb,,\n'
    _, rows = read_applicants(write(tmp_path, text))
    options = CoordinatorOptions(capacities=(1,) * 60, preferences=PreferenceMode("restrict"))
    report = run_coordinator(recommender, rows, options)
    assert (report.applicants, report.scored, report.not_scored) == (2, 1, 1)
    statuses = {row.applicant_id: row for row in report.assignment.rows if row.applicant_id}
    assert statuses["a"].status == "assigned" and statuses["a"].title.startswith("Harbor CLI")
    assert statuses["b"].status == "unassigned" and "no skills or interests" in statuses["b"].reason
    assert sum(row.status.startswith("unfilled") for row in report.assignment.rows) == 59
    assert "2 applicants, 60 slots: 1 assigned" in report.assignment.summary


def test_assignment_reuses_the_skill_overlaps_of_scoring(recommender, tmp_path):
    text = HEADER + "".join(f'P{i},p{i}@x.org,"Go, Kubernetes, Rust",controllers {i}\n' for i in range(30))
    path = write(tmp_path, text)
    scored = {item.applicant.row: item for item in score_applicants(recommender, read_applicants(path)[1])}
    report = run_coordinator(recommender, read_applicants(path)[1], CoordinatorOptions(capacities=(1,) * 60))
    assigned = [row for row in report.assignment.rows if row.status == "assigned"]
    assert len(assigned) == 30
    for row in assigned:
        position = next(i for i, project in enumerate(recommender.catalogue) if project.id == row.project_id)
        overlap = scored[row.row].overlaps[position]
        assert row.matched_skills == "; ".join(overlap.matched) and row.missing_skills == "; ".join(overlap.missing)


@pytest.mark.parametrize("seed", range(10))
def test_candidate_pairs_keep_every_projects_best_applicants(seed):
    rng = np.random.default_rng(seed)
    value = np.round(rng.random((12, 4)) * 10) * (rng.random((12, 4)) > 0.3)  # ties and zeros on purpose
    keep = candidate_pairs(value, [1, 2, 0, 1])
    for project, capacity in enumerate([1, 2, 0, 1]):
        kept = np.flatnonzero(keep[:, project])
        assert (len(kept) == 0) if capacity == 0 else len(kept) == min(4, int((value[:, project] > 0).sum()))
        if capacity and len(kept):
            assert value[kept, project].min() >= np.sort(value[:, project])[::-1][len(kept) - 1]
