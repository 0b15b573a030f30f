"""The catalogue page: search by meaning and words, filters, and the skills the shown projects ask for."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from matcher.recommender import Recommender
from webapp.common import horizontal_bars


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
