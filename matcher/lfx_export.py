"""The programme's machine-readable term export (``lfx-export.json``, published from 2026 Term 3 on).

One object per program under ``"programs"``: ``cncf_project``, ``cncf_project_maturity``,
``program_name_short``, ``description`` (markdown with ``## Description`` and ``## Expected
outcomes`` sections), ``technologies``, ``skills``, ``mentors``, ``upstream_issue_url``,
``lfx_url`` and ``prerequisites``. A term read from its export gives the same projects as the
same term read from its markdown (ids, titles, organisations, skills, mentors, links), plus
the maturity and the prerequisites only the export carries.
"""

from __future__ import annotations

import re

from matcher.errors import CatalogueError
from matcher.markdown import lfx_id, slug
from matcher.records import Mentor, Project
from matcher.text import split_skills

_SECTION = re.compile(r"^#{1,6}\s*(?P<name>.+?)\s*$", re.MULTILINE)
_OUTCOME = re.compile(r"expected\s+outcomes?|deliverables|outcomes?", re.IGNORECASE)
_TERM = re.compile(r"(?P<year>\d{4})\s+Term\s+(?P<term>\d)", re.IGNORECASE)
#: Prerequisite flags of the export, in the words an applicant reads.
PREREQUISITE_FLAGS = {
    "resume": "Résumé",
    "cover_letter": "Cover letter",
    "school_enrollment": "Proof of school enrolment",
    "participation_permission": "Permission to participate (from school or employer)",
}


def is_lfx_export(data: object) -> bool:
    """Whether parsed JSON is an LFX export (an object with a ``programs`` list)."""
    return isinstance(data, dict) and isinstance(data.get("programs"), list)


def projects_from_lfx_export(data: dict, where: str) -> list[Project]:
    """The projects of an LFX export; a program without a title or organisation is an error naming it."""
    projects = []
    for number, program in enumerate(data["programs"], start=1):
        if not isinstance(program, dict):
            raise CatalogueError(f"{where}: programs[{number}] is not a JSON object")
        projects.append(_project(program, f"{where}: programs[{number}]"))
    return projects


def _project(program: dict, where: str) -> Project:
    title = _text(program.get("program_name_short"))
    organization = _text(program.get("cncf_project"))
    missing = [name for name, value in (("program_name_short", title), ("cncf_project", organization)) if not value]
    if missing:
        raise CatalogueError(f"{where}: missing required field(s) {', '.join(missing)}")
    description, outcome = _sections(_text(program.get("description")))
    lfx_url = _text(program.get("lfx_url")) or None
    skills_text = _text(program.get("skills"))
    technologies = _text(program.get("technologies"))
    term = _TERM.search(_text(program.get("term")))
    upstream = _text(program.get("upstream_issue_url"))
    return Project(
        id=lfx_id(lfx_url) or slug(f"{organization} {title}"),
        title=title,
        organization=organization,
        description=description,
        expected_outcome=outcome,
        skills=split_skills(skills_text),
        skills_text=skills_text,
        mentors=tuple(_mentor(item) for item in program.get("mentors") or () if isinstance(item, dict)),
        upstream_issues=(upstream,) if upstream else (),
        lfx_url=lfx_url,
        term=f"{term.group('year')} Term {term.group('term')}" if term else None,
        extra={"Technologies": technologies} if technologies else {},
        maturity=_text(program.get("cncf_project_maturity")).lower() or None,
        prerequisites=prerequisites(program.get("prerequisites")),
    )


def _sections(markdown: str) -> tuple[str, str]:
    """The description and the expected outcomes of a program's markdown (headings dropped)."""
    description: list[str] = []
    outcome: list[str] = []
    target = description
    position = 0
    for heading in _SECTION.finditer(markdown):
        target.append(markdown[position : heading.start()])
        target = outcome if _OUTCOME.fullmatch(heading.group("name").strip(" :*")) else description
        position = heading.end()
    target.append(markdown[position:])
    return "\n".join(part.strip() for part in description if part.strip()), "\n".join(
        part.strip() for part in outcome if part.strip()
    )


def _mentor(item: dict) -> Mentor:
    return Mentor(
        name=re.sub(r"(?<=\S)\(", " (", _text(item.get("name"))) or None,  # "Chen(Jesse)" as "Chen (Jesse)"
        github=_text(item.get("github_handle")).lstrip("@") or None,
        email=_text(item.get("email")) or None,
    )


def prerequisites(data: object) -> tuple[str, ...]:
    """What an applicant must hand in, in plain words (coding challenge with its URL, custom items, courses)."""
    if not isinstance(data, dict):
        return ()
    items = [label for flag, label in PREREQUISITE_FLAGS.items() if data.get(flag)]
    if data.get("coding_challenge"):
        url = _text(data.get("coding_challenge_url"))
        items.append(f"Coding challenge: {url}" if url else "Coding challenge")
    custom = data.get("custom")
    for item in custom if isinstance(custom, list) else [custom]:
        if isinstance(item, dict) and _text(item.get("name")):
            detail = _text(item.get("description"))
            items.append(f"{_text(item['name'])}: {detail}" if detail else _text(item["name"]))
    for course in data.get("standard_courses") or ():
        if isinstance(course, dict) and _text(course.get("name")):
            items.append(f"Course: {_text(course['name'])}")
    return tuple(items)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
