"""The chronicle archive (SPEC 8): grouping on its own, then real builds of
the archive and the period archives, read back with BeautifulSoup."""

from __future__ import annotations

import datetime
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from pelican_chronicles.model import Chronicle, Country, Dateline, Note, Source
from pelican_chronicles.settings import DEFAULT_LABELS
from pelican_chronicles.site.archive import group_by_year_month
from pelican_chronicles.site.filters import FILTERS
from pelican_chronicles.site.index import SiteIndex

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
    assert month.name == "June"


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
    assert [f.name for f in first.countries] == ["France", "Germany"]
    assert first.is_updated and not first.is_corrected
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
    slugs = sorted(f.slug for f in index.source_list())
    # "index" is the index page's own name; names with equal slugs share a page
    assert slugs == ["afp", "index-2"]
    assert index.sources["a.f.p."] is index.sources["afp"]
    assert [a.title for a in index.sources["afp"].articles] == ["c", "b"]


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
def site(shared_build):
    return shared_build(POSTS)


def test_archive_replaces_the_themes_archive(site):
    soup = site.soup("archives.html")
    (root,) = soup.select(".chronicles-archive")
    assert root.select_one("h1").get_text(strip=True) == "Archives"
    assert "Chronicle Test" in root.select_one(".chronicles-archive-header").get_text()
    # in the theme's pattern: notmyidea's own pages are titled "Site - Tags"
    assert soup.title.get_text() == "Chronicle Test - Archives"


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
    assert may.h3.get_text(" ", strip=True) == "May 2 posts"  # CLDR's English name, not the process locale's
    assert may["aria-label"] == "May 2024"  # one name per landmark, whatever the year
    assert soup.select_one("#year-2022 h2").get_text(" ", strip=True) == "2022 1 post"


def test_archive_oldest_first(shared_build):
    soup = shared_build(POSTS, NEWEST_FIRST_ARCHIVES=False).soup("archives.html")
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


def test_titles_are_escaped(shared_build):
    site = shared_build({"x.md": "Title: Tom & Jerry <script>alert(1)</script>\nDate: 2024-01-01\n\nBody."})
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


def test_filter_script_off(shared_build):
    soup = shared_build(POSTS, CHRONICLES_FILTER_SCRIPT=False).soup("archives.html")
    assert soup.find("script", src="/theme/chronicles/chronicles.js") is None
    assert soup.select(".chronicles-entry")


def test_archive_off_leaves_the_themes_archive(shared_build):
    site = shared_build(POSTS, CHRONICLES_ARCHIVE=False, **PERIODS)
    for page in ("archives.html", "2024/index.html"):
        soup = site.soup(page)
        assert soup.select(".chronicles-archive") == []
        assert soup.select("dl dd a")  # the simple theme's list of posts
    assert "Archives for" in site.text("archives.html")


@pytest.mark.parametrize("theme", ["simple", "notmyidea"])
def test_archive_in_both_themes(shared_build, theme):
    soup = shared_build(POSTS, THEME=theme).soup("archives.html")
    assert len(soup.select(".chronicles-archive")) == 1
    assert len(soup.select(".chronicles-entry")) == 4
    # inside the theme's own page
    if theme == "simple":
        assert soup.select_one("main > .chronicles-archive") is not None
    else:
        assert soup.select_one("header#banner") is not None
        assert soup.select_one("body > .chronicles-archive") is not None


def test_archive_at_another_path(shared_build):
    site = shared_build(POSTS, ARCHIVES_SAVE_AS="archive/index.html", ARCHIVES_URL="archive/")
    assert site.soup("archive/index.html").select(".chronicles-archive")
    assert not site.exists("archives.html")


PLUGIN_PAGES = {
    "Updates and corrections": "updates/index.html",
    "Sources": "sources/index.html",
    "Countries": "countries/index.html",
    "Speakers": "speakers/index.html",
}


def linked_file(output: Path, page: str, href: str) -> Path:
    """The file of ``output`` that a link on ``page`` leads to."""
    path = href.split("#")[0]
    target = output / path.lstrip("/") if path.startswith("/") else (output / page).parent / path
    return target / "index.html" if path.endswith("/") else target


def plugin_page_links(output: Path, page: str, soup) -> dict[str, Path]:
    """Link text -> linked file, of the links to the plugin's pages."""
    return {
        a.get_text(strip=True): linked_file(output, page, a["href"]).resolve()
        for a in soup.select(".chronicles-archive-header a[href]")
        if a.get_text(strip=True) in PLUGIN_PAGES
    }


@pytest.mark.parametrize("relative", [False, True])
def test_the_archive_links_the_plugins_other_pages(shared_build, relative):
    site = shared_build(POSTS, RELATIVE_URLS=relative, **PERIODS)
    for page in ("archives.html", "2024/index.html", "2024/05/index.html"):
        links = plugin_page_links(site.output, page, site.soup(page))
        assert links == {text: (site.output / name).resolve() for text, name in PLUGIN_PAGES.items()}, page
        assert all(target.is_file() for target in links.values()), page


def test_the_archive_links_only_the_pages_the_site_writes(shared_build):
    site = shared_build(POSTS, CHRONICLES_SPEAKERS_SAVE_AS=None, CHRONICLES_UPDATES_SAVE_AS=None)
    links = plugin_page_links(site.output, "archives.html", site.soup("archives.html"))
    assert sorted(links) == ["Countries", "Sources"]
    assert not site.exists("speakers/index.html") and not site.exists("updates/index.html")


# --- period archives ----------------------------------------------------------


def test_period_archives_in_the_same_layout(shared_build):
    site = shared_build(POSTS, **PERIODS)
    year = site.soup("2024/index.html")
    assert year.select_one(".chronicles-archive.chronicles-archive-period") is not None
    assert year.select_one(".chronicles-archive-title").get_text(strip=True) == "Archives: 2024"
    assert years(year) == ["year-2024"]
    assert titles(year) == ["Treaty signed in the capital", "Harbour reopens", "Budget vote moved"]
    month = site.soup("2024/05/index.html")
    assert month.select_one(".chronicles-archive-title").get_text(strip=True) == "Archives: May 2024"
    assert titles(month) == ["Harbour reopens", "Budget vote moved"]
    assert [s["id"] for s in month.select(".chronicles-month")] == ["month-2024-05"]
    totals = {d.dt.get_text(strip=True): d.dd.get_text(strip=True) for d in month.select(".chronicles-totals > div")}
    assert totals["Posts"] == "2"


def test_period_archives_in_notmyidea(shared_build):
    site = shared_build(POSTS, THEME="notmyidea", **PERIODS)
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
    # the theme's own base still frames the page, with the chronicles head added:
    # the updates feed's link (the page holds no chronicles markup, so no stylesheet)
    assert site.soup("archives.html").select_one('link[rel="alternate"][href$="updates.atom.xml"]') is not None


def test_a_themes_archive_can_call_the_archive_body_macro(build, shared_build, tmp_path):
    theme = theme_with_archive(
        tmp_path,
        '{% extends "base.html" %}{% import "chronicles/macros.html" as ui with context %}'
        '{% block content %}<div id="theme-archive">{{ ui.archive_body(chronicles_site.archive(dates)) }}</div>'
        "{% endblock %}",
    )
    site = build(POSTS, THEME=theme)
    own = shared_build(POSTS)
    page = site.soup("archives.html").select_one("#theme-archive")
    assert titles(page) == titles(own.soup("archives.html"))
    assert page.select(".chronicles-entry a.chronicles-source")


def test_the_archive_is_markup_where_the_site_turns_autoescape_on(shared_build):
    plain = shared_build(POSTS)
    escaped = shared_build(POSTS, JINJA_ENVIRONMENT={"autoescape": True})
    soup = escaped.soup("archives.html")
    assert titles(soup) == titles(plain.soup("archives.html"))
    assert len(soup.select(".chronicles-entry a.chronicles-source")) == len(
        plain.soup("archives.html").select(".chronicles-entry a.chronicles-source")
    )


def test_a_themes_article_shows_the_archives_badge(build, tmp_path):
    import shutil

    import pelican

    theme = tmp_path / "theme"
    shutil.copytree(Path(pelican.__file__).parent / "themes" / "simple", theme)
    (theme / "templates" / "article.html").write_text(
        '{% extends "base.html" %}{% block content %}<p id="badge">{{ article|chronicles_badge }}</p>{% endblock %}'
    )
    site = build(
        {"a.md": "Title: A\nDate: 2024-06-19\nModified: 2024-06-21\n\nText.\n\nUPDATE: More text.\n"}, THEME=theme
    )
    expected = (
        '<span class="chronicles-badge chronicles-badge-update">Updated '
        '<span class="chronicles-badge-count">(1 update)</span></span>'
    )
    assert site.soup("a.html").select_one("#badge").decode_contents() == expected
    assert site.soup("archives.html").select_one(".chronicles-badges").decode_contents() == expected


# --- an archive entry's markup --------------------------------------------------


def render_entry(article, siteurl="", **labels) -> str:
    env = jinja2.Environment()
    env.filters.update(FILTERS)
    (entry,) = SiteIndex.build([article]).archive().entries
    return env.from_string("{{ entry|chronicles_entry }}").render(
        entry=entry, SITEURL=siteurl, CHRONICLES_LABELS={**DEFAULT_LABELS, **labels}
    )


def dated_post(title, url="post.html", **chronicle):
    return SimpleNamespace(
        title=title,
        url=url,
        date=datetime.datetime(2024, 6, 9, 8, 30, tzinfo=UTC),
        locale_date="Sun 09 June 2024",
        chronicles=Chronicle(**chronicle),
    )


DAY = datetime.datetime(2024, 6, 20, tzinfo=UTC)
FRANCE = Country("FR", "FRA", "France", "🇫🇷")


def test_entry_of_a_plain_post():
    assert render_entry(dated_post("Harbour reopens"), "https://example.org") == """\
<li class="chronicles-entry">
  <time class="chronicles-entry-date" datetime="2024-06-09T08:30:00+00:00" title="Sun 09 June 2024">09</time>
  <div class="chronicles-entry-body">
    <a class="chronicles-entry-title" href="https://example.org/post.html">Harbour reopens</a>
  </div>
</li>"""


def test_entry_with_place_sources_and_countries_escaped():
    article = dated_post(
        '<b>Tags</b> & "quotes"',
        url="a&b.html",
        dateline=Dateline("<PARIS> & co"),
        sources=(Source("A&B <wire>"), Source("Agency")),
        countries=(FRANCE, Country("XK", "XKX", "K<o>sovo", "")),
    )
    assert render_entry(article, "../..") == """\
<li class="chronicles-entry">
  <time class="chronicles-entry-date" datetime="2024-06-09T08:30:00+00:00" title="Sun 09 June 2024">09</time>
  <div class="chronicles-entry-body">
    <a class="chronicles-entry-title" href="../../a&amp;b.html">Tags &amp; &#34;quotes&#34;</a>
    <p class="chronicles-entry-meta"><span class="chronicles-entry-place">&lt;PARIS&gt; &amp; co</span> \
<span class="chronicles-entry-sources">via \
<a class="chronicles-source" href="../../sources/a-b-wire.html">A&amp;B &lt;wire&gt;</a>, \
<a class="chronicles-source" href="../../sources/agency.html">Agency</a></span> \
<span class="chronicles-entry-countries">\
<a class="chronicles-country" href="../../countries/fr.html">\
<span class="chronicles-flag" aria-hidden="true">&#x1F1EB;&#x1F1F7;</span> France</a> \
<a class="chronicles-country" href="../../countries/xk.html">K&lt;o&gt;sovo</a></span></p>
  </div>
</li>"""


@pytest.mark.parametrize(
    "chronicle, badges",
    [
        pytest.param(
            {"notes": (Note("update", 1, "Update", DAY), Note("update", 2, "Update", DAY.replace(day=22)))},
            '<span class="chronicles-badge chronicles-badge-update">Updated '
            '<time datetime="2024-06-22T00:00:00+00:00">22 Jun 2024</time> '
            '<span class="chronicles-badge-count">(2 updates)</span></span>',
            id="latest-update-and-count",
        ),
        pytest.param(
            {"notes": (Note("update", 1, "Update"),)},
            '<span class="chronicles-badge chronicles-badge-update">Updated '
            '<span class="chronicles-badge-count">(1 update)</span></span>',
            id="undated-update",
        ),
        pytest.param(
            {"flags": ("update", "correction")},
            '<span class="chronicles-badge chronicles-badge-update">Updated</span> '
            '<span class="chronicles-badge chronicles-badge-correction">Corrected</span>',
            id="flags-in-title",
        ),
        pytest.param(
            {"notes": (Note("correction", 1, "Correction", DAY),)},
            '<span class="chronicles-badge chronicles-badge-correction">Corrected '
            '<time datetime="2024-06-20T00:00:00+00:00">20 Jun 2024</time></span>',
            id="one-correction-not-counted",
        ),
        pytest.param(
            {"notes": (Note("correction", 1, "Correction"), Note("correction", 2, "Correction"))},
            '<span class="chronicles-badge chronicles-badge-correction">Corrected '
            '<span class="chronicles-badge-count">(2 corrections)</span></span>',
            id="corrections-counted-from-two",
        ),
    ],
)
def test_entry_badges(chronicle, badges):
    classes = " ".join(
        ["chronicles-entry"]
        + ["chronicles-entry-updated"] * ("chronicles-badge-update" in badges)
        + ["chronicles-entry-corrected"] * ("chronicles-badge-correction" in badges)
    )
    assert render_entry(dated_post("Treaty", **chronicle)) == f"""\
<li class="{classes}">
  <time class="chronicles-entry-date" datetime="2024-06-09T08:30:00+00:00" title="Sun 09 June 2024">09</time>
  <div class="chronicles-entry-body">
    <a class="chronicles-entry-title" href="/post.html">Treaty</a>
    <span class="chronicles-badges">{badges}</span>
  </div>
</li>"""


def test_entry_labels_are_the_sites_and_escaped():
    article = dated_post("Treaty", flags=("update",), notes=(Note("update", 1, "Update"),), sources=(Source("AFP"),))
    html = render_entry(article, via="<b>par</b>", updated_badge="Mis à jour", update_one="mise à jour")
    assert '<span class="chronicles-badge chronicles-badge-update">Mis à jour ' in html
    assert '<span class="chronicles-badge-count">(1 mise à jour)</span>' in html
    assert '<span class="chronicles-entry-sources">&lt;b&gt;par&lt;/b&gt; <a class="chronicles-source"' in html


def test_each_entry_is_rendered_once_per_build(build, monkeypatch):
    from pelican_chronicles.site import render

    rendered = []
    entry = render.entry

    def counting(item, *args):
        rendered.append(item.article.title)
        return entry(item, *args)

    monkeypatch.setattr(render, "entry", counting)
    site = build(POSTS, **PERIODS)
    # a post is listed in full on the archive and its year and month
    # archives, and compact on the pages of its sources and countries
    full = titles(site.soup("archives.html"))
    facet_pages = [p for p in (*site.output.glob("sources/*.html"), *site.output.glob("countries/*.html"))
                   if p.name != "index.html"]
    compact = {t for page in facet_pages for t in titles(site.soup(str(page.relative_to(site.output))))}
    assert compact
    assert sorted(rendered) == sorted([*full, *compact])
    assert titles(site.soup("2024/06/index.html")) == ["Treaty signed in the capital"]
    assert titles(site.soup("countries/fr.html")) == ["Treaty signed in the capital", "Budget vote moved"]
