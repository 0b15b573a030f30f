"""Warm query latency (rank + explain) against the raw model encode of the same query.

Prints p50/p95 of both and their ratio, on the default catalogue and, when the shared
corpus is present, on every LFX term file merged (~900 projects).

    python bench/bench_query.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from matcher.catalogue import load_catalogue
from matcher.evaluation import load_judgements
from matcher.onnx_encoder import choose_encoder
from matcher.query import Query
from matcher.recommender import Recommender

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "lfx"
QUERY = Query(top=10)


def percentiles(samples: list[float]) -> tuple[float, float]:
    return float(np.percentile(samples, 50)), float(np.percentile(samples, 95))


def bench(name: str, recommender: Recommender, queries: list[tuple[str, str]], repeat: int) -> None:
    start = time.perf_counter()
    recommender.index  # noqa: B018 - build (or load from cache) before timing queries
    index_seconds = time.perf_counter() - start
    encoder = recommender.encoder
    for skills, interests in queries[:3]:  # warm up
        recommender.recommend(skills, interests, QUERY)
    full, raw = [], []
    for _ in range(repeat):
        for skills, interests in queries:
            profile = recommender.profile(skills, interests)
            start = time.perf_counter()
            encoder.encode([profile.query_text])
            raw.append(time.perf_counter() - start)
            start = time.perf_counter()
            recommender.recommend(skills, interests, QUERY)
            full.append(time.perf_counter() - start)
    full_p50, full_p95 = percentiles(full)
    raw_p50, raw_p95 = percentiles(raw)
    print(f"\n{name}: {len(recommender.catalogue)} projects, index ready in {index_seconds:.1f} s")
    print(f"  queries timed: {len(full)}")
    print(f"  warm query incl. explanations: p50 {1000 * full_p50:6.1f} ms   p95 {1000 * full_p95:6.1f} ms")
    print(f"  raw model encode of the query: p50 {1000 * raw_p50:6.1f} ms   p95 {1000 * raw_p95:6.1f} ms")
    print(f"  ratio (query / encode):        p50 {full_p50 / raw_p50:6.2f} x   p95 {full_p95 / raw_p95:6.2f} x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    queries = [(p.skills, p.interests) for p in load_judgements(ROOT / "data" / "eval" / "dev.jsonl") if p.qrels]
    encoder = choose_encoder()
    bench("default catalogue", Recommender(load_catalogue(), encoder=encoder), queries, args.repeat)
    if CORPUS.is_dir():
        merged = load_catalogue(CORPUS)
        bench("all LFX terms merged", Recommender(merged, encoder=encoder), queries, args.repeat)
    else:
        print(f"\n{CORPUS} absent: merged-corpus run skipped")


if __name__ == "__main__":
    main()
