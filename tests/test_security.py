"""Hostile metadata and links (SPEC 11): no live markup, no unsafe URL in
``href`` or ``cite``, a JSON-LD script nothing can close, and a warning
naming the file and quoting the text for each thing the plugin dropped."""

from __future__ import annotations

import json

import pytest

from conftest import normalize, render
from pelican_chronicles.jsonld import script_tag

UNSAFE = 'hostile.md: unsafe URL in Sources (only http, https, mailto and relative links are kept): "{}"'
MARKUP = 'hostile.md: HTML in a source name is shown as text: "{}"'

HOSTILE = """\
Title: Harbour talks </script><script>alert(1)</script> resume
Date: 2024-06-19
Sources: Wire <javascript:alert(1)>; Daily <DATA:text/html;base64,PGI+>; <b>Harbour</b>; Radio </script>; [Ledger](  VBScript:msgbox(1)); Port Authority <https://port.example/notice>
Countries: FR, DEU, Japan, Atlantis

The harbour board met on Tuesday.
"""

PAGE = "harbour-talks-alert1-resume.html"
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


@pytest.fixture
def hostile(build, chronicles_warnings):
    site = build({"hostile.md": HOSTILE}, SITEURL="https://news.example")
    return site, chronicles_warnings()


def test_each_dropped_thing_is_a_warning_naming_the_file_and_quoting_it(hostile):
    _site, warnings = hostile
    assert warnings == [
        UNSAFE.format("javascript:alert(1)"),
        UNSAFE.format("DATA:text/html;base64,PGI+"),
        MARKUP.format("<b>Harbour</b>"),
        MARKUP.format("Radio </script>"),
        UNSAFE.format("VBScript:msgbox(1)"),
        'hostile.md: unknown country in Countries: "Atlantis"',
    ]


def test_the_sources_list_holds_text_and_safe_links_only(hostile):
    site, _ = hostile
    aside = site.soup(PAGE).find("aside", class_="chronicles-sources")
    assert [li.find(class_="chronicles-source").get_text() for li in aside.find_all("li")] == [
        "Wire", "Daily", "<b>Harbour</b>", "Radio </script>", "Ledger", "Port Authority",
    ]
    assert [a["href"] for a in aside.select("a.chronicles-source-home")] == ["https://port.example/notice"]
    # each name links to the source's page on the site
    assert all(a["href"].startswith("https://news.example/sources/") for a in aside.select("a.chronicles-source"))
    assert aside.find_all(["b", "script"]) == []


def test_no_unsafe_url_and_no_injected_element_on_any_page(hostile):
    site, _ = hostile
    pages = sorted(site.output.rglob("*.html"))
    assert pages
    for page in pages:
        soup = site.soup(str(page.relative_to(site.output)))
        for el in soup.find_all(True):
            for attr in ("href", "src", "cite", "action"):
                value = "".join(el.get(attr, "").split()).lower()
                assert not value.startswith(UNSAFE_SCHEMES), (page.name, el)
        # The source names' <b> never becomes an element (the title has none).
        assert soup.find_all("b") == [], page.name


def test_the_jsonld_cannot_be_closed_by_a_title_or_a_source_name(hostile):
    site, _ = hostile
    html = site.text(PAGE)
    start = html.index('<script type="application/ld+json">')
    end = html.index("</script>", start)
    data = json.loads(html[start + len('<script type="application/ld+json">') : end])
    assert data["headline"] == "Harbour talks alert(1) resume"
    assert [c["name"] for c in data["citation"]] == [
        "Wire", "Daily", "<b>Harbour</b>", "Radio </script>", "Ledger", "Port Authority",
    ]
    assert [c.get("url") for c in data["citation"]] == [None] * 5 + ["https://port.example/notice"]
    assert [c["identifier"] for c in data["contentLocation"]] == ["FR", "DE", "JP"]


def test_html_in_a_title_is_text_on_the_plugins_pages(build):
    site = build(
        {"pier.md": "Title: Harbour <b>talks</b> resume\nDate: 2024-06-19\nSources: Harbour Daily\n\n"
                    "The board met.\n\nQ: Fees?\n\n💬 Dana Ortiz: From 5 &lt; 6 &amp; up, said `<i>`.\n\n"
                    "UPDATE (2024-06-20): The vote moved `<b>`."},
        SITEURL="https://news.example",
    )
    for page in ("archives.html", "updates/index.html", "sources/harbour-daily.html", "speakers/dana-ortiz.html"):
        soup = site.soup(page)
        assert soup.find_all(["b", "i"]) == [], page
        assert "Harbour talks resume" in soup.get_text(), page
    assert "From 5 < 6 & up, said <i>." in site.soup("speakers/dana-ortiz.html").get_text()
    assert "The vote moved <b>." in site.soup("updates/index.html").get_text()
    script = site.soup("harbour-talks-resume.html").find("script", type="application/ld+json")
    assert json.loads(script.string)["headline"] == "Harbour talks resume"


def test_a_clean_post_logs_nothing(build, chronicles_warnings):
    build({"calm.md": "Title: Calm\nDate: 2024-06-19\nSources: Harbour Daily <https://daily.example/>\n"
                      "Countries: FR, DEU, Japan\n\nThe board met."})
    assert chronicles_warnings() == []


@pytest.mark.parametrize(
    "field",
    [
        "</script><script>alert(1)</script>",
        "</SCRIPT >",
        "<!--<script>",
        "\u2028\u2029",
        "&lt;/script&gt;",
    ],
)
def test_script_tag_escapes_what_could_end_it(field):
    tag = str(script_tag({"headline": field}))
    body = tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not any(c in body for c in "<>&\u2028\u2029")
    assert json.loads(body) == {"headline": field}


def test_sources_list_in_markdown_alone():
    html = render("Sources: [Wire](javascript:alert(1)); <i>Harbour</i>\n\nThe board met.", meta=True)
    assert normalize(html) == (
        "<p>The board met.</p>"
        '<aside aria-labelledby="chronicles-sources-title" class="chronicles-sources">'
        '<p class="chronicles-sources-title" id="chronicles-sources-title">Sources</p>'
        "<ul><li>Wire</li><li>&lt;i&gt;Harbour&lt;/i&gt;</li></ul></aside>"
    )


# --- addresses written without a scheme ---------------------------------------------

SCHEMELESS = """\
Title: Harbour talks resume
Date: 2024-06-19
Sources: Yonhap <yonhap.co.kr>; Board minutes <minutes.html>

> The talks go on tomorrow.
>
> — A. Delegate, [Foreign Ministry](www.mid.ru/en/press), spokesperson

The [board's notice](port.example/notice) came later.
"""


def test_a_host_name_without_a_scheme_is_linked_as_https(build, chronicles_warnings):
    site = build({"talks.md": SCHEMELESS}, SITEURL="https://news.example")
    page = site.soup("harbour-talks-resume.html")
    homes = [a["href"] for a in page.select("aside.chronicles-sources a.chronicles-source-home")]
    assert homes == ["https://yonhap.co.kr", "minutes.html", "https://www.mid.ru/en/press"]
    figure = page.select_one("figure.chronicles-quote")
    assert figure.blockquote["cite"] == "https://www.mid.ru/en/press"
    assert figure.select_one("cite a")["href"] == "https://www.mid.ru/en/press"
    # the author's own link in the text stays as written
    assert page.find("a", string="board's notice")["href"] == "port.example/notice"
    [data] = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    cited = {work["name"]: work.get("url") for work in data["citation"]}
    assert cited["Yonhap"] == "https://yonhap.co.kr"
    assert cited["Foreign Ministry"] == "https://www.mid.ru/en/press"
    assert chronicles_warnings() == []  # a normal input: pelican-chronicles check tells it
