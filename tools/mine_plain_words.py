"""Mine plain English words from the corpus of project-idea files into ``matcher/data/plain_words.txt``.

A profile word that is neither a skill nor in the catalogue is reported as not recognised,
unless it is plain English. Plain means: written in lower case at least 80% of the times it
occurs, in at least three files of the corpus. Tool names (Redis, Agones) are mostly written
with a capital, so they stay reportable. Run: ``python tools/mine_plain_words.py CORPUS_DIR``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

WORD = re.compile(r"(?<![\w./@#-])[A-Za-z][a-z]{2,}(?![\w/@#-]|\.\w)")
OUTPUT = Path(__file__).resolve().parent.parent / "matcher" / "data" / "plain_words.txt"


def mine(corpus: Path, min_files: int = 3, min_lowercase: float = 0.8) -> list[str]:
    files: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in sorted(corpus.rglob("*.md")):
        text = re.sub(r"https?://\S+|`[^`]*`", " ", path.read_text(encoding="utf-8", errors="replace"))
        seen = set()
        for match in WORD.finditer(text):
            word = match.group(0)
            key = word.lower()
            total[key] += 1
            lower[key] += word == key
            seen.add(key)
        files.update(seen)
    return sorted(
        word for word, count in files.items() if count >= min_files and lower[word] >= min_lowercase * total[word]
    )


if __name__ == "__main__":
    words = mine(Path(sys.argv[1]))
    OUTPUT.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} plain words written to {OUTPUT}")
