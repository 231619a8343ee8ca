"""Countries are shown by CLDR's name in the page's language, never ISO's
official long names (SPEC 7, 15): "Russia" and "North Korea" alike. A
post's page names them in the post's language, the site-wide pages in
``DEFAULT_LANG``. The names below are CLDR's, written out."""

from __future__ import annotations

import pytest

from pelican_chronicles.metadata import country_name, lookup_country, resolve_countries

# Written as authors write them: ISO's long name, everyday names, codes.
POSTS = {
    "talks.md": """\
        Title: Border talks resume
        Date: 2024-06-18 09:00
        Countries: Russian Federation, North Korea, IRN, Palestine

        The delegations met again.
        """,
    "port.md": """\
        Title: Порт снова открыт
        Date: 2024-06-19 09:00
        Lang: ru
        Slug: port-reopens
        Countries: RU, KP

        Порт снова принимает суда.
        """,
}


def names(soup, selector: str) -> list[str]:
    """The names of the countries linked in ``selector``, flags left out."""
    for flag in soup.select(".chronicles-flag"):
        flag.decompose()
    return [a.get_text(" ", strip=True) for a in soup.select(selector)]


@pytest.mark.parametrize(
    "value, lang, name",
    [
        ("Russian Federation", "en", "Russia"),
        ("RU", None, "Russia"),
        ("RU", "tlh", "Russia"),  # a language Babel does not know: English
        ("RU", "en-GB", "Russia"),
        ("KP", "en", "North Korea"),
        ("Iran, Islamic Republic of", "en", "Iran"),
        ("Syrian Arab Republic", "en", "Syria"),
        ("Viet Nam", "en", "Vietnam"),
        ("Bolivia, Plurinational State of", "en", "Bolivia"),
        ("Palestine, State of", "en", "Palestinian Territories"),
        ("KP", "ru", "КНДР"),
        ("RU", "de", "Russland"),
    ],
)
def test_a_country_is_named_as_cldr_names_it(value, lang, name):
    assert country_name(lookup_country(value), lang) == name


def test_a_resolved_country_carries_cldrs_english_name():
    countries, _ = resolve_countries("Russian Federation, IR, Korea, Democratic People's Republic of")
    assert [c.name for c in countries] == ["Russia", "Iran", "North Korea"]


def test_a_posts_page_names_its_countries_in_the_posts_language(build):
    site = build(POSTS)
    talks = site.soup("border-talks-resume.html")
    assert names(talks, "aside.chronicles-countries a") == ["Russia", "North Korea", "Iran", "Palestinian Territories"]
    port = site.soup("port-reopens-ru.html")  # Pelican's ARTICLE_LANG_SAVE_AS
    assert names(port, "aside.chronicles-countries a") == ["Россия", "КНДР"]
    assert "Russian Federation" not in site.text("border-talks-resume.html")  # nor in its JSON-LD


def test_the_site_pages_name_countries_in_the_sites_language(build):
    site = build(POSTS)
    index = site.soup("countries/index.html")
    assert names(index, ".chronicles-facet-list a.chronicles-country") == [
        "Iran", "North Korea", "Palestinian Territories", "Russia",
    ]
    archive = site.soup("archives.html")
    port, talks = archive.select(".chronicles-entry")
    assert names(port, "a.chronicles-country") == ["Russia", "North Korea"]
    assert names(talks, "a.chronicles-country") == ["Russia", "North Korea", "Iran", "Palestinian Territories"]
    title = site.soup("countries/ru.html").select_one(".chronicles-archive-title")
    assert title.get_text(" ", strip=True).split(" ", 1)[1] == "Russia"  # after its flag


def test_a_german_site_names_them_in_german(build):
    site = build(POSTS, DEFAULT_LANG="de")
    index = site.soup("countries/index.html")
    assert names(index, ".chronicles-facet-list a.chronicles-country") == [
        "Iran", "Nordkorea", "Palästinensische Autonomiegebiete", "Russland",
    ]
