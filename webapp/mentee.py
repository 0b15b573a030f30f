"""The mentee's page: find your project, correct what we understood, shortlist three, learn next."""

from __future__ import annotations

import hashlib
import re

import streamlit as st

from matcher.batch import ScoreRow, recommendation_rows
from matcher.checklist import MAX_APPLICATIONS, ChecklistRow, checklist_markdown, checklist_rows, one_organisation
from matcher.errors import MatcherError
from matcher.explain import Explanation, fit_label
from matcher.next_skills import what_to_learn_next
from matcher.profile import Profile
from matcher.query import Query
from matcher.recommender import Recommendation, Recommender
from matcher.records import Mentor
from matcher.tables import csv_text
from webapp.common import escape

MATURITIES = ["graduated", "incubating", "sandbox"]
SORTS = ["fit", "organisation", "maturity"]
#: Free text longer than this stays out of the shareable link, which must stay under ~8 KB.
MAX_TEXT_IN_LINK = 1500
FIT_HELP = (
    "How to read the fit: 0–100, the grade independent graders would likely give, over 3 "
    "(65+ strong: a good match; 48+ good; 32+ possible, often a stretch; below: weak). "
    "A stretch fits except for one or two skills you would learn."
)


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
    params: dict[str, str | list[str]] = {"skill": picked, "org": organizations, "top": str(top)}
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
        if reading.others:
            names = ", ".join(escape(name) for name in reading.others)
            st.caption(f"Named as someone else's, not counted as yours (add them above if they are): {names}")
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
