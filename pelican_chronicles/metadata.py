"""``Sources:`` and ``Countries:`` metadata (SPEC 6, 7). No Pelican import.

Both functions take the value Pelican gives a metadata key: ``None``, a
string, or a list of strings when the key is repeated (or continued on an
indented line). Each returns what it could use and the problems it found:

    >>> parse_sources("Agency <https://agency.example/>; [Daily](https://daily.example/)")[0]
    (Source(name='Agency', url='https://agency.example/'), Source(name='Daily', url='https://daily.example/'))
    >>> [c.code for c in resolve_countries("FR, DEU, Japan")[0]]
    ['FR', 'DE', 'JP']

Countries are resolved with pycountry, the ISO 3166 data library, and with
CLDR's names of countries in every language, through Babel; beside them is
only a short table of everyday English names that neither has
(``EVERYDAY_NAMES``: "UK", "Ivory Coast").
"""

from __future__ import annotations

import functools
import html
import pickle
import re
import unicodedata

import pycountry
from babel import localedata

from .text import babel_locale

from .model import Country, Problem, Source, merge_sources, problem, source
from .urls import safe_url, with_scheme

# Raw HTML in a source name: a tag, an end tag, a comment or a declaration.
_MARKUP = re.compile(r"<[A-Za-z/!?]")
# Tokens of a Sources: value, so that a ";" ("؛", "；") splits entries only at the top
# level: never inside "<URL>", a Markdown link's text or URL, or a character
# reference ("AT&amp;T"). Each alternative stops at the next character that
# could start another, so the scan stays linear.
_SOURCE_TOKEN = re.compile(
    r"<[^<>\s]*>|\[[^\[\]]*\](?:\([^\s()\[\]<>]*\))?|&#?[A-Za-z0-9]{1,32};|[^;؛；<\[&]+|[<\[&]|[;؛；]"
)
# The semicolons of each script: Latin and Cyrillic, Arabic, full-width.
_SEMICOLONS = frozenset(";؛；")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]\((.*)\)\Z", re.DOTALL)
# Control characters, which no name holds and XML cannot carry.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
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


def parse_sources(value, read_as_https: list | None = None) -> tuple[tuple[Source, ...], tuple[Problem, ...]]:
    """Entries separated by ``;``: ``Name``, ``Name <URL>`` or ``[Name](URL)``.

    A URL that is not safe is dropped, the source kept by name, and the
    problem quotes the URL. Names are plain text: raw HTML in them is kept
    as text (and escaped on output), with a warning. Sources with the same
    name (ignoring case) are merged. An address written without a scheme
    that names a host (``urls.with_scheme``) is read as https; as typed, it
    is added to ``read_as_https`` when one is given: not a problem, but
    worth telling.

        >>> told = []
        >>> parse_sources("Yonhap <yonhap.co.kr>; [MFA](www.mid.ru/en/press); Site <about.html>", told)[0][0].url
        'https://yonhap.co.kr'
        >>> told
        ['yonhap.co.kr', 'www.mid.ru/en/press']
    """
    sources: list[Source] = []
    problems: list[Problem] = []
    for text in _values(value):
        for entry in _split_entries(text):
            found, its_problems = _source(entry, read_as_https)
            if found is not None:
                sources.append(found)
            problems.extend(its_problems)
    return merge_sources(sources), tuple(problems)


def _split_entries(text: str) -> list[str]:
    entries, current = [], []
    for token in _SOURCE_TOKEN.findall(text):
        if token in _SEMICOLONS:
            entries.append("".join(current))
            current = []
        else:
            current.append(token)
    entries.append("".join(current))
    return [e.strip() for e in entries if e.strip()]


def _source(entry: str, read_as_https: list | None = None) -> tuple[Source | None, list[Problem]]:
    name, url = _name_and_url(entry)
    if url is not None:
        typed = url
        url, assumed = with_scheme(url)  # "yonhap.co.kr" is a site, not a file beside the post
        if assumed and read_as_https is not None:
            read_as_https.append(typed)
    problems = []
    if url is not None and safe_url(url) is None:
        problems.append(problem(UNSAFE_URL, url, "refused-url"))
        url = None
    if not name:
        name = url or ""
    name = " ".join(html.unescape(name).split())  # "AT&amp;T" is AT&T
    name = _CONTROL.sub("", name)  # a NUL is in no name, and in no feed
    if not name:
        return None, problems
    if _MARKUP.search(name):
        problems.append(problem(MARKUP_IN_SOURCE, name, "markup-in-source"))
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

# Between countries: the comma, the Arabic comma, the ideographic comma and
# the fullwidth and halfwidth forms of the latter two.
_COUNTRY_SEPARATOR = re.compile("[,\u060c\u3001\uff0c\uff64]")

# Everyday English names of countries that neither ISO 3166 (pycountry) nor
# CLDR's English names (Babel) give, as English-language news writes them.
# The first group are CLDR's own short and variant English names, which
# Babel's compiled data leaves out; the rest are abbreviations and spellings
# in daily use. Each names one country and nothing else: "America" (two
# continents), "Korea" (two states), "Macedonia" (also a region of Greece)
# and "Holland" (two provinces) are not here.
EVERYDAY_NAMES = {
    # CLDR English, alt-short and alt-variant
    "UK": "GB",
    "Turkey": "TR",
    "Ivory Coast": "CI",
    "Congo (DRC)": "CD",
    "Congo (Republic)": "CG",
    "Swaziland": "SZ",
    "East Timor": "TL",
    # abbreviations and spellings
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "U.S.": "US",
    "U.S.A.": "US",
    "UAE": "AE",
    "DPRK": "KP",
    "DR Congo": "CD",
    "DRC": "CD",
    "Burma": "MM",
    "Vatican": "VA",
    "Cote d'Ivoire": "CI",
    "Turkiye": "TR",
}

# Kosovo: not in ISO 3166; XK is the user-assigned code CLDR (and so Babel),
# the EU and ICAO use for it, XKX its usual three-letter form.
KOSOVO = ("XK", "XKX", "Kosovo")

# Babel's locales, in the order their territory names are searched for a
# value that is no ISO code or English name: English; then the languages
# the plugin is built for and other widely written ones; then every CLDR
# locale. A group is loaded only when a value is found in none before it,
# so an English site never loads the second, and a site that writes names
# in the plugin's languages never loads the third (its cost is in the
# README). A name two countries share within the groups searched is no
# match.
LOCALE_GROUPS = (
    ("en",),
    (
        "ru", "zh", "zh_Hant", "ar", "fa", "hi", "es", "pt", "fr", "tr", "id", "sw", "uk", "de",
        "it", "ja", "ko", "pl", "nl", "vi", "th", "ur", "bn", "he", "ms", "be", "az",
        "sr", "sr_Latn", "el", "ro", "hu", "cs",
    ),
    None,  # every locale Babel has
)
ENGLISH = (0,)
EVERY_LANGUAGE = range(len(LOCALE_GROUPS))


def resolve_countries(value) -> tuple[tuple[Country, ...], tuple[Problem, ...]]:
    """ISO 3166 alpha-2 or alpha-3 codes, or names in any language, separated
    by commas (``,`` ``،`` ``、`` ``，``).

    An unknown value is a problem naming it. A name with a comma in it, as
    ISO writes some ("Korea, Republic of"), is read across the comma when
    its parts alone are not countries. Codes and ISO's names are tried
    first, then CLDR's English names, then names in other languages, so a
    site that writes codes never loads Babel's names, and one that writes
    English names never loads the other languages'. Duplicates are removed,
    order kept.
    """
    parts = [p.strip() for text in _values(value) for p in _COUNTRY_SEPARATOR.split(text)]
    parts = [p for p in parts if p]
    keys = [country_key(p) for p in parts]
    countries: dict[str, Country] = {}
    problems: list[Problem] = []
    i = 0
    while i < len(parts):
        for groups in ((), ENGLISH, EVERY_LANGUAGE):
            country, used = _find(keys[i], groups), 1
            if country is None and i + 1 < len(parts):
                country = _find(f"{keys[i]}, {keys[i + 1]}", groups)
                used = 2 if country is not None else 1
            if country is not None:
                break
        if country is None:
            problems.append(problem(UNKNOWN_COUNTRY, parts[i], "unknown-country"))
        else:
            countries.setdefault(country.code, country)
        i += used
    return tuple(countries.values()), tuple(problems)


def lookup_country(text: str) -> Country | None:
    """The country a code or a name in any language stands for, or None.
    Exact matches only, ignoring case, spacing and Unicode compatibility
    forms: never a fuzzy search.

        >>> [lookup_country(name).code for name in ("Россия", "مصر", "中国", "UK")]
        ['RU', 'EG', 'CN', 'GB']
    """
    return _find(country_key(str(text)), EVERY_LANGUAGE)


def _find(key: str, groups) -> Country | None:
    """The country of ``key`` (a ``country_key``): a code, an ISO or an
    everyday name, else CLDR's name in the locales of ``groups``, of which
    the first that has the name decides. A name it gives two territories
    is none."""
    found = _countries().get(key)
    if found is not None or not key:
        return found
    for group in groups:
        codes = _cldr_names(group).get(key)
        if codes:
            return _countries().get(codes[0].casefold()) if len(codes) == 1 else None
    return None


_SPACED_HYPHEN = re.compile(r"\s*-\s*")


def country_key(text: str) -> str:
    """What country names are compared by: NFKC (so fullwidth ``ＵＫ`` is
    ``UK``), case folded, one space between words, none around a hyphen
    (CLDR's ``Congo - Kinshasa`` is ``Congo-Kinshasa``), ``’`` as ``'``."""
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return _SPACED_HYPHEN.sub("-", " ".join(text.replace("\u2019", "'").split()))


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, Country]:
    """Every way ISO 3166 (through pycountry) names a country, by
    ``country_key``: alpha-2 and alpha-3 codes, name, official name, common
    name; then the name before ISO's qualifier ("Palestine" for "Palestine,
    State of", "Holy See" for "Holy See (Vatican City State)") when only
    one country has it; Kosovo; the everyday names. Built once: every
    lookup is then one dict access, whatever the input."""
    index: dict[str, Country] = {}
    short: dict[str, set[str]] = {}
    english = english_names()
    for record in pycountry.countries:
        code = record.alpha_2.upper()
        country = Country(
            code=code,
            alpha3=record.alpha_3.upper(),
            name=english.get(code) or getattr(record, "common_name", None) or record.name,
            flag=flag(code),
        )
        names = [getattr(record, f, None) for f in ("name", "official_name", "common_name")]
        for key in (record.alpha_2, record.alpha_3, *names):
            if key:
                index.setdefault(country_key(key), country)
        for name in filter(None, names):
            cut = country_key(name.split(",")[0].split(" (")[0])
            if cut and cut != country_key(name):
                short.setdefault(cut, set()).add(code)
    for cut, codes in short.items():
        if len(codes) == 1 and cut not in index:
            index[cut] = index[codes.pop().casefold()]
    code, alpha3, name = KOSOVO
    kosovo = Country(code=code, alpha3=alpha3, name=english.get(code) or name, flag=flag(code))
    for key in KOSOVO:
        index.setdefault(country_key(key), kosovo)
    for name, code in EVERYDAY_NAMES.items():
        index.setdefault(country_key(name), index[code.casefold()])
    return index


@functools.lru_cache(maxsize=None)
def _cldr_names(group: int) -> dict[str, tuple[str, ...]]:
    """CLDR's territory names in the locales of ``LOCALE_GROUPS`` up to
    ``group``, by ``country_key``: each name with the codes of what it
    names, countries and regions ("America" is the United States in one
    language and the Americas in others). Built once per group, the first
    time a value is found in no group before it."""
    names: dict[str, set[str]] = {}
    if group:
        names = {key: set(codes) for key, codes in _cldr_names(group - 1).items()}
    earlier = {locale for locales in LOCALE_GROUPS[:group] for locale in locales or ()}
    locales = LOCALE_GROUPS[group] or localedata.locale_identifiers()
    for locale in locales:
        if locale not in earlier:
            for code, name in _territory_names(locale).items():
                names.setdefault(country_key(name), set()).add(code)
    return {key: tuple(sorted(codes)) for key, codes in names.items()}


def _territory_names(locale: str) -> dict[str, str]:
    """The territory names CLDR gives in ``locale`` itself (not those it
    inherits), read from Babel's data file without Babel's cache: the whole
    of every locale's data, kept for the build, would take some 170 MB."""
    with open(localedata.resolve_locale_filename(locale), "rb") as data:
        return pickle.load(data).get("territories", {})


def english_names() -> dict[str, str]:
    """CLDR's English names of territories, by alpha-2 code: the names a
    reader knows ("Russia", "Iran", "North Korea"), where ISO 3166 has its
    official long ones ("Russian Federation", "Iran, Islamic Republic of").
    Read from the English data file alone: Babel's whole English locale,
    kept for the build, would add some 5 MB to an English site that needs
    nothing else of it."""
    return _territory_names("en")


def country_name(country: Country, lang: str | None) -> str:
    """``country``'s name in the language ``lang`` (Pelican's ``lang`` or
    ``DEFAULT_LANG``: ``en``, ``ru``, ``pt-BR``, ``zh_Hant``), as CLDR names
    it, through Babel; in a language Babel does not know, or where CLDR has
    no name, its English one, CLDR's too (``Country.name``).

        >>> country_name(lookup_country("RU"), "ru"), country_name(lookup_country("Russian Federation"), "en")
        ('Россия', 'Russia')
    """
    if (lang or "en").replace("_", "-").casefold() == "en":
        return country.name  # CLDR's English name already
    locale = babel_locale(lang)
    if locale is None:
        return country.name
    return locale.territories.get(country.code) or country.name


def flag(code: str) -> str:
    """The flag emoji of an alpha-2 code: two regional indicator symbols."""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code.upper())
