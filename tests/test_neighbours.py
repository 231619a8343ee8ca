"""Beside i18n_subsites, git-date plugins and pelican-sitemap (SPEC 18):
real builds with the other plugin named in PLUGINS."""

from __future__ import annotations

import collections
import datetime
import json
import logging
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from pelican import signals

from conftest import build_site

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def disconnect(module, names):
    """A registry plugin's receivers stay connected to Pelican's signals
    after its build, and would act in every later build of the process."""
    for signal_name, receiver in names:
        getattr(signals, signal_name).disconnect(receiver)


# --- i18n_subsites ---------------------------------------------------------------

I18N_POSTS = {
    "en/treaty.md": """
        Title: Harbour treaty signed
        Date: 2024-03-01
        Lang: en
        Slug: harbour-treaty
        Sources: Coast Wire https://coastwire.example
        Countries: France

        The two ports signed the treaty on Friday.

        UPDATE (2024-03-02): The regional council approved it.
        """,
    "ru/treaty.md": """
        Title: Портовый договор подписан
        Date: 2024-03-01
        Lang: ru
        Slug: harbour-treaty
        Sources: Береговой вестник https://vestnik.example/dogovor
        Countries: Франция

        Два порта подписали договор в пятницу.

        UPD (2024-03-03): Региональный совет его одобрил.
        """,
    "en/bridge.md": """
        Title: Footbridge reopens
        Date: 2024-04-01
        Lang: en
        Sources: Coast Wire https://coastwire.example
        Countries: Germany

        The footbridge reopened after repairs.

        CORRECTION (2024-04-02): The repairs took six weeks, not six months.
        """,
    "ru/snow.md": """
        Title: Снег на перевале
        Date: 2024-05-01
        Lang: ru
        Slug: sneg
        Sources: Горная служба https://gory.example/sneg
        Countries: Грузия

        На перевале выпал снег.

        UPD (2024-05-02): Дорогу открыли.
        """,
}

I18N_SETTINGS = {
    "DEFAULT_LANG": "en",
    "PLUGINS": ["pelican_chronicles", "i18n_subsites"],
    "I18N_SUBSITES": {"ru": {"SITENAME": "Хроника"}},
}


class Recorded:
    """A built site, with every file Pelican's writers and the plugin's
    feed writer wrote (absolute paths, once per write) and what
    ``pelican.writers`` logged."""

    def __init__(self, site, writes, writer_logs):
        self.site = site
        self.writes = writes
        self.writer_logs = writer_logs


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def i18n(tmp_path_factory):
    i18n_module = pytest.importorskip(
        "pelican.plugins.i18n_subsites.i18n_subsites",
        reason="pelican-i18n-subsites is not installed (pip install -e '.[test]')",
    )
    from pelican_chronicles.site import generator

    writes: list[str] = []

    def written(path, context=None, **_):
        writes.append(str(Path(path).resolve()))

    own_feed = generator.write_feed

    def write_feed(feed, output_path, feed_path):
        path = own_feed(feed, output_path, feed_path)
        written(path)
        return path

    generator.write_feed = write_feed
    signals.content_written.connect(written)
    signals.feed_written.connect(written)
    records = _Records()
    writer_logger = logging.getLogger("pelican.writers")
    writer_logger.addHandler(records)
    level = writer_logger.level
    writer_logger.setLevel(logging.DEBUG)
    try:
        site = build_site(tmp_path_factory.mktemp("i18n"), I18N_POSTS, **I18N_SETTINGS)
    finally:
        writer_logger.setLevel(level)
        writer_logger.removeHandler(records)
        signals.content_written.disconnect(written)
        signals.feed_written.disconnect(written)
        generator.write_feed = own_feed
        disconnect(i18n_module, [(name, handler) for name, handler in i18n_module._SIGNAL_HANDLERS_DB.items()])
    return Recorded(site, writes, records.messages)


def links(html: str) -> list[str]:
    """The site's own links of a page (``href`` starting with ``/``)."""
    soup = BeautifulSoup(html, "html.parser")
    return [a["href"] for a in soup.find_all("a", href=True) if a["href"].startswith("/")]


def leads_somewhere(output: Path, href: str) -> bool:
    path = urlsplit(href).path.lstrip("/")
    target = output / path
    return (target / "index.html").exists() if path == "" or path.endswith("/") else target.exists()


@pytest.mark.parametrize(
    ("subsite", "titles"),
    [
        ("", ["Footbridge reopens", "Harbour treaty signed"]),
        ("ru/", ["Портовый договор подписан", "Снег на перевале"]),
    ],
)
def test_each_subsite_archive_lists_its_own_language(i18n, subsite, titles):
    output = i18n.site.output
    page = BeautifulSoup((output / subsite / "archives.html").read_text(encoding="utf-8"), "html.parser")
    listed = {" ".join(a.get_text().split()) for a in page.find_all("a", href=True)}
    every_title = {"Footbridge reopens", "Harbour treaty signed", "Портовый договор подписан", "Снег на перевале"}
    assert listed & every_title == set(titles)


@pytest.mark.parametrize(
    ("facet_page", "titles"),
    [
        ("countries/fr.html", {"Harbour treaty signed"}),
        ("sources/coast-wire", None),
        ("ru/countries/fr.html", {"Портовый договор подписан"}),
        ("ru/countries/ge.html", {"Снег на перевале"}),
    ],
)
def test_each_subsite_has_its_own_facet_pages(i18n, facet_page, titles):
    output = i18n.site.output
    subsite = "ru/" if facet_page.startswith("ru/") else ""
    if titles is None:  # the source page, found from a post's sources list
        post = BeautifulSoup((output / "footbridge-reopens.html").read_text(encoding="utf-8"), "html.parser")
        (href,) = [a["href"] for a in post.select("aside.chronicles-sources a") if a["href"].startswith("/")]
        facet_page = href.lstrip("/")
        titles = {"Footbridge reopens", "Harbour treaty signed"}
    html = (output / facet_page).read_text(encoding="utf-8")
    listed = {" ".join(a.get_text().split()) for a in BeautifulSoup(html, "html.parser").find_all("a")}
    every_title = {"Footbridge reopens", "Harbour treaty signed", "Портовый договор подписан", "Снег на перевале"}
    assert listed & every_title == titles
    hrefs = links(html)
    assert hrefs
    assert [href for href in hrefs if not leads_somewhere(output, href)] == []
    others = [href for href in hrefs if href != "/feeds/all.atom.xml"]  # the theme's, to Pelican's feed
    if subsite:
        assert all(href.startswith("/ru/") for href in others)
    else:
        assert not any(href.startswith("/ru/") for href in others)


def test_a_russian_source_page_is_linked_from_the_russian_post(i18n):
    output = i18n.site.output
    post = BeautifulSoup((output / "ru/sneg.html").read_text(encoding="utf-8"), "html.parser")
    facets = [a["href"] for a in post.select("aside.chronicles-sources a, aside.chronicles-countries a")
              if a["href"].startswith("/")]
    assert len(facets) == 2
    assert all(href.startswith("/ru/") and leads_somewhere(output, href) for href in facets)


@pytest.mark.parametrize(
    ("feed", "entries"),
    [
        ("feeds/updates.atom.xml", ["footbridge-reopens.html#correction-1", "harbour-treaty.html#update-1"]),
        ("ru/feeds/updates.atom.xml", ["/ru/sneg.html#update-1", "/ru/harbour-treaty.html#update-1"]),
    ],
)
def test_each_subsite_has_its_own_updates_feed(i18n, feed, entries):
    tree = ET.fromstring((i18n.site.output / feed).read_text(encoding="utf-8"))
    assert [e.find(f"{ATOM}link").get("href") for e in tree.iter(f"{ATOM}entry")] == entries


def test_each_subsite_speaks_its_own_language(i18n):
    """A subsite's DEFAULT_LANG is its language: its site-wide pages and
    its posts' update logs are labelled in it."""
    output = i18n.site.output
    russian = BeautifulSoup((output / "ru/updates/index.html").read_text(encoding="utf-8"), "html.parser")
    english = BeautifulSoup((output / "updates/index.html").read_text(encoding="utf-8"), "html.parser")
    assert russian.select_one("h1.chronicles-archive-title").get_text(" ", strip=True) == "Обновления и исправления"
    assert english.select_one("h1.chronicles-archive-title").get_text(" ", strip=True) == "Updates and corrections"
    log = BeautifulSoup((output / "ru/sneg.html").read_text(encoding="utf-8"), "html.parser")
    assert "Обновления этой публикации" in log.select_one("nav.chronicles-update-log").get_text(" ", strip=True)


def test_no_output_is_written_twice(i18n):
    assert len(i18n.writes) > 20
    assert [path for path, count in collections.Counter(i18n.writes).items() if count > 1] == []
    assert [m for m in i18n.writer_logs if "overwrit" in m.lower()] == []
    main = [p for p in i18n.writes if "/output/ru/" not in p]
    russian = [p for p in i18n.writes if "/output/ru/" in p]
    assert any(p.endswith("/output/feeds/updates.atom.xml") for p in main)
    assert any(p.endswith("/output/ru/feeds/updates.atom.xml") for p in russian)


# --- git-date plugins ----------------------------------------------------------------
#
# filetime_from_git and git-modified give a post ``date`` and ``modified``
# from its commits: to the plugin, a ``Modified:`` it did not write.


def dated_post(modified: str | None, notes: str) -> dict[str, str]:
    lines = ["Title: Pier opens", "Date: 2024-06-01"]
    if modified:
        lines.append(f"Modified: {modified}")
    return {"pier.md": "\n".join(lines) + "\n\nThe pier opened on Saturday.\n\n" + textwrap.dedent(notes).strip() + "\n"}


NOTES = """
    UPDATE (2024-06-10): The ferry now stops at the pier.

    CORRECTION (2024-06-12): The pier is 300 metres long, not 200.
    """
UNDATED_NOTES = """
    UPDATE: The ferry now stops at the pier.

    CORRECTION: The pier is 300 metres long, not 200.
    """


def modified_shown(site) -> tuple[str, str, str]:
    """The post's ``modified`` (date), its page's JSON-LD ``dateModified``
    and the theme's "Updated" (``abbr.modified``), as dates."""
    (article,) = site.pelican_articles()
    page = site.soup("pier-opens.html")
    (data,) = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    return (
        article.modified.date().isoformat(),
        data["dateModified"][:10],
        page.select_one("abbr.modified")["title"][:10],
    )


@pytest.mark.parametrize(
    ("modified", "notes", "expected"),
    [
        ("2024-06-05", NOTES, "2024-06-12"),  # a commit before the latest note: the note wins
        ("2024-06-20", NOTES, "2024-06-20"),  # a commit after every note: it stays
        ("2024-06-05", UNDATED_NOTES, "2024-06-05"),  # notes without dates: it stays
    ],
    ids=["older-modified", "newer-modified", "undated-notes"],
)
def test_the_latest_dated_note_wins_over_modified_when_newer(shared_build, modified, notes, expected):
    site = shared_build(dated_post(modified, notes))
    assert modified_shown(site) == (expected, expected, expected)


GIT_PLUGIN = '''
import datetime

from pelican import signals

COMMIT = datetime.datetime(2024, 6, 5, 9, 0, tzinfo=datetime.timezone.utc)


def commit_dates(generator, metadata):
    """As a git-date plugin does when a post is read: ``modified`` from its
    last commit."""
    metadata["modified"] = COMMIT


def commit_dates_on_content(content):
    """As filetime_from_git does once a post is made."""
    content.modified = COMMIT
    content.locale_modified = COMMIT.strftime(content.date_format)


def register():
    signals.{signal}.connect({receiver})
'''
GIT_PLUGINS = {
    "last_commit_read": ("article_generator_context", "commit_dates"),
    "last_commit_made": ("content_object_init", "commit_dates_on_content"),
}


@pytest.fixture
def git_plugins(tmp_path):
    """Git-date plugins of the site's own: each sets a post's ``modified``
    to its last commit, 2024-06-05, ``last_commit_read`` in the metadata
    (``article_generator_context``), ``last_commit_made`` on the post once
    made (``content_object_init``)."""
    folder = tmp_path / "plugins"
    folder.mkdir()
    for name, (signal, receiver) in GIT_PLUGINS.items():
        (folder / f"{name}.py").write_text(GIT_PLUGIN.format(signal=signal, receiver=receiver), encoding="utf-8")
    sys.path.insert(0, str(folder))
    yield
    sys.path.remove(str(folder))
    for name, (signal, receiver) in GIT_PLUGINS.items():
        module = sys.modules.pop(name, None)
        if module is not None:
            getattr(signals, signal).disconnect(getattr(module, receiver))


@pytest.mark.parametrize("plugin", list(GIT_PLUGINS))
@pytest.mark.parametrize("first", [True, False], ids=["git-plugin-first", "git-plugin-last"])
@pytest.mark.parametrize(("notes", "expected"), [(NOTES, "2024-06-12"), (UNDATED_NOTES, "2024-06-05")],
                         ids=["dated-notes", "undated-notes"])
def test_a_git_date_plugin_in_either_order(build, git_plugins, plugin, first, notes, expected):
    order = [plugin, "pelican_chronicles"] if first else ["pelican_chronicles", plugin]
    site = build(dated_post(None, notes), PLUGINS=order)
    assert modified_shown(site) == (expected, expected, expected)


# --- pelican-sitemap ---------------------------------------------------------------------

SITEMAP_POSTS = {
    **dated_post(None, NOTES),
    "quiet.md": "Title: Quiet harbour\nDate: 2024-06-03\n\nNothing happened at the harbour.\n",
}


@pytest.fixture(scope="module")
def sitemap_site(tmp_path_factory):
    module = pytest.importorskip(
        "pelican.plugins.sitemap.sitemap", reason="pelican-sitemap is not installed (pip install -e '.[test]')"
    )
    try:
        yield build_site(
            tmp_path_factory.mktemp("sitemap"), SITEMAP_POSTS,
            PLUGINS=["pelican_chronicles", "sitemap"], SITEMAP={"format": "xml"}, SITEURL="https://news.example",
        )
    finally:
        disconnect(module, [
            ("get_generators", module.generator.init),
            ("content_written", module.generator.queue_page),
            ("finalized", module.generator.finalize),
        ])


@pytest.mark.parametrize(
    ("url", "lastmod"),
    [
        ("https://news.example/pier-opens.html", "2024-06-12"),  # its latest note
        ("https://news.example/quiet-harbour.html", "2024-06-03"),  # its date
    ],
)
def test_the_sitemap_lastmod_follows_the_latest_note(sitemap_site, url, lastmod):
    tree = ET.fromstring(sitemap_site.text("sitemap.xml"))
    found = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in tree.iter(f"{SITEMAP}url")}
    assert found[url][:10] == lastmod
