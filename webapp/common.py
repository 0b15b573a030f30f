"""What every page shares: the cached model and recommenders, the catalogue choice, plain-text display."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import streamlit as st

from matcher.catalogue import load_catalogue, read_catalogue
from matcher.embedding import Encoder
from matcher.errors import MatcherError
from matcher.onnx_encoder import choose_encoder
from matcher.recommender import Recommender
from matcher.tables import record_cells, record_columns

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_CATALOGUE = "LFX Mentorship 2025 Term 3 (default)"


@st.cache_resource(show_spinner="Loading the language model…")
def get_encoder() -> Encoder:
    """The light (ONNX) encoder when the model allows it: the first answer does not wait for torch."""
    encoder = choose_encoder()
    _ = encoder.encode(["warm up"])  # load once per server (an assignment: Streamlit would show a bare expression)
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
    import pandas as pd  # here, not at the top: the mentee page shows no table and need not wait 0.5 s for pandas

    frame = pd.DataFrame([record_cells(record) for record in records], columns=list(record_columns(record_type)))
    mixed = [name for name in frame.columns if frame[name].dtype == object]
    return frame.astype({name: "string" for name in mixed})


def horizontal_bars(frame: pd.DataFrame, category: str, count: str) -> None:
    """Bars sorted by count, largest first; each axis titled by its own column (categories down, counts across)."""
    st.bar_chart(frame, x=category, y=count, horizontal=True, sort=f"-{count}")


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


def current_recommender() -> Recommender:
    """The recommender of the catalogue chosen in the sidebar (set by ``app.py`` before the page runs)."""
    return st.session_state["recommender"]
