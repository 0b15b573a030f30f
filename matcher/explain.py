"""Explanations: why a project fits, in the mentee's words and the project's."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matcher.index import ProjectIndex
from matcher.profile import Profile
from matcher.ranking import Match


@dataclass(frozen=True)
class SkillMatch:
    """A skill both sides have: canonical name, the mentee's word, the project's word."""

    skill: str
    mentee_word: str
    project_word: str


@dataclass(frozen=True)
class Explanation:
    """Why a project fits: what the mentee brings, what they want and would learn, and the project's words."""

    matched_skills: tuple[SkillMatch, ...]  # skills the mentee has (never only wants) that the project uses
    missing_skills: tuple[str, ...]  # asked-for skills the mentee neither has nor named as a goal: to learn
    # (not those every project of a programme asks for, such as Git and English)
    learning_goals: tuple[SkillMatch, ...]  # skills the mentee wants to learn that the project uses
    avoided_skills: tuple[str, ...]  # asked-for skills the mentee said they have not used or would avoid
    evidence: tuple[str, ...]  # the project sentences that best support the match
    summary: str  # one plain-English line
    stretch: bool  # fits except for one or two learnable skills


def explain(match: Match, profile: Profile, index: ProjectIndex, query_vector: np.ndarray) -> Explanation:
    """Explain one ranked match; cheap enough to run for every shown result."""
    skills = index.skills[match.position]
    overlap = match.overlap
    matched = tuple(
        SkillMatch(skill, _mentee_words(profile, skill), skills.surfaces.get(skill, skill)) for skill in overlap.matched
    )
    goals = tuple(
        SkillMatch(skill, _wish_words(profile, skill), skills.surfaces.get(skill, skill))
        for skill in overlap.wanted
        if skill not in profile.implied_wishes
    )
    # a skill the mentee wants to learn is said once, as a learning goal, not again as a skill to learn (nor at
    # all when a skill they have implies it: wanting "testing" with Selenium is no wish to learn it); one that
    # every project asks for (Git, English) tells this project apart from none and is not said at all
    lacking = [
        skill
        for skill in (*overlap.missing, *overlap.partial)
        if skill not in overlap.wanted and skill not in skills.everywhere
    ]
    missing = tuple(skill if skill in overlap.missing else f"{skill} (partly)" for skill in lacking)
    evidence = _evidence(match, index, query_vector, matched + goals)
    stretch = 1 <= len(overlap.missing) + len(overlap.partial) <= 2 and bool(matched)
    summary = _summary(match, matched, goals, missing, overlap.avoided)
    return Explanation(matched, missing, goals, overlap.avoided, evidence, summary, stretch)


def _mentee_words(profile: Profile, skill: str) -> str:
    """The mentee's own words for a skill they have; for an implied skill, the words that imply it."""
    reading = profile.mention(skill)
    if reading is None:
        return skill
    return reading.words if reading.skill == skill else f"{reading.words} (implies {skill})"


def _wish_words(profile: Profile, skill: str) -> str:
    reading = profile.reading.evidence(skill, "want")
    return reading.words if reading else skill


def _evidence(
    match: Match, index: ProjectIndex, query_vector: np.ndarray, matched: tuple[SkillMatch, ...]
) -> tuple[str, ...]:
    start, end = index.sentence_range(match.position)
    sentences = index.sentences[match.position]
    if not sentences:
        return ()
    similarity = index.sentence_vectors[start:end] @ query_vector
    words = {item.project_word.lower() for item in matched} | {item.skill.lower() for item in matched}
    bonus = np.array([0.05 * sum(word in sentence.lower() for word in words) for sentence in sentences])
    best = np.argsort(-(similarity + np.minimum(bonus, 0.15)))[:2]
    return tuple(sentences[position] for position in best if similarity[position] > 0.05)


#: Fit labels, best first: a fit (0–100) at or above the bound gets the label. The fit is the expected
#: grade over 3 (see :mod:`matcher.combiner`), so 65 ≈ graded good (2), 48 ≈ between plausible and
#: good (1.5), 32 ≈ a plausible stretch (1); below, most graders would say not relevant.
FIT_LABELS: tuple[tuple[float, str], ...] = (
    (65.0, "Strong fit"),
    (48.0, "Good fit"),
    (32.0, "Possible fit"),
    (0.0, "Weak fit"),
)


def fit_label(score: float) -> str:
    """The plain-English label of a fit score (see :data:`FIT_LABELS`)."""
    return next(label for bound, label in FIT_LABELS if score >= bound)


def _summary(
    match: Match,
    matched: tuple[SkillMatch, ...],
    goals: tuple[SkillMatch, ...],
    missing: tuple[str, ...],
    avoided: tuple[str, ...],
) -> str:
    level = fit_label(match.score)
    organization = match.project.organization
    if matched:
        bring = _join([item.skill for item in matched[:4]])
        line = f"{level}: you bring {bring}, which this {organization} project uses"
    else:
        line = f"{level}: this {organization} project is close to what you describe"
    if goals:
        pronoun = "it" if len(goals) == 1 else "them"
        line += f"; you want to learn {_join([item.skill for item in goals[:3]])}, and this project uses {pronoun}"
    if missing:
        line += f"; you would need to learn {_join(list(missing[:3]))}"
    if avoided:
        line += f"; note: it asks for {_join(list(avoided))}, which you said you have not used or would avoid"
    return line + "."


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
