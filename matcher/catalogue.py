"""Reading and writing whole catalogues (the records themselves live in :mod:`matcher.records`).

A catalogue is read from LFX markdown term files, or from the JSON/CSV export that
``matcher catalog`` writes (so a coordinator can fix a record by hand and reuse it).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from matcher.errors import CatalogueError
from matcher.lfx_export import is_lfx_export, projects_from_lfx_export
from matcher.markdown import parse_markdown
from matcher.records import PROJECT_FIELDS, Catalogue, ParseWarning, Project
from matcher.resources import DEFAULT_CATALOGUE, default_catalogue_text
from matcher.tables import unsafe_cell, write_csv

MARKDOWN_SUFFIXES = (".md", ".markdown")


# --------------------------------------------------------------------------- reading


def load_catalogue(paths: Sequence[str | Path] | str | Path | None = None) -> Catalogue:
    """Read one or more markdown term files, LFX exports, JSON/CSV exports or folders into one catalogue.

    With no path, the default catalogue shipped in the package is read. Folders are read
    recursively in name order. Ids that collide across files get a ``-2``, ``-3`` suffix
    and a warning, so nothing is dropped.
    """
    if paths is None or paths == []:
        return read_catalogue(default_catalogue_text(), DEFAULT_CATALOGUE)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = _expand(paths)
    return _merge([_parse(_decode(path.read_bytes(), str(path)), str(path)) for path in files])


def read_catalogue(data: bytes | str, name: str) -> Catalogue:
    """A catalogue from the content of one file (an upload, say); ``name`` gives its format and is used in messages."""
    text = data if isinstance(data, str) else _decode(data, name)
    return _merge([_parse(text, name)])


def _parse(text: str, name: str) -> tuple[str, list[Project], list[ParseWarning]]:
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return name, _projects_from_json(text, name), []
    if suffix == ".csv":
        return name, _projects_from_csv(text, name), []
    projects, warnings = parse_markdown(text, name)
    return name, projects, warnings


def _merge(parsed: list[tuple[str, list[Project], list[ParseWarning]]]) -> Catalogue:
    projects = [project for _, found, _ in parsed for project in found]
    if not projects:
        names = ", ".join(name for name, _, _ in parsed)
        raise CatalogueError(f"{names}: no project found; is this an LFX project-ideas file?")
    unique, renamed = _unique_ids(projects)
    warnings = [warning for _, _, found in parsed for warning in found] + renamed
    return Catalogue(tuple(unique), tuple(warnings), tuple(name for name, _, _ in parsed))


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                item
                for item in path.rglob("*")
                if item.is_file() and item.suffix.lower() in (*MARKDOWN_SUFFIXES, ".json", ".csv")
            )
            if not found:
                raise CatalogueError(f"{path}: folder holds no .md, .json or .csv catalogue file")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise CatalogueError(f"{path}: no such file or folder")
    return files


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise CatalogueError(f"{name}: not a text file (it is neither UTF-8 nor UTF-16)")


def _projects_from_json(text: str, where: str) -> list[Project]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CatalogueError(
            f"{where}: line {error.lineno}, column {error.colno}: invalid JSON ({error.msg})"
        ) from None
    if is_lfx_export(data):
        return projects_from_lfx_export(data, where)
    if not isinstance(data, list):
        raise CatalogueError(
            f"{where}: expected a JSON list of projects or an LFX export (an object with 'programs'), "
            f"got {type(data).__name__}"
        )
    projects = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise CatalogueError(f"{where}: item {number} is not a JSON object")
        projects.append(Project.from_dict(item, f"{where}: item {number}"))
    return projects


#: Columns of the CSV export holding JSON because they are lists or mappings.
_JSON_COLUMNS = ("skills", "mentors", "upstream_issues", "extra", "prerequisites")


def _projects_from_csv(text: str, where: str) -> list[Project]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in ("id", "title", "organization") if name not in (reader.fieldnames or [])]
    if missing:
        found = ", ".join(reader.fieldnames or []) or "none"
        raise CatalogueError(f"{where}: missing column(s) {', '.join(missing)} (columns found: {found})")
    projects = []
    for row in reader:
        line = reader.line_num
        data: dict = {key: unsafe_cell(value or "") for key, value in row.items() if key is not None}
        for column in _JSON_COLUMNS:
            cell = data.get(column) or ""
            try:
                data[column] = json.loads(cell) if cell.strip() else None
            except json.JSONDecodeError:
                raise CatalogueError(
                    f"{where}: line {line}, column {column!r}: expected a JSON value, got {cell[:40]!r}"
                ) from None
        projects.append(Project.from_dict(data, f"{where}: line {line}"))
    return projects


def _unique_ids(projects: list[Project]) -> tuple[list[Project], list[ParseWarning]]:
    seen: dict[str, int] = {}
    unique: list[Project] = []
    warnings: list[ParseWarning] = []
    for project in projects:
        count = seen.get(project.id, 0) + 1
        seen[project.id] = count
        if count > 1:
            new_id = f"{project.id}-{count}"
            warnings.append(
                ParseWarning("catalogue", 0, f"duplicate id {project.id!r} ({project.title!r}) renamed {new_id!r}")
            )
            project = replace(project, id=new_id)
        unique.append(project)
    return unique, warnings


# --------------------------------------------------------------------------- writing


def catalogue_to_json(catalogue: Catalogue) -> str:
    """The catalogue as a JSON list, loadable again with :func:`load_catalogue`."""
    return json.dumps([project.to_dict() for project in catalogue], indent=2, ensure_ascii=False)


def catalogue_to_csv(catalogue: Catalogue) -> str:
    """The catalogue as formula-safe CSV; list and mapping columns hold JSON so they load back exactly."""
    buffer = io.StringIO()
    write_csv(buffer, PROJECT_FIELDS, (_csv_row(project) for project in catalogue))
    return buffer.getvalue()


def _csv_row(project: Project) -> dict:
    row = project.to_dict()
    for column in _JSON_COLUMNS:
        row[column] = json.dumps(row[column], ensure_ascii=False)
    return row
