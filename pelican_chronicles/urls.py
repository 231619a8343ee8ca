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

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit

from .model import name_key

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


# --- addresses written without a scheme ------------------------------------------
#
# "yonhap.co.kr" in a link is, to a browser, a file of that name beside the
# page. An address whose first segment is a host name is read as https
# instead: a name of two or more dot-separated labels of letters, digits
# and hyphens, the last of two or more letters (a top-level domain), with
# a port or not. A first segment that ends in a file ending ("press.html",
# "jquery.min.js", "report.pdf") stays a relative address, and so does
# anything that starts with "/", "." or "{", or has no dot before its first
# "/"; "www." always starts a host.

_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_HOST = re.compile(rf"(?P<host>(?:{_LABEL}\.)+(?P<tld>[^\W\d_]{{2,63}}|xn--[a-z0-9-]{{1,59}}))(?::\d{{1,5}})?(?=[/?#]|$)")
# The endings of files a page links to, which no news site's domain has.
# (.md, .py, .pl are Moldova's, Paraguay's and Poland's: hosts.)
FILE_ENDINGS = frozenset(
    "html htm xhtml shtml php asp aspx jsp cgi rst txt xml json rss atom pdf png jpg jpeg gif svg webp css js "
    "mjs zip gz tar csv doc docx xls xlsx ppt pptx odt ods mp3 mp4 mov webm".split()
)


def with_scheme(url: str) -> tuple[str, bool]:
    """``url`` as the plugin links it, and whether ``https://`` was put
    before it because it starts with a host name (see above).

    >>> with_scheme("yonhap.co.kr"), with_scheme("www.mid.ru/en/press")
    (('https://yonhap.co.kr', True), ('https://www.mid.ru/en/press', True))
    >>> [with_scheme(u)[1] for u in ("/about/", "press.html", "../x", "https://a.example", "mailto:a@b.example")]
    [False, False, False, False, False]
    """
    text = url.strip()
    found = _HOST.match(text) if text[:1] not in "/.{#?\\" else None
    if found is None:
        return url, False
    if found.group("tld").lower() in FILE_ENDINGS and not text.lower().startswith("www."):
        return url, False
    return f"https://{text}", True


# --- the slugs and addresses of the site's pages ---------------------------------

RESERVED_SLUGS = frozenset({"index"})  # the index pages live at {slug}=index
# A slug's length in UTF-8 before its hash: file systems stop a file name
# at 255 bytes, and the patterns add to the slug.
MAX_SLUG_BYTES = 100
HASH_LENGTH = 8
# What a slug never keeps, whatever the site's slug settings: path
# separators, and the control characters (NUL ends a file name, the others
# are in no file name a reader can type), each replaced by "-".
_NOT_IN_FILE_NAMES = re.compile(r"[/\\\x00-\x1f\x7f-\x9f]")


def page_slug(name: str, slugify: Callable[[str], str], fallback: str) -> str:
    """The slug of a page named ``name``: ``slugify`` of the name in NFC,
    at most ``MAX_SLUG_BYTES`` in UTF-8 (cut at a character boundary, then
    ``-`` and the start of the name's SHA-1, so that long names stay apart
    and keep their slug from build to build); ``fallback`` and that hash
    when nothing is left of the name. One path segment of a file name: no
    ``/``, ``\\`` or control character, never ``.`` or ``..`` (a site
    without ``SLUG_REGEX_SUBSTITUTIONS`` keeps them). Depends on the name
    alone.

    >>> page_slug("Har\\x00bour/Press", str, "source")
    'Har-bour-Press'
    """
    digest = hashlib.sha1(name_key(name).encode()).hexdigest()[:HASH_LENGTH]
    slug = _NOT_IN_FILE_NAMES.sub("-", slugify(unicodedata.normalize("NFC", name)))
    if not slug.strip("."):
        return f"{fallback}-{digest}"
    if len(slug.encode()) > MAX_SLUG_BYTES:
        cut = slug.encode()[:MAX_SLUG_BYTES].decode(errors="ignore").rstrip("-_ ")
        slug = f"{cut}-{digest}"
    return slug


def source_slug(key: str, slugify: Callable[[str], str]) -> str:
    """The slug of a source's page, from its key (``Source.key``) alone, so
    that a post links the page without knowing the rest of the site:
    ``page_slug``, and ``-2`` after a reserved slug. Sources whose slugs
    are the same ignoring case share a page, as Pelican's tags do.

    >>> source_slug("harbour press", str.title), source_slug("index", str)
    ('Harbour Press', 'index-2')
    """
    slug = page_slug(key, slugify, "source")
    return f"{slug}-2" if slug.casefold() in RESERVED_SLUGS else slug


def simple_slugify(value: str) -> str:
    """A stand-in for Pelican's slugify, outside a build."""
    return re.sub(r"[^\w]+", "-", value.casefold()).strip("-")


FACET_KINDS = ("source", "country", "speaker")
DEFAULT_FACET_PATHS = {"source": "sources/{slug}.html", "country": "countries/{slug}.html", "speaker": "speakers/{slug}.html"}


@dataclass(frozen=True)
class FacetPages:
    """Where the pages of sources, countries and speakers are written
    (``save_as``) and linked (``url``, after ``SITEURL``): the site's
    ``CHRONICLES_{KIND}_SAVE_AS`` and ``CHRONICLES_{KIND}_URL`` patterns and
    its ``slugify``. The one definition of a facet page's address: the site
    index writes the pages there and the Markdown extension links them.

    The page of a source or a country depends on its key alone (``Source.key``,
    a country's alpha-2 code), so that a post links it when it is read; a
    speaker's slug depends on the other speakers' (``index.facet_slug``),
    and the index gives it to ``at``.

    >>> pages = FacetPages(str.lower, {"country": "countries/{slug}/"}, {"country": "countries/{slug}/index.html"})
    >>> pages.url("country", "FR"), pages.save_as("country", "FR"), pages.url("source", "harbour press")
    ('countries/fr/', 'countries/fr/index.html', 'sources/harbour press.html')
    """

    slugify: Callable[[str], str] = simple_slugify
    urls: dict = field(default_factory=dict)  # kind -> pattern with {slug}; else DEFAULT_FACET_PATHS
    saves_as: dict = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings, slugify: Callable[[str], str]) -> FacetPages:
        """The pages as a site's settings (a mapping) place them."""
        return cls(
            slugify,
            {kind: settings[f"CHRONICLES_{kind.upper()}_URL"] for kind in FACET_KINDS},
            {kind: settings[f"CHRONICLES_{kind.upper()}_SAVE_AS"] for kind in FACET_KINDS},
        )

    def slug(self, kind: str, key: str) -> str:
        """The slug of the page of a source or a country (``kind``)."""
        return source_slug(key, self.slugify) if kind == "source" else key.lower()

    def url(self, kind: str, key: str) -> str:
        return self.at(kind, self.slug(kind, key))[0]

    def save_as(self, kind: str, key: str) -> str:
        return self.at(kind, self.slug(kind, key))[1]

    def at(self, kind: str, slug: str) -> tuple[str, str]:
        """The ``url`` and ``save_as`` of the page of a ``kind`` whose slug is ``slug``."""
        default = DEFAULT_FACET_PATHS[kind]
        return self.urls.get(kind, default).format(slug=slug), self.saves_as.get(kind, default).format(slug=slug)


# With RELATIVE_URLS, a post links the pages of its sources and countries
# relative to the page it is shown on, which is not known when it is read:
# through Pelican's intrasite links (``{filename}/...``), which Pelican
# resolves on every page it writes, whatever its depth, and in feeds. The
# facet pages are in the build's table of pages under this folder, which
# no file of the site's content has (``site.generator.IntrasitePage``).
INTRASITE_FOLDER = "{chronicles}"


def intrasite_path(url: str) -> str:
    """The path under which Pelican's intrasite links find the facet page
    whose URL is ``url``.

    >>> intrasite_path("sources/harbour-press.html")
    '{chronicles}/sources/harbour-press.html'
    """
    return f"{INTRASITE_FOLDER}/{url}"


@dataclass(frozen=True)
class FacetLinks:
    """How a post links the pages of its sources and countries, when it is
    read: ``siteurl`` (``SITEURL``) then the page's URL (``FacetPages``);
    with ``intrasite`` (RELATIVE_URLS), the way Pelican's intrasite links
    name a post (``{filename}``, as the site's ``INTRASITE_LINK_REGEX``
    reads it) then the page's ``intrasite_path``. A post whose status (its
    ``Status:``, else ``default_status``, from Pelican's
    ``DEFAULT_METADATA``) is ``draft`` links none; the site gives a page to
    each source and country of the other posts it writes (``linked``).

    >>> links = FacetLinks(FacetPages(), "https://site.example")
    >>> links("country", "FR"), links("country", "FR", status="Draft")
    ('https://site.example/countries/fr.html', None)
    >>> FacetLinks(FacetPages(), "", intrasite="{filename}")("country", "FR")
    '{filename}/{chronicles}/countries/fr.html'
    """

    pages: FacetPages
    siteurl: str
    intrasite: str | None = None
    default_status: str = "published"

    def __call__(self, kind: str, key: str, status: str | None = None) -> str | None:
        if not linked(status or self.default_status):
            return None
        if self.intrasite is not None:
            return f"{self.intrasite}/{intrasite_path(self.pages.url(kind, key))}"
        return f"{self.siteurl}/{self.pages.url(kind, key)}"


def no_facet_links(kind: str, key: str, status: str | None = None) -> None:
    """How a post outside a site links the pages of its sources and
    countries: it has none to link."""
    return None


def linked(status: str | None) -> bool:
    """Whether a post whose status is ``status`` (as written, or as Pelican's
    metadata holds it) links the pages of its sources and countries, and so
    gives them a page: every post but a draft."""
    return (status or "").strip().lower() != "draft"


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
