"""Page: find your mentorship project (see :mod:`webapp.mentee`)."""

from webapp.common import current_recommender
from webapp.mentee import find_your_project

find_your_project(current_recommender())
