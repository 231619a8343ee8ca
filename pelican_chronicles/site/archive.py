"""The chronicle archive's shape: posts grouped by year and month, totals and
per-facet tallies. Plain Python, no Pelican import: it reads the attributes
Pelican gives content objects (``date``, ``chronicles``) and keeps the order
it is given, so Pelican's ``NEWEST_FIRST_ARCHIVES`` decides the order.

    >>> view = archive_view(entries)
    >>> [(y.year, y.count) for y in view.years]
    [(2024, 3), (2023, 1)]
    >>> view.years[0].per_month  # January to December: the rail's sparkline
    (0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterable, Sequence

from .localdates import month_heading


def month_name(year: int, month: int, lang: str | None = None) -> str:
    """The month's full name as a heading in the language ``lang`` (the
    site's ``DEFAULT_LANG``), from CLDR: ``June``, ``Июнь``, ``六月``."""
    return month_heading(year, month, lang)


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    name: str  # in the site's language
    entries: tuple  # of Entry, in the order given

    @property
    def count(self) -> int:
        return len(self.entries)

    @property
    def anchor(self) -> str:
        return f"month-{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class Year:
    year: int
    months: tuple[Month, ...]
    per_month: tuple[int, ...] = (0,) * 12  # posts in January, ..., December

    @property
    def count(self) -> int:
        return sum(m.count for m in self.months)

    @property
    def anchor(self) -> str:
        return f"year-{self.year}"


@dataclass(frozen=True)
class Totals:
    posts: int
    updated: int
    corrected: int
    years: int  # years with at least one post
    first_year: int | None
    last_year: int | None

    @property
    def span(self) -> str:
        """``2022–2024``, or ``2024`` for a single year, or ``""``."""
        if self.first_year is None:
            return ""
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}\u2013{self.last_year}"


@dataclass(frozen=True)
class Tally:
    """A facet (country, source) and how many of the listed posts it has."""

    facet: object
    count: int


@dataclass(frozen=True)
class ArchiveView:
    """Everything an archive page shows, computed once per page, in time
    linear in its posts. The summaries, which count every source and
    country of every post, are counted when a page shows them. A
    ``compact`` view, a source's or a country's page, lists compact
    entries and shows no summaries: a post citing many sources is on the
    page of each, and its sources counted there again would make these
    pages grow with the square of the sources."""

    years: tuple[Year, ...]
    totals: Totals
    busiest_month: int = 0  # the most posts in a month: the sparklines' scale
    month_names: tuple[str, ...] = ()  # January to December, in the site's language
    compact: bool = False

    @property
    def entries(self) -> tuple:
        return tuple(e for y in self.years for m in y.months for e in m.entries)

    @cached_property
    def by_country(self) -> tuple[Tally, ...]:
        return tally(self.entries, lambda e: e.countries)

    @cached_property
    def by_source(self) -> tuple[Tally, ...]:
        return tally(self.entries, lambda e: e.sources)


def group_by_year_month(
    entries: Iterable, date_of: Callable = lambda e: e.date, lang: str | None = None
) -> tuple[Year, ...]:
    """Group ``entries`` by year and month, keeping their order: years and
    months appear in the order of their first entry. Months are named in
    the language ``lang``. The one grouping: the archive pages' and the
    ``chronicles_by_year_month`` filter's."""
    years: dict[int, dict[int, list]] = {}
    for entry in entries:
        date = date_of(entry)
        years.setdefault(date.year, {}).setdefault(date.month, []).append(entry)
    return tuple(_year(year, months, lang) for year, months in years.items())


def _year(year: int, months: dict[int, list], lang: str | None) -> Year:
    per_month = [0] * 12
    for month, items in months.items():
        per_month[month - 1] = len(items)
    return Year(
        year,
        tuple(Month(year, month, month_name(year, month, lang), tuple(items)) for month, items in months.items()),
        tuple(per_month),
    )


def tally(entries: Iterable, facets_of: Callable) -> tuple[Tally, ...]:
    """Count entries per facet; most posts first, then by name."""
    counts: dict[int, list] = {}
    for entry in entries:
        for facet in facets_of(entry):
            slot = counts.setdefault(id(facet), [facet, 0])
            slot[1] += 1
    ranked = sorted(counts.values(), key=lambda s: (-s[1], s[0].name.casefold()))
    return tuple(Tally(facet, count) for facet, count in ranked)


def archive_view(entries: Sequence, lang: str | None = None, compact: bool = False) -> ArchiveView:
    """The archive of ``entries`` (``Entry`` objects from the site index),
    its months named in the language ``lang``; ``compact``: see
    ``ArchiveView``."""
    years = group_by_year_month(entries, lang=lang)
    year_numbers = [y.year for y in years]
    totals = Totals(
        posts=len(entries),
        updated=sum(1 for e in entries if e.is_updated),
        corrected=sum(1 for e in entries if e.is_corrected),
        years=len(year_numbers),
        first_year=min(year_numbers) if year_numbers else None,
        last_year=max(year_numbers) if year_numbers else None,
    )
    return ArchiveView(
        years=years,
        totals=totals,
        busiest_month=max((n for y in years for n in y.per_month), default=0),
        month_names=tuple(month_name(2000, month, lang) for month in range(1, 13)) if years else (),
        compact=compact,
    )
