"""A mentee's shortlist of (at most three) projects as an application checklist, in CSV and Markdown.

LFX allows three applications per mentee per term: the checklist puts side by side what each
starred project needs (its LFX page, upstream issue, prerequisites, mentors) and what the
mentee brings and would learn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matcher.batch import mentor_names
from matcher.recommender import Recommendation

#: LFX accepts at most this many applications per mentee per term.
MAX_APPLICATIONS = 3


@dataclass(frozen=True)
class ChecklistRow:
    """One starred project and what applying to it takes."""

    title: str
    organization: str
    fit: float
    you_bring: str
    to_learn: str
    prerequisites: str
    mentors: str
    lfx_url: str
    upstream_issues: str


def checklist_rows(shortlist: Sequence[Recommendation]) -> list[ChecklistRow]:
    """The checklist as rows (for CSV), in the order the mentee starred the projects."""
    return [
        ChecklistRow(
            title=result.project.title,
            organization=result.project.organization,
            fit=result.match.score,
            you_bring="; ".join(item.skill for item in result.explanation.matched_skills),
            to_learn="; ".join(result.explanation.missing_skills),
            prerequisites="; ".join(result.project.prerequisites) or "see the LFX page",
            mentors=mentor_names(result.project),
            lfx_url=result.project.lfx_url or "",
            upstream_issues=" ".join(result.project.upstream_issues),
        )
        for result in shortlist
    ]


def checklist_markdown(shortlist: Sequence[Recommendation]) -> str:
    """The checklist as a Markdown to-do list, one section per starred project."""
    lines = ["# My LFX Mentorship application checklist", ""]
    for number, row in enumerate(checklist_rows(shortlist), start=1):
        lines += [f"## {number}. {row.title} ({row.organization}), fit {row.fit:.0f}/100", ""]
        if row.lfx_url:
            lines.append(f"- [ ] Read the project page and apply: {row.lfx_url}")
        for url in row.upstream_issues.split():
            lines.append(f"- [ ] Read the upstream issue: {url}")
        for item in row.prerequisites.split("; "):
            lines.append(f"- [ ] Prepare: {item}")
        if row.mentors:
            lines.append(f"- Mentors: {row.mentors}")
        if row.you_bring:
            lines.append(f"- You bring: {row.you_bring.replace('; ', ', ')}")
        if row.to_learn:
            lines.append(f"- To learn: {row.to_learn.replace('; ', ', ')}")
        lines.append("")
    return "\n".join(lines)


def one_organisation(shortlist: Sequence[Recommendation]) -> str | None:
    """The organisation, when every starred project (two or more) belongs to the same one."""
    organizations = {result.project.organization for result in shortlist}
    return organizations.pop() if len(shortlist) > 1 and len(organizations) == 1 else None
