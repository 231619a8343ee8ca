"""Dates on site pages in English are CLDR's ``en`` without Babel's
locale data: the same text as Babel writes, and no locale data loaded by a
build of an English site."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import textwrap

import babel
import pytest
from babel import dates as babel_dates

from pelican_chronicles.site.localdates import month_heading, period_title, strftime

EN = babel.Locale.parse("en")
# Midnight, morning, noon, afternoon, the last minute; every weekday and month.
MOMENTS = [
    datetime.datetime(2024, month, day, hour, minute, second, tzinfo=datetime.timezone.utc)
    for month, day, hour, minute, second in [
        (1, 1, 0, 0, 0), (2, 29, 9, 5, 7), (3, 4, 12, 0, 30), (4, 10, 13, 45, 0),
        (5, 16, 23, 59, 59), (6, 20, 14, 5, 9), (7, 6, 11, 59, 0), (8, 11, 1, 1, 1),
        (9, 17, 18, 30, 0), (10, 23, 7, 0, 0), (11, 30, 20, 15, 45), (12, 31, 12, 30, 0),
    ]
]


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: m.isoformat())
def test_english_directives_are_what_cldr_writes(moment):
    expected = {
        "%a": EN.days["format"]["abbreviated"][moment.weekday()],
        "%A": EN.days["format"]["wide"][moment.weekday()],
        "%b": EN.months["format"]["abbreviated"][moment.month],
        "%B": EN.months["format"]["wide"][moment.month],
        "%OB": EN.months["stand-alone"]["wide"][moment.month],
        "%Ob": EN.months["stand-alone"]["abbreviated"][moment.month],
        "%p": EN.day_periods["format"]["abbreviated"]["am" if moment.hour < 12 else "pm"],
        "%x": babel_dates.format_date(moment, "short", locale=EN),
        "%X": babel_dates.format_time(moment, "medium", tzinfo=moment.tzinfo, locale=EN),
        "%c": babel_dates.format_datetime(moment, "medium", tzinfo=moment.tzinfo, locale=EN),
    }
    for lang in (None, "en", "en-US", "en_US"):
        assert {directive: strftime(moment, directive, lang) for directive in expected} == expected


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: m.isoformat())
def test_english_headings_are_what_cldr_writes(moment):
    day = moment.date()
    assert month_heading(day.year, day.month, "en") == EN.months["stand-alone"]["wide"][day.month]
    assert period_title((day.year, day.month), "en") == babel_dates.format_skeleton("yMMMM", day, locale=EN)
    assert period_title((day.year, day.month, day.day), "en") == babel_dates.format_date(day, "long", locale=EN)


def test_english_keeps_numbers_and_unknown_directives():
    moment = datetime.datetime(2024, 6, 2, 8, 3)
    assert strftime(moment, "%-d %B %Y, %H:%M (%Q)", "en") == "2 June 2024, 08:03 (%Q)"


def test_british_english_is_cldrs_own():
    assert period_title((2024, 6, 20), "en-GB") == "20 June 2024"


def test_an_english_site_keeps_no_locale_data(tmp_path):
    """A build in English with every convention keeps no Babel locale: the
    English country names are read from CLDR's file, without Babel's cache
    of the whole locale; one Russian post makes it load Russian's."""
    script = textwrap.dedent(
        """
        import json, sys
        from babel import localedata
        loaded = []
        original = localedata.load
        def load(name, merge_inherited=True):
            loaded.append(name)
            return original(name, merge_inherited)
        localedata.load = load
        sys.path.insert(0, sys.argv[2])
        from conftest import build_site
        from pathlib import Path
        posts = {
            "a.md": '''Title: Ferry timetable
        Date: 2024-06-18 10:00
        Sources: Harbour Wire <https://wire.example/a>
        Countries: FR, Germany

        CAPITAL (Harbour Wire) - The ferry timetable changes on Monday.

        UPDATE (June 20, 2024): The first sailing moves to 7:40.
        ''',
        }
        if sys.argv[3] == "ru":
            posts["b.md"] = '''Title: Паромы
        Date: 2024-06-19 10:00
        Lang: ru

        Обновление (20 июня 2024): Первый рейс переносится.
        '''
        build_site(Path(sys.argv[1]), posts)
        print(json.dumps(sorted(set(loaded))))
        """
    )
    tests = str(__import__("pathlib").Path(__file__).parent)

    def loaded(variant):
        root = tmp_path / variant
        run = subprocess.run([sys.executable, "-c", script, str(root), tests, variant],
                             capture_output=True, text=True, check=True)
        return json.loads(run.stdout.strip().splitlines()[-1])

    assert loaded("en") == []
    assert "ru" in loaded("ru")
