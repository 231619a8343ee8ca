"""What differs between the Python versions ``requires-python`` names (SPEC
18). .ci/pythons.py runs this file, with the date and address tests, on the
oldest and the newest installed; here, on any, what can be tried without
the other interpreters."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

from pelican_chronicles import dates

UTC = datetime.timezone.utc


def test_the_language_files_load_where_tomllib_is_missing():
    # Python 3.10 has no tomllib: the same files are read with tomli.
    script = (
        "import sys; sys.modules['tomllib'] = None\n"
        "from pelican_chronicles.languages import Languages\n"
        "print(Languages(default='en').get('ru').labels['sources'])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Источники"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-06-20", datetime.datetime(2024, 6, 20)),
        ("2024-06-20T08:30:15", datetime.datetime(2024, 6, 20, 8, 30, 15)),
        ("2024-06-20T08:30Z", datetime.datetime(2024, 6, 20, 8, 30, tzinfo=UTC)),
        ("2024-06-20 08:30 Z", datetime.datetime(2024, 6, 20, 8, 30, tzinfo=UTC)),
        ("2024-06-20T08:30-0400", datetime.datetime(2024, 6, 20, 12, 30, tzinfo=UTC)),
        ("2024-06-20 08:30 +02:00", datetime.datetime(2024, 6, 20, 6, 30, tzinfo=UTC)),
    ],
)
def test_iso_dates_are_read_alike_on_every_python(text, expected):
    # Python 3.10's datetime.fromisoformat reads no "Z" and no "+0200".
    assert dates.from_iso(text) == expected
