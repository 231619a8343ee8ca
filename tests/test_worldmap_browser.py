"""The world map and the sparklines in a real browser (SPEC 16): Debian's
Chromium driven by Playwright, axe-core for accessibility. Run with
``pytest -m browser``.

The demo site is built into a temporary directory and served on 127.0.0.1.
Screenshots go to a temporary directory; to refresh the README's run
``CHRONICLES_SCREENSHOTS=docs/screenshots python -m pytest tests/test_worldmap_browser.py -k screenshots``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browsing import CHROMIUM, page_opener, screenshot, served
from test_themes import demo_settings

pytestmark = pytest.mark.browser

PAGES = {"countries": "countries/index.html", "archive": "archives.html"}

pytest.importorskip("playwright.sync_api")
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def demo(demo_site):
    """The demo in its own theme (notmyidea), built once per session."""
    return demo_site(**demo_settings("notmyidea")).output


@pytest.fixture(scope="module")
def server(demo):
    with served(demo) as url:
        yield url


@pytest.fixture
def open_page(browser, server):
    """Pages of the served demo in the session's Chromium (tests/conftest.py)."""
    with page_opener(browser, server) as open_page:
        yield open_page


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("which", sorted(PAGES))
def test_axe_finds_no_violation_in_the_map_its_list_and_the_rail(open_page, which, color_scheme):
    from axe_playwright_python.sync_playwright import Axe

    page, errors = open_page(PAGES[which], color_scheme=color_scheme)
    assert errors == []
    assert page.locator(".chronicles-map svg").count() == 1
    # The map, its text alternative and the rail; every impact counts.
    parts = [".chronicles-map", ".chronicles-facet-list", ".chronicles-by-country", ".chronicles-rail"]
    results = Axe().run(page, context={"include": [[s] for s in parts if page.locator(s).count()]})
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("which", sorted(PAGES))
def test_the_map_fits_without_horizontal_overflow(open_page, which, width):
    page, _ = open_page(PAGES[which], width=width)
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert scroll_width <= inner_width
    svg = page.locator(".chronicles-map svg").bounding_box()
    sheet = page.locator(".chronicles-page").bounding_box()
    assert sheet["x"] <= svg["x"] and svg["x"] + svg["width"] <= sheet["x"] + sheet["width"] + 0.5
    assert svg["width"] > min(300, width * 0.6) and svg["height"] > 100


def test_map_countries_are_links_in_the_tab_order_with_their_names(open_page):
    page, _ = open_page(PAGES["countries"])
    france = page.get_by_role("link", name="France: 5 posts")
    assert france.count() == 1
    france.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith("countries/fr.html")
    stroke = france.locator("path").evaluate("el => getComputedStyle(el).strokeWidth")
    assert stroke == "2px"  # the focused country is outlined
    france.click()
    page.wait_for_url("**/countries/fr.html")


def test_screenshots(open_page, tmp_path):
    target = Path(os.environ.get("CHRONICLES_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    for name, path in (("countries-map.png", PAGES["countries"]), ("archive-map.png", PAGES["archive"])):
        page, _ = open_page(path, width=1280)
        sheet = page.locator(".chronicles-page").bounding_box()
        clip = {"x": sheet["x"], "y": sheet["y"], "width": sheet["width"], "height": min(sheet["height"], 820)}
        screenshot(page, target / name, ".chronicles-map svg", clip=clip, full_page=True)
