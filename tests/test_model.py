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
    assert recommender.encoder.reference.weights_sha256 == BUNDLED_MODEL_SHA256
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


@pytest.mark.parametrize("skills", ["golang, k8s, controller-runtime", "python, pandas", "docs, technical writing"])
def test_every_top_project_quotes_its_supporting_sentences(recommender, skills):
    for result in recommender.recommend(skills, query=Query(top=5)):
        evidence = result.to_dict()["evidence"]
        assert 1 <= len(evidence) <= 2
        assert all(sentence in result.project.text for sentence in evidence)


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


@pytest.fixture(scope="module")
def reference():
    return SentenceEncoder()


def test_the_light_encoder_is_the_default_and_gives_the_references_vectors(recommender, reference):
    from matcher.onnx_encoder import OnnxEncoder
    from matcher.text import split_sentences

    light = recommender.encoder
    assert isinstance(light, OnnxEncoder) and light.model_id == reference.model_id
    catalogue = [project.text for project in recommender.catalogue]
    catalogue += [sentence for project in recommender.catalogue for sentence in split_sentences(project.description)]
    profiles = [recommender.profile(p.skills, p.interests) for p in load_judgements("data/eval/dev.jsonl") if p.qrels]
    queries = [profile.query_text for profile in profiles]
    for texts in (catalogue, queries):
        cosine = np.sum(light.encode(texts) * reference.encode(texts), axis=1)
        assert cosine.min() >= 0.999, texts[int(cosine.argmin())][:80]
    spans = [profile.want_span for profile in profiles]
    for mine, theirs in zip(light.encode_spans(queries, spans), reference.encode_spans(queries, spans), strict=True):
        assert np.all(np.sum(mine * theirs, axis=1) >= 0.999 * np.any(theirs, axis=1))


def test_evaluate_gives_the_same_figures_on_either_path(tmp_path, reference):
    from matcher.catalogue import load_catalogue
    from matcher.onnx_encoder import OnnxEncoder

    profiles = load_judgements("data/eval/dev.jsonl")
    figures = []
    for name, encoder in (("light", OnnxEncoder()), ("reference", reference)):
        results = evaluate(Recommender(load_catalogue(), encoder=encoder, cache_dir=tmp_path / name), profiles)
        figures.append({result.name: {k: round(v, 3) for k, v in result.metrics.items()} for result in results})
    assert figures[0] == figures[1]


def test_the_onnx_export_is_made_once_under_the_weights_hash(tmp_path, reference):
    from matcher.onnx_encoder import OnnxEncoder

    encoder = OnnxEncoder(cache_dir=tmp_path)
    vector = encoder.encode(["Go, Kubernetes"])[0]
    [exported] = (tmp_path / "onnx").glob("*.onnx")
    assert exported.name.startswith(reference.weights_sha256[:32]) and exported.stat().st_size > 80_000_000
    assert float(vector @ reference.encode(["Go, Kubernetes"])[0]) > 0.999
    again = OnnxEncoder(cache_dir=tmp_path)
    assert again.onnx_path == exported  # found, not exported again
