"""The site's chronicle: what every post's chronicle adds up to, built in one
pass over the posts of a build. No Pelican import: it reads the attributes
Pelican gives content objects (``chronicles``, ``date``, ``url``, ``title``),
and the generator hands it where the facet pages go (``urls.FacetPages``, with
Pelican's ``slugify``) and the way an intrasite link resolves (``resolve_url``).

One ``SiteIndex`` per build, kept on the chronicles generator and in the
templates' context as ``chronicles_site``:

- ``notes``: every note (update, correction, clarification, retraction, editor's note), newest first;
- ``sources``: ``Source.key`` (the name's ``name_key``) -> ``SourceFacet``;
- ``countries``: alpha-2 code -> ``CountryFacet``;
- ``speakers``: the name's ``name_key`` -> ``SpeakerFacet`` with its statements;
- ``entry(article)`` and ``archive(articles)`` for the archive templates.

Their markup is written by ``render.py``, through the filters; the
``chronicles_entry`` filter keeps each archive entry's in ``entries_html``
for the build.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from typing import Callable, ClassVar, Iterable

from ..metadata import country_name
from ..model import Chronicle, Country, Note, Source, name_key
from ..urls import RESERVED_SLUGS, FacetPages, page_slug, safe_url, simple_slugify
from .archive import ArchiveView, archive_view

EMPTY = Chronicle()


def plain_url(article, url: str | None, siteurl: str) -> str | None:
    """A stand-in for the build's ``resolve_url`` (see ``SiteIndex.build``):
    ``url`` when it may be linked."""
    return safe_url(url)


@dataclass(frozen=True, slots=True)
class NoteEntry:
    """A note with the post it belongs to."""

    article: object
    note: Note
    post_url: str  # the article's url

    @property
    def date(self) -> datetime.datetime:
        """The note's date, or the post's own when the note has none."""
        return self.note.date or self.article.date

    @property
    def url(self) -> str:
        return f"{self.post_url}#{self.note.anchor}"


@dataclass(eq=False)
class Facet:
    """A page that lists posts: a source, a country or a speaker."""

    kind: ClassVar[str]
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
    kind = "source"
    source: Source | None = None
    origin: object = None  # the post whose address for the source is used
    resolve_url: Callable = field(default=plain_url, repr=False)

    def href_at(self, siteurl: str) -> str | None:
        """The source's own address as a link on a page whose ``SITEURL``
        is ``siteurl``, an intrasite link (``{filename}/b.md``) resolved as
        in the post; None when it may not be linked."""
        if self.source is None or not self.source.url:
            return None
        return self.resolve_url(self.origin, self.source.url, siteurl)

    @property
    def href(self) -> str | None:
        """The source's own address, as a page at the site's root links it."""
        return self.href_at("")


@dataclass(eq=False)
class CountryFacet(Facet):
    kind = "country"
    country: Country | None = None

    @property
    def code(self) -> str:
        return self.country.code if self.country else ""

    @property
    def flag(self) -> str:
        return self.country.flag if self.country else ""


@dataclass(frozen=True, slots=True)
class Statement:
    """One quote or transcript turn by a named speaker."""

    article: object
    anchor: str  # "quote-1", "turn-3"
    speaker: str  # as written in this post
    text: str
    post_url: str  # the article's url
    role: str | None = None

    @property
    def kind(self) -> str:
        return self.anchor.split("-", 1)[0]

    @property
    def date(self) -> datetime.datetime:
        return self.article.date

    @property
    def url(self) -> str:
        return f"{self.post_url}#{self.anchor}"


@dataclass(eq=False)
class SpeakerFacet(Facet):
    kind = "speaker"
    statements: list = field(default_factory=list)  # newest first

    @property
    def count(self) -> int:
        return len(self.statements)


@dataclass(frozen=True, slots=True, eq=False)
class Entry:
    """A post as the archive lists it, its facets resolved. One per post and
    build, compared by identity."""

    article: object
    chronicle: Chronicle
    url: str  # the article's url
    sources: tuple = ()  # SourceFacet
    countries: tuple = ()  # CountryFacet
    compact: bool = False  # as a source's or a country's page lists it: no place, sources or countries

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
    def place(self) -> str | None:
        dateline = self.chronicle.dateline
        return dateline.place if dateline else None


def chronicle_of(article) -> Chronicle:
    chronicle = getattr(article, "chronicles", None)
    return chronicle if isinstance(chronicle, Chronicle) else EMPTY


def facet_slug(
    name: str, slugify: Callable[[str], str], fallback: str, taken: set[str], tried: dict[str, int] | None = None
) -> str:
    """The slug of a speaker's page: ``urls.page_slug`` of the name, never
    reserved, and unique in ``taken`` ignoring case (``-2``, ``-3``...
    added), so that no two pages share a file on a case-insensitive file
    system. ``taken`` holds the casefolded slugs given so far: call in a
    stable order. ``tried``, kept between calls, holds the last number
    given after each slug, so that many names with one slug take linear
    time."""
    slug = page_slug(name, slugify, fallback)
    tried = {} if tried is None else tried
    n = tried.get(slug.casefold(), 1)
    candidate = slug if n == 1 else f"{slug}-{n}"
    while candidate.casefold() in taken or candidate.casefold() in RESERVED_SLUGS:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate.casefold())
    tried[slug.casefold()] = n
    return candidate


@dataclass
class SiteIndex:
    notes: list[NoteEntry] = field(default_factory=list)  # newest first
    sources: dict[str, SourceFacet] = field(default_factory=dict)  # by Source.key
    countries: dict[str, CountryFacet] = field(default_factory=dict)  # by alpha-2 code
    speakers: dict[str, SpeakerFacet] = field(default_factory=dict)  # by name_key(name)
    entries: dict[int, Entry] = field(default_factory=dict)  # by id() of the article
    compact_entries: dict[int, Entry] = field(default_factory=dict, repr=False)  # the same, compact
    articles: list = field(default_factory=list)  # archive order
    # The entries' markup, by (entry, SITEURL): the chronicles_entry filter
    # renders a post once per build, though the archive, its period archives
    # and the page of every source and country it cites all list it.
    entries_html: dict = field(default_factory=dict, repr=False)
    resolve_url: Callable = field(default=plain_url, repr=False)
    lang: str | None = None  # the language of site-wide pages: Pelican's DEFAULT_LANG

    @classmethod
    def build(
        cls,
        articles: Iterable,
        *,
        cited: Iterable = (),
        pages: FacetPages | None = None,
        slugify: Callable[[str], str] = simple_slugify,
        newest_first: bool = True,
        resolve_url: Callable[[object, str | None, str], str | None] = plain_url,
        lang: str | None = None,
    ) -> SiteIndex:
        """One pass over ``articles``, the posts the archive lists. Facet
        pages list their posts in archive order (``newest_first`` is
        Pelican's ``NEWEST_FIRST_ARCHIVES``). Every source and country of a
        post in ``cited`` (the other posts that link their facets' pages:
        pages, hidden posts, translations) has a page too, though it lists
        only articles. The pages are where ``pages`` puts them (by default,
        ``FacetPages(slugify)``). ``resolve_url(article, url, siteurl)``
        gives the href of an address the author wrote in ``article`` (a
        source's), on a page whose ``SITEURL`` is ``siteurl``, or None; it
        is called when pages are written, once every post and file of the
        build is known. Country names and month names are in ``lang``
        (``DEFAULT_LANG``)."""
        pages = pages or FacetPages(slugify)
        index = cls(resolve_url=resolve_url, lang=lang)
        ordered = sorted(articles, key=lambda a: a.date, reverse=newest_first)
        index.articles = ordered
        sources: dict[str, list] = {}  # key -> [source, its posts, the post its address is from]
        countries: dict[str, tuple[Country, list]] = {}
        speakers: dict[str, tuple[str, list]] = {}
        urls = []
        for article in ordered:
            chronicle = chronicle_of(article)
            url = article.url  # Pelican computes it on every read: once, here
            urls.append(url)
            index.notes.extend(NoteEntry(article, note, url) for note in chronicle.notes)
            for source in chronicle.sources:
                known = sources.setdefault(source.key, [source, [], article])
                if known[0].url is None and source.url:
                    known[0], known[2] = source, article
                known[1].append(article)
            for country in chronicle.countries:
                countries.setdefault(country.code, (country, []))[1].append(article)
            for statement in _statements(article, chronicle, url):
                speakers.setdefault(name_key(statement.speaker), (statement.speaker, []))[1].append(statement)
        listed = {id(article) for article in ordered}
        for post in cited:
            if id(post) not in listed:
                chronicle = chronicle_of(post)
                for source in chronicle.sources:
                    known = sources.setdefault(source.key, [source, [], post])
                    if known[0].url is None and source.url:
                        known[0], known[2] = source, post
                for country in chronicle.countries:
                    countries.setdefault(country.code, (country, []))
        index.notes.sort(key=lambda e: (e.date, e.note.anchor), reverse=True)

        # A source's slug comes from its key alone (posts link its page
        # before the site is known); sources whose slugs are the same
        # ignoring case share a page, named as the first in key order, with
        # the first address among them and their posts in archive order.
        # Each page is made once, from all its keys: linear in the sources.
        by_slug: dict[str, tuple[str, list]] = {}  # casefolded slug -> (slug, its keys in order)
        for key in sorted(sources):
            slug = pages.slug("source", key)
            by_slug.setdefault(slug.casefold(), (slug, []))[1].append(key)
        position = {id(a): n for n, a in enumerate(ordered)}
        for slug, keys in by_slug.values():
            source, items, origin = next((sources[k] for k in keys if sources[k][0].url), sources[keys[0]])
            if len(keys) > 1:
                merged = {id(a): a for k in keys for a in sources[k][1]}
                items = sorted(merged.values(), key=lambda a: position[id(a)])
            facet = SourceFacet(
                slug, sources[keys[0]][0].name, *pages.at("source", slug),
                items, source=source, origin=origin, resolve_url=resolve_url,
            )
            for key in keys:
                index.sources[key] = facet
        for code, (country, items) in sorted(countries.items()):
            index.countries[code] = CountryFacet(
                pages.slug("country", code), country_name(country, lang),
                pages.url("country", code), pages.save_as("country", code), items, country=country,
            )
        taken, tried = set(), {}
        for key, (name, statements) in sorted(speakers.items()):
            slug = facet_slug(name, pages.slugify, "speaker", taken, tried)
            # newest first; statements of one post keep their order
            statements.sort(key=lambda s: s.date, reverse=True)
            posts = list({id(s.article): s.article for s in statements}.values())
            index.speakers[key] = SpeakerFacet(slug, name, *pages.at("speaker", slug), posts, statements=statements)

        for article, url in zip(ordered, urls):
            index.entries[id(article)] = index._make_entry(article, url)
        return index

    # --- lookups for templates -------------------------------------------------

    def _make_entry(self, article, url: str) -> Entry:
        chronicle = chronicle_of(article)
        return Entry(
            article,
            chronicle,
            url,
            sources=tuple(self.sources[s.key] for s in chronicle.sources if s.key in self.sources),
            countries=tuple(self.countries[c.code] for c in chronicle.countries if c.code in self.countries),
        )

    def entry(self, article, compact: bool = False) -> Entry:
        """The post's entry, the same object on every page that lists it
        (so that its markup is written once); ``compact`` as a source's or
        a country's page lists it."""
        known = self.entries.get(id(article))
        if known is None or known.article is not article:
            return replace(self._make_entry(article, article.url), compact=compact)
        if not compact:
            return known
        shown = self.compact_entries.get(id(article))
        if shown is None:
            shown = self.compact_entries[id(article)] = replace(known, compact=True)
        return shown

    def archive(self, articles=None, compact: bool = False) -> ArchiveView:
        """The archive of ``articles`` (Pelican's ``dates``), in their order;
        ``compact``, a source's or a country's page: compact entries, no
        summaries (``ArchiveView.compact``)."""
        if articles is None:
            articles = self.articles
        return archive_view([self.entry(a, compact) for a in articles], self.lang, compact=compact)

    def source_list(self) -> list[SourceFacet]:
        """The sources the archive's posts cite, by name."""
        return sorted((f for f in self.source_pages() if f.articles), key=lambda f: f.name.casefold())

    def country_list(self) -> list[CountryFacet]:
        """The countries of the archive's posts, by name."""
        return sorted((f for f in self.countries.values() if f.articles), key=lambda f: f.name.casefold())

    def source_pages(self) -> list[SourceFacet]:
        """Every source that has a page, once (keys that share a slug share it)."""
        return list({id(facet): facet for facet in self.sources.values()}.values())

    def speaker_list(self) -> list[SpeakerFacet]:
        return sorted(self.speakers.values(), key=lambda f: f.name.casefold())


def _statements(article, chronicle: Chronicle, url: str) -> Iterable[Statement]:
    for quote in chronicle.quotes:
        if quote.speaker:
            yield Statement(article, quote.anchor, quote.speaker, quote.text, url, role=quote.role)
    for turn in chronicle.turns:
        if turn.named:
            yield Statement(article, turn.anchor, turn.speaker, turn.text, url)
