"""Searching a catalogue by meaning and by words: "game server" finds the Kruise Game project.

A literal substring search misses projects that say the same thing in other words. Here a
query is scored against every project of the index: its closest sentence and the whole project
(MiniLM), its words (TF-IDF), and the canonical skills it names that the project uses.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matcher.embedding import Encoder
from matcher.index import ProjectIndex
from matcher.skills import SkillVocabulary

#: Below this relevance a project is not a hit: unrelated text ("zzqx") peaks around 0.3.
MIN_RELEVANCE = 0.35


@dataclass(frozen=True)
class SearchHit:
    """A project that matches a search, by its position in the catalogue."""

    position: int
    relevance: float  # closest sentence and whole project (cosines, averaged) + TF-IDF + 0.3 per named skill used


#: (the TF-IDF query adds the canonical names of the skills it names, so synonyms and plurals meet)


def search_projects(
    index: ProjectIndex, encoder: Encoder, vocabulary: SkillVocabulary, text: str, minimum: float = MIN_RELEVANCE
) -> list[SearchHit]:
    """Projects relevant to ``text``, most relevant first (none for blank text)."""
    if not text.strip():
        return []
    vector = encoder.encode([text])[0]
    owner = np.repeat(np.arange(len(index.projects)), np.diff(index.sentence_offsets))
    closest = np.full(len(index.projects), -1.0)
    np.maximum.at(closest, owner, index.sentence_vectors @ vector)
    meaning = 0.5 * closest + 0.5 * (index.project_vectors @ vector)
    named = {mention.skill for mention in vocabulary.mentions(text, index.known_words)}
    expanded = " ".join([text, *sorted(named)])  # "game server" also as "Game servers", the project's word
    words = index.words.similarity([expanded]).ravel()
    skills = np.array([len(named & project.all) for project in index.skills], dtype=float)
    relevance = meaning + words + 0.3 * skills
    order = np.argsort(-relevance, kind="stable")
    return [
        SearchHit(int(position), float(relevance[position])) for position in order if relevance[position] >= minimum
    ]
