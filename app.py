"""matcher web app: find your mentorship project, score applicants, browse the catalogue.

The entry point (``streamlit run app.py``): it sets the process up, lets the user choose the
catalogue in the sidebar, and hands over to one thin page (``app_pages/``, built from
:mod:`webapp`). Every computation comes from the ``matcher`` library; the model and each
catalogue's index are loaded once per server. No HTML from users or catalogues is rendered.
"""

from __future__ import annotations

import os

import streamlit as st

from matcher.embedding import ENTRY_POINT_ENVIRONMENT
from matcher.errors import MatcherError
from webapp.common import catalogue_choice

for _name, _value in ENTRY_POINT_ENVIRONMENT.items():  # this app's entry point: set before the model loads
    os.environ.setdefault(_name, _value)

st.set_page_config(page_title="matcher: find your mentorship project", page_icon="🧭", layout="wide")

PAGES = {
    "Find your project": st.Page("app_pages/find_your_project.py", title="Find your project", default=True),
    "Coordinators": st.Page("app_pages/coordinators.py", title="Coordinators"),
    "Catalogue": st.Page("app_pages/catalogue.py", title="Catalogue"),
}


def main() -> None:
    navigation = st.navigation(list(PAGES.values()))
    old_link = st.query_params.get("page")  # links shared before each page had its own path
    if old_link in ("Coordinators", "Catalogue"):
        del st.query_params["page"]
        st.switch_page(PAGES[old_link])
    try:
        st.session_state["recommender"] = catalogue_choice()
    except MatcherError as error:
        st.error(str(error))
        return
    navigation.run()
    st.sidebar.caption(f"Model: {st.session_state['recommender'].encoder.model_id}")


main()
