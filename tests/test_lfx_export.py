"""The LFX export (``lfx-export.json``) as a catalogue format: detected, read, and equal to the term's markdown."""

from __future__ import annotations

import json

import pytest

from matcher.catalogue import catalogue_to_csv, catalogue_to_json, load_catalogue, read_catalogue
from matcher.errors import CatalogueError
from matcher.records import Mentor

PROGRAM = {
    "cncf_project": "Jaeger",
    "cncf_project_maturity": "Graduated",
    "term": "2026 Term 3 (Sep-Nov)",
    "program_name_short": "Native OTLP trace loading",
    "description": "## Description\n\nLoad traces over `/api/v3/`.\n\n## Expected outcomes\n\n1. Traces load natively.",
    "technologies": "TypeScript, React",
    "skills": "TypeScript, React (hooks, state), basic Go",
    "mentors": [
        {"name": "Yuri Shkuro", "github_handle": "yurishkuro", "email": "y@example.org", "role": "primary"},
        {"name": "Zicong Chen(Jesse Stutler)", "github_handle": "@JesseStutler"},
    ],
    "upstream_issue_url": "https://github.com/jaegertracing/jaeger-ui/issues/4278",
    "lfx_url": "https://mentorship.lfx.linuxfoundation.org/project/36d66a45-bf3f-4bd2-8032-438436557e11",
    "prerequisites": {
        "resume": True,
        "cover_letter": False,
        "coding_challenge": True,
        "coding_challenge_url": "https://example.org/challenge",
        "custom": {"name": "Project Proposal", "description": "A one-page plan."},
        "standard_courses": [{"name": "Inclusive Community", "description": "LFC102"}],
    },
}


def export(*programs: dict) -> bytes:
    return json.dumps({"_term": "2026 Term 3", "programs": list(programs)}).encode()


def test_an_lfx_export_is_detected_and_read_with_its_extra_fields():
    catalogue = read_catalogue(export(PROGRAM), "lfx-export.json")
    (project,) = catalogue.projects
    assert project.id == "36d66a45-bf3f-4bd2-8032-438436557e11"
    assert (project.title, project.organization, project.term) == ("Native OTLP trace loading", "Jaeger", "2026 Term 3")
    assert project.description == "Load traces over `/api/v3/`."
    assert project.expected_outcome == "1. Traces load natively."
    assert project.skills == ("TypeScript", "React (hooks, state)", "basic Go")
    assert project.technologies == ("TypeScript", "React")
    assert project.mentors == (
        Mentor("Yuri Shkuro", "yurishkuro", "y@example.org"),
        Mentor("Zicong Chen (Jesse Stutler)", "JesseStutler", None),
    )
    assert project.upstream_issues == ("https://github.com/jaegertracing/jaeger-ui/issues/4278",)
    assert project.maturity == "graduated"
    assert project.prerequisites == (
        "Résumé",
        "Coding challenge: https://example.org/challenge",
        "Project Proposal: A one-page plan.",
        "Course: Inclusive Community",
    )


def test_the_extra_fields_survive_the_json_and_csv_exports(tmp_path):
    catalogue = read_catalogue(export(PROGRAM), "lfx-export.json")
    for name, text in (("again.json", catalogue_to_json(catalogue)), ("again.csv", catalogue_to_csv(catalogue))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert load_catalogue([path]).projects == catalogue.projects, name


def test_a_program_without_a_title_is_an_error_naming_it():
    broken = {**PROGRAM, "program_name_short": ""}
    with pytest.raises(CatalogueError, match=r"lfx-export.json: programs\[2\]: missing required field"):
        read_catalogue(export(PROGRAM, broken), "lfx-export.json")
    with pytest.raises(CatalogueError, match="an LFX export"):
        read_catalogue(b'{"projects": []}', "other.json")


def test_a_term_gives_the_same_projects_from_its_markdown_and_its_export(corpus_dir):
    markdown = load_catalogue([corpus_dir / "lfx" / "2026-03.md"])
    exported = load_catalogue([corpus_dir / "lfx-export" / "2026-03.json"])
    assert len(exported) == len(markdown) == 59
    by_id = {project.id: project for project in exported}
    assert set(by_id) == {project.id for project in markdown}
    for project in markdown:
        twin = by_id[project.id]
        for name in (
            "title",
            "organization",
            "term",
            "mentors",
            "lfx_url",
            "upstream_issues",
            "skills",
            "technologies",
        ):
            assert getattr(twin, name) == getattr(project, name), (project.title, name)
    assert all(project.maturity in ("graduated", "incubating", "sandbox") for project in exported)
    assert sum(bool(project.prerequisites) for project in exported) > 40
