"""A mentee's profile: their own words plus the canonical skills found in them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from matcher.errors import InputError
from matcher.skills import SkillMention, SkillVocabulary


@dataclass(frozen=True)
class Profile:
    """What a mentee told us: skills and interests as typed, and the skills recognised."""

    skills_text: str
    interests_text: str
    skills: tuple[SkillMention, ...]

    @cached_property
    def direct_skills(self) -> frozenset[str]:
        """Skills the mentee named (or misspelt), not those only implied."""
        return frozenset(mention.skill for mention in self.skills if mention.direct)

    @cached_property
    def all_skills(self) -> frozenset[str]:
        return frozenset(mention.skill for mention in self.skills)

    @property
    def query_text(self) -> str:
        """Text for the semantic and lexical channels: the mentee's words plus canonical names."""
        canonical = ", ".join(sorted(self.direct_skills))
        parts = [self.skills_text.strip(), self.interests_text.strip(), canonical]
        return ". ".join(part for part in parts if part)

    def mention(self, skill: str) -> SkillMention | None:
        return next((mention for mention in self.skills if mention.skill == skill), None)


def build_profile(
    skills: str,
    interests: str = "",
    vocabulary: SkillVocabulary | None = None,
    known_words: frozenset[str] = frozenset(),
) -> Profile:
    """Recognise skills in what the mentee typed; empty input is an :class:`InputError`."""
    skills = (skills or "").strip()
    interests = (interests or "").strip()
    if not skills and not interests:
        raise InputError("tell us some skills or interests (e.g. 'Go, Kubernetes' or 'I like documentation')")
    vocabulary = vocabulary or SkillVocabulary.load()
    mentions = vocabulary.extract(f"{skills}\n{interests}", known_words)
    return Profile(skills, interests, tuple(mentions))
