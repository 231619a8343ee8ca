"""Text helpers shared by the Markdown side and the site outputs."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import babel


def char_refs(text: str) -> str:
    """``text`` as numeric character references, for decorative emoji (a
    speech balloon, a flag) written into markup. The browser shows the same
    characters; the page's string stays narrow, where one character outside
    the Basic Multilingual Plane makes CPython store the whole string at four
    bytes a character, and a post's HTML is held for the whole build.

    >>> char_refs("💬")
    '&#x1F4AC;'
    """
    return "".join(f"&#x{ord(c):X};" for c in text)


@functools.lru_cache(maxsize=32)
def babel_locale(lang: str | None) -> babel.Locale | None:
    """Babel's locale for a Pelican language code (``lang`` metadata or
    ``DEFAULT_LANG``): ``ru``, ``pt-BR``, ``zh_Hant``; None when it names no
    locale Babel has.

    >>> babel_locale("pt-BR"), babel_locale("klingon")
    (Locale('pt', territory='BR'), None)
    """
    if not lang or not isinstance(lang, str):
        return None
    try:
        return babel.Locale.parse(lang.strip().replace("-", "_"))
    except (ValueError, TypeError, babel.UnknownLocaleError):
        return None


def by_word(table: Mapping, typed: str):
    """The entry of ``table`` (keyed by casefolded words) for the word the
    author typed, which a pattern matched without case. Casefolding and
    matching without case differ for a few letters (the Turkish dotted
    capital "İ"): those are compared one by one, so a match always finds
    its entry."""
    found = table.get(typed.casefold())
    if found is None:
        found = next(
            (value for key, value in table.items() if re.fullmatch(re.escape(key), typed, re.IGNORECASE)), None
        )
    return found
