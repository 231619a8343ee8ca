"""schema.org JSON-LD (SPEC 9, 11, 17): an article in, the NewsArticle out,
and what it writes checked against schema.org's vocabulary."""

from __future__ import annotations

import datetime
import json
import re
from types import SimpleNamespace

import pytest

from pelican_chronicles.jsonld import news_article, publisher, script_tag
from pelican_chronicles.model import CORRECTION, UPDATE, Chronicle, Country, Dateline, Note, Quote, Source
from pelican_chronicles.settings import SettingsError, check
from pelican_chronicles.site.head import PageHead

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


# --- newsroom metadata (SPEC 17) ----------------------------------------------------


def note(kind, number, summary, date=None):
    label = "Correction" if kind == CORRECTION else "Update"
    return Note(kind=kind, number=number, label=label, date=date, summary=summary)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("reportage", "ReportageNewsArticle"),
        ("Analysis", "AnalysisNewsArticle"),
        (" OPINION ", "OpinionNewsArticle"),
        ("background", "BackgroundNewsArticle"),
        ("feature", "NewsArticle"),
        (None, "NewsArticle"),
    ],
)
def test_the_type_metadata_names_the_article_type(value, expected):
    assert news_article(article(type=value))["@type"] == expected


def test_one_correction_note_is_a_correction_comment():
    chronicle = Chronicle(notes=(
        note(UPDATE, 1, "Construction starts in July.", datetime.datetime(2024, 6, 20, tzinfo=UTC)),
        note(CORRECTION, 1, "The vote was on Tuesday.", datetime.datetime(2024, 6, 21, 8, 0, tzinfo=UTC)),
    ))
    assert news_article(article(chronicles=chronicle), "https://news.example")["correction"] == {
        "@type": "CorrectionComment",
        "text": "The vote was on Tuesday.",
        "datePublished": "2024-06-21T08:00:00+00:00",
        "url": "https://news.example/2024/06/partnership-treaty.html#correction-1",
    }


def test_several_correction_notes_are_a_list_and_an_undated_one_has_no_date():
    chronicle = Chronicle(notes=(
        note(CORRECTION, 1, "The vote was on Tuesday.", datetime.datetime(2024, 6, 21, tzinfo=UTC)),
        note(CORRECTION, 2, "The pier is 40 metres long."),
    ))
    assert news_article(article(chronicles=chronicle))["correction"] == [
        {"@type": "CorrectionComment", "text": "The vote was on Tuesday.",
         "datePublished": "2024-06-21T00:00:00+00:00"},
        {"@type": "CorrectionComment", "text": "The pier is 40 metres long."},
    ]


def test_update_notes_alone_are_no_correction():
    chronicle = Chronicle(notes=(note(UPDATE, 1, "Construction starts in July."),))
    assert "correction" not in news_article(article(chronicles=chronicle))


def test_the_datelines_place_is_where_the_article_was_made():
    data = news_article(article(chronicles=Chronicle(dateline=Dateline("Northport", "Northwind Wire"))))
    assert data["dateline"] == "Northport (Northwind Wire)"
    assert data["locationCreated"] == {"@type": "Place", "name": "Northport"}


def test_a_dateline_without_a_place_is_its_date_and_agency_and_no_location():
    data = news_article(article(chronicles=Chronicle(dateline=Dateline("", "Northwind Wire", "Jan 3"))))
    assert data["dateline"] == "Jan 3 (Northwind Wire)"
    assert "locationCreated" not in data


def test_without_a_dateline_no_location_created():
    assert "locationCreated" not in news_article(article())


def test_the_publisher_is_given_as_it_was_made():
    organization = publisher("Harbour Herald", "https://news.example")
    assert news_article(article(), publisher=organization)["publisher"] is organization
    assert "publisher" not in news_article(article())


def test_the_publisher_is_the_site_with_its_policies_made_absolute():
    links = {
        "correctionsPolicy": "pages/corrections.html",
        "ethicsPolicy": "/ethics/",
        "masthead": "https://other.example/masthead",
        "unnamedSourcesPolicy": "mailto:desk@news.example",
    }
    assert publisher("Harbour <em>Herald</em>", "https://news.example/", links) == {
        "@type": "NewsMediaOrganization",
        "name": "Harbour Herald",
        "url": "https://news.example/",
        "correctionsPolicy": "https://news.example/pages/corrections.html",
        "ethicsPolicy": "https://news.example/ethics/",
        "masthead": "https://other.example/masthead",
        "unnamedSourcesPolicy": "mailto:desk@news.example",
    }


def test_without_a_site_url_the_publisher_has_only_its_absolute_links():
    links = {"correctionsPolicy": "pages/corrections.html", "masthead": "https://news.example/masthead"}
    assert publisher("Harbour Herald", "", links) == {
        "@type": "NewsMediaOrganization", "name": "Harbour Herald", "masthead": "https://news.example/masthead",
    }


def test_without_a_name_no_publisher():
    assert publisher(None, "https://news.example") is None
    assert publisher("  ", "https://news.example") is None


def test_the_publisher_setting_is_checked_and_an_address_with_a_host_is_https():
    checked = check({"CHRONICLES_PUBLISHER": {"ethicsPolicy": " www.news.example/ethics ", "logo": "logo.png"}})
    assert checked["CHRONICLES_PUBLISHER"] == {"ethicsPolicy": "https://www.news.example/ethics", "logo": "logo.png"}
    assert check({})["CHRONICLES_PUBLISHER"] == {}


@pytest.mark.parametrize(
    "value, message",
    [
        ({"ethicsPolicy": "javascript:alert(1)"}, "see 'ethicsPolicy'"),
        ({"masthead": ""}, "see 'masthead'"),
        ({"logo": 3}, "see 'logo'"),
        ({"ethicPolicy": "ethics.html"}, "to URLs, not"),
        ("https://news.example/ethics", "to URLs, not"),
    ],
)
def test_a_wrong_publisher_setting_names_the_setting_and_what_it_expects(value, message):
    with pytest.raises(SettingsError) as raised:
        check({"CHRONICLES_PUBLISHER": value})
    assert str(raised.value).startswith(
        "CHRONICLES_PUBLISHER must be a dict of correctionsPolicy, ethicsPolicy, masthead, publishingPrinciples,"
        " verificationFactCheckingPolicy, unnamedSourcesPolicy, logo to URLs"
    )
    assert message in str(raised.value)


def test_a_page_whose_theme_wrote_an_analysis_jsonld_gets_none_added():
    post = article(type="analysis")
    head = PageHead(stylesheet=None, stylesheet_is_own=False, feed=None, feed_domain="", feed_title="",
                    jsonld=True, site_url="")
    page = f"<html><head>{script_tag(news_article(post))}</head><body></body></html>"
    assert '"@type":"AnalysisNewsArticle"' in page
    assert head.parts([page], page.split("</head>")[0], {"article": post}) == []


# --- schema.org's vocabulary ---------------------------------------------------------
#
# The types and properties the plugin writes, as schema.org defines them:
# each type's supertype, and for each type the properties it adds with the
# types their values may have. A property of a supertype is one of its
# subtypes'. Text, URL, Date and DateTime are told by their shape.

SUPERTYPE = {
    "Thing": None,
    "CreativeWork": "Thing",
    "Article": "CreativeWork",
    "NewsArticle": "Article",
    "ReportageNewsArticle": "NewsArticle",
    "AnalysisNewsArticle": "NewsArticle",
    "OpinionNewsArticle": "NewsArticle",
    "BackgroundNewsArticle": "NewsArticle",
    "Comment": "CreativeWork",
    "CorrectionComment": "Comment",
    "Quotation": "CreativeWork",
    "MediaObject": "CreativeWork",
    "ImageObject": "MediaObject",
    "Person": "Thing",
    "Organization": "Thing",
    "NewsMediaOrganization": "Organization",
    "Place": "Thing",
    "AdministrativeArea": "Place",
    "Country": "AdministrativeArea",
}

DATES = {"Date", "DateTime"}
POLICY = {"CreativeWork", "URL"}
PROPERTIES = {
    "Thing": {
        "name": {"Text"},
        "url": {"URL"},
        "identifier": {"PropertyValue", "Text", "URL"},
    },
    "CreativeWork": {
        "headline": {"Text"},
        "text": {"Text"},
        "inLanguage": {"Language", "Text"},
        "datePublished": DATES,
        "dateModified": DATES,
        "dateCreated": DATES,
        "author": {"Organization", "Person"},
        "creator": {"Organization", "Person"},
        "publisher": {"Organization", "Person"},
        "mainEntityOfPage": {"CreativeWork", "URL"},
        "citation": {"CreativeWork", "Text"},
        "isBasedOn": {"CreativeWork", "Product", "URL"},
        "hasPart": {"CreativeWork"},
        "contentLocation": {"Place"},
        "locationCreated": {"Place"},
        "correction": {"CorrectionComment", "Text", "URL"},
        "publishingPrinciples": POLICY,
    },
    "NewsArticle": {"dateline": {"Text"}},
    "Person": {"jobTitle": {"DefinedTerm", "Text"}, "publishingPrinciples": POLICY},
    "Organization": {
        "logo": {"ImageObject", "URL"},
        "ethicsPolicy": POLICY,
        "unnamedSourcesPolicy": POLICY,
        "publishingPrinciples": POLICY,
    },
    "NewsMediaOrganization": {
        "correctionsPolicy": POLICY,
        "masthead": POLICY,
        "verificationFactCheckingPolicy": POLICY,
    },
}

SHAPES = {
    "URL": re.compile(r"(https?://[^\s/?#]+[^\s]*|mailto:[^\s]+)"),
    "Date": re.compile(r"\d{4}-\d\d-\d\d"),
    "DateTime": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?"),
}


def lineage(kind):
    while kind is not None:
        yield kind
        kind = SUPERTYPE[kind]


def string_types(value: str) -> set[str]:
    """What a string may be: Text always (URL is a Text), and what its shape is."""
    return {"Text", *(name for name, shape in SHAPES.items() if shape.fullmatch(value))}


def vocabulary_errors(node, expected=frozenset({"NewsArticle"}), where="$") -> list[str]:
    """What in ``node``, a value where one of the ``expected`` types goes,
    is not schema.org: an unknown type, a type not expected there, a
    property its type has not, a value of a type the property does not take."""
    if isinstance(node, list):
        return [error for i, item in enumerate(node) for error in vocabulary_errors(item, expected, f"{where}[{i}]")]
    if isinstance(node, str):
        return [] if string_types(node) & expected else [f"{where}: {node!r} is none of {sorted(expected)}"]
    if not isinstance(node, dict):
        return [f"{where}: {node!r} is not a schema.org value"]
    kind = node.get("@type")
    if kind not in SUPERTYPE:
        return [f"{where}: unknown type {kind!r}"]
    errors = [] if set(lineage(kind)) & expected else [f"{where}: {kind} is none of {sorted(expected)}"]
    for name, value in node.items():
        if name in ("@type", "@context"):
            continue
        takes = next((PROPERTIES[t][name] for t in lineage(kind) if name in PROPERTIES.get(t, {})), None)
        if takes is None:
            errors.append(f"{where}: {kind} has no property {name!r}")
        else:
            errors += vocabulary_errors(value, takes, f"{where}.{name}")
    return errors


def test_the_checker_accepts_what_schema_org_allows():
    data = {
        "@type": "OpinionNewsArticle",
        "dateline": "NORTHPORT",
        "datePublished": "2024-06-19",
        "correction": "https://news.example/corrections/7",
        "publisher": {"@type": "NewsMediaOrganization", "name": "Harbour Herald",
                      "ethicsPolicy": {"@type": "CreativeWork", "url": "https://news.example/ethics"}},
        "contentLocation": [{"@type": "Country", "name": "France", "identifier": "FR"}],
    }
    assert vocabulary_errors(data) == []


@pytest.mark.parametrize(
    "change, error",
    [
        ({"datePublised": "2024-06-19"}, "$: AnalysisNewsArticle has no property 'datePublised'"),
        ({"datePublished": "19 June 2024"}, "$.datePublished: '19 June 2024' is none of ['Date', 'DateTime']"),
        ({"locationCreated": {"@type": "Person", "name": "Jo"}}, "$.locationCreated: Person is none of ['Place']"),
        ({"locationCreated": "NORTHPORT"}, "$.locationCreated: 'NORTHPORT' is none of ['Place']"),
        ({"correction": [{"@type": "CorectionComment"}]}, "$.correction[0]: unknown type 'CorectionComment'"),
        ({"publisher": {"@type": "Organization", "masthead": "https://news.example/m"}},
         "$.publisher: Organization has no property 'masthead'"),
        ({"publisher": {"@type": "NewsMediaOrganization", "ethicsPolicy": "ethics.html"}},
         "$.publisher.ethicsPolicy: 'ethics.html' is none of ['CreativeWork', 'URL']"),
        ({"@type": "Article"}, "$: Article is none of ['NewsArticle']"),
        ({"wordCount": 300}, "$: AnalysisNewsArticle has no property 'wordCount'"),
    ],
)
def test_the_checker_finds_what_schema_org_does_not_allow(change, error):
    data = {"@type": "AnalysisNewsArticle", "headline": "Pier approved", **change}
    assert vocabulary_errors(data) == [error]


NEWSROOM_POST = """\
Title: Harbour board approves the new pier
Date: 2024-06-19 09:00
Author: Jo Writer
Type: analysis
Sources: Northwind Wire <https://wire.example/item/7>
Countries: FR, Japan

NORTHPORT (Northwind Wire) - The harbour board approved the pier on Tuesday.

> The work starts next week.
>
> — A. Spokesperson, Port Authority, [Harbour Daily](https://daily.example/pier), 2024-06-19

UPDATE (2024-06-20): Construction starts in July.

CORRECTION (2024-06-21): The vote was on Tuesday, not on Monday.

CORRECTION: The pier is 40 metres long, not 50.

CLARIFICATION (2024-06-22): The board's vote covers the pier, not the quay.

RETRACTION (2024-06-23): An earlier line on the budget could not be confirmed and is withdrawn.

Editor's note (2024-06-24): The reporter lives near the harbour.
"""

PUBLISHER = {
    "correctionsPolicy": "pages/corrections.html",
    "ethicsPolicy": "https://news.example/ethics/",
    "masthead": "/about/masthead/",
    "publishingPrinciples": "www.news.example/principles",
    "verificationFactCheckingPolicy": "pages/verification.html",
    "unnamedSourcesPolicy": "pages/sources.html",
    "logo": "images/logo.png",
}


@pytest.fixture
def newsroom(shared_build):
    site = shared_build(
        {"pier.md": NEWSROOM_POST},
        SITENAME="Harbour Herald", SITEURL="https://news.example", CHRONICLES_PUBLISHER=PUBLISHER,
    )
    [data] = jsonld(site, "harbour-board-approves-the-new-pier.html")
    return data


def test_every_kind_of_note_is_in_the_newsroom_post(shared_build):
    site = shared_build(
        {"pier.md": NEWSROOM_POST},
        SITENAME="Harbour Herald", SITEURL="https://news.example", CHRONICLES_PUBLISHER=PUBLISHER,
    )
    page = site.soup("harbour-board-approves-the-new-pier.html")
    kinds = {section["id"].rsplit("-", 1)[0] for section in page.select("section.chronicles-note")}
    assert kinds == {"update", "correction", "clarification", "retraction", "editors-note"}


def test_the_built_jsonld_is_schema_org(newsroom):
    assert newsroom["@context"] == "https://schema.org"
    assert vocabulary_errors(newsroom) == []
    # the post has every feature, so the check above saw each
    written = {name for name in newsroom if not name.startswith("@")}
    assert {"correction", "locationCreated", "contentLocation", "publisher", "dateline", "hasPart"} <= written


def test_the_built_jsonld_has_the_newsroom_metadata(newsroom):
    page = "https://news.example/harbour-board-approves-the-new-pier.html"
    assert newsroom["@type"] == "AnalysisNewsArticle"
    assert newsroom["correction"] == [
        {"@type": "CorrectionComment", "text": "The vote was on Tuesday, not on Monday.",
         "datePublished": "2024-06-21T00:00:00+00:00", "url": f"{page}#correction-1"},
        {"@type": "CorrectionComment", "text": "The pier is 40 metres long, not 50.", "url": f"{page}#correction-2"},
    ]
    assert newsroom["dateline"] == "NORTHPORT (Northwind Wire)"
    assert newsroom["locationCreated"] == {"@type": "Place", "name": "NORTHPORT"}
    assert newsroom["contentLocation"] == [
        {"@type": "Country", "name": "France", "identifier": "FR"},
        {"@type": "Country", "name": "Japan", "identifier": "JP"},
    ]
    assert newsroom["publisher"] == {
        "@type": "NewsMediaOrganization",
        "name": "Harbour Herald",
        "url": "https://news.example",
        "correctionsPolicy": "https://news.example/pages/corrections.html",
        "ethicsPolicy": "https://news.example/ethics/",
        "masthead": "https://news.example/about/masthead/",
        "publishingPrinciples": "https://www.news.example/principles",
        "verificationFactCheckingPolicy": "https://news.example/pages/verification.html",
        "unnamedSourcesPolicy": "https://news.example/pages/sources.html",
        "logo": "https://news.example/images/logo.png",
    }


def test_a_site_without_publisher_settings_is_still_the_publisher(build):
    site = build({"pier.md": POST}, SITEURL="https://news.example")
    [data] = jsonld(site, "harbour-board-approves-the-new-pier.html")
    assert data["publisher"] == {"@type": "NewsMediaOrganization", "name": "Chronicle Test", "url": "https://news.example"}


def test_an_unknown_type_is_a_warning_and_a_news_article(build, chronicles_warnings):
    post = POST.replace("Author: Jo Writer", "Author: Jo Writer\nType: Harbour feature")
    site = build({"pier-feature.md": post})
    [data] = jsonld(site, "harbour-board-approves-the-new-pier.html")
    assert data["@type"] == "NewsArticle"
    assert chronicles_warnings() == [
        "pier-feature.md: unknown Type (the JSON-LD says NewsArticle;"
        ' one of reportage, analysis, opinion, background is known): "Harbour feature"'
    ]


def test_a_known_type_in_any_case_is_no_warning(build, chronicles_warnings):
    site = build({"pier.md": POST.replace("Author: Jo Writer", "Author: Jo Writer\nType: Opinion")})
    [data] = jsonld(site, "harbour-board-approves-the-new-pier.html")
    assert data["@type"] == "OpinionNewsArticle"
    assert chronicles_warnings() == []
