"""Warnings and bad settings through Pelican's own command line (SPEC 10, 11).

Each test runs ``python -m pelican content -s conf.py -o out`` in a fresh
process, as a site owner or a CI job would, so that Pelican's logging setup
and its ``--fatal warnings`` switch are the real ones.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import write_posts

CONF = """\
SITENAME = "Chronicle Test"
SITEURL = "https://chronicle.example"
TIMEZONE = "UTC"
PLUGINS = ["pelican_chronicles"]
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""

# Every convention, written correctly: no warning at all.
CLEAN = {
    "treaty.md": """\
        Title: (UPDATE) Ferry treaty signed in Port Elara
        Date: 2024-06-19 09:00
        Category: Transport
        Sources: Harbour Press <https://harbour.example/>; [Coastal Wire](https://coastal.example/); Valley Courier
        Countries: FR, DEU, Japan

        The two councils agreed on a shared ferry timetable.

        PORT ELARA (Coastal Wire) - Earlier in the day the two councils signed the treaty.

        * a protocol on fares
        * a protocol on winter service

        > This is not just a statement, the work is already happening.
        >
        > — A. Minister, Minister of Transport, [Harbour Press](https://harbour.example/1), 2024-06-19

        UPDATE (2024-06-20 08:30): Answer to my question from the minister:

        Question: Does this clause mean the old pier will close?

        💬 A. Minister: If anyone doubts it, they can read the contracts we signed.

        **Update 06/22/2024**: The fares annex was published.

        CORRECTION (2024-06-23): The treaty has forty pages, not fifty.
        """,
    "bridge.md": """\
        Title: UPDATE 2-Bridge repairs start in March
        Date: 2023-02-01 10:00
        Category: Infrastructure

        VASMIR (Valley Courier) – Repairs on the old bridge start in March.

        > [!UPDATE] 2023-02-03
        > The night closures were confirmed.

        ADDENDUM Feb 10: The works contract was signed.
        """,
}

BAD_DATE = """\
    Title: Talks resume
    Date: 2024-06-19 09:00

    The talks resume on Monday.

    UPDATE (June 31, 2024): The talks were moved to July.
    """


def pelican(root: Path, *options: str) -> subprocess.CompletedProcess:
    """Run Pelican's command line in ``root``; output and errors together,
    on one line each (Pelican's console wraps long messages)."""
    env = {**os.environ, "COLUMNS": "250", "TERM": "dumb", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "conf.py", "-o", "out", *options],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    result.text = " ".join((result.stdout + "\n" + result.stderr).split())
    return result


def site(root: Path, posts: dict[str, str], conf: str = CONF) -> Path:
    write_posts(root / "content", posts)
    (root / "conf.py").write_text(textwrap.dedent(conf), encoding="utf-8")
    return root


def test_a_clean_site_passes_with_fatal_warnings(tmp_path):
    result = pelican(site(tmp_path, CLEAN), "--fatal", "warnings")
    assert result.returncode == 0, result.text
    assert "Done: Processed 2 articles" in result.text
    treaty = (tmp_path / "out" / "ferry-treaty-signed-in-port-elara.html").read_text(encoding="utf-8")
    assert 'id="update-1"' in treaty and 'id="correction-1"' in treaty


def test_a_bad_note_date_fails_the_build_with_fatal_warnings(tmp_path):
    result = pelican(site(tmp_path, {"talks.md": BAD_DATE}), "--fatal", "warnings")
    assert result.returncode != 0
    assert 'talks.md: cannot read the date of this update note: "June 31, 2024"' in result.text, result.text


def test_without_fatal_warnings_the_same_post_builds_and_is_reported(tmp_path):
    result = pelican(site(tmp_path, {"talks.md": BAD_DATE}))
    assert result.returncode == 0, result.text
    assert 'talks.md: cannot read the date of this update note: "June 31, 2024"' in result.text
    talks = (tmp_path / "out" / "talks-resume.html").read_text(encoding="utf-8")
    assert "June 31, 2024" in talks  # the author's text stays
    assert "<time" not in talks.split('id="update-1"', 1)[1].split("</section>", 1)[0]  # no invented date


WARNINGS = {
    "unknown country": (
        "Title: Talks\nDate: 2024-06-19\nCountries: FR, Atlantis\n\nText.\n",
        '"Atlantis"',
    ),
    "unsafe source URL": (
        "Title: Talks\nDate: 2024-06-19\nSources: Agency <javascript:alert(1)>\n\nText.\n",
        '"javascript:alert(1)"',
    ),
    "unsafe link in an attribution": (
        "Title: Talks\nDate: 2024-06-19\n\n> Words.\n>\n> — A. Minister, [Agency](javascript:alert(1))\n",
        '"javascript:alert(1)"',
    ),
    "a correction date": (
        "Title: Talks\nDate: 2024-06-19\n\nText.\n\nCORRECTION (2024-13-45): The date was wrong.\n",
        'cannot read the date of this correction note: "2024-13-45"',
    ),
}


@pytest.mark.parametrize("name", sorted(WARNINGS))
def test_every_kind_of_warning_fails_the_build(tmp_path, name):
    source, quoted = WARNINGS[name]
    result = pelican(site(tmp_path, {"talks.md": source}), "--fatal", "warnings")
    assert result.returncode != 0, result.text
    assert "talks.md: " in result.text and quoted in result.text, result.text


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_a_cached_post_still_fails_the_build(tmp_path, layer):
    """A CI job that keeps Pelican's content cache between runs must still
    fail on a post whose problem was first reported in an earlier run."""
    conf = CONF.replace("CACHE_CONTENT = False", "CACHE_CONTENT = True").replace(
        "LOAD_CONTENT_CACHE = False", "LOAD_CONTENT_CACHE = True"
    ) + f'CONTENT_CACHING_LAYER = "{layer}"\nCACHE_PATH = "cache"\n'
    root = site(tmp_path, {"talks.md": BAD_DATE, **CLEAN}, conf)
    first = pelican(root)
    assert first.returncode == 0, first.text
    assert any((root / "cache").iterdir())
    second = pelican(root, "--fatal", "warnings")
    assert second.returncode != 0, second.text
    assert 'cannot read the date of this update note: "June 31, 2024"' in second.text


@pytest.mark.parametrize(
    "setting, expected",
    [
        ('CHRONICLES_UPDATE_LOG = "yes"', "CHRONICLES_UPDATE_LOG must be True or False, not 'yes'"),
        ("CHRONICLES_UPDATE_WORDS = []", "CHRONICLES_UPDATE_WORDS must be a non-empty list of words"),
        ('CHRONICLES_UPDATES_FEED = "/feeds/u.xml"', "CHRONICLES_UPDATES_FEED must be a relative output path"),
        ("CHRONICLES_UPDATE_LOGS = True", "CHRONICLES_UPDATE_LOGS is not a pelican-chronicles setting"),
    ],
)
def test_a_bad_setting_stops_the_build_naming_it(tmp_path, setting, expected):
    result = pelican(site(tmp_path, CLEAN, CONF + setting + "\n"))
    assert result.returncode != 0
    # Pelican logs the exception that stopped the build as a critical
    # message (with its traceback, as it does for its own errors).
    assert f"CRITICAL SettingsError: {expected}" in result.text, result.text
    assert not (tmp_path / "out" / "ferry-treaty-signed-in-port-elara.html").exists()
