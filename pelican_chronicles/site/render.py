"""The markup of the chronicle archive, its facet pages and the filters: one
function per piece, the only place that piece is written. The templates
reach these through the filters (``filters.py``). A country and its flag
are written by ``markup.py``, as in a post.

Plain Python, no Pelican import. Everything taken from a post, a setting or
a label is escaped, so each function returns ``Markup``, safe in templates
with or without autoescaping. Dates are written by the ``strftime``
function given: ``localdates.strftime`` in the site's language in a build.
"""

from __future__ import annotations

import datetime
from typing import Callable

from markupsafe import Markup, escape

from .. import markup
from ..languages import bcp47
from ..model import latest_date

BADGE_DATE_FORMAT = "%d %b %Y"
# The sources an archive entry shows before "and N more": an entry is on the
# page of every source it cites, so what it shows must not grow with them.
ENTRY_SOURCES = 5


def plain_strftime(value: datetime.date, date_format: str) -> str:
    """``value.strftime(date_format)``: the stand-in for Pelican's filter."""
    return value.strftime(date_format)


def text(value) -> Markup:
    """A title as text: Jinja's ``value|striptags|e``."""
    return escape(Markup(str(value)).striptags())


def time(value: datetime.date, shown: str) -> Markup:
    """``<time>``: ``value`` for machines, ``shown`` for readers."""
    return Markup(f'<time datetime="{value.isoformat()}">{escape(shown)}</time>')


def more(count: int, labels: dict) -> Markup:
    """``span.chronicles-more``: "and N more", the ``and_more`` label."""
    return Markup(f'<span class="chronicles-more">{escape(labels["and_more"].replace("{count}", str(count)))}</span>')


def facet_link(facet, siteurl: str) -> Markup:
    """The link to a source's, a country's (with its flag) or a speaker's
    page: ``a.chronicles-source``, ``a.chronicles-country``,
    ``a.chronicles-speaker``."""
    name = escape(facet.name)
    if facet.kind == "country" and facet.flag:
        name = f"{markup.flag(facet.flag)} {name}"
    return Markup(f'<a class="chronicles-{facet.kind}" href="{escape(siteurl)}/{escape(facet.url)}">{name}</a>')


# The badges of the archive, in order: the kind of note, the label of its
# badge, the label of its count, and from how many notes the count shows.
# A title flag makes a post updated or corrected without a note.
BADGES = (
    ("update", "updated_badge", "update_one", "update_many", 1),
    ("correction", "corrected_badge", "correction_one", "correction_many", 2),
    ("clarification", "clarified_badge", "clarification_many", "clarification_many", 2),
    ("retraction", "retracted_badge", "retraction_many", "retraction_many", 2),
    ("editors-note", "editors_note_badge", "editors_note_many", "editors_note_many", 2),
)


def badges(
    chronicle,
    labels: dict,
    strftime: Callable = plain_strftime,
    date_format: str = BADGE_DATE_FORMAT,
) -> Markup:
    """A post's ``span.chronicles-badge`` for each kind of note it has
    (updated, corrected, clarified, retracted, with an editor's note): the
    word, the latest date of a note of that kind when one is dated, and how
    many notes there are (updates counted from one, the others from two).
    Empty for a post with no note and no title flag."""
    shown = []
    for kind, word, one, many, counted_from in BADGES:
        notes = chronicle.of_kind(kind)
        if notes or kind in chronicle.flags:
            shown.append(_badge(kind, labels[word], notes, counted_from, labels[one], labels[many], strftime, date_format))
    return Markup(" ").join(shown)


def _badge(kind, word, notes, counted_from, one, many, strftime, date_format) -> Markup:
    html = f'<span class="chronicles-badge chronicles-badge-{kind}">{escape(word)}'
    latest = latest_date(notes)
    if latest is not None:
        html += f" {time(latest, strftime(latest, date_format))}"
    count = len(notes)
    if count >= counted_from:
        html += f' <span class="chronicles-badge-count">({count} {escape(one if count == 1 else many)})</span>'
    return Markup(html + "</span>")


# The class an archive entry gets besides ``chronicles-entry-updated`` and
# ``-corrected`` for a note of each other kind.
ENTRY_STATES = (("clarification", "clarified"), ("retraction", "retracted"), ("editors-note", "editors-note"))


def language_of(article) -> str:
    """``lang`` and ``dir="auto"`` for what a post in another language than
    the site's contributes to a site page (its title, a note's words), so
    that screen readers switch language and a right-to-left title reads in
    order in a left-to-right page; nothing for a post in the site's."""
    if getattr(article, "in_default_lang", True) or not getattr(article, "lang", None):
        return ""
    return f' lang="{escape(bcp47(article.lang))}" dir="auto"'


def entry(
    item, siteurl: str, labels: dict, strftime: Callable = plain_strftime, date_format: str | None = None
) -> Markup:
    """A post in the archive (``item`` an ``Entry`` of the site index): its
    day, its title linking to it, its badges, its dateline place, sources
    (the first ``ENTRY_SOURCES``, then "and N more") and countries linking
    to their pages. The day's title is the date in ``date_format``, or
    without one Pelican's ``locale_date``. A compact entry (``item.compact``),
    as a source's or a country's page lists it, stops after the badges: it
    does not grow with the facets of the post, which is on the page of each."""
    article, chronicle = item.article, item.chronicle
    classes = "chronicles-entry"
    if chronicle.is_updated:
        classes += " chronicles-entry-updated"
    if chronicle.is_corrected:
        classes += " chronicles-entry-corrected"
    for kind, state in ENTRY_STATES:
        if chronicle.of_kind(kind):
            classes += f" chronicles-entry-{state}"
    date = article.date
    full_date = strftime(date, date_format) if date_format else getattr(article, "locale_date", "")
    lines = [
        f'<li class="{classes}">',
        f'  <time class="chronicles-entry-date" datetime="{date.isoformat()}"'
        f' title="{text(full_date)}">{date.day:02d}</time>',
        '  <div class="chronicles-entry-body">',
        f'    <a class="chronicles-entry-title" href="{escape(siteurl)}/{escape(item.url)}"{language_of(article)}>'
        f"{text(article.title)}</a>",
    ]
    if chronicle.is_updated or chronicle.is_corrected or chronicle.notes:
        lines.append(f'    <span class="chronicles-badges">{badges(chronicle, labels, strftime)}</span>')
    meta = [] if getattr(item, "compact", False) else entry_meta(item, siteurl, labels)
    if meta:
        lines.append(f'    <p class="chronicles-entry-meta">{" ".join(meta)}</p>')
    lines += ["  </div>", "</li>"]
    return Markup("\n".join(lines))


def entry_meta(item, siteurl: str, labels: dict) -> list[str]:
    """A full entry's dateline place, sources and countries, each a
    ``span`` of ``p.chronicles-entry-meta``."""
    meta = []
    if item.place:
        meta.append(f'<span class="chronicles-entry-place">{escape(item.place)}</span>')
    if item.sources:
        links = ", ".join(facet_link(f, siteurl) for f in item.sources[:ENTRY_SOURCES])
        if len(item.sources) > ENTRY_SOURCES:
            links += f" {more(len(item.sources) - ENTRY_SOURCES, labels)}"
        meta.append(f'<span class="chronicles-entry-sources">{escape(labels["via"])} {links}</span>')
    if item.countries:
        links = " ".join(facet_link(f, siteurl) for f in item.countries)
        meta.append(f'<span class="chronicles-entry-countries">{links}</span>')
    return meta


def updates_item(item, siteurl: str, strftime: Callable, date_format: str) -> Markup:
    """A note on the "Updates and corrections" page (``item`` a
    ``NoteEntry``): its label, its date (as typed, or in ``date_format``),
    the post's title linking to the note, and the note's first words."""
    note = item.note
    head = f'<span class="chronicles-badge chronicles-badge-{note.kind}">{escape(note.label)}</span>'
    if note.date:
        head += f" {time(note.date, note.date_text or strftime(note.date, date_format))}"
    head += f' <a href="{escape(siteurl)}/{escape(item.url)}">{text(item.article.title)}</a>'
    lines = [
        f'<li class="chronicles-updates-item chronicles-{note.kind}"{language_of(item.article)}>',
        f'  <p class="chronicles-updates-head">{head}</p>',
    ]
    if note.summary:
        lines.append(f'  <p class="chronicles-updates-summary">{escape(note.summary)}</p>')
    lines.append("</li>")
    return Markup("\n".join(lines))


def statement(item, siteurl: str, labels: dict, strftime: Callable, date_format: str) -> Markup:
    """A quote or transcript turn on its speaker's page (``item`` a
    ``Statement``): the post's date in ``date_format``, its words (``cite``
    and the link lead back to its place in the post) and the role the
    speaker spoke in."""
    href = f"{escape(siteurl)}/{escape(item.url)}"
    role = f'<span class="chronicles-role">{escape(item.role)}</span>, ' if item.role else ""
    date = strftime(item.date, date_format)
    return Markup("\n".join([
        f'<li class="chronicles-statement chronicles-statement-{item.kind}"{language_of(item.article)}>',
        f'  <p class="chronicles-statement-date">{time(item.date, date)}</p>',
        f'  <blockquote class="chronicles-statement-text" cite="{href}"><p>{escape(item.text)}</p></blockquote>',
        f'  <p class="chronicles-statement-context">{role}{escape(labels["statement_in"])}'
        f' <a href="{href}">{text(item.article.title)}</a></p>',
        "</li>",
    ]))


def revisions(listed, history_url: str | None, labels: dict, when: Callable) -> Markup:
    """``details.chronicles-history``: a post's revisions (``Revision``),
    newest first, each its date (``when(date)`` as readers see it) linking to
    what it changed on the history page at ``history_url``, and the commit's
    summary; closed until a reader opens it."""
    items = []
    for revision in listed:
        date = time(revision.date, when(revision.date))
        if history_url:
            date = Markup(f'<a href="{escape(history_url)}#{revision.anchor}">{date}</a>')
        items.append(f'<li>{date} <span class="chronicles-revision-summary" dir="auto">{escape(revision.summary)}</span></li>\n')
    more = (f'<p><a class="chronicles-history-link" href="{escape(history_url)}">{escape(labels["what_changed"])}</a></p>\n'
            if history_url else "")
    return Markup(
        f'<details class="chronicles-history">\n<summary>{escape(labels["version_history"])}</summary>\n'
        f'<ol class="chronicles-revisions" reversed>\n{"".join(items)}</ol>\n{more}</details>\n'
    )


def changes(hunks) -> Markup:
    """``div.chronicles-diff``: what a revision changed (``history.word_diff``'s
    hunks), each hunk a ``div.chronicles-diff-hunk`` of the file's text with
    ``<del>`` and ``<ins>`` around the words deleted and inserted."""
    written = []
    for hunk in hunks:
        pieces = "".join(f"<{kind}>{escape(text)}</{kind}>" if kind else str(escape(text)) for kind, text in hunk)
        written.append(f'<div class="chronicles-diff-hunk">{pieces}</div>\n')
    return Markup(f'<div class="chronicles-diff">\n{"".join(written)}</div>')
