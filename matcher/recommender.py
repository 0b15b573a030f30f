"""The recommender: one object holding what is expensive (vocabulary, model, index).

Every interface (CLI, batch scorer, web app, notebooks) builds one ``Recommender`` and
reuses it; the model and the project index are loaded lazily, once.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from matcher.catalogue import Catalogue, Project, load_catalogue
from matcher.embedding import Encoder, SentenceEncoder
from matcher.explain import Explanation, explain
from matcher.index import ProjectIndex, build_index
from matcher.profile import Profile, build_profile
from matcher.ranking import DEFAULT_DIVERSITY, DEFAULT_WEIGHTS, ChannelScores, Match, Weights, channel_scores, rank
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

    def recommend(
        self,
        skills: str,
        interests: str = "",
        *,
        top: int | None = 10,
        organizations: Collection[str] = (),
        required_skills: Collection[str] = (),
        diversity: float = DEFAULT_DIVERSITY,
    ) -> list[Recommendation]:
        """The ``top`` projects for a mentee, each explained."""
        profile = self.profile(skills, interests)
        return self.recommend_profile(
            profile, top=top, organizations=organizations, required_skills=required_skills, diversity=diversity
        )

    def recommend_profile(
        self,
        profile: Profile,
        *,
        top: int | None = 10,
        organizations: Collection[str] = (),
        required_skills: Collection[str] = (),
        diversity: float = DEFAULT_DIVERSITY,
        scores: ChannelScores | None = None,
    ) -> list[Recommendation]:
        scores = scores or self.scores(profile)
        matches = rank(
            profile,
            self.index,
            self.encoder,
            weights=self.weights,
            top=top,
            organizations=organizations,
            required_skills=required_skills,
            diversity=diversity,
            scores=scores,
        )
        return [Recommendation(match, explain(match, profile, self.index, scores.query_vector)) for match in matches]
