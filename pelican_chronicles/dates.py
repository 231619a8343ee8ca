"""Dates as authors type them in notes and attributions.

Parsed with dateutil, the parser Pelican uses for its own ``Date:``
metadata, with the site's time zone and a day-first switch for numeric
dates; ISO dates are read directly. A date in another language is first
put in the words dateutil reads (``localize``): native digits become ASCII
ones, ``2024年6月20日`` an ISO date, and the language's month and weekday
names, in every form CLDR gives them (through Babel), English ones; no
system locale is involved. No Pelican import: the Markdown extension uses
this module too.
"""

from __future__ import annotations

import datetime
import functools
import re
import warnings
import zoneinfo

import dateutil.parser

from .languages import base, builtin
from .text import babel_locale

MAX_DATE = 40  # the longest text the conventions try as a date
# 2024-06-20, 2024-06-20 08:30, 2024-06-20T08:30:15, 2024-06-20 08:30 +02:00,
# 2024-06-20T08:30Z: read without dateutil.
ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?)?")
_ISO_OFFSET = re.compile(r" ?(?:Z|([+-]\d{2}):?(\d{2}))$")


def from_iso(text: str) -> datetime.datetime:
    """The datetime of a text ``ISO`` matches. Python 3.10's
    ``fromisoformat`` reads an offset only as ``+02:00``: ``Z``, ``+0200``
    and a space before the offset are written that way first."""
    return datetime.datetime.fromisoformat(
        _ISO_OFFSET.sub(lambda m: f"{m[1]}:{m[2]}" if m[1] else "+00:00", text, count=1)
    )


# Zone abbreviations that name one offset wherever bloggers write them.
# dateutil knows only UTC and GMT by itself; without these "10:00 EST" would
# be read in the site's zone.
ZONES = {
    name: int(hours * 3600)
    for name, hours in {
        "HST": -10, "AKST": -9, "AKDT": -8, "PST": -8, "PDT": -7, "MST": -7, "MDT": -6,
        "CDT": -5, "EST": -5, "EDT": -4, "NST": -3.5, "NDT": -2.5, "BRT": -3, "ART": -3,
        "WET": 0, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
        "WAT": 1, "CAT": 2, "SAST": 2, "EAT": 3, "TRT": 3, "IRST": 3.5, "GST": 4, "PKT": 5,
        "NPT": 5.75, "ICT": 7, "WIB": 7, "HKT": 8, "SGT": 8, "AWST": 8, "PHT": 8,
        "JST": 9, "KST": 9, "ACST": 9.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    }.items()
}
# Abbreviations that name several offsets: IST is India, Israel or Ireland.
AMBIGUOUS_ZONES = frozenset({"IST", "BST", "CST", "AST", "ADT", "SST", "ECT"})
_ZONE_WORD = re.compile(r"(?<![^\W\d_])[A-Z]{2,5}(?![^\W\d_])")

# A year of four digits, two after an apostrophe ('24), the two-digit year
# of a numeric date (03/03/20), or a compact date (20240620).
_HAS_YEAR = re.compile(r"\b\d{4}\b|(?<!\w)'\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b|\b\d{8}\b")
_HAS_TIME = re.compile(r"\d:\d\d|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")
_YEAR_FIRST = re.compile(r"\s*\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b")


def has_digit(text: str) -> bool:
    """Whether ``text`` has a digit: what a qualifier needs before it is
    tried as a date."""
    return bool(_HAS_DIGIT.search(text))


def has_time(text: str) -> bool:
    return bool(_HAS_TIME.search(_times(text.translate(DIGITS))))


# --- dates in other languages ----------------------------------------------

# Every decimal digit of the scripts news is written in, as an ASCII digit:
# Arabic-Indic, Persian, Devanagari, Bengali, full-width. The direction
# marks CLDR puts in Arabic numeric dates ("20\u200f/06\u200f/2024") go.
DIGITS = {
    start + value: str(value)
    for start in (0x0660, 0x06F0, 0x0966, 0x09E6, 0xFF10)
    for value in range(10)
} | {ord("،"): ",", ord("٫"): ".", ord("／"): "/", 0x200E: None, 0x200F: None, 0x061C: None}
_CJK_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_HOURS = re.compile(r"\b(\d{1,2}) ?h ?(\d{2})\b")  # 10 h 30, 10h30
# A time written with a full stop (Indonesian and Turkish "10.30"), not part
# of a longer number or dotted date ("20.06.2024").
_DOT_TIME = re.compile(r"(?<![\d.])([01]?\d|2[0-3])\.([0-5]\d)(?![\d.])")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def localize(text: str, lang: str | None) -> str:
    """``text`` in the words dateutil reads. English, and text with no
    letters to translate, pass through untouched but for their times
    (``_times``) and a numeric date with spaces ("20. 6. 2024")."""
    if not text.isascii():
        text = text.translate(DIGITS)
        if "月" in text:
            text = _CJK_DATE.sub(_cjk_date, text)
    if ". " in text:
        text = _SPACED_DATE.sub(_spaced_date, text)
    code = base(lang) if lang else "en"
    if code == "en":
        return _times(_HOURS.sub(r"\1:\2", text) if "h" in text else text)
    words, pattern = _words_of(code)
    if "." in text and builtin(code).get("dot_times"):
        text = _dot_times(text, builtin(code).get("time_words", ()))
    if pattern is not None:
        text = pattern.sub(lambda m: words.get(m.group().casefold().rstrip("."), m.group()), text)
    return _times(_HOURS.sub(r"\1:\2", " ".join(text.split())))


# A numeric date with a space after each full stop, as German and Central
# European authors write it: "20. 6. 2024" is read as "20.6.2024", and
# "20. 6." as "20/6" (dateutil reads "20.6" as a day of the current month);
# both follow the day-first setting, as other numeric dates do.
_SPACED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s+(\d{1,2})\.(?:\s*(\d{4}|\d{2})(?![\d.:]))?")


def _spaced_date(found: re.Match) -> str:
    day, month, year = found.groups()
    return f"{day}.{month}.{year}" if year else f"{day}/{month}"


# A time in Chinese: "14时30分", "15点", "3点半", with a part of the day
# before it as CLDR names them ("下午3点", "下午3:30"): 24-hour time.
_CJK_TIME = re.compile(
    r"(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上)?\s*(\d{1,2})\s*"
    r"(?:[点點时時]\s*(?:(\d{1,2})\s*分|(半))?|:(\d{2}))"
)
_CJK_PM = frozenset({"中午", "下午", "傍晚", "晚上"})


def _cjk_time(found: re.Match) -> str:
    period, hour, minute, half, colon_minute = found.groups()
    if colon_minute is not None and period is None:  # 14:30
        return found.group()
    hour = int(hour)
    minute = 30 if half else int(minute or colon_minute or 0)
    if period in _CJK_PM and hour < 12:
        hour += 12
    elif period == "凌晨" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return found.group()
    return f" {hour:02d}:{minute:02d} "


# A wire-service time, four digits without a colon: "1430 GMT". Four
# digits are a year, unless a year comes before them ("June 20, 2024
# 1430"), or a zone or an offset follows them ("1430 EDT", "0830 +02:00")
# where they cannot be the date's year: under 1900, or the text has
# another year, or it names no day ("Friday 2030 GMT").
_WIRE_TIME = re.compile(r"(?<![\w/.:'+-])([01]\d|2[0-3])([0-5]\d)(?=Z\b|(?![\w/.:-]))")
_ZONE_NEXT = re.compile(r"\s*(?:([A-Z]{1,5})(?![^\W\d_])|[+-]\d{1,2}(?::?\d{2})?(?!\d))")


def _times(text: str) -> str:
    """``text`` with its times in Chinese and its wire-service times
    written as dateutil reads them: "15:00", "14:30 GMT"."""
    if not text.isascii() and _CJK_TIME.search(text):
        text = " ".join(_CJK_TIME.sub(_cjk_time, text).split())
    if not _WIRE_TIME.search(text):
        return text

    def replace(found: re.Match) -> str:
        hours, minutes = found.groups()
        before, after = text[: found.start()], text[found.end():]
        zone = _ZONE_NEXT.match(after)
        if zone and zone.group(1) and not _is_zone(zone.group(1)):
            zone = None
        if _HAS_YEAR.search(before) or (
            zone and (int(hours + minutes) < 1900 or _HAS_YEAR.search(after) or not _names_a_day(text))
        ):
            return f"{hours}:{minutes}"
        return found.group()

    return _WIRE_TIME.sub(replace, text)


def _is_zone(word: str) -> bool:
    """Whether an upper-case word can be a time zone: not a month, weekday
    or one of dateutil's small words ("ON", "AT")."""
    info = _DATE_INFO
    return not (info.month(word) is not None or info.weekday(word) is not None or info.jump(word))


def _dot_times(text: str, time_words) -> str:
    """``text`` with its times written with a full stop written with a
    colon, where the number cannot be a day and month: its minutes are
    over 12 ("10.30"), a date with its year comes before it
    ("20 Juni 2024 10.05"), or a time word ("pukul 10.05"). "20.06" alone
    stays a day and month."""

    def replace(found: re.Match) -> str:
        before = text[: found.start()]
        words = before.split()
        if int(found.group(2)) > 12 or _YEAR.search(before) or (
            words and words[-1].casefold() in {w.casefold() for w in time_words}
        ):
            return f"{found.group(1)}:{found.group(2)}"
        return found.group()

    return _DOT_TIME.sub(replace, text)


def _cjk_date(found: re.Match) -> str:
    year, month, day = found.groups()
    month_name = ENGLISH_MONTHS[int(month)] if 1 <= int(month) <= 12 else month
    return f"{month_name} {day}, {year}" if year else f"{month_name} {day}"


# The names dateutil reads, into which every language's names are turned;
# also how site pages in English write dates without Babel's locale data.
ENGLISH_MONTHS = (None, "January", "February", "March", "April", "May", "June", "July",
                  "August", "September", "October", "November", "December")
ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Locales whose month names a language's authors also write: the Levantine
# months (كانون الثاني, حزيران) beside the Egyptian and Gulf ones.
_MORE_LOCALES = {"ar": ("ar_SY", "ar_IQ")}


@functools.lru_cache(maxsize=32)
def _words_of(code: str) -> tuple[dict, re.Pattern | None]:
    """The language's month and weekday names (every width and context
    CLDR has: "июня", "июнь", "июн.") mapped to English ones, and its date
    words (``date_words`` of its file, "г.", "de") mapped to nothing, with
    one pattern that finds any of them as whole words."""
    import babel.dates

    words: dict[str, str] = {}
    for name in (code, *_MORE_LOCALES.get(code, ())):
        locale = babel_locale(name)
        if locale is None:
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, month in babel.dates.get_month_names(width, context, locale).items():
                    words.setdefault(month.casefold().rstrip("."), ENGLISH_MONTHS[number])
                for number, day in babel.dates.get_day_names(width, context, locale).items():
                    words.setdefault(day.casefold().rstrip("."), ENGLISH_DAYS[number])
    for word in builtin(code).get("date_words", ()):
        words.setdefault(word.casefold().rstrip("."), "")
    words = {k: v for k, v in words.items() if k and not k.isdigit()}
    if not words:
        return words, None
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return words, re.compile(rf"(?<![^\W\d_])(?:{alternation})\.?(?![^\W\d_])", re.IGNORECASE)


def read_with_dateutil(text: str, *, default: datetime.datetime, dayfirst: bool) -> datetime.datetime:
    """dateutil's reading of ``text``; ValueError when it is no date. A zone
    abbreviation in ZONES gives its offset; one dateutil does not know
    ("10:00 IST") is left out, as dateutil does, so the site's zone applies
    (``zone_warning`` says so); dateutil's own warning about it, which would
    reach the site owner's terminal on every build, is not raised."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dateutil.parser.UnknownTimezoneWarning)
        try:
            if _YEAR_FIRST.match(text):  # 2024/6/7 is year, month, day in every language
                return dateutil.parser.parse(text, default=default, yearfirst=True, tzinfos=ZONES)
            return dateutil.parser.parse(text, default=default, dayfirst=dayfirst, tzinfos=ZONES)
        except (ValueError, OverflowError, TypeError) as err:
            raise ValueError(str(err)) from None


_DATE_INFO = dateutil.parser.parserinfo()
_LETTERS = re.compile(r"[^\W\d_]+")


def could_be_date(text: str, lang: str | None = None) -> bool:
    """A cheap first look before dateutil: a digit, and every word one that
    dates are made of (month and weekday names, "of", "am", "UTC"...), in
    ``lang`` or in English."""
    if not has_digit(text.translate(DIGITS)):
        return False
    text = localize(text, lang)
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


def probe(text: str, dayfirst: bool = False, lang: str | None = None) -> datetime.datetime | None:
    """``text`` read with PROBE's year, month and day where it gives none;
    None when it is no date."""
    text = localize(text, lang)
    if ISO.fullmatch(text):
        try:
            return from_iso(text)
        except ValueError:  # 2024-13-45
            return None
    try:
        check_parts(text)
        return read_with_dateutil(text, default=PROBE, dayfirst=dayfirst)
    except ValueError:
        return None


def zone_warning(text: str) -> str | None:
    """Why the zone abbreviation in ``text``, if any, was not used: it is
    ambiguous or unknown, and the site's time zone applied instead."""
    info = _DATE_INFO
    for word in _ZONE_WORD.findall(text):
        if word in ZONES or info.utczone(word) or info.ampm(word) is not None:
            continue
        if info.month(word) is not None or info.weekday(word) is not None or info.jump(word):
            continue
        if word in AMBIGUOUS_ZONES:
            return f"the time zone {word} names several offsets; the site's time zone was used"
        return f"unknown time zone {word}; the site's time zone was used"
    return None


# What every number of a date can be, checked before dateutil, which takes
# a number it cannot place for a year ("June 41" would be 19 June 2041): a
# part of a numeric date (whose last part may be a year of two digits,
# "03/03/20"), of a time ("08:30", "10 am") or of an offset ("+02:00"); a
# year of four digits, or two after an apostrophe ("'24"); one day, of one
# or two digits, 1 to 31 ("June 20 24" has no year); 20240620.
_NUMERIC_DATE = re.compile(r"(?<![\d/.:-])(\d+)([/.-])(\d+)(?:\2(\d+))?(?![\d/:-]|\.\d)")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_OFFSET = re.compile(r"[+-]\d{1,2}(?::?\d{2})?(?!\d)")
_NUMBER = re.compile(r"(?<!\d)('?)(\d+)(st|nd|rd|th)?(?!\d)", re.IGNORECASE)


def _is_day(digits: str) -> bool:
    return len(digits) <= 2 and 1 <= int(digits) <= 31


def check_parts(text: str) -> None:
    """Raise ValueError when a number of ``text`` (localized) can be no
    part of a date: a day over 31, a number of two or three digits where
    only a year could stand. dateutil reads what passes, and refuses a day
    the month does not have."""
    for found in _NUMERIC_DATE.finditer(text):
        parts = [p for p in found.group(1, 3, 4) if p is not None]
        if len(parts[0]) == 4:  # 2024-06-20, 2024/6
            days = parts[1:]
        elif len(parts) == 3 and len(parts[2]) in (2, 4):  # 20.06.2024, 03/03/20
            days = parts[:2]
        elif len(parts) == 2 and len(parts[1]) == 4:  # 6/2024
            days = parts[:1]
        elif len(parts) == 2 and min(int(p) for p in parts) <= 12:  # 20.06, 6/20: day and month
            days = parts
        else:
            days = ["000"]
        if not all(_is_day(p) for p in days) or _names_month(text):  # "20-21 June" is no date
            raise ValueError(f"{found.group()} is no date")
    rest = _OFFSET.sub(" ", _CLOCK.sub(" ", _NUMERIC_DATE.sub(" ", text)))
    days = years = 0
    for found in _NUMBER.finditer(rest):
        apostrophe, digits, ordinal = found.groups()
        if not ordinal and (len(digits) in (4, 8) or (apostrophe and len(digits) == 2)):
            years += 1
        elif _is_day(digits):
            days += 1
        else:
            raise ValueError(f"{digits} is no day, and a year has four digits")
    if days > 1:
        raise ValueError("two numbers where a date has one day; a year has four digits")
    if years > 1:
        raise ValueError("two years in one date")


def _names_month(text: str) -> bool:
    return any(_DATE_INFO.month(word) is not None for word in _LETTERS.findall(text))


def _names_a_day(text: str) -> bool:
    """A month name or a numeric day and month: "Jul 3", "03/07". Without
    either, a text with no year is a time or a weekday: "14:30", "Tuesday
    10am"."""
    return bool(_DAY_AND_MONTH.search(text)) or _names_month(text)


_DAY_AND_MONTH = re.compile(r"\b\d{1,2}[/.-]\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)\b", re.IGNORECASE)


# A few results are enough: the same dates recur within a post (a quote's
# and a note's), every post has its own.
@functools.lru_cache(maxsize=256)
def parse_date(
    text: str,
    *,
    timezone: str = "UTC",
    dayfirst: bool = False,
    after: datetime.datetime | None = None,
    lang: str | None = None,
) -> datetime.datetime:
    """An aware datetime for ``text``; raises ValueError when it is no date.

    A date without a year takes the year of ``after`` (the post's date), or
    the next year when that would fall before it. A time alone takes the
    day of ``after``, or the next day when it is earlier than ``after``; a
    weekday is the first such day from ``after`` on. Without ``after`` these
    are errors: their day cannot be known. (A pure function, so its latest
    results are kept.)
    """
    text = localize(text.strip(), lang)
    if len(text) > 64:
        raise ValueError("too long for a date")
    zone = zoneinfo.ZoneInfo(timezone)
    if ISO.fullmatch(text):
        value = from_iso(text)
        return value if value.tzinfo else value.replace(tzinfo=zone)
    check_parts(text)
    has_year = bool(_HAS_YEAR.search(text))
    if not has_year and after is None:
        raise ValueError("a date without a year in a post without a date")
    if has_year:
        default = datetime.datetime(2000, 1, 1)
    else:
        after = after if after.tzinfo else after.replace(tzinfo=zone)
        default = datetime.datetime(after.year, after.month, after.day)
    value = read_with_dateutil(text, default=default, dayfirst=dayfirst)
    try:
        value.utcoffset()  # "UTC+99" parses, but is no offset
    except (ValueError, OverflowError, TypeError) as err:
        raise ValueError(str(err)) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    if has_year:
        return value
    if _names_a_day(text):
        if value.date() < after.date():
            value = value.replace(year=value.year + 1)
    elif has_time(text) and value < after:
        value += datetime.timedelta(days=7 if _names_weekday(text) else 1)
    return value


def _names_weekday(text: str) -> bool:
    return any(_DATE_INFO.weekday(word) is not None for word in _LETTERS.findall(text))


# How far after the time of the build a date may be before it is taken for
# a typo: a note written late in the evening in a zone ahead of the site's.
AHEAD = datetime.timedelta(days=1)


def is_ahead(value: datetime.datetime, now: datetime.datetime | None = None) -> bool:
    """Whether the aware ``value`` is more than AHEAD after ``now`` (default:
    this moment): a date in the future, which no note can have yet."""
    return value - (now or datetime.datetime.now(datetime.timezone.utc)) > AHEAD


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
