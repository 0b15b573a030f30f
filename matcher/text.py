"""Small text helpers shared by parsing, reading and indexing: sentences, passages, phrase patterns, punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Ranges of the scripts written without spaces between words (Chinese, Japanese kana, Korean), for
#: use inside a character class: their characters never join a Latin name ("熟悉Python" names Python).
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
#: A character that continues a word: a letter or digit of a spaced script.
WORD_CHAR = rf"[^\W{CJK}]"
#: A character of unspaced script.
UNSPACED = re.compile(rf"[{CJK}]")
#: Full-width punctuation folded onto its ASCII counterpart, one character for one so spans hold;
#: a full stop, "!" and "?" become ";" since they end a clause without a space after them. Turkish "İ"
#: becomes "I": the one letter that lower() lengthens ("İ" → "i̇"), shifting every position after it.
_FULL_WIDTH = str.maketrans("，、；。！？：（）İ", ",,;;;;:()I")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def split_sentences(text: str, min_words: int = 3) -> list[str]:
    """Sentences and bullet items of ``text``, each stripped; very short fragments dropped."""
    sentences: list[str] = []
    for line in text.splitlines():
        line = _BULLET.sub("", line).strip()
        for sentence in _SENTENCE_END.split(line):
            sentence = sentence.strip()
            if len(sentence.split()) >= min_words:
                sentences.append(sentence)
    return sentences


def passages(sentences: list[str], max_words: int = 120) -> list[str]:
    """Consecutive sentences packed into passages of at most ``max_words`` words.

    Passages keep project text inside the model's 256-token window, so no tail is lost.
    """
    packed: list[str] = []
    current: list[str] = []
    size = 0
    for sentence in sentences:
        words = len(sentence.split())
        if current and size + words > max_words:
            packed.append(" ".join(current))
            current, size = [], 0
        current.append(sentence)
        size += words
    if current:
        packed.append(" ".join(current))
    return packed


def split_skills(text: str) -> tuple[str, ...]:
    """Split a recommended-skills field into items: one per bullet/line, else by ``,``/``;``.

    Commas inside parentheses stay (``Basic web development (HTML, Markdown)`` is one item).
    """
    lines = [strip_bullet(line) for line in text.splitlines() if strip_bullet(line)]
    items: list[str] = []
    for line in lines:
        pieces = split_outside_brackets(line, ",;") if len(lines) == 1 else split_outside_brackets(line, ";")
        for piece in pieces:
            piece = re.sub(r"^(and|or)\s+", "", piece.strip(), flags=re.IGNORECASE).strip(" .*_")
            if piece:
                items.append(piece)
    return tuple(items)


def strip_bullet(line: str) -> str:
    return re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip()


def split_outside_brackets(text: str, separators: str, words: tuple[str, ...] = ()) -> list[str]:
    """Split on separator characters (and separator words) that are not inside () or []."""
    pieces: list[str] = []
    depth = 0
    start = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and char in separators:
            pieces.append(text[start:index])
            start = index + 1
        elif depth == 0:
            word = next((word for word in words if text.startswith(word, index)), None)
            if word:
                pieces.append(text[start:index])
                start = index + len(word)
                index = start
                continue
        index += 1
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def whole_words(phrases: Iterable[str], before: str = "", after: str = "", *, start: bool = True) -> str:
    """A regular expression for any of ``phrases`` as whole words, the longest first; none match nothing.

    A phrase of a spaced script must not touch a letter or digit of one (``before`` and ``after`` add
    conditions there; ``start=False`` lets it follow one, as "yrs" does in "5yrs"); a phrase of
    unspaced script matches anywhere, as its words are not spaced ("熟悉Python" holds "熟悉" and "Python").
    """
    phrases = list(phrases)
    spaced = alternation(phrase for phrase in phrases if not UNSPACED.match(phrase))
    unspaced = alternation(phrase for phrase in phrases if UNSPACED.match(phrase))
    boundary = f"(?<!{WORD_CHAR})" if start else ""
    parts = [rf"{boundary}{before}(?:{spaced})(?!{WORD_CHAR}){after}"] if spaced else []
    parts += [f"(?:{unspaced})"] if unspaced else []
    return "|".join(parts) or "(?!)"


def alternation(phrases: Iterable[str]) -> str:
    """``phrases`` as a regular-expression alternation, escaped and longest first, so that the
    longest phrase at a place wins ("experience with" before "experience"); "" for none."""
    return "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))


def fold_punctuation(text: str) -> str:
    """``text`` with full-width punctuation as ASCII ("熟悉Python，Go" → "熟悉Python,Go") and "İ" as "I", same
    length, and still the same length once lowered."""
    return text.translate(_FULL_WIDTH)
