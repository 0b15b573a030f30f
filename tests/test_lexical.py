"""The word channel: TF-IDF fitted by scikit-learn, cached on disk, and applied to queries without it."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from matcher.catalogue import load_catalogue
from matcher.lexical import TOKEN_PATTERN, fit_word_index, stop_words, word_index

QUERIES = [
    "Go, Kubernetes, C++ and C#",
    "node.js / ci/cd pipelines for the web, CI/CD",
    "",
    "the and of",  # stop words only
    "zzz qqq",  # no known term
    "I want to learn eBPF and Rust, Rust, Rust",
]


@pytest.fixture(scope="module")
def documents() -> list[str]:
    return [project.text for project in load_catalogue()]


def test_the_shipped_stop_words_are_scikit_learns():
    assert stop_words() == ENGLISH_STOP_WORDS


def test_texts_get_the_vectorizers_own_vectors(documents):
    reference = TfidfVectorizer(
        sublinear_tf=True, ngram_range=(1, 2), stop_words="english", token_pattern=TOKEN_PATTERN
    )
    reference_matrix = reference.fit_transform(documents)
    words = fit_word_index(documents)
    assert words.vocabulary == reference.vocabulary_
    analyzer = reference.build_analyzer()
    assert all(words.analyze(text) == analyzer(text) for text in QUERIES + documents)
    texts = QUERIES + documents[:10]
    np.testing.assert_allclose(words.transform(texts).toarray(), reference.transform(texts).toarray(), atol=1e-12)
    np.testing.assert_allclose(words.matrix.toarray(), reference_matrix.toarray(), atol=1e-12)


def test_a_fitted_index_is_read_back_from_the_cache_without_scikit_learn(documents, tmp_path):
    fitted = word_index(documents, tmp_path)
    [stored] = tmp_path.glob("words-*.npz")
    code = (
        "import sys; from pathlib import Path; from matcher.catalogue import load_catalogue; "
        "from matcher.lexical import word_index; "
        "words = word_index([p.text for p in load_catalogue()], Path(sys.argv[1])); "
        "print(len(words.vocabulary), 'sklearn' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == [str(len(fitted.vocabulary)), "False"]
    again = word_index(documents, tmp_path)
    assert again.vocabulary == fitted.vocabulary and (again.matrix != fitted.matrix).nnz == 0
    np.testing.assert_array_equal(again.idf, fitted.idf)
    stored.write_bytes(b"not an npz file")  # a damaged entry is fitted again, not fatal
    assert word_index(documents, tmp_path).vocabulary == fitted.vocabulary
