"""matcher web app: find your mentorship project, score applicants, browse the catalogue.

Thin by design: every computation comes from the ``matcher`` library. The model and each
catalogue's index are loaded once per server (``st.cache_resource``). No HTML from users
or catalogues is ever rendered: text is shown escaped.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from matcher.applicants import Columns, detect_columns, read_applicants
from matcher.assignment import AssignmentRow, PreferenceMode, read_capacities
from matcher.batch import ScoreRow, ShortlistRow, recommendation_rows
from matcher.catalogue import load_catalogue, read_catalogue
from matcher.checklist import MAX_APPLICATIONS, ChecklistRow, checklist_markdown, checklist_rows, one_organisation
from matcher.coordinator import CoordinatorOptions, CoordinatorReport, run_coordinator
from matcher.embedding import ENTRY_POINT_ENVIRONMENT, SentenceEncoder
from matcher.errors import MatcherError
from matcher.explain import Explanation, fit_label
from matcher.next_skills import what_to_learn_next
from matcher.profile import Profile
from matcher.query import Query
from matcher.recommender import Recommendation, Recommender
from matcher.records import Mentor, Project
from matcher.tables import csv_text, read_table, record_cells, record_columns

for _name, _value in ENTRY_POINT_ENVIRONMENT.items():  # this app's entry point: set before the model loads
    os.environ.setdefault(_name, _value)

PAGES = ("Find your project", "Coordinators", "Catalogue")
DEFAULT_CATALOGUE = "LFX Mentorship 2025 Term 3 (default)"

st.set_page_config(page_title="matcher: find your mentorship project", page_icon="🧭", layout="wide")


# --------------------------------------------------------------------------- cached resources


@st.cache_resource(show_spinner="Loading the language model…")
def get_encoder() -> SentenceEncoder:
    encoder = SentenceEncoder()
    _ = encoder.model  # load once per server (an assignment: Streamlit would display a bare expression)
    return encoder


@st.cache_resource(show_spinner="Indexing the catalogue…", max_entries=8)
def get_recommender(name: str, data: bytes | None) -> Recommender:
    """A recommender per catalogue (the default one, or an upload keyed by its bytes)."""
    catalogue = load_catalogue() if data is None else read_catalogue(data, name)
    recommender = Recommender(catalogue, encoder=get_encoder())
    _ = recommender.index  # build once per catalogue
    return recommender


def escape(text: str) -> str:
    """Plain text for st.markdown: markdown syntax shown literally (no links, images, HTML)."""
    return re.sub(r"([\\`*_{}\[\]()<>#+\-.!|~$:])", r"\\\1", text)


def table(record_type: type, records) -> pd.DataFrame:
    """Output records as a table for display, columns in their CSV order.

    Columns mixing numbers and blanks (a row number, empty for an unfilled project) are shown as
    text, so the table's Arrow conversion never fails.
    """
    frame = pd.DataFrame([record_cells(record) for record in records], columns=list(record_columns(record_type)))
    mixed = [name for name in frame.columns if frame[name].dtype == object]
    return frame.astype({name: "string" for name in mixed})


# --------------------------------------------------------------------------- pages


def catalogue_choice() -> Recommender:
    st.sidebar.subheader("Catalogue")
    upload = st.sidebar.file_uploader(
        "Use another term (markdown, lfx-export.json, or a JSON/CSV export)",
        type=["md", "markdown", "json", "csv"],
        key="catalogue",
    )
    if upload is None:
        recommender = get_recommender(DEFAULT_CATALOGUE, None)
    else:
        try:
            recommender = get_recommender(upload.name, upload.getvalue())
        except MatcherError as error:
            st.sidebar.error(f"This catalogue could not be used: {error}")
            recommender = get_recommender(DEFAULT_CATALOGUE, None)
    catalogue = recommender.catalogue
    st.sidebar.caption(f"{len(catalogue)} projects under {len(catalogue.organizations)} CNCF projects")
    return recommender


def find_your_project(recommender: Recommender) -> None:
    st.title("Find your mentorship project")
    st.write("Tell us what you know and what you would like to work on; we rank every project and say why.")
    params = st.query_params
    vocabulary = recommender.vocabulary
    chosen = [name for name in params.get_all("skill") if name in vocabulary.skills]
    organizations = list(recommender.catalogue.organizations)
    languages = sorted(name for name, skill in vocabulary.skills.items() if skill.category == "language")
    with st.form("profile"):
        picked = st.multiselect("Your skills", vocabulary.names, default=chosen, placeholder="Pick from the list…")
        other = st.text_input("Other skills, in your own words", value=params.get("other", ""))
        interests = st.text_area(
            "What would you like to work on?",
            value=params.get("interests", ""),
            placeholder="e.g. I want to write Kubernetes controllers, or improve documentation",
        )
        left, middle, right = st.columns(3)
        org_filter = left.multiselect(
            "Only these CNCF projects", organizations, default=[o for o in params.get_all("org") if o in organizations]
        )
        language_options = ["any language", *languages]
        language = middle.selectbox(
            "Only projects using",
            language_options,
            index=language_options.index(params["lang"]) if params.get("lang") in language_options else 0,
        )
        top = right.slider(
            "How many results", 3, 20, int(params.get("top", 8)) if params.get("top", "").isdigit() else 8
        )
        left, right = st.columns(2)
        maturities = left.multiselect(
            "Only CNCF maturity", MATURITIES, default=[m for m in params.get_all("maturity") if m in MATURITIES]
        )
        order = right.selectbox(
            "Sort by", SORTS, index=SORTS.index(params["sort"]) if params.get("sort") in SORTS else 0
        )
        submitted = st.form_submit_button("Find projects", type="primary")
    skills_text = ", ".join([*picked, other] if other else picked)
    if not (submitted or skills_text or interests):
        return
    languages = [] if language == "any language" else [language]
    starred = starred_projects(recommender)
    keep_in_link(picked, other, interests, org_filter, language, maturities, order, top, starred)
    try:
        profile = understood(recommender.profile(skills_text, interests), recommender)
        everything = recommender.recommend_profile(
            profile, Query.of(top=None, organizations=org_filter, languages=languages)
        )
    except MatcherError as error:
        st.warning(str(error))
        return
    results = [r for r in everything if not maturities or r.project.maturity in maturities][:top]
    if not results:
        st.info("No project matches these filters; try removing one.")
        return
    st.subheader(f"Your matches ({len(results)}), numbered best first")
    st.caption(FIT_HELP)
    for result in sort_results(results, order):
        project_card(result, starred)
    shortlist_section(recommender, profile, starred)
    learn_next(recommender, profile, Query.of(top=10, organizations=org_filter, languages=languages))
    st.download_button(
        "Download these results (CSV)",
        csv_text(ScoreRow, recommendation_rows("you", 1, results)),
        "matcher-results.csv",
        "text/csv",
    )


MATURITIES = ["graduated", "incubating", "sandbox"]
SORTS = ["fit", "organisation", "maturity"]
#: Free text longer than this stays out of the shareable link, which must stay under ~8 KB.
MAX_TEXT_IN_LINK = 1500


def keep_in_link(
    picked: list[str],
    other: str,
    interests: str,
    organizations: list[str],
    language: str,
    maturities: list[str],
    order: str,
    top: int,
    starred: list[str],
) -> None:
    """Put the query in the page's link so it can be shared and reloaded; long free text is left out, with a note."""
    params: dict[str, str | list[str]] = {"page": PAGES[0], "skill": picked, "org": organizations, "top": str(top)}
    params |= {"maturity": maturities, "star": starred}
    if language != "any language":
        params["lang"] = language
    if order != SORTS[0]:
        params["sort"] = order
    if len(other) + len(interests) <= MAX_TEXT_IN_LINK:
        params |= {"other": other, "interests": interests}
    else:
        st.caption(
            f"Your text is longer than {MAX_TEXT_IN_LINK:,} characters, so it is not kept in the page's link "
            "(the link keeps your picked skills, filters and shortlist)."
        )
    st.query_params.from_dict(params)


def sort_results(results: list[Recommendation], order: str) -> list[Recommendation]:
    """The results in the order asked for; each keeps its fit rank as its number."""
    if order == "organisation":
        return sorted(results, key=lambda result: (result.project.organization.lower(), result.match.rank))
    if order == "maturity":
        known = {name: position for position, name in enumerate(MATURITIES)}
        return sorted(results, key=lambda result: (known.get(result.project.maturity or "", 9), result.match.rank))
    return results


def starred_projects(recommender: Recommender) -> list[str]:
    """The ids the mentee starred (at most three), kept for the session and first read from the link."""
    if "starred" not in st.session_state:
        known = {project.id for project in recommender.catalogue}
        st.session_state["starred"] = [pid for pid in st.query_params.get_all("star") if pid in known][
            :MAX_APPLICATIONS
        ]
    return st.session_state["starred"]


def toggle_star(project_id: str) -> None:
    starred = st.session_state["starred"]
    if project_id in starred:
        starred.remove(project_id)
    elif len(starred) < MAX_APPLICATIONS:
        starred.append(project_id)


def shortlist_section(recommender: Recommender, profile: Profile, starred: list[str]) -> None:
    """The starred projects side by side, with the application checklist to download."""
    st.subheader(f"Your shortlist ({len(starred)} of {MAX_APPLICATIONS})")
    if not starred:
        st.caption(f"LFX takes at most {MAX_APPLICATIONS} applications per term: star up to three projects above.")
        return
    by_id = {result.project.id: result for result in recommender.recommend_profile(profile, Query.of(top=None))}
    shortlist = [by_id[project_id] for project_id in starred if project_id in by_id]
    organization = one_organisation(shortlist)
    if organization:
        st.info(f"All your starred projects are in {escape(organization)}: spreading them may raise your chances.")
    for column, result in zip(st.columns(len(shortlist)), shortlist, strict=True):
        with column.container(border=True):
            project, explanation = result.project, result.explanation
            st.markdown(f"**{escape(project.title)}**")
            st.caption(f"{escape(project.organization)} · fit {result.match.score:.0f}/100")
            st.markdown("**Why it is starred** " + escape(explanation.summary))
            chips(explanation)
            st.markdown("**To apply** " + escape("; ".join(project.prerequisites) or "see the LFX page"))
            if project.mentors:
                st.markdown("**Mentors** " + ", ".join(mentor_link(mentor) for mentor in project.mentors))
            if project.lfx_url and project.lfx_url.startswith("https://"):
                st.link_button("LFX page", project.lfx_url)
    left, right = st.columns(2)
    left.download_button(
        "Download the checklist (CSV)", csv_text(ChecklistRow, checklist_rows(shortlist)), "checklist.csv", "text/csv"
    )
    right.download_button(
        "Download the checklist (Markdown)", checklist_markdown(shortlist), "checklist.md", "text/markdown"
    )


FIT_HELP = (
    "How to read the fit: 0–100, the grade independent graders would likely give, over 3 "
    "(65+ strong: a good match; 48+ good; 32+ possible, often a stretch; below: weak). "
    "A stretch fits except for one or two skills you would learn."
)


def learn_next(recommender: Recommender, profile: Profile, query: Query) -> None:
    """The skills that, once learned, would bring the most projects into the mentee's top 10."""
    steps = what_to_learn_next(recommender, profile, query)
    if not steps:
        return
    st.subheader("What to learn next")
    st.caption("Each skill below, once learned, would bring these projects into your top 10 (measured by re-ranking).")
    for step in steps:
        titles = "; ".join(escape(f"{project.title} ({project.organization})") for project in step.unlocked)
        st.markdown(f":blue-badge[{escape(step.skill)}] brings {len(step.unlocked)} in: {titles}")


def understood(profile: Profile, recommender: Recommender) -> Profile:
    """The "What we understood" panel: the reading of the mentee's words, which they can correct.

    Removing a skill, moving it between "have" and "want", or adding one re-ranks at once.
    """
    reading, vocabulary = profile.reading, recommender.vocabulary
    key = hashlib.sha256(f"{profile.skills_text}\n{profile.interests_text}".encode()).hexdigest()[:16]
    with st.container(border=True):
        st.markdown("**What we understood** (correct it if we got it wrong: the ranking follows)")
        left, right = st.columns(2)
        have = left.multiselect("You have", vocabulary.names, default=list(reading.have), key=f"have-{key}")
        want = right.multiselect("You want to learn", vocabulary.names, default=list(reading.want), key=f"want-{key}")
        if reading.avoid:
            st.caption("You have not used or would avoid: " + ", ".join(escape(name) for name in reading.avoid))
        if reading.level:
            cues = ", ".join(escape(item.words) for item in reading.levels)
            st.caption(f"Level: {reading.level} (from: {cues})")
        if reading.unrecognised:
            words = ", ".join(escape(item.words) for item in reading.unrecognised)
            st.caption(f"Not recognised (still matched by their words): {words}")
    for skill in [*reading.have, *reading.want]:
        if skill not in have and skill not in want:
            profile = profile.corrected(skill, None, vocabulary)
    for role, chosen, read in (("have", have, reading.have), ("want", want, reading.want)):
        for skill in chosen:
            if skill not in read:
                profile = profile.corrected(skill, role, vocabulary)
    return profile


def project_card(result: Recommendation, starred: list[str]) -> None:
    project, match, explanation = result.project, result.match, result.explanation
    with st.container(border=True):
        st.markdown(f"#### {match.rank}. {escape(project.title)}")
        is_starred = project.id in starred
        st.checkbox(
            "★ Shortlist this project" if not is_starred else "★ On your shortlist",
            value=is_starred,
            key=f"star-{project.id}",
            disabled=not is_starred and len(starred) >= MAX_APPLICATIONS,
            on_change=toggle_star,
            args=(project.id,),
        )
        facts = [project.organization, project.maturity and f"CNCF {project.maturity}", project.term]
        st.caption(" · ".join(escape(fact) for fact in facts if fact))
        badge = " :violet-badge[Stretch: one or two skills to learn]" if explanation.stretch else ""
        st.markdown(f"**{fit_label(match.score)}**{badge}")
        st.progress(min(1.0, match.score / 100), text=f"Fit {match.score:.0f}/100")
        st.markdown(escape(explanation.summary))
        chips(explanation)
        for sentence in explanation.evidence:
            st.markdown(f"> {escape(sentence)}")
        if project.mentors:
            st.markdown("**Mentors** " + ", ".join(mentor_link(mentor) for mentor in project.mentors))
        if project.prerequisites:
            st.markdown("**To apply** " + "; ".join(escape(item) for item in project.prerequisites))
        links = [("LFX page", project.lfx_url)] + [
            (f"Upstream issue {number}", url) for number, url in enumerate(project.upstream_issues, start=1)
        ]
        buttons = [(label, url) for label, url in links if url and url.startswith(("https://", "http://"))]
        for column, (label, url) in zip(st.columns(max(1, len(buttons))), buttons, strict=False):
            column.link_button(label, url)
        with st.expander("Score breakdown"):
            parts = match.components
            st.write(
                f"Meaning {parts['semantic']:.0f} · words {parts['lexical']:.0f} · skills {parts['skills']:.0f} · "
                f"your wishes {parts['wants']:.0f} (each 0–100)"
            )


def chips(explanation: Explanation) -> None:
    """What the mentee brings, wants to learn and would learn, as coloured badges."""
    rows = (
        ("You bring", "green", [item.skill for item in explanation.matched_skills]),
        ("You want to learn, and this project uses", "blue", [item.skill for item in explanation.learning_goals]),
        ("To learn", "orange", list(explanation.missing_skills)),
    )
    for label, colour, names in rows:
        if names:
            st.markdown(f"**{label}** " + " ".join(f":{colour}-badge[{escape(name)}]" for name in names))


def mentor_link(mentor: Mentor) -> str:
    """A mentor's name, with their GitHub handle as a link when it is a valid handle."""
    name = escape(mentor.name or "")
    handle = mentor.github or ""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}", handle):
        link = f"[@{escape(handle)}](https://github.com/{handle})"
        return f"{name} ({link})" if name else link
    return name or escape(mentor.email or "")


def coordinators(recommender: Recommender) -> None:
    st.title("Score applicants")
    st.write(
        "Upload the applications export (CSV or XLSX). Every row comes back, scored or with the reason it was not."
    )
    upload = st.file_uploader("Applicants file", type=["csv", "xlsx", "tsv", "txt"], key="applicants")
    if upload is None:
        st.caption("Columns are detected from common headers (Name, Email, Skills, Why this project?…).")
        return
    data = upload.getvalue()
    try:
        header = read_table(data, upload.name).header
        detected = detect_columns(header, None, upload.name)
    except MatcherError as error:
        st.error(f"This file could not be used: {error}")
        return
    columns = confirm_columns(list(header), detected)
    left, middle, right = st.columns(3)
    top = left.number_input("Projects per applicant", 1, 20, 5)
    capacity = middle.number_input("Mentee slots per project", 0, 20, 1)
    floor = right.number_input(
        "Floor: least fit to shortlist or assign (0–100)",
        0,
        100,
        32,
        help="32 is where a 'possible fit' starts; applicants below it are neither shortlisted nor assigned",
    )
    capacities_file = st.file_uploader(
        "Optional: slots per project (CSV with columns project, capacity)", type=["csv"], key="capacities"
    )
    mode = st.radio(
        "Applicants' preferred projects",
        ["bonus", "restrict", "ignore"],
        horizontal=True,
        help="bonus: +10 points for a preferred project; restrict: only preferred projects",
    )
    key = hashlib.sha256(
        b"\0".join(
            [
                data,
                capacities_file.getvalue() if capacities_file else b"",
                repr((columns, top, capacity, floor, mode, recommender.catalogue.sources)).encode(),
            ]
        )
    ).hexdigest()
    kept = st.session_state.get("coordinator")
    pressed = st.button("Score applicants", type="primary")
    if not pressed and kept and kept[0] == key:  # a download or any other rerun keeps the results on screen
        show_report(*kept[1:], recommender.catalogue.projects)
        return
    if not pressed:
        return
    try:
        capacities = [int(capacity)] * len(recommender.catalogue)
        if capacities_file is not None:
            capacities = read_capacities(
                capacities_file.getvalue(), recommender.catalogue.projects, int(capacity), capacities_file.name
            )
        _, rows = read_applicants(data, columns, upload.name)
        status = st.empty()
        options = CoordinatorOptions(
            top=int(top), capacities=tuple(capacities), preferences=PreferenceMode(mode), min_score=float(floor)
        )
        report = run_coordinator(
            recommender, rows, options, progress=lambda done: status.caption(f"{done} applicants scored…")
        )
    except MatcherError as error:
        st.error(str(error))
        return
    st.session_state["coordinator"] = (key, report, capacities)
    show_report(report, capacities, recommender.catalogue.projects)


def confirm_columns(header: list[str], detected: Columns) -> Columns:
    st.subheader("Columns")
    options = ["(none)", *header]

    def pick(label: str, value: str | None, column) -> str | None:
        chosen = column.selectbox(label, options, index=options.index(value) if value in options else 0)
        return None if chosen == "(none)" else chosen

    cells = st.columns(4)
    return Columns(
        pick("Applicant id", detected.id, cells[0]),
        pick("Skills", detected.skills, cells[1]),
        pick("Interests", detected.interests, cells[2]),
        pick("Preferred projects", detected.preferences, cells[3]),
    )


def show_report(report: CoordinatorReport, capacities: list[int], projects: Sequence[Project]) -> None:
    st.success(f"{report.applicants} applicants read; {report.not_scored} not scored (see the status column).")
    if any(report.applicants_per_project):
        counts = pd.Series(
            report.applicants_per_project, index=[f"{p.title[:60]} ({p.organization})" for p in projects]
        )
        counts = counts[counts > 0].sort_values(ascending=False).head(20)
        st.subheader("Where the applicants pile up (at or above the floor)")
        horizontal_bars(counts.rename_axis("project").reset_index(name="applicants"), "project", "applicants")
    st.subheader("Best projects per applicant")
    st.dataframe(table(ScoreRow, report.score_rows), hide_index=True)
    st.download_button("Download (CSV)", csv_text(ScoreRow, report.score_rows), "scored.csv", "text/csv")
    st.subheader("Shortlists: each project's best applicants")
    st.dataframe(table(ShortlistRow, report.shortlist_rows), hide_index=True)
    st.download_button(
        "Download shortlists (CSV)", csv_text(ShortlistRow, report.shortlist_rows), "shortlists.csv", "text/csv"
    )
    assignment = report.assignment
    if assignment is None:
        return
    st.subheader(f"Optimal assignment ({sum(capacities)} slots over {sum(c > 0 for c in capacities)} projects)")
    st.caption(assignment.summary)
    st.dataframe(table(AssignmentRow, assignment.rows), hide_index=True)
    st.download_button(
        "Download assignment (CSV)", csv_text(AssignmentRow, assignment.rows), "assignment.csv", "text/csv"
    )


def horizontal_bars(frame: pd.DataFrame, category: str, count: str) -> None:
    """Bars sorted by count, largest first; each axis titled by its own column (categories down, counts across)."""
    st.bar_chart(frame, x=category, y=count, horizontal=True, sort=f"-{count}")


def catalogue_page(recommender: Recommender) -> None:
    st.title("Browse the catalogue")
    catalogue, index = recommender.catalogue, recommender.index
    left, middle, right = st.columns([2, 1, 1])
    query = left.text_input("Search by meaning and words", placeholder="e.g. game server, documentation, eBPF")
    organizations = middle.multiselect("CNCF project", list(catalogue.organizations))
    skill = right.selectbox("Uses skill", ["any", *recommender.vocabulary.names])
    hits = recommender.search(query) if query.strip() else None
    order = (
        [(hit.position, hit.relevance) for hit in hits]
        if hits is not None
        else [(i, None) for i in range(len(catalogue))]
    )
    shown = [
        (position, relevance)
        for position, relevance in order
        if (not organizations or catalogue[position].organization in organizations)
        and (skill == "any" or skill in index.skills[position].all)
    ]
    rows = [
        {
            **({"relevance": round(relevance, 2)} if relevance is not None else {}),
            "CNCF project": catalogue[position].organization,
            "title": catalogue[position].title,
            "maturity": catalogue[position].maturity or "",
            "recommended skills": ", ".join(catalogue[position].skills),
            "mentors": ", ".join(mentor.display() for mentor in catalogue[position].mentors),
            "term": catalogue[position].term,
            "LFX page": catalogue[position].lfx_url,
        }
        for position, relevance in shown
    ]
    st.caption(f"{len(rows)} of {len(catalogue)} projects" + (" match the search" if hits is not None else ""))
    st.dataframe(
        pd.DataFrame(rows), hide_index=True, column_config={"LFX page": st.column_config.LinkColumn("LFX page")}
    )
    requested = pd.Series([name for position, _ in shown for name in index.skills[position].required])
    if requested.empty:
        return
    counts = requested.value_counts().head(20).rename_axis("skill").reset_index(name="projects asking for it")
    st.subheader("Most requested skills in these projects")
    horizontal_bars(counts, "skill", "projects asking for it")


def main() -> None:
    requested = st.query_params.get("page", PAGES[0])
    page = st.sidebar.radio("Page", PAGES, index=PAGES.index(requested) if requested in PAGES else 0)
    st.query_params["page"] = page
    try:
        recommender = catalogue_choice()
    except MatcherError as error:
        st.error(str(error))
        return
    if page == PAGES[0]:
        find_your_project(recommender)
    elif page == PAGES[1]:
        coordinators(recommender)
    else:
        catalogue_page(recommender)
    st.sidebar.caption(f"Model: {recommender.encoder.model_id}")


main()
