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
    matched_skills: tuple[SkillMatch, ...]
    missing_skills: tuple[str, ...]
    evidence: tuple[str, ...]  # the project sentences that best support the match
    summary: str  # one plain-English line
    stretch: bool  # fits except for one or two learnable skills


def explain(match: Match, profile: Profile, index: ProjectIndex, query_vector: np.ndarray) -> Explanation:
    """Explain one ranked match; cheap enough to run for every shown result."""
    skills = index.skills[match.position]
    matched = tuple(
        SkillMatch(skill, _mentee_word(profile, skill), skills.surfaces.get(skill, skill))
        for skill in match.overlap.matched
    )
    missing = match.overlap.missing + tuple(f"{skill} (partly)" for skill in match.overlap.partial)
    evidence = _evidence(match, index, query_vector, matched)
    stretch = 1 <= len(match.overlap.missing) + len(match.overlap.partial) <= 2 and bool(matched)
    return Explanation(matched, missing, evidence, _summary(match, matched, missing), stretch)


def _mentee_word(profile: Profile, skill: str) -> str:
    mention = profile.mention(skill)
    if mention is None:
        return skill
    return mention.surface if mention.direct else f"{mention.surface} (implies {skill})"


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


#: Fit labels, best first: a fit (0–100) at or above the bound gets the label. The bounds were set by
#: hand with the first ranker and are kept unchanged here; they are data, in one place, to refit.
FIT_LABELS: tuple[tuple[float, str], ...] = (
    (65.0, "Strong fit"),
    (48.0, "Good fit"),
    (32.0, "Possible fit"),
    (0.0, "Weak fit"),
)


def fit_label(score: float) -> str:
    """The plain-English label of a fit score (see :data:`FIT_LABELS`)."""
    return next(label for bound, label in FIT_LABELS if score >= bound)


def _summary(match: Match, matched: tuple[SkillMatch, ...], missing: tuple[str, ...]) -> str:
    level = fit_label(match.score)
    organization = match.project.organization
    if matched:
        bring = _join([item.skill for item in matched[:4]])
        line = f"{level}: you bring {bring}, which this {organization} project uses"
    else:
        line = f"{level}: this {organization} project is close to the interests you describe"
    if missing:
        line += f"; you would need to learn {_join(list(missing[:3]))}"
    return line + "."


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
