"""Ranking, explanations and evaluation on the real catalogue with a tiny fake encoder (fast)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from matcher.catalogue import load_catalogue
from matcher.errors import InputError
from matcher.evaluation import (
    JudgedProfile,
    baseline_systems,
    evaluate,
    grader_agreement,
    load_judgements,
    measure,
    ndcg,
    reciprocal_rank,
    subsets,
    trec_run,
)
from matcher.query import Query
from matcher.ranking import CHANNELS
from matcher.recommender import Recommender
from tests.fakes import HashingEncoder


@pytest.fixture(scope="module")
def recommender(tmp_path_factory):
    return Recommender(load_catalogue(), encoder=HashingEncoder(), cache_dir=tmp_path_factory.mktemp("cache"))


def test_scores_are_0_to_100_with_a_breakdown(recommender):
    results = recommender.recommend("Go, Kubernetes controllers, CRDs", "operators", Query(top=60))
    assert len(results) == 60
    scores = [result.match.score for result in results]
    assert scores == sorted(scores, reverse=True)
    for result in results:
        assert 0 <= result.match.score <= 100
        assert set(result.match.components) == set(CHANNELS)
        assert all(0 <= value <= 100 for value in result.match.components.values())


def test_explanations_name_skills_both_ways(recommender):
    [top] = recommender.recommend("golang, k8s, controller-runtime", query=Query(top=1))
    data = top.to_dict()
    matched = {item["skill"]: item for item in data["matched_skills"]}
    assert matched["Go"]["mentee"] == "golang"
    assert "Kubernetes" in matched
    assert data["explanation"].endswith(".")
    assert len(data["evidence"]) <= 2  # the fake encoder may find none; the real model's are tested in test_model
    assert all(sentence in top.project.text for sentence in data["evidence"])


def test_missing_skills_and_stretch(recommender):
    results = recommender.recommend("Rust, networking", "", Query(top=60))
    netavark = next(r for r in results if "Netavark" in r.project.title)
    assert "C" in netavark.explanation.missing_skills
    assert netavark.explanation.stretch


def test_filters_narrow_the_ranking(recommender):
    results = recommender.recommend("Go", query=Query(top=None, organizations=("Harbor",)))
    assert {result.project.organization for result in results} == {"Harbor"}
    assert len(results) == 4
    rust_only = recommender.recommend("networking", query=Query(top=None, required_skills=("Rust",)))
    assert rust_only and all("Rust" in recommender.index.skills[r.match.position].all for r in rust_only)


def test_diversity_spreads_near_identical_projects(recommender):
    skills, interests = "Python", "Karmada PyTorch jobs"
    plain = recommender.recommend(skills, interests, Query(top=5))
    varied = recommender.recommend(skills, interests, Query(top=5, diversity=1.0))
    karmada = [sum(r.project.organization == "Karmada" for r in results) for results in (plain, varied)]
    assert karmada[0] == 4 and karmada[1] < 4


def test_empty_and_meaningless_input_is_refused(recommender):
    with pytest.raises(InputError, match="tell us some skills"):
        recommender.recommend("  ", "")
    with pytest.raises(InputError, match=r"could not recognise .*\(not recognised: zzqx, vvbn\)"):
        recommender.recommend("zzqx vvbn", "")


def test_embeddings_are_cached_on_disk(tmp_path):
    encoder = HashingEncoder()
    assert Recommender(load_catalogue(), encoder=encoder, cache_dir=tmp_path).index
    assert encoder.calls == 1 and len(list(tmp_path.glob("*.npy"))) == 1
    again = HashingEncoder()
    assert Recommender(load_catalogue(), encoder=again, cache_dir=tmp_path).index
    assert again.calls == 0


def test_metrics_on_hand_computed_cases():
    qrels = {"a": 3, "b": 2, "c": 1}
    assert ndcg(["a", "b", "c"], qrels, 5) == pytest.approx(1.0)
    assert ndcg(["x", "a"], {"a": 1}, 5) == pytest.approx(1 / 1.5849625, rel=1e-6)
    assert reciprocal_rank(["c", "x", "b"], qrels) == pytest.approx(1 / 3)
    assert measure(["x"], qrels)["Recall@10"] == 0.0


def test_evaluate_and_trec_run(recommender, tmp_path):
    profiles = load_judgements("data/eval/dev.jsonl")[:3]
    results = evaluate(recommender, profiles)
    assert [result.name for result in results][0] == "hybrid" and len(results) == len(
        baseline_systems(recommender.combiner)
    )
    lines = trec_run(results[0]).splitlines()
    assert len(lines) == 3 * 60
    qid, q0, doc, rank, score, tag = lines[0].split()
    assert q0 == "Q0" and rank == "1" and tag == "hybrid"


def test_dev_set_is_varied_and_valid():
    profiles = load_judgements("data/eval/dev.jsonl")
    ids = {project.id for project in load_catalogue()}
    assert len(profiles) >= 40
    assert all(set(profile.qrels) <= ids for profile in profiles)
    assert any(not profile.qrels for profile in profiles)  # a no-fit profile


def test_empty_profile_is_measured_not_fatal(recommender, tmp_path):
    some_id = recommender.catalogue[0].id
    path = tmp_path / "q.jsonl"
    lines = [{"id": "empty", "skills": "", "qrels": {some_id: 3}}, {"id": "go", "skills": "Go", "qrels": {some_id: 1}}]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    [hybrid, *_] = evaluate(recommender, load_judgements(path))
    assert hybrid.empty == ("empty",)
    assert hybrid.per_profile["empty"]["nDCG@5"] == 1.0  # catalogue order puts project 0 first
    assert set(hybrid.per_profile) == {"empty", "go"}


def test_duplicate_profile_ids_are_refused(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "a", "qrels": {}}\n{"id": "a", "qrels": {}}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2: profile id 'a' already used on line 1"):
        load_judgements(path)


def test_bad_judgements_file(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "x", "skills": "go", "qrels": {}}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_judgements(path)


# --------------------------------------------------------------------------- graded sets of two graders

GRADED = {"default": "data/eval/graded-default.jsonl", "2026-03": "data/eval/graded-2026-03.jsonl"}
#: profiles per graded set: 85 each, and 80 more on the default catalogue (a validation set, then 40 beginner-heavy)
SIZES = {"default": 245, "2026-03": 85}


@pytest.mark.parametrize("name", GRADED)
def test_graded_sets_are_large_two_graded_and_split(name):
    profiles = load_judgements(GRADED[name])
    size = SIZES[name]
    assert len(profiles) == size and len({profile.id for profile in profiles}) == size
    assert all(set(profile.graders) == {"A", "B"} for profile in profiles)
    for profile in profiles:  # the mean grade of the two graders, 0 left out
        expected = {
            project: (profile.graders["A"].get(project, 0) + profile.graders["B"].get(project, 0)) / 2
            for project in set(profile.graders["A"]) | set(profile.graders["B"])
        }
        assert profile.qrels == expected
    assert sum(profile.split == "test" for profile in profiles) == 25
    assert 0.3 <= sum(profile.hard for profile in profiles) / size <= 0.4
    named = subsets(profiles)
    assert set(named) == {"tune", "test", "hard"} and len(named["tune"]) + len(named["test"]) == size


def test_grader_agreement_measures_what_it_says():
    projects = ["a", "b", "c", "d", "e", "f"]
    same = JudgedProfile("p", "Go", "", {"a": 3.0}, {"A": {"a": 3, "b": 1}, "B": {"a": 3, "b": 1}})
    agreement = grader_agreement([same], projects)
    assert agreement.exact == 1.0 and agreement.weighted_kappa == pytest.approx(1.0) and agreement.ndcg5 == 1.0
    apart = JudgedProfile("q", "Go", "", {"a": 1.5}, {"A": {"a": 3}, "B": {"f": 3}})
    agreement = grader_agreement([apart], projects)
    assert agreement.ndcg5 < 0.5 and agreement.weighted_kappa < 0 and agreement.exact == pytest.approx(4 / 6)
    with pytest.raises(InputError, match="two graders"):
        grader_agreement([JudgedProfile("r", "Go", "", {"a": 3.0})], projects)


def test_extraction_gold_sets_have_two_labellers_and_share_no_phrase():
    tuned, test = (
        [json.loads(line) for line in Path(f"data/eval/{name}").read_text(encoding="utf-8").splitlines()]
        for name in ("extraction.jsonl", "extraction-test.jsonl")
    )
    assert len(tuned) >= 300 and len(test) >= 80
    lines = tuned + test
    assert len({line["id"] for line in lines}) == len(lines)
    assert not {line["text"] for line in tuned} & {line["text"] for line in test}
    for line in lines:
        assert line["text"].strip() and line["field"] in ("skills", "interests")
        assert set(line["labels"]) == {"A", "B"}
        assert all(set(labels) == {"have", "want", "avoid"} for labels in line["labels"].values())


def test_the_claims_audits_keep_both_auditors_verdicts():
    lines = [json.loads(line) for line in Path("data/eval/claims-audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 1760 and len({line["id"] for line in lines}) == 1760
    for line in lines:
        assert (line["skills"] + line["interests"]).strip()
        for audit in line["audits"]:
            assert set(audit["false_claims"]) == {"auditor 1", "auditor 2"}
            kinds = {claim["kind"] for claims in audit["false_claims"].values() for claim in claims}
            assert kinds <= {"you_bring", "you_want_to_learn", "you_would_need_to_learn"}


def test_extraction_scores_claims_per_role():
    from matcher.evaluation import LabelledPhrase, evaluate_extraction, role_scores
    from matcher.skills import SkillVocabulary

    scores = role_scores(
        [{"have": {"Go", "Java"}, "want": set(), "avoid": set()}],
        [{"have": {"Go"}, "want": {"eBPF"}, "avoid": {"Java"}}],
    )
    assert (scores["have"].precision, scores["have"].recall) == (0.5, 1.0)
    assert scores["want"].recall == 0.0 and scores["want"].precision != scores["want"].precision  # NaN: no claim
    phrase = LabelledPhrase(
        "x", "skills", "golang, k8s; never used Java", {"A": {"have": ("Go", "Kubernetes"), "avoid": ("Java",)}}
    )
    report = evaluate_extraction([phrase], SkillVocabulary.load())
    assert report.against["A"]["have"].recall == 1.0  # golang → Go, k8s → Kubernetes
    assert report.against["A"]["have"].precision == 1.0  # "never used Java" is not read as had
    assert report.against["A"]["avoid"].recall == 1.0


def test_explanations_follow_the_reading(recommender):
    results = recommender.recommend("I know Go, never used Java", "I want to learn Kubernetes operators", Query(top=10))
    for result in results:
        brought = {item.skill for item in result.explanation.matched_skills}
        assert "Java" not in brought and "Kubernetes controllers" not in brought
        assert all(item.skill in ("Go",) or "implies" in item.mentee_word for item in result.explanation.matched_skills)
        goals = {item.skill for item in result.explanation.learning_goals}
        assert not goals & set(result.explanation.missing_skills)
        assert goals <= {"Kubernetes controllers"}
    assert any(result.explanation.learning_goals for result in results)
    data = results[0].to_dict()
    assert data["understood"]["have"][0] == {
        "skill": "Go",
        "mentee": "Go",
        "field": "skills",
        "start": 7,
        "end": 9,
        "cue": "i know",
    }
    assert [item["skill"] for item in data["understood"]["avoid"]] == ["Java"]
    assert [item["skill"] for item in data["understood"]["want"]] == ["Kubernetes controllers"]
    assert "learning_goals" in data and "matched_skills" in data


def test_a_wish_for_what_a_had_skill_implies_is_no_learning_goal(recommender):
    """A Selenium tester who wants "testing" wants to work on it, not to learn it: neither line is said."""
    profile = recommender.profile(
        "QA automation: Selenium, Cypress, GoReleaser", "testing infra, e2e tests, release automation"
    )
    assert {"Testing", "End-to-end testing", "Release engineering"} <= profile.implied_wishes
    for result in recommender.recommend_profile(profile, Query(top=60)):
        said = {item.skill for item in result.explanation.learning_goals} | set(result.explanation.missing_skills)
        assert not said & profile.implied_wishes
        assert "learn Testing" not in result.explanation.summary


def test_a_wish_every_project_meets_favours_none(recommender):
    """Contributing to open source is what every project offers: wanting it is no goal a project meets."""
    profile = recommender.profile("Python", "I want to start contributing to open source and learn Kubernetes")
    assert set(profile.wanted_skills) == {"Open source contribution", "Kubernetes"}
    assert profile.goals == {"Kubernetes"}
    for result in recommender.recommend_profile(profile, Query(top=60)):
        assert "Open source contribution" not in {item.skill for item in result.explanation.learning_goals}


def test_a_skill_every_project_asks_for_is_never_a_skill_to_learn(recommender):
    """English, Git and communication tell no project apart: "you would need to learn English" says
    nothing (and may offend)."""
    asking = [skills for skills in recommender.index.skills if skills.everywhere]
    assert asking  # the default catalogue has projects that list English or Git
    for result in recommender.recommend("Go", "", Query(top=60)):
        named = {skill.removesuffix(" (partly)") for skill in result.explanation.missing_skills}
        assert not named & recommender.vocabulary.programme_wide


def test_a_profile_that_only_avoids_is_refused(recommender):
    with pytest.raises(InputError, match="only what you want to avoid"):
        recommender.recommend("never used Java", "")


@pytest.mark.parametrize(
    ("skills", "interests"),
    [
        ("Go, Kubernetes, never used Java", "want to learn eBPF"),
        ("Podman, Istio", "networking"),
        ("", "operators"),
        ("Python", "I want to start contributing to open source and learn Kubernetes"),
    ],
)
def test_catalogue_wide_skill_features_equal_each_projects_overlap(recommender, skills, interests):
    from matcher.ranking import channel_scores, skill_overlap

    profile = recommender.profile(skills, interests)
    scores = channel_scores(profile, recommender.index, recommender.encoder)
    overlaps = [skill_overlap(profile, project) for project in recommender.index.skills]
    wanted = len(profile.goals) or 1
    expected = {
        "skills_coverage": [overlap.coverage for overlap in overlaps],
        "skills_used": [overlap.used for overlap in overlaps],
        "wants_skills": [len(overlap.wanted) / wanted for overlap in overlaps],
        "avoid": [min(1, len(overlap.avoided)) for overlap in overlaps],
    }
    for name, values in expected.items():
        assert np.allclose(scores.feature(name), values, atol=1e-6), name
    assert scores.overlaps[3] == overlaps[3]


def test_fields_meet_the_projects_fields_and_languages_are_no_field(recommender):
    from matcher.ranking import channel_scores

    matrix = recommender.index.skill_matrix
    assert "language" not in {recommender.vocabulary.skills[name].category for name in matrix.field_of}
    assert not matrix.field_vector(frozenset({"Go", "Python", "Rust"})).any()
    # a mentee who has React and wants to learn Prometheus: frontend and observability projects meet both
    profile = recommender.profile("React", "want to learn Prometheus")
    fields = channel_scores(profile, recommender.index, recommender.encoder).feature("fields")
    mentee = matrix.field_vector(profile.all_skills) + matrix.field_vector(profile.goals)
    for position, project in enumerate(recommender.index.skills):
        asked = matrix.field_vector(frozenset(project.required))  # counted afresh, not read from the index
        expected = asked @ mentee / (np.linalg.norm(asked) * np.linalg.norm(mentee)) if asked.any() else 0.0
        assert fields[position] == pytest.approx(expected, abs=1e-6)
    frontend = [i for i, skills in enumerate(recommender.index.skills) if "React" in skills.required]
    assert frontend and all(fields[i] > 0 for i in frontend)
    assert fields.min() >= 0 and fields.max() <= 1 + 1e-6


def test_hubness_is_each_projects_mean_similarity_to_every_skills_field(recommender):
    from matcher.index import hubness

    index = recommender.index
    fields = [project.skills_text or ", ".join(project.skills) for project in index.projects]
    expected = (index.project_vectors @ recommender.encoder.encode([f for f in fields if f]).T).mean(axis=1)
    assert np.allclose(index.hubness, expected, atol=1e-5)
    scores = recommender.scores(recommender.profile("Go, Kubernetes"))
    assert np.array_equal(scores.feature("hubness"), index.hubness)  # the same for every mentee
    # a project near both skills fields sits nearer the middle than one near neither
    projects = np.eye(3, dtype=np.float32)[[0, 2]]
    fields_vectors = np.array([[0.8, 0.6, 0.0], [0.6, 0.8, 0.0]], dtype=np.float32)
    assert hubness(projects, fields_vectors).tolist() == pytest.approx([0.7, 0.0])
    assert not hubness(projects, np.zeros((0, 3), dtype=np.float32)).any()  # a catalogue without skills fields


def test_spans_are_encoded_apart_when_the_encoder_cannot_pool_them():
    from matcher.embedding import encode_with_spans

    encoder = HashingEncoder()
    whole, parts = encode_with_spans(encoder, ["Go. want to learn eBPF", "Python"], [(4, 22), None])
    assert np.allclose(whole, encoder.encode(["Go. want to learn eBPF", "Python"]))
    assert np.allclose(parts[0], encoder.encode(["want to learn eBPF"])[0]) and not parts[1].any()


def test_search_ranks_by_words_and_skills_and_drops_the_unrelated(recommender):
    hits = recommender.search("Karmada multi-cluster")
    assert hits and {recommender.catalogue[hit.position].organization for hit in hits[:4]} == {"Karmada"}
    assert [hit.relevance for hit in hits] == sorted((hit.relevance for hit in hits), reverse=True)
    assert recommender.search("   ") == []


def test_what_to_learn_next_measures_the_projects_each_skill_brings_in(recommender):
    from matcher.next_skills import what_to_learn_next

    profile = recommender.profile("Python", "machine learning")
    before = {r.project.id for r in recommender.recommend_profile(profile, Query(top=10))}
    steps = what_to_learn_next(recommender, profile, Query(top=10), limit=3)
    assert 1 <= len(steps) <= 3
    assert [len(step.unlocked) for step in steps] == sorted((len(step.unlocked) for step in steps), reverse=True)
    for step in steps:
        assert step.skill not in profile.all_skills
        learned = profile.corrected(step.skill, "have", recommender.vocabulary)
        after = {r.project.id for r in recommender.recommend_profile(learned, Query(top=10))}
        assert {project.id for project in step.unlocked} == after - before


def test_the_application_checklist_lists_what_each_starred_project_needs(recommender):
    from matcher.checklist import checklist_markdown, checklist_rows, one_organisation

    results = recommender.recommend("Go, Kubernetes", "multi-cluster Karmada", Query(top=3))
    rows = checklist_rows(results)
    assert [row.title for row in rows] == [result.project.title for result in results]
    assert all(row.lfx_url.startswith("https://") and row.prerequisites for row in rows)
    text = checklist_markdown(results)
    assert text.count("\n## ") == 3 and "- [ ] Read the project page and apply: https://" in text
    karmada = recommender.recommend("Go", "multi-cluster", Query(top=3, organizations=("Karmada",)))
    assert one_organisation(karmada) == "Karmada"
    mixed = [karmada[0], *recommender.recommend("Go", "", Query(top=1, organizations=("Harbor",)))]
    assert one_organisation(mixed) is None and one_organisation(karmada[:1]) is None
