"""Write the everyday English words that are never reported as not recognised: ``matcher/data/everyday_words.txt``.

A profile word that is no skill, no cue and not in the catalogue is reported as not recognised,
so the mentee learns which names only count as words ("OSPF", "Netmiko"). Everyday words
("honestly", "laptop", "nurse") are not worth reporting. They are the lower-case words of an
English word list (Debian's ``wamerican``: ``/usr/share/dict/american-english``, SCOWL),
less those that the corpus of project ideas writes with a capital in mid-sentence, which name
tools ("Helm", "Envoy", "Harbor"), and less the words the reading already knows.
Run: ``python tools/mine_everyday_words.py /usr/share/dict/american-english CORPUS_DIR``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from matcher.reading import Cues
from matcher.skills import SkillVocabulary

WORD = re.compile(r"(?<![\w./@#-])[A-Za-z][a-z]{2,}(?![\w/@#-]|\.\w)")
OUTPUT = Path(__file__).resolve().parent.parent / "matcher" / "data" / "everyday_words.txt"
NOTICE = """\
# Everyday English words, never reported as not recognised (tools/mine_everyday_words.py).
# Taken from SCOWL (Spell Checker Oriented Word Lists) as packaged by Debian (wamerican):
#   Copyright 2000-2011 by Kevin Atkinson
#   Permission to use, copy, modify, distribute and sell these word lists, the associated scripts,
#   the output created from the scripts, and its documentation for any purpose is hereby granted
#   without fee, provided that the above copyright notice appears in all copies and that both that
#   copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson
#   makes no representations about the suitability of this array for any purpose. It is provided
#   "as is" without express or implied warranty.
"""


def names_in(corpus: Path) -> set[str]:
    """Words the corpus writes with a capital in most of their uses in running text: tool and project names.

    A use counts when a lower-case word comes right before it, so that sentence openings and
    title-case headings ("Improve The Book") say nothing."""
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in sorted(corpus.rglob("*.md")):
        text = re.sub(r"https?://\S+|`[^`]*`", " ", path.read_text(encoding="utf-8", errors="replace"))
        for match in WORD.finditer(text):
            before = text[max(0, match.start() - 30) : match.start()].split()
            if not before or not before[-1].isalpha() or not before[-1].islower():
                continue
            word = match.group(0)
            total[word.lower()] += 1
            lower[word.lower()] += word.islower()
    return {word for word, count in total.items() if lower[word] < count / 2}


def everyday_words(dictionary: Path, corpus: Path, cues: Cues, vocabulary: SkillVocabulary) -> list[str]:
    """The dictionary's lower-case words of three letters or more that name nothing the reading should report."""
    names = names_in(corpus)
    listed = {line.strip() for line in dictionary.read_text(encoding="utf-8", errors="replace").splitlines()}
    return sorted(
        word
        for word in listed
        if len(word) >= 3 and word.isalpha() and word.islower()
        if word not in names and word not in cues.plain_words and not vocabulary.canonical(word)
    )


if __name__ == "__main__":
    words = everyday_words(Path(sys.argv[1]), Path(sys.argv[2]), Cues.load(), SkillVocabulary.load())
    OUTPUT.write_text(NOTICE + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} everyday words written to {OUTPUT}")
