"""The chronicle archive (SPEC 8): grouping on its own, then real builds of
the archive and the period archives, read back with BeautifulSoup."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import build_site
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from pelican_chronicles.model import Chronicle, Country, Dateline, Note, Source
from pelican_chronicles.site.archive import group_by_year_month
from pelican_chronicles.site.index import SiteIndex, char_refs

UTC = datetime.timezone.utc

POSTS = {
    "treaty.md": """\
        Title: (UPDATE) Treaty signed in the capital
        Date: 2024-06-19 09:00
        Countries: FR, DE
        Sources: Agency A; [Wire B](https://wire.example/b)

        Lead written by the author.

        PARIS (Agency A) - The two leaders signed the treaty.

        UPDATE (2024-06-20): The text was published.

        UPDATE (2024-06-22): The parliament scheduled a vote.

        CORRECTION: An earlier version misspelt a name.
        """,
    "budget.md": """\
        Title: Budget vote moved
        Date: 2024-05-02 10:00
        Countries: FR
        Sources: Wire B

        The vote moved to Friday.
        """,
    "harbour.md": """\
        Title: Harbour reopens
        Date: 2024-05-20 08:00

        The harbour reopened.
        """,
    "old.md": """\
        Title: An old story
        Date: 2022-01-10 12:00
        Countries: JP

        Something happened.
        """,
}

PERIODS = {
    "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
    "YEAR_ARCHIVE_URL": "{date:%Y}/",
    "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
    "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/",
}


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".chronicles-entry .chronicles-entry-title")]


def years(soup):
    return [s["id"] for s in soup.select(".chronicles-year")]


# --- grouping, without Pelican ------------------------------------------------


def post(title, date, **chronicle):
    return SimpleNamespace(
        title=title,
        url=f"{title}.html",
        date=datetime.datetime.fromisoformat(date).replace(tzinfo=UTC),
        chronicles=Chronicle(**chronicle),
    )


def test_grouping_keeps_the_given_order():
    posts = [post("c", "2024-06-19"), post("b", "2024-05-02"), post("a", "2022-01-10")]
    grouped = group_by_year_month(posts)
    assert [(y.year, [m.month for m in y.months]) for y in grouped] == [(2024, [6, 5]), (2022, [1])]
    assert [e.title for e in grouped[0].months[0].entries] == ["c"]
    oldest_first = group_by_year_month(list(reversed(posts)))
    assert [y.year for y in oldest_first] == [2022, 2024]
    assert [m.month for m in oldest_first[1].months] == [5, 6]


def test_grouping_names_and_anchors():
    (year,) = group_by_year_month([post("a", "2024-06-19"), post("b", "2024-06-01")])
    assert year.anchor == "year-2024" and year.count == 2
    (month,) = year.months
    assert month.anchor == "month-2024-06"
    assert month.name == datetime.date(2024, 6, 1).strftime("%B")


def test_index_totals_and_tallies():
    fr = Country("FR", "FRA", "France", "🇫🇷")
    de = Country("DE", "DEU", "Germany", "🇩🇪")
    notes = (Note("update", 1, "Update", datetime.datetime(2024, 6, 20, tzinfo=UTC)),)
    posts = [
        post("a", "2024-06-19", notes=notes, countries=(fr, de), sources=(Source("Agency A"),)),
        post("b", "2024-05-02", countries=(fr,), flags=("correction",)),
        post("c", "2021-01-10", dateline=Dateline("TOKYO")),
    ]
    index = SiteIndex.build(posts)
    view = index.archive()
    assert [e.article.title for e in view.entries] == ["a", "b", "c"]
    assert view.totals.posts == 3
    assert view.totals.updated == 1
    assert view.totals.corrected == 1
    assert view.totals.years == 2 and view.totals.span == "2021\u20132024"
    assert [(t.facet.name, t.count) for t in view.by_country] == [("France", 2), ("Germany", 1)]
    assert [(t.facet.name, t.count) for t in view.by_source] == [("Agency A", 1)]
    first = view.entries[0]
    assert first.latest_update == datetime.datetime(2024, 6, 20, tzinfo=UTC)
    assert first.update_count == 1
    assert view.entries[2].place == "TOKYO"


def pelican_slugify(value):
    return slugify(value, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def test_index_oldest_first_and_slugs():
    posts = [
        post("a", "2024-06-19", sources=(Source("Index"),)),
        post("b", "2023-06-19", sources=(Source("A.F.P."),)),
        post("c", "2022-06-19", sources=(Source("AFP"),)),
    ]
    index = SiteIndex.build(posts, newest_first=False, slugify=pelican_slugify)
    assert [a.title for a in index.articles] == ["c", "b", "a"]
    slugs = sorted(f.slug for f in index.sources.values())
    # "index" is the index page's own name; equal slugs get a number
    assert slugs == ["afp", "afp-2", "index-2"]


def test_speakers_index_collects_named_statements():
    from pelican_chronicles.model import Quote, Turn

    posts = [
        post("new", "2024-06-19", quotes=(Quote("quote-1", "We agree.", speaker="A. Minister", role="Minister"),),
             turns=(Turn("turn-1", "Question", "Why?", is_question=True),
                    Turn("turn-2", "a. minister", "Because.", named=True))),
        post("old", "2023-01-02", quotes=(Quote("quote-1", "Earlier words.", speaker="A. Minister"),)),
    ]
    index = SiteIndex.build(posts)
    assert list(index.speakers) == ["a. minister"]
    speaker = index.speakers["a. minister"]
    assert [(s.article.title, s.anchor) for s in speaker.statements] == [
        ("new", "quote-1"), ("new", "turn-2"), ("old", "quote-1")]
    assert speaker.statements[0].url == "new.html#quote-1"
    assert speaker.count == 3 and len(speaker.articles) == 2


# --- the archive page --------------------------------------------------------


@pytest.fixture
def site(build):
    return build(POSTS)


def test_archive_replaces_the_themes_archive(site):
    soup = site.soup("archives.html")
    (root,) = soup.select(".chronicles-archive")
    assert root.select_one("h1").get_text(strip=True) == "Archives"
    assert "Chronicle Test" in root.select_one(".chronicles-archive-header").get_text()
    assert soup.title.get_text().startswith("Archives")


def test_archive_totals(site):
    totals = {
        div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True)
        for div in site.soup("archives.html").select(".chronicles-totals > div")
    }
    assert totals["Posts"] == "4"
    assert totals["Updated posts"] == "1"
    assert totals["Corrected posts"] == "1"
    assert totals["Years covered"] == "2 (2022\u20132024)"


def test_archive_years_months_and_entries_newest_first(site):
    soup = site.soup("archives.html")
    assert years(soup) == ["year-2024", "year-2022"]
    months = [s["id"] for s in soup.select("#year-2024 .chronicles-month")]
    assert months == ["month-2024-06", "month-2024-05"]
    assert titles(soup) == ["Treaty signed in the capital", "Harbour reopens", "Budget vote moved", "An old story"]
    may = soup.select_one("#month-2024-05")
    assert may.h3.get_text(" ", strip=True) == f"{datetime.date(2024, 5, 1):%B} 2 posts"
    assert soup.select_one("#year-2022 h2").get_text(" ", strip=True) == "2022 1 post"


def test_archive_oldest_first(build):
    soup = build(POSTS, NEWEST_FIRST_ARCHIVES=False).soup("archives.html")
    assert years(soup) == ["year-2022", "year-2024"]
    assert titles(soup) == ["An old story", "Budget vote moved", "Harbour reopens", "Treaty signed in the capital"]
    rail = [a["href"] for a in soup.select(".chronicles-rail a")]
    assert rail == ["#year-2022", "#year-2024"]


def test_year_rail_links_every_year_with_its_count(site):
    soup = site.soup("archives.html")
    rail = soup.select_one("nav.chronicles-rail")
    assert rail["aria-label"]
    links = rail.select("a")
    assert [a["href"] for a in links] == ["#year-2024", "#year-2022"]
    assert [a.select_one(".chronicles-count").get_text(" ", strip=True) for a in links] == ["3 posts", "1 post"]
    for link in links:
        assert soup.find(id=link["href"][1:]) is not None


def test_entry_markup(site):
    soup = site.soup("archives.html")
    entry = soup.select(".chronicles-entry")[0]
    time = entry.select_one("time.chronicles-entry-date")
    assert time["datetime"].startswith("2024-06-19T09:00")
    link = entry.select_one("a.chronicles-entry-title")
    assert link["href"] == "/treaty-signed-in-the-capital.html"
    update = entry.select_one(".chronicles-badge.chronicles-badge-update")
    assert update.time["datetime"].startswith("2024-06-22")  # the latest update
    assert "Updated" in update.get_text() and "2 updates" in update.get_text()
    correction = entry.select_one(".chronicles-badge.chronicles-badge-correction")
    assert correction.get_text(strip=True).startswith("Corrected")
    assert entry.select_one(".chronicles-entry-place").get_text(strip=True) == "PARIS"


def test_entry_without_notes_has_no_badge(site):
    soup = site.soup("archives.html")
    harbour = soup.select(".chronicles-entry")[1]
    assert harbour.select_one(".chronicles-entry-title").get_text() == "Harbour reopens"
    assert harbour.select(".chronicles-badge") == []
    assert harbour.select(".chronicles-entry-meta") == []


def test_titles_are_escaped(build):
    site = build({"x.md": "Title: Tom & Jerry <script>alert(1)</script>\nDate: 2024-01-01\n\nBody."})
    soup = site.soup("archives.html")
    assert soup.select(".chronicles-archive script") == []
    assert "Tom & Jerry" in soup.select_one(".chronicles-entry-title").get_text()


def test_filter_script_and_stylesheet(site):
    soup = site.soup("archives.html")
    script = soup.find("script", src="/theme/chronicles/chronicles.js")
    assert script is not None and script.has_attr("defer")
    assert soup.find("link", rel="stylesheet", href="/theme/chronicles/chronicles.css") is not None
    assert site.exists("theme/chronicles/chronicles.js")
    assert site.exists("theme/chronicles/chronicles.css")
    placeholder = soup.select_one(".chronicles-archive .chronicles-filter")
    assert placeholder.has_attr("hidden")  # shown by the script only


def test_filter_script_off(build):
    soup = build(POSTS, CHRONICLES_FILTER_SCRIPT=False).soup("archives.html")
    assert soup.find("script", src="/theme/chronicles/chronicles.js") is None
    assert soup.select(".chronicles-entry")


def test_archive_off_leaves_the_themes_archive(build):
    site = build(POSTS, CHRONICLES_ARCHIVE=False, **PERIODS)
    for page in ("archives.html", "2024/index.html"):
        soup = site.soup(page)
        assert soup.select(".chronicles-archive") == []
        assert soup.select("dl dd a")  # the simple theme's list of posts
    assert "Archives for" in site.text("archives.html")


@pytest.mark.parametrize("theme", ["simple", "notmyidea"])
def test_archive_in_both_themes(build, theme):
    soup = build(POSTS, THEME=theme).soup("archives.html")
    assert len(soup.select(".chronicles-archive")) == 1
    assert len(soup.select(".chronicles-entry")) == 4
    # inside the theme's own page
    if theme == "simple":
        assert soup.select_one("main > .chronicles-archive") is not None
    else:
        assert soup.select_one("header#banner") is not None
        assert soup.select_one("body > .chronicles-archive") is not None


def test_archive_at_another_path(build):
    site = build(POSTS, ARCHIVES_SAVE_AS="archive/index.html", ARCHIVES_URL="archive/")
    assert site.soup("archive/index.html").select(".chronicles-archive")
    assert not site.exists("archives.html")


# --- period archives ----------------------------------------------------------


def test_period_archives_in_the_same_layout(build):
    site = build(POSTS, **PERIODS)
    year = site.soup("2024/index.html")
    assert year.select_one(".chronicles-archive.chronicles-archive-period") is not None
    assert year.select_one(".chronicles-archive-title").get_text(strip=True) == "Archives: 2024"
    assert years(year) == ["year-2024"]
    assert titles(year) == ["Treaty signed in the capital", "Harbour reopens", "Budget vote moved"]
    month = site.soup("2024/05/index.html")
    june = datetime.date(2024, 5, 1).strftime("%B")
    assert month.select_one(".chronicles-archive-title").get_text(strip=True) == f"Archives: {june} 2024"
    assert titles(month) == ["Harbour reopens", "Budget vote moved"]
    assert [s["id"] for s in month.select(".chronicles-month")] == ["month-2024-05"]
    totals = {d.dt.get_text(strip=True): d.dd.get_text(strip=True) for d in month.select(".chronicles-totals > div")}
    assert totals["Posts"] == "2"


def test_period_archives_in_notmyidea(build):
    site = build(POSTS, THEME="notmyidea", **PERIODS)
    assert titles(site.soup("2022/index.html")) == ["An old story"]


def theme_with_archive(tmp_path, archive_html: str) -> str:
    """Pelican's simple theme with its own chronicles/archive.html."""
    import shutil

    import pelican

    theme = tmp_path / "theme"
    shutil.copytree(Path(pelican.__file__).parent / "themes" / "simple", theme)
    (theme / "templates" / "chronicles").mkdir()
    (theme / "templates" / "chronicles" / "archive.html").write_text(archive_html)
    return str(theme)


def test_a_theme_can_override_a_chronicles_template(build, tmp_path):
    theme = theme_with_archive(
        tmp_path,
        '{% extends "base.html" %}{% block content %}<p id="theme-archive">{{ dates|length }} posts</p>{% endblock %}',
    )
    site = build({"a.md": "Title: A\nDate: 2024-01-02\n\nText."}, THEME=theme)
    assert site.soup("archives.html").select_one("#theme-archive").get_text() == "1 posts"
    # the theme's own base still frames the page, with the chronicles head added
    assert site.soup("archives.html").select_one('link[href$="chronicles.css"]') is not None


def test_a_themes_archive_can_call_the_archive_body_macro(build, tmp_path):
    theme = theme_with_archive(
        tmp_path,
        '{% extends "base.html" %}{% import "chronicles/macros.html" as ui with context %}'
        '{% block content %}<div id="theme-archive">{{ ui.archive_body(chronicles.archive(dates)) }}</div>'
        "{% endblock %}",
    )
    site = build(POSTS, THEME=theme)
    own = build_site(tmp_path / "own", POSTS)
    page = site.soup("archives.html").select_one("#theme-archive")
    assert titles(page) == titles(own.soup("archives.html"))
    assert page.select(".chronicles-entry a.chronicles-source")


def test_the_archive_is_markup_where_the_site_turns_autoescape_on(build, tmp_path):
    plain = build(POSTS)
    escaped = build_site(tmp_path / "autoescape", POSTS, JINJA_ENVIRONMENT={"autoescape": True})
    soup = escaped.soup("archives.html")
    assert titles(soup) == titles(plain.soup("archives.html"))
    assert len(soup.select(".chronicles-entry a.chronicles-source")) == len(
        plain.soup("archives.html").select(".chronicles-entry a.chronicles-source")
    )


# --- entry markup rendered once per post ---------------------------------------

# The ``entry`` macro as chronicles/macros.html had it before the site index
# rendered entries itself: the index's markup must stay byte for byte the same.
REFERENCE_ENTRY_MACRO = """\
{% macro label(key, default) -%}
{{ (CHRONICLES_LABELS.get(key) if CHRONICLES_LABELS is mapping else none) or default }}
{%- endmacro %}
{% macro plural(n, one, many) -%}
{{ n }} {{ one if n == 1 else many }}
{%- endmacro %}
{% macro title(article) -%}
{{ article.title|striptags|e }}
{%- endmacro %}
{% macro date_time(value, format=None) -%}
<time datetime="{{ value.isoformat() }}">{{ value|strftime(format or DEFAULT_DATE_FORMAT) }}</time>
{%- endmacro %}
{% macro country_link(facet) -%}
<a class="chronicles-country" href="{{ SITEURL }}/{{ facet.url|e }}">{% if facet.flag %}<span class="chronicles-flag" aria-hidden="true">{{ facet.flag|e }}</span> {% endif %}{{ facet.name|e }}</a>
{%- endmacro %}
{% macro source_link(facet) -%}
<a class="chronicles-source" href="{{ SITEURL }}/{{ facet.url|e }}">{{ facet.name|e }}</a>
{%- endmacro %}
{% macro badges(entry) -%}
{% if entry.is_updated %}
<span class="chronicles-badge chronicles-badge-update">{{ label('updated_badge', 'Updated') }}
{%- if entry.latest_update %} {{ date_time(entry.latest_update, '%d %b %Y') }}{% endif %}
{%- if entry.update_count %} <span class="chronicles-badge-count">({{ plural(entry.update_count, label('update_one', 'update'), label('update_many', 'updates')) }})</span>{% endif %}</span>
{% endif %}
{% if entry.is_corrected %}
<span class="chronicles-badge chronicles-badge-correction">{{ label('corrected_badge', 'Corrected') }}
{%- if entry.latest_correction %} {{ date_time(entry.latest_correction, '%d %b %Y') }}{% endif %}
{%- if entry.correction_count > 1 %} <span class="chronicles-badge-count">({{ plural(entry.correction_count, label('correction_one', 'correction'), label('correction_many', 'corrections')) }})</span>{% endif %}</span>
{% endif %}
{%- endmacro %}
{% macro entry(e) -%}
<li class="chronicles-entry{% if e.is_updated %} chronicles-entry-updated{% endif %}{% if e.is_corrected %} chronicles-entry-corrected{% endif %}">
  <time class="chronicles-entry-date" datetime="{{ e.date.isoformat() }}" title="{{ e.article.locale_date|striptags|e }}">{{ e.date|strftime('%d') }}</time>
  <div class="chronicles-entry-body">
    <a class="chronicles-entry-title" href="{{ SITEURL }}/{{ e.article.url|e }}">{{ title(e.article) }}</a>
    {% if e.is_updated or e.is_corrected %}
    <span class="chronicles-badges">{{ badges(e) }}</span>
    {% endif %}
    {% if e.place or e.sources or e.countries %}
    <p class="chronicles-entry-meta">
      {% if e.place %}<span class="chronicles-entry-place">{{ e.place|e }}</span>{% endif %}
      {% if e.sources %}<span class="chronicles-entry-sources">{{ label('via', 'via') }} {% for f in e.sources %}{{ source_link(f) }}{% if not loop.last %}, {% endif %}{% endfor %}</span>{% endif %}
      {% if e.countries %}<span class="chronicles-entry-countries">{% for f in e.countries %}{{ country_link(f) }}{% endfor %}</span>{% endif %}
    </p>
    {% endif %}
  </div>
</li>
{%- endmacro %}
{% for e in entries %}
{{ entry(e) }}
{{ country_link(e.countries[0]) if e.countries else '' }}
{{ source_link(e.sources[0]) if e.sources else '' }}
{% endfor %}
"""


def reference_render(entries, siteurl, labels):
    import jinja2

    env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)
    env.filters["strftime"] = lambda value, fmt: value.strftime(fmt)
    return env.from_string(REFERENCE_ENTRY_MACRO).render(
        entries=entries, SITEURL=siteurl, CHRONICLES_LABELS=labels, DEFAULT_DATE_FORMAT="%a %d %B %Y"
    )


def index_render(index, entries, siteurl):
    return "".join(
        f"{index.entry_html(e, siteurl)}\n"
        f"{index.facet_link_html(e.countries[0], siteurl) if e.countries else ''}\n"
        f"{index.facet_link_html(e.sources[0], siteurl) if e.sources else ''}\n"
        for e in entries
    )


@pytest.mark.parametrize("siteurl", ["", "https://example.org", "../.."])
@pytest.mark.parametrize(
    "labels",
    [
        {},
        {"via": "<b>par</b>", "updated_badge": "", "update_one": "rév.", "correction_many": "fixes"},
    ],
)
def test_entry_markup_is_the_entry_macros(siteurl, labels):
    from pelican_chronicles.settings import DEFAULT_LABELS

    labels = {**DEFAULT_LABELS, **labels}
    fr = Country("FR", "FRA", "France", "🇫🇷")
    xx = Country("XK", "XKX", "K<o>sovo & co", "")
    day = datetime.datetime(2024, 6, 20, tzinfo=UTC)
    update = Note("update", 1, "Update", day)
    undated = Note("update", 2, "Update", None)
    correction = Note("correction", 1, "Correction", day + datetime.timedelta(days=2))
    posts = [
        post("plain", "2024-06-19"),
        post("<b>Tags</b> & \"quotes\"", "2024-06-18", dateline=Dateline("<PARIS> & co"),
             sources=(Source("A&B <wire>"), Source("Agency \"A\"")), countries=(fr, xx)),
        post("one update", "2024-06-17", notes=(update,), countries=(fr,)),
        post("undated updates", "2024-06-16", notes=(undated, undated), sources=(Source("Wire"),)),
        post("flagged", "2024-06-15", flags=("update", "correction")),
        post("corrected twice", "2024-06-14", notes=(correction, correction, update)),
        post("corrected once", "2024-06-13", notes=(correction,), dateline=Dateline("OSLO")),
    ]
    for p in posts:
        p.locale_date = f"<i>{p.date:%d %B %Y}</i>"
    index = SiteIndex.build(posts)
    index.labels = labels
    entries = index.archive().entries
    assert any(e.is_updated and e.is_corrected for e in entries)
    # the index writes flag emoji as character references (see char_refs)
    expected = re.sub("[\U00010000-\U0010FFFF]", lambda m: char_refs(m.group()), reference_render(entries, siteurl, labels))
    assert index_render(index, entries, siteurl) == expected
    # the archive pages write the same entries piece by piece
    pieces = list(index.entries_parts(entries, siteurl))
    assert all(type(p) is str for p in pieces)
    assert "".join(pieces) == index.entries_html(entries, siteurl) == "\n        ".join(
        index.entry_html(e, siteurl) for e in entries
    )


def test_entries_are_rendered_once_per_build(build, monkeypatch):
    calls = []
    render = SiteIndex._render_entry

    def counting(self, entry):
        calls.append(entry.article.title)
        return render(self, entry)

    monkeypatch.setattr(SiteIndex, "_render_entry", counting)
    site = build(POSTS, **PERIODS)
    # every post is on the archive, its year and month archives and the pages
    # of its sources and countries, and rendered once
    assert sorted(calls) == sorted(titles(site.soup("archives.html")))
    assert titles(site.soup("2024/06/index.html")) == ["Treaty signed in the capital"]


@settings(max_examples=300, deadline=None)
@example(["&", "#", "x", "a"])  # a line break as a reference: striptags keeps it
@given(st.lists(st.sampled_from([*"ab <>&;\"'\t\n/=!-#x\u00a0", "&amp;", "<b>", "</b>", "&#233;", "<!-- c -->"]), max_size=30))
def test_title_text_is_jinjas_striptags_and_escape(pieces):
    from markupsafe import Markup, escape

    from pelican_chronicles.site.index import text_html

    title = "".join(pieces)
    assert text_html(title) == escape(Markup(title).striptags())
