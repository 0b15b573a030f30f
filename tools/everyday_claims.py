"""List the skills the reading finds in everyday English: candidates for false "you bring" claims.

Feed it text that is about anything but software, such as the quotes of Debian's ``fortunes``
package (``/usr/share/games/fortunes/*``, passages separated by ``%`` lines) or any plain text
(passages separated by blank lines). Each passage is read as a skills field, where a name counts
as a skill had, and every skill found is counted with its words and an example. Most hits name
something else (an initial "C.", "Monty Python", a quote opening with "Go to"); the vocabulary and
the reading's rules are then mended by hand. Run: ``python tools/everyday_claims.py FILE...``.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from matcher.profile import build_profile
from matcher.reading import Cues
from matcher.skills import SkillVocabulary

SEPARATOR = re.compile(r"\n%\n|\n\s*\n")


def passages(paths: list[Path], shortest: int = 20, longest: int = 400) -> list[str]:
    """The passages of the files, each on one line, of a profile's length."""
    found = []
    for path in paths:
        for passage in SEPARATOR.split(path.read_text(encoding="utf-8", errors="replace")):
            flat = " ".join(passage.split())
            if shortest < len(flat) < longest:
                found.append(flat)
    return found


def claims(texts: list[str], vocabulary: SkillVocabulary, cues: Cues) -> dict[tuple[str, str], list[str]]:
    """Every (skill, the words read as it) found in the texts, with the texts it was found in."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for text in texts:
        for reading in build_profile(text, "", vocabulary, cues=cues).reading.skills:
            found[(reading.skill, reading.words.lower())].append(text)
    return found


def main(argv: list[str]) -> None:
    texts = passages([Path(name) for name in argv])
    found = claims(texts, SkillVocabulary.load(), Cues.load())
    print(f"{len(texts)} passages; {sum(map(len, found.values()))} skills read, {len(found)} distinct")
    for (skill, words), where in sorted(found.items(), key=lambda item: -len(item[1])):
        print(f"{len(where):5}  {skill} <- {words!r}: {where[0][:100]}")


if __name__ == "__main__":
    main(sys.argv[1:])
