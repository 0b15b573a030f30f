"""Whole catalogues: several files merged, JSON/CSV export loaded back, clear errors."""

from __future__ import annotations

import json

import pytest

from matcher.catalogue import catalogue_to_csv, catalogue_to_json, load_catalogue, read_catalogue
from matcher.errors import CatalogueError
from matcher.records import PROJECT_FIELDS
from matcher.resources import DEFAULT_CATALOGUE, default_catalogue_text


def test_json_export_has_exactly_the_documented_fields():
    data = json.loads(catalogue_to_json(load_catalogue()))
    assert len(data) == 60
    assert all(tuple(item) == PROJECT_FIELDS for item in data)


@pytest.mark.parametrize(("suffix", "writer"), [(".json", catalogue_to_json), (".csv", catalogue_to_csv)])
def test_export_loads_back_identically_and_hand_fixes_stick(tmp_path, suffix, writer):
    original = load_catalogue()
    path = tmp_path / f"catalogue{suffix}"
    path.write_text(writer(original), encoding="utf-8")
    assert load_catalogue(path).projects == original.projects
    fixed = path.read_text(encoding="utf-8").replace("Podman Container Tools", "Podman")
    path.write_text(fixed, encoding="utf-8")
    assert "Podman" in load_catalogue(path).organizations


@pytest.fixture
def default_copy(tmp_path):
    """The shipped default catalogue as a file of its own."""
    path = tmp_path / DEFAULT_CATALOGUE
    path.write_text(default_catalogue_text(), encoding="utf-8")
    return path


def test_several_files_merge_and_keep_their_terms(default_copy, corpus_dir):
    catalogue = load_catalogue([corpus_dir / "lfx" / "2024-03.md", default_copy])
    assert len(catalogue) == 49 + 60
    assert {project.term for project in catalogue} == {"2024 Term 3", "2025 Term 3"}


def test_folder_is_read_recursively(corpus_dir):
    catalogue = load_catalogue(corpus_dir / "lfx")
    assert len(catalogue) > 800
    assert len({project.id for project in catalogue}) == len(catalogue)


def test_an_upload_is_read_from_its_bytes_with_its_name():
    catalogue = read_catalogue(default_catalogue_text().encode("utf-16"), "term.md")
    assert len(catalogue) == 60 and catalogue.sources == ("term.md",)
    assert read_catalogue(catalogue_to_json(catalogue), "term.json").projects == catalogue.projects
    with pytest.raises(CatalogueError, match="upload.csv: missing column"):
        read_catalogue(b"a,b\n1,2\n", "upload.csv")


def test_duplicate_ids_are_renamed_not_dropped(default_copy):
    catalogue = load_catalogue([default_copy, default_copy])
    assert len(catalogue) == 120
    assert len({project.id for project in catalogue}) == 120
    assert any("duplicate id" in warning.message for warning in catalogue.warnings)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.md", None, "no such file"),
        ("empty.md", "", "no project found"),
        ("prose.md", "# Hello\n\nJust some text.\n", "no project found"),
        ("bad.json", '[{"id": "x"', "line 1, column"),
        ("bad.csv", "name,skills\nx,y\n", "missing column(s) id, title, organization"),
        ("binary.md", b"\x89PNG\x00\x00\xff\xfe\x00", "not a text file"),
    ],
)
def test_bad_catalogues_give_one_clear_message(tmp_path, name, content, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"\S") as error:
        load_catalogue(path)
    assert message in str(error.value)
    assert name in str(error.value)
