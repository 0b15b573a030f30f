"""Print the README's evaluation tables: ranking per catalogue and channel, grader agreement, profile reading.

Run ``make evaluation`` (the 2026-03 catalogue is read from ``$MATCHER_CORPUS_DIR``, default
``../shared/corpus``). Every figure comes from the same library calls as ``matcher evaluate``.
"""

from __future__ import annotations

import os
from pathlib import Path

from matcher.catalogue import load_catalogue
from matcher.embedding import ENTRY_POINT_ENVIRONMENT
from matcher.evaluation import (
    evaluate_extraction,
    evaluation_report,
    load_extraction,
    load_judgements,
    subset_means,
)
from matcher.reading import ROLES
from matcher.recommender import Recommender
from matcher.skills import SkillVocabulary

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "data" / "eval"


def ranking_table() -> None:
    corpus = Path(os.environ.get("MATCHER_CORPUS_DIR", ROOT.parent / "shared" / "corpus"))
    sets = [("default (2025 Term 3)", "graded-default.jsonl", None)]
    sets.append(("2026-03", "graded-2026-03.jsonl", [corpus / "lfx" / "2026-03.md"]))
    print("| catalogue | system | CV nDCG@5 (tune, mean ± sd) | nDCG@5 test | nDCG@5 hard | nDCG@5 all | MRR all |")
    print("|---|---|---|---|---|---|---|")
    agreements = []
    for name, graded, catalogue in sets:
        profiles = load_judgements(EVAL / graded)
        report = evaluation_report(Recommender(load_catalogue(catalogue)), profiles)
        validation = report.cross_validation
        for result in report.results:
            cv = f"{validation.mean:.3f} ± {validation.sd:.3f}" if result.name == "hybrid" and validation else ""
            test, hard = (subset_means(result, report.subsets[key]) for key in ("test", "hard"))
            row = (name, result.name, cv, f"{test:.3f}", f"{hard:.3f}")
            print("| " + " | ".join(row) + f" | {result.metrics['nDCG@5']:.3f} | {result.metrics['MRR']:.3f} |")
        if report.agreement:
            agreements.append((name, len(profiles), report.agreement))
    print()
    print("| catalogue | profiles | graders' nDCG@5 against each other | weighted kappa | same grade |")
    print("|---|---|---|---|---|")
    for name, count, agreement in agreements:
        print(
            f"| {name} | {count} | {agreement.ndcg5:.3f} | {agreement.weighted_kappa:.3f} | "
            f"{100 * agreement.exact:.1f}% |"
        )


def extraction_table() -> None:
    """The reading's precision and recall on the tuned phrases and on the test phrases nothing was tuned on."""
    vocabulary = SkillVocabulary.load()
    print()
    print("| phrases | " + " | ".join(["scored", *(f"{role} P | {role} R" for role in ROLES)]) + " |")
    print("|---" * (2 + 2 * len(ROLES)) + "|")
    for file_name in ("extraction.jsonl", "extraction-test.jsonl"):
        report = evaluate_extraction(load_extraction(EVAL / file_name), vocabulary)
        scored = {f"reading vs labeller {name}": scores for name, scores in report.against.items()}
        scored["labellers against each other"] = report.agreement
        for name, scores in scored.items():
            cells = [f"{getattr(scores[role], part):.3f}" for role in ROLES for part in ("precision", "recall")]
            print(f"| {file_name} ({report.phrases}) | {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    os.environ.update(ENTRY_POINT_ENVIRONMENT)
    ranking_table()
    extraction_table()
