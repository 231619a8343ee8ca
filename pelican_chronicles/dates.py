"""Dates as authors type them in notes and attributions.

Parsed with dateutil, the parser Pelican uses for its own ``Date:``
metadata, with the site's time zone and a day-first switch for numeric
dates; ISO dates are read directly. No Pelican import: the Markdown extension uses this module too.
"""

from __future__ import annotations

import datetime
import functools
import re
import warnings
import zoneinfo

import dateutil.parser

MAX_DATE = 40  # the longest text the conventions try as a date
# 2024-06-20, 2024-06-20 08:30, 2024-06-20T08:30:15: read without dateutil.
ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")

# A year of four digits, or the two-digit year of a numeric date (03/03/20).
_HAS_YEAR = re.compile(r"\b\d{4}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b")
_HAS_TIME = re.compile(r"\d:\d\d|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether ``text`` has a digit: what a qualifier needs before it is
    tried as a date."""
    return bool(_HAS_DIGIT.search(text))


def has_time(text: str) -> bool:
    return bool(_HAS_TIME.search(text))


def read_with_dateutil(text: str, *, default: datetime.datetime, dayfirst: bool) -> datetime.datetime:
    """dateutil's reading of ``text``; ValueError when it is no date. A time
    zone name dateutil does not know ("10:00 CEST") is left out, as dateutil
    does, so the site's zone applies; dateutil's warning about it, which
    would reach the site owner's terminal on every build, is not raised."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dateutil.parser.UnknownTimezoneWarning)
        try:
            return dateutil.parser.parse(text, default=default, dayfirst=dayfirst)
        except (ValueError, OverflowError, TypeError) as err:
            raise ValueError(str(err)) from None


_DATE_INFO = dateutil.parser.parserinfo()
_LETTERS = re.compile(r"[^\W\d_]+")


def could_be_date(text: str) -> bool:
    """A cheap first look before dateutil: a digit, and every word one that
    dates are made of (month and weekday names, "of", "am", "UTC"...)."""
    if not has_digit(text):
        return False
    info = _DATE_INFO
    for word in _LETTERS.findall(text):
        if not (
            info.month(word) is not None
            or info.weekday(word) is not None
            or info.jump(word)
            or info.ampm(word) is not None
            or info.hms(word) is not None
            or (word.isupper() and len(word) <= 5)  # a time zone: UTC, CEST
        ):
            return False
    return True


# dateutil fills what a text leaves out from a default: read with this one,
# and again with January 1 (as parse_date does), a date tells which of year,
# month and day were typed. No author types the year 4.
PROBE = datetime.datetime(4, 12, 28)


def probe(text: str, dayfirst: bool = False) -> datetime.datetime | None:
    """``text`` read with PROBE's year, month and day where it gives none;
    None when it is no date."""
    if ISO.fullmatch(text):
        try:
            return datetime.datetime.fromisoformat(text)
        except ValueError:  # 2024-13-45
            return None
    try:
        return read_with_dateutil(text, default=PROBE, dayfirst=dayfirst)
    except ValueError:
        return None


# A few results are enough: the same dates recur within a post (a quote's
# and a note's), every post has its own.
@functools.lru_cache(maxsize=256)
def parse_date(
    text: str,
    *,
    timezone: str = "UTC",
    dayfirst: bool = False,
    after: datetime.datetime | None = None,
) -> datetime.datetime:
    """An aware datetime for ``text``; raises ValueError when it is no date.

    A date without a year takes the year of ``after`` (the post's date), or
    the next year when that would fall before it. Without ``after`` such a
    date is an error: its year cannot be known. (A pure function, so its
    latest results are kept.)
    """
    text = text.strip()
    if len(text) > 64:
        raise ValueError("too long for a date")
    if ISO.fullmatch(text):
        value = datetime.datetime.fromisoformat(text)
        return value.replace(tzinfo=zoneinfo.ZoneInfo(timezone))
    has_year = bool(_HAS_YEAR.search(text))
    if not has_year and after is None:
        raise ValueError("a date without a year in a post without a date")
    base = after if after is not None else datetime.datetime(2000, 1, 1)
    value = read_with_dateutil(text, default=datetime.datetime(base.year, 1, 1), dayfirst=dayfirst)
    try:
        value.utcoffset()  # "UTC+99" parses, but is no offset
    except (ValueError, OverflowError, TypeError) as err:
        raise ValueError(str(err)) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zoneinfo.ZoneInfo(timezone))
    if not has_year and after is not None:
        reference = after if after.tzinfo else after.replace(tzinfo=value.tzinfo)
        if value.date() < reference.date():
            value = value.replace(year=value.year + 1)
    return value


def machine_date(value: datetime.datetime, with_time: bool) -> str:
    """The ``datetime`` attribute of a <time> element."""
    return value.isoformat() if with_time else value.date().isoformat()


def post_date(text: str | None, timezone: str = "UTC") -> datetime.datetime | None:
    """The ``Date:`` metadata of a post, when it is there and readable."""
    if not text:
        return None
    try:
        return parse_date(text, timezone=timezone)
    except ValueError:
        return None
