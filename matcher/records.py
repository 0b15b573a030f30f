"""Catalogue records: projects, mentors, parse warnings and the catalogue itself.

Plain frozen data, below every parser and writer: ``markdown`` and ``catalogue`` build
these records, everything else reads them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from matcher.errors import CatalogueError
from matcher.text import split_skills

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
    "maturity",
    "prerequisites",
)


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
    maturity: str | None = None  # CNCF maturity (graduated, incubating, sandbox), from the LFX export
    prerequisites: tuple[str, ...] = ()  # what an applicant hands in (résumé, coding challenge…), from the export

    def to_dict(self) -> dict:
        """Plain JSON-ready dict with exactly :data:`PROJECT_FIELDS` as keys."""
        data = asdict(self)
        data["skills"] = list(self.skills)
        data["upstream_issues"] = list(self.upstream_issues)
        data["mentors"] = [asdict(mentor) for mentor in self.mentors]
        data["prerequisites"] = list(self.prerequisites)
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
            maturity=data.get("maturity") or None,
            prerequisites=tuple(str(item) for item in data.get("prerequisites") or ()),
        )

    @property
    def technologies(self) -> tuple[str, ...]:
        """The technologies the project lists (markdown ``Technologies:`` field or the export's)."""
        return split_skills(self.extra.get("Technologies", ""))

    @property
    def skills_field(self) -> str:
        """The recommended-skills field as the term wrote it, or the parsed skills joined when it had none."""
        return self.skills_text or ", ".join(self.skills)

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
