"""The Jinja filters (SPEC 9), used as a template uses them: template and
context in, HTML out."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from bs4 import BeautifulSoup
from conftest import convert

from pelican_chronicles.model import CORRECTION, UPDATE, Chronicle, Country, Note
from pelican_chronicles.site.filters import FILTERS, chronicles_by_year_month

UTC = datetime.timezone.utc


def render(template: str, **context) -> str:
    """Like Pelican's environment: no autoescaping, the filters registered."""
    env = jinja2.Environment()
    env.filters.update(FILTERS)
    return env.from_string(template).render(**context)


def note(kind, number, day=None):
    date = datetime.datetime(2024, 6, day, 8, 30, tzinfo=UTC) if day else None
    return Note(kind=kind, number=number, label=kind.title(), date=date)


def post(*notes, flags=(), **fields):
    return SimpleNamespace(chronicles=Chronicle(notes=notes, flags=flags), **fields)


# --- chronicles_badge ----------------------------------------------------------------


@pytest.mark.parametrize(
    "article, expected",
    [
        pytest.param(post(), "", id="neither"),
        pytest.param(SimpleNamespace(title="No chronicle"), "", id="no-chronicle"),
        pytest.param(
            post(note(UPDATE, 1, 20)),
            '<span class="chronicles-badge chronicles-badge-update">Updated '
            '<time datetime="2024-06-20T08:30:00+00:00">20 Jun 2024</time> '
            '<span class="chronicles-badge-count">(1 update)</span></span>',
            id="one-dated-update",
        ),
        pytest.param(
            post(note(UPDATE, 1, 20), note(UPDATE, 2, 22), note(UPDATE, 3)),
            '<span class="chronicles-badge chronicles-badge-update">Updated '
            '<time datetime="2024-06-22T08:30:00+00:00">22 Jun 2024</time> '
            '<span class="chronicles-badge-count">(3 updates)</span></span>',
            id="latest-date-and-count",
        ),
        pytest.param(
            post(flags=(UPDATE,)),
            '<span class="chronicles-badge chronicles-badge-update">Updated</span>',
            id="flag-in-title-only",
        ),
        pytest.param(
            post(flags=(UPDATE,), modified=datetime.datetime(2024, 6, 21, tzinfo=UTC)),
            '<span class="chronicles-badge chronicles-badge-update">Updated</span>',
            id="flag-in-title-modified-not-shown",
        ),
        pytest.param(
            post(note(UPDATE, 1), modified=datetime.datetime(2024, 6, 21, tzinfo=UTC)),
            '<span class="chronicles-badge chronicles-badge-update">Updated '
            '<span class="chronicles-badge-count">(1 update)</span></span>',
            id="undated-note-modified-not-shown",
        ),
        pytest.param(
            post(note(CORRECTION, 1, 21)),
            '<span class="chronicles-badge chronicles-badge-correction">Corrected '
            '<time datetime="2024-06-21T08:30:00+00:00">21 Jun 2024</time></span>',
            id="correction",
        ),
        pytest.param(
            post(note(UPDATE, 1), note(CORRECTION, 1), note(CORRECTION, 2)),
            '<span class="chronicles-badge chronicles-badge-update">Updated '
            '<span class="chronicles-badge-count">(1 update)</span></span> '
            '<span class="chronicles-badge chronicles-badge-correction">Corrected '
            '<span class="chronicles-badge-count">(2 corrections)</span></span>',
            id="both-undated",
        ),
    ],
)
def test_badge(article, expected):
    assert render("{{ article|chronicles_badge }}", article=article, DEFAULT_DATE_FORMAT="%Y-%m-%d") == expected


def test_badge_takes_the_sites_labels_from_the_context():
    html = render(
        "{{ article|chronicles_badge }}",
        article=post(note(UPDATE, 1, 20), note(UPDATE, 2)),
        CHRONICLES_LABELS={"updated_badge": "Mis à jour", "update_many": "mises à jour"},
    )
    assert html == (
        '<span class="chronicles-badge chronicles-badge-update">Mis à jour '
        '<time datetime="2024-06-20T08:30:00+00:00">20 Jun 2024</time> '
        '<span class="chronicles-badge-count">(2 mises à jour)</span></span>'
    )


def test_badge_dates_are_in_the_sites_language_not_the_machines_locale():
    env = jinja2.Environment()
    env.filters.update(FILTERS)
    env.filters["strftime"] = lambda value, date_format: "machine locale"
    html = env.from_string("{{ article|chronicles_badge }}").render(
        article=post(note(CORRECTION, 1, 21)), DEFAULT_LANG="ru"
    )
    assert html == (
        '<span class="chronicles-badge chronicles-badge-correction">Corrected '
        '<time datetime="2024-06-21T08:30:00+00:00">21 июн. 2024</time></span>'
    )


def test_badge_labels_and_format_as_arguments():
    html = render(
        "{{ article|chronicles_badge({'corrected_badge': 'Berichtigt'}, '%d.%m.%Y') }}",
        article=post(note(CORRECTION, 1, 21)),
    )
    assert html == (
        '<span class="chronicles-badge chronicles-badge-correction">Berichtigt '
        '<time datetime="2024-06-21T08:30:00+00:00">21.06.2024</time></span>'
    )


def test_badge_labels_are_escaped():
    html = render(
        "{{ article|chronicles_badge({'updated_badge': '<b>New</b>'}) }}", article=post(flags=(UPDATE,))
    )
    assert html == '<span class="chronicles-badge chronicles-badge-update">&lt;b&gt;New&lt;/b&gt;</span>'


# --- chronicles_jsonld -------------------------------------------------------------


def test_jsonld_uses_the_site_url_of_the_context():
    article = SimpleNamespace(
        title="Bridge opens", date=datetime.datetime(2024, 5, 2, tzinfo=UTC), url="bridge-opens.html",
        chronicles=Chronicle(),
    )
    assert render("{{ article|chronicles_jsonld }}", article=article, SITEURL="https://news.example") == (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        '"headline":"Bridge opens","datePublished":"2024-05-02T00:00:00+00:00",'
        '"dateModified":"2024-05-02T00:00:00+00:00","url":"https://news.example/bridge-opens.html",'
        '"mainEntityOfPage":"https://news.example/bridge-opens.html"}</script>'
    )


# --- chronicles_by_year_month --------------------------------------------------------


def dated(name, year, month, day):
    return SimpleNamespace(title=name, date=datetime.datetime(year, month, day, tzinfo=UTC))


def test_by_year_month_newest_first_order_kept_within_months():
    a, b, c, d, e = (
        dated("a", 2024, 6, 2), dated("b", 2024, 6, 20), dated("c", 2023, 1, 5),
        dated("d", 2024, 3, 1), dated("e", 2023, 12, 31),
    )
    assert chronicles_by_year_month([a, b, c, d, e]) == [
        (2024, [(6, [a, b]), (3, [d])]),
        (2023, [(12, [e]), (1, [c])]),
    ]


def test_by_year_month_oldest_first():
    a, b = dated("a", 2024, 6, 2), dated("b", 2023, 1, 5)
    assert chronicles_by_year_month([a, b], newest_first=False) == [(2023, [(1, [b])]), (2024, [(6, [a])])]


def test_by_year_month_in_a_template():
    articles = [dated("Bridge", 2024, 5, 2), dated("Treaty", 2024, 6, 19), dated("Port", 2023, 11, 7)]
    template = (
        "{% for year, months in articles|chronicles_by_year_month %}{{ year }}:"
        "{% for month, posts in months %} {{ month }}={{ posts|map(attribute='title')|join(',') }}"
        "{% endfor %};{% endfor %}"
    )
    assert render(template, articles=articles) == "2024: 6=Treaty 5=Bridge;2023: 11=Port;"


# --- chronicles_dir ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, default, expected",
    [
        ("ar", "en", "rtl"), ("fa-IR", "en", "rtl"), ("he", "en", "rtl"), ("ur", "en", "rtl"),
        ("ru", "ar", "ltr"), ("zh_Hans", "en", "ltr"), (None, "ar", "rtl"), (None, None, "ltr"),
    ],
)
def test_dir(lang, default, expected):
    article = SimpleNamespace(lang=lang)
    assert render("{{ article|chronicles_dir }}", article=article, DEFAULT_LANG=default) == expected


def test_a_theme_gives_an_arabic_post_its_direction(build, tmp_path):
    """A theme's article.html with the filter: the author's paragraphs sit
    in a right-to-left article."""
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "article.html").write_text(
        '<html><head><title>{{ article.title }}</title></head><body>'
        '<article dir="{{ article|chronicles_dir }}">{{ article.content }}</article></body></html>'
    )
    site = build({"a.md": "Title: منتدى\nDate: 2026-08-20\nLang: ar\n\nاختتم المنتدى أعماله.\n",
                  "b.md": "Title: Forum\nDate: 2026-08-21\n\nThe forum closed.\n"},
                 THEME=str(theme), THEME_TEMPLATES_OVERRIDES=[], DIRECT_TEMPLATES=[], ARCHIVES_SAVE_AS="")
    articles = {p.name: p for p in site.output.rglob("*.html") if p.parent == site.output}
    dirs = {name: site.soup(name).article["dir"] for name in articles if site.soup(name).article}
    assert sorted(dirs.values()) == ["ltr", "rtl"]


# --- chronicles_flag, chronicles_country -------------------------------------------------


FRANCE = Country(code="FR", alpha3="FRA", name="France", flag="🇫🇷")


FLAG = '<span class="chronicles-flag" aria-hidden="true">{}</span>'


@pytest.mark.parametrize(
    "value, expected",
    [
        pytest.param(FRANCE, FLAG.format("&#x1F1EB;&#x1F1F7;"), id="country"),
        pytest.param("jp", FLAG.format("&#x1F1EF;&#x1F1F5;"), id="code"),
        pytest.param("Germany", FLAG.format("&#x1F1E9;&#x1F1EA;"), id="name"),
        pytest.param(SimpleNamespace(code="KE"), FLAG.format("&#x1F1F0;&#x1F1EA;"), id="anything-with-a-code"),
        pytest.param("Atlantis", "", id="unknown"),
    ],
)
def test_flag(value, expected):
    assert render("{{ value|chronicles_flag }}", value=value) == expected


@pytest.mark.parametrize(
    "template, value, expected",
    [
        pytest.param(
            "{{ value|chronicles_country }}", FRANCE,
            '<span class="chronicles-country">' + FLAG.format("&#x1F1EB;&#x1F1F7;") +
            " France</span>",
            id="country",
        ),
        pytest.param(
            "{{ value|chronicles_country }}", "DEU",
            '<span class="chronicles-country">' + FLAG.format("&#x1F1E9;&#x1F1EA;") +
            " Germany</span>",
            id="code",
        ),
        pytest.param(
            "{{ value|chronicles_country('countries/fr.html') }}", FRANCE,
            '<span class="chronicles-country">' + FLAG.format("&#x1F1EB;&#x1F1F7;") +
            ' <a href="countries/fr.html">France</a></span>',
            id="linked",
        ),
        pytest.param(
            "{{ value|chronicles_country('javascript:alert(1)') }}", FRANCE,
            '<span class="chronicles-country">' + FLAG.format("&#x1F1EB;&#x1F1F7;") +
            " France</span>",
            id="unsafe-link-dropped",
        ),
        pytest.param(
            "{{ value|chronicles_country }}", "<i>Atlantis</i>",
            '<span class="chronicles-country">&lt;i&gt;Atlantis&lt;/i&gt;</span>',
            id="unknown-shown-escaped",
        ),
        pytest.param(
            "{{ value|chronicles_country }}", Country(code="FR", alpha3="FRA", name="<b>F</b>", flag="🇫🇷"),
            '<span class="chronicles-country">' + FLAG.format("&#x1F1EB;&#x1F1F7;") +
            " &lt;b&gt;F&lt;/b&gt;</span>",
            id="name-escaped",
        ),
    ],
)
def test_country(template, value, expected):
    assert render(template, value=value) == expected


POST_WITH_COUNTRIES = """\
Title: Talks resume
Countries: France, Côte d'Ivoire, XK

The talks resumed.
"""


def test_a_posts_list_of_countries_and_the_filter_write_a_country_alike():
    # The post's list (its facet links on) and the filter, given the same
    # country and address, write the same bytes.
    html, _ = convert(POST_WITH_COUNTRIES, meta=True, facet_links=True,
                      facet_url=lambda kind, key, **_: f"/{kind}/{key.lower()}.html")
    items = re.findall(r"<li>(.*)</li>", html)
    links = BeautifulSoup(html, "html.parser").select("aside.chronicles-countries li a")
    assert [a.get_text() for a in links] == ["France", "Côte d’Ivoire", "Kosovo"]
    assert items == [
        render("{{ code|chronicles_country(href) }}", code=code, href=a["href"])
        for code, a in zip(["FR", "CI", "XK"], links)
    ]
    assert items[0] == (
        '<span class="chronicles-country">' + FLAG.format("&#x1F1EB;&#x1F1F7;") +
        ' <a href="/country/fr.html">France</a></span>'
    )


def documented_filters() -> set[str]:
    """The filters the README's Template API table names in its first column."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("\n## Template API\n")
    api = readme[start:readme.index("\n## ", start + 1)]
    return set(re.findall(r"^\| `(chronicles_\w+)` \|", api, re.MULTILINE))


def test_the_filters_registered_are_those_the_readme_documents():
    assert len(documented_filters()) >= 15  # the table is read
    assert sorted(FILTERS) == sorted(documented_filters())
