"""Capacity-aware optimal assignment of applicants to projects.

Maximises the total fit with at most one project per applicant and at most ``capacity``
applicants per project, by the Hungarian method (scipy's ``linear_sum_assignment``) on
projects expanded into slots. Only each project's best ``total slots`` applicants are needed
by an optimal solution (any other could swap with one of those left unassigned), so the
problem is cut to those pairs first: 100,000 applicants solve as fast as a few thousand, and
the scorer needs to keep the skill overlaps of those pairs only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from matcher.applicants import ApplicantRow
from matcher.batch import BestOf, ScoredApplicant, mentor_names
from matcher.errors import InputError
from matcher.ranking import SkillOverlap
from matcher.records import Project
from matcher.tables import TableSource, read_table


@dataclass(frozen=True)
class Assignment:
    applicant: int  # row of the score matrix
    project: int  # column of the score matrix
    score: float


@dataclass(frozen=True)
class Unassigned:
    applicant: int
    reason: str
    best_project: int | None = None  # the project that fit them best, when one could have


@dataclass(frozen=True)
class AssignmentResult:
    assignments: tuple[Assignment, ...]
    unassigned: tuple[Unassigned, ...]
    unfilled: tuple[tuple[int, int, str], ...]  # (project, free slots, reason)

    @property
    def total(self) -> float:
        return float(sum(item.score for item in self.assignments))


def assign(
    scores: np.ndarray,
    capacities: Sequence[int],
    allowed: np.ndarray | None = None,
    min_score: float = 0.0,
) -> AssignmentResult:
    """Optimal assignment for an applicants × projects matrix of fit scores.

    ``allowed`` (same shape, bool) forbids pairs (e.g. projects an applicant did not
    choose); pairs below ``min_score`` are never assigned.
    """
    scores = np.asarray(scores, dtype=float)
    applicants, projects = scores.shape
    if len(capacities) != projects:
        raise ValueError(f"{len(capacities)} capacities for {projects} projects")
    allowed = np.ones_like(scores, dtype=bool) if allowed is None else np.asarray(allowed, dtype=bool)
    usable = usable_pairs(scores, allowed, min_score)
    value = np.where(usable, scores, 0.0)
    candidates = candidate_pairs(value, capacities)
    rows = np.flatnonzero(candidates.any(axis=1))
    slot_project = np.repeat(np.arange(projects), [max(0, c) for c in capacities])
    assignments: list[Assignment] = []
    if rows.size and slot_project.size:
        matrix = np.where(candidates, value, 0.0)[np.ix_(rows, slot_project)]
        solved_rows, solved_columns = linear_sum_assignment(matrix, maximize=True)
        for row, column in zip(solved_rows, solved_columns, strict=True):
            if matrix[row, column] > 0:
                applicant, project = int(rows[row]), int(slot_project[column])
                assignments.append(Assignment(applicant, project, float(scores[applicant, project])))
    assignments.sort(key=lambda item: (item.project, -item.score))
    return AssignmentResult(
        tuple(assignments),
        _unassigned_reasons(scores, allowed, usable, assignments, min_score),
        _unfilled_reasons(capacities, usable, assignments),
    )


def usable_pairs(scores: np.ndarray, allowed: np.ndarray, min_score: float) -> np.ndarray:
    """Pairs that may be assigned: allowed, positive and not below ``min_score``."""
    return allowed & (scores >= min_score) & (scores > 0)


def candidate_pairs(value: np.ndarray, capacities: Sequence[int]) -> np.ndarray:
    """Each project's best ``total slots`` applicants by value (ties to the earlier row): all an optimum needs.

    If an optimum paired a project with someone outside this list, one of the list would be
    unassigned (at most ``total slots`` people are placed) and could take that slot for no less.
    """
    slots = int(sum(max(0, c) for c in capacities))
    keep = np.zeros(value.shape, dtype=bool)
    for project, capacity in enumerate(capacities):
        if capacity <= 0:
            continue
        column = value[:, project]
        best = np.argsort(-column, kind="stable")[:slots]
        keep[best[column[best] > 0], project] = True
    return keep


def _unassigned_reasons(
    scores: np.ndarray, allowed: np.ndarray, usable: np.ndarray, assignments: list[Assignment], min_score: float
) -> tuple[Unassigned, ...]:
    placed = {item.applicant for item in assignments}
    result = []
    for applicant in range(scores.shape[0]):
        if applicant in placed:
            continue
        if not allowed[applicant].any():
            result.append(Unassigned(applicant, "none of their preferred projects is in the catalogue"))
        elif not usable[applicant].any():
            result.append(Unassigned(applicant, f"no allowed project scored above {max(min_score, 0):g}"))
        else:
            best = int(np.argmax(np.where(usable[applicant], scores[applicant], -1)))
            result.append(Unassigned(applicant, "better-fitting applicants took the slots", best))
    return tuple(result)


def _unfilled_reasons(
    capacities: Sequence[int], usable: np.ndarray, assignments: list[Assignment]
) -> tuple[tuple[int, int, str], ...]:
    taken = np.bincount([item.project for item in assignments], minlength=len(capacities))
    result = []
    for project, capacity in enumerate(capacities):
        free = int(capacity - taken[project])
        if free <= 0:
            continue
        candidates = int(usable[:, project].sum())
        if candidates == 0:
            reason = "no applicant fits this project (or may be assigned to it)"
        elif candidates <= taken[project]:
            reason = "fewer fitting applicants than slots"
        else:
            reason = "its fitting applicants were placed where they fit better"
        result.append((project, free, reason))
    return tuple(result)


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


def match_preferences(text: str, projects: Sequence[Project]) -> tuple[list[int], list[str]]:
    """Projects an applicant named (by LFX URL/id or title, typos tolerated), and names not found."""
    found: list[int] = []
    unknown: list[str] = []
    for item in re.split(r"[;\n|]+", text or ""):
        item = item.strip()
        if not item:
            continue
        uuid = _UUID.search(item)
        if uuid:
            matches = [i for i, project in enumerate(projects) if project.id == uuid.group(0).lower()]
        else:
            ratios = [fuzz.token_set_ratio(item.lower(), project.title.lower()) for project in projects]
            best = int(np.argmax(ratios)) if ratios else -1
            matches = [best] if best >= 0 and ratios[best] >= 90 else []
        if matches:
            found.extend(index for index in matches if index not in found)
        else:
            unknown.append(item)
    return found, unknown


@dataclass(frozen=True)
class PreferenceMode:
    """How applicants' preferred projects count: ``bonus`` points, ``restrict`` to them, or ``ignore``."""

    mode: str = "bonus"
    bonus: float = 10.0

    def __post_init__(self) -> None:
        if self.mode not in ("bonus", "restrict", "ignore"):
            raise InputError(f"preferences must be bonus, restrict or ignore, not {self.mode!r}")


@dataclass(frozen=True)
class AssignmentRow:
    """One output row: an assignment, an unassigned applicant or an unfilled project, with the reason."""

    status: str
    applicant_id: str = ""
    row: int | str = ""
    title: str = ""
    organization: str = ""
    score: float | str = ""
    matched_skills: str = ""
    missing_skills: str = ""
    reason: str = ""
    lfx_url: str = ""
    mentors: str = ""
    project_id: str = ""


@dataclass(frozen=True)
class AssignmentReport:
    """The assignment as output rows (assigned, unassigned, unfilled), with a one-line summary."""

    result: AssignmentResult
    rows: tuple[AssignmentRow, ...]
    summary: str


class Assigner:
    """Collects scored applicants (streamed), then assigns them optimally and explains every outcome.

    Skill overlaps come from scoring; only those of candidate pairs (see :func:`candidate_pairs`)
    are kept, so memory grows with the number of slots, not of applicants × projects.
    """

    def __init__(
        self,
        projects: Sequence[Project],
        capacities: Sequence[int],
        preferences: PreferenceMode = PreferenceMode(),
        min_score: float = 0.0,
    ) -> None:
        if len(capacities) != len(projects):
            raise InputError(f"{len(capacities)} capacities for {len(projects)} projects")
        self.projects = tuple(projects)
        self.capacities = tuple(capacities)
        self.preferences = preferences
        self.min_score = min_score
        self._applicants: list[ApplicantRow] = []
        self._scores: list[np.ndarray] = []
        self._allowed: list[np.ndarray] = []
        self._notes: list[str] = []
        slots = sum(max(0, capacity) for capacity in capacities)
        self._candidates: list[BestOf[SkillOverlap]] = [BestOf(slots) for _ in projects]

    def add(self, scored: ScoredApplicant) -> None:
        index = len(self._applicants)
        scores, allowed, unknown = self._preference_scores(scored)
        value = np.where(usable_pairs(scores, allowed, self.min_score), scores, 0.0)
        for project in np.flatnonzero(value):
            key = (float(value[project]), -index)
            if self._candidates[project].admits(key):
                self._candidates[project].offer(key, scored.overlaps[project])
        self._applicants.append(scored.applicant)
        self._scores.append(scores)
        self._allowed.append(allowed)
        notes = [] if scored.status == "ok" else [scored.status]
        self._notes.append("; ".join(notes + [f"preference {item!r} matches no project" for item in unknown]))

    def _preference_scores(self, scored: ScoredApplicant) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Fit with the preference bonus added, the pairs allowed, and preferences naming no project."""
        count = len(self.projects)
        scores = np.zeros(count) if scored.fit is None else scored.fit.astype(float)
        allowed = np.full(count, scored.fit is not None)
        preferred, unknown = match_preferences(scored.applicant.preferences, self.projects)
        if preferred and self.preferences.mode == "bonus":
            scores[preferred] += self.preferences.bonus
        elif preferred and self.preferences.mode == "restrict":
            allowed &= np.isin(np.arange(count), preferred)
        return scores, allowed, unknown

    def solve(self) -> AssignmentReport:
        if not self._applicants:
            raise InputError("no applicant rows to assign")
        result = assign(np.vstack(self._scores), self.capacities, np.vstack(self._allowed), self.min_score)
        overlaps = {
            (-negative_index, project): overlap
            for project, candidates in enumerate(self._candidates)
            for (_, negative_index), overlap in candidates.best_first()
        }
        rows = (
            [self._assigned_row(item, overlaps[item.applicant, item.project]) for item in result.assignments]
            + [self._unassigned_row(item) for item in result.unassigned]
            + [self._unfilled_row(position, free, reason) for position, free, reason in result.unfilled]
        )
        return AssignmentReport(result, tuple(rows), self._summary(result))

    def _assigned_row(self, item: Assignment, overlap: SkillOverlap) -> AssignmentRow:
        applicant = self._applicants[item.applicant]
        return AssignmentRow(
            "assigned",
            **_project_cells(self.projects[item.project]),
            applicant_id=applicant.applicant_id,
            row=applicant.row,
            score=round(item.score, 1),
            matched_skills="; ".join(overlap.matched),
            missing_skills="; ".join(overlap.missing),
            reason=self._notes[item.applicant],
        )

    def _unassigned_row(self, item: Unassigned) -> AssignmentRow:
        applicant, note = self._applicants[item.applicant], self._notes[item.applicant]
        reason = item.reason
        if item.best_project is not None:
            reason += f" (best fit: {self.projects[item.best_project].title})"
        reason += f"; {note}" if note else ""
        return AssignmentRow("unassigned", applicant_id=applicant.applicant_id, row=applicant.row, reason=reason)

    def _unfilled_row(self, position: int, free: int, reason: str) -> AssignmentRow:
        return AssignmentRow(f"unfilled ({free} free)", **_project_cells(self.projects[position]), reason=reason)

    def _summary(self, result: AssignmentResult) -> str:
        free_slots = sum(free for _, free, _ in result.unfilled)
        return (
            f"{len(self._applicants)} applicants, {sum(self.capacities)} slots: {len(result.assignments)} assigned "
            f"(total fit {result.total:.1f}), {len(result.unassigned)} unassigned, {free_slots} slots unfilled"
        )


def _project_cells(project: Project) -> dict[str, str]:
    return {
        "project_id": project.id,
        "title": project.title,
        "organization": project.organization,
        "lfx_url": project.lfx_url or "",
        "mentors": mentor_names(project),
    }


def read_capacities(
    source: TableSource, projects: Sequence[Project], default: int = 1, name: str | None = None
) -> list[int]:
    """Per-project capacities from a CSV/XLSX with columns ``project`` (id, title or URL) and ``capacity``."""
    table = read_table(source, name)
    path, header = table.name, table.header
    lowered = [column.lower() for column in header]
    keys = [i for i, column in enumerate(lowered) if column in ("project", "project_id", "title", "lfx_url")]
    if "capacity" not in lowered or not keys:
        raise InputError(f"{path}: needs columns 'project' and 'capacity' (columns found: {', '.join(header)})")
    key, size = keys[0], lowered.index("capacity")
    capacities = [default] * len(projects)
    for number, cells in ((row.number, row.cells) for row in table.rows):
        name = cells[key].strip() if key < len(cells) else ""
        value = cells[size].strip() if size < len(cells) else ""
        if not name and not value:
            continue
        found, _ = match_preferences(name, projects)
        if not found:
            raise InputError(f"{path}: row {number}, column {header[key]!r}: {name!r} matches no project")
        if not value.isdigit():
            raise InputError(f"{path}: row {number}, column 'capacity': {value!r} is not a whole number")
        capacities[found[0]] = int(value)
    return capacities
