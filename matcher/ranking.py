"""Ranking: every project scored in each channel for a profile's reading, combined by a learned model.

Channels (see :data:`matcher.combiner.FEATURES`): meaning (what the mentee has and wants, and
their wishes alone), words (TF-IDF), skills had against skills asked for, skills wanted against
skills used, skills avoided, level fit (approachability for everyone, and again for a
self-declared beginner), and the project's hubness (how near it sits to every project's skills).
:class:`~matcher.combiner.Combiner` weighs them, as learned from graded profiles, into a fit of 0–100.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from threadpoolctl import ThreadpoolController

from matcher.combiner import FEATURES, Combiner
from matcher.embedding import Encoder, encode_with_spans
from matcher.errors import InputError
from matcher.index import ProjectIndex, ProjectSkills, SkillMatrix
from matcher.profile import Profile
from matcher.query import Query
from matcher.records import Project

#: Channels shown beside each fit (0–100 each), and what each is made of.
CHANNELS = ("semantic", "lexical", "skills", "wants", "level")
#: Display calibration: cosine ``SEMANTIC_FLOOR`` shows as 0 and ``SEMANTIC_CEILING`` as 100; TF-IDF likewise.
SEMANTIC_FLOOR, SEMANTIC_CEILING, LEXICAL_CEILING = 0.10, 0.60, 0.30


@dataclass(frozen=True)
class SkillOverlap:
    """How a mentee's skills meet a project's: the skill channels and their explanation."""

    coverage: float  # share of the project's asked-for skills the mentee has, central ones weighing more
    used: float  # share of the mentee's skills the project uses
    matched: tuple[str, ...]  # required or mentioned project skills the mentee has
    partial: tuple[str, ...]  # required skills the mentee has a part of (Kubernetes for K8s controllers)
    missing: tuple[str, ...]  # required skills the mentee lacks
    wanted: tuple[str, ...]  # skills the mentee wants to learn that the project uses (their goals)
    avoided: tuple[str, ...]  # skills the mentee avoids that the project asks for

    @property
    def score(self) -> float:
        """The skill channel as shown: coverage and use, 0–1."""
        return 0.6 * self.coverage + 0.4 * self.used


class Overlaps(Sequence[SkillOverlap]):
    """The skill overlap of one profile with every project, worked out when first asked for (explanations, batch)."""

    def __init__(self, profile: Profile, index: ProjectIndex) -> None:
        self._profile = profile
        self._skills = index.skills
        self._cache: dict[int, SkillOverlap] = {}

    def __len__(self) -> int:
        return len(self._skills)

    def __getitem__(self, position: int) -> SkillOverlap:  # type: ignore[override]
        if position not in self._cache:
            self._cache[position] = skill_overlap(self._profile, self._skills[position])
        return self._cache[position]


@dataclass(frozen=True)
class ChannelScores:
    """Every project's channel features for one profile (rows: projects, columns: FEATURES)."""

    features: np.ndarray
    query_vector: np.ndarray
    overlaps: Overlaps

    def feature(self, name: str) -> np.ndarray:
        return self.features[:, FEATURES.index(name)]

    def shown(self, channel: str) -> np.ndarray:
        """A channel as shown to people, 0–1."""
        if channel == "semantic":
            return _calibrated(self.feature("semantic"))
        if channel == "lexical":
            return np.clip(self.feature("lexical") / LEXICAL_CEILING, 0.0, 1.0)
        if channel == "skills":
            return 0.6 * self.feature("skills_coverage") + 0.4 * self.feature("skills_used")
        if channel == "wants":
            return np.maximum(_calibrated(self.feature("semantic_wants")), self.feature("wants_skills"))
        level = self.feature("level_beginner")
        return np.clip((level + 1) / 2, 0.0, 1.0) * (level != 0)


@dataclass(frozen=True)
class Match:
    """One ranked project: fit 0–100 and each channel's part, also 0–100."""

    rank: int
    project: Project
    position: int  # index of the project in the catalogue
    score: float
    components: dict[str, float]
    overlap: SkillOverlap


def skill_overlap(profile: Profile, skills: ProjectSkills) -> SkillOverlap:
    """How the mentee's had, wanted and avoided skills meet the project's.

    A required skill counts its centrality when the mentee has it (named or implied), half of
    it when the mentee has a skill it builds on (Kubernetes, for "Kubernetes controllers");
    skills implied by the required ones count ½, those only mentioned in the prose ⅓.
    """
    have = profile.all_skills
    named = profile.direct_skills
    matched, partial, missing = [], [], []
    earned = possible = 0.0
    for skill in skills.required:
        weight = skills.centrality[skill]
        possible += weight
        if skill in have:
            earned += weight
            matched.append(skill)
        elif skills.builds_on.get(skill, frozenset()) & named:
            earned += 0.5 * weight
            partial.append(skill)
        else:
            missing.append(skill)
    for skill in sorted(skills.implied | skills.mentioned):
        weight = 0.5 if skill in skills.implied else 0.33
        possible += weight
        if skill in have:
            earned += weight
            matched.append(skill)
    coverage = earned / possible if possible and named else 0.0
    used = len(named & skills.all) / len(named) if named else 0.0
    wanted = tuple(skill for skill in profile.reading.want if skill in skills.all and skill in profile.goals)
    avoided = tuple(skill for skill in profile.reading.avoid if skill in skills.required or skill in skills.implied)
    return SkillOverlap(coverage, used, tuple(matched), tuple(partial), tuple(missing), wanted, avoided)


def channel_scores(profile: Profile, index: ProjectIndex, encoder: Encoder) -> ChannelScores:
    """Score every project of the index in every channel (one model call for the query)."""
    return channel_scores_many([profile], index, encoder)[0]


def channel_scores_many(profiles: Sequence[Profile], index: ProjectIndex, encoder: Encoder) -> list[ChannelScores]:
    """:func:`channel_scores` for many profiles, with one batched model call and one TF-IDF pass.

    Each profile is encoded once; its wishes are pooled from the tokens of their part of the text.
    """
    if not profiles:
        return []
    # one model call: each profile's vector, and its wishes read in context (a span of the same text)
    query_vectors, want_vectors = encode_with_spans(
        encoder, [profile.query_text for profile in profiles], [profile.want_span for profile in profiles]
    )
    # One BLAS thread: these products are small, and OpenBLAS threads left spinning after a
    # multi-threaded product slowed the next model call 7-fold on 2 cores (bench/bench_query.py).
    with _blas_threads().limit(limits=1, user_api="blas"):
        semantic = index.project_vectors @ query_vectors.T
        semantic_wants = index.project_vectors @ want_vectors.T
        lexical = index.words.similarity([profile.lexical_text for profile in profiles])
    results = []
    for column, profile in enumerate(profiles):
        beginner = float(profile.level == "beginner")
        features = np.column_stack(
            [
                semantic[:, column],
                semantic_wants[:, column],
                lexical[:, column],
                *_skill_features(profile, index.skill_matrix),
                beginner * index.approachability,
                index.approachability,
                index.hubness,
            ]
        ).astype(np.float32)
        results.append(ChannelScores(features, query_vectors[column], Overlaps(profile, index)))
    return results


def _skill_features(profile: Profile, matrix: SkillMatrix) -> list[np.ndarray]:
    """Coverage, skills used, wanted share, fields and avoided clash of every project: :func:`skill_overlap`'s
    figures, computed for the whole catalogue with sparse products, and the cosine of the fields
    (frontend, observability, …) of the mentee's skills, had and wanted, with the project's."""
    named, wanted = profile.direct_skills, profile.goals
    have = profile.all_skills
    halves = {skill for skill, base in matrix.builds_on.items() if skill not in have and base & named}
    earned = matrix.weights @ matrix.vector(have) + 0.5 * (matrix.required @ matrix.vector(halves))
    possible = np.asarray(matrix.weights.sum(axis=1)).ravel()
    coverage = np.divide(earned, possible, out=np.zeros_like(earned), where=possible > 0) if named else earned * 0
    used = matrix.uses @ matrix.vector(named) / len(named) if named else np.zeros(matrix.uses.shape[0])
    wants = matrix.uses @ matrix.vector(wanted) / len(wanted) if wanted else np.zeros(matrix.uses.shape[0])
    mentee_fields = matrix.field_vector(have) + matrix.field_vector(wanted)
    length = float(np.linalg.norm(mentee_fields))
    fields = matrix.fields @ mentee_fields / length if length else np.zeros(matrix.fields.shape[0])
    avoided = np.minimum(1.0, matrix.asks @ matrix.vector(profile.avoided_skills))
    return [coverage, used, wants, fields, avoided]


@cache
def _blas_threads() -> ThreadpoolController:
    """The loaded thread pools, found once (finding them reads the process's memory map: 1 ms a query)."""
    return ThreadpoolController()


def _calibrated(cosine: np.ndarray) -> np.ndarray:
    return np.clip((cosine - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR), 0.0, 1.0)


def check_meaningful(profile: Profile, scores: ChannelScores, min_semantic: float = 0.4) -> None:
    """Refuse a profile that says only what to avoid, or has no skill and nothing close to any project.

    0.4 calibrated is a cosine of 0.30: gibberish and off-topic text measured up to 0.25,
    real interests without a named skill ("helping users understand metrics") 0.35 and up.
    """
    if not profile.query_text:
        raise InputError(
            "we read only what you want to avoid; add a skill you have or one you want to learn "
            "(e.g. 'Python' or 'I want to learn Kubernetes')"
        )
    named = profile.direct_skills or profile.wanted_skills
    if not named and float(scores.shown("semantic").max(initial=0.0)) < min_semantic:
        words = ", ".join(dict.fromkeys(word.words for word in profile.reading.unrecognised))
        unplaced = f" (not recognised: {words})" if words else ""
        raise InputError(
            f"we could not recognise any skill or topic in what you typed{unplaced}, and no project is close to it; "
            "try skills such as 'Go, Kubernetes, documentation' or a sentence about your interests"
        )


def rank(
    profile: Profile,
    index: ProjectIndex,
    encoder: Encoder,
    query: Query = Query(),
    *,
    combiner: Combiner,
    scores: ChannelScores | None = None,
) -> list[Match]:
    """Projects ranked by fit for ``profile``, best first, filtered and cut as ``query`` asks."""
    scores = scores or channel_scores(profile, index, encoder)
    check_meaningful(profile, scores)
    total = combiner.fit(scores.features)
    shown = {channel: scores.shown(channel) for channel in CHANNELS}
    candidates = [
        position
        for position, project in enumerate(index.projects)
        if not query.filters or query.admits(project, index.skills[position].all)
    ]
    order = diversify(candidates, total, index.project_vectors, query.diversity, query.top)
    return [
        Match(
            rank=rank_number,
            project=index.projects[position],
            position=position,
            score=round(100 * float(total[position]), 1),
            components={name: round(100 * float(values[position]), 1) for name, values in shown.items()},
            overlap=scores.overlaps[position],
        )
        for rank_number, position in enumerate(order, start=1)
    ]


def diversify(
    candidates: list[int], total: np.ndarray, vectors: np.ndarray, diversity: float, top: int | None
) -> list[int]:
    """Maximal-marginal-relevance order: each pick pays ``diversity`` × its likeness to earlier picks."""
    remaining = [candidates[i] for i in np.argsort(-total[candidates], kind="stable")]
    limit = len(remaining) if top is None else min(top, len(remaining))
    if diversity <= 0 or len(remaining) < 2:
        return remaining[:limit]
    chosen: list[int] = []
    likeness = np.zeros(len(total), dtype=np.float32)
    while remaining and len(chosen) < limit:
        best = max(remaining, key=lambda position: total[position] - diversity * likeness[position])
        chosen.append(best)
        remaining.remove(best)
        likeness = np.maximum(likeness, np.clip(vectors @ vectors[best], 0.0, 1.0))
    return chosen
