"""The coordinators' page: score an applications export, shortlists, assignment, downloads that keep results."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from matcher.applicants import Columns, detect_columns, read_applicants
from matcher.assignment import AssignmentRow, PreferenceMode, read_capacities
from matcher.batch import ScoreRow, ShortlistRow
from matcher.coordinator import CoordinatorOptions, CoordinatorReport, run_coordinator
from matcher.errors import MatcherError
from matcher.recommender import Recommender
from matcher.records import Project
from matcher.tables import csv_text, read_table
from webapp.common import horizontal_bars, table


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
