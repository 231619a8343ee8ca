"""Links the author writes in the body are the author's (SPEC 11): the
plugin leaves them as Python-Markdown renders them, whatever their scheme,
and says nothing about them."""

import markdown
import pytest

from conftest import convert

from pelican_chronicles.syntax import ChroniclesExtension


@pytest.mark.parametrize(
    "source, href",
    [
        ("[a](https://agency.example/item)", "https://agency.example/item"),
        ("[a](mailto:desk@agency.example)", "mailto:desk@agency.example"),
        ("[a](../2024/other.html#update-1)", "../2024/other.html#update-1"),
        ("[a]({filename}/other.md)", "{filename}/other.md"),
        ("[a](irc://irc.example.org/news)", "irc://irc.example.org/news"),
        ("[a](ftp://files.example.org/report.pdf)", "ftp://files.example.org/report.pdf"),
        ("[a](javascript:void(0))", "javascript:void(0)"),
        ("[Foo (bar)](https://en.wikipedia.org/wiki/Foo_\\(bar\\))", "https://en.wikipedia.org/wiki/Foo_(bar)"),
    ],
)
def test_the_authors_links_stay_as_markdown_renders_them(source, href):
    plain = markdown.markdown(source)
    html, chronicle = convert(source)
    assert html == plain
    assert f'href="{href}"' in html
    assert chronicle.problems == ()


def test_an_autolinked_address_stays_as_markdown_renders_it():
    source = "Write to <mailto:desk+news@agency.example>."
    html, chronicle = convert(source)
    assert html == markdown.markdown(source)
    assert chronicle.problems == ()


def test_links_in_a_real_build_stay_and_warn_of_nothing(build, chronicles_warnings):
    site = build({"a.md": "Title: A\nDate: 2024-01-02\n\nSee [it](irc://irc.example.org/news) and [typo](hhttps://x.example/)."})
    assert site.soup("a.html").find("a", string="it")["href"] == "irc://irc.example.org/news"
    assert site.soup("a.html").find("a", string="typo")["href"] == "hhttps://x.example/"
    assert chronicles_warnings() == []


def test_an_attribute_list_beside_the_plugin_works_as_without_it():
    source = "[the report](https://ok.example/){: title=\"Report\"}"
    md = markdown.Markdown(extensions=["attr_list", ChroniclesExtension()])
    assert md.convert(source) == markdown.markdown(source, extensions=["attr_list"])
