"""The coordinator's workflow in one call: score applicants → per-applicant rows, shortlists, assignment.

Both the ``matcher batch``/``assign`` commands and the web app's coordinator page call
:func:`run_coordinator`; neither carries scoring or table logic of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from matcher.applicants import ApplicantRow
from matcher.assignment import Assigner, AssignmentReport, PreferenceMode
from matcher.batch import ScoreRow, ShortlistRow, Shortlists, score_applicants, score_rows
from matcher.recommender import Recommender


@dataclass(frozen=True)
class CoordinatorOptions:
    """How to score and assign: projects per applicant, shortlist size, and the assignment's slots.

    ``shortlist_size`` applicants are kept per project (0: no shortlists); ``capacities`` (one
    per catalogue project) asks for an assignment (None: none); ``min_score`` is the floor (fit
    0–100) below which an applicant is neither shortlisted for nor assigned to a project.
    """

    top: int = 5
    shortlist_size: int = 10
    capacities: tuple[int, ...] | None = None
    preferences: PreferenceMode = PreferenceMode()
    min_score: float = 0.0
    chunk_size: int = 1024


@dataclass(frozen=True)
class CoordinatorReport:
    """What a coordinator gets back; every input row is counted in ``applicants``."""

    applicants: int
    scored: int
    output_rows: int
    score_rows: tuple[ScoreRow, ...]  # empty when the rows were streamed to a sink
    shortlist_rows: tuple[ShortlistRow, ...]
    assignment: AssignmentReport | None
    applicants_per_project: tuple[int, ...] = ()  # applicants at or above the floor, per catalogue project

    @property
    def not_scored(self) -> int:
        return self.applicants - self.scored

    @property
    def summary(self) -> str:
        return (
            f"{self.applicants} applicants read: {self.scored} scored, {self.not_scored} not scored (see status); "
            f"{self.output_rows} output rows"
        )


def run_coordinator(
    recommender: Recommender,
    applicants: Iterable[ApplicantRow],
    options: CoordinatorOptions = CoordinatorOptions(),
    *,
    rows_to: Callable[[ScoreRow], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> CoordinatorReport:
    """Score every applicant (streamed in chunks), build each project's shortlist and, if asked, the assignment.

    Score rows go to ``rows_to`` as they are made (so a file of any size is written in flat
    memory), or, without it, are kept in the report. ``progress`` gets the rows done so far.
    """
    shortlists = (
        Shortlists(recommender, options.shortlist_size, options.min_score) if options.shortlist_size > 0 else None
    )
    assigner = (
        None
        if options.capacities is None
        else Assigner(recommender.catalogue.projects, options.capacities, options.preferences, options.min_score)
    )
    kept: list[ScoreRow] = []
    sink = rows_to or kept.append
    applicants_read = scored = written = 0
    for item in score_applicants(recommender, applicants, options.top, options.chunk_size, progress):
        applicants_read += 1
        scored += item.scored
        if shortlists is not None:
            shortlists.add(item)
        if assigner is not None:
            assigner.add(item)
        for row in score_rows(item):
            sink(row)
            written += 1
    return CoordinatorReport(
        applicants=applicants_read,
        scored=scored,
        output_rows=written,
        score_rows=tuple(kept),
        shortlist_rows=tuple(shortlists.rows()) if shortlists is not None else (),
        assignment=assigner.solve() if assigner is not None else None,
        applicants_per_project=tuple(shortlists.counts) if shortlists is not None else (),
    )
