"""Streamlit web app (placeholder until the web-app issue): browse the default catalogue."""

import streamlit as st

from matcher.catalogue import load_catalogue

st.set_page_config(page_title="matcher", layout="wide")
st.title("matcher: find your mentorship project")
catalogue = st.cache_resource(load_catalogue)()
st.caption(f"{len(catalogue)} projects under {len(catalogue.organizations)} CNCF projects")
st.dataframe([{"organization": p.organization, "title": p.title, "skills": ", ".join(p.skills)} for p in catalogue])
