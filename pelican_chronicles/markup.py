"""The markup of a country and its flag (SPEC 7): the one definition that a
post's list of countries (``syntax/chronicle.py``) and the site's pages and
filters (``site/render.py``, ``site/filters.py``) all write. No Pelican
import.

    >>> country("France", flag("🇫🇷"), "/countries/fr.html")
    Markup('<span class="chronicles-country"><span class="chronicles-flag" aria-hidden="true">&#x1F1EB;&#x1F1F7;</span> <a href="/countries/fr.html">France</a></span>')

Everything given as text is escaped, so each returns ``Markup``.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .text import char_refs


def flag(emoji: str | None) -> Markup:
    """``span.chronicles-flag``: a country's flag, decorative, hidden from
    screen readers (the name is the text); empty for a country without one.
    Written as character references (see ``char_refs``)."""
    if not emoji:
        return Markup("")
    return Markup(f'<span class="chronicles-flag" aria-hidden="true">{char_refs(emoji)}</span>')


def country(name: str, country_flag: Markup = Markup(""), href: str | None = None) -> Markup:
    """``span.chronicles-country``: a country's flag (``flag``'s markup)
    and its name, the name a link when ``href`` is given."""
    shown = f'<a href="{escape(href)}">{escape(name)}</a>' if href else escape(name)
    if country_flag:
        shown = f"{country_flag} {shown}"
    return Markup(f'<span class="chronicles-country">{shown}</span>')
