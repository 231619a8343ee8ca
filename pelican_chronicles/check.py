"""The author's commands, without a build (SPEC 16): checking posts and
appending a note. No printing: ``cli.py`` parses the arguments and writes
what these functions return.

``check`` reads every Markdown post with the site's settings, configured as
the plugin configures them for a build (``glue.configure``), through
Pelican's own reader and content classes, with the plugin's receiver of
Pelican's context signal (``glue.build_chronicle``) and its report of what
could not be used (``glue.report_problems``). What the plugin and Pelican
log while a post is read is what a build would print; a logging handler
collects it, post by post, and each warning gets the line of the text it
quotes. A few checks a build has no reason to make come on top: near-miss
markers, undated notes among dated ones, title flags without a note of
their kind, and (``strict``) sources without a URL. Nothing is written: no
output, no cache.

    >>> site = load_site(None, "content")                   # doctest: +SKIP
    >>> [f.as_text() for f in check_site(site).findings]   # doctest: +SKIP
    ['content/treaty.md:12: near-miss marker "UDPATE:": did you mean "Update"? It is not read as a note']

Posts are independent, so a large site is read by several processes
(``jobs``), each with its own settings and readers; a small one in this
process.
"""

from __future__ import annotations

import bisect
import concurrent.futures
import datetime
import errno
import logging
import os
import re
import xml.etree.ElementTree as etree
import zoneinfo
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from types import SimpleNamespace

import markdown
from markdown.extensions.meta import BEGIN_RE, END_RE, META_MORE_RE, META_RE
from pelican.contents import Article, Page, SkipStub
from pelican.generators import Generator
from pelican.readers import MarkdownReader, Readers
from pelican.settings import read_settings

from . import dates, glue
from . import metadata as post_metadata
from . import settings as chronicles_settings
from .languages import Language
from .model import CORRECTION, UPDATE, Chronicle
from .syntax import ChroniclesExtension
from .syntax.chronicle import UNSAFE_CITATION
from .syntax.common import EMPHASIS
from .syntax.notes import NoteProcessor
from .text import babel_locale
from .titles import read_flags

SETTINGS_FILE = "pelicanconf.py"  # read from the current directory when -s is not given
PARALLEL_FROM = 64  # posts from which several processes read them


class UsageError(Exception):
    """The command cannot run: a missing settings file or content folder,
    settings that do not load, a post that is not a Markdown file."""


# --- what check reports -----------------------------------------------------------

# Each kind of problem, with what it means; the README lists them.
KINDS = {
    "unreadable-date": "the plugin cannot read the date of a note",
    "note-before-post": "a note is dated before its post",
    "future-date": "a note is dated more than a day after the check (a typo): the date is not used",
    "time-zone": "a time zone abbreviation in a note's date that was not used",
    "unknown-country": "a value of Countries: that names no country",
    "refused-url": "a URL of Sources: or of an attribution that the plugin drops",
    "markup-in-source": "HTML in a source name, shown as text",
    "plugin-warning": "another warning of the plugin",
    "pelican-warning": "a warning or error Pelican logs while reading the post",
    "unreadable-post": "Pelican cannot read the post at all (its Date:, for instance)",
    "near-miss-marker": "a paragraph that starts like a note, with a misspelt marker word",
    "undated-note": "a note without a date in a post whose other notes are dated",
    "flag-without-note": "a title flag whose kind no note of the post has: (UPDATE) without update notes",
    "source-without-url": "a source of Sources: without a URL (reported with --strict only)",
    "address-without-scheme": "an address of Sources: or of an attribution written without https://, read as https",
}
# Kinds that tell the author something but are no problem: listed, without
# making the exit status 1.
NOTICES = frozenset({"address-without-scheme"})

# The plugin's warnings, told apart by the words of their messages (the
# plugin's own constants where it has them); anything else it logs is a
# "plugin-warning".
_PLUGIN_KINDS = (
    (post_metadata.UNKNOWN_COUNTRY, "unknown-country"),
    (post_metadata.UNSAFE_URL, "refused-url"),
    (post_metadata.MARKUP_IN_SOURCE, "markup-in-source"),
    (UNSAFE_CITATION.split("{", 1)[0], "refused-url"),
    ("cannot read the date", "unreadable-date"),
    ("dated before its post", "note-before-post"),
    ("dated in the future", "future-date"),
    ("time zone", "time-zone"),
)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem: ``file:line: message``; ``kind`` is one of KINDS."""

    file: str
    line: int
    message: str
    kind: str
    subject: str | None = field(default=None, compare=False)  # the source a source-without-url is about

    def as_text(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def as_dict(self) -> dict:
        return {name: value for name, value in asdict(self).items() if name != "subject"}


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    posts: int = 0


# --- the site ---------------------------------------------------------------------


@dataclass(frozen=True)
class SiteSpec:
    """What loads a site's settings: picklable, so that each process of a
    check loads the same settings."""

    settings_file: str | None  # None: Pelican's defaults
    content: str | None  # the content folder given, as given; None: the settings' PATH


@dataclass
class Site:
    spec: SiteSpec
    settings: dict
    path: str  # the content folder, absolute
    shown: str  # the content folder as paths are shown: as given, or relative to the current folder

    def display(self, relative: str) -> str:
        return os.path.normpath(os.path.join(self.shown, relative))


def find_settings_file(given: str | None) -> str | None:
    """``-s FILE``, else ./pelicanconf.py when there is one, else None."""
    if given is not None:
        if not os.path.isfile(given):
            raise UsageError(f"settings file not found: {given}")
        return given
    return SETTINGS_FILE if os.path.isfile(SETTINGS_FILE) else None


def load_settings(spec: SiteSpec) -> dict:
    """The site's settings as a build with the plugin has them: read by
    Pelican, checked and configured by the plugin, the content folder in
    PATH; content caching off, for a check writes nothing."""
    override = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}
    if spec.content is not None:
        override["PATH"] = os.path.abspath(spec.content)
    of = f" of {spec.settings_file}" if spec.settings_file else ""
    # What Pelican and the plugin warn about in the settings themselves
    # (no SITEURL for the feeds, no TIMEZONE) is the build's business: a
    # check reports the posts' problems.
    with Capture():
        return _load_settings(spec, override, of)


def _load_settings(spec: SiteSpec, override: dict, of: str) -> dict:
    try:
        settings = read_settings(spec.settings_file, override=override)
    except ValueError as err:
        if spec.content is None and "path containing the content" in str(err):
            raise UsageError(f"content folder not found: the PATH of the settings{of} is no folder; give CONTENT") from None
        raise UsageError(f"cannot load the settings{of}: {err}") from None
    except Exception as err:  # noqa: BLE001 - a settings file can raise anything: reported, not a crash
        raise UsageError(f"cannot load the settings{of}: {type(err).__name__}: {err}") from None
    try:
        glue.configure(SimpleNamespace(settings=settings))
    except chronicles_settings.SettingsError as err:
        raise UsageError(f"{err}") from None
    return settings


def load_site(settings_file: str | None, content: str | None) -> Site:
    """The site to check: CONTENT, else the PATH of the settings (Pelican's
    defaults: the current folder). Raises UsageError for a missing settings
    file or content folder, and for settings that do not load."""
    settings_file = find_settings_file(settings_file)
    if content is not None and not os.path.isdir(content):
        raise UsageError(f"content folder not found: {content}")
    if content is None and settings_file is None:
        content = os.curdir
    spec = SiteSpec(settings_file, content)
    settings = load_settings(spec)
    path = settings["PATH"]
    if content is not None:
        shown = content
    else:
        relative = os.path.relpath(path)
        shown = path if relative.split(os.sep, 1)[0] == os.pardir else relative
    return Site(spec, settings, path, shown)


def markdown_extensions(readers: Readers) -> tuple[str, ...]:
    """The file extensions Pelican reads as Markdown with these settings."""
    return tuple(ext for ext, reader in readers.readers.items() if isinstance(reader, MarkdownReader))


def posts(site: Site) -> list[tuple[str, str]]:
    """The Markdown posts of the site, as (path relative to the content
    folder, "article" or "page"), found as Pelican's article and page
    generators find them (``Generator.get_files``: ARTICLE_PATHS,
    PAGE_PATHS, their excludes, IGNORE_FILES), in path order."""
    settings = site.settings
    finder = Generator(context={}, settings=settings, path=site.path, theme=settings["THEME"], output_path=None)
    extensions = markdown_extensions(finder.readers)
    pages = finder.get_files(settings["PAGE_PATHS"], exclude=settings["PAGE_EXCLUDES"], extensions=extensions)
    articles = finder.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"], extensions=extensions)
    found = {os.path.normpath(p): "article" for p in articles}
    found.update({os.path.normpath(p): "page" for p in pages})
    return sorted(found.items())


# --- the source of a post ---------------------------------------------------------------

_NEWLINES = re.compile(r"\r\n|\r|\n")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# What starts a block that is not a paragraph: a heading, a list item, a
# table row, raw HTML, a thematic break.
_NOT_PARAGRAPH = re.compile(r"#|[*+-][ \t]|\d{1,9}[.)][ \t]|\||<|(?:[*_-][ \t]*){3,}$")


class Source:
    """A post's text as the author wrote it (newlines read as ``\\n``), and
    where things are in it."""

    def __init__(self, text: str):
        self.text = _NEWLINES.sub("\n", text.removeprefix("\ufeff"))
        self.lines = self.text.split("\n")
        self.offsets = [0]
        for line in self.lines[:-1]:
            self.offsets.append(self.offsets[-1] + len(line) + 1)
        self.header: dict[str, int] = {}  # metadata key, lower case: its 1-based line
        self.body = self._read_header()  # index of the body's first line
        self._searched: dict[str, int] = {}  # each text looked for: where to look next

    @classmethod
    def read(cls, path: str) -> Source:
        with open(path, "rb") as fh:
            return cls(fh.read().decode("utf-8", "replace"))

    def _read_header(self) -> int:
        """The metadata lines at the top, as Python-Markdown's meta
        extension reads them (its own patterns)."""
        lines, index, key = self.lines, 0, None
        if lines and BEGIN_RE.match(lines[0]):
            index = 1
        while index < len(lines):
            line = lines[index]
            if not line.strip() or (index and END_RE.match(line)):
                return index + 1 if line.strip() else index
            found = META_RE.match(line)
            if found:
                key = found.group("key").lower()
                self.header.setdefault(key, index + 1)
            elif not (key and META_MORE_RE.match(line)):
                return index
            index += 1
        return index

    def line_at(self, offset: int) -> int:
        return bisect.bisect_right(self.offsets, offset)

    def metadata_value(self, key: str) -> str | None:
        line = self.header.get(key)
        if line is None:
            return None
        return self.lines[line - 1].split(":", 1)[1].strip()

    def locate(self, text: str) -> int | None:
        """The line of ``text``: the next occurrence after the one found
        the last time the same text was looked for (so that two warnings
        quoting the same text point to two places), else the first; with
        any whitespace where it has some; None when it is not there."""
        text = text.strip()
        if text.endswith("...") and len(text) > 3:  # quoted, cut to 80 characters
            text = text[:-3].rstrip()
        if not text:
            return None
        start = self._searched.get(text, 0)
        pattern = re.compile(r"\s+".join(re.escape(part) for part in text.split()))
        found = pattern.search(self.text, start) or (pattern.search(self.text) if start else None)
        if found is None:
            return None
        self._searched[text] = found.end()
        return self.line_at(found.start())

    def paragraphs(self) -> Iterator[tuple[int, str, str]]:
        """The body's top-level paragraphs and blockquotes, as (1-based line,
        "p" or "blockquote", text of the paragraph or of the blockquote's
        first paragraph as the block parser leaves it). Fenced and indented
        code, headings, lists, tables and raw HTML are passed over."""
        lines = self.lines
        fence = None
        after_blank = True
        index = self.body
        while index < len(lines):
            line = lines[index]
            if fence is not None:
                if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                    fence = None
                index += 1
                continue
            if not line.strip():
                after_blank = True
                index += 1
                continue
            opening = _FENCE.match(line)
            if opening:
                fence = opening.group(1)
                after_blank = False
                index += 1
                continue
            start = index
            block = []
            while index < len(lines) and lines[index].strip():
                block.append(lines[index])
                index += 1
            if not after_blank or line[0] in " \t" or _NOT_PARAGRAPH.match(line):
                after_blank = False
                continue
            after_blank = False
            if line.startswith(">"):
                quoted = []
                for each in block:
                    each = re.sub(r"^>[ ]?", "", each)
                    if not each.strip():
                        break
                    quoted.append(each)
                yield start + 1, "blockquote", "\n".join(quoted).strip()
            else:
                yield start + 1, "p", "\n".join(block).strip()


def why_unreadable(path: str, err: OSError) -> str:
    """What stops a post's file from being read, in words: a symbolic link
    to nothing, a loop of symbolic links, else the system's reason."""
    if err.errno == errno.ELOOP:
        return "it is a loop of symbolic links"
    if os.path.islink(path) and not os.path.exists(path):
        return f"it is a symbolic link to {os.readlink(path)}, which does not exist"
    return err.strerror or str(err)


# --- near-miss markers ----------------------------------------------------------------

# A word at the start of a paragraph, maybe in emphasis, maybe with a
# number or a date, then ":" or "(": what a marker looks like. And the
# word of a callout, "> [!UDPATE]".
_MARKER_SHAPE = re.compile(
    rf"(?:{EMPHASIS})?(?P<word>[^\W\d_]+)(?:{EMPHASIS})?[ \t\u00a0]*(?:\d[\d./-]*[ \t]*)?(?:{EMPHASIS})?[:：(（]"
)
_CALLOUT_SHAPE = re.compile(r"\[!(?P<word>[^\W\d_]+)\]")


def distance(a: str, b: str) -> int:
    """The edit distance of ``a`` and ``b``, a swap of two neighbouring
    letters counting as one edit (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def near_miss(word: str, language: Language) -> str | None:
    """The marker word of ``language`` that ``word`` misspells, or None.

    Within one edit of a word of up to 7 letters (``Upate``, ``UDPATE``,
    a swap counting as one), two of a longer one (``CORECTON``). Kept out,
    as ordinary words: the marker words themselves; longer words that
    start with one (``Editorial``, ``Updates``); any change to a word of 4
    letters or fewer but a swap (``Edti`` is a near miss, ``Exit``,
    ``Edith`` are words); two edits unless the word is in capitals, as
    labels are, and two letters replaced in a word of the same length
    (``Collection``, ``Connection``); the language's transcript words.
    """
    folded = word.casefold()
    markers = (*language.update_words, *language.correction_words)
    ordinary = {w.casefold() for w in (*markers, *language.question_words, *language.answer_words)}
    if folded in ordinary or any(folded.startswith(m.casefold()) for m in markers):
        return None
    best = None
    for marker in markers:
        target = marker.casefold()
        if len(target) < 4:
            continue
        edits = distance(folded, target)
        if edits > (1 if len(target) < 8 else 2):
            continue
        same_letters = sorted(folded) == sorted(target)
        if len(target) <= 4 and not same_letters:
            continue
        if edits == 2 and (not word.isupper() or (len(folded) == len(target) and not same_letters)):
            continue
        if best is None or edits < best[0]:
            best = (edits, marker)
    return best[1] if best else None


# --- reading one post ---------------------------------------------------------------


class Capture(logging.Handler):
    """The warnings and errors logged while it is open (``with Capture() as
    capture``): on the root logger, where Pelican's and the plugin's
    loggers send them, and instead of any other output."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []
        self._level = logging.NOTSET

    def emit(self, record):
        self.records.append(record)

    def __enter__(self):
        root = logging.getLogger()
        root.addHandler(self)
        self._level = root.level
        if root.level == logging.NOTSET or root.level > logging.WARNING:
            root.setLevel(logging.WARNING)
        return self

    def __exit__(self, *exc):
        root = logging.getLogger()
        root.removeHandler(self)
        root.setLevel(self._level)
        return False


class _ContextSignal:
    """Stands in for Pelican's article_generator_context and
    page_generator_context signals, which, in a build with the plugin,
    reach the plugin's ``build_chronicle``; the sender is the generator,
    of which it reads the settings."""

    name = "article_generator_context"  # for its debug log line

    def send(self, sender, metadata):
        glue.build_chronicle(sender, metadata)


class PostChecker:
    """Checks posts of one site, in one process: Pelican's readers, the
    languages, and the plugin's note processor, made once."""

    def __init__(self, site: Site):
        self.site = site
        self.settings = site.settings
        self.readers = Readers(self.settings)
        self.languages = glue.languages_of(self.settings)
        self.generator = SimpleNamespace(settings=self.settings)  # what build_chronicle reads
        # The plugin's recognition of markers, for paragraphs read from the
        # source: its note processor, on a Markdown instance of its own.
        options = self.settings["MARKDOWN"]["extension_configs"][glue.EXTENSION]
        self.md = markdown.Markdown(extensions=[ChroniclesExtension(**options)])
        self.notes = self.md.treeprocessors["chronicles-notes"]

    def check(self, relative: str, role: str) -> tuple[list[Finding], set[str]]:
        """The problems of one post, and the keys of the sources it gives a
        URL (a source is without one only when no post gives it one)."""
        path = os.path.join(self.site.path, relative)
        shown = self.site.display(relative)
        try:
            source = Source.read(path)
        except OSError as err:  # a build warns and goes on: so does a check
            return [Finding(shown, 1, f"cannot read this file: {why_unreadable(path, err)}", "unreadable-post")], set()
        findings: list[Finding] = []
        linked: set[str] = set()
        with Capture() as capture:
            try:
                content = self.read(relative, role)
                chronicle = getattr(content, "chronicles", None)
                if content is not None and content.is_valid() and isinstance(chronicle, Chronicle):
                    glue.report_problems([SimpleNamespace(articles=[content])])
                    findings += self.own_checks(content, chronicle, source, shown)
                    linked = {each.key for each in chronicle.sources if each.url}
            except Exception as err:  # noqa: BLE001 - as Pelican's generators do: the post is reported, the check goes on
                findings.append(self.unreadable(err, source, shown))
        findings += [self.logged(record, source, relative, path, shown) for record in capture.records]
        return findings, linked

    def read(self, relative: str, role: str):
        """The post as Pelican's generator reads it in a build: its reader,
        its content class, and the plugin's receiver of the context
        signal. None for a post whose status is ``skip``."""
        content = self.readers.read_file(
            base_path=self.site.path,
            path=relative,
            content_class=Page if role == "page" else Article,
            context_signal=_ContextSignal(),
            context_sender=self.generator,
        )
        return None if isinstance(content, SkipStub) else content

    # --- what was logged -------------------------------------------------

    def logged(self, record: logging.LogRecord, source: Source, relative: str, path: str, shown: str) -> Finding:
        message = record.getMessage()
        for name in (relative, path):
            message = message.removeprefix(f"{name}: ").replace(path, shown)
        plugin = record.name.startswith("pelican_chronicles")
        kind = "pelican-warning"
        if plugin:
            kind = next((k for words, k in _PLUGIN_KINDS if words in message), "plugin-warning")
        quoted = re.findall(r'"([^"]+)"|`([^`]+)`', message)
        candidates = [a or b for a, b in reversed(quoted)]
        candidates += [a for a in reversed(record.args or ()) if isinstance(a, str) and a not in (relative, path)]
        return Finding(shown, self.line_of(candidates, message, source), message, kind)

    @staticmethod
    def line_of(candidates, message: str, source: Source) -> int:
        """Where the text a message quotes is: a metadata key it names is
        its line in the header, other text is found in the source; else the
        line of a metadata key the message names; else 1."""
        for text in candidates:
            key = text.strip().lower()
            if key in source.header:
                return source.header[key]
            # A bare lower-case word ('title') names a metadata key, not text of the body.
            if not re.fullmatch(r"[a-z_]+", text.strip()):
                line = source.locate(text)
                if line:
                    return line
        words = {w.lower() for w in re.findall(r"\w+", message)}
        return next((line for key, line in source.header.items() if key in words), 1)

    def unreadable(self, err: Exception, source: Source, shown: str) -> Finding:
        """A post Pelican cannot read (a build skips it with an error)."""
        text = str(err) or type(err).__name__
        candidates = [a for a in err.args[1:] if isinstance(a, str)] + re.findall(r"'([^']+)'", text)
        if ": " in text:
            candidates.append(text.rsplit(": ", 1)[1])
        return Finding(shown, self.line_of(candidates, text, source), f"Pelican cannot read this post: {text}", "unreadable-post")

    # --- the command's own checks -----------------------------------------------

    def own_checks(self, content, chronicle: Chronicle, source: Source, shown: str) -> list[Finding]:
        language = self.languages.get(content.metadata.get("lang"))
        markers, findings = self.scan(source, language, shown)
        findings += self.undated_notes(chronicle, markers, shown)
        findings += self.flags_without_notes(content, chronicle, source, language, shown)
        findings += self.sources_without_url(content, chronicle, source, shown)
        findings += self.addresses_without_scheme(chronicle, source, shown)
        return findings

    def scan(self, source: Source, language: Language, shown: str) -> tuple[dict, list[Finding]]:
        """The line of each note marker, as the plugin recognises them, by
        (kind, number); and the near-miss markers."""
        self.md.reset()
        self.md.Meta = {"lang": [language.code]}
        self.notes.words(language)
        counters = {UPDATE: 0, CORRECTION: 0}
        lines, findings = {}, []
        for line, tag, text in source.paragraphs():
            block = etree.Element(tag)
            paragraph = etree.SubElement(block, "p") if tag == "blockquote" else block
            paragraph.text = text
            found = self.notes.marker(block) if text else None
            if found is not None:
                counters[found.kind] += 1
                lines[found.kind, counters[found.kind]] = line, found
                continue
            shape = (_CALLOUT_SHAPE if tag == "blockquote" else _MARKER_SHAPE).match(text)
            meant = near_miss(shape.group("word"), language) if shape else None
            if meant:
                typed = shape.group().rstrip("(（").strip()
                findings.append(Finding(
                    shown, line, f'near-miss marker "{typed}": did you mean "{meant}"? '
                    "It is not read as a note", "near-miss-marker",
                ))
        return lines, findings

    @staticmethod
    def undated_notes(chronicle: Chronicle, markers: dict, shown: str) -> list[Finding]:
        """Notes without a date in a post with dated notes; not those with
        a date the plugin could not read, which it warns about itself."""
        if not any(note.date for note in chronicle.notes):
            return []
        findings = []
        for note in chronicle.notes:
            line, marker = markers.get((note.kind, note.number), (1, None))
            if note.date is None and not (marker and NoteProcessor.split_qualifier(marker.qualifier)[1]):
                findings.append(Finding(
                    shown, line,
                    f"this {note.kind} note ({note.anchor}) has no date, though the other notes of the post have one",
                    "undated-note",
                ))
        return findings

    @staticmethod
    def flags_without_notes(content, chronicle: Chronicle, source: Source, language: Language, shown: str) -> list[Finding]:
        """Title flags whose kind no note of the post has: any flag of a post
        without notes, "[CORRECTED]" on a post with update notes only."""
        kinds = {note.kind for note in chronicle.notes}
        missing = [flag for flag in chronicle.flags if flag not in kinds]
        if not missing:
            return []
        typed = source.metadata_value("title") or ""
        line = source.header.get("title", 1)
        if not chronicle.notes:
            clean = content.metadata.get("title") or ""
            flag = typed[: len(typed) - len(clean)].strip() if clean and typed.endswith(clean) else typed
            return [Finding(
                shown, line, f'the title is flagged "{flag}" but the post has no update or correction note',
                "flag-without-note",
            )]
        flags = typed_flags(typed, language)
        return [
            Finding(shown, line, f'the title is flagged "{flags.get(kind, typed)}" but the post has no {kind} note',
                    "flag-without-note")
            for kind in missing
        ]

    @staticmethod
    def addresses_without_scheme(chronicle: Chronicle, source: Source, shown: str) -> list[Finding]:
        """Addresses written without a scheme (``yonhap.co.kr``): the plugin
        links them as https, and the author may want to write it."""
        return [
            Finding(shown, source.locate(address) or source.header.get("sources", 1),
                    f'address without a scheme, linked as "https://{address}"', "address-without-scheme")
            for address in dict.fromkeys(chronicle.read_as_https)
        ]

    @staticmethod
    def sources_without_url(content, chronicle: Chronicle, source: Source, shown: str) -> list[Finding]:
        """Sources: entries without a URL that no dateline or quote of the
        post gives one either (``check_site`` then drops those another post
        gives one)."""
        with_url = {each.key for each in chronicle.sources if each.url}
        listed, _problems = post_metadata.parse_sources(content.metadata.get("sources"))
        line = source.header.get("sources", 1)
        return [
            Finding(shown, line, f'source without a URL in Sources: "{each.name}"', "source-without-url", each.key)
            for each in listed
            if each.key not in with_url
        ]


def typed_flags(title: str, language: Language) -> dict[str, str]:
    """The flags at the start of ``title`` as typed, by kind:
    ``{"correction": "[CORRECTED]"}``; the first of each kind."""
    typed: dict[str, str] = {}
    for kind, text in read_flags(title, language.update_words, language.correction_words)[0]:
        typed.setdefault(kind, text)
    return typed


# --- checking a site ------------------------------------------------------------------

_WORKER: PostChecker | None = None  # the checker of a worker process


def _start_worker(spec: SiteSpec, shown: str) -> None:
    global _WORKER  # noqa: PLW0603 - one checker per worker process, made when it starts
    settings = load_settings(spec)
    _WORKER = PostChecker(Site(spec, settings, settings["PATH"], shown))


def _check_in_worker(item: tuple[str, str]) -> tuple[list[Finding], set[str]]:
    return _WORKER.check(*item)


def check_site(
    site: Site, jobs: int | None = None, progress: Callable[[int, int], None] | None = None, strict: bool = False
) -> Report:
    """Check every Markdown post of ``site``; ``progress(done, total)`` is
    called after each post. A source cited without a URL (a TV channel, a
    newspaper) is normal in journalism: reported only when ``strict``, and
    when no post gives it one. ``jobs``: processes reading posts (default:
    one per CPU); a site of fewer than PARALLEL_FROM posts is read here."""
    found = posts(site)
    report = Report(posts=len(found))
    with_url: set[str] = set()  # sources some post gives a URL
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(found) >= PARALLEL_FROM:
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=jobs, initializer=_start_worker, initargs=(site.spec, site.shown)
        ) as pool:
            results = pool.map(_check_in_worker, found, chunksize=8)
            for done, (findings, linked) in enumerate(results, 1):
                report.findings += findings
                with_url |= linked
                if progress:
                    progress(done, len(found))
    else:
        checker = PostChecker(site)
        for done, item in enumerate(found, 1):
            findings, linked = checker.check(*item)
            report.findings += findings
            with_url |= linked
            if progress:
                progress(done, len(found))
    report.findings = [
        f for f in report.findings if f.kind != "source-without-url" or (strict and f.subject not in with_url)
    ]
    report.findings.sort(key=lambda f: (f.file, f.line, f.kind, f.message))
    return report


# --- appending a note (pelican-chronicles note) --------------------------------------


@dataclass(frozen=True)
class Appended:
    """A note appended to a post: its anchor, as the plugin gives it, and
    the marker written (``Update (20 June 2024, 08:30):``)."""

    anchor: str
    marker: str
    date: datetime.datetime
    problems: tuple[str, ...]  # what the plugin would warn about in the new note


def newline_of(text: str) -> str:
    """The file's own line ending: the first it uses, else ``\\n``."""
    found = _NEWLINES.search(text)
    return found.group() if found else "\n"


def note_suffix(text: str, note: str) -> str:
    """What to append to ``text`` so that ``note`` is a paragraph of its
    own at the end, in the file's line endings: after a blank line; with a
    final line ending when the file has one."""
    newline = newline_of(text)
    lines = _NEWLINES.split(text)
    if text and _NEWLINES.search(text[-1]):  # ends with a line ending: lines[-1] is ""
        blank_before = len(lines) < 2 or not lines[-2].strip()
        return ("" if blank_before else newline) + note + newline
    last_is_blank = not lines[-1].strip()
    return (newline if last_is_blank else newline + newline) + note


def date_forms(when: datetime.datetime, with_time: bool, language: Language) -> list[str]:
    """The date of a new note as the post's language writes it (CLDR's
    long date through Babel, and its time), then as ISO 8601, which the
    plugin reads in every language."""
    iso = when.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
    locale = babel_locale(language.code)
    if locale is None:
        return [iso]
    import babel.dates

    native = babel.dates.format_date(when, "long", locale=locale)
    if with_time:
        pattern = str(locale.datetime_formats.get("medium", "{1}, {0}"))
        native = pattern.replace("{1}", native).replace("{0}", babel.dates.format_time(when, "HH:mm", locale=locale))
    # Plain spaces in a text file: CLDR's narrow no-break space ("2024 г.")
    # and direction marks are invisible in an editor.
    native = " ".join(native.replace("\u200f", "").replace("\u200e", "").split())
    return [native, iso] if native != iso else [iso]


def append_note(
    post: str, text: str, *, settings_file: str | None = None, correction: bool = False,
    when: str | None = None, now: datetime.datetime | None = None,
) -> Appended:
    """Append an update (or correction) note to the Markdown ``post``, in
    the post's language (``Lang:``, else DEFAULT_LANG): the language's first
    marker word, and the date ``when`` (read by the plugin's date parser),
    else now, in the site's TIMEZONE. The bytes of the file before the note
    stay as they are. The new text is first read through the plugin's
    extension, with the site's Markdown settings, and written only when the
    plugin finds the note, its kind and its date in it: the first form of
    the date that reads back right is used. Raises UsageError."""
    text = " ".join(text.split())
    if not text:
        raise UsageError("the text of the note is empty")
    if not os.path.isfile(post):
        raise UsageError(f"post not found: {post}")
    # The post's folder stands for the content folder: a note needs none.
    settings = load_settings(SiteSpec(find_settings_file(settings_file), os.path.dirname(post) or os.curdir))
    readers = Readers(settings)  # Pelican's Markdown reader names the configured extensions in MARKDOWN
    extension = os.path.splitext(post)[1][1:]
    if extension not in markdown_extensions(readers):
        raise UsageError(f"not a Markdown post ({', '.join('.' + e for e in markdown_extensions(readers))}): {post}")
    with open(post, "rb") as fh:
        original = fh.read()
    try:
        source = original.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UsageError(f"{post} is not UTF-8 text ({err})") from None
    kind = CORRECTION if correction else UPDATE
    zone = settings.get("TIMEZONE") or "UTC"

    def convert(markdown_text: str):
        md = markdown.Markdown(**settings["MARKDOWN"])
        md.convert(markdown_text.removeprefix("\ufeff"))
        return md

    read = convert(source)
    lang = (read.Meta.get("lang") or [""])[0].strip() or None
    language = glue.languages_of(settings).get(lang)
    post_date = dates.post_date((read.Meta.get("date") or [None])[0], zone)
    if when is None:
        date = (now or datetime.datetime.now(zoneinfo.ZoneInfo(zone))).replace(second=0, microsecond=0)
        with_time = True
    else:
        try:
            date = dates.parse_date(when, timezone=zone, dayfirst=language.dayfirst, after=post_date, lang=language.code)
        except ValueError as err:
            raise UsageError(f"cannot read the date {when!r}: {err}") from None
        if dates.is_ahead(date, now):
            raise UsageError(f"the date {when!r} is in the future ({date.date().isoformat()}); nothing was appended to {post}")
        date = date.astimezone(zoneinfo.ZoneInfo(zone))
        with_time = dates.has_time(when)
    words = language.correction_words if correction else language.update_words
    known = list(read.chronicles.problems)
    for form in date_forms(date, with_time, language):
        marker = f"{words[0]} ({form}):"
        new = source + note_suffix(source, f"{marker} {text}")
        found = convert(new).chronicles
        note = found.notes[-1] if found.notes else None
        if note is None or note.kind != kind or note.date is None:
            continue
        if (note.date == date) if with_time else (note.date.date() == date.date()):
            suffix = new[len(source):].encode("utf-8")
            with open(post, "ab") as fh:
                fh.write(suffix)
            problems = []
            for each in found.problems:  # what the note brings: the new text's problems, less the post's own
                if each in known:
                    known.remove(each)
                else:
                    problems.append(f'{each.message}: "{each.text}"')
            return Appended(note.anchor, marker, note.date, tuple(problems))
    raise UsageError(f"the plugin does not read the note back as written; nothing was appended to {post}")
