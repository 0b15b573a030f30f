"""Find dictionary words that the reading would take for misspelt skills; update ``matcher/data/real_words.json``.

A profile word that is no alias is matched to a skill when it is close to one ("kubernets").
Real words can be close too: "grade" to Gradle, "nodes" to Node.js, German "Systeme" to
systemd. This tool runs every word of the word lists given (Debian's ``wamerican``,
``wngerman``, ``wfrench``, ``wspanish``, ``wbrazilian``: ``/usr/share/dict/*``) through the
misspelling matcher. Words reviewed as naming the same skill (a plural, an inflection or a
translation: "algorithmen", "debugged") are kept in ``same_skill`` and stay matchable; every
other hit is a real word, listed in ``not_misspellings`` and never taken for a skill. New hits
are added there and printed for review. Run: ``python tools/mine_real_words.py /usr/share/dict/*``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from matcher.reading import Cues
from matcher.resources import plain_words_text, profile_cues_text
from matcher.skills import SkillVocabulary

OUTPUT = Path(__file__).resolve().parent.parent / "matcher" / "data" / "real_words.json"


def misspelling_hits(word_lists: list[Path], vocabulary: SkillVocabulary, cues: Cues) -> dict[str, str]:
    """Every listed word (lower case, 5+ letters) that the reading would take for a misspelt alias, with the alias."""
    hits: dict[str, str] = {}
    for path in word_lists:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            word = line.strip().lower()
            if len(word) < 5 or not word.isalpha() or word in cues.plain_words or vocabulary.canonical(word):
                continue
            alias = vocabulary.misspelt_alias(word)
            if alias:
                hits[word] = alias
    return hits


def main(argv: list[str]) -> None:
    data = json.loads(OUTPUT.read_text(encoding="utf-8"))
    reviewed = set(data["same_skill"]) | set(data["not_misspellings"])
    cues = Cues(json.loads(profile_cues_text()), plain_words_text().split())  # the plain words, not this list
    vocabulary = SkillVocabulary.load()
    hits = misspelling_hits([Path(name) for name in argv], vocabulary, cues)
    new = sorted(set(hits) - reviewed)
    for word in new:
        print(f"{word} → {vocabulary.canonical(hits[word])} ({hits[word]}): listed as not a misspelling; review")
    data["not_misspellings"] = sorted({*data["not_misspellings"], *new})
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(hits)} words close to an alias; {len(new)} new ones written to {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
