"""An Arabic post on an English site reads right to left in every theme,
the author's own paragraphs included, with no template changed (SPEC 14):
Pelican's notmyidea and the Flex- and Elegant-shaped test themes, in
Debian's Chromium (tests/browsing.py)."""

from __future__ import annotations

import os

import pytest

from browsing import CHROMIUM, page_opener, served
from test_themes import theme_path

pytestmark = pytest.mark.browser

pytest.importorskip("playwright.sync_api")
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

POSTS = {
    "forum-ar.md": """
    Title: منتدى المياه في فالمورا
    Slug: water-forum
    Lang: ar
    Date: 2026-08-10 09:00

    القاهرة (وكالة الشمال) - افتتح منتدى المياه صباح اليوم بحضور ممثلين عن المدن الثلاث.

    يرى الكاتب أن الاتفاق خطوة أولى، وأن التنفيذ هو الاختبار الحقيقي.
    """,
    "port.md": """
    Title: The port reopens
    Date: 2026-08-09 09:00

    The port reopened on Monday.
    """,
}

# The computed direction of the paragraph holding ``text`` (the first
# paragraph whose words contain it), and the side its lines start on.
DIRECTION = """text => {
  const p = [...document.querySelectorAll('p')].find(el => el.textContent.includes(text));
  return p ? getComputedStyle(p).direction : null;
}"""
ALIGNED = """text => {
  const p = [...document.querySelectorAll('p')].find(el => el.textContent.includes(text));
  const align = getComputedStyle(p).textAlign;
  return align === 'start' ? getComputedStyle(p).direction : align;
}"""


@pytest.mark.parametrize("theme", ["notmyidea", "flexlike", "elegantlike"])
def test_the_authors_paragraphs_of_an_arabic_post_read_right_to_left(theme, browser, shared_build):
    site = shared_build(POSTS, THEME=theme_path(theme), DEFAULT_LANG="en")
    with served(site.output) as base, page_opener(browser, base) as open_page:
        page, errors = open_page("water-forum-ar.html")
        assert page.evaluate(DIRECTION, "يرى الكاتب أن الاتفاق") == "rtl"  # the author's own paragraph
        assert page.evaluate(DIRECTION, "افتتح منتدى المياه") == "rtl"  # the dateline's paragraph
        # its lines start on the right, whatever the theme's body says
        assert page.evaluate(ALIGNED, "يرى الكاتب أن الاتفاق") in ("rtl", "right")
        english, _ = open_page("the-port-reopens.html")
        assert english.evaluate(DIRECTION, "The port reopened") == "ltr"
        assert errors == []
