"""Offline evaluation: graded judgements (QRELS JSONL) → nDCG@5/10, MRR, Recall@10 per system.

Grades: 3 excellent, 2 good, 1 plausible stretch, absent 0. Gains are the grades
themselves (as trec_eval and ir-measures compute nDCG). MRR counts the first project
graded 2 or more; Recall@10 counts projects graded 1 or more. Profiles with no relevant
project (a deliberate no-fit profile) are left out of the averages and reported apart.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from matcher.combiner import Combiner, train
from matcher.errors import InputError
from matcher.profile import Profile, build_profile
from matcher.ranking import ChannelScores
from matcher.reading import ROLES, Cues
from matcher.recommender import Recommender
from matcher.skills import SkillVocabulary

METRICS = ("nDCG@5", "nDCG@10", "MRR", "Recall@10")


@dataclass(frozen=True)
class JudgedProfile:
    """A mentee profile with graded projects (the mean grade when several graders judged it).

    ``graders`` keeps each grader's own grades (absent: 0), ``split`` is ``tune`` or ``test``
    (the test split is never used to tune anything), ``hard`` marks terse, misspelt,
    non-native or interests-unlike-skills profiles.
    """

    id: str
    skills: str
    interests: str
    qrels: dict[str, float] = field(hash=False)
    graders: dict[str, dict[str, int]] = field(default_factory=dict, hash=False)
    split: str = "tune"
    hard: bool = False


@dataclass(frozen=True)
class SystemResult:
    name: str
    metrics: dict[str, float]  # mean over profiles with at least one relevant project
    per_profile: dict[str, dict[str, float]]
    rankings: dict[str, list[tuple[str, float]]]  # profile id → (project id, score), best first
    empty: tuple[str, ...] = ()  # profiles with no text: every project scored 0, still measured


def load_judgements(path: str | Path) -> list[JudgedProfile]:
    """Read a QRELS JSONL file; a bad line is an :class:`InputError` naming file and line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    profiles = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            qrels = {str(key): float(value) for key, value in data["qrels"].items()}
            graders = {
                str(name): {str(key): int(value) for key, value in grades.items()}
                for name, grades in (data.get("grades") or {}).items()
            }
            profile = JudgedProfile(
                str(data["id"]),
                data.get("skills") or "",
                data.get("interests") or "",
                qrels,
                graders,
                str(data.get("split") or "tune"),
                bool(data.get("hard")),
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as error:
            raise InputError(f"{path}: line {number}: not a judged profile ({error})") from None
        if profile.id in first_line:
            raise InputError(
                f"{path}: line {number}: profile id {profile.id!r} already used on line {first_line[profile.id]}"
            )
        first_line[profile.id] = number
        profiles.append(profile)
    if not profiles:
        raise InputError(f"{path}: no judged profile")
    return profiles


def ndcg(ranking: Sequence[str], qrels: dict[str, float], k: int) -> float:
    gains = [qrels.get(project, 0) for project in ranking[:k]]
    dcg = sum(gain / math.log2(position + 2) for position, gain in enumerate(gains))
    ideal = sorted(qrels.values(), reverse=True)[:k]
    best = sum(gain / math.log2(position + 2) for position, gain in enumerate(ideal))
    return dcg / best if best else 0.0


def reciprocal_rank(ranking: Sequence[str], qrels: dict[str, float], min_grade: float = 2) -> float:
    for position, project in enumerate(ranking, start=1):
        if qrels.get(project, 0) >= min_grade:
            return 1.0 / position
    return 0.0


def recall(ranking: Sequence[str], qrels: dict[str, float], k: int) -> float:
    relevant = {project for project, grade in qrels.items() if grade >= 1}
    return len(relevant & set(ranking[:k])) / len(relevant) if relevant else 0.0


def measure(ranking: Sequence[str], qrels: dict[str, float]) -> dict[str, float]:
    return {
        "nDCG@5": ndcg(ranking, qrels, 5),
        "nDCG@10": ndcg(ranking, qrels, 10),
        "MRR": reciprocal_rank(ranking, qrels),
        "Recall@10": recall(ranking, qrels, 10),
    }


def baseline_systems(combiner: Combiner) -> dict[str, Combiner]:
    """The learned hybrid, and each channel on its own."""
    return {
        "hybrid": combiner,
        "lexical (TF-IDF)": Combiner.single("lexical"),
        "dense (MiniLM)": Combiner.single("semantic"),
        "skills had": Combiner.single("skills_coverage"),
        "wants (MiniLM)": Combiner.single("semantic_wants"),
    }


def profile_scores(recommender: Recommender, profiles: Sequence[JudgedProfile]) -> dict[str, ChannelScores]:
    """Every project's channel features for every judged profile that has text (unknown ids are an error)."""
    known = {project.id for project in recommender.catalogue}
    for profile in profiles:
        unknown = sorted(set(profile.qrels) - known)
        if unknown:
            raise InputError(f"profile {profile.id!r} grades project(s) not in the catalogue: {', '.join(unknown)}")
    read = {}
    for profile in profiles:
        with suppress(InputError):  # no text: build_profile decides, as for every other interface
            read[profile.id] = recommender.profile(profile.skills, profile.interests)
    scored = recommender.scores_many(list(read.values()))
    return dict(zip(read, scored, strict=True))


def evaluate(
    recommender: Recommender,
    profiles: Sequence[JudgedProfile],
    systems: dict[str, Combiner] | None = None,
    scores: dict[str, ChannelScores] | None = None,
) -> list[SystemResult]:
    """Rank every project for every profile under each system and score the rankings.

    Projects are ranked by fit, as :func:`matcher.ranking.rank` does by default. A profile
    with no text gets every project scored 0 (catalogue order) and is still measured.
    Unknown project ids in the judgements are an :class:`InputError`.
    """
    scores = scores if scores is not None else profile_scores(recommender, profiles)
    systems = systems or baseline_systems(recommender.combiner)
    empty = tuple(profile.id for profile in profiles if profile.id not in scores)
    no_scores = np.zeros(len(recommender.catalogue))
    results = []
    for name, combiner in systems.items():
        per_profile: dict[str, dict[str, float]] = {}
        rankings: dict[str, list[tuple[str, float]]] = {}
        for profile in profiles:
            total = combiner.fit(scores[profile.id].features) if profile.id in scores else no_scores
            order = np.argsort(-total, kind="stable")
            ranking = [
                (recommender.catalogue[position].id, round(100 * float(total[position]), 2)) for position in order
            ]
            rankings[profile.id] = ranking
            if any(grade >= 1 for grade in profile.qrels.values()):
                per_profile[profile.id] = measure([project for project, _ in ranking], profile.qrels)
        metrics = {metric: float(np.mean([values[metric] for values in per_profile.values()])) for metric in METRICS}
        results.append(SystemResult(name, metrics, per_profile, rankings, empty))
    return results


def grade_vector(profile: JudgedProfile, project_ids: Sequence[str]) -> np.ndarray:
    """A profile's mean grades in catalogue order (ungraded projects: 0)."""
    return np.array([profile.qrels.get(project, 0.0) for project in project_ids])


def training_data(
    recommender: Recommender, profiles: Sequence[JudgedProfile], scores: dict[str, ChannelScores] | None = None
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Feature matrices and grade vectors of the judged profiles that have text, for :func:`matcher.combiner.train`."""
    scores = scores if scores is not None else profile_scores(recommender, profiles)
    ids = [project.id for project in recommender.catalogue]
    usable = [profile for profile in profiles if profile.id in scores]
    return [scores[p.id].features for p in usable], [grade_vector(p, ids) for p in usable]


def train_combiner(
    recommender: Recommender, profiles: Sequence[JudgedProfile], scores: dict[str, ChannelScores] | None = None
) -> Combiner:
    """Learn a combiner from judged profiles (pass only the tune split: the test split is never learned from)."""
    return train(*training_data(recommender, profiles, scores))


@dataclass(frozen=True)
class CrossValidation:
    """nDCG@5 of a combiner learned on the other folds, per fold of profiles."""

    folds: tuple[float, ...]

    @property
    def mean(self) -> float:
        return float(np.mean(self.folds))

    @property
    def sd(self) -> float:
        return float(np.std(self.folds, ddof=1)) if len(self.folds) > 1 else 0.0


def cross_validate(
    recommender: Recommender,
    profiles: Sequence[JudgedProfile],
    folds: int = 5,
    seed: int = 0,
    scores: dict[str, ChannelScores] | None = None,
) -> CrossValidation:
    """Cross-validate the learned combination over ``profiles`` (the tune split): k folds of whole profiles."""
    scores = scores if scores is not None else profile_scores(recommender, profiles)
    order = np.random.default_rng(seed).permutation(len(profiles))
    results = []
    for fold in range(folds):
        held = {profiles[i].id for i in order[fold::folds]}
        learned = train_combiner(recommender, [p for p in profiles if p.id not in held], scores)
        tested = [p for p in profiles if p.id in held]
        result = evaluate(recommender, tested, {"hybrid": learned}, scores)[0]
        results.append(result.metrics["nDCG@5"])
    return CrossValidation(tuple(results))


def subsets(profiles: Sequence[JudgedProfile]) -> dict[str, tuple[str, ...]]:
    """Named subsets of a graded set worth reporting apart: its tune and test splits, and its hard profiles."""
    named = {
        "tune": tuple(profile.id for profile in profiles if profile.split == "tune"),
        "test": tuple(profile.id for profile in profiles if profile.split == "test"),
        "hard": tuple(profile.id for profile in profiles if profile.hard),
    }
    return {name: ids for name, ids in named.items() if 0 < len(ids) < len(profiles)}


def subset_means(result: SystemResult, ids: Sequence[str], metric: str = "nDCG@5") -> float:
    """Mean of ``metric`` over the profiles of a subset that have relevant projects."""
    values = [result.per_profile[profile][metric] for profile in ids if profile in result.per_profile]
    return float(np.mean(values)) if values else float("nan")


@dataclass(frozen=True)
class EvaluationReport:
    """Everything ``matcher evaluate`` reports on one graded set."""

    results: list[SystemResult]  # the shipped hybrid, then each channel alone
    subsets: dict[str, tuple[str, ...]]  # tune / test / hard profile ids
    cross_validation: CrossValidation | None  # the learned combination, k-fold over the tune split
    agreement: Agreement | None  # the two graders, when the set has two


def evaluation_report(recommender: Recommender, profiles: Sequence[JudgedProfile], folds: int = 5) -> EvaluationReport:
    """Evaluate the ranking on a graded set: every system, every subset, cross-validation and grader agreement.

    Cross-validation learns the combination afresh on k−1 folds of the tune split and scores
    the fold left out, so it measures the learning, not the weights shipped (which were
    learned on the whole tune split; only the test split measures those honestly).
    """
    scores = profile_scores(recommender, profiles)
    results = evaluate(recommender, profiles, scores=scores)
    tune = [profile for profile in profiles if profile.split == "tune" and profile.id in scores]
    graded = [profile for profile in tune if any(grade >= 1 for grade in profile.qrels.values())]
    validation = cross_validate(recommender, graded, folds, scores=scores) if len(graded) >= 2 * folds else None
    agreement = None
    if any(len(profile.graders) == 2 for profile in profiles):
        agreement = grader_agreement(profiles, [project.id for project in recommender.catalogue])
    return EvaluationReport(results, subsets(profiles), validation, agreement)


def trec_run(result: SystemResult, tag: str = "hybrid") -> str:
    """A ranking in TREC run format: ``qid Q0 docid rank score tag`` per line."""
    lines = [
        f"{profile_id} Q0 {project_id} {rank} {score:.2f} {tag}"
        for profile_id, ranking in result.rankings.items()
        for rank, (project_id, score) in enumerate(ranking, start=1)
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Agreement:
    """How far two independent graders agree on the same profiles."""

    graders: tuple[str, str]
    profiles: int
    exact: float  # share of (profile, project) pairs given the same grade
    weighted_kappa: float  # Cohen's kappa with quadratic weights, over all pairs
    ndcg5: float  # nDCG@5 of one grader's ranking scored against the other's grades, both ways, ties averaged


def grader_agreement(profiles: Sequence[JudgedProfile], projects: Sequence[str], shuffles: int = 50) -> Agreement:
    """Agreement of the two graders of a graded set over the catalogue's ``projects`` (ids).

    A grader's ranking orders projects by their grade; projects with equal grades are taken
    in ``shuffles`` random orders and the nDCG averaged, so no tie-break favours either side.
    """
    both = [profile for profile in profiles if len(profile.graders) == 2]
    if not both:
        raise InputError("no profile in this set was graded by two graders")
    names = tuple(sorted(both[0].graders))
    first = np.array([[profile.graders[names[0]].get(p, 0) for p in projects] for profile in both], dtype=float)
    second = np.array([[profile.graders[names[1]].get(p, 0) for p in projects] for profile in both], dtype=float)
    rng = np.random.default_rng(0)
    scores = []
    for ranker, judge in ((first, second), (second, first)):
        for row in range(len(both)):
            qrels = {project: grade for project, grade in zip(projects, judge[row], strict=True) if grade}
            if not qrels:
                continue
            for _ in range(shuffles):
                order = np.lexsort((rng.random(len(projects)), -ranker[row]))
                scores.append(ndcg([projects[i] for i in order], qrels, 5))
    return Agreement(
        (names[0], names[1]),
        len(both),
        float(np.mean(first == second)),
        _quadratic_kappa(first.ravel(), second.ravel()),
        float(np.mean(scores)),
    )


def _quadratic_kappa(first: np.ndarray, second: np.ndarray, levels: int = 4) -> float:
    observed = np.zeros((levels, levels))
    np.add.at(observed, (first.astype(int), second.astype(int)), 1)
    observed /= observed.sum()
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    weights = np.subtract.outer(np.arange(levels), np.arange(levels)) ** 2 / (levels - 1) ** 2
    return float(1 - (weights * observed).sum() / (weights * expected).sum())


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True)
class LabelledPhrase:
    """A phrase a mentee might type, with each labeller's skills had, wanted and avoided."""

    id: str
    field: str
    text: str
    labels: dict[str, dict[str, tuple[str, ...]]] = field(hash=False)  # labeller → role → skill names


def load_extraction(path: str | Path) -> list[LabelledPhrase]:
    """Read an extraction gold set (JSONL); a bad line is an :class:`InputError` naming file and line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    phrases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            labels = {
                str(labeller): {role: tuple(str(name) for name in roles.get(role, ())) for role in ROLES}
                for labeller, roles in data["labels"].items()
            }
            phrases.append(LabelledPhrase(str(data["id"]), str(data.get("field") or "skills"), data["text"], labels))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
            raise InputError(f"{path}: line {number}: not a labelled phrase ({error})") from None
    if not phrases:
        raise InputError(f"{path}: no labelled phrase")
    return phrases


@dataclass(frozen=True)
class RoleScore:
    """Precision and recall of one role's claims (NaN where undefined); F1 their harmonic mean."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else math.nan


def role_scores(claimed: Sequence[dict[str, set[str]]], gold: Sequence[dict[str, set[str]]]) -> dict[str, RoleScore]:
    """Micro-averaged precision and recall of each role's claims against gold labels, phrase by phrase.

    Precision is NaN for a role never claimed, recall for a role never labelled.
    """
    scores = {}
    for role in ROLES:
        hits = sum(len(mine[role] & truth[role]) for mine, truth in zip(claimed, gold, strict=True))
        made = sum(len(mine[role]) for mine in claimed)
        true = sum(len(truth[role]) for truth in gold)
        scores[role] = RoleScore(hits / made if made else math.nan, hits / true if true else math.nan)
    return scores


def canonical_roles(labels: dict[str, tuple[str, ...]], vocabulary: SkillVocabulary) -> dict[str, set[str]]:
    """A labeller's skill names as the vocabulary's canonical names; names it lacks are kept, lowercased."""

    def canonical(name: str) -> str:
        found = vocabulary.canonical(name) or next(
            (mention.skill for mention in vocabulary.extract(name) if mention.direct), None
        )
        return found or name.strip().lower()

    return {role: {canonical(name) for name in labels.get(role, ())} for role in ROLES}


def profile_roles(profile: Profile) -> dict[str, set[str]]:
    """What the profile reading claims: skills had, wanted and avoided (named ones, not implied)."""
    return {role: set(profile.reading.names(role)) for role in ROLES}


@dataclass(frozen=True)
class ExtractionReport:
    """Precision and recall per role of the reading against each labeller, and of the labellers against each other."""

    phrases: int
    against: dict[str, dict[str, RoleScore]]  # labeller → role → score of the reading
    agreement: dict[str, RoleScore]  # role → second labeller scored against the first


def evaluate_extraction(
    phrases: Sequence[LabelledPhrase], vocabulary: SkillVocabulary, cues: Cues | None = None
) -> ExtractionReport:
    """Score the profile reading on a labelled phrase set (labels mapped onto canonical skills)."""
    labellers = sorted({name for phrase in phrases for name in phrase.labels})
    cues = cues or Cues.load()
    claimed = []
    for phrase in phrases:
        skills, interests = (phrase.text, "") if phrase.field == "skills" else ("", phrase.text)
        claimed.append(profile_roles(build_profile(skills, interests, vocabulary, cues=cues)))
    gold = {
        labeller: [canonical_roles(phrase.labels.get(labeller, {}), vocabulary) for phrase in phrases]
        for labeller in labellers
    }
    agreement = role_scores(gold[labellers[1]], gold[labellers[0]]) if len(labellers) > 1 else {}
    return ExtractionReport(len(phrases), {name: role_scores(claimed, gold[name]) for name in labellers}, agreement)
