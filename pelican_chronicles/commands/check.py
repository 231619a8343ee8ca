"""``pelican-chronicles check``: every Markdown post read as a build reads
it, and what the plugin recorded about it reported, without a build
(SPEC 16).

Each post goes through Pelican's own reader and content classes, with the
site's settings configured as the plugin configures them for a build
(``site.load_settings``), and the plugin's receiver of Pelican's context
signal (``glue.build_chronicle``). The Markdown extension is the only
reader of the conventions: asked for what only a check reports
(``near_misses``), it records every problem of a post in its chronicle,
with its kind and its line: the warnings a build would print, and near-miss
markers, undated notes among dated ones, sources without a URL and
addresses read as https. The check adds title flags without a note of
their kind, from the chronicle, and what Pelican itself logs while it
reads a post. Nothing is written: no output, no cache.

    >>> site = load_site(None, "content")                   # doctest: +SKIP
    >>> [f.as_text() for f in check_site(site).findings]   # doctest: +SKIP
    ['content/treaty.md:12: near-miss marker "UDPATE:": did you mean "Update"? It is not read as a note']

Posts are independent, so a large site is read by several processes
(``jobs``), each with its own settings and readers; a small one in this
process.
"""

from __future__ import annotations

import concurrent.futures
import logging
import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cached_property
from types import SimpleNamespace

from markdown.extensions.meta import BEGIN_RE, END_RE, META_MORE_RE, META_RE
from pelican.contents import Article, Page, SkipStub

from .. import glue
from ..model import Chronicle, Problem, name_key
from ..syntax.lines import SourceLines
from .site import Capture, Site, SiteSpec, load_settings, readers, posts, why_unreadable

PARALLEL_FROM = 64  # posts from which several processes read them

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
# Kinds no build warns about: their message says it all, without the quoted text.
CHECK_ONLY = frozenset({"near-miss-marker", "undated-note", "source-without-url", "address-without-scheme"})


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


class FileLines:
    """The lines of a post's file, read only when a finding needs a line
    the plugin could not give: what Pelican logs, a post Pelican cannot
    read, the title of a flag."""

    def __init__(self, path: str):
        self.path = path

    @cached_property
    def lines(self) -> SourceLines:
        try:
            with open(self.path, "rb") as fh:
                return SourceLines.of_text(fh.read().decode("utf-8", "replace"))
        except OSError:
            return SourceLines([])

    def undecodable_line(self) -> int | None:
        """The line of the first byte that is not UTF-8, if there is one."""
        try:
            with open(self.path, "rb") as fh:
                raw = fh.read()
            raw.decode("utf-8")
        except OSError:
            return None
        except UnicodeDecodeError as err:
            return len(SourceLines.of_text(raw[: err.start].decode("utf-8")).lines)
        return None

    @cached_property
    def header(self) -> dict[str, int]:
        """The line of each metadata key at the top (lower case), as
        Python-Markdown's meta extension reads the header (its patterns)."""
        lines, keys, key = self.lines.lines, {}, None
        index = 1 if lines and BEGIN_RE.match(lines[0]) else 0
        while index < len(lines):
            line = lines[index]
            if not line.strip() or (index and END_RE.match(line)):
                break
            found = META_RE.match(line)
            if found:
                key = found.group("key").lower()
                keys.setdefault(key, index + 1)
            elif not (key and META_MORE_RE.match(line)):
                break
            index += 1
        return keys

    def line_of(self, candidates, message: str) -> int:
        """Where the text a message quotes is: a metadata key it names is
        its line in the header, other text is found in the file; else the
        line of a metadata key the message names; else 1."""
        for text in candidates:
            key = text.strip().lower()
            if key in self.header:
                return self.header[key]
            # A bare lower-case word ('title') names a metadata key, not text of the body.
            if not re.fullmatch(r"[a-z_]+", text.strip()):
                line = self.lines.locate(text)
                if line:
                    return line
        words = {w.lower() for w in re.findall(r"\w+", message)}
        return next((line for key, line in self.header.items() if key in words), 1)


class _ContextSignal:
    """Stands in for Pelican's article_generator_context and
    page_generator_context signals, which, in a build with the plugin,
    reach the plugin's ``build_chronicle``; the sender is the generator,
    of which it reads the settings."""

    name = "article_generator_context"  # for its debug log line

    def send(self, sender, metadata):
        glue.build_chronicle(sender, metadata)


class PostChecker:
    """Checks posts of one site, in one process, with Pelican's readers
    made once. The site's extension options ask for what only a check
    reports (``near_misses``)."""

    def __init__(self, site: Site):
        self.site = site
        self.settings = site.settings
        self.settings["MARKDOWN"]["extension_configs"][glue.EXTENSION]["near_misses"] = True
        self.readers = readers(self.settings)
        self.generator = SimpleNamespace(settings=self.settings)  # what build_chronicle reads

    def check(self, relative: str, role: str) -> tuple[list[Finding], set[str]]:
        """The problems of one post, and the keys of the sources it gives a
        URL (a source is without one only when no post gives it one)."""
        path = os.path.join(self.site.path, relative)
        shown = self.site.display(relative)
        lines = FileLines(path)
        findings: list[Finding] = []
        linked: set[str] = set()
        with Capture() as capture:
            try:
                content = self.read(relative, role)
                chronicle = getattr(content, "chronicles", None)
                if content is not None and content.is_valid() and isinstance(chronicle, Chronicle):
                    findings += [self.recorded(each, shown) for each in chronicle.problems]
                    findings += self.flags_without_notes(chronicle, lines, shown)
                    linked = {each.key for each in chronicle.sources if each.url}
            except OSError as err:  # a build warns and goes on: so does a check
                return [Finding(shown, 1, f"cannot read this file: {why_unreadable(path, err)}", "unreadable-post")], set()
            except Exception as err:  # noqa: BLE001 - as Pelican's generators do: the post is reported, the check goes on
                findings.append(self.unreadable(err, lines, shown))
        findings += [self.logged(record, lines, relative, path, shown) for record in capture.records]
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

    @staticmethod
    def recorded(problem: Problem, shown: str) -> Finding:
        """A problem the plugin recorded: a build's warning says what is
        wrong and quotes the text; what only a check reports says it all."""
        message = problem.message if problem.kind in CHECK_ONLY else f'{problem.message}: "{problem.text}"'
        subject = name_key(problem.text) if problem.kind == "source-without-url" else None
        return Finding(shown, problem.line or 1, message, problem.kind, subject)

    @staticmethod
    def flags_without_notes(chronicle: Chronicle, lines: FileLines, shown: str) -> list[Finding]:
        """Title flags whose kind no note of the post has: any flag of a post
        without notes, "[CORRECTED]" on a post with update notes only."""
        kinds = {note.kind for note in chronicle.notes}
        missing = [flag for flag in chronicle.flags if flag not in kinds]
        if not missing:
            return []
        line = lines.header.get("title", 1)
        if not chronicle.notes:
            typed = " ".join(text for _kind, text in chronicle.flags_typed)
            return [Finding(
                shown, line, f'the title is flagged "{typed}" but the post has no update or correction note',
                "flag-without-note",
            )]
        typed = {}
        for kind, text in chronicle.flags_typed:
            typed.setdefault(kind, text)
        return [
            Finding(shown, line, f'the title is flagged "{typed[kind]}" but the post has no {kind} note',
                    "flag-without-note")
            for kind in missing
        ]

    # --- what Pelican logged ---------------------------------------------

    @staticmethod
    def logged(record: logging.LogRecord, lines: FileLines, relative: str, path: str, shown: str) -> Finding:
        """A warning or error logged while the post was read: Pelican's
        (the plugin records its own in the chronicle), with the line of the
        text it quotes."""
        message = record.getMessage()
        for name in (relative, path):
            message = message.removeprefix(f"{name}: ").replace(path, shown)
        kind = "plugin-warning" if record.name.startswith("pelican_chronicles") else "pelican-warning"
        quoted = re.findall(r'"([^"]+)"|`([^`]+)`', message)
        candidates = [a or b for a, b in reversed(quoted)]
        candidates += [a for a in reversed(record.args or ()) if isinstance(a, str) and a not in (relative, path)]
        return Finding(shown, lines.line_of(candidates, message), message, kind)

    @staticmethod
    def unreadable(err: Exception, lines: FileLines, shown: str) -> Finding:
        """A post Pelican cannot read (a build skips it with an error)."""
        text = str(err) or type(err).__name__
        if isinstance(err, UnicodeDecodeError):  # a file that is not UTF-8: the line of its first such byte
            line = lines.undecodable_line() or 1
            return Finding(shown, line, f"Pelican cannot read this post: {text}", "unreadable-post")
        candidates = [a for a in err.args[1:] if isinstance(a, str)] + re.findall(r"'([^']+)'", text)
        if ": " in text:
            candidates.append(text.rsplit(": ", 1)[1])
        return Finding(shown, lines.line_of(candidates, text), f"Pelican cannot read this post: {text}", "unreadable-post")


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
