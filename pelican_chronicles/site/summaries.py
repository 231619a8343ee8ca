"""Summaries: Pelican's, cut from a post's content as ``Content.get_summary``
cuts it, and the plugin's, without the blocks it adds to a post.

The summary of a post with an update log, a sources list or a wrapper of
its language is the plugin's, made when the post is read (so that Pelican's
content cache keeps it); one whose content changes later (another plugin's
footnotes, the version history) has it cut again here.
"""

from __future__ import annotations

from pelican.utils import truncate_html_paragraphs, truncate_html_words

from ..model import Chronicle
from ..syntax.chronicle import CONTENT, wrapped

try:  # Pelican 4.12 leaves a table of contents out of summaries
    from pelican.utils import strip_toc_elements_from_html
except ImportError:  # pragma: no cover - older Pelican
    def strip_toc_elements_from_html(html: str) -> str:
        return html

# What the plugin adds to a post, which its summary leaves out.
OWN_BLOCKS = ("nav.chronicles-update-log, details.chronicles-history, aside.chronicles-sources,"
              " aside.chronicles-countries")


def summary(html: str, *, paragraphs: int | None, words: int | None, suffix: str) -> str:
    """Pelican's summary of ``html``, cut as ``Content.get_summary`` cuts a
    post's content (SUMMARY_MAX_PARAGRAPHS, SUMMARY_MAX_LENGTH,
    SUMMARY_END_SUFFIX). The extension calls it when it reads a post, so
    that Pelican's content cache keeps the result."""
    if paragraphs is not None:
        html = truncate_html_paragraphs(html, paragraphs)
    if words is not None:
        html = truncate_html_words(html, words, suffix)
    return strip_toc_elements_from_html(html)


def summary_of(html: str, chronicle: Chronicle, settings) -> str:
    """The summary of a post's content ``html`` without the plugin's update
    log and lists, in its language's wrapper when it has one. Only a post
    another plugin changed comes here: a build without one never imports
    BeautifulSoup (about 1% of a build's time and 7 MB)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for block in soup.select(OWN_BLOCKS):
        block.decompose()
    wrapper = soup.select_one(f"div.{CONTENT}")
    cut = summary(
        wrapper.decode_contents() if wrapper is not None else str(soup),
        paragraphs=settings.get("SUMMARY_MAX_PARAGRAPHS"),
        words=settings.get("SUMMARY_MAX_LENGTH"),
        suffix=settings.get("SUMMARY_END_SUFFIX", "…"),
    )
    return cut if chronicle.wrapped_in is None else wrapped(cut.strip(), *chronicle.wrapped_in)
