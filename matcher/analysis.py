"""Tables for exploring a catalogue and the ranking (used by the notebooks; plain pandas out)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.decomposition import PCA

from matcher.evaluation import METRICS, EvaluationReport, SystemResult, subset_means
from matcher.index import ProjectIndex, project_skills
from matcher.reading import Cues, Reading
from matcher.records import Catalogue
from matcher.skills import SkillVocabulary


def projects_per_organization(catalogue: Catalogue) -> pd.Series:
    """Number of projects of each CNCF project, largest first."""
    counts = pd.Series([project.organization for project in catalogue]).value_counts()
    return counts.rename_axis("organization").rename("projects")


def requested_skills(catalogue: Catalogue, vocabulary: SkillVocabulary | None = None) -> pd.DataFrame:
    """Share of each term's projects that require each canonical skill (terms × skills, 0–1)."""
    vocabulary = vocabulary or SkillVocabulary.load()
    plain_words = Cues.load().plain_words
    rows = []
    for project in catalogue:
        for skill in project_skills(project, vocabulary, frozenset(), plain_words).required:
            rows.append({"term": project.term or "unknown", "skill": skill, "project": project.id})
    frame = pd.DataFrame(rows, columns=["term", "skill", "project"])
    projects_per_term = pd.Series([p.term or "unknown" for p in catalogue]).value_counts()
    counts = frame.groupby(["term", "skill"])["project"].nunique().unstack(fill_value=0)
    shares = counts.div(projects_per_term.reindex(counts.index), axis=0)
    order = shares.mean().sort_values(ascending=False).index
    return shares[order].sort_index(key=_term_order)


def _term_order(terms: pd.Index) -> pd.Index:
    """'2025 Term 3' sorts by year then term; anything else last."""
    return pd.Index([term if term[:4].isdigit() else f"~{term}" for term in terms])


def embedding_map(index: ProjectIndex) -> pd.DataFrame:
    """Projects placed in 2-D by PCA of their embeddings (deterministic), with their labels."""
    points = PCA(n_components=2, svd_solver="full").fit_transform(index.project_vectors)
    return pd.DataFrame(
        {
            "x": points[:, 0],
            "y": points[:, 1],
            "organization": [project.organization for project in index.projects],
            "title": [project.title for project in index.projects],
        }
    )


def similarity_matrix(index: ProjectIndex) -> pd.DataFrame:
    """Cosine similarity between every pair of projects, ordered by organisation."""
    order = sorted(range(len(index.projects)), key=lambda i: (index.projects[i].organization, i))
    vectors = index.project_vectors[order]
    labels = [f"{index.projects[i].organization}: {index.projects[i].title[:40]}" for i in order]
    return pd.DataFrame(np.clip(vectors @ vectors.T, -1, 1), index=labels, columns=labels)


def most_similar_pairs(index: ProjectIndex, top: int = 10) -> pd.DataFrame:
    """The most alike pairs of projects (near-duplicates a mentee may confuse)."""
    similarity = index.project_vectors @ index.project_vectors.T
    first, second = np.triu_indices(len(index.projects), k=1)
    best = np.argsort(-similarity[first, second])[:top]
    return pd.DataFrame(
        {
            "project": [index.projects[first[i]].title for i in best],
            "similar to": [index.projects[second[i]].title for i in best],
            "cosine": np.round(similarity[first[best], second[best]], 3),
        }
    )


def evaluation_table(results: Sequence[SystemResult]) -> pd.DataFrame:
    """Systems × metrics, as :func:`matcher.evaluation.evaluate` returns them."""
    return pd.DataFrame([result.metrics for result in results], index=[r.name for r in results])[list(METRICS)]


def reading_table(reading: Reading) -> pd.DataFrame:
    """What was understood of a profile, one row per skill read: role, the mentee's words, the cue."""
    rows = [
        {"skill": item.skill, "role": item.role, "mentee's words": item.words, "field": item.field, "cue": item.cue}
        for item in reading.skills
    ]
    rows += [
        {"skill": "", "role": f"level: {item.level}", "mentee's words": item.words, "field": item.field}
        for item in reading.levels
    ]
    rows += [
        {"skill": "", "role": "not recognised", "mentee's words": item.words, "field": item.field}
        for item in reading.unrecognised
    ]
    return pd.DataFrame(rows, columns=["skill", "role", "mentee's words", "field", "cue"])


def evaluation_report_table(report: EvaluationReport) -> pd.DataFrame:
    """nDCG@5 of every system over all profiles and each subset, with the cross-validated hybrid."""
    table = pd.DataFrame(
        {
            "all": [result.metrics["nDCG@5"] for result in report.results],
            **{name: [subset_means(result, ids) for result in report.results] for name, ids in report.subsets.items()},
        },
        index=[result.name for result in report.results],
    )
    validation = report.cross_validation
    table["CV mean"] = [validation.mean if validation and i == 0 else np.nan for i in range(len(table))]
    table["CV sd"] = [validation.sd if validation and i == 0 else np.nan for i in range(len(table))]
    return table
