"""What the plugin adds to a page's ``<head>`` goes at the real end of the
head, as a browser reads the page, and only into HTML documents (SPEC 14).

A ``</head>`` in a meta description, a ``<title>``, a comment, an attribute
or a script of the head is text there, not the end of the head; a template
page that is not HTML (OPML, XHTML, XSL, JSON) is written as its template
renders it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from conftest import build_site
from pelican_chronicles.site.head import PageHead

FEED = "feeds/updates.atom.xml"

POST = """\
    Title: {title}
    Date: 2024-06-19 09:00
    Countries: FR

    {first}

    The talks resumed on Monday.
    """


def post(title: str = "Harbour talks resume", first: str = "The harbour board met its partners.") -> dict[str, str]:
    return {"post.md": POST.format(title=title, first=first)}


def write_theme(root: Path, base: str) -> str:
    """A theme of one template, base.html, that every page extends
    (Pelican's simple theme gives the others)."""
    templates = root / "theme" / "templates"
    templates.mkdir(parents=True)
    (templates / "base.html").write_text(base, encoding="utf-8")
    return str(templates.parent)


def parsed(html: str) -> BeautifulSoup:
    """The page as a browser reads it: html5lib follows the HTML standard's
    parsing, where Python's html.parser ends the head at a ``</head>``
    inside ``<title>``."""
    return BeautifulSoup(html, "html5lib")


def assert_head_complete(page: BeautifulSoup) -> None:
    """The page's head holds the stylesheet, the updates feed's link and the
    NewsArticle JSON-LD, each once, as elements of the head."""
    head = page.head
    assert len(head.select('link[rel="stylesheet"][href$="chronicles/chronicles.css"]')) == 1, head
    assert len(head.select(f'link[rel="alternate"][href$="{FEED}"]')) == 1, head
    scripts = [s for s in head.select('script[type="application/ld+json"]') if '"NewsArticle"' in (s.string or "")]
    assert len(scripts) == 1, head


# --- the author's text in the theme's head -------------------------------------------


def test_a_first_paragraph_mentioning_the_end_of_the_head_stays_in_the_meta_description(tmp_path):
    # notmyidea writes the summary, tags stripped (so "&lt;" is "<" again), into
    # <meta name="description" content="...">.
    site = build_site(tmp_path, post(first="Where `</head>` goes in a page."), THEME="notmyidea")
    page = parsed(site.text("harbour-talks-resume.html"))
    assert_head_complete(page)
    description = page.head.select_one('meta[name="description"]')["content"]
    assert description.startswith("Where </head> goes in a page.")
    assert "chronicles" not in description


@pytest.mark.parametrize("theme, shown", [
    ("notmyidea", "Where </head> goes"),
    ("simple", "Chronicle Test - Where </head> goes"),
])
def test_a_title_mentioning_the_end_of_the_head_stays_in_the_title(tmp_path, theme, shown):
    # Themes write {{ article.title|striptags }}, which turns "&lt;/head&gt;" into "</head>".
    site = build_site(tmp_path, post(title="Where &lt;/head&gt; goes"), THEME=theme)
    page = parsed(site.text("where-head-goes.html"))
    assert_head_complete(page)
    assert " ".join(page.head.title.get_text().split()) == shown


# --- the theme's own head ---------------------------------------------------------------

HEAD = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{% block title %}{{ SITENAME }}{% endblock %}</title>
HOSTILE
</head><body>{% block content %}{% endblock %}</body></html>"""


@pytest.mark.parametrize("hostile", [
    "<!-- the plugin's links go before </head> -->",
    '<script>var marker = "</head>";</script>',
    "<style>/* </head> */ body { margin: 0 }</style>",
    '<meta name="note" content="</head>">',
    "<meta name='note' content='a > b </head>'>",
])
def test_an_end_of_head_in_the_themes_head_is_left_where_it_is(tmp_path, hostile):
    theme = write_theme(tmp_path, HEAD.replace("HOSTILE", hostile))
    site = build_site(tmp_path, post(), THEME=theme)
    html = site.text("harbour-talks-resume.html")
    assert hostile in html
    assert_head_complete(parsed(html))
    assert html.index("chronicles/chronicles.css") > html.index(hostile)


def test_a_page_whose_head_ends_at_its_body_gets_nothing_and_one_warning(tmp_path, chronicles_warnings):
    """A ``</head>`` after ``<body>`` is not the end of the head: the page is
    left as its template wrote it, as a page without ``</head>`` is."""
    theme = write_theme(tmp_path, """<!DOCTYPE html><html><title>{{ SITENAME }}</title>
<body><textarea></head></textarea>{% block content %}{% endblock %}</body></html>""")
    site = build_site(tmp_path, post(), THEME=theme)
    html = site.text("harbour-talks-resume.html")
    assert "<textarea></head></textarea>" in html
    assert "chronicles.css" not in html and FEED not in html
    assert any("without </head>" in warning and '"article.html"' in warning for warning in chronicles_warnings())


# --- template pages that are not HTML ------------------------------------------------

NOT_HTML = {
    "feeds.opml": """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Wire feeds</title></head>
<body><outline text="Updates" type="rss" xmlUrl="/feeds/updates.atom.xml"/></body></opml>""",
    "page.xhtml": """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Desk</title></head><body><p>Desk</p></body></html>""",
    "feed.xsl": """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:template match="/"><html><head><title>Feed</title></head><body><xsl:apply-templates/></body></html></xsl:template>
</xsl:stylesheet>""",
    "snippets.json": '{"head": "<head><title>Desk</title></head>", "site": "{{ SITENAME }}"}',
}
AN_HTML_PAGE = "<!DOCTYPE html><html><head><title>Desk</title></head><body><p>Desk</p></body></html>"


@pytest.fixture(scope="module")
def template_pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("template-pages")
    pages = {**NOT_HTML, "desk.html": AN_HTML_PAGE}
    for name, text in pages.items():
        (root / "content" / "extra").mkdir(parents=True, exist_ok=True)
        (root / "content" / "extra" / name).write_text(text, encoding="utf-8")
    return build_site(root, post(), TEMPLATE_PAGES={f"extra/{name}": name for name in pages})


@pytest.mark.parametrize("name", sorted(NOT_HTML))
def test_a_template_page_that_is_not_html_is_written_as_rendered(template_pages, name):
    expected = NOT_HTML[name].replace("{{ SITENAME }}", "Chronicle Test")
    assert template_pages.text(name) == expected


def test_an_html_template_page_gets_the_feed_link(template_pages):
    head = template_pages.soup("desk.html").head
    assert len(head.select(f'link[rel="alternate"][href$="{FEED}"]')) == 1


# --- the page as its template's chunks ------------------------------------------------

PAGE = (
    '<!DOCTYPE html><html><head><title>Where </head> goes</title>'
    '<meta name="description" content="Where </head> goes">'
    "<!-- </head> --><script>var s = '</head>';</script>"
    '<link rel="stylesheet" href="/theme/css/main.css"></head>'
    '<body><p class="chronicles-note">Text.</p></body></html>'
)
COMPLETED = PAGE.replace(
    "</head><body>",
    '<link rel="stylesheet" href="/theme/chronicles/chronicles.css">\n'
    '<link rel="alternate" type="application/atom+xml" href="/feeds/updates.atom.xml" title="Updates">\n'
    "</head><body>",
)


def page_head() -> PageHead:
    return PageHead(stylesheet="theme/chronicles/chronicles.css", stylesheet_is_own=False,
                    feed=FEED, feed_domain="", feed_title="Updates", jsonld=True, site_url="")


def complete(chunks: list[str], output_file: str = "page.html") -> str:
    return page_head().complete(chunks, {"SITEURL": "", "output_file": output_file}, "page.html")


def test_the_additions_go_before_the_heads_own_end_tag():
    assert complete([PAGE]) == COMPLETED


@given(st.lists(st.integers(min_value=0, max_value=PAGE.index("<body>")), max_size=12))
def test_where_the_template_cut_the_page_into_chunks_does_not_matter(cuts):
    # anywhere in the head: a template writes an element's class in one piece
    cuts = sorted(cuts)
    chunks = [PAGE[start:end] for start, end in zip([0, *cuts], [*cuts, len(PAGE)])]
    assert complete(chunks) == COMPLETED


def test_a_head_written_one_character_at_a_time():
    head, body = PAGE.split("<body>")
    assert complete([*head, "<body>" + body]) == COMPLETED


@pytest.mark.parametrize("output_file", ["page.HTML", "archive/index.htm"])
def test_html_files_are_told_by_their_extension_in_any_case(output_file):
    assert complete([PAGE], output_file) == COMPLETED


@pytest.mark.parametrize("output_file", ["feeds.opml", "page.xhtml", "feed.xsl", "data.json", ""])
def test_other_files_are_left_as_rendered(output_file):
    assert complete([PAGE], output_file) == PAGE


FEED_LINK = '<link rel="alternate" type="application/atom+xml" href="/feeds/updates.atom.xml" title="Updates">\n'


@pytest.mark.parametrize("page, completed", [
    # the end tag in any case, with spaces or attributes
    ("<html><head><title>T</title></HEAD >", f"<html><head><title>T</title>{FEED_LINK}</HEAD >"),
    ('<head></head foo=">"><body>', f'<head>{FEED_LINK}</head foo=">"><body>'),
    # text of the head's elements, up to their own end tag
    ("<head><title>a</head></TITLE></head>", f"<head><title>a</head></TITLE>{FEED_LINK}</head>"),
    ("<head><textarea></head></textarea></head>", f"<head><textarea></head></textarea>{FEED_LINK}</head>"),
    ("<head><script></head></scripts></script></head>",
     f"<head><script></head></scripts></script>{FEED_LINK}</head>"),
    ("<head><noscript></head></noscript></head>", f"<head><noscript></head></noscript>{FEED_LINK}</head>"),
    # comments, a doctype, a processing instruction, "</>"
    ("<!-- </head> --><head></head>", f"<!-- </head> --><head>{FEED_LINK}</head>"),
    ("<head><!-- a -- </head> --!></head>", f"<head><!-- a -- </head> --!>{FEED_LINK}</head>"),
    ("<head><!--></head>", f"<head><!-->{FEED_LINK}</head>"),
    ('<!DOCTYPE html SYSTEM "</head>"><head></head>', f'<!DOCTYPE html SYSTEM "</head>"><head>{FEED_LINK}</head>'),
    ('<?xml version="1.0"?><head></></head>', f'<?xml version="1.0"?><head></>{FEED_LINK}</head>'),
    # attribute values, quoted or not
    ("<head><meta content='</head>' a=\"</head>\"></head>",
     f"<head><meta content='</head>' a=\"</head>\">{FEED_LINK}</head>"),
    ("<head><meta content=a\"</head>\"></head>", f"<head><meta content=a\"</head>\">{FEED_LINK}</head>"),
    # a "<" that starts no tag is text
    ("<head><title>1 < 2</title>< /head></head>", f"<head><title>1 < 2</title>< /head>{FEED_LINK}</head>"),
    # the head is over once the body starts, or the page ends
    ("<head><title>T</title><body><p></head></p>", "<head><title>T</title><body><p></head></p>"),
    ("<head><title>T</head>", "<head><title>T</head>"),
    ("<head><!-- </head>", "<head><!-- </head>"),
])
def test_the_end_of_the_head_as_a_browser_reads_it(page, completed):
    assert complete([page]) == completed
