"""How the channels combine into one fit: a linear model learned from graded profiles, not set by hand.

The weights come from a pairwise logistic regression (a RankSVM-style learner): for each graded
profile, every pair of projects with different grades is one example, and the model learns
which channel differences put the better project first. A two-parameter logistic curve then
maps the linear score onto the mean grade (0–3), so a fit of 67 reads as "graded good (2) on
average". ``tools/train_combiner.py`` fits it on the tune splits and writes
``matcher/data/combiner.json``; :func:`cross_validate` measures it on folds of profiles.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from matcher.errors import MatcherError
from matcher.resources import COMBINER, combiner_text

#: The channel features, in the column order of :attr:`matcher.ranking.ChannelScores.features`.
FEATURES = (
    "semantic",  # cosine of what the mentee has and wants with the whole project
    "semantic_wants",  # cosine of what the mentee wants with the whole project
    "lexical",  # TF-IDF cosine (tools the vocabulary lacks still count here)
    "skills_coverage",  # share of the project's asked-for skills the mentee has, central ones weighing more
    "skills_used",  # share of the mentee's skills the project uses
    "wants_skills",  # share of the skills the mentee wants to learn that the project uses
    "fields",  # cosine of the fields of the mentee's skills, had and wanted, with those the project asks for
    "avoid",  # the project asks for skills the mentee avoids
    "level_beginner",  # project approachability, for a self-declared beginner
    "approachability",  # project approachability, for everyone (most mentees are new to the project)
    "hubness",  # how near the project sits to every project's skills field (near everything: no one's in particular)
)
MAX_GRADE = 3.0


@dataclass(frozen=True)
class Combiner:
    """A learned linear combination of channel features and its calibration to a 0–1 fit."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    slope: float
    offset: float

    def raw(self, matrix: np.ndarray) -> np.ndarray:
        """The linear score of each row (project) of a feature matrix: what orders the ranking."""
        standard = (matrix - np.asarray(self.mean)) / np.asarray(self.scale)
        return standard @ np.asarray(self.coef)

    def fit(self, matrix: np.ndarray) -> np.ndarray:
        """The 0–1 fit of each row: the expected grade over 3, monotone in :meth:`raw`."""
        return 1.0 / (1.0 + np.exp(-(self.slope * self.raw(matrix) + self.offset)))

    @classmethod
    def single(cls, feature: str) -> Combiner:
        """A baseline that ranks by one feature alone (its fit is the feature itself, clipped)."""
        coef = tuple(float(name == feature) for name in FEATURES)
        return _Single(FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), coef, 1.0, 0.0)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Combiner:
        """Read a combiner JSON file (default: the one shipped in the package)."""
        where = str(path) if path else COMBINER
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8") if path else combiner_text())
            combiner = cls(**{key: data[key] for key in ("slope", "offset")}, **_vectors(data))
        except FileNotFoundError:
            raise MatcherError(f"{where}: combiner not found") from None
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise MatcherError(f"{where}: not a combiner ({error})") from None
        if combiner.features != FEATURES:
            raise MatcherError(f"{where}: trained on features {combiner.features}, this version has {FEATURES}")
        return combiner

    def to_json(self, about: str = "") -> str:
        return json.dumps({"about": about, **asdict(self)}, indent=1) + "\n"


class _Single(Combiner):
    def fit(self, matrix: np.ndarray) -> np.ndarray:
        return np.clip(self.raw(matrix), 0.0, 1.0)


def _vectors(data: dict) -> dict[str, tuple]:
    vectors = {"features": tuple(str(name) for name in data["features"])}
    for key in ("mean", "scale", "coef"):
        vectors[key] = tuple(float(value) for value in data[key])
        if len(vectors[key]) != len(vectors["features"]):
            raise ValueError(f"{key} has {len(vectors[key])} values for {len(vectors['features'])} features")
    return vectors


def train(matrices: Sequence[np.ndarray], grades: Sequence[np.ndarray], regularisation: float = 1.0) -> Combiner:
    """Learn a combiner from graded profiles: one feature matrix (projects × features) and grade vector each.

    Pairs are weighted by their grade difference, so putting an excellent project under an
    irrelevant one costs more than swapping two near-equal ones, and shared out within each
    profile, so every profile counts the same however many pairs its grades make (a profile
    with many relevant projects would otherwise outweigh a newcomer's with two).
    """
    from sklearn.linear_model import LogisticRegression  # training only: ranking never pays for the import

    stacked = np.vstack(matrices)
    mean = stacked.mean(axis=0)
    scale = np.where(stacked.std(axis=0) > 1e-9, stacked.std(axis=0), 1.0)
    differences, weights = [], []
    for matrix, grade in zip(matrices, grades, strict=True):
        standard = (matrix - mean) / scale
        better, worse = np.nonzero(grade[:, None] - grade[None, :] >= 0.5)
        differences.append(standard[better] - standard[worse])
        weights.append((grade[better] - grade[worse]) / max(1, len(better)))
    if not any(len(block) for block in differences):
        raise MatcherError("no graded profile separates any two projects: nothing to learn from")
    pairs = np.vstack(differences)
    weight = np.concatenate(weights)
    model = LogisticRegression(C=regularisation, fit_intercept=False, max_iter=1000)
    model.fit(np.vstack([pairs, -pairs]), np.r_[np.ones(len(pairs)), np.zeros(len(pairs))], np.r_[weight, weight])
    coef = model.coef_[0]
    raw = np.concatenate([((matrix - mean) / scale) @ coef for matrix in matrices])
    slope, offset = _calibrate(raw, np.concatenate(grades) / MAX_GRADE)
    return Combiner(FEATURES, tuple(mean.tolist()), tuple(scale.tolist()), tuple(coef.tolist()), slope, offset)


def _calibrate(raw: np.ndarray, target: np.ndarray) -> tuple[float, float]:
    """Slope and offset of the logistic curve from the linear score to grade/3 (cross-entropy fit)."""
    from scipy.optimize import minimize

    def loss(parameters: np.ndarray) -> float:
        probability = np.clip(1.0 / (1.0 + np.exp(-(parameters[0] * raw + parameters[1]))), 1e-9, 1 - 1e-9)
        return float(-np.mean(target * np.log(probability) + (1 - target) * np.log(1 - probability)))

    result = minimize(loss, np.array([1.0, -2.0]), method="Nelder-Mead")
    slope, offset = (float(value) for value in result.x)
    return max(slope, 1e-3), offset
