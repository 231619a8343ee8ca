"""A post in another language than the site's reads in its own direction
in every theme (SPEC 14): the extension gives the post's content one
element with its ``lang`` and ``dir``, so that the author's paragraphs, not
only what the plugin makes, read right to left in an English theme. Tags
are BCP 47 (SPEC 15)."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import convert, normalize

ARABIC = """\
Title: منتدى المياه
Lang: ar
Slug: water-forum
Date: 2026-08-10

القاهرة (وكالة الشمال) - افتتح المنتدى صباح اليوم.

يرى الكاتب أن الاتفاق خطوة أولى.

تحديث: وصل رد الوزارة.
"""


def post(lang: str, body: str = "The council met on Monday.\n\nUPDATE: The vote moved.") -> str:
    return f"Title: T\nLang: {lang}\nDate: 2024-06-19\n\n{body}\n"


def wrapper(html: str):
    """The one element around the content, else None."""
    soup = BeautifulSoup(html, "html.parser")
    children = [c for c in soup.contents if c.name or c.strip()]
    if len(children) == 1 and children[0].name == "div" and "lang" in children[0].attrs:
        return children[0]
    return None


def test_an_arabic_post_on_an_english_site_is_wrapped_with_its_language_and_direction():
    html, chronicle = convert(ARABIC, meta=True, lang="en", update_log=False)
    assert normalize(html) == normalize(
        '<div class="chronicles-content" dir="rtl" lang="ar">'
        '<p><span class="chronicles-dateline"><span class="chronicles-dateline-place">القاهرة</span>'
        ' (<span class="chronicles-source">وكالة الشمال</span>) -</span> افتتح المنتدى صباح اليوم.</p>'
        "<p>يرى الكاتب أن الاتفاق خطوة أولى.</p>"
        '<section aria-labelledby="update-1-label" class="chronicles-note chronicles-update" id="update-1">'
        '<p class="chronicles-note-label" id="update-1-label">تحديث</p><p>وصل رد الوزارة.</p></section>'
        '<aside aria-labelledby="chronicles-sources-title" class="chronicles-sources">'
        '<p class="chronicles-sources-title" id="chronicles-sources-title">المصادر</p>'
        "<ul><li>وكالة الشمال</li></ul></aside>"
        "</div>"
    )
    # the summary Pelican is handed keeps the direction too
    assert chronicle.summary.startswith('<div class="chronicles-content" dir="rtl" lang="ar">\n<p><span class="chronicles-dateline">')
    assert chronicle.summary.endswith("</div>")


def test_the_update_log_goes_inside_the_wrapper():
    html, _ = convert(ARABIC, meta=True, lang="en")
    div = wrapper(html)
    assert div is not None and div.find("nav", recursive=False)["class"] == ["chronicles-update-log"]


def test_a_post_in_the_sites_language_is_not_wrapped_and_its_markup_unchanged():
    for lang, site in (("en", "en"), ("ar", "ar"), ("pt_BR", "pt-BR"), ("ru", "ru")):
        html, _ = convert(post(lang), meta=True, lang=site)
        assert wrapper(html) is None, lang
        assert html == convert(post(lang), meta=True, lang=site.replace("-", "_"))[0]
    english, _ = convert(post("en"), meta=True, lang="en")
    assert english == convert(post("en"), meta=True)[0]
    assert "lang=" not in english and "dir=" not in english


def test_a_post_in_another_language_of_the_same_direction_is_wrapped_with_its_language():
    html, _ = convert(post("ru", "Заседание перенесли."), meta=True, lang="en")
    assert normalize(html) == normalize('<div class="chronicles-content" dir="ltr" lang="ru"><p>Заседание перенесли.</p></div>')


def test_an_english_post_on_an_arabic_site_reads_left_to_right():
    html, _ = convert(post("en", "The council met."), meta=True, lang="ar")
    assert normalize(html) == normalize('<div class="chronicles-content" dir="ltr" lang="en"><p>The council met.</p></div>')


def test_tags_are_bcp47():
    html, _ = convert(post("pt_BR", "O conselho reuniu-se."), meta=True, lang="en")
    assert wrapper(html).attrs == {"lang": "pt-BR", "dir": "ltr", "class": ["chronicles-content"]}
    html, _ = convert(post("zh_Hant_TW", "UPDATE: 會議延期。"), meta=True, update_log=False)
    assert BeautifulSoup(html, "html.parser").section["lang"] == "zh-Hant-TW"


def test_a_post_in_an_undetermined_language_takes_its_direction_from_its_letters():
    html, _ = convert(post("und", "نص."), meta=True, lang="en")
    assert wrapper(html).attrs == {"lang": "und", "dir": "auto", "class": ["chronicles-content"]}


def test_without_the_pages_language_nothing_is_wrapped():
    # The extension alone, told nothing of the page it writes for, marks
    # only what it makes.
    html, _ = convert(ARABIC, meta=True, update_log=False)
    assert wrapper(html) is None
    soup = BeautifulSoup(html, "html.parser")
    assert (soup.section["dir"], soup.section["lang"]) == ("rtl", "ar")
    assert "dir" not in soup.find("p", string="يرى الكاتب أن الاتفاق خطوة أولى.").attrs


# --- a real build ----------------------------------------------------------------------------


def test_the_arabic_post_its_summary_and_feed_entry_carry_the_direction(build):
    site = build(
        {"forum-ar.md": ARABIC, "port.md": "Title: Port\nDate: 2026-08-09\n\nThe port reopened."},
        SUMMARY_MAX_PARAGRAPHS=1,
    )
    post_page = site.soup("water-forum-ar.html")
    paragraph = post_page.find("p", string="يرى الكاتب أن الاتفاق خطوة أولى.")
    assert paragraph.find_parent("div", attrs={"dir": "rtl", "lang": "ar"}) is not None
    dateline = post_page.select_one(".chronicles-dateline").find_parent("p")
    assert dateline.find_parent("div", attrs={"dir": "rtl"}) is not None
    index = site.soup("index.html")
    summary = index.find(string=lambda s: "افتتح المنتدى" in s)
    assert summary.find_parent("div", attrs={"dir": "rtl", "lang": "ar"}) is not None
    english = site.soup("port.html").find("p", string="The port reopened.")
    assert english.find_parent(attrs={"dir": True}) is None
    feed = site.text("feeds/all.atom.xml")
    assert 'dir="rtl" lang="ar"' in feed or "dir=&quot;rtl&quot; lang=&quot;ar&quot;" in feed


def test_an_authors_own_summary_of_an_arabic_post_is_wrapped_too(build):
    own = ARABIC.replace("Lang: ar\n", "Lang: ar\nSummary: ملخص كتبه المؤلف.\n")
    # notmyidea shows the newest post whole on its index, the others' summaries
    site = build({"forum-ar.md": own, "port.md": "Title: Port\nDate: 2026-08-11\n\nThe port reopened."})
    summary = site.soup("index.html").find(string="ملخص كتبه المؤلف.")
    assert summary.find_parent("div", attrs={"class": "chronicles-content", "dir": "rtl", "lang": "ar"}) is not None
