"""The Streamlit app, driven by streamlit.testing (real model, real catalogue, no fakes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample_applicants.csv"


@pytest.fixture
def app():
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()


def submit(app, skills=(), other="", interests="", orgs=()):
    app.multiselect[0].set_value(list(skills))
    app.text_input[0].set_value(other)
    app.text_area[0].set_value(interests)
    app.multiselect[1].set_value(list(orgs))
    app.button[0].click()
    return app.run()


def card_titles(app) -> list[str]:
    return [m.value.split(". ", 1)[1].replace("\\", "") for m in app.markdown if m.value.startswith("#### ")]


def test_form_submit_gives_ranked_cards_and_keeps_the_query_in_the_url(app):
    assert not app.exception
    submit(app, ["TypeScript", "React", "End-to-end testing"], other="Playwright")
    assert not app.exception
    titles = card_titles(app)
    assert titles[0] == "Implementing End-to-End Playwright Testing for KubeStellar UI"
    assert len(titles) == 8
    assert any("Fit " in progress.proto.text for progress in app.get("progress"))
    assert app.query_params["other"] in ("Playwright", ["Playwright"])
    assert app.query_params["skill"] == ["TypeScript", "React", "End-to-end testing"]
    assert app.get("download_button")


def test_filters_narrow_the_cards(app):
    submit(app, ["Go"], orgs=["Harbor"])
    titles = card_titles(app)
    assert titles and len(titles) == 4
    assert all("Harbor" in title for title in titles)


def test_empty_and_nonsense_input_get_a_friendly_message(app):
    submit(app, other="zzqx vvbn")
    assert not app.exception
    assert any("could not recognise" in warning.value for warning in app.warning)
    assert card_titles(app) == []


def test_markdown_in_catalogue_text_is_escaped(app):
    submit(app, ["Go", "Kubernetes"])
    for element in app.markdown:
        assert "<script" not in element.value.lower()
    assert all("unsafe_allow_html" not in line for line in (ROOT / "app.py").read_text().splitlines())


def test_coordinator_page_scores_an_upload(app):
    app.switch_page("app_pages/coordinators.py").run()
    uploader = [u for u in app.get("file_uploader") if u.proto.label == "Applicants file"][0]
    uploader.set_value(("applicants.csv", SAMPLE.read_bytes(), "text/csv"))
    app.run()
    assert [box.value for box in app.selectbox][:3] == ["Email", "What are your skills?", "Why this project?"]
    [button] = [b for b in app.button if b.label == "Score applicants"]
    button.click().run()
    assert not app.exception
    assert any("12 applicants read; 0 not scored" in s.value for s in app.success)
    assert len(app.dataframe) == 3  # per applicant, shortlists, assignment
    assert any("60 slots over 60 projects" in header.value for header in app.subheader)


def test_coordinator_page_takes_a_capacities_file(app):
    app.switch_page("app_pages/coordinators.py").run()
    uploaders = {u.proto.label.split(":")[0]: u for u in app.get("file_uploader")}
    uploaders["Applicants file"].set_value(("a.csv", SAMPLE.read_bytes(), "text/csv"))
    app.run()
    uploaders = {u.proto.label.split(":")[0]: u for u in app.get("file_uploader")}
    capacities = b"project,capacity\nHarbor CLI - System Settings and Configuration,2\n"
    uploaders["Optional"].set_value(("caps.csv", capacities, "text/csv"))
    app.number_input[1].set_value(0)
    app.number_input[2].set_value(0)  # no floor: any positive fit may be assigned
    app.run()
    [button] = [b for b in app.button if b.label == "Score applicants"]
    button.click().run()
    assert not app.exception
    assert any("2 slots over 1 projects" in header.value for header in app.subheader)
    assert any("2 assigned" in caption.value for caption in app.caption)


def test_coordinator_page_bad_upload_gives_a_message(app):
    app.switch_page("app_pages/coordinators.py").run()
    uploader = [u for u in app.get("file_uploader") if u.proto.label == "Applicants file"][0]
    uploader.set_value(("people.csv", b"Name,Email\nAnn,a@x.org\n", "text/csv"))
    app.run()
    assert not app.exception
    assert any("cannot tell which column holds skills" in error.value for error in app.error)


def test_catalogue_page_browses_filters_and_charts(app):
    app.switch_page("app_pages/catalogue.py").run()
    assert not app.exception
    assert any("60 of 60 projects" in caption.value for caption in app.caption)
    app.multiselect[0].set_value(["Karmada"]).run()
    assert any("4 of 60 projects" in caption.value for caption in app.caption)
    assert app.get("arrow_vega_lite_chart") or app.get("vega_lite_chart") or app.get("bar_chart")


def test_uploading_another_catalogue_and_a_wrong_file(app, corpus_dir):
    uploader = [u for u in app.get("file_uploader") if u.proto.label.startswith("Use another term")][0]
    uploader.set_value(("notes.md", b"# Just notes\n\nNothing here.\n", "text/markdown"))
    app.run()
    assert not app.exception
    assert any("could not be used" in error.value for error in app.sidebar.error)
    uploader = [u for u in app.get("file_uploader") if u.proto.label.startswith("Use another term")][0]
    uploader.set_value(("2024-03.md", (corpus_dir / "lfx" / "2024-03.md").read_bytes(), "text/markdown"))
    app.run()
    assert any("49 projects" in caption.value for caption in app.sidebar.caption)


def card_numbers(app) -> list[int]:
    return [int(m.value[5:].split(".", 1)[0]) for m in app.markdown if m.value.startswith("#### ")]


def test_one_ranked_list_numbered_without_gaps_and_stretch_as_a_badge(app):
    submit(app, ["Go", "Kubernetes"], interests="I want to learn eBPF")
    assert card_numbers(app) == list(range(1, 9))
    assert not any("Stretch projects" in header.value for header in app.subheader)
    assert any("How to read the fit" in caption.value for caption in app.caption)
    assert any(header.value == "What to learn next" for header in app.subheader)
    assert any("brings" in m.value and "-badge[" in m.value for m in app.markdown)


def test_what_we_understood_shows_the_reading_and_a_correction_reranks(app):
    submit(app, ["Go"], interests="I want to learn eBPF; never used Java")
    panel = {box.label: box for box in app.multiselect if box.label in ("You have", "You want to learn")}
    assert panel["You have"].value == ["Go"] and panel["You want to learn"].value == ["eBPF"]
    assert any("Java" in caption.value for caption in app.caption)  # avoided, shown
    assert any("you bring Go" in m.value for m in app.markdown)
    panel["You have"].set_value([]).run()
    assert not app.exception
    assert not any("you bring Go" in m.value for m in app.markdown)
    panel = {box.label: box for box in app.multiselect if box.label in ("You have", "You want to learn")}
    panel["You want to learn"].set_value(["eBPF", "Go"]).run()
    assert any("you want to learn" in m.value and "Go" in m.value for m in app.markdown)


def test_skills_named_as_someone_elses_are_shown_apart_and_never_claimed(app):
    submit(app, ["Go"], other="my team uses Kafka")
    assert any("someone else's" in caption.value and "Kafka" in caption.value for caption in app.caption)
    assert not any("you bring" in m.value and "Kafka" in m.value for m in app.markdown)


def test_cards_show_mentors_and_links_without_expanding(app):
    submit(app, ["Go", "Kubernetes"])
    assert any(m.value.startswith("**Mentors** ") and "](https://github.com/" in m.value for m in app.markdown)
    assert app.get("link_button")


def test_coordinator_results_stay_on_screen_after_a_rerun(app):
    app.switch_page("app_pages/coordinators.py").run()
    uploader = [u for u in app.get("file_uploader") if u.proto.label == "Applicants file"][0]
    uploader.set_value(("applicants.csv", SAMPLE.read_bytes(), "text/csv"))
    app.run()
    [button] = [b for b in app.button if b.label == "Score applicants"]
    button.click().run()
    assert len(app.dataframe) == 3
    app.run()  # what a download button does: a rerun without pressing "Score applicants"
    assert not app.exception
    assert len(app.dataframe) == 3
    assert any("12 applicants read" in s.value for s in app.success)


def test_coordinator_counts_rows_exactly_and_shortlists_above_the_floor(app):
    upload = (
        b"Email,What are your skills?,Why this project?\n"
        b"ann@example.org,Go and Kubernetes,operators\n"
        b"ann@example.org,Python,docs\n"
        b"bob@example.org,,\n"
    )
    app.switch_page("app_pages/coordinators.py").run()
    uploader = [u for u in app.get("file_uploader") if u.proto.label == "Applicants file"][0]
    uploader.set_value(("applicants.csv", upload, "text/csv"))
    app.run()
    [button] = [b for b in app.button if b.label == "Score applicants"]
    button.click().run()
    assert not app.exception
    assert any("3 applicants read; 1 not scored" in s.value for s in app.success)
    scores, shortlists, _ = (frame.value for frame in app.dataframe)
    assert list(scores.columns[:3]) == ["applicant_id", "row", "status"]
    assert "not scored: empty: no skills or interests" in set(scores["status"])
    assert list(shortlists.columns[:2]) == ["applicant_id", "row"]
    assert (shortlists["score"] >= 32).all() and "bob@example.org" not in set(shortlists["applicant_id"])
    assert {"lfx_url", "mentors"} <= set(scores.columns)


def test_catalogue_search_goes_by_meaning_and_the_chart_follows_the_filters(app):
    app.switch_page("app_pages/catalogue.py").run()
    app.text_input[0].set_value("game server").run()
    assert not app.exception
    titles = list(app.dataframe[0].value["title"])
    assert "Enhance Robustness and Usability of Kruise-Game" in titles  # a substring search found nothing
    assert any("match the search" in caption.value for caption in app.caption)
    app.text_input[0].set_value("").run()
    app.multiselect[0].set_value(["Karmada"]).run()
    assert any("4 of 60 projects" in caption.value for caption in app.caption)
    chart = (app.get("arrow_vega_lite_chart") or app.get("vega_lite_chart"))[0]
    assert "Karmada" in str(chart.proto) or "Lua" in str(chart.proto)  # counts of Karmada's skills only


def stars(app):
    return [box for box in app.checkbox if box.label.startswith("★")]


def test_a_shortlist_of_three_with_a_checklist_kept_in_the_link(app):
    submit(app, ["Go", "Kubernetes"], orgs=["Karmada"])
    for position in range(3):
        stars(app)[position].check().run()
    assert not app.exception
    assert any(header.value == "Your shortlist (3 of 3)" for header in app.subheader)
    assert stars(app)[3].disabled  # LFX takes three applications
    assert any("All your starred projects are in Karmada" in info.value for info in app.info)
    labels = [button.proto.label for button in app.get("download_button")]
    assert "Download the checklist (CSV)" in labels and "Download the checklist (Markdown)" in labels
    assert len(app.query_params["star"]) == 3
    stars(app)[0].uncheck().run()
    assert any(header.value == "Your shortlist (2 of 3)" for header in app.subheader)


def test_the_link_keeps_filters_and_leaves_long_text_out(app):
    app.selectbox[0].set_value("Go")
    submit(app, ["Kubernetes"], interests="I want to contribute to open source. " * 60)
    assert not app.exception
    assert app.query_params["lang"] in ("Go", ["Go"])
    assert "interests" not in app.query_params
    assert any("not kept in the page's link" in caption.value for caption in app.caption)


def test_each_page_has_its_own_path_and_old_links_still_land():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    app.query_params["page"] = "Catalogue"  # a link shared before the pages had their own paths
    app.run()
    assert not app.exception
    assert [title.value for title in app.title] == ["Browse the catalogue"]


def test_an_uploaded_catalogue_goes_with_every_page_and_its_urls_stay_plain_text(app, corpus_dir):
    uploader = [u for u in app.get("file_uploader") if u.proto.label.startswith("Use another term")][0]
    export = (corpus_dir / "lfx-export" / "2026-03.json").read_bytes()
    uploader.set_value(("lfx-export.json", export, "application/json"))
    app.run()
    assert any("59 projects" in caption.value for caption in app.sidebar.caption)
    submit(app, ["TypeScript", "React"], interests="tracing UI, OpenTelemetry")
    assert not app.exception
    assert any("CNCF graduated" in caption.value for caption in app.caption)  # maturity, from the export
    assert any(m.value.startswith("**To apply** ") for m in app.markdown)  # prerequisites, from the export
    for element in app.markdown:
        if not element.value.startswith("**Mentors** "):
            assert "https://" not in element.value and "http://" not in element.value  # no live links in text
    assert any("https\\://" in m.value for m in app.markdown)  # the prerequisites' URLs, shown as text
    app.switch_page("app_pages/catalogue.py").run()
    assert any("of 59 projects" in caption.value for caption in app.caption)
