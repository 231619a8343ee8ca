"""Which URLs may reach href and cite (SPEC 11): http, https, mailto and
relative URLs only."""

import datetime
from types import SimpleNamespace

import pytest
from conftest import render
from timing import assert_linear, repeat

from pelican_chronicles.metadata import parse_sources
from pelican_chronicles.model import Chronicle, Country, Source
from pelican_chronicles.site.index import SiteIndex
from pelican_chronicles.urls import FacetLinks, FacetPages, safe_url, with_scheme


@pytest.mark.parametrize(
    "url",
    [
        "https://agency.example/item",
        "http://agency.example/item?id=3&lang=en",
        "HTTPS://AGENCY.EXAMPLE/",
        "mailto:desk@agency.example",
        "/2024/06/treaty.html",
        "treaty.html",
        "../archives.html#year-2024",
        "#quote-1",
        "?page=2",
        "//agency.example/item",
        "notes/2024:06.html",  # a colon after the first slash is no scheme
    ],
)
def test_allowed_urls_pass_unchanged(url):
    assert safe_url(url) == url


def test_surrounding_whitespace_is_trimmed():
    assert safe_url("  https://agency.example/item \n") == "https://agency.example/item"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "\x01javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "java\x00script:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://files.example/",
        "ｊavascript:alert(1)",  # a full-width letter is no scheme character
        "\u00a0javascript:alert(1)",
        "treaty\x00.html",  # control characters belong in no URL
        "treaty\x7f.html",
    ],
)
def test_other_schemes_and_disguises_are_rejected(url):
    assert safe_url(url) is None


@pytest.mark.parametrize("url", [None, "", "   ", "\t\n"])
def test_empty_url_is_rejected(url):
    assert safe_url(url) is None


def test_adversarial_text_takes_linear_time():
    assert_linear(safe_url, lambda n: repeat("a", n) + ":")
    assert_linear(safe_url, lambda n: repeat("&#", n))
    assert_linear(safe_url, lambda n: repeat("java\t", n) + "script:")


# --- addresses written without a scheme ---------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("yonhap.co.kr", "https://yonhap.co.kr"),
        ("www.mid.ru/en/press", "https://www.mid.ru/en/press"),
        ("agency.example/item?id=3#top", "https://agency.example/item?id=3#top"),
        ("agency.example:8080/item", "https://agency.example:8080/item"),
        ("point.md", "https://point.md"),  # Moldova's domain, not a Markdown file
        ("пример.рф/новости", "https://пример.рф/новости"),
        ("xn--e1afmkfd.xn--p1ai", "https://xn--e1afmkfd.xn--p1ai"),
        ("www.report.pdf", "https://www.report.pdf"),
    ],
)
def test_an_address_that_starts_with_a_host_name_is_read_as_https(written, read):
    assert with_scheme(written) == (read, True)


@pytest.mark.parametrize(
    "url",
    [
        "/about/",
        "press.html",
        "jquery.min.js",
        "files/report.pdf",
        "../x",
        "./agency.example",
        "{filename}/posts/pier.md",
        "#quote-1",
        "?page=2",
        "localhost:8000/x",  # no top-level domain
        "192.0.2.1/x",
        "https://agency.example/",
        "mailto:desk@agency.example",
        "javascript:alert(1)",
        "",
    ],
)
def test_other_addresses_keep_what_was_written(url):
    assert with_scheme(url) == (url, False)


def test_the_sources_read_as_https_are_listed_as_written():
    value = "Yonhap <yonhap.co.kr>; [MFA](www.mid.ru/en/press); Board <about.html>; Wire <https://wire.example/>"
    told = []
    sources, _problems = parse_sources(value, told)
    assert told == ["yonhap.co.kr", "www.mid.ru/en/press"]
    assert [s.url for s in sources] == ["https://yonhap.co.kr", "https://www.mid.ru/en/press", "about.html", "https://wire.example/"]
    nothing = []
    parse_sources(None, nothing)
    assert nothing == []


def test_host_names_are_told_in_linear_time():
    assert_linear(with_scheme, lambda n: repeat("a.", n) + "b1/")
    assert_linear(with_scheme, lambda n: repeat("a", n) + ".")


# --- the addresses of the facet pages ---------------------------------------------

SETTINGS = {
    "CHRONICLES_SOURCE_URL": "desk/{slug}/", "CHRONICLES_SOURCE_SAVE_AS": "desk/{slug}/index.html",
    "CHRONICLES_COUNTRY_URL": "where/{slug}.html", "CHRONICLES_COUNTRY_SAVE_AS": "where/{slug}.html",
    "CHRONICLES_SPEAKER_URL": "who/{slug}.html", "CHRONICLES_SPEAKER_SAVE_AS": "who/{slug}.html",
}


@pytest.mark.parametrize(
    "kind, key, url, save_as",
    [
        ("source", "harbour press", "desk/harbour-press/", "desk/harbour-press/index.html"),
        ("source", "index", "desk/index-2/", "desk/index-2/index.html"),
        ("country", "FR", "where/fr.html", "where/fr.html"),
    ],
)
def test_a_facet_page_is_where_its_key_and_the_settings_put_it(kind, key, url, save_as):
    pages = FacetPages.from_settings(SETTINGS, lambda name: name.replace(" ", "-"))
    assert (pages.url(kind, key), pages.save_as(kind, key)) == (url, save_as)


def test_the_site_index_writes_the_pages_where_posts_link_them():
    pages = FacetPages.from_settings(SETTINGS, lambda name: name.replace(" ", "-"))
    post = SimpleNamespace(
        title="Talks", url="talks.html", date=datetime.datetime(2024, 6, 1, tzinfo=datetime.timezone.utc),
        chronicles=Chronicle(sources=(Source("Harbour Press"),), countries=(Country("FR", "FRA", "France", ""),)),
    )
    index = SiteIndex.build([post], pages=pages)
    links = FacetLinks(pages, "https://news.example")
    source, country = index.sources["harbour press"], index.countries["FR"]
    assert links("source", "harbour press") == f"https://news.example/{source.url}"
    assert links("country", "FR") == f"https://news.example/{country.url}"
    assert (source.save_as, country.save_as) == ("desk/harbour-press/index.html", "where/fr.html")


POST = "Title: Talks\nStatus: {status}\nCountries: FR\nSources: Harbour Press\n\nText."


@pytest.mark.parametrize(
    "status, default_status, linked",
    [("published", "published", True), ("hidden", "published", True), ("Draft", "published", False),
     ("", "draft", False), ("published", "draft", True)],
)
def test_a_draft_links_no_facet_page(status, default_status, linked):
    links = FacetLinks(FacetPages(), "https://news.example", default_status=default_status)
    html = render(POST.format(status=status), meta=True, facet_links=True, facet_url=links)
    hrefs = ['href="https://news.example/sources/harbour-press.html"', 'href="https://news.example/countries/fr.html"']
    assert [href in html for href in hrefs] == [linked, linked]
    assert ">Harbour Press</a>" in html and "France</" in html


def test_with_relative_urls_a_post_links_facet_pages_as_pelican_resolves_them():
    links = FacetLinks(FacetPages(), "", intrasite="{filename}")
    html = render(POST.format(status="published"), meta=True, facet_links=True, facet_url=links)
    assert 'href="{filename}/{chronicles}/sources/harbour-press.html"' in html
    assert 'href="{filename}/{chronicles}/countries/fr.html"' in html
