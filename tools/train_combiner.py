"""Learn how the ranking channels combine, from the graded sets' tune splits; write ``matcher/data/combiner.json``.

Only profiles of the ``tune`` split are learned from: the ``test`` split stays untouched for
``matcher evaluate``. Run ``make combiner`` (needs the corpus for the 2026-03 catalogue):

    python tools/train_combiner.py data/eval/graded-default.jsonl=default \\
        data/eval/graded-2026-03.jsonl=$MATCHER_CORPUS_DIR/lfx/2026-03.md
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import numpy as np

from matcher.catalogue import load_catalogue
from matcher.combiner import Combiner, train
from matcher.embedding import ENTRY_POINT_ENVIRONMENT
from matcher.evaluation import load_judgements, training_data
from matcher.recommender import Recommender

OUTPUT = Path(__file__).resolve().parent.parent / "matcher" / "data" / "combiner.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", metavar="GRADED.jsonl=CATALOGUE", help="'default' for the default catalogue")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args()
    os.environ.update(ENTRY_POINT_ENVIRONMENT)
    matrices: list[np.ndarray] = []
    grades: list[np.ndarray] = []
    names = []
    for item in args.sets:
        graded, _, catalogue = item.partition("=")
        profiles = [profile for profile in load_judgements(graded) if profile.split == "tune"]
        recommender = Recommender(
            load_catalogue([catalogue] if catalogue and catalogue != "default" else None),
            combiner=Combiner.single("semantic"),  # not used: only the channel features are read
        )
        set_matrices, set_grades = training_data(recommender, profiles)
        matrices += set_matrices
        grades += set_grades
        names.append(f"{Path(graded).name} ({len(set_matrices)} tune profiles)")
    combiner = train(matrices, grades)
    args.out.write_text(combiner.to_json(f"learned by tools/train_combiner.py from {', '.join(names)}"))
    for name, weight in zip(combiner.features, combiner.coef, strict=True):
        print(f"{name:>20} {weight:+.3f}")
    print(f"calibration: slope {combiner.slope:.3f}, offset {combiner.offset:.3f}; written to {args.out}")


if __name__ == "__main__":
    main()
