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
from matcher.combiner import Combiner
from matcher.embedding import Encoder
from matcher.errors import InputError
from matcher.explain import Explanation, explain
from matcher.index import ProjectIndex, build_index
from matcher.onnx_encoder import choose_encoder
from matcher.profile import Profile, build_profile
from matcher.query import Query
from matcher.ranking import ChannelScores, Match, SkillOverlap, channel_scores, channel_scores_many, rank
from matcher.reading import Cues, Reading
from matcher.records import Catalogue, Project
from matcher.search import SearchHit, search_projects
from matcher.skills import SkillVocabulary


@dataclass(frozen=True)
class Recommendation:
    """A ranked project with its explanation: what every interface shows."""

    match: Match
    explanation: Explanation
    reading: Reading  # what was understood of the mentee's profile

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
            "learning_goals": [
                {"skill": item.skill, "mentee": item.mentee_word, "project": item.project_word}
                for item in explanation.learning_goals
            ],
            "avoided_skills": list(explanation.avoided_skills),
            "evidence": list(explanation.evidence),
            "explanation": explanation.summary,
            "stretch": explanation.stretch,
            "lfx_url": self.project.lfx_url,
            "understood": self.reading.to_dict(),
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
        cues: Cues | None = None,
        combiner: Combiner | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.catalogue = catalogue if catalogue is not None else load_catalogue()
        self.encoder = encoder if encoder is not None else choose_encoder()
        self.vocabulary = vocabulary if vocabulary is not None else SkillVocabulary.load()
        self.cues = cues if cues is not None else Cues.load()
        self.combiner = combiner if combiner is not None else Combiner.load()
        self.cache_dir = cache_dir

    @cached_property
    def index(self) -> ProjectIndex:
        return build_index(self.catalogue, self.encoder, self.vocabulary, self.cues, self.cache_dir)

    def profile(self, skills: str, interests: str = "") -> Profile:
        """Read what a mentee typed (an :class:`InputError` when both fields are empty)."""
        return build_profile(skills, interests, self.vocabulary, self.index.known_words, self.cues)

    def search(self, text: str) -> list[SearchHit]:
        """Projects relevant to a search text, by meaning and by words (see :mod:`matcher.search`)."""
        return search_projects(self.index, self.encoder, self.vocabulary, text)

    def scores(self, profile: Profile) -> ChannelScores:
        return channel_scores(profile, self.index, self.encoder)

    def scores_many(self, profiles: Sequence[Profile]) -> list[ChannelScores]:
        return channel_scores_many(profiles, self.index, self.encoder)

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
        all_scores = self.scores_many(profiles)
        return [self._ranking(profile, scores, query) for profile, scores in zip(profiles, all_scores, strict=True)]

    def _ranking(self, profile: Profile, scores: ChannelScores, query: Query) -> Ranking:
        fit = np.round(100 * self.combiner.fit(scores.features), 1)
        try:
            matches = rank(profile, self.index, self.encoder, query, combiner=self.combiner, scores=scores)
        except InputError as error:
            return Ranking(profile, (), fit, scores.overlaps, str(error))
        recommendations = tuple(
            Recommendation(match, explain(match, profile, self.index, scores.query_vector), profile.reading)
            for match in matches
        )
        return Ranking(profile, recommendations, fit, scores.overlaps)
