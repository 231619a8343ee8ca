"""Which URLs may reach ``href`` and ``cite`` (SPEC 11). No Markdown import.

Only http, https, mailto and relative URLs pass. The check reads a URL the
way a browser does: character references decoded (the serializer leaves
``&#106;`` alone), ASCII tabs and line breaks removed anywhere, controls and
spaces stripped at both ends, the scheme compared without case. Whatever
then stands before a colon that comes ahead of the first ``/``, ``?`` or
``#`` is a scheme, and it must be one of the three.

    >>> safe_url("https://agency.example/item")
    'https://agency.example/item'
    >>> safe_url(" JaVaScRiPt:alert(1)") is None
    True
"""

from __future__ import annotations

import html
import re
from html import escape as html_escape
from urllib.parse import quote, unquote, urlsplit

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
# C0 controls and the space, which browsers strip from both ends of a URL.
_EDGES = "".join(chr(c) for c in range(0x21))
# Anchored, one pass, no nested quantifier: linear on any input.
_SCHEME = re.compile(r"([^:/?#]*):")
# The common case, decided without decoding: http(s), no character
# reference, no control character or space anywhere.
_PLAIN_WEB = re.compile(r"https?://[^\x00-\x20\x7f&]*", re.IGNORECASE)


def safe_url(url: str | None) -> str | None:
    """``url`` without surrounding whitespace when it may be linked, else None."""
    if not url:
        return None
    url = url.strip()
    if not url:
        return None
    if _PLAIN_WEB.fullmatch(url):
        return url
    seen = _TAB_OR_NEWLINE.sub("", html.unescape(url)).strip(_EDGES)
    if not seen or _CONTROL.search(seen):
        return None
    scheme = _SCHEME.match(seen)
    if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
        return None
    return url


# --- links to the site's pages, made before the site is known ------------------
#
# A post's sources and countries link to their pages on the site (SPEC 14).
# The Markdown extension writes those links when it reads the post, before
# the site's slugs exist (two sources can share a slug, and the second gets
# "-2"), so it writes a placeholder href, as Pelican does for intrasite links
# (``{filename}/post.md``); the plugin puts the page's URL in its place once
# it knows every post, before any page is written.

_FACET_HREF = re.compile(r' href="\{chronicles-(source|country)\}([^"]*)"')


def facet_href(kind: str, key: str) -> str:
    """The placeholder href of the page of a ``kind`` ('source' or
    'country') whose key is ``key`` (``Source.key``, a country's code).

    >>> facet_href("source", "harbour press")
    '{chronicles-source}harbour%20press'
    """
    return f"{{chronicles-{kind}}}{quote(key, safe='')}"


def url_host(url: str) -> str | None:
    """The host an address leads to, without ``www.``, as words for its link.

    >>> url_host("https://www.agency.example/item"), url_host("{filename}/b.md")
    ('agency.example', None)
    """
    try:
        host = urlsplit(url).hostname
    except ValueError:  # an address such as "http://[x" that no browser opens either
        return None
    return host.removeprefix("www.") if host else None


def resolve_facet_hrefs(html: str, url_for) -> str:
    """``html`` with each placeholder href replaced by ``url_for(kind, key)``,
    escaped; an ``href`` for which that gives None is removed, leaving the
    link's words.

    >>> resolve_facet_hrefs('<a href="{chronicles-country}FR">France</a>', lambda kind, key: "/countries/fr.html")
    '<a href="/countries/fr.html">France</a>'
    """

    def replace(found: re.Match) -> str:
        url = url_for(found.group(1), unquote(found.group(2)))
        return f' href="{html_escape(url)}"' if url else ""

    return _FACET_HREF.sub(replace, html)
