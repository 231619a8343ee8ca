"""Dates as authors type them: the common shapes are read without dateutil,
and read exactly as dateutil reads them."""

from __future__ import annotations

import datetime

import dateutil.parser
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pelican_chronicles import dates

UTC = datetime.timezone.utc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 20, 2024", datetime.datetime(2024, 6, 20)),
        ("March 14th, 2011", datetime.datetime(2011, 3, 14)),
        ("20 June 2024", datetime.datetime(2024, 6, 20)),
        ("Sept 3", datetime.datetime(2019, 9, 3)),
        ("jul 3", datetime.datetime(2019, 7, 3)),
        ("03/04/2020", datetime.datetime(2020, 3, 4)),
    ],
)
def test_common_shapes_are_read_directly(text, expected):
    assert dates.read_common(text, default_year=2019, dayfirst=False) == expected


def test_a_numeric_date_follows_the_day_first_setting():
    assert dates.read_common("03/04/2020", default_year=2019, dayfirst=True) == datetime.datetime(2020, 4, 3)


@pytest.mark.parametrize(
    "text", ["13/03/2020", "June 31, 2024", "Mon 3", "May 2024", "June 20 08:30", "20.06.2024", "Auguſt 3", "June ٣"]
)
def test_other_texts_are_left_to_dateutil(text):
    assert dates.read_common(text, default_year=2019, dayfirst=False) is None


def test_parse_date_gives_the_same_for_a_shape_read_directly_and_one_that_is_not():
    after = datetime.datetime(2024, 6, 1, tzinfo=UTC)
    direct = dates.parse_date("June 20", after=after)
    by_dateutil = dates.parse_date("June 20th 12:00", after=after)
    assert direct == datetime.datetime(2024, 6, 20, tzinfo=direct.tzinfo)
    assert by_dateutil == datetime.datetime(2024, 6, 20, 12, tzinfo=direct.tzinfo)
    # a day without a year before the post's date is next year's
    assert dates.parse_date("May 3", after=after).year == 2025


MONTH_WORDS = [name for names in dateutil.parser.parserinfo.MONTHS for name in names]
NOT_MONTHS = ["Mon", "Sun", "Tues", "Junes", "Marc", "today", "Auguſt", "\u212aov"]  # ſ: long s; \u212a: Kelvin sign
words = st.sampled_from([*MONTH_WORDS, *NOT_MONTHS]) | st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzJMASONDſ\u212a", min_size=3, max_size=9
)
cases = st.sampled_from([str.lower, str.upper, str.title, lambda w: w])
days = st.integers(0, 99).map(str) | st.integers(0, 9).map(lambda d: f"0{d}") | st.sampled_from(["٣", "١٢", "３"])
suffixes = st.sampled_from(["", "", "st", "nd", "rd", "th", "TH"])
years = st.integers(0, 9999).map(lambda y: f"{y:04d}")
spaces = st.sampled_from([" ", "  "])
commas = st.sampled_from(["", ","])


@st.composite
def typed_dates(draw):
    word = draw(cases)(draw(words))
    day = draw(days) + draw(suffixes)
    year = draw(st.none() | years)
    shape = draw(st.sampled_from(["month-day", "day-month", "numeric"]))
    if shape == "numeric":
        return f"{draw(days)}/{draw(days)}/{year or '2020'}"
    text = f"{word}{draw(spaces)}{day}" if shape == "month-day" else f"{day}{draw(spaces)}{word}"
    if year:
        text += f"{draw(commas)}{draw(spaces)}{year}"
    return text


@given(typed_dates(), st.booleans(), st.integers(1900, 2100))
@example("June 20, 2024", False, 2000)
@example("02/29/2023", False, 2000)
@example("Feb 29", False, 2023)
@example("12/11/2020", True, 2000)
@example("3th May", False, 2000)
@example("jan 1 0001", False, 1900)
@example("Auguſt 3, 2024", False, 2000)
@example("June ٣, 2024", False, 2000)
def test_a_shape_read_directly_is_read_as_dateutil_reads_it(text, dayfirst, default_year):
    direct = dates.read_common(text, default_year=default_year, dayfirst=dayfirst)
    if direct is None:
        return
    default = datetime.datetime(default_year, 1, 1)
    assert direct == dates.read_with_dateutil(text, default=default, dayfirst=dayfirst), text
