"""The recommender: one object holding what is expensive (vocabulary, model, index).

Every interface (CLI, batch scorer, web app, notebooks) builds one ``Recommender`` and
reuses it; the model and the project index are loaded lazily, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from matcher.catalogue import load_catalogue
from matcher.embedding import Encoder, SentenceEncoder
from matcher.errors import InputError
from matcher.explain import Explanation, explain
from matcher.index import ProjectIndex, build_index
from matcher.profile import Profile, build_profile
from matcher.query import Query
from matcher.ranking import (
    DEFAULT_WEIGHTS,
    ChannelScores,
    Match,
    SkillOverlap,
    Weights,
    channel_scores,
    channel_scores_many,
    rank,
)
from matcher.records import Catalogue, Project
from matcher.skills import SkillVocabulary


@dataclass(frozen=True)
class Recommendation:
    """A ranked project with its explanation: what every interface shows."""

    match: Match
    explanation: Explanation

    @property
    def project(self) -> Project:
        return self.match.project

    def to_dict(self) -> dict:
        """The JSON shape of ``matcher recommend --format json``."""
        explanation = self.explanation
        return {
            "rank": self.match.rank,
            "project_id": self.project.id,
            "title": self.project.title,
            "organization": self.project.organization,
            "score": self.match.score,
            "components": self.match.components,
            "matched_skills": [
                {"skill": item.skill, "mentee": item.mentee_word, "project": item.project_word}
                for item in explanation.matched_skills
            ],
            "missing_skills": list(explanation.missing_skills),
            "evidence": list(explanation.evidence),
            "explanation": explanation.summary,
            "stretch": explanation.stretch,
            "lfx_url": self.project.lfx_url,
        }


@dataclass(frozen=True)
class Ranking:
    """All one profile's ranking produced: the recommendations shown, and every project's fit and skill overlap.

    ``problem`` says why the profile could not be ranked (then ``recommendations`` is empty).
    """

    profile: Profile
    recommendations: tuple[Recommendation, ...]
    fit: np.ndarray = field(compare=False)  # fit 0–100 of every project, in catalogue order
    overlaps: tuple[SkillOverlap, ...] = field(compare=False)  # skill overlap with every project
    problem: str | None = None


class Recommender:
    """Ranks a catalogue's projects for mentees and explains each match."""

    def __init__(
        self,
        catalogue: Catalogue | None = None,
        *,
        encoder: Encoder | None = None,
        vocabulary: SkillVocabulary | None = None,
        weights: Weights = DEFAULT_WEIGHTS,
        cache_dir: Path | None = None,
    ) -> None:
        self.catalogue = catalogue if catalogue is not None else load_catalogue()
        self.encoder = encoder if encoder is not None else SentenceEncoder()
        self.vocabulary = vocabulary if vocabulary is not None else SkillVocabulary.load()
        self.weights = weights
        self.cache_dir = cache_dir

    @cached_property
    def index(self) -> ProjectIndex:
        return build_index(self.catalogue, self.encoder, self.vocabulary, self.cache_dir)

    def profile(self, skills: str, interests: str = "") -> Profile:
        return build_profile(skills, interests, self.vocabulary, self.index.known_words)

    def scores(self, profile: Profile) -> ChannelScores:
        return channel_scores(profile, self.index, self.encoder, self.weights)

    def recommend(self, skills: str, interests: str = "", query: Query = Query()) -> list[Recommendation]:
        """The projects a mentee fits best, each explained; an :class:`InputError` for an unusable profile."""
        return self.recommend_profile(self.profile(skills, interests), query)

    def recommend_profile(self, profile: Profile, query: Query = Query()) -> list[Recommendation]:
        """:meth:`recommend` for a profile already read."""
        ranking = self.recommend_many([profile], query)[0]
        if ranking.problem is not None:
            raise InputError(ranking.problem)
        return list(ranking.recommendations)

    def recommend_many(self, profiles: Sequence[Profile], query: Query = Query()) -> list[Ranking]:
        """Rank and explain many profiles at once (one batched model call); an unusable profile gets a problem."""
        all_scores = channel_scores_many(profiles, self.index, self.encoder, self.weights)
        return [self._ranking(profile, scores, query) for profile, scores in zip(profiles, all_scores, strict=True)]

    def _ranking(self, profile: Profile, scores: ChannelScores, query: Query) -> Ranking:
        fit = np.round(100 * scores.combined(self.weights), 1)
        try:
            matches = rank(profile, self.index, self.encoder, query, weights=self.weights, scores=scores)
        except InputError as error:
            return Ranking(profile, (), fit, scores.overlaps, str(error))
        recommendations = tuple(
            Recommendation(match, explain(match, profile, self.index, scores.query_vector)) for match in matches
        )
        return Ranking(profile, recommendations, fit, scores.overlaps)
