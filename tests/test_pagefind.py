"""Pagefind filters (SPEC 18): a post's lists of countries and sources give
its page Pagefind's ``country`` and ``source`` filters, so that a site's
Pagefind search can filter by them; the site's listing pages give none.

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

import pytest
from bs4 import BeautifulSoup

from browsing import CHROMIUM, page_opener, served
from conftest import convert, normalize
from test_themes import demo_settings


def facet_url(kind, key, **_):
    return f"/{kind}/{key.lower()}.html"


def filters(html: str) -> list[str]:
    return [el["data-pagefind-filter"] for el in BeautifulSoup(html, "html.parser").select("[data-pagefind-filter]")]


# --- the lists of a post ----------------------------------------------------------


POST = """\
Countries: NO, FR
Sources: Reuters; AP <https://ap.example/>

The talks resumed.
"""

LISTS = (
    "<p>The talks resumed.</p>"
    '<aside aria-labelledby="chronicles-countries-title" class="chronicles-countries">'
    '<p class="chronicles-countries-title" id="chronicles-countries-title">Countries</p><ul>'
    '<li data-pagefind-filter="country:Norway"><span class="chronicles-country">'
    '<span aria-hidden="true" class="chronicles-flag">&#x1F1F3;&#x1F1F4;</span>'
    ' <a href="/country/no.html">Norway</a></span></li>'
    '<li data-pagefind-filter="country:France"><span class="chronicles-country">'
    '<span aria-hidden="true" class="chronicles-flag">&#x1F1EB;&#x1F1F7;</span>'
    ' <a href="/country/fr.html">France</a></span></li>'
    "</ul></aside>"
    '<aside aria-labelledby="chronicles-sources-title" class="chronicles-sources">'
    '<p class="chronicles-sources-title" id="chronicles-sources-title">Sources</p><ul>'
    '<li data-pagefind-filter="source:Reuters"><a class="chronicles-source" href="/source/reuters.html">Reuters</a></li>'
    '<li data-pagefind-filter="source:AP"><a class="chronicles-source" href="/source/ap.html">AP</a>'
    ' <a class="chronicles-source-home" href="https://ap.example/" rel="external">ap.example</a></li>'
    "</ul></aside>"
)


def test_a_posts_countries_and_sources_carry_pagefind_filters():
    html, _ = convert(POST, meta=True, lang="en", facet_links=True, facet_url=facet_url)
    assert normalize(html) == normalize(LISTS)


def test_a_country_is_filtered_by_its_name_in_the_sites_language():
    # A Russian post on an English site shows Норвегия; its filter is the
    # English site's Norway, the value its English posts give.
    html, _ = convert("Lang: ru\n" + POST, meta=True, lang="en", facet_links=True, facet_url=facet_url)
    names = [a.get_text() for a in BeautifulSoup(html, "html.parser").select("aside.chronicles-countries a")]
    assert names == ["Норвегия", "Франция"]
    assert filters(html) == ["country:Norway", "country:France", "source:Reuters", "source:AP"]


def test_a_site_in_another_language_filters_by_its_names():
    html, _ = convert(POST, meta=True, lang="de", facet_links=True, facet_url=facet_url)
    assert filters(html)[:2] == ["country:Norwegen", "country:Frankreich"]


def test_a_value_is_the_name_whole_commas_colons_and_markup_characters_too():
    html, _ = convert("Sources: Wire: Europe, North & <b>Desk</b>\n\nThe talks resumed.", meta=True)
    assert filters(html) == ["source:Wire: Europe, North & <b>Desk</b>"]
    assert 'data-pagefind-filter="source:Wire: Europe, North &amp; &lt;b&gt;Desk&lt;/b&gt;"' in html


def test_a_post_without_countries_or_sources_carries_no_filter():
    html, _ = convert("Title: Pier\n\nThe talks resumed.", meta=True, lang="en", facet_links=True, facet_url=facet_url)
    assert filters(html) == []


# --- a built site: the post's page only -------------------------------------------


SITE = {
    "talks.md": """\
        Title: Talks resume
        Date: 2024-06-20
        Countries: NO, FR
        Sources: Reuters; AP

        The talks resumed in the morning.
        """,
    "harbour.md": """\
        Title: Harbour reopens
        Date: 2024-06-10
        Countries: FR
        Sources: AP

        The harbour reopened.
        """,
}


def test_a_sites_post_pages_carry_the_filters_and_its_listing_pages_none(shared_build):
    # Pelican's simple theme lists summaries on its index, as most themes do.
    site = shared_build(SITE, THEME="simple")
    talks = site.text("talks-resume.html")
    assert filters(talks) == ["country:Norway", "country:France", "source:Reuters", "source:AP"]
    assert filters(site.text("harbour-reopens.html")) == ["country:France", "source:AP"]
    norway = site.soup("talks-resume.html").select_one("aside.chronicles-countries a")["href"].lstrip("/")
    source = site.soup("talks-resume.html").select_one("aside.chronicles-sources a")["href"].lstrip("/")
    for page in [norway, source, "archives.html", "index.html", "category/misc.html"]:
        assert "Talks resume" in site.text(page), page  # the page lists the post
        assert filters(site.text(page)) == [], page
    for page, name in [("countries/index.html", "Norway"), ("sources/index.html", "Reuters")]:
        assert name in site.text(page) and filters(site.text(page)) == [], page
    assert all("data-pagefind-filter" not in article.summary for article in site.pelican_articles())


# --- Pagefind itself, in Chromium ------------------------------------------------------


SEARCH = """async (filters) => {
    const pagefind = await import("/pagefind/pagefind.js");
    const all = await pagefind.filters();
    const urls = async (f) => {
        const found = await pagefind.search(null, {filters: f});
        return Promise.all(found.results.map(async (r) => (await r.data()).url));
    };
    return {all, country: await urls({country: filters.country}), source: await urls({source: filters.source})};
}"""


def listed(output: Path, selector: str) -> dict[str, list]:
    """The demo's pages with elements ``selector`` (links of a countries or
    sources list), each page's URL to those elements, read from the built
    pages."""
    found = {}
    for path in output.rglob("*.html"):
        elements = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(selector)
        if elements:
            found["/" + path.relative_to(output).as_posix()] = elements
    return found


@pytest.mark.browser
def test_pagefind_filters_the_demos_posts_by_country_and_source(demo_site, browser, tmp_path):
    pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed")
    pytest.importorskip("pagefind")
    demo = demo_site(**demo_settings("simple")).output
    site = tmp_path / "site"
    shutil.copytree(demo, site)
    # One index for the posts of every language, as a site that wants one
    # search asks Pagefind (by default it makes one per page language).
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "en"],
                   check=True, capture_output=True, timeout=120)

    countries = listed(demo, "aside.chronicles-countries a")
    kenya = next(a["href"] for links in countries.values() for a in links if a.get_text() == "Kenya")
    naming_kenya = {url for url, links in countries.items() if any(a["href"] == kenya for a in links)}
    names_of_kenya = {a.get_text() for links in countries.values() for a in links if a["href"] == kenya}
    sources = listed(demo, "aside.chronicles-sources a.chronicles-source")
    citing_press = {url for url, links in sources.items() if any(a.get_text() == "Harbour Press" for a in links)}
    # the demo names Kenya in English posts and in its Chinese one (肯尼亚)
    assert len(naming_kenya) >= 3 and names_of_kenya == {"Kenya", "肯尼亚"}
    assert len(citing_press) >= 3

    with served(site) as base, page_opener(browser, base) as open_page:
        page, errors = open_page("index.html")
        found = page.evaluate(SEARCH, {"country": "Kenya", "source": "Harbour Press"})
    assert errors == []
    assert found["all"]["country"]["Kenya"] == len(naming_kenya)
    assert found["all"]["source"]["Harbour Press"] == len(citing_press)
    assert set(found["country"]) == naming_kenya
    assert set(found["source"]) == citing_press
