"""The skills vocabulary on tricky inputs: synonyms, ambiguous short names, typos, implied skills."""

from __future__ import annotations

import pytest

from matcher.errors import MatcherError
from matcher.index import project_skills
from matcher.reading import Cues
from matcher.records import Project
from matcher.skills import Skill, SkillVocabulary, canonical_words


@pytest.fixture(scope="module")
def vocabulary():
    return SkillVocabulary.load()


def names(vocabulary, text, **kwargs):
    return [mention.skill for mention in vocabulary.extract(text, **kwargs) if mention.direct]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("golang, k8s", ["Go", "Kubernetes"]),
        ("Go, Kubernetes", ["Go", "Kubernetes"]),
        ("JS and TS", ["JavaScript", "TypeScript"]),
        ("cpp, c#", ["C++", "C#"]),
        ("OTel, eBPF, Wasm", ["OpenTelemetry", "eBPF", "WebAssembly"]),
        ("CI/CD with GitHub Actions", ["CI/CD", "GitHub Actions"]),
        ("docs", ["Technical writing"]),
        ("Flutter, Laravel, libbpf", ["Flutter", "Laravel", "libbpf"]),
        ("Unity (C#) and Godot", ["Unity", "C#", "Godot"]),
        ("熟悉Python和Flask，前端开发", ["Python", "Flask", "Frontend development"]),
    ],
)
def test_synonyms_meet_on_canonical_names(vocabulary, text, expected):
    assert names(vocabulary, text) == expected


@pytest.mark.parametrize(
    ("text", "has", "lacks"),
    [
        ("I want to go deeper into cloud", [], ["Go"]),
        ("I write Go every day", ["Go"], []),
        ("I write Go for small internal tools", ["Go"], []),
        ("Harbor admin. Go, OCI distribution spec", ["Go"], []),
        ("Go to the docs. I want to go for it", [], ["Go"]),
        ("Go (2 years), gRPC", ["Go"], []),
        ("go 1.21, grpc, protobuf", ["Go"], []),
        ("I have some experience with React and a bit of Node.", ["React", "Node.js"], []),
        ("want to learn front-end coding with React", ["React"], []),
        ("I need to react quickly and I'd like some rest", [], ["React", "REST APIs"]),
        ("Go, Rust, C", ["Go", "Rust", "C"], []),
        ("I know C and a bit of R for statistics", ["C", "R"], []),
        ("a kind of tool", [], ["Kubernetes"]),
        ("did the Linux Foundation's LFS158 course", [], ["Linux"]),  # the organisation
        ("Linux, bash", ["Linux"], []),
        ("video editing (Premiere, DaVinci Resolve)", ["Adobe Premiere", "DaVinci Resolve", "Video production"], []),
        ("went to the premiere of a video essay", [], ["Adobe Premiere"]),
        ("I use Makefiles a lot. Built REST APIs of varying complexity", ["Make", "REST APIs"], []),
        ("a strong Linux foundation", ["Linux"], []),  # not the Linux Foundation
        ("Did small patches for a CNI plugin", ["CNI"], ["Kubernetes networking", "Kubernetes"]),  # Podman uses CNI too
        ("Kotlin, Flutter. Firebase backend.", ["Firebase"], ["Backend development"]),  # the hosted service
        ("I edited a video for our film's premiere", [], ["Adobe Premiere"]),
        ("used text-davinci-003; made the final cut for GSoC", [], ["DaVinci Resolve", "Final Cut Pro"]),
        ("Kind, Helm", ["Kind", "Helm"], []),
        ("I got an R in class and a C", [], ["R", "C"]),
        ("Embedded C on ARM Cortex-M", ["C"], ["Cortex"]),
        ("my brother Hugo", [], ["Hugo"]),
        ("let's go to the meetup", [], ["Go"]),
        ("in spring I studied", [], ["Spring Boot"]),
        ("the rest of the team", [], ["REST APIs"]),
        ("team unity and a calm raft trip", [], ["Unity", "Raft"]),
        ("a raft of election promises", [], ["Raft"]),
        ("I ended up at the helm of the team", [], ["Helm"]),
        ("I like using mobile apps", [], ["Mobile development"]),
        ("worked as a postman, then in logistics", [], ["Postman"]),
        ("Raft consensus in etcd", ["Raft"], []),
        # words of degree leave a list item a name
        ("python, some go, docker", ["Go"], []),
        ("I know some go", ["Go"], []),
        ("java, little bit go", ["Go"], []),
        ("python, go basics", ["Go"], []),
        ("Rust (2 years), some C", ["C"], []),
        ("flutter/dart, firebase, some swift", ["Swift"], []),
        ("python y un poco de go", ["Go"], []),
        ("I fixed some rust on my bike", [], ["Rust"]),
        ("Some go to the gym after work", [], ["Go"]),
        ("worked as a postman, some postman work too", [], ["Postman"]),
    ],
)
def test_ambiguous_short_names_need_context(vocabulary, text, has, lacks):
    found = names(vocabulary, text)
    assert set(has) <= set(found)
    assert not set(lacks) & set(found)


def test_typos_are_matched_fuzzily_but_real_words_are_not(vocabulary):
    mentions = vocabulary.extract("kubernets, pyhton, golnag, promethues")
    assert [m.skill for m in mentions if m.direct] == ["Kubernetes", "Python", "Go", "Prometheus"]
    assert all(m.fuzzy for m in mentions if m.direct)
    assert names(vocabulary, "mentoring and baking") == []
    assert names(vocabulary, "kubernets", known_words=frozenset({"kubernets"})) == []


@pytest.mark.parametrize(
    ("text", "skill", "surface"),
    [
        ("machne learning, pyhton", "Machine learning", "machne learning"),
        ("ebpf and linux kernal hacking", "Linux kernel", "linux kernal"),
        ("distributed sytems", "Distributed systems", "distributed sytems"),
    ],
)
def test_a_misspelt_word_of_a_several_word_name_is_matched(vocabulary, text, skill, surface):
    mention = next(m for m in vocabulary.mentions(text) if m.skill == skill)
    assert mention.surface == surface and mention.fuzzy
    assert "Linux" not in names(vocabulary, "linux kernal")  # the phrase replaces the shorter name inside it


def test_a_word_that_only_starts_a_longer_name_is_no_misspelling_of_it(vocabulary):
    assert names(vocabulary, "grafan") == ["Grafana"]  # a letter dropped: a typo
    assert names(vocabulary, "kubern") == []  # four letters short: another word, or unfinished


def test_a_several_word_name_needs_its_other_words_exact(vocabulary):
    assert "Machine learning" not in names(vocabulary, "machne, learning")
    assert "Machine learning" not in names(vocabulary, "machne lerning")  # two misspellings: too far
    assert names(vocabulary, "kernal") == []


@pytest.mark.parametrize(
    ("text", "implied"),
    [
        ("Flutter", {"Dart"}),
        ("Laravel", {"PHP"}),
        ("libbpf", {"eBPF"}),
        ("Godot", {"Game development"}),
        ("React Native", {"JavaScript", "Mobile development"}),  # React is related: no HTML or CSS there
        ("Vue.js", {"JavaScript", "Frontend development", "HTML"}),
        ("SQL", {"Databases"}),
        ("CCNP", {"Networking", "IP addressing"}),
        ("AngularJS", {"JavaScript", "HTML"}),  # AngularJS 1.x is plain JavaScript
        ("Ansible playbooks", {"YAML/JSON"}),
        ("Kustomize", {"Kubernetes", "YAML/JSON"}),  # overlays are YAML
        ("GitLab CI", {"CI/CD", "YAML/JSON"}),  # a pipeline is a .gitlab-ci.yml
        ("EKS, GKE and AKS", {"AWS", "GCP", "Azure", "Kubernetes"}),  # managed Kubernetes
        ("BGP", {"Networking", "IP addressing"}),
        ("Angular", {"TypeScript", "HTML"}),
        ("NestJS", {"Node.js", "TypeScript", "Backend development"}),
        ("CloudFormation", {"AWS", "Infrastructure as code"}),
        ("Phoenix framework", {"Elixir"}),
        ("MERN stack", {"MongoDB", "Express.js", "React", "Node.js"}),
    ],
)
def test_a_tool_implies_what_using_it_always_takes(vocabulary, text, implied):
    assert implied <= {m.skill for m in vocabulary.extract(text) if not m.direct}


def test_implications_that_hold_only_sometimes_are_relations(vocabulary):
    assert not {"React", "HTML", "CSS"} & {m.skill for m in vocabulary.extract("React Native") if not m.direct}
    assert not {m.skill for m in vocabulary.extract("Raspberry Pi cluster") if not m.direct}  # not embedded work
    assert [m.skill for m in vocabulary.extract("CI on Azure DevOps")] == ["Azure DevOps"]  # not Azure, not DevOps
    assert "Databases" not in {m.skill for m in vocabulary.extract("ELK stack for logs")}  # a search engine
    assert "YAML/JSON" not in {m.skill for m in vocabulary.extract("Kubernetes")}  # a wish for it often reads as had
    for text in ("Helm", "Docker Compose", "GitHub Actions"):  # "helm install", "compose up", a CI that just ran
        assert "YAML/JSON" not in {m.skill for m in vocabulary.extract(text)}, text
    for text in ("React", "Vue", "Angular", "Svelte"):  # styling is often someone else's job
        assert "CSS" not in {m.skill for m in vocabulary.extract(text)}, text
    for text in ("Kubeflow Pipelines", "KServe", "Knative", "Cilium"):  # "the platform team owns the cluster"
        assert "Kubernetes" not in {m.skill for m in vocabulary.extract(text)}, text


def test_a_user_of_a_mesh_is_not_told_they_bring_kubernetes(vocabulary):
    implied = {m.skill for m in vocabulary.extract("istio (as a user)") if not m.direct}
    assert implied == {"Service mesh"}  # Kubernetes is only related: partial credit, never a claim


def test_implied_skills_name_their_source(vocabulary):
    mentions = {m.skill: m for m in vocabulary.extract("I write Kubernetes operators with controller-runtime")}
    assert mentions["Kubernetes controllers"].direct and mentions["controller-runtime"].direct
    assert mentions["Go"].implied_by == "controller-runtime"  # controller-runtime is a Go library
    assert mentions["Kubernetes"].surface == "Kubernetes operators"


def test_each_skill_once_and_canonical_lookup(vocabulary):
    assert names(vocabulary, "golang, Go, go lang") == ["Go"]
    assert vocabulary.canonical("K8S") == "Kubernetes"
    assert vocabulary.canonical("unknown") is None
    assert "Kubernetes" in vocabulary.names


def test_vocabulary_errors_are_clear(tmp_path):
    with pytest.raises(MatcherError, match="implies unknown skill"):
        SkillVocabulary([Skill("A", "x", implies=("B",))])
    with pytest.raises(MatcherError, match="programme_wide names unknown skill"):
        SkillVocabulary([Skill("A", "x")], programme_wide=["B"])
    bad = tmp_path / "skills.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(MatcherError, match="not a skills vocabulary"):
        SkillVocabulary.load(bad)


def test_the_word_channel_writes_skills_by_their_canonical_names(vocabulary):
    """Synonyms meet on one word: "Golang" in a project and "go lang" in a profile both read "Go"."""
    text = "Golang, k8s and Postgres"
    assert canonical_words(text, vocabulary.mentions(text)).split() == ["Go", ",", "Kubernetes", "and", "PostgreSQL"]
    text = "I know golang"
    assert canonical_words(text[2:], vocabulary.mentions(text), offset=2).split() == ["know", "Go"]


def test_a_project_saying_system_asks_for_no_systemd(vocabulary):
    """The project side reads with the plain words too: "system" is a stop word, no misspelt systemd."""
    project = Project(
        "p", "An installer", "WasmEdge", description="Detect the system capabilities.", skills=("Rust", "Bash")
    )
    skills = project_skills(project, vocabulary, frozenset(), Cues.load().plain_words)
    assert skills.required == ("Rust", "Bash")
    assert "systemd" not in skills.all


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It is a problem of access. -- J. C. R. Licklider", []),  # initials, not C or R
        ("I am Priya R., final year student, I know Java", ["Java"]),
        ("C. P. Snow wrote that", []),
        ("I know C. Also Python", ["C", "Python"]),  # a sentence's end is no initial
        ('"Go to Heaven for the climate"', []),  # a quote opens the sentence: the verb, not the language
        ("Elvis is my copilot.", []),  # the one beside the pilot
        ("copilot, chatgpt", ["GitHub Copilot", "ChatGPT"]),
        ("Built an AI copilot for support with LangChain", ["LangChain"]),  # a product's copilot
        ("I'm an Azure DevOps engineer", ["DevOps"]),  # a job title, not the product
        ("a simulator for network partitions", []),  # a failure, not networking
        ("I love Monty Python sketches", []),
    ],
)
def test_names_and_everyday_words_in_plain_prose_are_no_skills(vocabulary, text, found):
    """Found by running the reading over everyday English quotes (``tools/everyday_claims.py``)."""
    assert [m.skill for m in vocabulary.mentions(text) if m.direct] == found
