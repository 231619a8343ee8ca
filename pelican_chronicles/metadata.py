"""``Sources:`` and ``Countries:`` metadata (SPEC 6, 7). No Pelican import.

Both functions take the value Pelican gives a metadata key: ``None``, a
string, or a list of strings when the key is repeated (or continued on an
indented line). Each returns what it could use and the problems it found:

    >>> parse_sources("Agency <https://agency.example/>; [Daily](https://daily.example/)")[0]
    (Source(name='Agency', url='https://agency.example/'), Source(name='Daily', url='https://daily.example/'))
    >>> [c.code for c in resolve_countries("FR, DEU, Japan")[0]]
    ['FR', 'DE', 'JP']

Countries are resolved with pycountry, the ISO 3166 data library; nothing
here is a hand-written table of countries.
"""

from __future__ import annotations

import functools
import html
import re

import pycountry

from .model import Country, Problem, Source, merge_sources, problem, source
from .urls import safe_url

# Raw HTML in a source name: a tag, an end tag, a comment or a declaration.
_MARKUP = re.compile(r"<[A-Za-z/!?]")
# Tokens of a Sources: value, so that a ";" splits entries only at the top
# level: never inside "<URL>", a Markdown link's text or URL, or a character
# reference ("AT&amp;T"). Each alternative stops at the next character that
# could start another, so the scan stays linear.
_SOURCE_TOKEN = re.compile(
    r"<[^<>\s]*>|\[[^\[\]]*\](?:\([^\s()\[\]<>]*\))?|&#?[A-Za-z0-9]{1,32};|[^;<\[&]+|[<\[&]|;"
)
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]\((.*)\)\Z", re.DOTALL)
# "<b>", "</b>", "<br/>": a tag, not a URL in angle brackets.
_TAG_SHAPE = re.compile(r"/?[A-Za-z][A-Za-z0-9-]*/?\Z")

UNSAFE_URL = "unsafe URL in Sources (only http, https, mailto and relative links are kept)"
MARKUP_IN_SOURCE = "HTML in a source name is shown as text"
UNKNOWN_COUNTRY = "unknown country in Countries"


def _values(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


# --- Sources ---------------------------------------------------------------------


def parse_sources(value) -> tuple[tuple[Source, ...], tuple[Problem, ...]]:
    """Entries separated by ``;``: ``Name``, ``Name <URL>`` or ``[Name](URL)``.

    A URL that is not safe is dropped, the source kept by name, and the
    problem quotes the URL. Names are plain text: raw HTML in them is kept
    as text (and escaped on output), with a warning. Sources with the same
    name (ignoring case) are merged.
    """
    sources: list[Source] = []
    problems: list[Problem] = []
    for text in _values(value):
        for entry in _split_entries(text):
            found, its_problems = _source(entry)
            if found is not None:
                sources.append(found)
            problems.extend(its_problems)
    return merge_sources(sources), tuple(problems)


def _split_entries(text: str) -> list[str]:
    entries, current = [], []
    for token in _SOURCE_TOKEN.findall(text):
        if token == ";":
            entries.append("".join(current))
            current = []
        else:
            current.append(token)
    entries.append("".join(current))
    return [e.strip() for e in entries if e.strip()]


def _source(entry: str) -> tuple[Source | None, list[Problem]]:
    name, url = _name_and_url(entry)
    problems = []
    if url is not None and safe_url(url) is None:
        problems.append(problem(UNSAFE_URL, url))
        url = None
    if not name:
        name = url or ""
    name = " ".join(html.unescape(name).split())  # "AT&amp;T" is AT&T
    if not name:
        return None, problems
    if _MARKUP.search(name):
        problems.append(problem(MARKUP_IN_SOURCE, name))
    return source(name, url or None), problems


def _name_and_url(entry: str) -> tuple[str, str | None]:
    """``[Name](URL)``, ``Name <URL>`` (a space before the ``<``, no space
    within the URL, not the shape of a tag), or a plain ``Name``."""
    link = _MARKDOWN_LINK.match(entry)
    if link:
        target = link.group(2).strip()
        # [Name](URL "title"): the title is Markdown's, not part of the URL.
        parts = target.split(None, 1)
        if len(parts) == 2 and parts[1][0] in "\"'(":
            target = parts[0]
        return link.group(1).strip(), target.strip("<>") or None
    if entry.endswith(">"):
        start = entry.rfind("<")
        url = entry[start + 1 : -1].strip()
        if (
            (start == 0 or entry[start - 1].isspace())
            and not any(c.isspace() for c in url)
            and not _TAG_SHAPE.match(url)
        ):
            return entry[:start].strip(), url or None
    return entry, None


# --- Countries -------------------------------------------------------------------


def resolve_countries(value) -> tuple[tuple[Country, ...], tuple[Problem, ...]]:
    """ISO 3166 alpha-2 or alpha-3 codes, or English names, separated by commas.

    An unknown value is a problem naming it. A name with a comma in it, as
    ISO writes some ("Korea, Republic of"), is read across the comma when
    its parts alone are not countries. Duplicates are removed, order kept.
    """
    parts = [p.strip() for text in _values(value) for p in text.split(",")]
    parts = [p for p in parts if p]
    countries: dict[str, Country] = {}
    problems: list[Problem] = []
    i = 0
    while i < len(parts):
        country = lookup_country(parts[i])
        used = 1
        if country is None and i + 1 < len(parts):
            country = lookup_country(f"{parts[i]}, {parts[i + 1]}")
            used = 2 if country is not None else 1
        if country is None:
            problems.append(problem(UNKNOWN_COUNTRY, parts[i]))
        else:
            countries.setdefault(country.code, country)
        i += used
    return tuple(countries.values()), tuple(problems)


def lookup_country(text: str) -> Country | None:
    """The country a code or English name stands for, or None. Exact
    matches only, ignoring case and spacing: never a fuzzy search."""
    return _countries().get(" ".join(str(text).split()).casefold())


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, Country]:
    """Every way ISO 3166 (through pycountry) names a country, casefolded:
    alpha-2 and alpha-3 codes, name, official name, common name; then the
    name before ISO's qualifier ("Palestine" for "Palestine, State of",
    "Holy See" for "Holy See (Vatican City State)") when only one country
    has it. Built once: every lookup is then one dict access, whatever
    the input."""
    index: dict[str, Country] = {}
    short: dict[str, set[str]] = {}
    for record in pycountry.countries:
        code = record.alpha_2.upper()
        country = Country(
            code=code,
            alpha3=record.alpha_3.upper(),
            name=getattr(record, "common_name", None) or record.name,
            flag=flag(code),
        )
        names = [getattr(record, f, None) for f in ("name", "official_name", "common_name")]
        for key in (record.alpha_2, record.alpha_3, *names):
            if key:
                index.setdefault(key.casefold(), country)
        for name in filter(None, names):
            cut = name.split(",")[0].split(" (")[0].strip().casefold()
            if cut and cut != name.casefold():
                short.setdefault(cut, set()).add(code)
    for cut, codes in short.items():
        if len(codes) == 1 and cut not in index:
            index[cut] = index[codes.pop().casefold()]
    return index


def flag(code: str) -> str:
    """The flag emoji of an alpha-2 code: two regional indicator symbols."""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code.upper())
