"""Tune the hybrid's channel weights on the dev set, and report how well they generalise.

Grid search over channel weights, passage pooling and diversity, maximising the mean of
nDCG@5 and MRR. The same search run inside 5-fold cross-validation gives the figure to
expect on profiles the weights were not tuned on (the held-out set is never seen here).

    python bench/tune_weights.py [data/eval/dev.jsonl]
"""

from __future__ import annotations

import itertools
import random
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from matcher.evaluation import load_judgements, measure
from matcher.ranking import DEFAULT_WEIGHTS, channel_scores, diversify
from matcher.recommender import Recommender

STEP = 0.05
POOLINGS = (0.0, 0.25, 0.5, 0.75, 1.0)
DIVERSITIES = (0.0, 0.05, 0.1)


def objective(metrics: list[dict[str, float]]) -> float:
    return float(np.mean([m["nDCG@5"] + m["MRR"] for m in metrics]) / 2)


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "data" / "eval" / "dev.jsonl"
    profiles = [p for p in load_judgements(path) if any(g >= 1 for g in p.qrels.values())]
    recommender = Recommender()
    ids = [project.id for project in recommender.catalogue]
    vectors = recommender.index.project_vectors
    mentee = {p.id: recommender.profile(p.skills, p.interests) for p in profiles}
    # metrics[config][profile id]
    table: dict[tuple, dict[str, dict[str, float]]] = {}
    grid = [
        (s, lx, round(1 - s - lx, 2)) for s in np.arange(0, 1 + 1e-9, STEP) for lx in np.arange(0, 1 - s + 1e-9, STEP)
    ]
    for pooling in POOLINGS:
        weights = replace(DEFAULT_WEIGHTS, pooling=pooling)
        scores = {p.id: channel_scores(mentee[p.id], recommender.index, recommender.encoder, weights) for p in profiles}
        for (sem, lex, ski), diversity in itertools.product(grid, DIVERSITIES):
            config = (round(float(sem), 2), round(float(lex), 2), ski, pooling, diversity)
            chosen = replace(weights, semantic=config[0], lexical=config[1], skills=ski)
            per = {}
            for p in profiles:
                total = scores[p.id].combined(chosen)
                order = diversify(list(range(len(ids))), total, vectors, diversity, None)
                per[p.id] = measure([ids[i] for i in order], p.qrels)
            table[config] = per

    def best_on(subset: list[str]) -> tuple:
        return max(table, key=lambda c: objective([table[c][pid] for pid in subset]))

    everyone = [p.id for p in profiles]
    best = best_on(everyone)
    fit = {m: np.mean([table[best][pid][m] for pid in everyone]) for m in ("nDCG@5", "MRR")}
    print(f"configs searched: {len(table)}")
    print(
        f"best on all {len(everyone)} profiles: semantic={best[0]} lexical={best[1]} skills={best[2]} "
        f"pooling={best[3]} diversity={best[4]}  nDCG@5={fit['nDCG@5']:.3f} MRR={fit['MRR']:.3f}"
    )
    rng = random.Random(0)
    shuffled = everyone[:]
    rng.shuffle(shuffled)
    folds = [shuffled[i::5] for i in range(5)]
    held = []
    for fold in folds:
        train = [pid for pid in everyone if pid not in fold]
        config = best_on(train)
        held.extend(table[config][pid] for pid in fold)
    print(
        "5-fold cross-validated (tuned without the scored profiles): "
        f"nDCG@5={np.mean([m['nDCG@5'] for m in held]):.3f} MRR={np.mean([m['MRR'] for m in held]):.3f}"
    )


if __name__ == "__main__":
    main()
