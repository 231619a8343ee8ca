"""What a page's ``<head>`` gets from the plugin, whatever the theme's
blocks are called (SPEC 14). No Pelican import.

Themes name the blocks of their ``<head>`` as they like (``head``,
``meta``, ``head_links``, ``extra_head``), and some have none, so the plugin
does not rely on any: when a page's template has rendered it, and before
Pelican writes it, ``PageHead`` puts what the page needs and lacks just
before the end of its head, after the theme's own stylesheets:

- the chronicles stylesheet, on a page with chronicles markup in it (an
  element whose class starts with ``chronicles-``);
- ``<link rel="alternate" type="application/atom+xml">`` to the updates
  feed, on every page;
- the ``NewsArticle`` JSON-LD, on an article's page;
- Pagefind's ``country`` and ``source`` filters (``pagefind_filters``), on
  the own page of a post or Pelican page with countries or sources: the
  page saved as its ``save_as``, not a listing page that shows it whole,
  nor its history page.

A part the page already has (the theme links the stylesheet or the feed
itself, or calls ``chronicles_jsonld``) is not added again.

The end of the head is the first ``</head>`` as a browser reads the page
(``scan_head``), not the first in its text: one in a comment, an attribute
value, the ``<title>`` or a script of the head (where a post's title or
summary may put it) is text there. Only a page written to an HTML file
gets anything: a template page written to OPML, XHTML, XSL or JSON is left
as its template wrote it. A page without ``</head>`` before its ``<body>``
is left as it is too, and the first such page of each template is a
warning. One ``PageHead`` per build, in the templates' context as
``chronicles_head``; the templates of every generator are ``PageTemplate``
(Jinja's ``Environment.template_class``), whose ``render`` hands the page
to it. Done on the page in memory, this costs the string work alone:
reading and rewriting every page once Pelican has written it (its
``content_written`` signal) cost 5 to 9% of a build, in file input and
output (benchmarks/README.md).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field

from jinja2 import Template
from markupsafe import Markup, escape

from ..jsonld import WRITTEN
from ..metadata import country_name
from ..model import Chronicle
from .feeds import feed_url
from .filters import chronicles_jsonld

logger = logging.getLogger(__name__)

MARKUP = 'class="chronicles-'  # how every element the plugin makes starts its class
JSONLD = WRITTEN  # in the JSON-LD script_tag writes, of every article type


def stylesheet_link(href: str) -> Markup:
    return Markup(f'<link rel="stylesheet" href="{escape(href)}">')


def feed_link(href: str, title: str) -> Markup:
    return Markup(f'<link rel="alternate" type="application/atom+xml" href="{escape(href)}" title="{escape(title)}">')


def pagefind_filter(name: str, value: str) -> Markup:
    """A ``<meta>`` that gives its page Pagefind's filter ``name`` with
    ``value``, which Pagefind reads whole from its ``content`` (commas,
    colons and markup characters too); white space runs are one space.

        >>> pagefind_filter("country", "Bosnia & Herzegovina")
        Markup('<meta data-pagefind-filter="country[content]" content="Bosnia &amp; Herzegovina">')
    """
    return Markup(f'<meta data-pagefind-filter="{escape(name)}[content]" content="{escape(" ".join(value.split()))}">')


def pagefind_filters(chronicle: Chronicle, lang: str | None) -> list[Markup]:
    """A post's Pagefind filters (SPEC 18): ``country``, each of its
    countries by its name in ``lang``, the site's language, as the country's
    page on the site names it (one value a country, whatever the post's
    language); ``source``, each of its sources by its name as the post
    spells it."""
    return [
        *(pagefind_filter("country", country_name(country, lang)) for country in chronicle.countries),
        *(pagefind_filter("source", source.name) for source in chronicle.sources),
    ]


# --- where the head ends ----------------------------------------------------------
#
# As the HTML standard's tokenizer reads a page, from its start: a "<" that
# starts no tag is text; a comment runs to its "-->", a doctype or a bogus
# comment ("<?...", "</3") to the next ">", a tag to the ">" outside its
# quoted attribute values; the text of <title>, <textarea>, <script>,
# <style> and the like runs to their own end tag. The head ends at the first
# </head> read so, and is over without one once <body> starts. Not followed:
# <script>'s "escaped" states ("<!--" in a script), <plaintext>, and an
# attribute name that starts with "=" (read as a value). Python's
# html.parser is no help here: up to Python 3.13.0 it reads the text of
# <title> as markup, and a "</head>" in it as the end of the head.

TOKEN = re.compile(
    r"""<(?:
        !--(?:-?>|.*?(?:--!?>|\Z))                     # a comment ("<!-->" ends at once)
      | [!?][^>]*>?                                     # a doctype, a bogus comment
      | /(?:>|[^a-zA-Z>][^>]*>?)                        # "</>", nothing; "</3...>", a bogus comment
      | (?P<end>/)?(?P<name>[a-zA-Z][^\s/>]*)           # a tag, then its attributes:
        (?:[^=>]+|=\s*(?:"[^"]*"?|'[^']*'?|[^\s>]*))*>?  # names, values quoted or not
    )""",
    re.VERBOSE | re.DOTALL,
)
# Elements whose text runs to their own end tag (RCDATA and raw text; a
# browser runs scripts, so <noscript> is one of them).
TEXT_ELEMENTS = {
    name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE)
    for name in ("title", "textarea", "script", "style", "noscript", "noframes", "noembed", "iframe", "xmp")
}
FOUND, NONE, MORE = "found", "none", "more"  # what scan_head tells
CHUNKS = 64  # the chunks scan_head is first given: most themes' heads fit


def scan_head(text: str, pos: int, whole: bool) -> tuple[str, int]:
    """Where, from ``pos`` (outside any tag), the head of the page that
    starts with ``text`` ends: ``(FOUND, offset of its "</head")``;
    ``(NONE, -1)`` when the page has no such end tag before its body or its
    end; ``(MORE, where to go on)`` when ``text`` stops before it can tell
    and is not the ``whole`` page."""
    size = len(text)
    while (start := text.find("<", pos)) >= 0:
        token = TOKEN.match(text, start)
        if token is None:  # "<" then a space, a digit...: text; or "<", "</" at the end
            if not whole and size - start <= 2:
                return MORE, start
            pos = start + 1
            continue
        pos = token.end()
        if pos == size and not whole:  # it may go on in the next chunk
            return MORE, start
        name = token.group("name")
        if name is None:
            continue
        name = name.lower()
        if token.group("end"):
            if name == "head":
                return FOUND, start
        elif name == "body":
            return NONE, -1
        elif name in TEXT_ELEMENTS:
            close = TEXT_ELEMENTS[name].search(text, pos)
            if close is None:
                return (NONE, -1) if whole else (MORE, start)
            pos = close.start()
    return (NONE, -1) if whole else (MORE, size)


def head_end(chunks: list[str]) -> tuple[str, int, int] | None:
    """``(head, n, at)`` for the page its template wrote as ``chunks``: its
    ``</head>`` starts at ``at`` in its chunk number ``n``, after ``head``;
    None when it has none. The chunks are joined as far as the head goes:
    the first ``CHUNKS``, then twice as many each time the head goes on, the
    scan going on where it stopped."""
    count, pos = CHUNKS, 0
    while True:
        text = "".join(chunks[:count])
        found, pos = scan_head(text, pos, whole=count >= len(chunks))
        if found == FOUND:
            break
        if found == NONE:
            return None
        count *= 2
    at = pos
    for n, chunk in enumerate(chunks):
        if at < len(chunk):
            return text[:pos], n, at
        at -= len(chunk)
    raise AssertionError("a </head> found beyond the page")


def insert_in_head(chunks: list[str], n: int, at: int, parts: list[str]) -> str:
    """The page whose template wrote ``chunks``, with ``parts`` where its
    ``</head>`` starts: at ``at`` in its chunk number ``n``. Joined once,
    as the template itself joins them."""
    chunk = chunks[n]
    return "".join((*chunks[:n], chunk[:at], *(f"{part}\n" for part in parts), chunk[at:], *chunks[n + 1 :]))


# --- another description of the article -----------------------------------------
#
# pelican-seo (with SEO_ENHANCER) describes each article again, as a schema.org
# Article of its own: it reads the page Pelican wrote, appends a JSON-LD
# script to its head and writes it back, once the plugin's NewsArticle is in
# it. It has no setting to leave that one script out, so on a page carrying
# the plugin's NewsArticle the other description is taken out of the head,
# and the rest of what it added (its canonical link, breadcrumbs, Open Graph
# and Twitter tags) stays.

JSONLD_SCRIPT = re.compile(r"""\stype\s*=\s*(["']?)\s*application/ld\+json\s*\1[\s/>]""", re.IGNORECASE)
# schema.org's Article and the types under it that a page describing an
# article may use; every one ending in "Article" (NewsArticle, TechArticle...).
ARTICLE_SUBTYPES = {"Article", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting", "Report"}


def describes_an_article(data) -> bool:
    """Whether a JSON-LD object is an ``Article`` or one of its subtypes."""
    kinds = data.get("@type") if isinstance(data, dict) else None
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and (kind in ARTICLE_SUBTYPES or kind.endswith("Article")) for kind in kinds)


def head_jsonld(page: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each ``<script type="application/ld+json">``
    in the head of ``page``, read as ``scan_head`` reads it."""
    found, pos = [], 0
    while (start := page.find("<", pos)) >= 0:
        token = TOKEN.match(page, start)
        if token is None:
            pos = start + 1
            continue
        pos = token.end()
        name = token.group("name")
        if name is None:
            continue
        name = name.lower()
        if name == ("head" if token.group("end") else "body"):
            break
        if token.group("end") or name not in TEXT_ELEMENTS:
            continue
        close = TEXT_ELEMENTS[name].search(page, pos)
        if close is None:
            break
        if name == "script" and JSONLD_SCRIPT.search(token.group()):
            end = page.find(">", close.end())
            found.append((start, len(page) if end < 0 else end + 1, page[pos:close.start()]))
        pos = close.start()
    return found


def without_other_articles(page: str) -> str | None:
    """``page`` without the JSON-LD scripts of its head that describe an
    article (``describes_an_article``) beside the plugin's own ``NewsArticle``;
    None when it has nothing to take out: no ``NewsArticle`` of the plugin's,
    or no other description."""
    scripts = head_jsonld(page)
    if not any(JSONLD in text for _start, _end, text in scripts):
        return None
    others = []
    for start, end, text in scripts:
        if JSONLD in text:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if describes_an_article(data):
            others.append((start, end))
    if not others:
        return None
    kept, pos = [], 0
    for start, end in others:
        kept.append(page[pos:start])
        pos = end
    kept.append(page[pos:])
    return "".join(kept)


@dataclass
class PageHead:
    """The head additions of one build, from its settings: ``stylesheet``
    (the URL of the bundled stylesheet relative to ``SITEURL``, or a URL of
    the site's own, or None), ``feed`` (the updates feed's path, or None),
    ``feed_domain`` (``feeds.feed_domain``: "" links it from the page's ``SITEURL``),
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

    def feed_url(self, siteurl: str) -> str | None:
        """The updates feed's address on a page whose ``SITEURL`` is
        ``siteurl``, as the feed gives its own (``feeds.feed_url``); None
        when the site writes none."""
        return feed_url(self.feed_domain or siteurl, self.feed) if self.feed else None

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
        href = self.feed_url(siteurl)
        if href and href not in head:
            parts.append(feed_link(href, self.feed_title))
        # A post's own page, not another that names it (its history page):
        # its NewsArticle (an article's) and its Pagefind filters.
        article = context.get("article")
        content = article or context.get("page")
        chronicle = getattr(content, "chronicles", None)
        if isinstance(chronicle, Chronicle) and context.get("output_file") == getattr(content, "save_as", None):
            if self.jsonld and content is article and not any(JSONLD in chunk for chunk in chunks):
                parts.append(chronicles_jsonld(context, article, self.site_url))
            parts.extend(pagefind_filters(chronicle, context.get("DEFAULT_LANG")))
        return parts

    def complete(self, chunks: list[str], context: dict, template: str | None) -> str:
        """The page the template named ``template`` wrote as ``chunks``
        with ``context``, with what it needs in its head, joined once.
        Pelican's context names the file a page is written to
        (``output_file``): only an HTML file (``.html``, ``.htm``) is an
        HTML document, anything else (OPML, XHTML, XSL, JSON, a robots.txt)
        is left as it is. An HTML page without ``</head>`` before its body is
        left as it is too, and is a warning, once per template."""
        output = context.get("output_file") or ""
        if not output.lower().endswith((".html", ".htm")):
            return "".join(chunks)
        end = head_end(chunks)
        if end is None:
            if template not in self.warned:
                self.warned.add(template)
                logger.warning(
                    '%s: the template "%s" writes pages without </head>, so the chronicles stylesheet,'
                    " feed link, JSON-LD and Pagefind filters are not in them",
                    output, template,
                )
            return "".join(chunks)
        head, n, at = end
        parts = self.parts(chunks, head, context)
        return insert_in_head(chunks, n, at, parts) if parts else "".join(chunks)


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
