"""Links the author writes in Markdown (SPEC 11)."""

import markdown
import pytest

from conftest import convert, normalize

from pelican_chronicles.syntax import ChroniclesExtension

UNSAFE = "unsafe link dropped (only http, https, mailto and relative links are kept)"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x"])
def test_an_unsafe_link_loses_its_href_and_keeps_its_text(url):
    html, chronicle = convert(f"See [the report]({url}) today.")
    assert normalize(html) == normalize("<p>See <a>the report</a> today.</p>")
    assert [(p.message, p.text) for p in chronicle.problems] == [(UNSAFE, url)]


@pytest.mark.parametrize(
    "source, href",
    [
        ("[a](https://agency.example/item)", "https://agency.example/item"),
        ("[a](http://agency.example/)", "http://agency.example/"),
        ("[a](mailto:desk@agency.example)", "mailto:desk@agency.example"),
        ("[a](../2024/other.html#update-1)", "../2024/other.html#update-1"),
        ("[a]({filename}/other.md)", "{filename}/other.md"),
    ],
)
def test_safe_links_stay(source, href):
    html, chronicle = convert(source)
    assert f'href="{href}"' in html
    assert chronicle.problems == ()


def test_an_unsafe_link_in_a_real_build_warns_with_the_file(build, chronicles_warnings):
    site = build({"a.md": "Title: A\nDate: 2024-01-02\n\nSee [it](javascript:void(0)) now."})
    assert f'a.md: {UNSAFE}: "javascript:void(0)"' in chronicles_warnings()
    assert site.soup("a.html").find("a", string="it").get("href") is None


def test_an_attribute_list_cannot_bring_back_an_unsafe_href():
    md = markdown.Markdown(extensions=["attr_list", ChroniclesExtension()])
    html = md.convert('[the report](https://ok.example/){: href="javascript:alert(1)"}')
    assert "javascript:" not in html
    assert "the report" in html
    assert md.chronicles.problems
