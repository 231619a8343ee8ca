"""Dates on site-wide pages in the site's language (Pelican's
``DEFAULT_LANG``), with month and day names from CLDR through Babel: never
the machine's locales, so a site builds the same on any machine.

    >>> strftime(datetime.date(2024, 6, 20), "%a %d %B %Y", "ru")
    'чт 20 июня 2024'
    >>> month_heading(2024, 6, "ru"), month_heading(2024, 6, "en")
    ('Июнь', 'June')
    >>> period_title((2024, 6), "fr")
    'Juin 2024'

Pelican's date formats (``DEFAULT_DATE_FORMAT``, ``DATE_FORMATS``) are
``strftime`` formats; ``strftime`` here reads them as Pelican's filter does
(``%-d`` drops the leading zero) and takes the names they ask for from CLDR.
No Pelican import.
"""

from __future__ import annotations

import datetime
import re

from ..dates import ENGLISH_DAYS, ENGLISH_MONTHS
from ..text import babel_locale

DEFAULT_DATE_FORMAT = "%a %d %B %Y"  # Pelican's

# What Pelican's strftime reads as a directive: % and one character, or %-
# and one character (no leading zeros). %O and one character, glibc's
# alternative form, is also read: %OB is the month's name standing alone.
_DIRECTIVE = re.compile(r"%(?:O[bBh]|-?.)", re.DOTALL)


def _names(lang: str | None):
    """Babel's locale for ``lang``; None for English, CLDR's ``en``, and
    for a language Babel does not know. English is written from the names
    the plugin reads dates with (``dates.ENGLISH_MONTHS``) in CLDR's ``en``
    patterns: a site in English loads no locale data, some 4 MB a build.
    ``tests/test_localdates.py`` holds the two equal."""
    if not lang or lang.strip().replace("_", "-").lower() in ("en", "en-us"):
        return None
    return babel_locale(lang)


def _english(value: datetime.date, name: str) -> str | None:
    """CLDR ``en``'s form of the directive ``name`` for ``value``; None
    for one ``strftime`` writes the same in every language (numbers)."""
    month, day = ENGLISH_MONTHS[value.month], ENGLISH_DAYS[value.weekday()]
    if name in ("a", "A"):
        return day[:3] if name == "a" else day
    if name in ("b", "h", "B", "Ob", "Oh", "OB"):
        return month if name.endswith("B") else month[:3]
    if name == "x":
        return f"{value.month}/{value.day}/{value.year % 100:02d}"
    if isinstance(value, datetime.datetime):
        time = f"{(value.hour - 1) % 12 + 1}:{value.minute:02d}:{value.second:02d}\u202f{_am_pm(value)}"
        if name == "p":
            return _am_pm(value)
        if name == "X":
            return time
        if name == "c":
            return f"{month[:3]} {value.day}, {value.year}, {time}"
    return None


def _am_pm(value: datetime.datetime) -> str:
    return "AM" if value.hour < 12 else "PM"


def strftime(value: datetime.date, date_format: str, lang: str | None = None) -> str:
    """``value`` written in ``date_format`` (a ``strftime`` format), with
    the names of days and months, AM and PM, and the ``%c`` ``%x`` ``%X``
    forms in the language ``lang``. ``%B`` is the month's name as a date
    writes it (Russian ``20 июня``), ``%OB`` as it stands alone (``июнь``)."""
    locale = _names(lang)
    if locale is not None:  # a site in English never imports Babel's dates (1.5 MB)
        from babel import dates as babel_dates

    def write(match: re.Match) -> str:
        directive = match.group()
        if directive.startswith("%-"):
            return strftime(value, "%" + directive[2:], lang).lstrip("0") or "0"
        name = directive[1:]
        if locale is None:
            return _english(value, name) or _plain(value, directive)
        if name in ("a", "A"):
            return locale.days["format"]["abbreviated" if name == "a" else "wide"][value.weekday()]
        if name in ("b", "h", "B"):
            return locale.months["format"]["wide" if name == "B" else "abbreviated"][value.month]
        if name in ("Ob", "Oh", "OB"):
            return locale.months["stand-alone"]["wide" if name == "OB" else "abbreviated"][value.month]
        if name == "p" and isinstance(value, datetime.datetime):
            return locale.day_periods["format"]["abbreviated"]["am" if value.hour < 12 else "pm"]
        if name == "x":
            return babel_dates.format_date(value, "short", locale=locale)
        if name in ("X", "c") and isinstance(value, datetime.datetime):
            if name == "X":
                return babel_dates.format_time(value, "medium", tzinfo=value.tzinfo, locale=locale)
            return babel_dates.format_datetime(value, "medium", tzinfo=value.tzinfo, locale=locale)
        return _plain(value, directive)

    return _DIRECTIVE.sub(write, date_format)


def _plain(value: datetime.date, directive: str) -> str:
    """What ``strftime`` writes for a directive without names (``%d``,
    ``%Y``); the directive itself where it has none."""
    try:
        return value.strftime(directive)
    except ValueError:
        return directive


def date_format(settings, lang: str | None) -> str:
    """The date format of a post in ``lang``, as Pelican picks it from the
    ``settings`` (a build's settings or a template's context):
    ``DATE_FORMATS`` for the language (a format, or a ``(locale, format)``
    pair whose locale CLDR replaces), else ``DEFAULT_DATE_FORMAT``."""
    found = (settings.get("DATE_FORMATS") or {}).get(lang)
    if isinstance(found, (tuple, list)):
        found = found[-1]
    return found or settings.get("DEFAULT_DATE_FORMAT") or DEFAULT_DATE_FORMAT


def month_heading(year: int, month: int, lang: str | None = None) -> str:
    """The month's full name as it stands alone (Russian ``Июнь``, not the
    ``июня`` of a date), in the language ``lang``, capitalised as the first
    word of a heading."""
    locale = _names(lang)
    if locale is None:
        return ENGLISH_MONTHS[month]
    return _capitalised(locale.months["stand-alone"]["wide"][month])


def period_title(period: tuple, lang: str | None = None) -> str:
    """A period archive's title from Pelican's ``period_num``: ``(2024,)``,
    ``(2024, 6)`` or ``(2024, 6, 20)``: the year, the month and year as
    the language writes them on their own (``June 2024``, ``Июнь 2024 г.``),
    or the day's long date (``June 20, 2024``, ``20 июня 2024 г.``)."""
    locale = _names(lang)
    if len(period) == 1:
        return str(period[0])
    day = datetime.date(period[0], period[1], period[2] if len(period) > 2 else 1)
    if locale is None:
        month = ENGLISH_MONTHS[day.month]
        return f"{month} {day.year}" if len(period) == 2 else f"{month} {day.day}, {day.year}"
    from babel import dates as babel_dates

    if len(period) == 2:
        return _capitalised(babel_dates.format_skeleton("yMMMM", day, locale=locale))
    return babel_dates.format_date(day, "long", locale=locale)


def _capitalised(text: str) -> str:
    """The first letter as a title case letter, where the script has one
    (Georgian's title case is its own letter)."""
    return text[:1].title() + text[1:]
