"""The word channel: TF-IDF over a catalogue's documents, fitted by scikit-learn and applied without it.

scikit-learn's ``TfidfVectorizer`` fits the index (sublinear term frequency, smoothed idf, word
unigrams and bigrams, English stop words). The fitted vocabulary, idf weights and document
matrix are cached on disk as plain arrays under the hash of the documents, so a new process
(a one-shot ``matcher recommend``, an app restart) reads them back and turns queries into
vectors with the same analyzer, here, without importing scikit-learn, which alone costs
2 s of a cold start. The tests hold :meth:`WordIndex.transform` equal to the vectorizer's.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

import numpy as np
from scipy.sparse import csr_matrix

from matcher.cache import default_cache_dir, save_atomically
from matcher.resources import stop_words_text

#: Tokens: words, plus names such as c++, c#, node.js, ci/cd.
TOKEN_PATTERN = r"(?u)\b\w[\w+#]*(?:[./-]\w+)*[+#]*"
_TOKEN = re.compile(TOKEN_PATTERN)
#: Changes whenever the analyzer or the weighting changes, so older cache entries are not read.
_FORMAT = "words-1"


@cache
def stop_words() -> frozenset[str]:
    """The English stop words the word channel leaves out (scikit-learn's list, shipped as package data)."""
    return frozenset(stop_words_text().split())


def words(text: str, skipped: frozenset[str]) -> list[str]:
    """The lowercase tokens of a text that are not stop words, in order."""
    return [token for token in _TOKEN.findall(text.lower()) if token not in skipped]


@dataclass(frozen=True)
class WordIndex:
    """A fitted TF-IDF: its vocabulary (term → column), idf weights, and the documents' rows."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    matrix: csr_matrix  # documents × terms, each row of unit length
    stop_words: frozenset[str]

    def analyze(self, text: str) -> list[str]:
        """The terms of a text as the vectorizer reads them: lowercase tokens without stop words, then bigrams."""
        tokens = words(text, self.stop_words)
        return tokens + [f"{first} {second}" for first, second in zip(tokens, tokens[1:], strict=False)]

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        """TF-IDF rows of ``texts`` (1 + log of the count, times idf, unit length); unknown terms are dropped."""
        data: list[float] = []
        columns: list[int] = []
        pointers = [0]
        for text in texts:
            counts = Counter(term for term in self.analyze(text) if term in self.vocabulary)
            if counts:
                row_columns = [self.vocabulary[term] for term in counts]
                weights = (1.0 + np.log(np.array(list(counts.values()), dtype=np.float64))) * self.idf[row_columns]
                data.extend((weights / np.linalg.norm(weights)).tolist())
                columns.extend(row_columns)
            pointers.append(len(columns))
        return csr_matrix((data, columns, pointers), shape=(len(texts), len(self.vocabulary)))

    def similarity(self, texts: Sequence[str]) -> np.ndarray:
        """Cosine of every document (rows) with every text (columns)."""
        return (self.matrix @ self.transform(texts).T).toarray()


def fit_word_index(documents: Sequence[str], words_to_skip: frozenset[str] | None = None) -> WordIndex:
    """Fit the TF-IDF with scikit-learn (imported here only: reading a cached index never needs it)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    skipped = stop_words() if words_to_skip is None else words_to_skip
    vectorizer = TfidfVectorizer(
        sublinear_tf=True, ngram_range=(1, 2), stop_words=sorted(skipped), token_pattern=TOKEN_PATTERN
    )
    matrix = vectorizer.fit_transform(documents).tocsr()
    vocabulary = {term: int(column) for term, column in vectorizer.vocabulary_.items()}
    return WordIndex(vocabulary, vectorizer.idf_, matrix, skipped)


def word_index(documents: Sequence[str], cache_dir: Path | None = None) -> WordIndex:
    """The fitted word index of ``documents``, read from the on-disk cache when it was fitted before."""
    skipped = stop_words()
    digest = hashlib.sha256(_FORMAT.encode())
    for text in (*sorted(skipped), "\0", *documents):
        digest.update(hashlib.sha256(text.encode("utf-8")).digest())
    path = (cache_dir or default_cache_dir()) / f"words-{digest.hexdigest()}.npz"
    if path.is_file():
        try:
            with np.load(path, allow_pickle=False) as stored:
                terms = stored["terms"].tolist()
                matrix = csr_matrix(
                    (stored["data"], stored["indices"], stored["indptr"]), shape=(len(documents), len(terms))
                )
                return WordIndex({term: column for column, term in enumerate(terms)}, stored["idf"], matrix, skipped)
        except (OSError, ValueError, KeyError):
            pass
    fitted = fit_word_index(documents, skipped)
    terms = np.array(sorted(fitted.vocabulary, key=fitted.vocabulary.__getitem__), dtype=np.str_)

    def write(handle: BinaryIO) -> None:
        np.savez(
            handle,
            terms=terms,
            idf=fitted.idf,
            data=fitted.matrix.data,
            indices=fitted.matrix.indices,
            indptr=fitted.matrix.indptr,
        )

    save_atomically(path, write)
    return fitted
