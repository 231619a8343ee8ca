"""The updates feed follows Pelican's own feeds (SPEC 14).

A site made with ``pelican-quickstart`` is built as its owner builds it:
``pelican content -s pelicanconf.py`` while writing (Pelican's feeds off,
no ``SITEURL``) and ``-s publishconf.py`` to publish (``SITEURL`` and
``FEED_ALL_ATOM`` set). Both configurations are the templates of the
installed Pelican's quickstart, with the plugin added, so the test follows
what quickstart writes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pelican
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader

from conftest import write_posts
from pelican_chronicles.settings import check

QUICKSTART = Path(pelican.__file__).parent / "tools" / "templates"
FEED = "feeds/updates.atom.xml"

POSTS = {
    "ferry.md": """\
        Title: Ferry timetable agreed
        Date: 2024-06-19 09:00
        Sources: Harbour Press <https://harbour.example/>
        Countries: FR

        The two councils agreed on a shared ferry timetable.

        UPDATE (2024-06-20 08:30): The fares annex was published.
        """,
}


def quickstart(root: Path) -> Path:
    """pelicanconf.py and publishconf.py as ``pelican-quickstart`` writes
    them (the first with its values in ``repr``, as quickstart does), the
    line ``RELATIVE_URLS = True`` uncommented as its comment suggests, and
    the plugin enabled."""
    env = Environment(loader=FileSystemLoader(str(QUICKSTART)), keep_trailing_newline=True)
    answers = {
        "sitename": "Harbour Notes",
        "author": "Desk",
        "lang": "en",
        "timezone": "Europe/Paris",
        "default_pagination": 10,
        "siteurl": "https://harbour-notes.example",
    }
    development = env.get_template("pelicanconf.py.jinja2").render(**{k: repr(v) for k, v in answers.items()})
    assert "FEED_ALL_ATOM = None" in development and "# RELATIVE_URLS = True" in development
    development = development.replace("# RELATIVE_URLS = True", "RELATIVE_URLS = True")
    (root / "pelicanconf.py").write_text(development + '\nPLUGINS = ["pelican_chronicles"]\n', encoding="utf-8")
    (root / "publishconf.py").write_text(env.get_template("publishconf.py.jinja2").render(**answers), encoding="utf-8")
    write_posts(root / "content", POSTS)
    return root


def pelican_build(root: Path, conf: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "250", "TERM": "dumb", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", "output", "-s", conf, "--fatal", "warnings"],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )


def feed_links(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        link["href"]
        for link in soup.select('link[rel="alternate"], a.chronicles-feed')
        if "updates" in link.get("href", "")
    ]


def test_the_development_configuration_builds_clean_without_the_updates_feed(tmp_path):
    root = quickstart(tmp_path)
    result = pelican_build(root, "pelicanconf.py")
    assert result.returncode == 0, result.stdout + result.stderr
    output = root / "output"
    assert (output / "ferry-timetable-agreed.html").exists()
    assert not (output / FEED).exists()
    for page in ("ferry-timetable-agreed.html", "index.html", "archives.html", "updates/index.html"):
        assert feed_links((output / page).read_text(encoding="utf-8")) == [], page


def test_the_publishing_configuration_writes_the_updates_feed(tmp_path):
    root = quickstart(tmp_path)
    result = pelican_build(root, "publishconf.py")
    assert result.returncode == 0, result.stdout + result.stderr
    output = root / "output"
    assert "ferry-timetable-agreed.html#update-1" in (output / FEED).read_text(encoding="utf-8")
    href = "https://harbour-notes.example/feeds/updates.atom.xml"
    assert feed_links((output / "ferry-timetable-agreed.html").read_text(encoding="utf-8")) == [href]
    assert feed_links((output / "updates/index.html").read_text(encoding="utf-8")) == [href, href]


def test_unset_the_feed_follows_pelicans_feeds_and_set_it_is_the_sites():
    off = {"FEED_ALL_ATOM": None, "CATEGORY_FEED_ATOM": None, "TRANSLATION_FEED_ATOM": None,
           "AUTHOR_FEED_ATOM": None, "AUTHOR_FEED_RSS": None}
    assert check(off)["CHRONICLES_UPDATES_FEED"] is None
    assert check({**off, "FEED_RSS": "feeds/rss.xml"})["CHRONICLES_UPDATES_FEED"] == FEED
    assert check({})["CHRONICLES_UPDATES_FEED"] == FEED  # Pelican's defaults write feeds
    assert check({**off, "CHRONICLES_UPDATES_FEED": "feeds/notes.xml"})["CHRONICLES_UPDATES_FEED"] == "feeds/notes.xml"
    assert check({"CHRONICLES_UPDATES_FEED": None})["CHRONICLES_UPDATES_FEED"] is None
