"""Page: score applicants (see :mod:`webapp.coordinators`)."""

from webapp.common import current_recommender
from webapp.coordinators import coordinators

coordinators(current_recommender())
