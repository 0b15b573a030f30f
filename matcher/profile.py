"""A mentee's profile: their own words, and what was read in them (see :mod:`matcher.reading`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from matcher.errors import InputError
from matcher.reading import Cues, Reading, SkillReading, read_profile
from matcher.skills import SkillVocabulary


@dataclass(frozen=True)
class Profile:
    """What a mentee told us, and the reading of it: skills had, wanted and avoided, and a level.

    ``implied`` maps a skill implied by a had one to the had skill (controller-runtime → Go);
    ``neighbours`` are skills related to those had or wanted (Podman → Docker), for word matching only;
    ``goals`` are the wanted skills that tell projects apart (not Git or contributing to open source,
    which every project of a programme involves); ``implied_wishes`` are wanted skills that a had one
    implies (a Selenium tester who wants "testing"): they want to work on them, not to learn them.
    """

    skills_text: str
    interests_text: str
    reading: Reading
    implied: dict[str, str] = field(compare=False)
    neighbours: frozenset[str] = frozenset()
    goals: frozenset[str] = frozenset()
    implied_wishes: frozenset[str] = frozenset()

    @cached_property
    def direct_skills(self) -> frozenset[str]:
        """Skills the mentee has, by their own words (named or misspelt, not only implied)."""
        return frozenset(self.reading.have)

    @cached_property
    def all_skills(self) -> frozenset[str]:
        """Skills the mentee has, named or implied by a named one."""
        return self.direct_skills | frozenset(self.implied)

    @cached_property
    def wanted_skills(self) -> frozenset[str]:
        return frozenset(self.reading.want)

    @cached_property
    def avoided_skills(self) -> frozenset[str]:
        return frozenset(self.reading.avoid)

    @property
    def level(self) -> str | None:
        return self.reading.level

    @property
    def have_text(self) -> str:
        """The mentee's words read as what they have (a negation is never part of it)."""
        return _sentence(self.reading.text("have"), self.reading.have)

    @property
    def want_text(self) -> str:
        """The mentee's words read as what they want: wishes and interests."""
        return _sentence(self.reading.text("want"), self.reading.want)

    @property
    def query_text(self) -> str:
        """Text for the semantic and lexical channels: what the mentee has and wants, never what they avoid."""
        return ". ".join(part for part in (self.have_text, self.want_text) if part)

    @property
    def want_span(self) -> tuple[int, int] | None:
        """Where :attr:`want_text` lies in :attr:`query_text` (None when the mentee wants nothing)."""
        if not self.want_text:
            return None
        start = len(self.have_text) + 2 if self.have_text else 0
        return start, start + len(self.want_text)

    @property
    def lexical_text(self) -> str:
        """The query text with each skill written by its canonical name ("golang" → "Go", as the project's
        words are), plus the names of implied and neighbouring skills, so the word channel meets families."""
        have = _sentence(self.reading.words("have"), self.reading.have)
        want = _sentence(self.reading.words("want"), self.reading.want)
        expansion = ", ".join(sorted((set(self.implied) | self.neighbours) - self.direct_skills - self.wanted_skills))
        return ". ".join(part for part in (have, want, expansion) if part)

    def mention(self, skill: str) -> SkillReading | None:
        """The mentee's words for a skill they have (for an implied skill: the words that imply it)."""
        return self.reading.evidence(skill, "have") or self.reading.evidence(self.implied.get(skill, ""), "have")

    def corrected(self, skill: str, role: str | None, vocabulary: SkillVocabulary) -> Profile:
        """The profile with one reading corrected by the mentee: ``skill`` moved to ``role``, or removed (None)."""
        return _with_reading(self.skills_text, self.interests_text, self.reading.with_role(skill, role), vocabulary)


def build_profile(
    skills: str,
    interests: str = "",
    vocabulary: SkillVocabulary | None = None,
    known_words: frozenset[str] = frozenset(),
    cues: Cues | None = None,
) -> Profile:
    """Read what the mentee typed; empty input is an :class:`InputError`."""
    skills = (skills or "").strip()
    interests = (interests or "").strip()
    if not skills and not interests:
        raise InputError("tell us some skills or interests (e.g. 'Go, Kubernetes' or 'I like documentation')")
    vocabulary = vocabulary or SkillVocabulary.load()
    reading = read_profile(skills, interests, vocabulary, cues or Cues.load(), known_words)
    return _with_reading(skills, interests, reading, vocabulary)


def _with_reading(skills: str, interests: str, reading: Reading, vocabulary: SkillVocabulary) -> Profile:
    implied: dict[str, str] = {}
    for skill in reading.have:
        for name, _ in vocabulary.implied(skill):
            implied.setdefault(name, skill)
    implied_wishes = frozenset(reading.want) & set(implied)
    for skill in reading.have + reading.want + reading.avoid:  # what the mentee said beats an implication
        implied.pop(skill, None)
    neighbours = frozenset(name for skill in reading.have + reading.want for name in vocabulary.related(skill))
    goals = frozenset(reading.want) - vocabulary.programme_wide
    return Profile(skills, interests, reading, implied, neighbours, goals, implied_wishes)


def _sentence(text: str, skills: tuple[str, ...]) -> str:
    """The mentee's words plus the canonical names read in them, so synonyms meet the project's words."""
    return ". ".join(part for part in (text.strip(), ", ".join(skills)) if part)
