"""Beside pelican-seo (SPEC 18): one description of the article per page.

With ``SEO_ENHANCER``, pelican-seo reads each page once Pelican has written
it and appends to its head a canonical link, a ``BreadcrumbList``, Open Graph
and Twitter tags, and a schema.org ``Article`` of its own: beside the
plugin's ``NewsArticle``, two descriptions of one article. The plugin takes
pelican-seo's ``Article`` out of the pages that carry its ``NewsArticle``,
in either plugin order, and leaves the rest of what pelican-seo wrote.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import DEMO, build_site
from pelican import signals

from pelican_chronicles.site.head import without_other_articles

ROOT = Path(__file__).resolve().parent.parent

PIER = """\
Title: Pier approved
Date: 2024-06-19 09:00
Author: Lena Sato
Category: Harbour
Sources: Harbour Wire <https://harbour-wire.example/pier>

NORTHPORT (Northwind Wire) - The harbour board approved the new pier on Tuesday.

> The pier will be open to ferries before the winter.
>
> — Ines Marlow, harbour master, Harbour Wire, 2024-06-19

CORRECTION (2024-06-21): The board approved the pier on Tuesday, not on Monday.
"""

SEO = {
    "SITEURL": "https://news.example",  # pelican-seo stops a build without it
    "SEO_ENHANCER": True,
    "SEO_ENHANCER_OPEN_GRAPH": True,
    "SEO_REPORT": False,  # it would write seo_report.html in the current folder
}
ORDERS = {
    "chronicles-first": ["pelican_chronicles", "seo"],
    "seo-first": ["seo", "pelican_chronicles"],
}


def disconnect_seo(module):
    """pelican-seo's receivers stay connected to Pelican's signals after its
    build, and would act in every later build of the process."""
    for signal, receiver in (
        (signals.initialized, module.plugin_initializer),
        (signals.all_generators_finalized, module.run_seo_report),
        (signals.all_generators_finalized, module.run_robots_file),
        (signals.content_written, module.run_html_enhancer),
    ):
        signal.disconnect(receiver)


@pytest.fixture(scope="module")
def seo():
    module = pytest.importorskip(
        "pelican.plugins.seo.seo", reason="pelican-seo is not installed (pip install -e '.[test]')"
    )
    yield module
    disconnect_seo(module)


@pytest.fixture(scope="module")
def sites(seo, tmp_path_factory):
    return {
        order: build_site(tmp_path_factory.mktemp(order), {"pier.md": PIER}, PLUGINS=plugins, **SEO)
        for order, plugins in ORDERS.items()
    }


def jsonld(soup: BeautifulSoup) -> list[dict]:
    return [json.loads(script.string) for script in soup.head.find_all("script", type="application/ld+json")]


def describes_the_article(data: dict) -> bool:
    return data.get("@type") in ("Article", "BlogPosting") or data.get("@type", "").endswith("NewsArticle")


@pytest.mark.parametrize("order", ORDERS)
def test_one_description_of_the_article_per_page(sites, order):
    head = sites[order].soup("pier-approved.html")
    articles = [data for data in jsonld(head) if describes_the_article(data)]
    assert len(articles) == 1
    (article,) = articles
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Pier approved"
    assert article["dateline"] == "NORTHPORT (Northwind Wire)"
    assert {"@type": "CreativeWork", "name": "Harbour Wire", "url": "https://harbour-wire.example/pier"} in (
        article["citation"]
    )


@pytest.mark.parametrize("order", ORDERS)
def test_the_rest_of_what_pelican_seo_writes_stays(sites, order):
    soup = sites[order].soup("pier-approved.html")
    assert soup.head.find("link", rel="canonical")["href"] == "https://news.example/pier-approved.html"
    assert [data["@type"] for data in jsonld(soup) if not describes_the_article(data)] == ["BreadcrumbList"]
    assert soup.head.find("meta", property="og:title")["content"] == "Pier approved"
    assert soup.head.find("meta", property="og:type")["content"] == "article"


def test_without_the_plugins_json_ld_pelican_seos_article_stays(seo, tmp_path):
    site = build_site(tmp_path, {"pier.md": PIER}, PLUGINS=ORDERS["chronicles-first"], CHRONICLES_JSONLD=False, **SEO)
    articles = [data for data in jsonld(site.soup("pier-approved.html")) if describes_the_article(data)]
    assert [(data["@type"], data["headline"]) for data in articles] == [("Article", "Pier approved")]


def test_the_build_says_so_once(seo, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="pelican_chronicles")
    build_site(tmp_path, {"pier.md": PIER}, PLUGINS=ORDERS["seo-first"], **SEO)
    said = [r for r in caplog.records if r.name.startswith("pelican_chronicles") and "pelican-seo" in r.getMessage()]
    assert [(r.levelno, r.getMessage()) for r in said] == [(
        logging.INFO,
        "pelican_chronicles: pelican-seo's Article JSON-LD is taken out of the article pages,"
        " which carry the NewsArticle (CHRONICLES_JSONLD)",
    )]


def test_the_demo_builds_beside_pelican_seo_without_warnings(seo, tmp_path):
    output = tmp_path / "output"
    extra = {
        "PLUGINS": ORDERS["seo-first"], "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
        "SITEURL": "https://chronicle-demo.example", "SEO_ENHANCER": True, "SEO_ENHANCER_OPEN_GRAPH": True,
        "SEO_REPORT": False,
    }
    command = [sys.executable, "-m", "pelican", "-s", str(DEMO), "-o", str(output), "--fatal", "warnings",
               "-e", *(f"{name}={json.dumps(value)}" for name, value in extra.items())]
    # This working tree's package, whatever an installed copy says.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    pages = [path for path in output.rglob("*.html") if "NewsArticle" in path.read_text(encoding="utf-8")]
    assert pages and (output / "robots.txt").exists()  # pelican-seo's
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        articles = [data for data in jsonld(soup) if describes_the_article(data)]
        assert len(articles) == 1 and articles[0]["@type"].endswith("NewsArticle"), path
        assert soup.head.find("link", rel="canonical") is not None, path


# --- the function that takes the other description out ---------------------------

OURS = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier"}</script>'
THEIRS = '<script type="application/ld+json">{"@type": "Article", "headline": "Pier"}</script>'
UNQUOTED = '<script type=application/ld+json>{"@type": "Article", "headline": "Pier"}</script>'
CRUMBS = '<script type="application/ld+json">{"@type": "BreadcrumbList"}</script>'


@pytest.mark.parametrize(("page", "expected"), [
    (  # pelican-seo's Article goes, its breadcrumbs stay
        f"<html><head><title>Pier</title>{OURS}{CRUMBS}{THEIRS}</head><body></body></html>",
        f"<html><head><title>Pier</title>{OURS}{CRUMBS}</head><body></body></html>",
    ),
    (  # written before the NewsArticle, its type unquoted
        f"<head>{UNQUOTED}{OURS}</head>",
        f"<head>{OURS}</head>",
    ),
    (  # a subtype of Article, a list of types
        f'<head>{OURS}<script type="application/ld+json">{{"@type": ["BlogPosting"]}}</script></head>',
        f"<head>{OURS}</head>",
    ),
])
def test_the_other_description_of_the_article_is_taken_out(page, expected):
    assert without_other_articles(page) == expected


@pytest.mark.parametrize("page", [
    f"<head>{CRUMBS}{THEIRS}</head>",  # no NewsArticle of the plugin's: its Article is the one description
    f"<head>{OURS}{CRUMBS}</head>",  # nothing else describes the article
    f"<head>{OURS}</head><body>{THEIRS}</body>",  # in the body, not the head
    f"<head><title>{THEIRS}</title>{OURS}</head>",  # text of the title
    f"<head>{OURS}<!-- {THEIRS} --></head>",  # a comment
    f'<head>{OURS}<script type="application/ld+json">{{"@type": "Article",</script></head>',  # not JSON
    f'<head>{OURS}<script>{{"@type": "Article"}}</script></head>',  # not JSON-LD
])
def test_the_rest_is_left_as_it_is(page):
    assert without_other_articles(page) is None
