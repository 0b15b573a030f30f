"""Hybrid ranking: semantic, lexical and skill-overlap channels combined into one 0–100 fit.

Each channel is mapped to 0–1 by a fixed calibration (not per query), so a profile that
fits nothing gets low scores instead of a rescaled ranking of noise. The weights are
tuned on the dev set by ``bench/tune_weights.py`` (see the README for the figures).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from threadpoolctl import threadpool_limits

from matcher.embedding import Encoder
from matcher.errors import InputError
from matcher.index import ProjectIndex, ProjectSkills
from matcher.profile import Profile
from matcher.query import Query
from matcher.records import Project

CHANNELS = ("semantic", "lexical", "skills")


@dataclass(frozen=True)
class Weights:
    """How much each channel counts, and how passages pool into a project score."""

    semantic: float = 0.25
    lexical: float = 0.25
    skills: float = 0.50
    #: semantic score = pooling × similarity to the whole project + (1 − pooling) × best passage
    pooling: float = 1.0
    #: calibration: cosine ``semantic_floor`` maps to 0 and ``semantic_ceiling`` to 1
    semantic_floor: float = 0.10
    semantic_ceiling: float = 0.60
    lexical_ceiling: float = 0.30

    def only(self, channel: str) -> Weights:
        """The same calibration with all weight on one channel (a single-channel baseline)."""
        return replace(self, **{name: float(name == channel) for name in CHANNELS})


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class SkillOverlap:
    """How a mentee's skills cover a project's: the skill channel and its explanation."""

    score: float
    matched: tuple[str, ...]  # required or mentioned project skills the mentee has
    partial: tuple[str, ...]  # required skills the mentee has a part of (Kubernetes for K8s controllers)
    missing: tuple[str, ...]  # required skills the mentee lacks


@dataclass(frozen=True)
class ChannelScores:
    """Calibrated 0–1 scores of every project in each channel, for one profile."""

    semantic: np.ndarray
    lexical: np.ndarray
    skills: np.ndarray
    query_vector: np.ndarray
    overlaps: tuple[SkillOverlap, ...]
    named_skills: bool  # whether the profile named any skill; if not, the skill channel says nothing

    def combined(self, weights: Weights) -> np.ndarray:
        """The weighted fit, 0–1; without named skills, semantic and lexical carry the whole weight."""
        skills = weights.skills if self.named_skills else 0.0
        total = weights.semantic + weights.lexical + skills
        if total == 0:  # a skills-only baseline on a profile without skills
            return np.zeros_like(self.semantic)
        return (weights.semantic * self.semantic + weights.lexical * self.lexical + skills * self.skills) / total


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
    """Coverage of the project's skills by the mentee's, and use of the mentee's skills.

    A required skill counts fully when the mentee has it (named or implied), half when the
    mentee named a skill it builds on (Kubernetes, for "Kubernetes controllers"); skills only
    mentioned in the prose count a third.
    """
    have = profile.all_skills
    named = profile.direct_skills
    matched, partial, missing = [], [], []
    earned = possible = 0.0
    for skill in skills.required:
        possible += 1.0
        if skill in have:
            earned += 1.0
            matched.append(skill)
        elif skills.builds_on.get(skill, frozenset()) & named:
            earned += 0.5
            partial.append(skill)
        else:
            missing.append(skill)
    for skill in sorted(skills.implied | skills.mentioned):
        weight = 0.5 if skill in skills.implied else 0.33
        possible += weight
        if skill in have:
            earned += weight
            matched.append(skill)
    coverage = earned / possible if possible else 0.0
    used = len(named & skills.all) / len(named) if named else 0.0
    score = 0.6 * coverage + 0.4 * used if named else 0.0
    return SkillOverlap(score, tuple(matched), tuple(partial), tuple(missing))


def channel_scores(profile: Profile, index: ProjectIndex, encoder: Encoder, weights: Weights) -> ChannelScores:
    """Score every project of the index in every channel (one model call for the query)."""
    return channel_scores_many([profile], index, encoder, weights)[0]


def channel_scores_many(
    profiles: Sequence[Profile], index: ProjectIndex, encoder: Encoder, weights: Weights
) -> list[ChannelScores]:
    """:func:`channel_scores` for many profiles, with one batched model call and one TF-IDF pass."""
    if not profiles:
        return []
    texts = [profile.query_text for profile in profiles]
    query_vectors = encoder.encode(texts)
    # One BLAS thread: these products are small, and OpenBLAS threads left spinning after a
    # multi-threaded product slowed the next model call 7-fold on 2 cores (bench/bench_query.py).
    with threadpool_limits(limits=1, user_api="blas"):
        cosine = weights.pooling * (index.project_vectors @ query_vectors.T)
        if weights.pooling < 1:  # blend in each project's best passage
            best_passage = np.full((len(index.projects), len(profiles)), -1.0, dtype=np.float32)
            np.maximum.at(best_passage, index.passage_owner, index.passage_vectors @ query_vectors.T)
            cosine += (1 - weights.pooling) * best_passage
        semantic = np.clip(
            (cosine - weights.semantic_floor) / (weights.semantic_ceiling - weights.semantic_floor), 0.0, 1.0
        )
        lexical_raw = (index.lexical_matrix @ index.vectorizer.transform(texts).T).toarray()
        lexical = np.clip(lexical_raw / weights.lexical_ceiling, 0.0, 1.0)
    results = []
    for column, profile in enumerate(profiles):
        overlaps = tuple(skill_overlap(profile, skills) for skills in index.skills)
        skills = np.array([overlap.score for overlap in overlaps], dtype=np.float32)
        named = bool(profile.direct_skills)
        results.append(
            ChannelScores(semantic[:, column], lexical[:, column], skills, query_vectors[column], overlaps, named)
        )
    return results


def check_meaningful(profile: Profile, scores: ChannelScores, min_semantic: float = 0.4) -> None:
    """Refuse a profile with no recognised skill and nothing close to any project.

    0.4 calibrated is a cosine of 0.30: gibberish and off-topic text measured up to 0.25,
    real interests without a named skill ("helping users understand metrics") 0.35 and up.
    """
    if not profile.skills and float(scores.semantic.max(initial=0.0)) < min_semantic:
        raise InputError(
            "we could not recognise any skill or topic in what you typed; "
            "try skills such as 'Go, Kubernetes, documentation' or a sentence about your interests"
        )


def rank(
    profile: Profile,
    index: ProjectIndex,
    encoder: Encoder,
    query: Query = Query(),
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    scores: ChannelScores | None = None,
) -> list[Match]:
    """Projects ranked by fit for ``profile``, best first, filtered and cut as ``query`` asks."""
    scores = scores or channel_scores(profile, index, encoder, weights)
    check_meaningful(profile, scores)
    total = scores.combined(weights)
    candidates = [
        position
        for position, project in enumerate(index.projects)
        if query.admits(project, index.skills[position].all)
    ]
    order = diversify(candidates, total, index.project_vectors, query.diversity, query.top)
    return [
        Match(
            rank=rank_number,
            project=index.projects[position],
            position=position,
            score=round(100 * float(total[position]), 1),
            components={name: round(100 * float(getattr(scores, name)[position]), 1) for name in CHANNELS},
            overlap=scores.overlaps[position],
        )
        for rank_number, position in enumerate(order, start=1)
    ]


def diversify(
    candidates: list[int], total: np.ndarray, vectors: np.ndarray, diversity: float, top: int | None
) -> list[int]:
    """Maximal-marginal-relevance order: each pick pays ``diversity`` × its likeness to earlier picks."""
    remaining = sorted(candidates, key=lambda position: -total[position])
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
