"""Page: browse the catalogue (see :mod:`webapp.catalogue`)."""

from webapp.catalogue import catalogue_page
from webapp.common import current_recommender

catalogue_page(current_recommender())
