"""Batch scoring of applicants: rows in → rows out, chunk by chunk.

:func:`score_chunk` is a pure function of a chunk of :class:`ApplicantRow` (plus the
recommender), so it runs here chunk by chunk and could run unchanged on a distributed
DataFrame engine. Every input row yields output: its top projects, or one row whose
``status`` says why it was not scored.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Generic, TypeVar

import numpy as np

from matcher.applicants import ApplicantRow
from matcher.query import Query
from matcher.ranking import SkillOverlap
from matcher.recommender import Ranking, Recommendation, Recommender
from matcher.records import Project

Item = TypeVar("Item")


@dataclass(frozen=True)
class ScoredApplicant:
    """One input row with its ranking (None when the row could not be read) and a status."""

    applicant: ApplicantRow
    ranking: Ranking | None
    status: str

    @property
    def recommendations(self) -> tuple[Recommendation, ...]:
        return self.ranking.recommendations if self.ranking else ()

    @property
    def scored(self) -> bool:
        return bool(self.recommendations)

    @property
    def fit(self) -> np.ndarray | None:
        """Fit 0–100 of every project, or None when not scored."""
        return self.ranking.fit if self.scored and self.ranking else None

    @property
    def overlaps(self) -> tuple[SkillOverlap, ...]:
        return self.ranking.overlaps if self.ranking else ()


@dataclass(frozen=True)
class ScoreRow:
    """One output row: an applicant × one of their top projects (or the applicant alone, when not scored)."""

    applicant_id: str
    row: int
    status: str = ""
    rank: int | str = ""
    title: str = ""
    organization: str = ""
    score: float | str = ""
    matched_skills: str = ""
    missing_skills: str = ""
    explanation: str = ""
    stretch: str = ""
    semantic: float | str = ""
    lexical: float | str = ""
    skills_score: float | str = ""
    lfx_url: str = ""
    mentors: str = ""
    project_id: str = ""


@dataclass(frozen=True)
class ShortlistRow:
    """One of a project's best applicants (the mentor's view)."""

    applicant_id: str
    row: int
    rank: int
    title: str
    organization: str
    score: float
    matched_skills: str
    lfx_url: str
    mentors: str
    project_id: str


def score_chunk(
    recommender: Recommender,
    rows: Sequence[ApplicantRow],
    top: int = 5,
    memo: OrderedDict | None = None,
    memo_size: int = 4096,
) -> list[ScoredApplicant]:
    """Score a chunk of applicants; applicants with identical text are encoded once.

    ``memo`` (optional) carries rankings across chunks for repeated texts.
    """
    memo = OrderedDict() if memo is None else memo
    todo = {}
    for row in rows:
        key = (row.skills, row.interests)
        if row.problem is None and key not in memo and key not in todo:
            todo[key] = recommender.profile(row.skills, row.interests)
    for key, ranking in zip(todo, recommender.recommend_many(list(todo.values()), Query(top=top)), strict=True):
        memo[key] = ranking
        memo.move_to_end(key)
    scored = [_scored(row, memo) for row in rows]
    while len(memo) > memo_size:
        memo.popitem(last=False)
    return scored


def _scored(row: ApplicantRow, memo: OrderedDict) -> ScoredApplicant:
    if row.problem is not None:
        return ScoredApplicant(row, None, f"not scored: {row.problem}")
    ranking: Ranking = memo[(row.skills, row.interests)]
    status = "ok" if ranking.problem is None else f"not scored: {ranking.problem}"
    if row.note:
        status = f"{status} ({row.note})"
    return ScoredApplicant(row, ranking, status)


def score_applicants(
    recommender: Recommender,
    rows: Iterable[ApplicantRow],
    top: int = 5,
    chunk_size: int = 1024,
    progress: Callable[[int], None] | None = None,
) -> Iterator[ScoredApplicant]:
    """Stream :func:`score_chunk` over any number of rows; memory stays flat."""
    memo: OrderedDict = OrderedDict()
    iterator = iter(rows)
    done = 0
    while chunk := list(islice(iterator, chunk_size)):
        yield from score_chunk(recommender, chunk, top, memo)
        done += len(chunk)
        if progress:
            progress(done)


def score_rows(scored: ScoredApplicant) -> list[ScoreRow]:
    """The long-format output rows of one applicant (one row when not scored)."""
    applicant = scored.applicant
    return recommendation_rows(applicant.applicant_id, applicant.row, scored.recommendations, scored.status)


def recommendation_rows(
    applicant_id: str, row: int, recommendations: Sequence[Recommendation], status: str = "ok"
) -> list[ScoreRow]:
    """Output rows of one person's recommendations (one row with the status alone when there are none)."""
    if not recommendations:
        return [ScoreRow(applicant_id, row, status=status)]
    return [
        ScoreRow(
            applicant_id=applicant_id,
            row=row,
            rank=result.match.rank,
            project_id=result.project.id,
            title=result.project.title,
            organization=result.project.organization,
            score=result.match.score,
            semantic=result.match.components["semantic"],
            lexical=result.match.components["lexical"],
            skills_score=result.match.components["skills"],
            matched_skills="; ".join(item.skill for item in result.explanation.matched_skills),
            missing_skills="; ".join(result.explanation.missing_skills),
            explanation=result.explanation.summary,
            stretch="yes" if result.explanation.stretch else "no",
            lfx_url=result.project.lfx_url or "",
            mentors=mentor_names(result.project),
            status=status,
        )
        for result in recommendations
    ]


def mentor_names(project: Project) -> str:
    """A project's mentors in one cell: ``Name (@handle); …``."""
    return "; ".join(mentor.display() for mentor in project.mentors)


class BestOf(Generic[Item]):
    """The ``size`` items with the highest keys seen so far, in bounded memory (a min-heap)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._heap: list[tuple[tuple[float, int], Item]] = []

    def admits(self, key: tuple[float, int]) -> bool:
        """Whether an item with this key would be kept (so the item need not be built otherwise)."""
        return len(self._heap) < self.size or key > self._heap[0][0]

    def offer(self, key: tuple[float, int], item: Item) -> None:
        """Keep ``item`` if its key is among the best ``size``; among equal scores, the larger second part wins."""
        if len(self._heap) < self.size:
            heapq.heappush(self._heap, (key, item))
        elif key > self._heap[0][0]:
            heapq.heapreplace(self._heap, (key, item))

    def best_first(self) -> list[tuple[tuple[float, int], Item]]:
        return sorted(self._heap, key=lambda entry: entry[0], reverse=True)


class Shortlists:
    """Each project's best scored applicants so far (the mentor's view), in bounded memory.

    Only scored applicants with a fit above 0 and at least ``floor`` are shortlisted, so a
    project few applicants fit gets a short list rather than one padded with poor fits.
    """

    def __init__(self, recommender: Recommender, size: int = 10, floor: float = 0.0) -> None:
        self.projects = recommender.catalogue.projects
        self.floor = floor
        self._best: list[BestOf[tuple[ApplicantRow, str]]] = [BestOf(size) for _ in self.projects]
        #: applicants at or above the floor, per project: where the pile-ups are
        self.counts = [0] * len(self.projects)

    def add(self, scored: ScoredApplicant) -> None:
        if scored.fit is None:
            return
        row = scored.applicant
        for position, score in enumerate(scored.fit):
            if score <= 0 or score < self.floor:
                continue
            self.counts[position] += 1
            key = (float(score), -row.row)
            if self._best[position].admits(key):
                self._best[position].offer(key, (row, "; ".join(scored.overlaps[position].matched)))

    def rows(self) -> Iterator[ShortlistRow]:
        for project, best in zip(self.projects, self._best, strict=True):
            for rank, ((score, _), (row, matched)) in enumerate(best.best_first(), start=1):
                yield ShortlistRow(
                    row.applicant_id,
                    row.row,
                    rank,
                    project.title,
                    project.organization,
                    score,
                    matched,
                    project.lfx_url or "",
                    mentor_names(project),
                    project.id,
                )
