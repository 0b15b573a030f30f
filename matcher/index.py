"""The project index: dense vectors, a lexical matrix and canonical skills per project.

Built once per catalogue and model; the embeddings are cached on disk under the hash of
the texts and the model id, and the fitted word index under the hash of the documents, so a
second run (or a second process) encodes and fits nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, lil_matrix

from matcher.embedding import Encoder, cached_encode
from matcher.lexical import WordIndex, stop_words, word_index, words
from matcher.reading import Cues
from matcher.records import Catalogue, Project
from matcher.skills import SkillVocabulary, canonical_words
from matcher.text import passages, split_sentences


@dataclass(frozen=True)
class ProjectSkills:
    """Canonical skills of one project, by where the project names them."""

    required: tuple[str, ...]  # named in the recommended-skills field
    implied: frozenset[str]  # implied by the required ones (Kubernetes controllers → Kubernetes)
    mentioned: frozenset[str]  # named only in the title, description or outcome
    surfaces: dict[str, str]  # skill → the project's own word for it
    builds_on: dict[str, frozenset[str]]  # required skill → the skills it implies or neighbours (partial credit)
    centrality: dict[str, float]  # required skill → 1, plus ½ when the title names it, ½ when the prose does
    words: str  # the prose and skills field with each skill written by its canonical name, for the word channel
    everywhere: frozenset[str] = frozenset()  # required skills every project of a programme asks for (Git, English)

    @cached_property
    def all(self) -> frozenset[str]:
        return frozenset(self.required) | self.implied | self.mentioned


@dataclass(frozen=True)
class SkillMatrix:
    """Every project's skills as sparse rows over the catalogue's skills, so a profile meets all projects at once."""

    columns: dict[str, int]  # skill → column
    weights: csr_matrix  # required: centrality, implied: ½, mentioned: ⅓
    required: csr_matrix  # required skills: centrality (for half credit when the mentee has a neighbour)
    uses: csr_matrix  # 1 for every skill the project uses
    asks: csr_matrix  # 1 for required and implied skills
    builds_on: dict[str, frozenset[str]]  # required skill → skills that earn half credit for it
    fields: np.ndarray  # projects × fields: how many of its required skills lie in each field, scaled to unit length
    field_of: dict[str, int]  # every vocabulary skill → its field's column (languages have none)

    def vector(self, skills: frozenset[str] | set[str]) -> np.ndarray:
        """A profile's skills as a 0/1 column vector (skills no project uses are left out)."""
        vector = np.zeros(len(self.columns), dtype=np.float32)
        vector[[self.columns[skill] for skill in skills if skill in self.columns]] = 1.0
        return vector

    def field_vector(self, skills: frozenset[str] | set[str]) -> np.ndarray:
        """How many of ``skills`` lie in each field."""
        return _field_counts(skills, self.field_of, self.fields.shape[1])


def _field_counts(skills: Iterable[str], field_of: dict[str, int], size: int) -> np.ndarray:
    columns = [field_of[skill] for skill in skills if skill in field_of]
    return np.bincount(columns, minlength=size).astype(np.float32)


def skill_matrix(skills: tuple[ProjectSkills, ...], categories: dict[str, str]) -> SkillMatrix:
    """Stack the projects' skills into sparse matrices (see :class:`SkillMatrix`).

    ``categories`` gives each vocabulary skill its field (frontend, observability, …). Languages
    get none: every project asks for one, so sharing the field says nothing; coverage matches them
    by name.
    """
    names = sorted({name for project in skills for name in project.all})
    columns = {name: column for column, name in enumerate(names)}
    shape = (len(skills), len(names))
    weights, required, uses, asks = (lil_matrix(shape, dtype=np.float32) for _ in range(4))
    builds_on: dict[str, frozenset[str]] = {}
    for row, project in enumerate(skills):
        for name in project.all:
            column = columns[name]
            uses[row, column] = 1.0
            if name in project.centrality:
                weights[row, column] = required[row, column] = project.centrality[name]
                asks[row, column] = 1.0
                builds_on[name] = project.builds_on[name]
            elif name in project.implied:
                weights[row, column] = 0.5
                asks[row, column] = 1.0
            else:
                weights[row, column] = 0.33
    field_names = sorted(set(categories.values()) - {"language"})
    field_columns = {field: column for column, field in enumerate(field_names)}
    field_of = {skill: field_columns[field] for skill, field in categories.items() if field in field_columns}
    counts = np.array([_field_counts(project.required, field_of, len(field_names)) for project in skills]).reshape(
        len(skills), len(field_names)
    )
    lengths = np.linalg.norm(counts, axis=1, keepdims=True)
    fields = np.divide(counts, lengths, out=np.zeros_like(counts), where=lengths > 0)  # a cosine is one product
    return SkillMatrix(
        columns, weights.tocsr(), required.tocsr(), uses.tocsr(), asks.tocsr(), builds_on, fields, field_of
    )


@dataclass(frozen=True)
class ProjectIndex:
    """Everything the ranker needs about a catalogue, as arrays aligned with its projects."""

    catalogue: Catalogue
    model_id: str
    passage_vectors: np.ndarray
    passage_owner: np.ndarray  # project position of each passage
    project_vectors: np.ndarray  # normalised mean of each project's passages
    sentences: tuple[tuple[str, ...], ...]
    sentence_vectors: np.ndarray
    sentence_offsets: np.ndarray  # project i's sentences are rows offsets[i]:offsets[i + 1]
    words: WordIndex  # TF-IDF of each project's text and skill names
    skills: tuple[ProjectSkills, ...]
    skill_matrix: SkillMatrix
    known_words: frozenset[str]
    approachability: np.ndarray  # −1 demanding … 1 beginner-friendly, per project
    hubness: np.ndarray  # mean cosine of each project with every project's skills field: near everything, for everyone

    @property
    def projects(self) -> tuple[Project, ...]:
        return self.catalogue.projects

    def sentence_range(self, position: int) -> tuple[int, int]:
        """Rows of ``sentence_vectors`` that belong to the project at ``position``."""
        return int(self.sentence_offsets[position]), int(self.sentence_offsets[position + 1])


def project_skills(
    project: Project,
    vocabulary: SkillVocabulary,
    known_words: frozenset[str],
    plain_words: frozenset[str] = frozenset(),
) -> ProjectSkills:
    """Canonical skills of a project: required (skills field), implied, and mentioned elsewhere.

    ``known_words`` (the catalogue's) and ``plain_words`` (the reading's) are never taken for
    misspelt skills ("system" is no systemd).
    """
    field = project.skills_field
    prose = "\n".join((project.title, project.description, project.expected_outcome, *project.extra.values()))
    in_field = vocabulary.mentions(field, known_words, plain_words)
    in_text = vocabulary.mentions(prose, known_words, plain_words)
    field_mentions, prose_mentions = vocabulary.with_implied(in_field), vocabulary.with_implied(in_text)
    required = tuple(m.skill for m in field_mentions if m.direct)
    implied = frozenset(m.skill for m in field_mentions if not m.direct) - set(required)
    mentioned = frozenset(m.skill for m in prose_mentions if m.direct) - set(required) - implied
    surfaces: dict[str, str] = {}
    for mention in (*field_mentions, *prose_mentions):
        surfaces.setdefault(mention.skill, mention.surface)
    builds_on = {
        skill: frozenset(name for name, _ in vocabulary.implied(skill)) | vocabulary.related(skill)
        for skill in required
    }
    in_title = {mention.skill for mention in vocabulary.mentions(project.title, known_words, plain_words)}
    in_prose = {mention.skill for mention in prose_mentions if mention.direct}
    centrality = {skill: 1.0 + 0.5 * (skill in in_title) + 0.5 * (skill in in_prose) for skill in required}
    words = f"{canonical_words(prose, in_text)}\n{canonical_words(field, in_field)}"
    everywhere = frozenset(required) & vocabulary.programme_wide
    return ProjectSkills(required, implied, mentioned, surfaces, builds_on, centrality, words, everywhere)


def lexical_document(skills: ProjectSkills) -> str:
    """A project's words with each skill written by its canonical name ("Golang" → "Go"), plus the names of
    all its skills, so synonyms meet on one word."""
    return f"{skills.words}\n{' '.join(sorted(skills.all))}"


def build_index(
    catalogue: Catalogue,
    encoder: Encoder,
    vocabulary: SkillVocabulary,
    cues: Cues,
    cache_dir: Path | None = None,
) -> ProjectIndex:
    """Index a catalogue: encode passages and sentences (cached), fit TF-IDF, extract skills, rate approachability
    and hubness."""
    # the catalogue's own words are never taken for misspelt skills
    known_words = frozenset(word for project in catalogue for word in words(project.text, stop_words()))
    skills = tuple(project_skills(project, vocabulary, known_words, cues.plain_words) for project in catalogue)
    # fitted on the very documents it indexes, so canonical skill names are in its vocabulary
    word_matrix = word_index([lexical_document(skill) for skill in skills], cache_dir)

    passage_texts: list[str] = []
    passage_owner: list[int] = []
    sentence_lists: list[tuple[str, ...]] = []
    for position, project in enumerate(catalogue):
        header = f"{project.title} ({project.organization})."
        body = split_sentences("\n".join((project.description, project.expected_outcome, *project.extra.values())))
        views = [f"{header} {passage}" for passage in passages(body)] or [header]
        views.append(f"{header} Skills: {', '.join(project.skills) or project.skills_text}")
        passage_texts.extend(views)
        passage_owner.extend([position] * len(views))
        sentence_lists.append(tuple(body))
    sentence_texts = [sentence for sentences in sentence_lists for sentence in sentences]
    skill_texts = [project.skills_field for project in catalogue if project.skills_field]
    vectors = cached_encode(encoder, passage_texts + sentence_texts + skill_texts, cache_dir)
    passage_vectors = vectors[: len(passage_texts)]
    sentence_end = len(passage_texts) + len(sentence_texts)
    owners = np.asarray(passage_owner)
    project_vectors = np.vstack(
        [passage_vectors[owners == position].mean(axis=0) for position in range(len(catalogue))]
    )
    project_vectors /= np.linalg.norm(project_vectors, axis=1, keepdims=True)
    return ProjectIndex(
        catalogue=catalogue,
        model_id=encoder.model_id,
        passage_vectors=passage_vectors,
        passage_owner=owners,
        project_vectors=project_vectors.astype(np.float32),
        sentences=tuple(sentence_lists),
        sentence_vectors=vectors[len(passage_texts) : sentence_end],
        sentence_offsets=np.cumsum([0, *(len(sentences) for sentences in sentence_lists)]),
        words=word_matrix,
        skills=skills,
        skill_matrix=skill_matrix(skills, {name: skill.category for name, skill in vocabulary.skills.items()}),
        known_words=known_words,
        approachability=np.array(
            [cues.approachability(project.text, f"{project.title}\n{project.skills_field}") for project in catalogue]
        ),
        hubness=hubness(project_vectors, vectors[sentence_end:]),
    )


def hubness(project_vectors: np.ndarray, skill_vectors: np.ndarray) -> np.ndarray:
    """How close each project sits to every project's recommended-skills field, as a mentee's list of skills reads.

    Dense similarity has hubs: a project near the middle of the catalogue (many skills, general
    words) scores well against every query, so it climbs every ranking without fitting anyone
    in particular. The combiner learns how much to hold that against it.
    """
    if not len(skill_vectors):
        return np.zeros(len(project_vectors), dtype=np.float32)
    return (project_vectors @ skill_vectors.T).mean(axis=1).astype(np.float32)
