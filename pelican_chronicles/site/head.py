"""What a page's ``<head>`` gets from the plugin, whatever the theme's
blocks are called (SPEC 14). No Pelican import.

Themes name the blocks of their ``<head>`` as they like (``head``,
``meta``, ``head_links``, ``extra_head``), and some have none, so the plugin
does not rely on any: when a page's template has rendered it, and before
Pelican writes it, ``PageHead`` puts what the page needs and lacks just
before ``</head>``, after the theme's own stylesheets:

- the chronicles stylesheet, on a page with chronicles markup in it (an
  element whose class starts with ``chronicles-``);
- ``<link rel="alternate" type="application/atom+xml">`` to the updates
  feed, on every page;
- the ``NewsArticle`` JSON-LD, on an article's page.

A part the page already has (the theme links the stylesheet or the feed
itself, or calls ``chronicles_jsonld``) is not added again. A page without
``</head>`` is left as it is, and the first such page of each template is
a warning. One ``PageHead`` per build, in the templates' context as
``chronicles_head``; the templates of every generator are ``PageTemplate``
(Jinja's ``Environment.template_class``), whose ``render`` hands the page
to it. Done on the page in memory, this costs the string work alone:
reading and rewriting every page once Pelican has written it (its
``content_written`` signal) cost 5 to 9% of a build, in file input and
output (benchmarks/README.md).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from jinja2 import Template
from markupsafe import Markup, escape

from ..model import Chronicle
from .filters import chronicles_jsonld

logger = logging.getLogger(__name__)

HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
MARKUP = 'class="chronicles-'  # how every element the plugin makes starts its class
JSONLD = '"@type":"NewsArticle"'  # in the JSON-LD script_tag writes


def stylesheet_link(href: str) -> Markup:
    return Markup(f'<link rel="stylesheet" href="{escape(href)}">')


def feed_link(href: str, title: str) -> Markup:
    return Markup(f'<link rel="alternate" type="application/atom+xml" href="{escape(href)}" title="{escape(title)}">')


def insert_in_head(chunks: list[str], n: int, at: int, parts: list[str]) -> str:
    """The page whose template wrote ``chunks``, with ``parts`` where its
    ``</head>`` starts: at ``at`` in its chunk number ``n``. Joined once,
    as the template itself joins them."""
    chunk = chunks[n]
    return "".join((*chunks[:n], chunk[:at], *(f"{part}\n" for part in parts), chunk[at:], *chunks[n + 1 :]))


@dataclass
class PageHead:
    """The head additions of one build, from its settings: ``stylesheet``
    (the URL of the bundled stylesheet relative to ``SITEURL``, or a URL of
    the site's own, or None), ``feed`` (the updates feed's path, or None),
    ``feed_title``, ``jsonld`` (whether article pages get it) and
    ``site_url`` (absolute URLs in the JSON-LD; ``""`` leaves them out)."""

    stylesheet: str | None
    stylesheet_is_own: bool
    feed: str | None
    feed_domain: str
    feed_title: str
    jsonld: bool
    site_url: str
    warned: set = field(default_factory=set)  # templates already warned about

    def parts(self, chunks: list[str], head: str, context: dict) -> list[str]:
        """What the page its template wrote as ``chunks`` (``head``: what
        comes before its ``</head>``), rendered with ``context``, needs and
        lacks."""
        siteurl = context.get("SITEURL", "")
        parts = []
        if self.stylesheet and any(MARKUP in chunk for chunk in chunks):
            href = self.stylesheet if self.stylesheet_is_own else f"{siteurl}/{self.stylesheet}"
            if href not in head:
                parts.append(stylesheet_link(href))
        if self.feed:
            href = f"{self.feed_domain or siteurl}/{self.feed}"
            if href not in head:
                parts.append(feed_link(href, self.feed_title))
        article = context.get("article")
        if (self.jsonld and isinstance(getattr(article, "chronicles", None), Chronicle)
                and not any(JSONLD in chunk for chunk in chunks)):
            parts.append(chronicles_jsonld(context, article, self.site_url))
        return parts

    def complete(self, chunks: list[str], context: dict, template: str | None) -> str:
        """The page the template named ``template`` wrote as ``chunks``
        with ``context``, with what it needs in its head: the chunks are
        joined once, with the additions, so that no page is copied. Pelican's
        context names the file a page is written to (``output_file``); a
        page written to an HTML file without ``</head>`` is a warning, once
        per template. Anything else without it (a fragment, a robots.txt) is
        left alone."""
        for n, chunk in enumerate(chunks):
            end = HEAD_END.search(chunk)
            if end is not None:
                parts = self.parts(chunks, "".join(chunks[:n]) + chunk[: end.start()], context)
                return insert_in_head(chunks, n, end.start(), parts) if parts else "".join(chunks)
        html = "".join(chunks)
        output = context.get("output_file") or ""
        if output.endswith((".html", ".htm")) and template not in self.warned:
            self.warned.add(template)
            logger.warning(
                '%s: the template "%s" writes pages without </head>, so the chronicles stylesheet,'
                " feed link and JSON-LD are not in them",
                output, template,
            )
        return html


class PageTemplate(Template):
    """A template whose pages get what their head needs (``PageHead``) when
    it renders them, in a build of the plugin's (one whose context holds
    ``chronicles_head``)."""

    def render(self, *args, **kwargs) -> str:
        context = dict(*args, **kwargs)
        head = context.get("chronicles_head")
        if not isinstance(head, PageHead):
            return super().render(*args, **kwargs)
        return head.complete(list(self.generate(*args, **kwargs)), context, self.name)


# --- the page titles of the plugin's pages ----------------------------------------
#
# Themes write <title> two ways: the title block is the whole title, and a
# page puts the site's name in it itself (Pelican's themes: "Site - Tags"),
# or the theme writes the site's name around the block and a page adds only
# its own part (Flex: "Site" then the block "– Archives"). The plugin finds
# out which from the theme itself: its base.html with the title block set to
# PROBE, and one of its own index pages (archives, tags...), rendered once per
# build. Its pages then fill the block the way the theme's own pages do.

PROBE = "CHRONICLESPAGETITLE"
TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
# What joins a site's name and a page's title: spaces, punctuation, dashes,
# bars, middle dots, written as characters or references.
_JOIN = r"(?:\s|&[#\w]+;|[^\w\s&])*"
_LEADING_JOIN = re.compile(_JOIN)
_TRAILING_JOIN = re.compile(_JOIN + r"\Z")


def page_title(html: str) -> str | None:
    """The contents of a page's ``<title>``, spaces collapsed."""
    found = TITLE.search(html)
    return " ".join(found.group(1).split()) if found else None


def title_pattern(probe: str | None, examples: list[str], site: str) -> tuple[str, str]:
    """``(before, after)``: what a page of the plugin's writes around its own
    title in the theme's title block.

    ``probe`` is the theme's title with the block holding only ``PROBE``
    (None when the theme's base.html could not be rendered), ``examples``
    the titles of some of the theme's own pages that have a word of their own
    (its archives, tags...), ``site`` the site's name as text. What is
    returned is HTML, as the theme writes it; the site's name in it escaped.

        >>> title_pattern("Wire Desk CHRONICLESPAGETITLE", ["Wire Desk &ndash; Archives"], "Wire Desk")
        ('&ndash; ', '')
        >>> title_pattern("CHRONICLESPAGETITLE", ["Wire Desk - Tags"], "Wire Desk")
        ('Wire Desk - ', '')
        >>> title_pattern("CHRONICLESPAGETITLE", ["Wire Desk"], "Wire Desk")
        ('', ' - Wire Desk')
    """
    shown = escape(site)
    default = ("", f" - {shown}")
    if not probe or PROBE not in probe:
        return default
    outer_before, outer_after = probe.split(PROBE, 1)
    blocks = [
        example[len(outer_before): len(example) - len(outer_after)]
        for example in examples
        if example.startswith(outer_before) and example.endswith(outer_after)
        and len(example) > len(outer_before) + len(outer_after)
    ]
    if site and site in outer_before + outer_after:  # the theme names the site itself
        if not outer_before.strip() or not outer_before.rstrip().endswith(site):
            return "", ""  # and joins the block to it: "Page | Site", "Site | Page"
        for block in blocks:
            lead = _LEADING_JOIN.match(block).group()
            if lead.strip():
                return lead, ""
        return "- ", ""
    for block in blocks:
        block = block.strip()
        if not site or block == site:
            continue  # the theme's page shows the site's name alone: nothing to learn
        if block.startswith(site):
            return shown + _LEADING_JOIN.match(block[len(site):]).group(), ""
        if block.endswith(site):
            return "", _TRAILING_JOIN.search(block[: -len(site)]).group() + shown
    return default
