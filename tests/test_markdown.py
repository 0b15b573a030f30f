"""The markdown parser: exact on the shipped catalogue, robust on real and synthetic variants."""

from __future__ import annotations

import re
import textwrap
from collections import Counter

import pytest

from matcher.catalogue import load_catalogue
from matcher.markdown import parse_markdown
from matcher.records import Mentor
from matcher.text import split_skills


@pytest.fixture(scope="module")
def seed():
    return load_catalogue()


def by_title(catalogue, fragment):
    matches = [project for project in catalogue if fragment in project.title]
    assert len(matches) == 1, [project.title for project in matches]
    return matches[0]


def test_seed_has_60_projects_under_25_organisations(seed):
    assert len(seed) == 60
    assert len(seed.organizations) == 25
    assert Counter(project.organization for project in seed)["KubeStellar"] == 6


def test_seed_ids_and_urls_are_unique_lfx_uuids(seed):
    assert len({project.id for project in seed}) == 60
    assert len({project.lfx_url for project in seed}) == 60
    for project in seed:
        assert project.lfx_url.startswith("https://mentorship.lfx.linuxfoundation.org/project/")
        assert project.lfx_url.endswith(project.id)
        assert re.fullmatch(r"[0-9a-f-]{36}", project.id)


def test_seed_organisation_headings_at_unusual_levels(seed):
    assert by_title(seed, "conntrack entries in Netavark").organization == "Podman Container Tools"
    assert by_title(seed, "k8s performance testing").organization == "kube-burner"
    assert by_title(seed, "Enhance Kyverno Documentation").organization == "Kyverno"
    assert by_title(seed, "Namespaced CEL-Based Policies").organization == "Kyverno"


def test_seed_ready_state_project_keeps_both_upstream_urls(seed):
    project = by_title(seed, "READY state")
    assert project.upstream_issues == (
        "https://mentorship.lfx.linuxfoundation.org/project/7b85c3fc-57ab-451d-a43a-c84251c4bc91",
        "https://github.com/kubestellar/kubestellar/issues/2809",
    )
    assert project.mentors[0] == Mentor("Franco Stellari", "francostellari", "fstellari@gmail.com")


def test_seed_mentors_under_metor_and_mentors_labels(seed):
    # "- Metor(s):" (sic) with bullets; the second email is malformed in the file and kept as written
    assert by_title(seed, "Improving Ipsec's Stability").mentors == (
        Mentor("ZhenCheng Li", "LiZhenCheng9527", "leezhencheng6@gmail.com"),
        Mentor("Zhonghu Xu", "hzxuzhonghu", "zhhxu@163@gmail.com"),
    )
    # "- Mentors " (no colon) with bullets
    assert by_title(seed, "MCP Server for Agentic AI").mentors == (
        Mentor("Alex Meijer", "ameijer", "alexander.meijer@ibm.com"),
        Mentor("Matt Bolt", "Mbolt35", "matthew.bolt@ibm.com"),
    )
    # "Mentors:" without a bullet, after the other fields
    assert [mentor.github for mentor in by_title(seed, "KubeArmor Unit Test Coverage Audit").mentors] == [
        "rootxrishabh",
        "Aryan-sharma11",
        "rksharma95",
        "tesla59",
    ]


def test_seed_kubearmor_bold_colon_skills_line(seed):
    project = by_title(seed, "KubeArmor Observability Spectrum Enhancement")
    assert project.skills == ("Go", "Prometheus", "Kubernetes", "Git")
    assert len(project.mentors) == 4
    assert "Key Metrics to Focus On" in project.extra


def test_seed_kgateway_mentors_without_emails(seed):
    project = by_title(seed, "kgateway ecosystem integrations documentation")
    assert project.mentors == (
        Mentor("Nina Polshakova", "npolshakova", None),
        Mentor("Lin Sun", "linsun", None),
    )


def test_seed_every_project_is_complete(seed):
    for project in seed:
        assert project.title and project.organization and project.description, project.id
        assert project.skills, project.title
        assert project.mentors, project.title
        assert project.term == "2025 Term 3"


def test_seed_warnings_name_file_and_line(seed):
    assert seed.warnings
    for warning in seed.warnings:
        assert warning.path.endswith("lfx-2025-term3.md") and warning.line > 0
        assert re.match(r".+:\d+: warning: ", str(warning))


# Counts verified by reading each file: every LFX URL/UUID in the file is one project, except
# where noted (2020 files have no URLs: counted by their headings, minus the template and sample).
GOLDEN_COUNTS = {
    "2020-q1.md": 17,
    "2020-q3q4.md": 23,  # 25 "Description" fields minus the template and the sample
    "2021-02.md": 20,  # CoreDNS's description is an unlabelled bullet
    "2021-03.md": 34,
    "2022-01.md": 42,  # one KubeArmor project has no heading of its own
    "2022-02.md": 31,
    "2022-03.md": 29,
    "2023-01.md": 65,
    "2023-02.md": 38,
    "2023-03.md": 43,
    "2024-01.md": 56,
    "2024-02.md": 48,
    "2024-03.md": 49,
    "2025-01.md": 67,  # three Meshery projects link crowdfunding.lfx pages
    "2025-02.md": 57,  # one Harbor project has no LFX URL
    "2025-03.md": 65,
    "2026-01.md": 72,
    "2026-02.md": 65,
}

NOT_A_PROJECT = re.compile(r"\((sample|template)\)|^(sample|template|title|cncf project name|timeline):?$", re.I)


@pytest.mark.parametrize("name", sorted(GOLDEN_COUNTS))
def test_real_term_files(corpus_dir, name):
    path = corpus_dir / "lfx" / name
    projects, warnings = parse_markdown(path.read_text(encoding="utf-8"), str(path))
    assert len(projects) == GOLDEN_COUNTS[name]
    for project in projects:
        assert project.title.strip() and project.organization.strip() and project.description.strip()
        assert project.organization != "Unknown"
        assert not NOT_A_PROJECT.search(project.title), project.title
        assert "sample" not in project.organization.lower()
    with_url = [project for project in projects if project.lfx_url]
    assert len({project.id for project in projects}) == len(projects)
    assert all(project.id in project.lfx_url for project in with_url if "lfx" in project.lfx_url)


def test_every_lfx_url_in_a_corpus_file_becomes_a_project(corpus_dir):
    for path in sorted((corpus_dir / "lfx").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        projects, _ = parse_markdown(text, str(path))
        listed = {m.group(1).lower() for m in re.finditer(r"^- LFX URL: \S*/project/([0-9a-f-]{36})", text, re.M)}
        assert listed <= {project.id for project in projects}, path.name


def test_headingless_project_is_kept_with_a_derived_title(corpus_dir):
    path = corpus_dir / "lfx" / "2022-01.md"
    projects, warnings = parse_markdown(path.read_text(encoding="utf-8"), str(path))
    untitled = [project for project in projects if project.title.startswith("Untitled")]
    assert [project.title for project in untitled] == ["Untitled KubeArmor project (kubearmor/KubeArmor#360)"]
    assert any("without a heading" in warning.message for warning in warnings)


def test_proposals_and_gsoc_files_parse_without_loss(corpus_dir):
    for path in sorted((corpus_dir / "proposals").glob("*.md")) + sorted((corpus_dir / "gsoc").glob("*.md")):
        projects, _ = parse_markdown(path.read_text(encoding="utf-8"), str(path))
        described = len(re.findall(r"(?im)^[-*]?\s*\**description\**\s*:", path.read_text(encoding="utf-8")))
        assert projects, path.name
        assert all(project.title and project.organization and project.description for project in projects)
        # every project-like block counted, less template and sample blocks (at most 3 a file)
        assert described - 3 <= len(projects), path.name


# --------------------------------------------------------------------------- files never seen


def parse(text):
    return parse_markdown(textwrap.dedent(text), "fake.md")


def test_bold_labels_link_titles_and_apply_links():
    projects, warnings = parse(
        """
        ## Participating Projects
        #### Thanos
        ##### [Faster compaction](https://mentorship.lfx.linuxfoundation.org/project/11111111-2222-3333-4444-555555555555)
        - **Description**: Make compaction faster.
        - **Recommended Skills**: Go; Prometheus TSDB
        - **Mentors(s)**: Jane Doe (@jdoe), John Roe (@jroe, john@example.org)
        - **Upstraeam Issue**: <https://github.com/thanos-io/thanos/issues/1>
        """
    )
    [project] = projects
    assert project.id == "11111111-2222-3333-4444-555555555555"
    assert project.title == "Faster compaction" and project.organization == "Thanos"
    assert project.skills == ("Go", "Prometheus TSDB")
    assert project.mentors == (Mentor("Jane Doe", "jdoe"), Mentor("John Roe", "jroe", "john@example.org"))
    assert project.upstream_issues == ("https://github.com/thanos-io/thanos/issues/1",)
    assert not warnings


def test_labels_without_bullets_or_colons_and_yaml_blocks():
    projects, _ = parse(
        """
        ### Istio
        #### Multi-cluster tests
        CNCF - Istio: Multi-cluster tests (2031 Term 2)

        description: |
          Istio is a service mesh.
          We need tests.
        expectedOutcome:
          - Tests
        - Recommended Skills
          - Go
          - Kubernetes
        Mentors
          - A. Person (@aperson)
        - Apply: https://mentorship.lfx.linuxfoundation.org/project/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee
        """
    )
    [project] = projects
    assert project.term == "2031 Term 2"
    assert project.description == "Istio is a service mesh. We need tests."
    assert project.expected_outcome == "- Tests"
    assert project.skills == ("Go", "Kubernetes")
    assert project.mentors == (Mentor("A. Person", "aperson"),)
    assert project.id == "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"


def test_templates_samples_code_fences_and_sections_are_not_projects():
    projects, _ = parse(
        """
        # Term 2 - 2030
        ### Timeline
        | a | b |
        ### Template
        ```
        #### CNCF Project Name
        ##### Title
        - Description:
        ```
        ### Sample
        #### Prometheus (sample)
        ##### Refactor the API
        - Description: not real
        - Recommended Skills: golang
        #### Falco
        ##### Real project
        - Description: real one
        - Recommended Skills: C++
        """
    )
    assert [(project.organization, project.title, project.term) for project in projects] == [
        ("Falco", "Real project", "2030 Term 2")
    ]
    assert projects[0].id == "falco-real-project"


def test_projects_at_organisation_level_and_headingless_projects():
    projects, warnings = parse(
        """
        ### TiKV
        #### Coprocessor push down
        - Description: one
        ### Vela
        Vela is an app platform.
        #### Terraform remote HCL
        - Description: two
        - Mentor(s): X Y
        - Upstream Issue: https://github.com/o/r/issues/7
        - Description: three
        - Mentor(s): Z
        - Upstream Issue: https://github.com/o/r/issues/8
        """
    )
    assert [(project.organization, project.title) for project in projects] == [
        ("TiKV", "Coprocessor push down"),
        ("Vela", "Terraform remote HCL"),
        ("Vela", "Untitled Vela project (o/r#8)"),
    ]


def test_problems_are_warned_with_line_numbers_not_dropped():
    projects, warnings = parse(
        """
        ### Org
        #### Lonely heading
        #### Project without description
        - Recommended Skills: Go
        - Flavour: vanilla
        """
    )
    assert [project.title for project in projects] == ["Project without description"]
    assert projects[0].extra == {"Flavour": "vanilla"}
    messages = {(warning.line, warning.message.split(";")[0]) for warning in warnings}
    assert (3, "heading 'Lonely heading' has no project fields") in messages
    assert (6, "unknown label 'Flavour'") in messages
    assert any("has no description" in message for _, message in messages)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Golang, DNS, TLS", ("Golang", "DNS", "TLS")),
        ("Basic web development (HTML, Markdown), SEO", ("Basic web development (HTML, Markdown)", "SEO")),
        ("- Rust\n- Some C knowledge, preferred", ("Rust", "Some C knowledge, preferred")),
        ("Go, Kubernetes, and Git.", ("Go", "Kubernetes", "Git")),
        ("", ()),
    ],
)
def test_split_skills(text, expected):
    assert split_skills(text) == expected


def test_sub_project_headings_stay_under_their_cncf_project():
    projects, _ = parse(
        """
        ### Kubernetes
        #### SIG Node
        ##### node-readiness-controller
        ###### Readiness gates
        - Description: one
        #### Headlamp
        ##### Plugin for Agones
        - Description: two
        ### Prometheus
        #### Native histograms
        - Description: three
        #### Podman Container Tools
        ##### Netavark conntrack
        - Description: four
        """
    )
    assert [(p.organization, p.extra.get("Sub-project")) for p in projects] == [
        ("Kubernetes", "SIG Node / node-readiness-controller"),
        ("Kubernetes", "Headlamp"),
        ("Prometheus", None),
        ("Podman Container Tools", None),  # after Prometheus's own projects: a new organisation
    ]


def test_real_sub_projects(corpus_dir):
    path = corpus_dir / "lfx" / "2026-01.md"
    projects, _ = parse_markdown(path.read_text(encoding="utf-8"), str(path))
    headlamp = [p for p in projects if p.extra.get("Sub-project") == "Headlamp"]
    assert headlamp and all(p.organization == "Kubernetes" for p in headlamp)
