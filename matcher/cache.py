"""The on-disk cache of what is expensive to make (embeddings, fitted word indexes): where it lives, how it is written.

Entries are named by the hash of what made them, so a stale entry is never read; a cache that
cannot be written (read-only home, full disk) is skipped, never fatal.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def default_cache_dir() -> Path:
    """``$MATCHER_CACHE_DIR``, else ``$XDG_CACHE_HOME/matcher``, else ``~/.cache/matcher``."""
    if os.environ.get("MATCHER_CACHE_DIR"):
        return Path(os.environ["MATCHER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "matcher"


def save_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write a cache entry through a temporary file, so a reader never sees half of it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
            write(handle)
        os.replace(handle.name, path)
    except OSError:
        pass
