"""Small text helpers shared by indexing and explaining: sentences and passages."""

from __future__ import annotations

import re

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
