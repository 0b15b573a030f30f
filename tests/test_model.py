"""The real bundled model, end to end (no fakes)."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.embedding import BUNDLED_MODEL_SHA256, SentenceEncoder
from matcher.errors import ModelError
from matcher.evaluation import evaluate, load_judgements
from matcher.query import Query
from matcher.recommender import Recommender

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def recommender(tmp_path_factory):
    from matcher.catalogue import load_catalogue

    return Recommender(load_catalogue(), cache_dir=tmp_path_factory.mktemp("cache"))


def test_bundled_model_is_verified(recommender):
    assert recommender.encoder.weights_sha256 == BUNDLED_MODEL_SHA256
    assert recommender.encoder.model_id.startswith("sentence-transformers/all-MiniLM-L6-v2@")


def test_playwright_profile_ranks_the_playwright_project_first(recommender):
    [first, *_] = recommender.recommend("TypeScript, React, Playwright, end-to-end testing", query=Query(top=3))
    assert first.project.title == "Implementing End-to-End Playwright Testing for KubeStellar UI"


@pytest.mark.parametrize(
    ("skills", "interests", "expected_org"),
    [
        ("Rust", "container networking on Linux", "Podman Container Tools"),
        ("Python, PyTorch", "benchmarks for edge AI", "KubeEdge"),
        ("Go, Prometheus", "time series and metrics", "Prometheus"),
    ],
)
def test_real_profiles(recommender, skills, interests, expected_org):
    results = recommender.recommend(skills, interests, Query(top=3))
    assert expected_org in {result.project.organization for result in results}


def test_hybrid_beats_every_single_channel_on_the_dev_set(recommender):
    results = {r.name: r.metrics for r in evaluate(recommender, load_judgements("data/eval/dev.jsonl"))}
    hybrid = results.pop("hybrid")
    for name, metrics in results.items():
        assert hybrid["nDCG@5"] > metrics["nDCG@5"], name
        assert hybrid["MRR"] >= metrics["MRR"], name
    assert hybrid["nDCG@5"] >= 0.85


def test_missing_or_broken_model_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="model folder not found"):
        _ = SentenceEncoder(tmp_path / "nope").model_id
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="no model.safetensors"):
        _ = SentenceEncoder(tmp_path / "empty").model_id


def test_span_pooling_gives_the_models_own_vectors_from_one_call(recommender):
    encoder = recommender.encoder
    texts = ["I know Go and Kubernetes. I want to learn eBPF", "Python, Django", "docs"]
    spans = [(26, 46), None, (0, 4)]
    whole, parts = encoder.encode_spans(texts, spans)
    reference = encoder.encode(texts)
    assert np.all(np.sum(whole * reference, axis=1) > 0.9999)
    assert np.allclose(np.linalg.norm(parts[[0, 2]], axis=1), 1.0) and not parts[1].any()
    assert float(parts[2] @ whole[2]) > 0.9  # the span is the whole text, bar the special tokens
    alone = encoder.encode(["I want to learn eBPF"])[0]
    assert float(parts[0] @ alone) > float(parts[0] @ reference[1])  # the span reads as the wish it holds


def test_search_finds_projects_by_meaning(recommender):
    hits = recommender.search("game server")
    assert "Kruise-Game" in " ".join(recommender.catalogue[hit.position].title for hit in hits[:2])
    assert recommender.search("zzqx vvbn") == [] and recommender.search("  ") == []
    documentation = [recommender.catalogue[hit.position].title for hit in recommender.search("documentation")[:2]]
    assert all("Doc" in title or "doc" in title for title in documentation)
