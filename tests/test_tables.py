"""Tables: one reader for paths, bytes and open files; every CSV the product writes is formula-safe."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from matcher.applicants import read_applicants
from matcher.assignment import AssignmentRow
from matcher.batch import ScoreRow, ShortlistRow
from matcher.catalogue import catalogue_to_csv, load_catalogue, read_catalogue
from matcher.coordinator import CoordinatorOptions, run_coordinator
from matcher.recommender import Recommender
from matcher.tables import FORMULA_STARTS, RecordWriter, csv_text, read_table, safe_cell, unsafe_cell, write_records
from tests.fakes import HashingEncoder

HOSTILE = [start + "cmd|' /C calc'!A0" for start in FORMULA_STARTS]
TEXT = "Name,Email,What are your skills?,Why this project?\n" + "".join(
    f'n{number},"{cell}","Go, Kubernetes",operators\n' for number, cell in enumerate(HOSTILE)
)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    recommender = Recommender(load_catalogue(), encoder=HashingEncoder(), cache_dir=tmp_path_factory.mktemp("cache"))
    _, rows = read_applicants(TEXT.encode(), name="hostile.csv")
    options = CoordinatorOptions(top=2, capacities=(1,) * len(recommender.catalogue))
    return run_coordinator(recommender, rows, options)


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def assert_safe(text: str) -> None:
    unsafe = [cell for cell in cells(text) if cell.startswith(FORMULA_STARTS)]
    assert not unsafe, unsafe


def test_a_path_bytes_and_an_open_file_read_the_same(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(TEXT.encode("utf-16"))
    tables = [read_table(path), read_table(path.read_bytes(), "in.csv"), read_table(path.open("rb"), "in.csv")]
    assert {table.header for table in tables} == {("Name", "Email", "What are your skills?", "Why this project?")}
    assert len({tuple(table.rows) for table in tables}) == 1
    assert tables[1].name == "in.csv"


def test_xlsx_is_recognised_from_its_bytes(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["id", "skills"])
    book.active.append(["a", "Go"])
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table(buffer.getvalue(), "upload")
    assert table.header == ("id", "skills") and [row.cells for row in table.rows] == [("a", "Go")]


def test_reading_leaves_the_csv_field_limit_as_it_was(tmp_path):
    before = csv.field_size_limit()
    table = read_table(("id,skills\na," + "x" * 300_000 + "\n").encode(), "big.csv")
    [row] = list(table.rows)
    assert len(row.cells[1]) == 300_000
    assert csv.field_size_limit() == before


def test_safe_cell_and_its_inverse():
    assert [safe_cell(v) for v in ("-2", "+x", "\tx", "\rx", "=1", "@a", "ok", 3)] == [
        "'-2",
        "'+x",
        "'\tx",
        "'\rx",
        "'=1",
        "'@a",
        "ok",
        3,
    ]
    assert all(unsafe_cell(safe_cell(value)) == value for value in HOSTILE + ["'quoted", "plain"])


def test_score_rows_are_formula_safe(report):
    assert len(report.score_rows) == 2 * len(HOSTILE)
    text = csv_text(ScoreRow, report.score_rows)
    assert_safe(text)
    read_back = {row["applicant_id"] for row in csv.DictReader(io.StringIO(text))}
    assert read_back == {safe_cell(cell.strip()) for cell in HOSTILE}  # ids are read stripped


def test_streamed_score_rows_are_formula_safe(report):
    buffer = io.StringIO()
    writer = RecordWriter(buffer, ScoreRow)
    for row in report.score_rows:
        writer.write(row)
    assert buffer.getvalue() == csv_text(ScoreRow, report.score_rows)


def test_shortlist_rows_are_formula_safe(report):
    assert report.shortlist_rows
    assert_safe(csv_text(ShortlistRow, report.shortlist_rows))


def test_assignment_rows_are_formula_safe(report, tmp_path):
    assert any(row.status == "assigned" for row in report.assignment.rows)
    path = tmp_path / "assignment.csv"
    write_records(path, AssignmentRow, report.assignment.rows)
    assert_safe(path.read_text(encoding="utf-8"))


def test_catalogue_export_is_formula_safe_and_loads_back():
    catalogue = load_catalogue()
    hostile = catalogue.projects[0]
    hostile = replace(hostile, title='=HYPERLINK("http://x")', description="-1 then +2", organization="@org")
    changed = replace(catalogue, projects=(hostile, *catalogue.projects[1:]))
    text = catalogue_to_csv(changed)
    assert_safe(text)
    assert read_catalogue(text, "fixed.csv").projects == changed.projects
