"""Site-wide pages in the site's language (SPEC 7, 8, 15): country names,
month names and dates in ``DEFAULT_LANG`` from CLDR through Babel, never the
machine's locales; ``inLanguage`` in the JSON-LD. Input and expected output
side by side."""

from __future__ import annotations

import datetime
import json
from types import SimpleNamespace

import jinja2
import pytest

from pelican_chronicles.model import UPDATE, Note
from pelican_chronicles.site.filters import FILTERS
from pelican_chronicles.site.index import NoteEntry
from pelican_chronicles.site.localdates import month_heading, period_title, strftime

UTC = datetime.timezone.utc

PERIODS = {
    "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
    "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
}


def post(name: str, date: str, countries: str = "", body: str = "Plain text of the post.", lang: str = "") -> dict:
    head = f"Title: {name}\nDate: {date}\n"
    if countries:
        head += f"Countries: {countries}\n"
    if lang:
        head += f"Lang: {lang}\n"
    return {f"{name.lower().replace(' ', '-')}.md": f"{head}\n{body}\n"}


PORT = post(
    "Port reopens",
    "2024-06-18 09:00",
    "Россия، مصر、Deutschland",
    "The harbour reopened after repairs.\n\nUPDATE (2024-06-21 10:00): Ferries run again.",
)
BRIDGE = post("Bridge opens", "2024-05-02 10:00", "RU, Kosovo")
POSTS = {**PORT, **BRIDGE}


def facet_names(soup, selector):
    """The names of the countries linked in ``selector``, flags left out."""
    return [a.get_text(" ", strip=True).split(" ", 1)[-1] for a in soup.select(selector)]


# --- country names ----------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, names",
    [
        ("ru", ["Германия", "Египет", "Косово", "Россия"]),
        ("ar", ["ألمانيا", "روسيا", "كوسوفو", "مصر"]),
        ("zh", ["俄罗斯", "埃及", "德国", "科索沃"]),
        ("en", ["Egypt", "Germany", "Kosovo", "Russia"]),
    ],
)
def test_the_countries_page_names_countries_in_the_sites_language(build, chronicles_warnings, lang, names):
    site = build(POSTS, DEFAULT_LANG=lang)
    soup = site.soup("countries/index.html")
    assert facet_names(soup, ".chronicles-facet-list a.chronicles-country") == names
    assert chronicles_warnings() == []


def test_country_pages_and_archive_entries_name_countries_in_the_sites_language(shared_build):
    site = shared_build(POSTS, DEFAULT_LANG="ru")
    assert site.soup("countries/index.html").select_one(".chronicles-facet-list a[href=\"/countries/ru.html\"]").get_text(strip=True).endswith(
        "Россия"
    )
    title = site.soup("countries/ru.html").select_one(".chronicles-archive-title")
    assert title.get_text(" ", strip=True).split()[-1] == "Россия"
    archive = site.soup("archives.html")
    (port, bridge) = archive.select(".chronicles-entry")
    assert facet_names(port, "a.chronicles-country") == ["Россия", "Египет", "Германия"]
    assert facet_names(bridge, "a.chronicles-country") == ["Россия", "Косово"]
    assert [li.a.get_text(" ", strip=True).split()[-1] for li in archive.select(".chronicles-by-country li")] == [
        "Россия", "Германия", "Египет", "Косово",
    ]


def test_kosovo_has_its_page_and_its_flag(shared_build):
    site = shared_build(BRIDGE)
    link = site.soup("countries/index.html").select_one('a[href="/countries/xk.html"]')
    assert link.get_text(" ", strip=True) == "\U0001F1FD\U0001F1F0 Kosovo"
    assert site.exists("countries/xk.html")


def test_a_country_no_source_names_still_warns(build, chronicles_warnings):
    site = build(post("Port reopens", "2024-06-18", "مصر، Narnia، مصرف"), DEFAULT_LANG="ar")
    assert chronicles_warnings() == [
        'port-reopens.md: unknown country in Countries: "Narnia"',
        'port-reopens.md: unknown country in Countries: "مصرف"',
    ]
    assert facet_names(site.soup("countries/index.html"), ".chronicles-facet-list a.chronicles-country") == ["مصر"]


def render(template: str, **context) -> str:
    env = jinja2.Environment()
    env.filters.update(FILTERS)
    return env.from_string(template).render(**context)


@pytest.mark.parametrize(
    "template, context, name",
    [
        pytest.param('{{ "RU"|chronicles_country }}', {}, "Russia", id="no-language"),
        pytest.param('{{ "RU"|chronicles_country }}', {"DEFAULT_LANG": "ru"}, "Россия", id="site-language"),
        pytest.param(
            '{{ "Россия"|chronicles_country }}', {"DEFAULT_LANG": "ru", "article": SimpleNamespace(lang="ar")},
            "روسيا", id="the-articles-language",
        ),
        pytest.param('{{ "EG"|chronicles_country(lang="zh") }}', {"DEFAULT_LANG": "ru"}, "埃及", id="given-language"),
    ],
)
def test_the_country_filter_names_a_country_in_the_pages_language(template, context, name):
    html = render(template, **context)
    assert html.endswith(f"</span> {name}</span>")


# --- months and dates ---------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, june, may",
    [
        ("ru", "Июнь", "Май"),  # the month standing alone, not the "июня" of a date
        ("uk", "Червень", "Травень"),
        ("ar", "يونيو", "مايو"),
        ("zh", "六月", "五月"),
        ("fa", "ژوئن", "مه"),
        ("tr", "Haziran", "Mayıs"),
        ("en", "June", "May"),
    ],
)
def test_archive_months_are_named_in_the_sites_language(shared_build, lang, june, may):
    # LOCALE "C": the machine's locale has no month names but English ones
    site = shared_build(POSTS, DEFAULT_LANG=lang, LOCALE=("C",))
    months = [h.get_text(" ", strip=True).split(" ")[0] for h in site.soup("archives.html").select(".chronicles-month-title")]
    assert months == [june, may]


@pytest.mark.parametrize(
    "lang, month",
    [
        ("ru", "Июнь 2024 г."),
        ("de", "Juni 2024"),
        ("zh", "2024年6月"),
        ("en", "June 2024"),
    ],
)
def test_period_archive_titles_are_in_the_sites_language(shared_build, lang, month):
    site = shared_build(POSTS, DEFAULT_LANG=lang, LOCALE=("C",), **PERIODS)

    def period(page):
        """The title after the label ("Archives: ")."""
        title = site.soup(page).select_one(".chronicles-archive-title").get_text(strip=True)
        return title.split(": ", 1)[1].replace("\u202f", " ")

    assert period("2024/index.html") == "2024"
    assert period("2024/06/index.html") == month


def test_archive_dates_are_in_the_sites_language(shared_build):
    site = shared_build(POSTS, DEFAULT_LANG="ru", LOCALE=("C",))
    entry = site.soup("archives.html").select_one(".chronicles-entry")
    # Pelican's DEFAULT_DATE_FORMAT, "%a %d %B %Y": the month as a date writes it
    assert entry.select_one(".chronicles-entry-date")["title"] == "вт 18 июня 2024"
    # the badge's "%d %b %Y"
    assert entry.select_one(".chronicles-badge time").get_text() == "21 июн. 2024"


def test_the_sites_date_formats_are_honoured(shared_build):
    site = shared_build(POSTS, DEFAULT_LANG="ru", DATE_FORMATS={"ru": "%-d %B %Y"}, LOCALE=("C",))
    entry = site.soup("archives.html").select_one(".chronicles-entry")
    assert entry.select_one(".chronicles-entry-date")["title"] == "18 июня 2024"
    site = shared_build(POSTS, DEFAULT_LANG="de", DEFAULT_DATE_FORMAT="%A, %d. %B %Y")
    entry = site.soup("archives.html").select_one(".chronicles-entry")
    assert entry.select_one(".chronicles-entry-date")["title"] == "Dienstag, 18. Juni 2024"


DAY = datetime.datetime(2024, 6, 20, 8, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    "date_formats, expected",
    [
        pytest.param({}, "чт 20 июня 2024", id="default-date-format"),
        pytest.param({"ru": "%-d %B %Y"}, "20 июня 2024", id="date-formats"),
        pytest.param({"ru": ("ru_RU.UTF-8", "%d.%m.%Y")}, "20.06.2024", id="locale-and-format"),
        pytest.param({"de": "%d.%m.%Y"}, "чт 20 июня 2024", id="another-languages-format"),
    ],
)
def test_the_site_date_format_is_pelicans_for_the_sites_language(date_formats, expected):
    """As Pelican picks a post's format: DATE_FORMATS for the language (of
    a (locale, format) pair the format: the names come from CLDR), else
    DEFAULT_DATE_FORMAT."""
    item = NoteEntry(SimpleNamespace(title="Ferries run again", date=DAY), Note(UPDATE, 1, "Update", DAY), "post.html")
    html = render(
        "{{ item|chronicles_updates_item }}",
        item=item, DEFAULT_LANG="ru", DATE_FORMATS=date_formats, DEFAULT_DATE_FORMAT="%a %d %B %Y",
    )
    assert f'<time datetime="2024-06-20T08:05:00+00:00">{expected}</time>' in html


@pytest.mark.parametrize(
    "date_format, lang, expected",
    [
        ("%a %d %B %Y", "ru", "чт 20 июня 2024"),
        ("%OB %Y", "ru", "июнь 2024"),  # the month standing alone
        ("%-d %b %Y", "ru", "20 июн. 2024"),
        ("%A %d %B %Y", "ar", "الخميس 20 يونيو 2024"),
        ("%d %B %Y", "pt-BR", "20 junho 2024"),
        ("%d %B %Y", "zh_Hant", "20 6月 2024"),
        ("%H:%M %p", "en", "08:05 AM"),
        ("%x", "de", "20.06.24"),
        ("%Y-%m-%d %%", "ru", "2024-06-20 %"),
        ("%a %d %B %Y", "tlh", "Thu 20 June 2024"),  # unknown to Babel: English
        ("%a %d %B %Y", None, "Thu 20 June 2024"),
    ],
)
def test_strftime_takes_its_names_from_cldr(date_format, lang, expected):
    assert strftime(DAY, date_format, lang) == expected


@pytest.mark.parametrize(
    "lang, heading",
    [("ru", "Июнь"), ("pl", "Czerwiec"), ("ka", "ივნისი"), ("ar", "يونيو"), ("en", "June"), ("tlh", "June")],
)
def test_month_headings_stand_alone_with_a_capital_where_the_script_has_one(lang, heading):
    assert month_heading(2024, 6, lang) == heading


@pytest.mark.parametrize(
    "period, lang, title",
    [
        ((2024,), "ru", "2024"),
        ((2024, 6), "ru", "Июнь 2024 г."),
        ((2024, 6), "en", "June 2024"),
        ((2024, 6, 20), "ru", "20 июня 2024 г."),
        ((2024, 6, 20), "en", "June 20, 2024"),
    ],
)
def test_period_title(period, lang, title):
    assert period_title(period, lang).replace("\u202f", " ") == title


# --- JSON-LD ---------------------------------------------------------------------------


def in_language(site, page):
    (script,) = site.soup(page).find_all("script", type="application/ld+json")
    return json.loads(script.string)["inLanguage"]


def test_jsonld_names_the_posts_language(shared_build):
    site = shared_build({**PORT, **post("Harbour notes", "2024-06-19", lang="ar"), **post("Ferry notes", "2024-06-20", lang="pt_BR")})
    assert in_language(site, "port-reopens.html") == "en"
    assert in_language(site, "harbour-notes-ar.html") == "ar"
    assert in_language(site, "ferry-notes-pt_BR.html") == "pt-BR"
    site = shared_build(PORT, DEFAULT_LANG="ru")
    assert in_language(site, "port-reopens.html") == "ru"
