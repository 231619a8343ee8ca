"""Automatic summaries without the update log and the sources list.

Pelican summarises a post by truncating its content, which would start every
summary of an updated post with its update log and end short ones with the
sources list. Once every post is read, such posts get a summary computed by
Pelican's own ``get_summary`` from their content without those two blocks.
A post whose summary cannot reach either is left to Pelican, which makes
its summary only if a page shows it.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

LOG_CLASS = 'class="chronicles-update-log"'
SOURCES_CLASS = 'class="chronicles-sources"'
# The text between tags.
_TEXT = re.compile(r"(?:^|(?<=>))[^<]+")


def _log_end(html: str) -> int | None:
    """Where the update log that opens the content ends, if it does."""
    if html.startswith("<nav") and LOG_CLASS in html[: html.find(">")]:
        return html.find("</nav>") + len("</nav>")
    return None


def _sources_start(html: str) -> int | None:
    """Where the sources list that closes the content starts, if it does."""
    start = html.rfind("<aside")
    if start != -1 and SOURCES_CLASS in html[start : html.find(">", start)]:
        return start
    return None


def without_blocks(html: str) -> str:
    """The content without the update log that opens it and the sources list
    that closes it (both are only ever placed there, by the extension)."""
    end = _log_end(html)
    if end is not None:
        html = html[end:].lstrip()
    start = _sources_start(html)
    if start is not None and html.rstrip().endswith("</aside>"):
        html = html[:start].rstrip()
    return html


def has_blocks(chronicle) -> bool:
    return bool(chronicle.notes or chronicle.sources)


def reaches_blocks(html: str, settings) -> bool:
    """Whether Pelican's summary of ``html`` could hold the update log or the
    sources list: the log opens the content; the list closes it, and counts
    as reached unless twice ``SUMMARY_MAX_LENGTH`` words stand before it
    (a margin: Pelican counts words its own way), and whenever summaries
    are counted in paragraphs or not cut at all."""
    if _log_end(html) is not None:
        return True
    start = _sources_start(html)
    if start is None:
        return False
    length = settings.get("SUMMARY_MAX_LENGTH")
    if length is None or settings.get("SUMMARY_MAX_PARAGRAPHS") is not None:
        return True
    words = 0
    for text in _TEXT.finditer(html, 0, start):  # stops at the first words past the margin
        words += len(text.group().split())
        if words > 2 * length:
            return False
    return True


def summary_without_blocks(content_object) -> str | None:
    """The summary Pelican would make from the content minus our blocks, or
    None when the post has its own Summary or Pelican's own summary cannot
    reach them."""
    if "summary" in content_object.metadata:
        return None
    content = content_object.content
    if not reaches_blocks(content, content_object.settings):
        return None
    stripped = without_blocks(content)
    if stripped == content:
        return None
    stand_in = SimpleNamespace(metadata={}, settings=content_object.settings, content=stripped)
    return pelican_get_summary(type(content_object))(stand_in, content_object.get_siteurl())


def pelican_get_summary(cls):
    """Pelican's own ``get_summary``, without its memoizing wrapper (which
    would keep every stand-in alive)."""
    for klass in cls.__mro__:
        if "get_summary" in vars(klass):
            method = vars(klass)["get_summary"]
            return getattr(method, "func", method)
    raise AttributeError("get_summary")
