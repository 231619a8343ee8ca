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
- ``entry(article)`` and ``archive(articles)`` for the archive templates;
- ``entry_html(entry, SITEURL)`` / ``entries_html(entries, SITEURL)``: an
  archive entry's markup, rendered once per post and build (a post appears on
  the archive, its period archives and every source and country page it
  cites), ``title_html(article)`` and ``time_html(date, format)`` likewise.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from markupsafe import Markup, escape

from ..model import Chronicle, Country, Note, Source
from ..settings import DEFAULT_LABELS
from ..text import char_refs
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


@dataclass(frozen=True, slots=True)
class NoteEntry:
    """A note with the post it belongs to."""

    article: object
    note: Note
    post_url: str | None = field(default=None, compare=False, repr=False)  # article.url, read once

    @property
    def date(self) -> datetime.datetime:
        """The note's date, or the post's own when the note has none."""
        return self.note.date or self.article.date

    @property
    def post_link(self) -> str:
        """The post's url (read once per build when the index knows it)."""
        return self.article.url if self.post_url is None else self.post_url

    @property
    def url(self) -> str:
        return f"{self.post_link}#{self.note.anchor}"


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


@dataclass(frozen=True, slots=True)
class Statement:
    """One quote or transcript turn by a named speaker."""

    article: object
    anchor: str  # "quote-1", "turn-3"
    speaker: str  # as written in this post
    text: str
    role: str | None = None
    post_url: str | None = field(default=None, compare=False, repr=False)  # article.url, read once

    @property
    def kind(self) -> str:
        return self.anchor.split("-", 1)[0]

    @property
    def date(self) -> datetime.datetime:
        return self.article.date

    @property
    def url(self) -> str:
        post_url = self.article.url if self.post_url is None else self.post_url
        return f"{post_url}#{self.anchor}"


@dataclass(eq=False)
class SpeakerFacet(Facet):
    statements: list = field(default_factory=list)  # newest first

    @property
    def count(self) -> int:
        return len(self.statements)


@dataclass(frozen=True, slots=True)
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


def plain_strftime(value: datetime.datetime, date_format: str) -> str:
    """A stand-in for Pelican's ``strftime`` filter when used on its own."""
    return value.strftime(date_format)


def text_html(value) -> Markup:
    """Jinja's ``value|striptags|e``."""
    value = str(value)
    if "<" not in value and "&" not in value:  # no tag or reference to strip or read
        return escape(" ".join(value.split()))
    return escape(Markup(value).striptags())


# Cached markup is a tuple of strings and SITEURL markers (SITEURL differs
# per page with RELATIVE_URLS). A country's or source's link is kept once per
# facet and shared by the entries that cite it, not copied into each; its
# flag is written as character references (see char_refs).
SITEURL = None


def _compact(parts: list) -> tuple:
    """``parts`` (strings, SITEURL markers and shared tuples of parts) with
    each run of strings joined, the shared tuples' items kept as they are."""
    out, run = [], []
    for part in parts:
        if isinstance(part, str):
            run.append(part)
            continue
        if run:
            out.append("".join(run))
            run = []
        if part is SITEURL:
            out.append(SITEURL)
        else:
            out.extend(part)
    if run:
        out.append("".join(run))
    return tuple(out)


def _once(cache: dict, obj, make: Callable):
    """``make()`` for ``obj``, made once and kept in ``cache`` by ``id(obj)``
    with ``obj`` itself, so that the id of a freed object is never reused."""
    known = cache.get(id(obj))
    if known is None or known[0] is not obj:
        known = cache[id(obj)] = (obj, make())
    return known[1]


def _join(parts: Iterable, siteurl: str) -> str:
    return "".join([siteurl if part is SITEURL else part for part in parts])


def _facet_link(facet: Facet) -> tuple:
    """The parts of a country's or a source's link."""
    if isinstance(facet, CountryFacet):
        parts = ['<a class="chronicles-country" href="', SITEURL, "/", escape(facet.url), '">']
        if facet.flag:
            parts += ['<span class="chronicles-flag" aria-hidden="true">', char_refs(facet.flag), "</span> "]
        return _compact(parts + [escape(facet.name), "</a>"])
    return _compact(['<a class="chronicles-source" href="', SITEURL, "/", escape(facet.url), '">',
                     escape(facet.name), "</a>"])


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
    # How the markup below is rendered: the build's CHRONICLES_LABELS and
    # Pelican's locale-aware ``strftime`` filter (set by the generator).
    labels: dict = field(default_factory=lambda: dict(DEFAULT_LABELS))
    strftime: Callable = plain_strftime
    # Rendered once per build: id() -> (object, markup), the object kept so
    # that its id is not reused.
    _entry_parts_of: dict = field(default_factory=dict, repr=False)
    _urls: dict = field(default_factory=dict, repr=False)
    _titles: dict = field(default_factory=dict, repr=False)
    _times: dict = field(default_factory=dict, repr=False)  # by (isoformat, tzname, format)
    _facet_parts_of: dict = field(default_factory=dict, repr=False)

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
            # Pelican computes a post's url on every read: read it once
            url = index.url_of(article) if chronicle.notes or chronicle.quotes or chronicle.turns else None
            index.notes.extend(NoteEntry(article, note, url) for note in chronicle.notes)
            for source in chronicle.sources:
                known = sources.setdefault(source.key, (source, []))
                if known[0].url is None and source.url:
                    sources[source.key] = (source, known[1])
                known[1].append(article)
            for country in chronicle.countries:
                countries.setdefault(country.code, (country, []))[1].append(article)
            for statement in _statements(article, chronicle, url):
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

    # --- markup rendered once per build ----------------------------------------
    # Each is exactly what chronicles/macros.html rendered with Pelican's
    # Jinja settings (trim_blocks, lstrip_blocks). Post text is escaped;
    # labels are the site's own markup, as in the templates.

    def label(self, key: str, default: str) -> str:
        labels = self.labels
        return (labels.get(key) if isinstance(labels, dict) else None) or default

    def url_of(self, article) -> str:
        """``article.url``, read once per build (Pelican computes it on every read)."""
        return _once(self._urls, article, lambda: article.url)

    def title_html(self, article) -> Markup:
        """``article.title|striptags|e``; the ``title`` macro. Once per build:
        a post's title is on its archive entry, and by each of its notes and
        statements."""
        return _once(self._titles, article, lambda: text_html(article.title))

    def time_html(self, value, date_format: str) -> Markup:
        """``<time datetime="...">...</time>``; the ``date_time`` macro. Once
        per build for each date and format: a post's statements and notes
        share its date on the updates page and the statements pages."""
        machine = value.isoformat()  # equal instants in two time zones read differently
        key = (machine, value.tzname(), date_format)
        known = self._times.get(key)
        if known is None:
            known = self._times[key] = Markup(f'<time datetime="{machine}">{self.strftime(value, date_format)}</time>')
        return known

    def entry_html(self, entry: Entry, siteurl) -> Markup:
        """The archive's ``<li>`` of ``entry``; the ``entry`` macro."""
        return Markup(_join(self._entry_parts(entry), str(siteurl)))

    def entries_html(self, entries: Iterable[Entry], siteurl) -> Markup:
        """Entries' ``<li>`` one per line, indented as in an archive month."""
        return Markup("".join(self.entries_parts(entries, siteurl)))

    def entries_parts(self, entries: Iterable[Entry], siteurl) -> Iterator[str]:
        """``entries_html`` in pieces, for a template to write as it goes
        (``chronicles/archive_body.html``): the pieces are the markup cached
        for the build, not copies, so the largest page of a site is held once
        while it is rendered. Plain strings: write them where autoescape is
        off."""
        siteurl = str(siteurl)
        separator = ""
        for entry in entries:
            if separator:
                yield separator
            separator = "\n        "
            for part in self._entry_parts(entry):
                yield siteurl if part is SITEURL else part

    def notes_html(self, notes: Iterable[NoteEntry], siteurl, date_format: str) -> Markup:
        """The updates page's list: a ``<li>`` per note, its label as a badge,
        its date (as typed, or the post's in ``date_format``), the post's
        title linking to the note, and the note's first words."""
        siteurl = escape(str(siteurl))
        items = []
        for entry in notes:
            note = entry.note
            head = f'<span class="chronicles-badge chronicles-badge-{note.kind}">{escape(note.label)}</span>'
            if note.date:
                shown = note.date_text or self.strftime(note.date, date_format)
                head += f' <time datetime="{note.date.isoformat()}">{escape(shown)}</time>'
            head += f' <a href="{siteurl}/{escape(entry.url)}">{self.title_html(entry.article)}</a>'
            summary = f'\n      <p class="chronicles-updates-summary">{escape(note.summary)}</p>' if note.summary else ""
            items.append(
                f'<li class="chronicles-updates-item chronicles-{note.kind}">\n'
                f'      <p class="chronicles-updates-head">{head}</p>{summary}\n    </li>'
            )
        return Markup("\n    ".join(items))

    def statements_html(self, statements: Iterable[Statement], siteurl, date_format: str) -> Markup:
        """A statements page's list: a ``<li>`` per quote or turn, its date,
        its words quoted (``cite`` and the link lead back to its place in the
        post) and the role the speaker spoke in."""
        siteurl = escape(str(siteurl))
        in_word = self.label("statement_in", "in")
        items = []
        for s in statements:
            when = self.time_html(s.date, date_format)
            href = f"{siteurl}/{escape(s.url)}"
            role = f'<span class="chronicles-role">{escape(s.role)}</span>, ' if s.role else ""
            items.append(
                f'<li class="chronicles-statement chronicles-statement-{s.kind}">\n'
                f'      <p class="chronicles-statement-date">{when}</p>\n'
                f'      <blockquote class="chronicles-statement-text" cite="{href}"><p>{escape(s.text)}</p></blockquote>\n'
                f'      <p class="chronicles-statement-context">{role}{in_word} '
                f'<a href="{href}">{self.title_html(s.article)}</a></p>\n    </li>'
            )
        return Markup("\n    ".join(items))

    def facet_link_html(self, facet: Facet, siteurl) -> Markup:
        """A country's or a source's link; the ``country_link`` and
        ``source_link`` macros."""
        return Markup(_join(self._facet_parts(facet), str(siteurl)))

    def _facet_parts(self, facet: Facet) -> tuple:
        return _once(self._facet_parts_of, facet, lambda: _facet_link(facet))

    def _entry_parts(self, entry: Entry) -> tuple:
        return _once(self._entry_parts_of, entry, lambda: _compact(self._render_entry(entry)))

    def release_markup(self) -> None:
        """Forget the rendered markup once the pages are written (it is
        rendered again if asked for)."""
        for cache in (self._entry_parts_of, self._facet_parts_of, self._titles, self._times):
            cache.clear()

    def _badge(self, kind: str, word: str, latest, count: int, one: str, many: str) -> str:
        html = f'<span class="chronicles-badge chronicles-badge-{kind}">{word}'
        if latest:
            html += " " + str(self.time_html(latest, "%d %b %Y"))
        if count:
            html += f' <span class="chronicles-badge-count">({count} {one if count == 1 else many})</span>'
        return html + "</span>\n"

    def _render_entry(self, e: Entry) -> list:
        article = e.article
        label = self.label
        parts = [
            '<li class="chronicles-entry',
            " chronicles-entry-updated" if e.is_updated else "",
            " chronicles-entry-corrected" if e.is_corrected else "",
            '">\n  <time class="chronicles-entry-date" datetime="', e.date.isoformat(),
            '" title="', text_html(getattr(article, "locale_date", "")), '">',
            f"{e.date.day:02d}",  # strftime's %d: the same digits in every locale
            '</time>\n  <div class="chronicles-entry-body">\n    <a class="chronicles-entry-title" href="',
            SITEURL, "/", escape(self.url_of(article)), '">', self.title_html(article), "</a>\n",
        ]
        if e.is_updated or e.is_corrected:
            parts.append('    <span class="chronicles-badges">')
            if e.is_updated:
                parts.append(self._badge(
                    "update", label("updated_badge", "Updated"), e.latest_update, e.update_count,
                    label("update_one", "update"), label("update_many", "updates"),
                ))
            if e.is_corrected:
                count = e.correction_count
                parts.append(self._badge(
                    "correction", label("corrected_badge", "Corrected"), e.latest_correction,
                    count if count > 1 else 0,
                    label("correction_one", "correction"), label("correction_many", "corrections"),
                ))
            parts.append("</span>\n")
        place = e.place
        if place or e.sources or e.countries:
            parts.append('    <p class="chronicles-entry-meta">\n')
            if place:
                parts += ['<span class="chronicles-entry-place">', escape(place), "</span>"]
            if e.sources:
                parts += ['<span class="chronicles-entry-sources">', label("via", "via"), " "]
                for i, f in enumerate(e.sources):
                    if i:
                        parts.append(", ")
                    parts.append(self._facet_parts(f))
                parts.append("</span>")
            if e.countries:
                parts.append('<span class="chronicles-entry-countries">')
                for f in e.countries:
                    parts.append(self._facet_parts(f))
                parts.append("</span>")
            parts.append("    </p>\n")
        parts.append("  </div>\n</li>")
        return parts

    def source_list(self) -> list[SourceFacet]:
        return sorted(self.sources.values(), key=lambda f: f.name.casefold())

    def country_list(self) -> list[CountryFacet]:
        return sorted(self.countries.values(), key=lambda f: f.name.casefold())

    def speaker_list(self) -> list[SpeakerFacet]:
        return sorted(self.speakers.values(), key=lambda f: f.name.casefold())


def _statements(article, chronicle: Chronicle, url: str | None = None) -> Iterable[Statement]:
    for quote in chronicle.quotes:
        if quote.speaker:
            yield Statement(article, quote.anchor, quote.speaker, quote.text, role=quote.role, post_url=url)
    for turn in chronicle.turns:
        if turn.named:
            yield Statement(article, turn.anchor, turn.speaker, turn.text, post_url=url)
