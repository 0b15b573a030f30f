"""Where the data the product ships lives; every interface reads it through here."""

from __future__ import annotations

from pathlib import Path

#: ``data/`` at the top of the project (shipped beside the package).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def default_catalogue_path() -> Path:
    """The default catalogue: LFX Mentorship 2025 Term 3 project ideas."""
    return DATA_DIR / "lfx-2025-term3.md"


def skills_vocabulary_path() -> Path:
    """The skills vocabulary: canonical skills, aliases and implied skills."""
    return DATA_DIR / "skills.json"


def sample_applicants_path() -> Path:
    """Fictional applicants used by the README's worked example and the tests."""
    return DATA_DIR / "sample_applicants.csv"


def dev_set_path() -> Path:
    """The graded development set of mentee profiles (QRELS JSONL)."""
    return DATA_DIR / "eval" / "dev.jsonl"


def corpus_dir() -> Path | None:
    """Other terms' LFX files for exploration: ``$MATCHER_CORPUS_DIR``, else ``../shared/corpus/lfx``.

    Not shipped with the product (None when absent).
    """
    import os

    candidate = Path(os.environ.get("MATCHER_CORPUS_DIR") or DATA_DIR.parent.parent / "shared" / "corpus" / "lfx")
    return candidate if candidate.is_dir() else None
