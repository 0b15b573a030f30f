"""Shared fixtures: the real shared corpus (skipped when absent) and small fake inputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MATCHER_SHARED_DIR", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus``: real term files, present on the team's machines and CI only."""
    path = SHARED / "corpus"
    if not path.is_dir():
        pytest.skip(f"{path} is absent (it is not shipped with the project)")
    return path
