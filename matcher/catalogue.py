"""Catalogue records (projects, mentors) and reading/writing whole catalogues.

A catalogue is read from LFX markdown term files, or from the JSON/CSV export that
``matcher catalog`` writes (so a coordinator can fix a record by hand and reuse it).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from matcher.errors import CatalogueError

#: The fields of a project, in the order the JSON and CSV exports use.
PROJECT_FIELDS: tuple[str, ...] = (
    "id",
    "title",
    "organization",
    "description",
    "expected_outcome",
    "skills",
    "skills_text",
    "mentors",
    "upstream_issues",
    "lfx_url",
    "term",
    "extra",
)

MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Mentor:
    """A project mentor; every part is optional because term files often omit some."""

    name: str | None = None
    github: str | None = None
    email: str | None = None

    def display(self) -> str:
        """Name with handle, e.g. ``Yuri Shkuro (@yurishkuro)``."""
        handle = f"@{self.github}" if self.github else ""
        if self.name and handle:
            return f"{self.name} ({handle})"
        return self.name or handle or self.email or ""


@dataclass(frozen=True)
class Project:
    """One mentorship project as published in a term file."""

    id: str
    title: str
    organization: str
    description: str = ""
    expected_outcome: str = ""
    skills: tuple[str, ...] = ()
    skills_text: str = ""
    mentors: tuple[Mentor, ...] = ()
    upstream_issues: tuple[str, ...] = ()
    lfx_url: str | None = None
    term: str | None = None
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=True)

    def to_dict(self) -> dict:
        """Plain JSON-ready dict with exactly :data:`PROJECT_FIELDS` as keys."""
        data = asdict(self)
        data["skills"] = list(self.skills)
        data["upstream_issues"] = list(self.upstream_issues)
        data["mentors"] = [asdict(mentor) for mentor in self.mentors]
        return {name: data[name] for name in PROJECT_FIELDS}

    @classmethod
    def from_dict(cls, data: dict, where: str = "record") -> Project:
        """Build a project from :meth:`to_dict` output, checking the required fields."""
        missing = [name for name in ("id", "title", "organization") if not data.get(name)]
        if missing:
            raise CatalogueError(f"{where}: missing required field(s) {', '.join(missing)}")
        mentors = tuple(
            Mentor(**{key: mentor.get(key) or None for key in ("name", "github", "email")})
            for mentor in data.get("mentors") or ()
        )
        return cls(
            id=str(data["id"]),
            title=str(data["title"]),
            organization=str(data["organization"]),
            description=str(data.get("description") or ""),
            expected_outcome=str(data.get("expected_outcome") or ""),
            skills=tuple(str(skill) for skill in data.get("skills") or ()),
            skills_text=str(data.get("skills_text") or ""),
            mentors=mentors,
            upstream_issues=tuple(str(url) for url in data.get("upstream_issues") or ()),
            lfx_url=data.get("lfx_url") or None,
            term=data.get("term") or None,
            extra={str(key): str(value) for key, value in (data.get("extra") or {}).items()},
        )

    @property
    def text(self) -> str:
        """Everything a mentee could match on, as one block of prose."""
        parts = [self.title, self.description, self.expected_outcome, self.skills_text]
        parts.extend(f"{label}: {value}" for label, value in self.extra.items())
        return "\n".join(part for part in parts if part)


@dataclass(frozen=True)
class ParseWarning:
    """A problem in an input file that did not stop parsing; shown to the user."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: warning: {self.message}"


@dataclass(frozen=True)
class Catalogue:
    """An ordered set of projects with unique ids, plus what parsing warned about."""

    projects: tuple[Project, ...]
    warnings: tuple[ParseWarning, ...] = ()
    sources: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.projects)

    def __iter__(self):
        return iter(self.projects)

    def __getitem__(self, index: int) -> Project:
        return self.projects[index]

    @property
    def organizations(self) -> tuple[str, ...]:
        """Organisation names in catalogue order, each once."""
        return tuple(dict.fromkeys(project.organization for project in self.projects))


# --------------------------------------------------------------------------- reading


def load_catalogue(paths: Sequence[str | Path] | str | Path | None = None) -> Catalogue:
    """Read one or more markdown/JSON/CSV files or folders into one catalogue.

    With no path, the default catalogue shipped in ``data/`` is read. Folders are read
    recursively in name order. Ids that collide across files get a ``-2``, ``-3`` suffix
    and a warning, so nothing is dropped.
    """
    from matcher.data import default_catalogue_path
    from matcher.markdown import parse_markdown

    if paths is None or paths == []:
        paths = [default_catalogue_path()]
    elif isinstance(paths, (str, Path)):
        paths = [paths]
    files = _expand(paths)
    projects: list[Project] = []
    warnings: list[ParseWarning] = []
    for path in files:
        text = _read_text(path)
        suffix = path.suffix.lower()
        if suffix == ".json":
            found = _projects_from_json(text, str(path))
        elif suffix == ".csv":
            found = _projects_from_csv(text, str(path))
        else:
            found, file_warnings = parse_markdown(text, str(path))
            warnings.extend(file_warnings)
        projects.extend(found)
    if not projects:
        names = ", ".join(str(path) for path in files)
        raise CatalogueError(f"{names}: no project found; is this an LFX project-ideas file?")
    unique, renamed = _unique_ids(projects)
    warnings.extend(renamed)
    return Catalogue(tuple(unique), tuple(warnings), tuple(str(path) for path in files))


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


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise CatalogueError(f"{path}: not a text file (it is neither UTF-8 nor UTF-16)")


def _projects_from_json(text: str, where: str) -> list[Project]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CatalogueError(
            f"{where}: line {error.lineno}, column {error.colno}: invalid JSON ({error.msg})"
        ) from None
    if not isinstance(data, list):
        raise CatalogueError(f"{where}: expected a JSON list of projects, got {type(data).__name__}")
    projects = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise CatalogueError(f"{where}: item {number} is not a JSON object")
        projects.append(Project.from_dict(item, f"{where}: item {number}"))
    return projects


#: Columns of the CSV export holding JSON because they are lists or mappings.
_JSON_COLUMNS = ("skills", "mentors", "upstream_issues", "extra")


def _projects_from_csv(text: str, where: str) -> list[Project]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in ("id", "title", "organization") if name not in (reader.fieldnames or [])]
    if missing:
        found = ", ".join(reader.fieldnames or []) or "none"
        raise CatalogueError(f"{where}: missing column(s) {', '.join(missing)} (columns found: {found})")
    projects = []
    for row in reader:
        line = reader.line_num
        data: dict = dict(row)
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
    """The catalogue as CSV; list and mapping columns hold JSON so they load back exactly."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=PROJECT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for project in catalogue:
        row = project.to_dict()
        for column in _JSON_COLUMNS:
            row[column] = json.dumps(row[column], ensure_ascii=False)
        writer.writerow(row)
    return buffer.getvalue()
