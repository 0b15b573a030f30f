"""What to learn next: the few skills that, once learned, bring the most projects into a mentee's top results.

Measured, not guessed: the profile is re-ranked with each candidate skill added to what the
mentee has (one batched model call for all candidates), and a skill counts the projects that
enter the top ``query.top`` because of it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from matcher.profile import Profile
from matcher.query import Query
from matcher.recommender import Recommender
from matcher.records import Project


@dataclass(frozen=True)
class NextSkill:
    """A skill to learn next and the projects it would bring into the mentee's top results."""

    skill: str
    unlocked: tuple[Project, ...]


def what_to_learn_next(
    recommender: Recommender,
    profile: Profile,
    query: Query = Query(top=10),
    limit: int = 3,
    candidates: int = 15,
) -> list[NextSkill]:
    """Up to ``limit`` skills that bring the most projects into the top ``query.top``, best first.

    Candidates are the skills most often asked for by the projects ranked just below the top
    (the next ``3 × top``) that the mentee does not have; a skill that brings in nothing is left out.
    """
    top = query.top or 10
    wider = Query(top=4 * top, organizations=query.organizations, languages=query.languages)
    ranked = recommender.recommend_profile(profile, wider)
    current = {result.project.id for result in ranked[:top]}
    lacking = Counter(
        skill
        for result in ranked[top:]
        for skill in recommender.index.skills[result.match.position].required
        if skill not in profile.all_skills
    )
    options = [skill for skill, _ in lacking.most_common(candidates)]
    if not options:
        return []
    corrected = [profile.corrected(skill, "have", recommender.vocabulary) for skill in options]
    narrow = Query(top=top, organizations=query.organizations, languages=query.languages)
    steps = []
    for skill, ranking in zip(options, recommender.recommend_many(corrected, narrow), strict=True):
        unlocked = tuple(result.project for result in ranking.recommendations if result.project.id not in current)
        if unlocked:
            steps.append(NextSkill(skill, unlocked))
    steps.sort(key=lambda step: (-len(step.unlocked), options.index(step.skill)))
    return steps[:limit]
