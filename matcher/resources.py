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


#: File name of the cue phrases that read a profile into had, wanted and avoided skills, and a level.
PROFILE_CUES = "cues.json"
#: File name of the plain English words (mined by ``tools/mine_plain_words.py``), never reported as unrecognised.
PLAIN_WORDS = "plain_words.txt"


def profile_cues_text() -> str:
    """The shipped profile cues' JSON."""
    return resource(PROFILE_CUES).read_text(encoding="utf-8")


def plain_words_text() -> str:
    """The shipped plain English words, one per line."""
    return resource(PLAIN_WORDS).read_text(encoding="utf-8")


#: File name of the dictionary words close to a skill's alias that are not misspellings of it
#: ("grade" is not Gradle), found by ``tools/mine_real_words.py``.
REAL_WORDS = "real_words.json"


def real_words_text() -> str:
    """The shipped real words' JSON."""
    return resource(REAL_WORDS).read_text(encoding="utf-8")


#: File name of the everyday English words (``tools/mine_everyday_words.py``, from SCOWL), never reported as
#: unrecognised when written in lower case or opening a sentence.
EVERYDAY_WORDS = "everyday_words.txt"


def everyday_words_text() -> str:
    """The shipped everyday words, one per line after a ``#`` header."""
    return resource(EVERYDAY_WORDS).read_text(encoding="utf-8")


#: File name of the learned channel combiner (written by ``tools/train_combiner.py``).
COMBINER = "combiner.json"


def combiner_text() -> str:
    """The shipped combiner's JSON."""
    return resource(COMBINER).read_text(encoding="utf-8")


#: File name of the English stop words the word channel skips: scikit-learn's list (BSD-3-Clause),
#: shipped so that queries need no scikit-learn import; a test keeps it identical.
STOP_WORDS = "stop_words.txt"


def stop_words_text() -> str:
    """The shipped English stop words, one per line."""
    return resource(STOP_WORDS).read_text(encoding="utf-8")
