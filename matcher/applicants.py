"""Reading applicant spreadsheets: CSV (any common delimiter and encoding) or XLSX, streamed.

Every data row of the file becomes one :class:`ApplicantRow`, in file order, with its
row number, so no row is ever lost: rows that cannot be used carry a ``problem``.
"""

from __future__ import annotations

import codecs
import csv
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from matcher.errors import InputError

#: Text beyond this many characters is not read (the model sees 256 tokens anyway).
MAX_TEXT_CHARS = 20_000
_DELIMITERS = ",;\t|"

# Header words that identify each column, most specific first.
_COLUMN_HINTS: dict[str, tuple[str, ...]] = {
    "id": ("applicant id", "applicant_id", "id", "email", "e-mail", "github", "username", "full name", "name"),
    "skills": ("skill", "technolog", "languages", "expertise", "stack"),
    "interests": ("interest", "why", "motivation", "about", "cover letter", "goal", "statement", "experience"),
    "preferences": ("preferred project", "project preference", "preference", "projects applied", "project"),
}


@dataclass(frozen=True)
class Columns:
    """Which input column holds what (``None``: not present)."""

    id: str | None
    skills: str | None
    interests: str | None
    preferences: str | None = None


@dataclass(frozen=True)
class ApplicantRow:
    """One data row of the input, as read."""

    row: int  # 1-based data row number (header excluded); the file line for CSV may differ
    applicant_id: str
    skills: str
    interests: str
    preferences: str = ""
    problem: str | None = None  # why this row cannot be scored, if it cannot
    note: str | None = None  # something the user should know although the row was scored


def detect_columns(header: Sequence[str], overrides: Columns | None = None, where: str = "input") -> Columns:
    """Find the id, skills, interests and preference columns from common header names.

    Explicit ``overrides`` win; an override naming a missing column, or a file with
    neither skills nor interests, is an :class:`InputError` listing the columns found.
    """
    found = ", ".join(repr(name) for name in header) or "none"
    chosen: dict[str, str | None] = {}
    taken: set[str] = set()
    for role in ("skills", "interests", "preferences", "id"):
        override = getattr(overrides, role) if overrides else None
        if override:
            if override not in header:
                raise InputError(f"{where}: no column {override!r} (columns found: {found})")
            chosen[role] = override
        else:
            chosen[role] = _guess(header, _COLUMN_HINTS[role], taken)
        if chosen[role]:
            taken.add(chosen[role])
    if not chosen["skills"] and not chosen["interests"]:
        raise InputError(
            f"{where}: cannot tell which column holds skills or interests (columns found: {found}); "
            "name them with --skills-column / --interests-column"
        )
    return Columns(chosen["id"], chosen["skills"], chosen["interests"], chosen["preferences"])


def _guess(header: Sequence[str], hints: tuple[str, ...], taken: set[str]) -> str | None:
    normalised = {name: " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower()).split()) for name in header}
    for hint in hints:
        for name, plain in normalised.items():
            if name in taken:
                continue
            if plain == hint or hint in plain.split() or (len(hint) > 3 and hint in plain):
                return name
    return None


def read_table(path: str | Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and a lazy stream of ``(data row number, cells)`` of a CSV or XLSX file."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    return _read_csv(path)


def _read_csv(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    encoding = _sniff_encoding(path)
    handle = open(path, encoding=encoding, newline="", errors="replace")  # noqa: SIM115 - closed by the stream
    sample = handle.read(64 * 1024)
    handle.seek(0)
    if not sample.strip():
        handle.close()
        raise InputError(f"{path}: the file is empty")
    delimiter = _sniff_delimiter(sample)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = [cell.strip() for cell in next(reader)]
    except csv.Error as error:
        handle.close()
        raise InputError(f"{path}: line 1: unreadable CSV header ({error})") from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        number = 0
        try:
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:
                    number += 1
                    yield number, [f"\x00unreadable CSV at line {reader.line_num}: {error}"]
                    continue
                number += 1
                yield number, cells
        finally:
            handle.close()

    return header, rows()


def _sniff_encoding(path: Path) -> str:
    with open(path, "rb") as handle:
        head = handle.read(256 * 1024)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head and head.count(b"\x00") > len(head) // 4:  # UTF-16 without BOM
        return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start > len(head) - 4:  # a character cut by the sample's end
            return "utf-8"
        return "cp1252" if not re.search(rb"[\x81\x8d\x8f\x90\x9d]", head) else "latin-1"


def _sniff_delimiter(sample: str) -> str:
    first_lines = [line for line in sample.splitlines()[:20] if line.strip()]
    try:
        return csv.Sniffer().sniff("\n".join(first_lines), delimiters=_DELIMITERS).delimiter
    except csv.Error:
        header = first_lines[0] if first_lines else ""
        return max(_DELIMITERS, key=header.count) if any(d in header for d in _DELIMITERS) else ","


def _read_xlsx(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise InputError(f"{path}: not a readable XLSX file ({error})") from None
    sheet = workbook.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    header_cells = next(values, None)
    if header_cells is None:
        workbook.close()
        raise InputError(f"{path}: the first sheet is empty")
    header = [_cell_text(cell).strip() for cell in header_cells]

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for number, cells in enumerate(values, start=1):
                yield number, [_cell_text(cell) for cell in cells]
        finally:
            workbook.close()

    return header, rows()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_applicants(path: str | Path, overrides: Columns | None = None) -> tuple[Columns, Iterator[ApplicantRow]]:
    """Detected columns and a lazy stream of every data row of an applicants file."""
    header, rows = read_table(path)
    if not any(header):
        raise InputError(f"{path}: line 1: the header row is empty")
    columns = detect_columns(header, overrides, str(path))
    positions = {name: index for index, name in enumerate(header)}

    def applicants() -> Iterator[ApplicantRow]:
        seen_ids: dict[str, int] = {}
        for number, cells in rows:
            yield _applicant(number, cells, header, positions, columns, seen_ids)

    return columns, applicants()


def _applicant(
    number: int,
    cells: list[str],
    header: list[str],
    positions: dict[str, int],
    columns: Columns,
    seen_ids: dict[str, int],
) -> ApplicantRow:
    def cell(name: str | None) -> str:
        if name is None or positions[name] >= len(cells):
            return ""
        return cells[positions[name]]

    if cells and cells[0].startswith("\x00"):
        return ApplicantRow(number, f"row {number}", "", "", problem=cells[0][1:])
    applicant_id = cell(columns.id).strip() or f"row {number}"
    notes = []
    if len(cells) != len(header) and any(cells):
        notes.append(f"row has {len(cells)} cells, header has {len(header)}")
    if applicant_id in seen_ids:
        notes.append(f"id also used by row {seen_ids[applicant_id]}; kept apart")
    else:
        seen_ids[applicant_id] = number
    skills, interests = cell(columns.skills), cell(columns.interests)
    if len(skills) > MAX_TEXT_CHARS or len(interests) > MAX_TEXT_CHARS:
        notes.append(f"text beyond {MAX_TEXT_CHARS:,} characters was not read")
        skills, interests = skills[:MAX_TEXT_CHARS], interests[:MAX_TEXT_CHARS]
    problem = None
    if not any(cell.strip() for cell in cells):
        problem = "empty row"
    elif not skills.strip() and not interests.strip():
        problem = "no skills or interests given"
    return ApplicantRow(
        number,
        applicant_id,
        _plain(skills),
        _plain(interests),
        cell(columns.preferences),
        problem,
        "; ".join(notes) or None,
    )


def _plain(text: str) -> str:
    """Markup people paste (HTML tags, scripts) removed; the text itself kept."""
    text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", text)
    text = re.sub(r"<[^>]{0,200}>", " ", text)
    return " ".join(text.split())
