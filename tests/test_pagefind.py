"""Pagefind filters (SPEC 18): a post's own page carries Pagefind's
``country`` and ``source`` filters in its head, as ``<meta>`` elements, so
that a site's Pagefind search can filter by them; every other page carries
none, even where the theme shows the post whole (Pelican's notmyidea shows
the newest post in full on its index, category, tag and author pages).

A country's value is its name in the site's language (``DEFAULT_LANG``), as
the country's page on the site names it, whatever the post's language: one
value per country. A source's value is its name as the post spells it.
The last test indexes the demo with Pagefind's own binary and filters in
Chromium (``pytest -m browser``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from browsing import CHROMIUM, page_opener, served
from conftest import convert, normalize
from pelican_chronicles.model import Chronicle
from pelican_chronicles.site.head import PageHead, pagefind_filters
from test_themes import demo_settings


def facet_url(kind, key, **_):
    return f"/{kind}/{key.lower()}.html"


def head_filters(html: str) -> list[tuple[str, str]]:
    """``(filter, value)`` of each filter ``<meta>`` in the page's head."""
    head = BeautifulSoup(html, "html.parser").head
    return [(meta["data-pagefind-filter"], meta["content"]) for meta in head.select("meta[data-pagefind-filter]")]


def carriers(html: str) -> list:
    """Every element of a page or fragment with a Pagefind filter, wherever it is."""
    return BeautifulSoup(html, "html.parser").select("[data-pagefind-filter]")


POST = """\
Countries: NO, FR
Sources: Reuters; AP <https://ap.example/>

The talks resumed.
"""

FILTERS = [("country[content]", "Norway"), ("country[content]", "France"),
           ("source[content]", "Reuters"), ("source[content]", "AP")]


# --- the post's lists and its filters ---------------------------------------------


LISTS = (
    "<p>The talks resumed.</p>"
    '<aside aria-labelledby="chronicles-countries-title" class="chronicles-countries">'
    '<p class="chronicles-countries-title" id="chronicles-countries-title">Countries</p><ul>'
    '<li><span class="chronicles-country">'
    '<span aria-hidden="true" class="chronicles-flag">&#x1F1F3;&#x1F1F4;</span>'
    ' <a href="/country/no.html">Norway</a></span></li>'
    '<li><span class="chronicles-country">'
    '<span aria-hidden="true" class="chronicles-flag">&#x1F1EB;&#x1F1F7;</span>'
    ' <a href="/country/fr.html">France</a></span></li>'
    "</ul></aside>"
    '<aside aria-labelledby="chronicles-sources-title" class="chronicles-sources">'
    '<p class="chronicles-sources-title" id="chronicles-sources-title">Sources</p><ul>'
    '<li><a class="chronicles-source" href="/source/reuters.html">Reuters</a></li>'
    '<li><a class="chronicles-source" href="/source/ap.html">AP</a>'
    ' <a class="chronicles-source-home" href="https://ap.example/" rel="external">ap.example</a></li>'
    "</ul></aside>"
)


def test_a_posts_lists_carry_no_filter():
    # The lists go wherever the post's content goes (a theme's index may
    # show it whole): the filters are not in them.
    html, _ = convert(POST, meta=True, lang="en", facet_links=True, facet_url=facet_url)
    assert normalize(html) == normalize(LISTS)
    assert carriers(html) == []


def meta_tags(chronicle: Chronicle, lang: str | None) -> list[tuple[str, str]]:
    return head_filters(f"<head>{''.join(pagefind_filters(chronicle, lang))}</head>")


def test_a_country_is_filtered_by_its_name_in_the_sites_language():
    # A Russian post on an English site shows Норвегия; its filter is the
    # English site's Norway, the value its English posts give.
    html, chronicle = convert("Lang: ru\n" + POST, meta=True, lang="en", facet_links=True, facet_url=facet_url)
    names = [a.get_text() for a in BeautifulSoup(html, "html.parser").select("aside.chronicles-countries a")]
    assert names == ["Норвегия", "Франция"]
    assert meta_tags(chronicle, "en") == FILTERS


def test_a_site_in_another_language_filters_by_its_names():
    _, chronicle = convert(POST, meta=True)
    assert meta_tags(chronicle, "de")[:2] == [("country[content]", "Norwegen"), ("country[content]", "Frankreich")]


def test_a_value_is_the_name_whole_commas_colons_and_markup_characters_too():
    _, chronicle = convert("Sources: Wire: Europe, North & <b>Desk</b>\n\nThe talks resumed.", meta=True)
    tags = pagefind_filters(chronicle, "en")
    assert tags == ['<meta data-pagefind-filter="source[content]" '
                    'content="Wire: Europe, North &amp; &lt;b&gt;Desk&lt;/b&gt;">']
    assert meta_tags(chronicle, "en") == [("source[content]", "Wire: Europe, North & <b>Desk</b>")]


def test_a_post_without_countries_or_sources_has_no_filter():
    _, chronicle = convert("Title: Pier\n\nThe talks resumed.", meta=True)
    assert pagefind_filters(chronicle, "en") == []


PAGE = "<!DOCTYPE html><html><head><title>Talks</title></head><body><p>The talks resumed.</p></body></html>"


def test_a_page_gets_the_filters_of_the_post_it_is_saved_as_only():
    # The post's own page is the one saved as its save_as; another page
    # rendered with the post in its context (its history) is not.
    _, chronicle = convert(POST, meta=True)
    post = SimpleNamespace(chronicles=chronicle, save_as="talks.html")
    head = PageHead(stylesheet=None, stylesheet_is_own=False, feed=None, feed_domain="", feed_title="",
                    jsonld=False, site_url="")
    written = {
        "the article's page": {"article": post, "output_file": "talks.html"},
        "a Pelican page": {"page": post, "output_file": "talks.html"},
        "its history page": {"article": post, "output_file": "history/talks.html"},
        "a listing page": {"articles": [post], "output_file": "index.html"},
    }
    found = {
        name: head_filters(head.complete([PAGE], {"SITEURL": "", "DEFAULT_LANG": "en", **context}, "article.html"))
        for name, context in written.items()
    }
    assert found == {"the article's page": FILTERS, "a Pelican page": FILTERS,
                     "its history page": [], "a listing page": []}


# --- a built site, in Pelican's notmyidea theme ------------------------------------


SITE = {
    "talks.md": """\
        Title: Talks resume
        Date: 2024-06-20
        Tags: harbour talks
        Author: Mara Olsen
        Countries: NO, FR
        Sources: Reuters; AP

        The talks resumed in the morning.
        """,
    "harbour.md": """\
        Title: Harbour reopens
        Date: 2024-06-10
        Tags: harbour talks
        Author: Mara Olsen
        Countries: FR
        Sources: AP

        The harbour reopened.
        """,
    "ferry.md": """\
        Title: Паром возобновил рейсы
        Slug: ferry-resumes
        Lang: ru
        Date: 2024-06-01
        Countries: NO

        Паром возобновил рейсы.
        """,
    "pier.md": """\
        Title: Pier repairs
        Date: 2024-05-20

        The pier was repaired.
        """,
    "pages/desk.md": """\
        Title: The desk
        Countries: FR
        Sources: Desk Wire

        The desk covers the coast.
        """,
}
OWN_PAGES = {
    "talks-resume.html": FILTERS[:3] + [("source[content]", "AP")],
    "harbour-reopens.html": [("country[content]", "France"), ("source[content]", "AP")],
    "ferry-resumes-ru.html": [("country[content]", "Norway")],
    "pier-repairs.html": [],
    "pages/the-desk.html": [("country[content]", "France"), ("source[content]", "Desk Wire")],
}


@pytest.fixture
def notmyidea_site(shared_build):
    return shared_build(SITE, THEME="notmyidea")


def test_a_posts_page_carries_its_filters_in_its_head_only(notmyidea_site):
    site = notmyidea_site
    assert {page for page in OWN_PAGES if site.exists(page)} == set(OWN_PAGES)
    for page, expected in OWN_PAGES.items():
        assert head_filters(site.text(page)) == expected, page
        assert carriers(str(site.soup(page).body)) == [], page


def test_no_other_page_carries_a_filter_though_notmyidea_shows_the_newest_post_whole(notmyidea_site):
    site = notmyidea_site
    others = {path.relative_to(site.output).as_posix() for path in site.output.rglob("*.html")} - set(OWN_PAGES)
    # Pelican's default theme shows the newest post, its lists too, whole on
    # its index, category, tag and author pages.
    for page in ["index.html", "category/misc.html", "tag/harbour-talks.html", "author/mara-olsen.html"]:
        shown = site.soup(page).select("aside.chronicles-countries a, aside.chronicles-sources a")
        assert [a.get_text() for a in shown] == ["Norway", "France", "Reuters", "AP"], page
    norway = site.soup("talks-resume.html").select_one("aside.chronicles-countries a")["href"].lstrip("/")
    reuters = site.soup("talks-resume.html").select_one("aside.chronicles-sources a")["href"].lstrip("/")
    assert {norway, reuters, "archives.html", "countries/index.html", "sources/index.html"} <= others
    for page in sorted(others):
        assert carriers(site.text(page)) == [], page
    assert all(carriers(article.summary) == [] for article in site.pelican_articles())


# --- Pagefind itself, in Chromium ------------------------------------------------------


SEARCH = """async (filters) => {
    const pagefind = await import("/pagefind/pagefind.js");
    const all = await pagefind.filters();
    const urls = async (f) => {
        const found = await pagefind.search(null, {filters: f});
        return Promise.all(found.results.map(async (r) => (await r.data()).url));
    };
    const found = {};
    for (const [name, value] of filters) {
        found[`${name}:${value}`] = await urls({[name]: value});
    }
    return {all, found};
}"""


def listed(output: Path, selector: str, pages: set[str]) -> dict[str, list]:
    """Of the demo's ``pages``, those with elements ``selector`` (links of
    a countries or sources list), each page's URL to those elements."""
    found = {}
    for url in pages:
        elements = BeautifulSoup((output / url.lstrip("/")).read_text(encoding="utf-8"), "html.parser").select(selector)
        if elements:
            found[url] = elements
    return found


@pytest.mark.browser
def test_pagefind_filters_the_demos_posts_by_country_and_source(demo_site, browser, tmp_path):
    pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed")
    pytest.importorskip("pagefind")
    # Pelican's default theme, as it comes: no data-pagefind-body, so
    # Pagefind indexes every page, the index that shows the newest post whole too.
    demo = demo_site(**demo_settings("notmyidea")).output
    site = tmp_path / "site"
    shutil.copytree(demo, site)
    # One index for the posts of every language, as a site that wants one
    # search asks Pagefind (by default it makes one per page language).
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "en"],
                   check=True, capture_output=True, timeout=120)

    # The posts' own pages: where their titles link, on the index and elsewhere.
    posts = {a["href"] for path in demo.rglob("*.html")
             for a in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("a[rel=bookmark]")}
    countries = listed(demo, "aside.chronicles-countries a", posts)
    sources = listed(demo, "aside.chronicles-sources a.chronicles-source", posts)
    kenya = next(a["href"] for links in countries.values() for a in links if a.get_text() == "Kenya")
    naming_kenya = {url for url, links in countries.items() if any(a["href"] == kenya for a in links)}
    names_of_kenya = {a.get_text() for links in countries.values() for a in links if a["href"] == kenya}
    citing_press = {url for url, links in sources.items() if any(a.get_text() == "Harbour Press" for a in links)}
    # the demo names Kenya in English posts and in its Chinese one (肯尼亚)
    assert len(naming_kenya) >= 3 and names_of_kenya == {"Kenya", "肯尼亚"}
    assert len(citing_press) >= 3
    # the newest post, which the index, its category, tags and author show whole
    newest = BeautifulSoup((demo / "index.html").read_text(encoding="utf-8"), "html.parser")
    newest_country = newest.select_one("#featured aside.chronicles-countries a").get_text()
    newest_source = newest.select_one("#featured aside.chronicles-sources a.chronicles-source").get_text()
    naming_newest = {url for url, links in countries.items() if any(a.get_text() == newest_country for a in links)}
    citing_newest = {url for url, links in sources.items() if any(a.get_text() == newest_source for a in links)}
    assert naming_newest and citing_newest

    expected = {
        "country:Kenya": naming_kenya,
        "source:Harbour Press": citing_press,
        f"country:{newest_country}": naming_newest,
        f"source:{newest_source}": citing_newest,
    }
    with served(site) as base, page_opener(browser, base) as open_page:
        page, errors = open_page("index.html")
        result = page.evaluate(SEARCH, [key.split(":", 1) for key in expected])
    assert errors == []
    for key, urls in expected.items():
        name, value = key.split(":", 1)
        assert result["all"][name][value] == len(urls), key
        assert set(result["found"][key]) == urls, key
