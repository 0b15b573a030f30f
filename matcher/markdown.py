"""Parse an LFX (or GSoC-style) project-ideas markdown file into :class:`Project` records.

Real term files are hand-edited and vary a lot (see the README): heading levels shift,
labels are bold or misspelt, fields come without bullets or colons, and templates sit
beside real projects. So a heading is classified by what follows it, not by its level:
a heading whose body carries project fields is a *project*; any other heading is a
*container* (an organisation, or a section such as "Timeline"). A project belongs to the
nearest container above it, unless its own ``CNCF - Org: Title (YYYY Term N)`` line
names the organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from matcher.records import Mentor, ParseWarning, Project
from matcher.text import split_outside_brackets, split_skills, strip_bullet

# Canonical field -> spellings seen in real files (compared without case, spaces or punctuation).
LABELS: dict[str, tuple[str, ...]] = {
    "description": ("description", "detailed description", "project description", "summary"),
    "expected_outcome": ("expected outcome", "expected outcomes", "outcome", "outcomes", "deliverables"),
    "skills": (
        "recommended skills",
        "recommend skills",
        "required skills",
        "skills",
        "skills required",
        "prerequisites",
    ),
    "mentors": (
        "mentor",
        "mentors",
        "mentor(s)",
        "potential mentors",
        "primary mentor",
        "secondary mentor",
        "mentor names",
    ),
    "upstream_issues": (
        "upstream issue",
        "upstream issues",
        "upstream issue (url)",
        "issue",
        "issues",
        "relevant issues",
        "github issue",
    ),
    "lfx_url": ("lfx url", "apply", "lfx link", "community bridge project (url)"),
}

_LABEL_KEYS = {
    re.sub(r"[^a-z]", "", spelling): canonical for canonical, spellings in LABELS.items() for spelling in spellings
}
# YAML-like blocks spell labels in camelCase ("expectedOutcome: |").
_LABEL_KEYS.update({"expectedoutcome": "expected_outcome", "recommendedskills": "skills"})

#: Labels kept under ``extra`` as they are common and expected (GSoC lists use them).
EXPECTED_EXTRA_LABELS = {
    "difficulty",
    "difficultyrating",
    "difficultylevel",
    "expectedsize",
    "expectedprojectsize",
    "expectedsizeoftheproject",
    "projectsize",
    "size",
    "technologies",
    "hours",
    "length",
    "duration",
}

#: Fields whose presence makes a heading a project heading.
_PROJECT_FIELDS = {"description", "skills", "mentors", "lfx_url", "expected_outcome"}

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_RULE = re.compile(r"^\s*([-*_]\s*){3,}$")
# "- **Recommended Skills**: Go" / "Mentors:" / "description: |" / "- Description" (alone on its line)
_LABEL_LINE = re.compile(
    r"^(?P<bullet>[-*+]\s+)?[*_]{0,2}\s*(?P<label>[A-Za-z][A-Za-z ()/&'-]{0,40}?)\s*[*_]{0,2}\s*"
    r"(?:(?P<colon>:)\s*[*_]{0,2}(?P<value>.*)|[*_]{0,2}\s*$)"
)
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+[^\s<>()\[\]\"'`.,;:!?]")
_LFX_ID = re.compile(
    r"(?:lfx\.linuxfoundation\.org|people\.communitybridge\.org)/projects?/"
    r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})",
    re.IGNORECASE,
)
_CNCF_LINE = re.compile(
    r"^[_*\s]*CNCF\s*-\s*(?P<org>[^:]+?)\s*:\s*(?P<title>.+?)\s*\((?P<year>\d{4})\s*Term\s*(?P<term>\d)\)[_*\s]*$",
    re.IGNORECASE,
)
_TERM_IN_TITLE = re.compile(r"\s*\((?P<year>\d{4})\s*Term\s*(?P<term>\d)\)\s*$", re.IGNORECASE)
_FILE_TERM = (
    re.compile(r"Term\s*0?(?P<term>\d)\s*[-–:,]?\s*(?P<year>\d{4})", re.IGNORECASE),
    re.compile(r"(?P<year>\d{4})\s*[-–:,]?\s*Term\s*0?(?P<term>\d)", re.IGNORECASE),
)
_TEMPLATE = re.compile(r"\b(template|sample|example)s?\b|^\s*(cncf )?project name\s*$|^\s*title\s*$", re.IGNORECASE)
#: Container headings that are document sections, never an organisation.
_SECTION = re.compile(
    r"^(table of contents|contents|timeline|status|program|programme|project instructions|"
    r"application instructions|instructions|proposed project ideas|project ideas|proposed projects|"
    r"participating projects|accepted projects|projects|ideas|term \d+.*|q\d.*|\d{4}.*)\W*$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[^\s,;()<>\[\]:]+@[^\s,;()<>\[\]]+\.[A-Za-z]{2,}")
_HANDLE = re.compile(r"(?<![\w.])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))")
_GITHUB_LINK = re.compile(r"github\.com/([A-Za-z0-9-]+)/?(?:[)\s]|$)")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")


@dataclass
class _Section:
    """A heading and the lines under it, up to the next heading."""

    level: int
    title: str
    line: int
    body: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Field:
    name: str  # canonical name, or the label as written for unknown labels
    known: bool
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return _join_lines(self.lines)

    @property
    def urls(self) -> list[str]:
        """URLs as written (markdown link targets included), before markup is cleaned away."""
        return _URL.findall("\n".join(self.lines))


@dataclass
class _Draft:
    """A project being assembled from one heading's body."""

    title: str
    line: int
    heading_url: str | None = None
    lead: list[str] = field(default_factory=list)
    fields: list[_Field] = field(default_factory=list)

    def has(self, name: str) -> bool:
        return any(item.name == name for item in self.fields)

    @property
    def is_project(self) -> bool:
        known = {item.name for item in self.fields if item.known}
        return bool(known & _PROJECT_FIELDS) or bool(self.heading_url and _LFX_ID.search(self.heading_url))


def parse_markdown(text: str, path: str = "<text>") -> tuple[list[Project], list[ParseWarning]]:
    """Parse one term file; return its projects in file order and the warnings raised."""
    warnings: list[ParseWarning] = []
    sections, preamble = _split_sections(text)
    file_term = _file_term(preamble, sections)
    projects: list[Project] = []
    containers: list[_Container] = []  # the organisation, then any sub-project headings under it
    excluded_level: int | None = None  # inside a template/sample subtree above this level
    current_project_level: int | None = None
    drafts_by_section: list[tuple[_Section, list[_Draft]]] = [
        (section, _drafts(section, path, warnings)) for section in sections
    ]
    pending: list[tuple[_Draft, tuple[str, ...]]] = []
    for index, (section, drafts) in enumerate(drafts_by_section):
        if excluded_level is not None and section.level <= excluded_level:
            excluded_level = None
        if excluded_level is not None:
            if _TEMPLATE.search(section.title):  # a deeper sample heading: siblings after it are real
                excluded_level = section.level
            continue
        is_project = any(draft.is_project for draft in drafts)
        if not is_project:
            if current_project_level is not None and section.level > current_project_level and pending:
                _merge_subsection(pending[-1][0], section)
                continue
            current_project_level = None
            if _TEMPLATE.search(section.title):
                excluded_level = section.level
                continue
            if not _SECTION.match(section.title):
                containers = _enter_container(containers, section)
                next_level = drafts_by_section[index + 1][0].level if index + 1 < len(drafts_by_section) else 0
                if next_level <= section.level and not _has_lead_text(section):
                    warnings.append(
                        ParseWarning(path, section.line, f"heading {section.title!r} has no project fields; skipped")
                    )
            continue
        current_project_level = section.level
        # the containers above this heading; a project written at its organisation's own level
        # (``#### TiKV`` then ``#### Support RBAC``) belongs to the last one
        above = [container for container in containers if container.level < section.level] or containers[-1:]
        if above:
            above[-1].project_levels.add(section.level)
        for draft in drafts:
            if draft.is_project:
                pending.append((draft, tuple(container.title for container in above)))
            else:
                warnings.append(ParseWarning(path, draft.line, "text block without project fields; skipped"))
    for draft, lineage in pending:
        project = _finish(draft, lineage, file_term, path, warnings)
        if project is not None:
            projects.append(project)
    return projects, warnings


# --------------------------------------------------------------------------- structure


@dataclass
class _Container:
    """An organisation (or sub-project) heading, and the levels of the projects right under it."""

    level: int
    title: str
    project_levels: set[int] = field(default_factory=set)


def _enter_container(containers: list[_Container], section: _Section) -> list[_Container]:
    """The container chain after a new container heading.

    A deeper heading is a sub-project (``### Kubernetes`` → ``#### Headlamp``) unless its
    parent already has projects at its level or above: then the heading is a new
    organisation written at the wrong level (``#### Podman`` after ``### Prometheus``'s
    level-4 projects).
    """
    chain = [container for container in containers if container.level < section.level]
    parent = chain[-1] if chain else None
    if parent is None or any(level <= section.level for level in parent.project_levels):
        return [_Container(section.level, section.title)]
    return [*chain, _Container(section.level, section.title)]


def _split_sections(text: str) -> tuple[list[_Section], list[str]]:
    sections: list[_Section] = []
    preamble: list[str] = []
    in_fence = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else _HEADING.match(line)
        if match:
            sections.append(_Section(len(match.group(1)), _clean_inline(match.group(2)), number))
            sections[-1].body.append((number, "\x00heading-url:" + _first_url(match.group(2))))
        elif sections:
            sections[-1].body.append((number, ("    " + line) if in_fence else line))
        else:
            preamble.append(line)
    return sections, preamble


def _drafts(section: _Section, path: str, warnings: list[ParseWarning]) -> list[_Draft]:
    """Split a heading's body into fields; a second description starts a new, untitled project."""
    draft = _Draft(section.title, section.line)
    drafts = [draft]
    current: _Field | None = None
    for number, line in section.body:
        if line.startswith("\x00heading-url:"):
            draft.heading_url = line.split(":", 1)[1] or None
            continue
        if _RULE.match(line) or line.strip() == ":":
            continue
        label = _label(line)
        if label is not None:
            name, known, value = label
            if name == "description" and draft.has("description") and len(draft.fields) > 1:
                draft = _Draft("", number)
                drafts.append(draft)
            if not known and re.sub(r"[^a-z]", "", name.lower()) not in EXPECTED_EXTRA_LABELS:
                warnings.append(ParseWarning(path, number, f"unknown label {name!r}; kept under extra"))
            current = _Field(name, known, number, [value] if value else [])
            draft.fields.append(current)
        elif current is not None:
            current.lines.append(line)
        elif line.strip():
            draft.lead.append(line)
        elif draft.lead:
            draft.lead.append("")
    return drafts


def _label(line: str) -> tuple[str, bool, str] | None:
    """``(field, known, value)`` when the line starts a labelled field, else None.

    Labels count only at the left margin: indented lines are nested content. A known
    label (fuzzy-matched, so typos such as ``Metor(s)`` count) may stand without bullet
    or colon; an unknown one needs both, so ordinary sentences are not taken as labels.
    """
    if line[:2].strip() == "" and line.strip():  # indented by 2+ columns: nested
        return None
    match = _LABEL_LINE.match(line.lstrip(" "))
    if not match:
        return None
    label = match.group("label").strip()
    value = (match.group("value") or "").strip().strip("*_").strip()
    if value in ("|", ">", "|-", ">-"):  # YAML block scalar marker
        value = ""
    if label.lower() in ("http", "https") or value.startswith("//"):
        return None
    canonical = _canonical_label(label)
    if canonical:
        return canonical, True, value
    if match.group("bullet") and match.group("colon") and len(label.split()) <= 5 and "(" not in label:
        return label, False, value
    return None


def _canonical_label(label: str) -> str | None:
    key = re.sub(r"[^a-z]", "", label.lower())
    if not key:
        return None
    if key in _LABEL_KEYS:
        return _LABEL_KEYS[key]
    if len(key) < 6:
        return None
    best = process.extractOne(key, list(_LABEL_KEYS), scorer=fuzz.ratio, score_cutoff=85)
    return _LABEL_KEYS[best[0]] if best else None


def _merge_subsection(draft: _Draft, section: _Section) -> None:
    """A deeper heading inside a project (e.g. ``##### Objectives``) becomes one of its fields."""
    label = _canonical_label(section.title)
    lines = [line for _, line in section.body if not line.startswith("\x00")]
    draft.fields.append(_Field(label or section.title, bool(label), section.line, lines))


def _has_lead_text(section: _Section) -> bool:
    return any(line.strip() and not line.startswith("\x00") for _, line in section.body)


# --------------------------------------------------------------------------- records


def _finish(
    draft: _Draft, lineage: tuple[str, ...], file_term: str | None, path: str, warnings: list[ParseWarning]
) -> Project | None:
    """Turn a project draft into a record: organisation and term, title, text fields, links, extras."""
    fields: dict[str, list[_Field]] = {}
    for item in draft.fields:
        fields.setdefault(item.name, []).append(item)

    def text_of(name: str) -> str:
        return "\n".join(item.text for item in fields.get(name, []) if item.text)

    organization, term, lead_lines = _organisation_and_term(draft, lineage, file_term)
    title, term = _title_and_term(draft.title, term)
    description = "\n\n".join(part for part in (_join_lines(lead_lines), text_of("description")) if part)
    if not organization:
        warnings.append(
            ParseWarning(path, draft.line, f"project {title or '(untitled)'!r} has no organisation heading")
        )
        organization = "Unknown"
    lfx_url, upstream = _links(draft, fields)
    if not title:
        reference = _issue_reference(upstream[0]) if upstream else None
        title = f"Untitled {organization} project" + (f" ({reference})" if reference else "")
        warnings.append(ParseWarning(path, draft.line, f"project without a heading; titled {title!r}"))
    if not description:
        warnings.append(ParseWarning(path, draft.line, f"project {title!r} has no description"))
    skills_text = text_of("skills")
    extra = {name: text_of(name) for name, items in fields.items() if not items[0].known and text_of(name)}
    if len(lineage) > 1:
        extra = {"Sub-project": " / ".join(lineage[1:]), **extra}
    return Project(
        id=lfx_id(lfx_url) or slug(f"{organization} {title}"),
        title=title,
        organization=organization,
        description=description,
        expected_outcome=text_of("expected_outcome"),
        skills=split_skills(skills_text),
        skills_text=skills_text,
        mentors=parse_mentors(fields.get("mentors", [])),
        upstream_issues=upstream,
        lfx_url=lfx_url,
        term=term,
        extra=extra,
    )


def _organisation_and_term(
    draft: _Draft, lineage: tuple[str, ...], file_term: str | None
) -> tuple[str | None, str | None, list[str]]:
    """The organisation (heading above, else the ``CNCF - Org: Title (YYYY Term N)`` line), term, other lead lines."""
    organization = lineage[0] if lineage else None
    term = file_term
    lead_lines = []
    for line in draft.lead:
        cncf = _CNCF_LINE.match(line)
        if cncf:
            organization = organization or cncf.group("org").strip()
            term = f"{cncf.group('year')} Term {cncf.group('term')}"
        else:
            lead_lines.append(line)
    return organization, term, lead_lines


def _title_and_term(title: str, term: str | None) -> tuple[str, str | None]:
    """A title without its ``(YYYY Term N)`` suffix, and the term that suffix names."""
    in_title = _TERM_IN_TITLE.search(title)
    if not in_title:
        return title, term
    return title[: in_title.start()].strip(), f"{in_title.group('year')} Term {in_title.group('term')}"


def _links(draft: _Draft, fields: dict[str, list[_Field]]) -> tuple[str | None, tuple[str, ...]]:
    """The LFX page (a URL with an LFX project id first, from the heading or the field) and upstream issues."""
    urls = [url for item in fields.get("lfx_url", []) for url in item.urls]
    if draft.heading_url:
        urls.insert(0, draft.heading_url)
    lfx_url = next((url for url in urls if _LFX_ID.search(url)), urls[0] if urls else None)
    upstream = tuple(dict.fromkeys(url for item in fields.get("upstream_issues", []) for url in item.urls))
    return lfx_url, upstream


def parse_mentors(fields: list[_Field]) -> tuple[Mentor, ...]:
    """Mentors from a mentors field: bullets, one per line, or a comma/``and`` list."""
    mentors: list[Mentor] = []
    for item in fields:
        for line in item.lines:
            line = strip_bullet(line)
            if not line:
                continue
            for piece in split_outside_brackets(line, ",;", words=(" and ", " & ")):
                mentor = _mentor(piece)
                if mentor is not None:
                    mentors.append(mentor)
    return tuple(mentors)


def _mentor(text: str) -> Mentor | None:
    email_match = _EMAIL.search(text)
    email = email_match.group(0) if email_match else None
    without_email = _EMAIL.sub(" ", text)
    handle_match = _HANDLE.search(without_email) or _GITHUB_LINK.search(without_email)
    handle = handle_match.group(1) if handle_match else None
    name_part = re.split(r"[(\[@<]|https?://", without_email, maxsplit=1)[0]
    alias = re.match(r"\s*\(([A-Za-z][A-Za-z .'-]*)\)\s*[(\[<@]", without_email[len(name_part) :])
    if alias:  # "Zicong Chen (Jesse Stutler) (@JesseStutler, …)": the alias is part of the name
        name_part = f"{name_part.rstrip()} ({alias.group(1).strip()})"
    if not name_part.strip() and text.lstrip().startswith("["):  # "[Franco Stellari] (@handle)"
        name_part = text.lstrip()[1:].split("]", 1)[0]
    name = _clean_inline(name_part).strip(" -:,*_") or None
    if handle is None:  # "Nina Polshakova (npolshakova)" or "(dumb0002, email)"
        inner = re.search(r"\(\s*([A-Za-z0-9-]{2,39})\s*(?:[,)]|$)", without_email)
        handle = inner.group(1) if inner else None
    if name and not re.search(r"[A-Za-z]", name):
        name = None
    if not (name or handle or email):
        return None
    return Mentor(name=name, github=handle, email=email)


# --------------------------------------------------------------------------- small helpers


def _file_term(preamble: list[str], sections: list[_Section]) -> str | None:
    candidates = preamble[:5] + [section.title for section in sections[:2]]
    for text in candidates:
        for pattern in _FILE_TERM:
            match = pattern.search(text)
            if match:
                return f"{match.group('year')} Term {int(match.group('term'))}"
    return None


def lfx_id(url: str | None) -> str | None:
    match = _LFX_ID.search(url or "")
    return match.group(1).lower() if match else None


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]


def _issue_reference(url: str) -> str | None:
    match = re.search(r"github\.com/([^/]+)/([^/]+)/(?:issues|pull)/(\d+)", url)
    return f"{match.group(1)}/{match.group(2)}#{match.group(3)}" if match else None


def _first_url(text: str) -> str:
    match = _URL.search(text)
    return match.group(0) if match else ""


def _clean_inline(text: str) -> str:
    """Markdown inline text to plain text: links keep their words, emphasis goes."""
    text = _MARKDOWN_LINK.sub(lambda match: match.group(1), text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = re.sub(r"(?<!\w)[*_](\S.*?\S|\S)[*_](?!\w)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def _join_lines(lines: list[str]) -> str:
    """Field lines to text: bullets kept as lines, wrapped prose joined, markdown removed."""
    out: list[str] = []
    for raw in lines:
        stripped = raw.strip()
        if not stripped:
            if out and out[-1] != "":
                out.append("")
            continue
        is_item = bool(re.match(r"^(?:[-*+]|\d+[.)])\s+", stripped))
        text = _clean_inline(strip_bullet(stripped) if is_item else stripped)
        if not text:
            continue
        if is_item or not out or out[-1] == "" or out[-1].startswith("- "):
            out.append(f"- {text}" if is_item else text)
        else:
            out[-1] = f"{out[-1]} {text}"
    return "\n".join(out).strip()
