"""Batch throughput against the raw encoder on the same texts, and peak memory at 100,000 rows.

    python bench/bench_batch.py [--applicants 10000] [--memory-rows 100000]

Part 1 writes N synthetic applicants (fictional, varied) to a CSV, encodes their query
texts with the bare model (one batched call), then runs the whole batch pipeline (read
CSV → score in chunks → write CSV) and prints both rates and their ratio. Part 2 runs
``matcher batch`` on a 100,000-row file in a child process and prints its peak RSS.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from matcher.applicants import read_applicants
from matcher.batch import ScoreRow
from matcher.coordinator import CoordinatorOptions, run_coordinator
from matcher.recommender import Recommender
from matcher.skills import SkillVocabulary
from matcher.tables import RecordWriter

INTERESTS = [
    "I want to contribute to {a} and learn more about {b}.",
    "Interested in {a}, especially where it meets {b}.",
    "My goal is to get better at {a}; I have used {b} at university.",
    "I would like a project about {a} or {b}.",
    "Curious about {a}. Some experience with {b} from a side project.",
]


def synthetic_applicants(path: Path, count: int, seed: int = 0) -> None:
    """Fictional applicants mixing vocabulary skills and interest sentences."""
    rng = random.Random(seed)
    skills = SkillVocabulary.load().names
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Applicant ID", "Skills", "Interests"])
        for number in range(count):
            chosen = rng.sample(skills, rng.randint(2, 5))
            sentence = rng.choice(INTERESTS).format(a=rng.choice(skills), b=rng.choice(skills))
            writer.writerow([f"applicant-{number}", ", ".join(chosen), sentence])


def throughput(count: int) -> None:
    recommender = Recommender()
    recommender.index  # noqa: B018 - index and model ready before timing
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "applicants.csv", Path(folder) / "scored.csv"
        synthetic_applicants(source, count)
        _, rows = read_applicants(source)
        texts = [recommender.profile(row.skills, row.interests).query_text for row in rows]
        recommender.encoder.encode(texts[:256])  # warm up, as the batch run is warm after its first chunk
        start = time.perf_counter()
        recommender.encoder.encode(texts)
        raw = time.perf_counter() - start
        start = time.perf_counter()
        _, rows = read_applicants(source)
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = RecordWriter(handle, ScoreRow)
            options = CoordinatorOptions(top=5, shortlist_size=0)  # as `matcher batch` without --per-project
            report = run_coordinator(recommender, rows, options, rows_to=writer.write)
        written = report.output_rows
        full = time.perf_counter() - start
    print(f"applicants: {count} ({len(set(texts))} distinct texts), output rows: {written}")
    print(f"raw model encode of the same texts: {count / raw:7.1f} texts/s ({raw:.1f} s)")
    print(f"batch pipeline (read, score, explain, write): {count / full:7.1f} applicants/s ({full:.1f} s)")
    print(f"ratio batch / raw encoder: {raw / full:.2f}")


def peak_memory(rows: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "applicants.csv"
        synthetic_applicants(source, rows, seed=1)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "matcher.cli", "batch", str(source), "-o", str(Path(folder) / "out.csv")],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"`matcher batch` on {rows} rows: {seconds:.0f} s, peak RSS {peak_mb:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applicants", type=int, default=10_000)
    parser.add_argument("--memory-rows", type=int, default=100_000)
    args = parser.parse_args()
    throughput(args.applicants)
    if args.memory_rows:
        peak_memory(args.memory_rows)


if __name__ == "__main__":
    main()
