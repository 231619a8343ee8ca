"""The chronicle of one post: what the conventions found in it.

Plain data, no Pelican import. Every article and page gets one
``Chronicle`` as ``article.chronicles``. The objects are frozen and hold
tuples, so a cached chronicle can never be changed by a later build, and
they pickle, so Pelican's content caches can store them. A site keeps one
chronicle per post in memory for the whole build: the values have slots,
and ``source()`` gives equal sources one object.
"""

from __future__ import annotations

import datetime
import functools
import unicodedata
from dataclasses import dataclass, field, replace

# The kinds of note (SPEC 2, 17), as news organisations type them. A kind
# is the note's class (``chronicles-editors-note``) and the start of its
# anchors (``editors-note-1``); ``kind_key`` names its label and words.
UPDATE = "update"
CORRECTION = "correction"
CLARIFICATION = "clarification"
RETRACTION = "retraction"
EDITORS_NOTE = "editors-note"
NOTE_KINDS = (UPDATE, CORRECTION, CLARIFICATION, RETRACTION, EDITORS_NOTE)


def kind_key(kind: str) -> str:
    """The key of a kind's label and, with ``_words``, of its marker words:
    ``editors_note`` for ``editors-note``."""
    return kind.replace("-", "_")


def name_key(name: str) -> str:
    """What names are compared by: Unicode's canonical caseless match, so
    that ``Café`` typed composed (NFC) or decomposed (NFD), and in any case,
    is one name. The key is in NFC."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


@dataclass(frozen=True, slots=True)
class Note:
    """An update, correction, clarification, retraction or editor's note in
    the body of a post."""

    kind: str  # one of NOTE_KINDS
    number: int  # 1-based, counted per kind
    label: str  # the visible label, "Update" or "Correction"
    # Aware; None when the note has no date, or none it can have: one that
    # cannot be read, or one in the future (a typo), which the label shows
    # as typed but which never dates the post or a feed entry.
    date: datetime.datetime | None = None
    date_text: str | None = None  # the date as the author typed it
    summary: str = ""  # plain text, the note's first words

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.number}"


@dataclass(frozen=True, slots=True)
class Source:
    """A news agency, outlet or document a post relies on."""

    name: str
    url: str | None = None

    @property
    def key(self) -> str:
        """Sources are the same when their names are, ignoring case and
        Unicode normalisation (``name_key``)."""
        return name_key(self.name)


@functools.lru_cache(maxsize=4096)
def source(name: str, url: str | None = None) -> Source:
    """``Source(name, url)``, one object for equal values: a site cites the
    same few agencies in thousands of posts."""
    return Source(name, url)


@dataclass(frozen=True, slots=True)
class Dateline:
    """``PLACE (Source) -`` at the start of a wire report."""

    place: str
    source: str | None = None
    date_text: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """An attributed quote (``figure.chronicles-quote``)."""

    anchor: str  # "quote-1"
    text: str  # plain text of the quoted words
    speaker: str | None = None
    role: str | None = None
    source: Source | None = None
    date: datetime.date | None = None
    date_text: str | None = None


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker turn of an interview transcript."""

    anchor: str  # "turn-1"
    speaker: str  # the label without its colon and emoji: "Question", "A. Minister"
    text: str  # plain text of what was said
    is_question: bool = False
    named: bool = False  # a person's name rather than a role word (Question, A)


@dataclass(frozen=True, slots=True)
class Country:
    """A country named in ``Countries:`` metadata, resolved from ISO 3166."""

    code: str  # alpha-2, upper case
    alpha3: str
    name: str
    flag: str  # the flag emoji, decorative

    @property
    def slug(self) -> str:
        return self.code.lower()


@dataclass(frozen=True, slots=True)
class Revision:
    """One commit that changed a post's file (SPEC 17, ``history.py``)."""

    commit: str  # the full id
    date: datetime.datetime  # the author's date, aware
    summary: str  # the commit's subject line
    before: str | None  # the file's blob before the commit; None where it began
    after: str  # the file's blob after it

    @property
    def anchor(self) -> str:
        return f"revision-{self.commit[:12]}"


@dataclass(frozen=True, slots=True)
class Problem:
    """Author input the plugin could not use as intended; logged as a warning."""

    message: str  # what is wrong, without the file
    text: str  # the offending text, quoted in the warning
    kind: str = field(default="plugin-warning", compare=False)  # what `check` calls it: "unreadable-date"...
    line: int | None = field(default=None, compare=False)  # in the source file, where the text is


def problem(message: str, text: str, kind: str = "plugin-warning") -> Problem:
    """A problem quoting at most 80 characters of the offending text."""
    text = text.strip()
    return Problem(message, text if len(text) <= 80 else text[:77] + "...", kind)


def latest_date(notes) -> datetime.datetime | None:
    """The newest date among ``notes``, or None when none is dated."""
    return max((n.date for n in notes if n.date is not None), default=None)


@dataclass(frozen=True, slots=True)
class Chronicle:
    """Everything pelican-chronicles knows about one post. A site holds one
    per post for the whole build, so it has slots, and what it derives from
    its fields is computed when asked (from a handful of notes or quotes)."""

    notes: tuple[Note, ...] = ()
    flags: tuple[str, ...] = ()  # from the title: UPDATE and/or CORRECTION
    dateline: Dateline | None = None  # the first dateline of the post
    datelines: tuple[Dateline, ...] = ()
    quotes: tuple[Quote, ...] = ()
    turns: tuple[Turn, ...] = ()
    sources: tuple[Source, ...] = ()  # merged: metadata, datelines, quotes
    countries: tuple[Country, ...] = ()
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    # Addresses of Sources: and attributions written without a scheme and
    # read as https (``yonhap.co.kr``), as typed: no problem, but `check`
    # tells the author.
    read_as_https: tuple[str, ...] = field(default=(), compare=False)
    # The direction and BCP 47 tag of the element around the content of a
    # post in another language than the site's; None for the site's own.
    wrapped_in: tuple[str, str] | None = field(default=None, compare=False)
    # The post's summary without the update log and the sources list, as
    # HTML, when a summary made from the whole body could reach either.
    summary: str | None = field(default=None, compare=False)
    # Each flag as typed, with its kind, in order: (("correction", "[CORRECTED]"),).
    flags_typed: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    # With CHRONICLES_HISTORY, in a build: the post's revisions, newest
    # first, and the URL of the page that shows what each changed.
    revisions: tuple[Revision, ...] = field(default=(), compare=False)
    history_url: str | None = field(default=None, compare=False)

    @property
    def updates(self) -> tuple[Note, ...]:
        return self.of_kind(UPDATE)

    @property
    def corrections(self) -> tuple[Note, ...]:
        return self.of_kind(CORRECTION)

    @property
    def clarifications(self) -> tuple[Note, ...]:
        return self.of_kind(CLARIFICATION)

    @property
    def retractions(self) -> tuple[Note, ...]:
        return self.of_kind(RETRACTION)

    @property
    def editors_notes(self) -> tuple[Note, ...]:
        return self.of_kind(EDITORS_NOTE)

    def of_kind(self, kind: str) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.kind == kind)

    @property
    def is_updated(self) -> bool:
        return bool(self.updates) or UPDATE in self.flags

    @property
    def is_corrected(self) -> bool:
        return bool(self.corrections) or CORRECTION in self.flags

    @property
    def latest_note_date(self) -> datetime.datetime | None:
        return latest_date(self.notes)

    @property
    def speakers(self) -> tuple[str, ...]:
        """Named speakers of quotes and transcript turns, in order of appearance."""
        seen: dict[str, str] = {}
        for name in [q.speaker for q in self.quotes if q.speaker] + [
            t.speaker for t in self.turns if t.named
        ]:
            seen.setdefault(name_key(name), name)
        return tuple(seen.values())

    def evolve(self, **changes) -> Chronicle:
        return replace(self, **changes)


def merge_sources(*groups) -> tuple[Source, ...]:
    """Merge sources by name, ignoring case; the first spelling and URL win,
    a later URL fills a missing one."""
    merged: dict[str, Source] = {}
    for group in groups:
        for item in group:
            key = item.key
            known = merged.get(key)
            if known is None:
                merged[key] = item
            elif known.url is None and item.url:
                merged[key] = source(known.name, item.url)
    return tuple(merged.values())
