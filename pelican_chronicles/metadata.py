"""``Sources:`` and ``Countries:`` metadata (SPEC 6, 7). No Pelican import."""

from __future__ import annotations

from .model import Country, Problem, Source


def parse_sources(value) -> tuple[tuple[Source, ...], tuple[Problem, ...]]:
    """Entries separated by ``;``: ``Name``, ``Name <URL>`` or ``[Name](URL)``."""
    return (), ()


def resolve_countries(value) -> tuple[tuple[Country, ...], tuple[Problem, ...]]:
    """ISO 3166 alpha-2 or alpha-3 codes, or English names, separated by commas."""
    return (), ()
