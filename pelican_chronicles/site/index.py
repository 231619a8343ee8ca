"""The site's chronicle: what every post's chronicle adds up to, built in one
pass over the posts of a build. No Pelican import: it reads the attributes
Pelican gives content objects (``chronicles``, ``date``, ``url``, ``title``),
and the glue hands it Pelican's ``slugify`` and the output paths.

One ``SiteIndex`` per build, kept on the chronicles generator and in the
templates' context as ``chronicles``:

- ``notes``: every update and correction note, newest first;
- ``sources``: source key (casefolded name) -> ``SourceFacet``;
- ``countries``: alpha-2 code -> ``CountryFacet``;
- ``speakers``: casefolded name -> ``SpeakerFacet`` with its statements;
- ``entry(article)`` and ``archive(articles)`` for the archive templates.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..model import Chronicle, Country, Note, Source
from ..urls import safe_url
from .archive import ArchiveView, archive_view

EMPTY = Chronicle()
RESERVED_SLUGS = frozenset({"index"})  # the index pages live at {slug}=index


def simple_slugify(value: str) -> str:
    """A stand-in for Pelican's slugify when the index is used on its own."""
    return re.sub(r"[^\w]+", "-", value.casefold()).strip("-")


@dataclass(frozen=True)
class FacetPaths:
    """Where a kind of facet page is written and linked: patterns with {slug}."""

    save_as: str
    url: str

    def save_as_for(self, slug: str) -> str:
        return self.save_as.format(slug=slug)

    def url_for(self, slug: str) -> str:
        return self.url.format(slug=slug)


DEFAULT_PATHS = {
    "source": FacetPaths("sources/{slug}.html", "sources/{slug}.html"),
    "country": FacetPaths("countries/{slug}.html", "countries/{slug}.html"),
    "speaker": FacetPaths("speakers/{slug}.html", "speakers/{slug}.html"),
}


@dataclass(frozen=True)
class NoteEntry:
    """A note with the post it belongs to."""

    article: object
    note: Note

    @property
    def date(self) -> datetime.datetime:
        """The note's date, or the post's own when the note has none."""
        return self.note.date or self.article.date

    @property
    def url(self) -> str:
        return f"{self.article.url}#{self.note.anchor}"


@dataclass(eq=False)
class Facet:
    """A page that lists posts: a source, a country or a speaker."""

    slug: str
    name: str
    url: str
    save_as: str
    articles: list = field(default_factory=list)  # archive order

    @property
    def count(self) -> int:
        return len(self.articles)


@dataclass(eq=False)
class SourceFacet(Facet):
    source: Source | None = None

    @property
    def href(self) -> str | None:
        """The source's own address, when it may be linked."""
        return safe_url(self.source.url) if self.source else None


@dataclass(eq=False)
class CountryFacet(Facet):
    country: Country | None = None

    @property
    def code(self) -> str:
        return self.country.code if self.country else ""

    @property
    def flag(self) -> str:
        return self.country.flag if self.country else ""


@dataclass(frozen=True)
class Statement:
    """One quote or transcript turn by a named speaker."""

    article: object
    anchor: str  # "quote-1", "turn-3"
    speaker: str  # as written in this post
    text: str
    role: str | None = None

    @property
    def kind(self) -> str:
        return self.anchor.split("-", 1)[0]

    @property
    def date(self) -> datetime.datetime:
        return self.article.date

    @property
    def url(self) -> str:
        return f"{self.article.url}#{self.anchor}"


@dataclass(eq=False)
class SpeakerFacet(Facet):
    statements: list = field(default_factory=list)  # newest first

    @property
    def count(self) -> int:
        return len(self.statements)


@dataclass(frozen=True)
class Entry:
    """A post as the archive lists it, its facets resolved."""

    article: object
    chronicle: Chronicle
    sources: tuple = ()  # SourceFacet
    countries: tuple = ()  # CountryFacet

    @property
    def date(self) -> datetime.datetime:
        return self.article.date

    @property
    def is_updated(self) -> bool:
        return self.chronicle.is_updated

    @property
    def is_corrected(self) -> bool:
        return self.chronicle.is_corrected

    @property
    def update_count(self) -> int:
        return len(self.chronicle.updates)

    @property
    def correction_count(self) -> int:
        return len(self.chronicle.corrections)

    @property
    def latest_update(self) -> datetime.datetime | None:
        return _latest(self.chronicle.updates)

    @property
    def latest_correction(self) -> datetime.datetime | None:
        return _latest(self.chronicle.corrections)

    @property
    def place(self) -> str | None:
        dateline = self.chronicle.dateline
        return dateline.place if dateline else None


def _latest(notes) -> datetime.datetime | None:
    dates = [n.date for n in notes if n.date is not None]
    return max(dates) if dates else None


def chronicle_of(article) -> Chronicle:
    chronicle = getattr(article, "chronicles", None)
    return chronicle if isinstance(chronicle, Chronicle) else EMPTY


def _unique_slug(slug: str, fallback: str, taken: set[str]) -> str:
    slug = slug or fallback
    candidate, n = slug, 1
    while candidate in taken or candidate in RESERVED_SLUGS:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


@dataclass
class SiteIndex:
    notes: list[NoteEntry] = field(default_factory=list)  # newest first
    sources: dict[str, SourceFacet] = field(default_factory=dict)  # by Source.key
    countries: dict[str, CountryFacet] = field(default_factory=dict)  # by alpha-2 code
    speakers: dict[str, SpeakerFacet] = field(default_factory=dict)  # by casefolded name
    entries: dict[int, Entry] = field(default_factory=dict)  # by id() of the article
    articles: list = field(default_factory=list)  # archive order

    @classmethod
    def build(
        cls,
        articles: Iterable,
        *,
        slugify: Callable[[str], str] = simple_slugify,
        paths: dict[str, FacetPaths] | None = None,
        newest_first: bool = True,
    ) -> SiteIndex:
        """One pass over ``articles``. Facet pages list their posts in archive
        order (``newest_first`` is Pelican's ``NEWEST_FIRST_ARCHIVES``)."""
        paths = {**DEFAULT_PATHS, **(paths or {})}
        index = cls()
        ordered = sorted(articles, key=lambda a: a.date, reverse=newest_first)
        index.articles = ordered
        sources: dict[str, tuple[Source, list]] = {}
        countries: dict[str, tuple[Country, list]] = {}
        speakers: dict[str, tuple[str, list]] = {}
        for article in ordered:
            chronicle = chronicle_of(article)
            index.notes.extend(NoteEntry(article, note) for note in chronicle.notes)
            for source in chronicle.sources:
                known = sources.setdefault(source.key, (source, []))
                if known[0].url is None and source.url:
                    sources[source.key] = (source, known[1])
                known[1].append(article)
            for country in chronicle.countries:
                countries.setdefault(country.code, (country, []))[1].append(article)
            for statement in _statements(article, chronicle):
                speakers.setdefault(statement.speaker.casefold(), (statement.speaker, []))[1].append(statement)
        index.notes.sort(key=lambda e: (e.date, e.note.anchor), reverse=True)

        taken: set[str] = set()
        for key, (source, items) in sorted(sources.items()):
            slug = _unique_slug(slugify(source.name), "source", taken)
            index.sources[key] = SourceFacet(
                slug, source.name, paths["source"].url_for(slug), paths["source"].save_as_for(slug),
                items, source=source,
            )
        for code, (country, items) in sorted(countries.items()):
            slug = country.slug
            index.countries[code] = CountryFacet(
                slug, country.name, paths["country"].url_for(slug), paths["country"].save_as_for(slug),
                items, country=country,
            )
        taken = set()
        for key, (name, statements) in sorted(speakers.items()):
            slug = _unique_slug(slugify(name), "speaker", taken)
            # newest first; statements of one post keep their order
            statements.sort(key=lambda s: s.date, reverse=True)
            posts = list({id(s.article): s.article for s in statements}.values())
            index.speakers[key] = SpeakerFacet(
                slug, name, paths["speaker"].url_for(slug), paths["speaker"].save_as_for(slug),
                posts, statements=statements,
            )

        for article in ordered:
            index.entries[id(article)] = index._make_entry(article)
        return index

    # --- lookups for templates -------------------------------------------------

    def _make_entry(self, article) -> Entry:
        chronicle = chronicle_of(article)
        return Entry(
            article,
            chronicle,
            sources=tuple(self.sources[s.key] for s in chronicle.sources if s.key in self.sources),
            countries=tuple(self.countries[c.code] for c in chronicle.countries if c.code in self.countries),
        )

    def entry(self, article) -> Entry:
        known = self.entries.get(id(article))
        if known is not None and known.article is article:
            return known
        return self._make_entry(article)

    def archive(self, articles=None) -> ArchiveView:
        """The archive of ``articles`` (Pelican's ``dates``), in their order."""
        if articles is None:
            articles = self.articles
        return archive_view([self.entry(a) for a in articles])

    def source_list(self) -> list[SourceFacet]:
        return sorted(self.sources.values(), key=lambda f: f.name.casefold())

    def country_list(self) -> list[CountryFacet]:
        return sorted(self.countries.values(), key=lambda f: f.name.casefold())

    def speaker_list(self) -> list[SpeakerFacet]:
        return sorted(self.speakers.values(), key=lambda f: f.name.casefold())


def _statements(article, chronicle: Chronicle) -> Iterable[Statement]:
    for quote in chronicle.quotes:
        if quote.speaker:
            yield Statement(article, quote.anchor, quote.speaker, quote.text, role=quote.role)
    for turn in chronicle.turns:
        if turn.named:
            yield Statement(article, turn.anchor, turn.speaker, turn.text)
