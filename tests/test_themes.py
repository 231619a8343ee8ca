"""Every theme (SPEC 14): the demo site built in Pelican's own themes, in
Reflex (Flex's successor on PyPI: no ``head`` block, a fixed sidebar made
of a bare ``aside``), and in the test themes under tests/themes/: one
shaped like Flex (``meta`` and ``head_links`` blocks, no ``head``; global
``aside``, ``nav``, ``figure`` and ``section`` rules), one without
``base.html``, like pelican-themeless, and one shaped like Elegant (a menu
that ignores ``MENUITEMS``, grid columns, a bare rule on inputs).

Each build must finish without a warning of the plugin's own; every page
gets the updates feed's link once, every page with chronicles markup the
stylesheet once, every article page its JSON-LD once; the plugin's pages
have the site's name once in their title; a post lists its countries and
sources, linking to pages that exist.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

from conftest import build_site

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo_site" / "pelicanconf.py"
THEMES = Path(__file__).resolve().parent / "themes"
FEED = "feeds/updates.atom.xml"
SITENAME = "Chronicle Demo (sample site)"

# What Reflex expects of every site, with the plugin or without it.
REFLEX_SETTINGS = {
    "CC_LICENSE": {"name": "Creative Commons Attribution", "version": "4.0", "slug": "by",
                   "icon": False, "language": "en_US"},
    "COPYRIGHT_NAME": "Demo Desk",
    "COPYRIGHT_YEAR": 2026,
    "USE_GOOGLE_FONTS": False,
}


def theme_path(name: str) -> str:
    if name in ("notmyidea", "simple"):
        return name
    if name == "reflex":
        reflex = pytest.importorskip("pelican.themes.reflex")
        return reflex.path()
    return str(THEMES / name)


THEME_NAMES = ["notmyidea", "simple", "reflex", "flexlike", "nobase", "elegantlike"]


def demo_settings(theme: str) -> dict:
    """The settings over demo_site/pelicanconf.py that build the demo in a
    theme, for the ``demo_site`` fixture (tests/conftest.py)."""
    return {"THEME": theme_path(theme), **(REFLEX_SETTINGS if theme == "reflex" else {})}


def build_demo(theme: str, output: Path, **extra) -> Path:
    """The demo built in ``theme`` into ``output``, apart from the shared
    builds: for a test that changes or rebuilds it."""
    settings = read_settings(
        str(DEMO),
        override={
            "OUTPUT_PATH": str(output),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            **demo_settings(theme),
            **extra,
        },
    )
    Pelican(settings).run()
    return output


@pytest.fixture(scope="module", params=THEME_NAMES)
def demo(request, demo_site):
    """(theme, output, the plugin's warnings) of the demo built in a theme."""
    site = demo_site(**demo_settings(request.param))
    return request.param, site.output, site.warnings


def pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


@functools.lru_cache(maxsize=256)
def soup(path: Path) -> BeautifulSoup:
    """A page of a build, parsed once: the tests only read it. The demo has
    some 130 pages, and the tests of one theme run one after another."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module", autouse=True)
def parsed_pages_forgotten():
    """The parsed pages are let go of once the module's tests are done."""
    yield
    soup.cache_clear()


def article_pages(output: Path) -> list[Path]:
    """The demo's posts: the pages whose path is YYYY/MM/slug.html."""
    return [p for p in pages(output) if len(p.relative_to(output).parts) == 3 and p.name != "index.html"]


def feed_links(page: BeautifulSoup) -> list:
    return [
        link for link in page.select('link[rel="alternate"][type="application/atom+xml"]')
        if link.get("href", "").endswith(FEED)
    ]


def test_the_build_has_no_warning_of_the_plugins_own(demo):
    _theme, _output, warnings = demo
    assert warnings == []


def test_every_page_links_the_updates_feed_once_in_its_head(demo):
    _theme, output, _ = demo
    for path in pages(output):
        page = soup(path)
        assert page.head is not None, path
        assert len(feed_links(page.head)) == 1, path
        assert len(feed_links(page)) == 1, path


def test_every_page_with_chronicles_markup_links_the_stylesheet_once(demo):
    _theme, output, _ = demo
    with_markup = 0
    for path in pages(output):
        page = soup(path)
        links = page.select('link[rel="stylesheet"][href$="chronicles/chronicles.css"]')
        if page.select('[class^="chronicles-"]'):
            with_markup += 1
            assert len(links) == 1, path
            assert links[0].find_parent("head") is not None, path
        else:
            assert links == [], path
    assert with_markup > 20


def test_the_stylesheet_comes_after_the_themes_own(demo):
    theme, output, _ = demo
    head = soup(output / "archives.html").head
    sheets = [link["href"] for link in head.select('link[rel="stylesheet"]')]
    assert sheets[-1].endswith("chronicles/chronicles.css"), sheets


def test_every_article_page_has_its_jsonld_once(demo):
    _theme, output, _ = demo
    posts = article_pages(output)
    assert len(posts) >= 12
    for path in posts:
        scripts = [
            s for s in soup(path).select('script[type="application/ld+json"]')
            if json.loads(s.string)["@type"].endswith("NewsArticle")  # NewsArticle or a subtype (Type:)
        ]
        assert len(scripts) == 1, path


def test_other_pages_have_no_article_jsonld(demo):
    _theme, output, _ = demo
    for name in ("index.html", "archives.html", "updates/index.html", "sources/index.html"):
        assert '"@type":"NewsArticle"' not in (output / name).read_text(encoding="utf-8"), name


@pytest.mark.parametrize("name", [
    "archives.html", "updates/index.html", "sources/index.html", "countries/index.html", "speakers/index.html",
])
def test_the_plugins_pages_name_the_site_once_in_their_title(demo, name):
    _theme, output, _ = demo
    title = " ".join(soup(output / name).title.get_text().split())
    assert title.count(SITENAME) == 1, title
    assert title != SITENAME, title  # the page's own title is there too


def test_titles_follow_the_themes_pattern(demo):
    theme, output, _ = demo
    title = " ".join(soup(output / "sources" / "index.html").title.get_text().split())
    assert title == {
        "notmyidea": f"{SITENAME} - Sources",  # as its tags.html: "Site - Tags"
        "simple": f"{SITENAME} - Sources",
        "reflex": f"{SITENAME} – Sources",  # the theme writes the site's name, its pages "– Archives"
        "flexlike": f"{SITENAME} – Sources",
        "nobase": f"Sources - {SITENAME}",  # simple's base.html, and the theme's own "Title - Site"
        "elegantlike": f"Sources - {SITENAME}",  # as its archives.html: "All Posts - Site"
    }[theme]


def test_a_post_lists_its_countries_and_sources_with_links_to_their_pages(demo):
    _theme, output, _ = demo
    listed = 0
    for path in article_pages(output):
        page = soup(path)
        countries = page.select("aside.chronicles-countries .chronicles-country")
        sources = page.select("aside.chronicles-sources a.chronicles-source")
        for country in countries:
            flag = country.select_one(".chronicles-flag")
            assert flag is None or flag.get("aria-hidden") == "true"
            assert country.a.get_text().strip()
        for link in [c.a for c in countries] + sources:
            href = link["href"]
            assert "{chronicles-" not in href
            target = output / href.split("#")[0].lstrip("/")
            assert target.is_file(), (path, href)
        listed += bool(countries) and bool(sources)
    assert listed >= 5


def linked_file(output: Path, page: Path, href: str) -> Path:
    """The file of ``output`` that a link on ``page`` leads to."""
    path = href.split("#")[0]
    target = output / path.lstrip("/") if path.startswith("/") else page.parent / path
    return (target / "index.html" if path.endswith("/") else target).resolve()


@pytest.mark.parametrize("name", ["updates/index.html", "sources/index.html", "countries/index.html",
                                  "speakers/index.html"])
def test_the_archive_links_each_page_of_the_plugins(demo, name):
    """Even where the theme's menu ignores MENUITEMS (Elegant)."""
    _theme, output, _ = demo
    archive = output / "archives.html"
    reached = {linked_file(output, archive, a["href"]) for a in soup(archive).select("a[href]")}
    assert (output / name).resolve() in reached
    assert (output / name).is_file()


def test_the_updates_page_links_the_feed_where_readers_see_it(demo):
    _theme, output, _ = demo
    link = soup(output / "updates" / "index.html").select_one("main a.chronicles-feed, a.chronicles-feed")
    assert link is not None
    assert link["href"].endswith(FEED)
    assert link.get_text().strip()


# --- head additions, one at a time ------------------------------------------------


POST = {
    "post.md": """\
        Title: Harbour talks resume
        Date: 2024-06-19 09:00
        Countries: FR
        Sources: Northern Agency <https://northern.example/>

        The talks resumed on Monday.

        UPDATE (2024-06-20): The second round is set for July.
        """,
}


def write_theme(root: Path, base: str, **templates: str) -> str:
    theme = root / "theme"
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "base.html").write_text(base, encoding="utf-8")
    for name, text in templates.items():
        (theme / "templates" / f"{name}.html").write_text(text, encoding="utf-8")
    return str(theme)


def test_what_the_theme_already_has_is_not_added_again(tmp_path, chronicles_warnings):
    base = """<!DOCTYPE html><html><head><title>{% block title %}{{ SITENAME }}{% endblock %}</title>
<link rel="stylesheet" href="{{ SITEURL }}/theme/chronicles/chronicles.css">
<link rel="alternate" type="application/atom+xml" href="{{ SITEURL }}/feeds/updates.atom.xml">
{% if article %}{{ article|chronicles_jsonld }}{% endif %}
</head><body>{% block content %}{% endblock %}</body></html>"""
    theme = write_theme(tmp_path, base)
    site = build_site(tmp_path, POST, THEME=theme)
    html = site.text("harbour-talks-resume.html")
    assert html.count("chronicles/chronicles.css") == 1
    assert html.count("feeds/updates.atom.xml") == 1
    assert html.count('"@type":"NewsArticle"') == 1
    assert chronicles_warnings() == []


def test_a_page_without_a_closing_head_is_one_warning_naming_its_template(tmp_path, chronicles_warnings):
    base = """<!DOCTYPE html><html><title>{% block title %}{{ SITENAME }}{% endblock %}</title>
<body>{% block content %}{% endblock %}</body></html>"""
    theme = write_theme(tmp_path, base)
    site = build_site(tmp_path, {**POST, "other.md": "Title: Other\nDate: 2024-06-01\n\nText."}, THEME=theme)
    assert "chronicles.css" not in site.text("harbour-talks-resume.html")
    warnings = chronicles_warnings()
    article = [w for w in warnings if '"article.html"' in w]
    assert len(article) == 1, warnings  # two article pages, one warning
    assert "without </head>" in article[0]
    assert len(warnings) == len({w.split('"')[-2] for w in warnings})  # one per template


def test_switched_off_parts_are_not_added(shared_build):
    site = shared_build(POST, CHRONICLES_STYLESHEET=False, CHRONICLES_JSONLD=False,
                      CHRONICLES_UPDATES_FEED=None)
    html = site.text("harbour-talks-resume.html")
    assert "chronicles.css" not in html
    assert "NewsArticle" not in html
    assert "updates.atom.xml" not in html
    assert site.soup("updates/index.html").select_one("a.chronicles-feed") is None


def test_a_stylesheet_of_the_sites_own_replaces_the_plugins(shared_build):
    site = shared_build(POST, CHRONICLES_STYLESHEET="/css/news.css")
    head = site.soup("harbour-talks-resume.html").head
    assert [link["href"] for link in head.select('link[href$=".css"]')][-1] == "/css/news.css"
    assert "chronicles/chronicles.css" not in str(head)


def test_a_page_without_chronicles_markup_gets_no_stylesheet(shared_build):
    site = shared_build({"plain.md": "Title: Plain\nDate: 2024-06-01\n\nNothing to mark."})
    page = site.soup("plain.html")
    assert "chronicles.css" not in str(page.head)
    assert len(feed_links(page.head)) == 1


def test_relative_urls_give_each_page_its_own_relative_links(shared_build):
    site = shared_build(POST, RELATIVE_URLS=True, ARTICLE_SAVE_AS="2024/{slug}.html",
                      ARTICLE_URL="2024/{slug}.html")
    page = site.soup("2024/harbour-talks-resume.html")
    assert page.select_one('link[href$="chronicles.css"]')["href"] == "../theme/chronicles/chronicles.css"
    assert feed_links(page.head)[0]["href"] == "../feeds/updates.atom.xml"
    assert page.select_one("aside.chronicles-countries a")["href"] == "../countries/fr.html"
    assert page.select_one("aside.chronicles-sources a.chronicles-source")["href"] == "../sources/northern-agency.html"
    assert (site.output / "countries" / "fr.html").is_file()


# --- the updates feed without SITEURL ----------------------------------------------


def test_without_siteurl_a_feed_set_by_name_is_written_with_pelicans_warning_and_no_none(tmp_path, chronicles_warnings):
    site = build_site(tmp_path, POST, FEED_ALL_ATOM=None, CHRONICLES_UPDATES_FEED=FEED)
    feed = site.text(FEED)
    assert "None" not in feed
    assert "<id>urn:uuid:" in feed
    assert chronicles_warnings() == [
        f"Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid: {FEED}"
    ]


def test_pelicans_own_warning_about_its_feeds_is_not_repeated(tmp_path, chronicles_warnings):
    site = build_site(tmp_path, POST)  # Pelican's FEED_ALL_ATOM is on: Pelican warns
    assert "None" not in site.text(FEED)
    assert chronicles_warnings() == []


def test_with_a_feed_domain_ids_are_tag_uris(tmp_path, chronicles_warnings):
    site = build_site(tmp_path, POST, FEED_ALL_ATOM=None, FEED_DOMAIN="https://news.example", CHRONICLES_UPDATES_FEED=FEED)
    feed = site.text(FEED)
    assert "<id>tag:news.example,2024-06-19:/harbour-talks-resume.html#update-1</id>" in feed
    assert chronicles_warnings() == []


def test_ids_do_not_change_from_build_to_build(tmp_path):
    first = build_site(tmp_path / "a", POST, FEED_ALL_ATOM=None, CHRONICLES_UPDATES_FEED=FEED).text(FEED)
    second = build_site(tmp_path / "b", POST, FEED_ALL_ATOM=None, CHRONICLES_UPDATES_FEED=FEED).text(FEED)
    ids = [line for line in first.split("<") if line.startswith("id>")]
    assert ids and ids == [line for line in second.split("<") if line.startswith("id>")]


# --- the cost of completing heads ----------------------------------------------------


def test_pages_whose_head_is_complete_are_left_as_rendered(tmp_path, monkeypatch):
    """A theme that links everything itself: the plugin looks at each page
    and changes none. (A post with countries or sources would need its
    Pagefind filters, which only the plugin writes: this one has none.)"""
    base = """<!DOCTYPE html><html><head><title>{% block title %}{{ SITENAME }}{% endblock %}</title>
<link rel="stylesheet" href="{{ SITEURL }}/theme/chronicles/chronicles.css">
<link rel="alternate" type="application/atom+xml" href="{{ SITEURL }}/feeds/updates.atom.xml">
{% if article %}{{ article|chronicles_jsonld }}{% endif %}
</head><body>{% block content %}{% endblock %}</body></html>"""
    theme = write_theme(tmp_path, base)
    from pelican_chronicles.site import head

    rewritten = []
    monkeypatch.setattr(head, "insert_in_head", lambda chunks, n, at, parts: rewritten.append(parts))
    post = POST["post.md"].replace("        Countries: FR\n", "").replace(
        "        Sources: Northern Agency <https://northern.example/>\n", "")
    build_site(tmp_path, {"post.md": post}, THEME=theme)
    assert rewritten == []


# --- a post's countries and sources -----------------------------------------------


def test_a_short_posts_summary_leaves_out_its_countries(shared_build):
    site = shared_build({"short.md": "Title: Short\nDate: 2024-06-01\nCountries: FR, DE\n\nOne line."})
    (article,) = site.pelican_articles()
    assert "chronicles-countries" in article.content
    assert "chronicles-countries" not in article.summary


def test_countries_list_can_be_switched_off(shared_build):
    site = shared_build(POST, CHRONICLES_COUNTRIES_LIST=False)
    page = site.soup("harbour-talks-resume.html")
    assert page.select_one("aside.chronicles-countries") is None
    assert page.select_one("aside.chronicles-sources a.chronicles-source") is not None
    assert (site.output / "countries" / "fr.html").is_file()


def test_a_source_without_a_page_is_named_without_a_link(shared_build):
    """A draft's sources have no page on the site (the archive lists
    published posts): the name stays, as text."""
    draft = "Title: Draft\nDate: 2024-06-01\nStatus: draft\nSources: Only In Drafts\n\nText."
    site = shared_build({**POST, "draft.md": draft})
    link = site.soup("drafts/draft.html").select_one("aside.chronicles-sources .chronicles-source")
    assert link.get_text() == "Only In Drafts"
    assert not link.has_attr("href")
    assert "{chronicles-" not in site.text("drafts/draft.html")


@pytest.mark.parametrize("archive", [True, False])
def test_a_theme_with_neither_base_nor_archives_template(tmp_path, archive, chronicles_warnings):
    theme = tmp_path / "theme" / "templates"
    theme.mkdir(parents=True)
    (theme / "article.html").write_text(
        "<!doctype html><html><head><title>{{ article.title }}</title></head>"
        "<body>{{ article.content }}</body></html>", encoding="utf-8")
    site = build_site(tmp_path, POST, THEME=str(theme.parent), CHRONICLES_ARCHIVE=archive)
    archives = site.soup("archives.html")
    assert archives.head is not None and archives.body is not None
    assert bool(archives.select_one(".chronicles-archive")) is archive
    assert len(feed_links(site.soup("sources/index.html").head)) == 1
    assert site.soup("harbour-talks-resume.html").select_one('head link[href$="chronicles.css"]') is not None
    assert chronicles_warnings() == []
