"""Capacity-aware optimal assignment of applicants to projects.

Maximises the total fit with at most one project per applicant and at most ``capacity``
applicants per project, by the Hungarian method (scipy's ``linear_sum_assignment``) on
projects expanded into slots. Only each project's best ``total slots`` applicants can be
in some optimal solution (any other could swap with one of those left unassigned), so the
problem is cut to them first: 100,000 applicants solve as fast as a few thousand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from matcher.applicants import ApplicantRow, read_table
from matcher.batch import ScoredApplicant
from matcher.catalogue import Project
from matcher.errors import InputError
from matcher.ranking import skill_overlap
from matcher.recommender import Recommender

ASSIGNMENT_COLUMNS = (
    "status",
    "project_id",
    "title",
    "organization",
    "applicant_id",
    "row",
    "score",
    "matched_skills",
    "missing_skills",
    "reason",
)


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
    usable = allowed & (scores >= min_score) & (scores > 0)
    value = np.where(usable, scores, 0.0)
    slots = int(sum(capacities))
    # keep, for each project, its best `slots` applicants: nobody else can be needed
    keep: set[int] = set()
    for project in range(projects):
        if capacities[project] <= 0:
            continue
        column = value[:, project]
        best = np.argsort(-column, kind="stable")[:slots]
        keep.update(int(row) for row in best if column[row] > 0)
    candidates = np.array(sorted(keep), dtype=int)
    slot_project = np.repeat(np.arange(projects), [max(0, c) for c in capacities])
    assignments: list[Assignment] = []
    if candidates.size and slot_project.size:
        matrix = value[np.ix_(candidates, slot_project)]
        rows, columns = linear_sum_assignment(matrix, maximize=True)
        for row, column in zip(rows, columns, strict=True):
            if matrix[row, column] > 0:
                applicant, project = int(candidates[row]), int(slot_project[column])
                assignments.append(Assignment(applicant, project, float(scores[applicant, project])))
    assignments.sort(key=lambda item: (item.project, -item.score))
    return AssignmentResult(
        tuple(assignments),
        _unassigned_reasons(scores, allowed, usable, assignments, min_score),
        _unfilled_reasons(capacities, usable, assignments),
    )


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
class AssignmentReport:
    """The assignment as output rows (assigned, unassigned, unfilled), with a one-line summary."""

    result: AssignmentResult
    rows: tuple[dict, ...]
    summary: str


def assign_applicants(
    recommender: Recommender,
    applicants: Iterable[ScoredApplicant],
    capacities: Sequence[int],
    preferences: PreferenceMode = PreferenceMode(),
    min_score: float = 0.0,
) -> AssignmentReport:
    """Assign scored applicants optimally, and explain every assignment and non-assignment."""
    projects = recommender.catalogue.projects
    rows: list[ApplicantRow] = []
    matrix: list[np.ndarray] = []
    allowed: list[np.ndarray] = []
    notes: list[str] = []
    for scored in applicants:
        scores = np.zeros(len(projects), dtype=np.float32) if scored.scores is None else scored.scores.copy()
        mask = np.full(len(projects), scored.scores is not None)
        preferred, unknown = match_preferences(scored.applicant.preferences, projects)
        if preferred and preferences.mode == "bonus":
            scores[preferred] += preferences.bonus
        elif preferred and preferences.mode == "restrict":
            mask &= np.isin(np.arange(len(projects)), preferred)
        rows.append(scored.applicant)
        matrix.append(scores)
        allowed.append(mask)
        note = [] if scored.status == "ok" else [scored.status]
        notes.append("; ".join(note + [f"preference {item!r} matches no project" for item in unknown]))
    if not rows:
        raise InputError("no applicant rows to assign")
    result = assign(np.vstack(matrix), capacities, np.vstack(allowed), min_score)
    out: list[dict] = []
    for item in result.assignments:
        applicant, project = rows[item.applicant], projects[item.project]
        profile = recommender.profile(applicant.skills, applicant.interests)
        overlap = skill_overlap(profile, recommender.index.skills[item.project])
        out.append(
            {
                "status": "assigned",
                **_project_cells(project),
                "applicant_id": applicant.applicant_id,
                "row": applicant.row,
                "score": round(item.score, 1),
                "matched_skills": "; ".join(overlap.matched),
                "missing_skills": "; ".join(overlap.missing),
                "reason": notes[item.applicant],
            }
        )
    for item in result.unassigned:
        applicant = rows[item.applicant]
        reason = item.reason
        if item.best_project is not None:
            reason += f" (best fit: {projects[item.best_project].title})"
        reason += f"; {notes[item.applicant]}" if notes[item.applicant] else ""
        out.append(
            {"status": "unassigned", "applicant_id": applicant.applicant_id, "row": applicant.row, "reason": reason}
        )
    for position, free, reason in result.unfilled:
        out.append({"status": f"unfilled ({free} free)", **_project_cells(projects[position]), "reason": reason})
    free_slots = sum(free for _, free, _ in result.unfilled)
    summary = (
        f"{len(rows)} applicants, {sum(capacities)} slots: {len(result.assignments)} assigned "
        f"(total fit {result.total:.1f}), {len(result.unassigned)} unassigned, {free_slots} slots unfilled"
    )
    return AssignmentReport(result, tuple(out), summary)


def _project_cells(project: Project) -> dict:
    return {"project_id": project.id, "title": project.title, "organization": project.organization}


def read_capacities(path: str | Path, projects: Sequence[Project], default: int = 1) -> list[int]:
    """Per-project capacities from a CSV/XLSX with columns ``project`` (id, title or URL) and ``capacity``."""
    header, rows = read_table(path)
    lowered = [name.lower() for name in header]
    keys = [i for i, name in enumerate(lowered) if name in ("project", "project_id", "title", "lfx_url")]
    if "capacity" not in lowered or not keys:
        raise InputError(f"{path}: needs columns 'project' and 'capacity' (columns found: {', '.join(header)})")
    key, size = keys[0], lowered.index("capacity")
    capacities = [default] * len(projects)
    for number, cells in rows:
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
