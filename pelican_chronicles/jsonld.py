"""schema.org JSON-LD for a post (SPEC 9). No Pelican import.

``news_article`` reads the attributes Pelican gives an article (``title``,
``date``, ``modified``, ``url``, ``authors``, ``type``, ``chronicles``) and
returns a ``NewsArticle`` (SPEC 17: of the type its ``Type:`` names, its
correction notes as ``correction``, its dateline's place as
``locationCreated``, its countries as ``contentLocation``, its quotes as
``Quotation`` parts, the site's ``publisher``); ``script_tag`` writes it into
a ``<script>`` that no field can close early:

    >>> script_tag({"headline": "</script>"})
    Markup('<script type="application/ld+json">{"headline":"\\\\u003c/script\\\\u003e"}</script>')
"""

from __future__ import annotations

import json
import re
from typing import Callable

from markupsafe import Markup

from .languages import bcp47
from .model import CORRECTION, Chronicle, Dateline, Note, Quote, Source
from .urls import safe_url

# Characters that could end the script element or an HTML comment inside it,
# or end a line in older JavaScript parsers; JSON allows them escaped.
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
UNDETERMINED = "und"  # BCP 47's tag for a language not known

# ``Type:`` metadata, compared without case, and the schema.org type it makes.
ARTICLE_TYPES = {
    "reportage": "ReportageNewsArticle",
    "analysis": "AnalysisNewsArticle",
    "opinion": "OpinionNewsArticle",
    "background": "BackgroundNewsArticle",
}
NEWS_ARTICLE = "NewsArticle"
UNKNOWN_TYPE = f"unknown Type (the JSON-LD says NewsArticle; one of {', '.join(ARTICLE_TYPES)} is known)"
# In every script_tag of a news_article, whatever its type: the type ends
# with NewsArticle and the headline follows it. What tells that a page has it.
WRITTEN = 'NewsArticle","headline":'

# The publisher's links a site gives (CHRONICLES_PUBLISHER): the
# NewsMediaOrganization's policies, and its logo.
PUBLISHER_LINKS = (
    "correctionsPolicy",
    "ethicsPolicy",
    "masthead",
    "publishingPrinciples",
    "verificationFactCheckingPolicy",
    "unnamedSourcesPolicy",
    "logo",
)


def news_article(
    article,
    site_url: str = "",
    url: str | None = None,
    link: Callable[[str | None], str | None] = safe_url,
    default_lang: str | None = None,
    publisher: dict | None = None,
) -> dict:
    """A schema.org ``NewsArticle`` for ``article``.

    URLs are absolute when ``site_url`` is given; without it the article's
    own URL is left out rather than guessed. ``url`` is the article's, when
    the caller knows it already. ``link`` gives the URL of a cited work from
    the address the author wrote (in a build, intrasite links resolved).
    ``inLanguage`` is the article's ``lang``, else ``default_lang`` (the
    site's ``DEFAULT_LANG``), as a BCP 47 tag. ``publisher`` is the
    site's (``publisher()``), made once for every article.
    """
    chronicle = getattr(article, "chronicles", None)
    if not isinstance(chronicle, Chronicle):
        chronicle = Chronicle()
    page_url = absolute(site_url, url if url is not None else getattr(article, "url", None))
    published = getattr(article, "date", None)
    modified = getattr(article, "modified", None) or published
    kind = article_type(getattr(article, "type", None)) or NEWS_ARTICLE
    data: dict = {"@context": "https://schema.org", "@type": kind}
    data["headline"] = plain(getattr(article, "title", ""))
    language = language_tag(getattr(article, "lang", None) or default_lang)
    if language:
        data["inLanguage"] = language
    if published is not None:
        data["datePublished"] = published.isoformat()
    if modified is not None:
        data["dateModified"] = modified.isoformat()
    if page_url:
        data["url"] = page_url
        data["mainEntityOfPage"] = page_url
    authors = [plain(getattr(a, "name", a)) for a in getattr(article, "authors", None) or ()]
    if authors:
        data["author"] = [person(name) for name in authors if name]
    if publisher:
        data["publisher"] = publisher
    if chronicle.dateline is not None:
        data["dateline"] = dateline_text(chronicle.dateline)
        if chronicle.dateline.place:
            data["locationCreated"] = {"@type": "Place", "name": chronicle.dateline.place}
    if chronicle.sources:
        data["citation"] = [creative_work(source, link) for source in chronicle.sources]
    if chronicle.countries:
        data["contentLocation"] = [
            {"@type": "Country", "name": country.name, "identifier": country.code}
            for country in chronicle.countries
        ]
    quotations = [quotation(quote, page_url, link) for quote in chronicle.quotes]
    if quotations:
        data["hasPart"] = quotations
    corrections = [correction(note, page_url) for note in chronicle.notes if note.kind == CORRECTION]
    if corrections:
        data["correction"] = corrections[0] if len(corrections) == 1 else corrections
    return data


def article_type(value) -> str | None:
    """The schema.org type ``Type:`` names (``analysis`` is
    ``AnalysisNewsArticle``, in any case), or None."""
    return ARTICLE_TYPES.get(value.strip().lower()) if isinstance(value, str) else None


def correction(note: Note, page_url: str | None) -> dict:
    """A ``CorrectionComment``: the note's words as plain text (its
    ``summary``, the first words), when it was published, and its anchor."""
    data: dict = {"@type": "CorrectionComment", "text": note.summary}
    if note.date is not None:
        data["datePublished"] = note.date.isoformat()
    if page_url:
        data["url"] = f"{page_url}#{note.anchor}"
    return data


def publisher(name, site_url: str = "", links: dict | None = None) -> dict | None:
    """The site as a ``NewsMediaOrganization``: its ``name`` (SITENAME),
    its ``url`` (SITEURL) and ``links`` (CHRONICLES_PUBLISHER, checked:
    each a safe URL), those relative to the site made absolute with
    ``site_url`` and left out without it. None without a name."""
    name = plain(name) if name else ""
    if not name:
        return None
    data: dict = {"@type": "NewsMediaOrganization", "name": name}
    if site_url:
        data["url"] = site_url
    for key, value in (links or {}).items():
        value = value if _HAS_SCHEME.match(value) else absolute(site_url, value)
        if value:
            data[key] = value
    return data


def quotation(quote: Quote, page_url: str | None, link: Callable[[str | None], str | None] = safe_url) -> dict:
    """A ``Quotation``: what was said, by whom (``creator``), taken from
    which work (``isBasedOn``, also its ``citation``)."""
    data: dict = {"@type": "Quotation", "text": quote.text}
    if page_url:
        data["url"] = f"{page_url}#{quote.anchor}"
    if quote.speaker:
        data["creator"] = person(quote.speaker, quote.role)
    if quote.date is not None:
        data["dateCreated"] = quote.date.isoformat()
    if quote.source is not None:
        work = creative_work(quote.source, link)
        data["isBasedOn"] = work
        data["citation"] = work
    return data


def person(name: str, role: str | None = None) -> dict:
    data = {"@type": "Person", "name": name}
    if role:
        data["jobTitle"] = role
    return data


def creative_work(source: Source, link: Callable[[str | None], str | None] = safe_url) -> dict:
    data = {"@type": "CreativeWork", "name": source.name}
    url = link(source.url)
    if url:
        data["url"] = url
    return data


def dateline_text(dateline: Dateline) -> str:
    """As a wire report writes it: ``WASHINGTON, June 19 (Agency)``; a
    dateline without a place is its date and agency: ``Jan 3 (Agency)``.

    >>> dateline_text(Dateline(place="", source="Wire", date_text="Jan 3"))
    'Jan 3 (Wire)'
    """
    text = ", ".join(part for part in (dateline.place, dateline.date_text) if part)
    if dateline.source:
        text = f"{text} ({dateline.source})" if text else dateline.source
    return text


def language_tag(lang: str | None) -> str | None:
    """A Pelican language code as a BCP 47 tag (``languages.bcp47``):
    ``pt_BR`` is ``pt-BR``, ``zh_Hant_TW`` is ``zh-Hant-TW``. ``und``
    (undetermined) gives None: ``inLanguage`` is left out rather than
    saying nothing, and never guessed."""
    if not lang or not isinstance(lang, str) or not lang.strip():
        return None
    tag = bcp47(lang)
    return None if tag == UNDETERMINED else tag


_HAS_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|//")


def absolute(site_url: str, url: str | None) -> str | None:
    if not url or not site_url:
        return None
    return f"{site_url.rstrip('/')}/{url.lstrip('/')}"


def plain(value) -> str:
    """Text without tags or entities: titles may hold HTML."""
    value = str(value)
    if "<" in value or "&" in value:
        value = Markup(value).striptags()
    return " ".join(value.split())


def script_tag(data: dict) -> Markup:
    """``<script type="application/ld+json">``; ``<``, ``>``, ``&``, U+2028
    and U+2029 are written as JSON escapes, so ``</script>`` or ``<!--`` in
    any field stays inside the string."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for char, escaped in _SCRIPT_ESCAPES.items():  # str.replace is many times faster than translate
        if char in text:
            text = text.replace(char, escaped)
    return Markup(f'<script type="application/ld+json">{text}</script>')
