"""Batch scoring of applicants: rows in → rows out, chunk by chunk.

:func:`score_chunk` is a pure function of a chunk of :class:`ApplicantRow` (plus the
recommender), so it runs here chunk by chunk and could run unchanged on a distributed
DataFrame engine. Every input row yields output: its top projects, or one row whose
``status`` says why it was not scored.
"""

from __future__ import annotations

import csv
import heapq
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TextIO

import numpy as np

from matcher.applicants import ApplicantRow
from matcher.errors import InputError
from matcher.ranking import SkillOverlap, channel_scores_many, check_meaningful
from matcher.recommender import Recommendation, Recommender

OUTPUT_COLUMNS = (
    "applicant_id",
    "row",
    "rank",
    "project_id",
    "title",
    "organization",
    "score",
    "semantic",
    "lexical",
    "skills_score",
    "matched_skills",
    "missing_skills",
    "explanation",
    "stretch",
    "status",
)
SHORTLIST_COLUMNS = ("project_id", "title", "organization", "rank", "applicant_id", "row", "score", "matched_skills")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ScoredApplicant:
    """One input row with its ranked projects (empty when not scored) and a status."""

    applicant: ApplicantRow
    recommendations: tuple[Recommendation, ...]
    status: str
    scores: np.ndarray | None = field(default=None, compare=False)  # fit 0–100 of every project
    overlaps: tuple[SkillOverlap, ...] = field(default=(), compare=False)  # skills, per project


def score_chunk(
    recommender: Recommender,
    rows: Sequence[ApplicantRow],
    top: int = 5,
    memo: OrderedDict | None = None,
    memo_size: int = 4096,
) -> list[ScoredApplicant]:
    """Score a chunk of applicants; applicants with identical text are encoded once.

    ``memo`` (optional) carries results across chunks for repeated texts.
    """
    memo = OrderedDict() if memo is None else memo
    todo: dict[tuple[str, str], object] = {}
    for row in rows:
        key = (row.skills, row.interests)
        if row.problem is None and key not in memo and key not in todo:
            todo[key] = recommender.profile(row.skills, row.interests)
    profiles = list(todo.values())
    for key, profile, scores in zip(
        todo,
        profiles,
        channel_scores_many(profiles, recommender.index, recommender.encoder, recommender.weights),
        strict=True,
    ):
        try:
            check_meaningful(profile, scores)
        except InputError as error:
            memo[key] = ((), f"not scored: {error}", None, ())
            continue
        results = recommender.recommend_profile(profile, top=top, scores=scores)
        total = np.round(100 * scores.combined(recommender.weights), 1)
        memo[key] = (tuple(results), "ok", total, scores.overlaps)
        memo.move_to_end(key)
    while len(memo) > memo_size:
        memo.popitem(last=False)
    scored = []
    for row in rows:
        if row.problem is not None:
            scored.append(ScoredApplicant(row, (), f"not scored: {row.problem}"))
            continue
        results, status, all_scores, overlaps = memo[(row.skills, row.interests)]
        if row.note:
            status = f"{status} ({row.note})"
        scored.append(ScoredApplicant(row, results, status, all_scores, overlaps))
    return scored


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


def output_rows(scored: ScoredApplicant) -> list[dict]:
    """The long-format output rows of one applicant (one row when not scored)."""
    applicant = scored.applicant
    base = {"applicant_id": applicant.applicant_id, "row": applicant.row, "status": scored.status}
    if not scored.recommendations:
        return [{**base, **{column: "" for column in OUTPUT_COLUMNS if column not in base}}]
    rows = []
    for result in scored.recommendations:
        data = result.to_dict()
        rows.append(
            {
                **base,
                "rank": data["rank"],
                "project_id": data["project_id"],
                "title": data["title"],
                "organization": data["organization"],
                "score": data["score"],
                "semantic": data["components"]["semantic"],
                "lexical": data["components"]["lexical"],
                "skills_score": data["components"]["skills"],
                "matched_skills": "; ".join(item["skill"] for item in data["matched_skills"]),
                "missing_skills": "; ".join(data["missing_skills"]),
                "explanation": data["explanation"],
                "stretch": "yes" if data["stretch"] else "no",
            }
        )
    return rows


class Shortlists:
    """Each project's best applicants so far (the mentor's view), in bounded memory."""

    def __init__(self, recommender: Recommender, size: int = 10) -> None:
        self.recommender = recommender
        self.size = size
        self._heaps: list[list[tuple[float, int, str, str]]] = [[] for _ in recommender.catalogue]

    def add(self, scored: ScoredApplicant) -> None:
        if scored.scores is None:
            return
        row = scored.applicant
        for position, score in enumerate(scored.scores):
            heap = self._heaps[position]
            if len(heap) >= self.size and (float(score), -row.row) <= heap[0][:2]:
                continue
            matched = "; ".join(scored.overlaps[position].matched)
            entry = (float(score), -row.row, row.applicant_id, matched)
            if len(heap) < self.size:
                heapq.heappush(heap, entry)
            else:
                heapq.heapreplace(heap, entry)

    def rows(self) -> Iterator[dict]:
        for position, heap in enumerate(self._heaps):
            project = self.recommender.catalogue[position]
            for rank, (score, negative_row, applicant_id, matched) in enumerate(sorted(heap, reverse=True), start=1):
                yield {
                    "project_id": project.id,
                    "title": project.title,
                    "organization": project.organization,
                    "rank": rank,
                    "applicant_id": applicant_id,
                    "row": -negative_row,
                    "score": score,
                    "matched_skills": matched,
                }


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula (CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(target: str | Path | TextIO, columns: Sequence[str], rows: Iterable[dict]) -> int:
    """Write rows as UTF-8 CSV with every cell made spreadsheet-safe; returns the row count."""
    if isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            return write_csv(handle, columns, rows)
    writer = csv.DictWriter(target, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
        count += 1
    return count
