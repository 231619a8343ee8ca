"""Dates as authors type them in notes and attributions."""

from __future__ import annotations

import datetime

import pytest

from pelican_chronicles import dates

UTC = datetime.timezone.utc
AFTER = datetime.datetime(2019, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 20, 2024", datetime.date(2024, 6, 20)),
        ("March 14th, 2011", datetime.date(2011, 3, 14)),
        ("20 June 2024", datetime.date(2024, 6, 20)),
        ("Sept 3", datetime.date(2019, 9, 3)),
        ("jul 3", datetime.date(2019, 7, 3)),
        ("03/04/2020", datetime.date(2020, 3, 4)),
        ("2024-06-20", datetime.date(2024, 6, 20)),
    ],
)
def test_common_shapes(text, expected):
    assert dates.parse_date(text, after=AFTER).date() == expected


def test_a_numeric_date_follows_the_day_first_setting():
    assert dates.parse_date("03/04/2020", dayfirst=True).date() == datetime.date(2020, 4, 3)


@pytest.mark.parametrize("text", ["June 31, 2024", "13/13/2020", "not a date 7"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(ValueError):
        dates.parse_date(text, after=AFTER)


def test_a_day_without_a_year_takes_the_posts_year_or_the_next():
    after = datetime.datetime(2024, 6, 1, tzinfo=UTC)
    assert dates.parse_date("June 20", after=after) == datetime.datetime(2024, 6, 20, tzinfo=dates.parse_date("June 20", after=after).tzinfo)
    assert dates.parse_date("June 20th 12:00", after=after).hour == 12
    assert dates.parse_date("May 3", after=after).year == 2025


def test_a_day_without_a_year_needs_the_posts_date():
    with pytest.raises(ValueError):
        dates.parse_date("June 20")


def test_the_sites_time_zone_applies_when_the_text_gives_none():
    value = dates.parse_date("2024-06-20 08:30", timezone="Europe/Paris")
    assert value.utcoffset() == datetime.timedelta(hours=2)


POST = datetime.datetime(2024, 6, 19, 10, 0, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:30", datetime.datetime(2024, 6, 19, 14, 30, tzinfo=UTC)),
        ("09:00", datetime.datetime(2024, 6, 20, 9, 0, tzinfo=UTC)),
        ("10am", datetime.datetime(2024, 6, 19, 10, 0, tzinfo=UTC)),
        ("Friday 10am", datetime.datetime(2024, 6, 21, 10, 0, tzinfo=UTC)),
        ("Wednesday 9am", datetime.datetime(2024, 6, 26, 9, 0, tzinfo=UTC)),
        ("May 3", datetime.datetime(2025, 5, 3, tzinfo=UTC)),
    ],
)
def test_a_time_or_weekday_alone_is_the_first_after_the_post(text, expected):
    assert dates.parse_date(text, after=POST) == expected


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("2024-06-20T08:30:15", 0),
        ("2024-06-20 08:30 +02:00", 2),
        ("2024-06-20T08:30:15-0400", -4),
        ("2024-06-20T08:30Z", 0),
        ("June 20, 2024 10:00 EST", -5),
        ("June 20, 2024 10:00 MSK", 3),
        ("June 20, 2024 10:00 JST", 9),
    ],
)
def test_offsets_and_unambiguous_zones_are_read(text, offset):
    assert dates.parse_date(text).utcoffset() == datetime.timedelta(hours=offset)
    assert dates.zone_warning(text) is None


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("10:00 IST", "the time zone IST names several offsets; the site's time zone was used"),
        ("10:00 QQT", "unknown time zone QQT; the site's time zone was used"),
        ("10:00 AM UTC", None),
        ("JUNE 20, 2024", None),
    ],
)
def test_zone_warnings(text, warning):
    assert dates.zone_warning(text) == warning


# A number that cannot be a day is no year either: dateutil alone reads
# "June 41" as 19 June 2041.
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("June 41", "en"),
        ("June 41st", "en"),
        ("June 100", "en"),
        ("June 020", "en"),
        ("June 20, 24", "en"),
        ("20 June 24", "en"),
        ("06/41", "en"),
        ("41/06", "en"),
        ("20-21 June", "en"),  # a range: dateutil reads 21 June 2021
        ("٤١ يونيو", "ar"),
        ("۴۱ ژوئن", "fa"),
        ("४१ जून", "hi"),
        ("41. Juni", "de"),
        ("41 de junio", "es"),
        ("41 juin", "fr"),
        ("41 июня", "ru"),
        ("41 червня", "uk"),
        ("41 Haziran", "tr"),
        ("41 Juni", "id"),
        ("6月41日", "zh"),
    ],
)
def test_a_number_that_is_no_day_is_no_year(text, lang):
    with pytest.raises(ValueError):
        dates.parse_date(text, after=AFTER, lang=lang)
    assert dates.probe(text, lang=lang) is None


def test_dates_whose_every_number_is_what_it_claims_still_read():
    """The year of a numeric date, one after an apostrophe, a compact date;
    and an Arabic numeric date as CLDR writes it, with direction marks."""
    read = {
        ("03/03/20", "en", False): datetime.date(2020, 3, 3),
        ("20.06.24", "de", True): datetime.date(2024, 6, 20),
        ("June 20 '24", "en", False): datetime.date(2024, 6, 20),
        ("6/2024", "en", False): datetime.date(2024, 6, 1),
        ("20240620", "en", False): datetime.date(2024, 6, 20),
        ("٢٠ يونيو ٢٠٢٤", "ar", True): datetime.date(2024, 6, 20),
        ("31 December 2024 23:59 +02:00", "en", False): datetime.date(2024, 12, 31),
        ("20\u200f/06\u200f/2024", "ar", True): datetime.date(2024, 6, 20),
    }
    assert {
        (text, lang, dayfirst): dates.parse_date(text, after=AFTER, lang=lang, dayfirst=dayfirst).date()
        for text, lang, dayfirst in read
    } == read


def test_a_date_more_than_a_day_after_now_is_ahead():
    now = datetime.datetime(2024, 6, 20, 12, 0, tzinfo=UTC)
    assert not dates.is_ahead(datetime.datetime(2024, 6, 21, 11, 0, tzinfo=UTC), now)
    assert dates.is_ahead(datetime.datetime(2024, 6, 21, 13, 0, tzinfo=UTC), now)
    assert dates.is_ahead(dates.parse_date("June 30, 2204"))


def at(*parts, offset=0):
    return datetime.datetime(*parts, tzinfo=datetime.timezone(datetime.timedelta(hours=offset)))


POSTED = at(2026, 3, 1)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # four digits after a date with its year, or before a zone, are a time
        ("June 20, 2024 1430 GMT", "en", at(2024, 6, 20, 14, 30)),
        ("June 20, 2024 0830 EDT", "en", at(2024, 6, 20, 8, 30, offset=-4)),
        ("20 June 2024 1430 BST", "en", at(2024, 6, 20, 14, 30)),  # BST is ambiguous: the site's zone
        ("June 20, 2024 1430", "en", at(2024, 6, 20, 14, 30)),
        ("1430Z June 20, 2024", "en", at(2024, 6, 20, 14, 30)),
        ("June 20, 2024 1130 PM", "en", at(2024, 6, 20, 23, 30)),
        ("June 20 1430 GMT", "en", at(2026, 6, 20, 14, 30)),
        ("1430 GMT", "en", at(2026, 3, 1, 14, 30)),
        ("٢٠ يونيو ٢٠٢٤ ١٤٣٠ GMT", "ar", at(2024, 6, 20, 14, 30)),
        ("20. Juni 2024 0830 EDT", "de", at(2024, 6, 20, 8, 30, offset=-4)),
        ("20 de junio de 2024 1430 GMT", "es", at(2024, 6, 20, 14, 30)),
        ("۲۰ ژوئن ۲۰۲۴ ۱۴۳۰ GMT", "fa", at(2024, 6, 20, 14, 30)),
        ("20 juin 2024 1430 GMT", "fr", at(2024, 6, 20, 14, 30)),
        ("२० जून २०२४ १४३० GMT", "hi", at(2024, 6, 20, 14, 30)),
        ("20 Juni 2024 1430 WIB", "id", at(2024, 6, 20, 14, 30, offset=7)),
        ("20 de junho de 2024 1430 GMT", "pt", at(2024, 6, 20, 14, 30)),
        ("20 июня 2024 г. 1430 MSK", "ru", at(2024, 6, 20, 14, 30, offset=3)),
        ("20 Juni 2024 1430 EAT", "sw", at(2024, 6, 20, 14, 30, offset=3)),
        ("20 Haziran 2024 1430 TRT", "tr", at(2024, 6, 20, 14, 30, offset=3)),
        ("20 червня 2024 р. 1430 EEST", "uk", at(2024, 6, 20, 14, 30, offset=3)),
        ("2024年6月20日 1430 GMT", "zh", at(2024, 6, 20, 14, 30)),
        # a numeric date with a space after each full stop
        ("20. 6. 2024", "de", at(2024, 6, 20)),
        ("20. 06. 2024 10:30", "de", at(2024, 6, 20, 10, 30)),
        ("20. 6.", "de", at(2026, 6, 20)),
        # times in Chinese, with the part of the day before them
        ("2024年6月20日 下午3点", "zh", at(2024, 6, 20, 15, 0)),
        ("2024年6月20日下午3点30分", "zh", at(2024, 6, 20, 15, 30)),
        ("2024年6月20日 14时30分", "zh", at(2024, 6, 20, 14, 30)),
        ("2024年6月20日 上午10點", "zh", at(2024, 6, 20, 10, 0)),
        ("2024年6月20日 晚上8点半", "zh", at(2024, 6, 20, 20, 30)),
        ("2024年6月20日 下午3:30", "zh", at(2024, 6, 20, 15, 30)),
        # a year of two digits after an apostrophe is the year
        ("Jun 20 '24", "en", at(2024, 6, 20)),
        ("20 June '24", "en", at(2024, 6, 20)),
        ("June 20, '24", "en", at(2024, 6, 20)),
        ("20. Juni '24", "de", at(2024, 6, 20)),
        ("20 de junio de '24", "es", at(2024, 6, 20)),
        ("20 juin '24", "fr", at(2024, 6, 20)),
        ("20 de junho de '24", "pt", at(2024, 6, 20)),
        ("20 Haziran '24", "tr", at(2024, 6, 20)),
    ],
)
def test_wire_times_spaced_and_chinese_forms_and_apostrophe_years(text, lang, expected):
    dayfirst = lang != "en"
    assert dates.parse_date(text, after=POSTED, lang=lang, dayfirst=dayfirst) == expected
    assert dates.probe(text, dayfirst, lang) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 20, 2024 1430 GMT", at(2024, 6, 20, 14, 30)),
        ("2024年6月20日 下午3点", at(2024, 6, 20, 15, 0)),
        ("20. 6. 2024", at(2024, 6, 20)),
        ("Jun 20 '24", at(2024, 6, 20)),
        ("20 June '24", at(2024, 6, 20)),
        ("June 20, '24", at(2024, 6, 20)),
        ("20240620", at(2024, 6, 20)),
    ],
)
def test_a_date_with_its_year_needs_no_post_date(text, expected):
    assert dates.parse_date(text, lang="zh" if "年" in text else None, dayfirst="." in text) == expected


def test_wire_and_chinese_times_are_times():
    """What a note's <time> says: a time, or a day alone."""
    with_time = {
        "June 20, 2024 1430 GMT": True,
        "1430 GMT": True,
        "2024年6月20日 下午3点": True,
        "2024年6月20日 14时30分": True,
        "June 20 1430": False,  # the year 1430
        "June 20, 2024": False,
        "Jun 20 '24": False,
    }
    assert {text: dates.has_time(text) for text in with_time} == with_time


def test_four_digits_are_a_time_only_where_they_cannot_be_the_year():
    read = {
        "June 20, 2024 1430": at(2024, 6, 20, 14, 30),
        "June 20 1430": at(1430, 6, 20),  # no year before, no zone after: the year
        "June 30, 2204": at(2204, 6, 30),
        "Friday 2030 GMT": at(2026, 3, 6, 20, 30),
    }
    assert {text: dates.parse_date(text, after=POSTED) for text in read} == read
