"""Applicants from a spreadsheet (see :mod:`matcher.tables`): column detection and one record per row.

Every data row of the file becomes one :class:`ApplicantRow`, in file order, with its
row number, so no row is ever lost: rows that cannot be used carry a ``problem``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from matcher.errors import InputError
from matcher.tables import TableRow, TableSource, read_table

#: Text beyond this many characters is not read (the model sees 256 tokens anyway).
MAX_TEXT_CHARS = 20_000

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


def read_applicants(
    source: TableSource, overrides: Columns | None = None, name: str | None = None
) -> tuple[Columns, Iterator[ApplicantRow]]:
    """Detected columns and a lazy stream of every data row of an applicants file.

    ``source`` is a path, the file's bytes or a binary file object (see :func:`matcher.tables.read_table`).
    """
    table = read_table(source, name)
    if not any(table.header):
        raise InputError(f"{table.name}: line 1: the header row is empty")
    columns = detect_columns(table.header, overrides, table.name)
    positions = {column: index for index, column in enumerate(table.header)}

    def applicants() -> Iterator[ApplicantRow]:
        seen_ids: dict[str, int] = {}
        for row in table.rows:
            yield _applicant(row, len(table.header), positions, columns, seen_ids)

    return columns, applicants()


def _applicant(
    row: TableRow, width: int, positions: dict[str, int], columns: Columns, seen_ids: dict[str, int]
) -> ApplicantRow:
    number, cells = row.number, row.cells

    def cell(name: str | None) -> str:
        if name is None or positions[name] >= len(cells):
            return ""
        return cells[positions[name]]

    if row.problem is not None:
        return ApplicantRow(number, f"row {number}", "", "", problem=row.problem)
    applicant_id = cell(columns.id).strip() or f"row {number}"
    notes = []
    if len(cells) != width and any(cells):
        notes.append(f"row has {len(cells)} cells, header has {width}")
    if applicant_id in seen_ids:
        notes.append(f"id also used by row {seen_ids[applicant_id]}; kept apart")
    else:
        seen_ids[applicant_id] = number
    skills, interests = cell(columns.skills), cell(columns.interests)
    if len(skills) > MAX_TEXT_CHARS or len(interests) > MAX_TEXT_CHARS:
        notes.append(f"text beyond {MAX_TEXT_CHARS:,} characters was not read")
        skills, interests = skills[:MAX_TEXT_CHARS], interests[:MAX_TEXT_CHARS]
    problem = None
    if not any(value.strip() for value in cells):
        problem = "empty row"
    elif not skills.strip() and not interests.strip():
        problem = "empty: no skills or interests"
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
