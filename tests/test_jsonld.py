"""schema.org JSON-LD (SPEC 9, 11): an article in, the NewsArticle out."""

from __future__ import annotations

import datetime
import json
from types import SimpleNamespace

from pelican_chronicles.jsonld import news_article, script_tag
from pelican_chronicles.model import Chronicle, Country, Dateline, Quote, Source

UTC = datetime.timezone.utc


def article(**changes):
    fields = dict(
        title="Partnership treaty signed in the capital",
        date=datetime.datetime(2024, 6, 19, 9, 0, tzinfo=UTC),
        url="2024/06/partnership-treaty.html",
        authors=[SimpleNamespace(name="Jo Writer")],
        chronicles=Chronicle(),
    )
    fields.update(changes)
    return SimpleNamespace(**fields)


def test_a_plain_article():
    assert news_article(article(), "https://news.example") == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Partnership treaty signed in the capital",
        "datePublished": "2024-06-19T09:00:00+00:00",
        "dateModified": "2024-06-19T09:00:00+00:00",
        "url": "https://news.example/2024/06/partnership-treaty.html",
        "mainEntityOfPage": "https://news.example/2024/06/partnership-treaty.html",
        "author": [{"@type": "Person", "name": "Jo Writer"}],
    }


def test_everything_the_chronicle_knows():
    chronicle = Chronicle(
        dateline=Dateline("NORTHPORT", "Northwind Wire", "June 19"),
        sources=(
            Source("Northwind Wire", "https://wire.example/item/7"),
            Source("Harbour Daily"),
        ),
        quotes=(
            Quote(
                anchor="quote-1",
                text="The work starts next week.",
                speaker="A. Spokesperson",
                role="Spokesperson of the Port Authority",
                source=Source("Northwind Wire", "https://wire.example/item/7"),
                date=datetime.date(2024, 6, 19),
                date_text="2024-06-19",
            ),
            Quote(anchor="quote-2", text="Nothing more to add."),
        ),
    )
    modified = datetime.datetime(2024, 6, 20, 8, 30, tzinfo=UTC)
    data = news_article(article(chronicles=chronicle, modified=modified), "https://news.example/")
    assert data["dateModified"] == "2024-06-20T08:30:00+00:00"
    assert data["dateline"] == "NORTHPORT, June 19 (Northwind Wire)"
    assert data["citation"] == [
        {"@type": "CreativeWork", "name": "Northwind Wire", "url": "https://wire.example/item/7"},
        {"@type": "CreativeWork", "name": "Harbour Daily"},
    ]
    wire = {"@type": "CreativeWork", "name": "Northwind Wire", "url": "https://wire.example/item/7"}
    assert data["hasPart"] == [
        {
            "@type": "Quotation",
            "text": "The work starts next week.",
            "url": "https://news.example/2024/06/partnership-treaty.html#quote-1",
            "creator": {"@type": "Person", "name": "A. Spokesperson",
                        "jobTitle": "Spokesperson of the Port Authority"},
            "dateCreated": "2024-06-19",
            "isBasedOn": wire,
            "citation": wire,
        },
        {
            "@type": "Quotation",
            "text": "Nothing more to add.",
            "url": "https://news.example/2024/06/partnership-treaty.html#quote-2",
        },
    ]


def test_countries_are_the_content_location():
    chronicle = Chronicle(countries=(
        Country(code="FR", alpha3="FRA", name="France", flag="🇫🇷"),
        Country(code="JP", alpha3="JPN", name="Japan", flag="🇯🇵"),
    ))
    assert news_article(article(chronicles=chronicle), "")["contentLocation"] == [
        {"@type": "Country", "name": "France", "identifier": "FR"},
        {"@type": "Country", "name": "Japan", "identifier": "JP"},
    ]


def test_a_dateline_without_source_or_date():
    data = news_article(article(chronicles=Chronicle(dateline=Dateline("NORTHPORT"))), "")
    assert data["dateline"] == "NORTHPORT"


def test_without_a_site_url_no_url_is_guessed():
    data = news_article(article(), "")
    assert "url" not in data and "mainEntityOfPage" not in data


def test_the_headline_is_plain_text():
    data = news_article(article(title="Talks <em>resume</em> &amp; continue"), "")
    assert data["headline"] == "Talks resume & continue"


def test_no_authors_no_author():
    assert "author" not in news_article(article(authors=[]), "")


def test_an_unsafe_citation_url_is_left_out():
    chronicle = Chronicle(sources=(Source("Wire", "javascript:alert(1)"),))
    data = news_article(article(chronicles=chronicle), "")
    assert data["citation"] == [{"@type": "CreativeWork", "name": "Wire"}]


def test_script_tag():
    assert script_tag({"@type": "NewsArticle", "headline": "Talks resume"}) == (
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume"}</script>'
    )


def test_script_tag_cannot_be_closed_from_a_field():
    tag = script_tag({"headline": "</script><script>alert(1)</script> <!-- & \u2028\u2029"})
    assert tag == (
        '<script type="application/ld+json">'
        '{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e'
        ' \\u003c!-- \\u0026 \\u2028\\u2029"}'
        "</script>"
    )


def test_script_tag_holds_the_same_data():
    data = {"headline": "</script> & \u2028 Zürich", "n": [1, 2]}
    body = str(script_tag(data)).removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body) == data


# --- in a real build ---------------------------------------------------------------

POST = """\
Title: Harbour board approves the new pier
Date: 2024-06-19 09:00
Author: Jo Writer
Sources: Northwind Wire <https://wire.example/item/7>
Countries: FR

NORTHPORT (Northwind Wire) - The harbour board approved the pier on Tuesday.

> The work starts next week.
>
> — A. Spokesperson, Port Authority, [Harbour Daily](https://daily.example/pier), 2024-06-19

UPDATE (2024-06-20): Construction starts in July.
"""


def jsonld(site, page):
    scripts = site.soup(page).find_all("script", type="application/ld+json")
    return [json.loads(s.string) for s in scripts]


def test_every_article_page_gets_its_jsonld(build):
    site = build({"pier.md": POST}, SITEURL="https://news.example")
    [data] = jsonld(site, "harbour-board-approves-the-new-pier.html")
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Harbour board approves the new pier"
    assert data["url"] == "https://news.example/harbour-board-approves-the-new-pier.html"
    assert data["datePublished"] == "2024-06-19T09:00:00+00:00"
    assert data["dateModified"] == "2024-06-20T00:00:00+00:00"
    assert data["author"] == [{"@type": "Person", "name": "Jo Writer"}]
    assert data["dateline"] == "NORTHPORT (Northwind Wire)"
    daily = {"@type": "CreativeWork", "name": "Harbour Daily", "url": "https://daily.example/pier"}
    assert data["citation"] == [
        {"@type": "CreativeWork", "name": "Northwind Wire", "url": "https://wire.example/item/7"},
        daily,
    ]
    assert data["contentLocation"] == [{"@type": "Country", "name": "France", "identifier": "FR"}]
    assert data["hasPart"] == [
        {
            "@type": "Quotation",
            "text": "The work starts next week.",
            "url": "https://news.example/harbour-board-approves-the-new-pier.html#quote-1",
            "creator": {"@type": "Person", "name": "A. Spokesperson", "jobTitle": "Port Authority"},
            "dateCreated": "2024-06-19",
            "isBasedOn": daily,
            "citation": daily,
        }
    ]


def test_other_pages_get_no_jsonld(build):
    site = build({"pier.md": POST})
    assert jsonld(site, "index.html") == []
    assert jsonld(site, "archives.html") == []


def test_jsonld_can_be_switched_off(build):
    site = build({"pier.md": POST}, CHRONICLES_JSONLD=False)
    assert jsonld(site, "harbour-board-approves-the-new-pier.html") == []


def test_in_language_is_a_bcp47_tag_and_undetermined_is_left_out():
    # Pelican's lang metadata may be written with underscores; und says nothing.
    languages = {
        "pt_BR": "pt-BR",
        "zh_Hant_TW": "zh-Hant-TW",
        "zh_hant": "zh-Hant",
        "es_419": "es-419",
        "ar": "ar",
        "und": None,
    }
    for lang, tag in languages.items():
        assert news_article(article(lang=lang)).get("inLanguage") == tag, lang
    assert "inLanguage" not in news_article(article(), default_lang="und")
    assert news_article(article(), default_lang="en_GB")["inLanguage"] == "en-GB"
