"""The data the product ships inside the package, read with :mod:`importlib.resources`.

Everything here is package data (``matcher/data/``), so an installed wheel works anywhere:
nothing is looked up beside the source checkout.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

#: File name of the default catalogue: LFX Mentorship 2025 Term 3 project ideas.
DEFAULT_CATALOGUE = "lfx-2025-term3.md"
#: File name of the skills vocabulary: canonical skills, aliases and implied skills.
SKILLS_VOCABULARY = "skills.json"


def resource(name: str) -> Traversable:
    """A file shipped in ``matcher/data/``."""
    return files("matcher").joinpath("data", name)


def default_catalogue_text() -> str:
    """The default catalogue's markdown."""
    return resource(DEFAULT_CATALOGUE).read_text(encoding="utf-8")


def skills_vocabulary_text() -> str:
    """The shipped skills vocabulary's JSON."""
    return resource(SKILLS_VOCABULARY).read_text(encoding="utf-8")
