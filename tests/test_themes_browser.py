"""The demo site in themes, in a real browser (SPEC 14): Reflex, the
Flex- and Elegant-shaped test themes (tests/themes/flexlike,
tests/themes/elegantlike) and Pelican's notmyidea, at 1280 and 390 px.
Where a theme styles bare elements (Reflex makes every ``aside`` a fixed
sidebar, Elegant gives every ``input`` a width), the plugin's sources box
and quote figures stay in the article's column and its filter box keeps a
usable width; beside a floated post info (notmyidea) the update log keeps
most of the column; the archive gets the chronicles look; nothing fails in
the console. Debian's Chromium, as tests/test_browser.py drives it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browsing import CHROMIUM, page_opener, screenshot, served
from test_themes import article_pages, demo_settings

pytestmark = pytest.mark.browser

pytest.importorskip("playwright.sync_api")
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

WIDTHS = [1280, 390]


@pytest.fixture(scope="module", params=["reflex", "flexlike", "notmyidea", "elegantlike"])
def site(request, demo_site):
    """(theme, output, base URL) of the demo built in the theme (the build
    tests/test_themes.py reads) and served."""
    output = demo_site(**demo_settings(request.param)).output
    with served(output) as url:
        yield request.param, output, url


@pytest.fixture
def open_page(browser, site):
    """``browser`` is the session's Chromium (tests/conftest.py)."""
    """``open_page(path, width)`` -> (page, errors), as in tests/browsing.py."""
    _theme, _output, base = site
    with page_opener(browser, base) as open_page:
        yield open_page


def post_with_quotes_and_sources(output: Path) -> str:
    """The demo's post with a quote, countries and sources that shows the
    most conventions besides."""
    needed = ('class="chronicles-quote', 'class="chronicles-sources', 'class="chronicles-countries')
    extras = ('class="chronicles-transcript', 'class="chronicles-update-log', 'class="chronicles-dateline')
    found = []
    for path in article_pages(output):
        text = path.read_text(encoding="utf-8")
        if all(part in text for part in needed):
            found.append((-sum(part in text for part in extras), path.relative_to(output).as_posix()))
    if not found:
        pytest.fail("the demo has no post with a quote, sources and countries")
    return min(found)[1]


# The box of every element matching a selector, and of the article column
# they belong in (the nearest <article>, else the element's parent), and the
# element's computed position.
BOXES = """selector => [...document.querySelectorAll(selector)].map(el => {
  const column = el.closest('article') || el.parentElement;
  const box = el.getBoundingClientRect(), outer = column.getBoundingClientRect();
  return {box: [box.left, box.right, box.top, box.bottom], column: [outer.left, outer.right],
          position: getComputedStyle(el).position, width: box.width};
})"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_sources_box_and_quotes_stay_in_the_article_column(open_page, site, width):
    _theme, output, _ = site
    page, errors = open_page(post_with_quotes_and_sources(output), width)
    found = page.evaluate(BOXES, "aside.chronicles-sources, aside.chronicles-countries, figure.chronicles-quote")
    assert len(found) >= 3
    for item in found:
        left, right, _top, _bottom = item["box"]
        assert item["position"] == "static", item
        assert item["column"][0] - 1 <= left and right <= item["column"][1] + 1, item
        assert item["width"] > 200, item
    # nothing of the plugin's lies under the theme's own sidebar, where it has one
    sidebar = page.evaluate("""() => { const a = [...document.querySelectorAll('aside')]
        .find(el => !el.className.startsWith('chronicles-') && getComputedStyle(el).position === 'fixed');
        return a ? a.getBoundingClientRect().right : null; }""")
    if sidebar is not None:
        assert all(item["box"][0] >= sidebar - 1 for item in found), (sidebar, found)
    assert errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_update_log_keeps_its_own_alignment_and_case(open_page, site, width):
    _theme, output, _ = site
    path = next(
        p.relative_to(output).as_posix() for p in article_pages(output)
        if 'class="chronicles-update-log' in p.read_text(encoding="utf-8")
    )
    page, errors = open_page(path, width)
    style = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.chronicles-update-log'));
        return [s.textAlign, s.textTransform, parseFloat(s.fontSize)]; }""")
    assert style[0] in ("start", "left") and style[1] == "none" and style[2] > 10, style
    assert errors == []


def updated_post(output: Path) -> str:
    return next(
        p.relative_to(output).as_posix() for p in article_pages(output)
        if 'class="chronicles-update-log' in p.read_text(encoding="utf-8")
    )


# The update log's width and its column's (its parent's content box), and
# how many lines each date of the log and of the notes' labels takes.
LOG_LAYOUT = """() => {
  const log = document.querySelector('.chronicles-update-log');
  const column = log.parentElement, style = getComputedStyle(column);
  const inner = column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const dates = [...document.querySelectorAll('.chronicles-update-log time, .chronicles-note-label time')];
  return {log: log.getBoundingClientRect().width, column: inner,
          lines: dates.map(t => [t.textContent, t.getClientRects().length])};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_update_log_has_most_of_the_column_and_dates_stay_whole(open_page, site, width):
    """In notmyidea the post info floats beside the top of the post: at
    390 px the log goes under it rather than into a sliver beside it."""
    _theme, output, _ = site
    page, errors = open_page(updated_post(output), width)
    layout = page.evaluate(LOG_LAYOUT)
    if width < 600:
        assert layout["log"] >= 0.9 * layout["column"], layout
    else:
        assert layout["log"] >= 280, layout
    assert layout["lines"] and all(lines == 1 for _text, lines in layout["lines"]), layout
    assert errors == []


def test_a_note_label_is_one_colour(open_page, site):
    _theme, output, _ = site
    page, _ = open_page(updated_post(output), 1280)
    colours = page.evaluate("""() => [...document.querySelectorAll('.chronicles-note-label')].map(label =>
        [getComputedStyle(label).color, ...[...label.querySelectorAll('*')].map(el => getComputedStyle(el).color)])""")
    assert colours
    for label in colours:
        assert len(set(label)) == 1, label


@pytest.mark.parametrize("width", WIDTHS)
def test_the_archive_has_the_chronicles_look(open_page, width):
    page, errors = open_page("archives.html", width)
    # set by chronicles.css only: the accent rule on top of the archive's sheet
    border = page.evaluate(
        "() => getComputedStyle(document.querySelector('.chronicles-archive')).borderTopWidth"
    )
    assert border == "6px"
    assert page.evaluate("() => getComputedStyle(document.querySelector('.chronicles-rail')).textAlign") in ("start", "left")
    # the filter script ran and works in the theme, its box wide enough to
    # type in whatever the theme's rule on inputs (Elegant: a fixed width)
    field = page.get_by_label("Filter posts")
    box = field.evaluate("""el => { const s = getComputedStyle(el);
        return {width: el.getBoundingClientRect().width, font: parseFloat(s.fontSize),
                inner: el.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)}; }""")
    assert box["width"] >= 200 and box["inner"] >= 1.2 * box["font"], box
    total = page.locator(".chronicles-entry").count()
    field.fill("no post says zqxj")
    assert page.locator(".chronicles-entry:visible").count() == 0
    field.fill("")
    assert page.locator(".chronicles-entry:visible").count() == total
    overflow = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert overflow[0] <= overflow[1], overflow
    assert errors == []


def test_screenshots(open_page, site, tmp_path):
    """The demo in Reflex, for the README. They go to a temporary directory;
    to refresh them run ``CHRONICLES_SCREENSHOTS=docs/screenshots python -m
    pytest tests/test_themes_browser.py -k screenshots``."""
    theme, output, _ = site
    if theme != "reflex":
        pytest.skip("the README shows Reflex")
    target = Path(os.environ.get("CHRONICLES_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    post = post_with_quotes_and_sources(output)
    shots = {
        "reflex-archive.png": ("archives.html", 1280, False, ".chronicles-archive"),
        "reflex-post.png": (post, 1280, True, ".chronicles-quote"),
        "reflex-post-narrow.png": (post, 390, True, ".chronicles-quote"),
    }
    for name, (path, width, full, shows) in shots.items():
        page, _ = open_page(path, width)
        screenshot(page, target / name, shows, full_page=full)
