"""The version history in a real browser (SPEC 17): a post's revisions open
from their summary line, and its history page passes axe, in light and dark,
left to right and right to left. Debian's Chromium through Playwright."""

from __future__ import annotations

import os

import pytest
from browsing import CHROMIUM, page_opener, served
from test_browser import serious_violations
from test_history import built, newsroom  # noqa: F401 - the repository fixture

pytestmark = pytest.mark.browser

pytest.importorskip("playwright.sync_api")
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(newsroom, tmp_path_factory):  # noqa: F811 - the fixture imported above
    repo, _ids = newsroom
    site, _warnings = built(repo, tmp_path_factory.mktemp("browsed") / "output", CHRONICLES_HISTORY=True)
    with served(site.output) as url:
        yield url


@pytest.fixture
def open_page(browser, server):
    with page_opener(browser, server) as opener:
        yield opener


def test_the_revisions_open_from_their_summary_line(open_page):
    page, errors = open_page("ferry.html")
    history = page.locator("details.chronicles-history")
    revisions = history.locator("ol.chronicles-revisions li")
    assert not revisions.first.is_visible()  # closed until a reader opens it
    history.locator("summary").click()
    assert revisions.count() == 3 and revisions.first.is_visible()
    assert revisions.first.inner_text().endswith("Fares corrected")
    assert errors == []


def test_a_revision_link_leads_to_its_section_of_the_history_page(open_page):
    page, errors = open_page("ferry.html")
    page.locator("details.chronicles-history summary").click()
    page.locator("ol.chronicles-revisions li a").nth(1).click()
    page.wait_for_load_state("load")
    address, _, anchor = page.url.partition("#")
    section = page.locator(f"section#{anchor}")
    assert address.endswith("/history/ferry.html")
    assert section.is_visible() and section.locator("del").inner_text().strip() == "nine"
    assert errors == []


def test_deleted_and_inserted_words_do_not_rest_on_colour_alone(open_page):
    page, _errors = open_page("history/ferry.html")
    lines = page.evaluate(
        "() => ['del', 'ins'].map(tag => getComputedStyle(document.querySelector('.chronicles-diff ' + tag))"
        ".textDecorationLine)"
    )
    assert lines == ["line-through", "underline"]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["history/ferry.html", "history/ar-ar.html", "ferry.html"])
def test_axe_finds_no_serious_violation(open_page, path, color_scheme):
    page, errors = open_page(path, color_scheme=color_scheme)
    if page.locator("details.chronicles-history").count():
        page.locator("details.chronicles-history summary").click()
    assert errors == []
    assert serious_violations(page, [".chronicles-history-page", ".chronicles-history"]) == []


def test_an_arabic_history_page_reads_right_to_left(open_page):
    page, _errors = open_page("history/ar-ar.html")
    direction = page.evaluate("() => getComputedStyle(document.querySelector('.chronicles-diff-hunk')).direction")
    assert direction == "rtl"
