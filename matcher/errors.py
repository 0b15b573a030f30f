"""Errors the library raises: each message says what went wrong and what to do about it."""

from __future__ import annotations


class MatcherError(Exception):
    """Base class of every error the library raises on purpose."""


class CatalogueError(MatcherError):
    """A catalogue file cannot be read or holds no project."""


class InputError(MatcherError):
    """A mentee profile or an applicant file cannot be used as given."""


class ModelError(MatcherError):
    """The embedding model cannot be found, verified or loaded."""
