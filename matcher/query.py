"""What a ranking is asked for: filters and how many results, as one value passed from the interfaces down."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from matcher.records import Project

#: Diversity off by default: on the dev set any diversity lowered nDCG@5.
DEFAULT_DIVERSITY = 0.0


@dataclass(frozen=True)
class Query:
    """Filters and size of one ranking.

    ``organizations``: only these CNCF projects (any of them). ``required_skills``: only
    projects using every one of these canonical skills. ``languages``: only projects using
    at least one of these. ``diversity`` (0–1) trades a little fit for variety among the top
    results; ``top`` caps their number (None: every project).
    """

    top: int | None = 10
    organizations: tuple[str, ...] = ()
    required_skills: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    diversity: float = DEFAULT_DIVERSITY

    @classmethod
    def of(
        cls,
        *,
        top: int | None = 10,
        organizations: Iterable[str] = (),
        required_skills: Iterable[str] = (),
        languages: Iterable[str] = (),
        diversity: float = DEFAULT_DIVERSITY,
    ) -> Query:
        """A query from any iterables (lists from a form or the command line)."""
        return cls(top, tuple(organizations), tuple(required_skills), tuple(languages), diversity)

    @property
    def filters(self) -> bool:
        """Whether any filter is set (without one, every project is a candidate)."""
        return bool(self.organizations or self.required_skills or self.languages)

    def admits(self, project: Project, skills: frozenset[str]) -> bool:
        """Whether a project (with its canonical ``skills``) passes the filters."""
        return (
            (not self.organizations or project.organization in self.organizations)
            and set(self.required_skills) <= skills
            and (not self.languages or not skills.isdisjoint(self.languages))
        )
