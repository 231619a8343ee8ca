"""Facet pages (SPEC 5, 6, 7, 8): sources, countries and speakers, their
indexes, and the archive's "by country" and "by source" summaries."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import jinja2
import pytest

from pelican_chronicles.model import Chronicle, Country, Note, Quote, Source, Turn
from pelican_chronicles.settings import DEFAULT_LABELS
from pelican_chronicles.site.filters import FILTERS
from pelican_chronicles.site.index import SiteIndex
from pelican_chronicles.site.render import ENTRY_SOURCES

POSTS = {
    "treaty.md": """\
        Title: Treaty signed in the capital
        Date: 2024-06-19 09:00
        Countries: FR, DE
        Sources: Agency A; [Wire B](https://wire.example/b)

        PARIS (Dateline Agency) - The two leaders signed the treaty.

        > This is not just a statement, it is already happening.
        >
        > — A. Minister, Minister of Foreign Affairs, [Agency A](https://agency.example/item), 2024-06-19

        Question: Does this clause mean what it says?

        💬 A. Minister: It means exactly that.
        """,
    "budget.md": """\
        Title: Budget vote moved
        Date: 2024-05-02 10:00
        Countries: FRA
        Sources: wire b

        Question: When is the vote?

        💬 B. Spokesperson: On Friday.
        """,
    "old.md": """\
        Title: An old story
        Date: 2022-01-10 12:00
        Countries: Japan
        Sources: Agency A <https://agency.example/>

        > Earlier words.
        >
        > — A. Minister

        Nothing else.
        """,
    "plain.md": """\
        Title: A plain post
        Date: 2023-03-03

        No sources, no countries.
        """,
}


@pytest.fixture
def site(build):
    return build(POSTS)


def entry_titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".chronicles-entry-title")]


def listed(soup):
    """(link text, href, count text) of an index page's list."""
    return [
        (li.a.get_text(" ", strip=True), li.a["href"], li.select_one(".chronicles-count").get_text(strip=True))
        for li in soup.select(".chronicles-facet-list li")
    ]


# --- sources ------------------------------------------------------------------


def test_sources_index_lists_every_source_with_counts(site):
    soup = site.soup("sources/index.html")
    assert soup.select_one(".chronicles-archive-title").get_text(strip=True) == "Sources"
    assert listed(soup) == [
        ("Agency A", "/sources/agency-a.html", "2 posts"),
        ("Dateline Agency", "/sources/dateline-agency.html", "1 post"),
        ("Wire B", "/sources/wire-b.html", "2 posts"),
    ]


def test_source_page_lists_the_posts_that_cite_it(site):
    soup = site.soup("sources/wire-b.html")
    (root,) = soup.select(".chronicles-archive.chronicles-archive-source")
    assert root.select_one(".chronicles-archive-title").get_text(strip=True) == "Wire B"
    # merged case-insensitively: "Wire B" and "wire b" are one source
    assert entry_titles(soup) == ["Treaty signed in the capital", "Budget vote moved"]
    assert [s["id"] for s in soup.select(".chronicles-year")] == ["year-2024"]
    website = root.select_one("a.chronicles-source-home")
    assert website["href"] == "https://wire.example/b"


def test_source_page_in_archive_order(build):
    soup = build(POSTS, NEWEST_FIRST_ARCHIVES=False).soup("sources/agency-a.html")
    assert entry_titles(soup) == ["An old story", "Treaty signed in the capital"]


def test_archive_entries_link_their_sources(site):
    soup = site.soup("archives.html")
    entry = soup.select(".chronicles-entry")[0]
    sources = [(a.get_text(), a["href"]) for a in entry.select(".chronicles-entry-sources a.chronicles-source")]
    assert ("Agency A", "/sources/agency-a.html") in sources
    assert ("Wire B", "/sources/wire-b.html") in sources
    for _, href in sources:
        assert site.exists(href.lstrip("/"))


def test_source_slugs_follow_the_sites_substitutions(build):
    site = build(
        {"a.md": "Title: A\nDate: 2024-01-01\nSources: C++ Weekly\n\nBody."},
        SLUG_REGEX_SUBSTITUTIONS=[(r"\+", "plus"), (r"[^\w\s-]", ""), (r"[-\s]+", "-")],
    )
    assert site.exists("sources/cplusplus-weekly.html")


def test_a_source_named_index_does_not_replace_the_index(build):
    site = build({"a.md": "Title: A\nDate: 2024-01-01\nSources: Index\n\nBody."})
    assert site.soup("sources/index.html").select_one(".chronicles-facet-list")
    assert entry_titles(site.soup("sources/index-2.html")) == ["A"]


# --- countries ----------------------------------------------------------------


def test_countries_index(site):
    soup = site.soup("countries/index.html")
    rows = listed(soup)
    assert [(text.split()[-1], href, count) for text, href, count in rows] == [
        ("France", "/countries/fr.html", "2 posts"),
        ("Germany", "/countries/de.html", "1 post"),
        ("Japan", "/countries/jp.html", "1 post"),
    ]
    flag = soup.select_one(".chronicles-facet-list .chronicles-country .chronicles-flag")
    assert flag["aria-hidden"] == "true"


def test_country_page_lists_its_posts(site):
    soup = site.soup("countries/fr.html")
    (root,) = soup.select(".chronicles-archive.chronicles-archive-country")
    assert "France" in root.select_one(".chronicles-archive-title").get_text()
    # FR and FRA are one country
    assert entry_titles(soup) == ["Treaty signed in the capital", "Budget vote moved"]
    assert entry_titles(site.soup("countries/jp.html")) == ["An old story"]


def test_archive_entries_link_their_countries(site):
    entry = site.soup("archives.html").select(".chronicles-entry")[0]
    countries = [(a.get_text(" ", strip=True).split()[-1], a["href"]) for a in entry.select("a.chronicles-country")]
    assert countries == [("France", "/countries/fr.html"), ("Germany", "/countries/de.html")]


# --- summaries ----------------------------------------------------------------


def test_archive_summaries_by_country_and_source(site):
    soup = site.soup("archives.html")
    by_country = [
        (li.a.get_text(" ", strip=True).split()[-1], li.select_one(".chronicles-count").get_text())
        for li in soup.select(".chronicles-by-country li")
    ]
    assert by_country == [("France", "2"), ("Germany", "1"), ("Japan", "1")]
    by_source = [(li.a.get_text(), li.select_one(".chronicles-count").get_text()) for li in soup.select(".chronicles-by-source li")]
    assert by_source == [("Agency A", "2"), ("Wire B", "2"), ("Dateline Agency", "1")]
    assert soup.select_one(".chronicles-by-country h2").get_text(strip=True) == "By country"


def test_facet_pages_have_no_summaries(site):
    for page in ("countries/fr.html", "sources/wire-b.html"):
        soup = site.soup(page)
        assert soup.select(".chronicles-entry"), page
        assert soup.select(".chronicles-summaries, .chronicles-by-country, .chronicles-by-source") == [], page


def test_facet_pages_list_compact_entries(site):
    """A source's or a country's page lists each post's day, title and
    badges; its place, sources and countries are on the archive."""
    full = site.soup("archives.html").select_one(".chronicles-entry")
    assert [e.get_text(" ", strip=True) for e in full.select(".chronicles-entry-meta > span")] == [
        "PARIS", "via Agency A , Wire B , Dateline Agency", "\U0001f1eb\U0001f1f7 France \U0001f1e9\U0001f1ea Germany",
    ]
    for page in ("countries/fr.html", "countries/de.html", "sources/wire-b.html", "sources/dateline-agency.html"):
        (entry,) = [e for e in site.soup(page).select(".chronicles-entry")
                    if e.select_one(".chronicles-entry-title").get_text() == "Treaty signed in the capital"]
        assert entry["class"] == full["class"], page
        assert entry.select_one(".chronicles-entry-date") == full.select_one(".chronicles-entry-date"), page
        assert entry.select_one(".chronicles-entry-title") == full.select_one(".chronicles-entry-title"), page
        assert entry.select(".chronicles-entry-meta") == [], page


# --- speakers -----------------------------------------------------------------


def test_speakers_index(site):
    soup = site.soup("speakers/index.html")
    assert listed(soup) == [
        ("A. Minister", "/speakers/a-minister.html", "3 statements"),
        ("B. Spokesperson", "/speakers/b-spokesperson.html", "1 statement"),
    ]


def test_statements_page_newest_first_with_links_back(site):
    soup = site.soup("speakers/a-minister.html")
    assert soup.select_one(".chronicles-archive-title").get_text(strip=True) == "A. Minister"
    items = soup.select(".chronicles-statement")
    assert [i.blockquote.get_text(strip=True) for i in items] == [
        "This is not just a statement, it is already happening.",
        "It means exactly that.",
        "Earlier words.",
    ]
    links = [i.select_one(".chronicles-statement-context a")["href"] for i in items]
    assert links == [
        "/treaty-signed-in-the-capital.html#quote-1",
        "/treaty-signed-in-the-capital.html#turn-2",
        "/an-old-story.html#quote-1",
    ]
    assert [i.time["datetime"][:10] for i in items] == ["2024-06-19", "2024-06-19", "2022-01-10"]
    assert "Minister of Foreign Affairs" in items[0].get_text()
    # the anchors exist in the posts
    post = site.soup("treaty-signed-in-the-capital.html")
    assert post.find(id="quote-1") is not None and post.find(id="turn-2") is not None


def test_question_labels_are_not_speakers(site):
    text = site.text("speakers/index.html")
    assert "Question" not in text


# --- settings -----------------------------------------------------------------


def test_index_pages_can_be_turned_off(build):
    site = build(
        POSTS,
        CHRONICLES_SOURCES_SAVE_AS=None,
        CHRONICLES_COUNTRIES_SAVE_AS=None,
        CHRONICLES_SPEAKERS_SAVE_AS=None,
    )
    assert not site.exists("sources/index.html")
    assert not site.exists("countries/index.html")
    assert not site.exists("speakers/index.html")
    assert site.exists("sources/wire-b.html")  # the facet pages stay


def test_facet_paths_are_settable(build):
    site = build(
        POSTS,
        CHRONICLES_COUNTRY_SAVE_AS="where/{slug}/index.html",
        CHRONICLES_COUNTRY_URL="where/{slug}/",
    )
    assert entry_titles(site.soup("where/de/index.html")) == ["Treaty signed in the capital"]
    hrefs = [a["href"] for a in site.soup("archives.html").select(".chronicles-entry a.chronicles-country")]
    assert "/where/de/" in hrefs


def test_relative_urls(build):
    site = build(POSTS, RELATIVE_URLS=True)
    soup = site.soup("countries/fr.html")
    link = soup.select_one(".chronicles-entry-title")["href"]
    assert link == "../treaty-signed-in-the-capital.html"


@pytest.mark.parametrize("theme", ["simple", "notmyidea"])
def test_facet_pages_in_both_themes(build, theme):
    site = build(POSTS, THEME=theme)
    for page in ("sources/index.html", "sources/agency-a.html", "countries/fr.html", "speakers/a-minister.html"):
        soup = site.soup(page)
        assert soup.select(".chronicles-page"), page
        assert soup.find("link", rel="stylesheet", href="/theme/chronicles/chronicles.css"), page
    assert len(site.soup("countries/fr.html").select(".chronicles-entry")) == 2


def test_names_are_escaped(build):
    site = build({"a.md": "Title: A\nDate: 2024-01-01\nSources: <b>Bold</b> & Co\n\nBody."})
    soup = site.soup("sources/index.html")
    assert soup.select(".chronicles-facet-list b") == []


# --- the markup of the pages' items ----------------------------------------------

UTC = datetime.timezone.utc


def render(template: str, **context) -> str:
    env = jinja2.Environment()
    env.filters.update(FILTERS)
    return env.from_string(template).render({
        "CHRONICLES_LABELS": DEFAULT_LABELS, "DEFAULT_DATE_FORMAT": "%d %B %Y", **context
    })


def article(title="Treaty <signed>", **chronicle):
    return SimpleNamespace(
        title=title, url="treaty.html", date=datetime.datetime(2024, 6, 9, 8, 30, tzinfo=UTC),
        chronicles=Chronicle(**chronicle),
    )


def test_links_to_facet_pages():
    index = SiteIndex.build([article(
        sources=(Source("A&B <wire>"),),
        countries=(Country("FR", "FRA", "France", "🇫🇷"),),
        quotes=(Quote("quote-1", "We agree.", speaker="Zed <Z>"),),
    )])
    (source,), (country,), (speaker,) = index.sources.values(), index.countries.values(), index.speakers.values()
    template = "{{ facet|chronicles_link }}"
    assert render(template, facet=source, SITEURL="https://example.org") == (
        '<a class="chronicles-source" href="https://example.org/sources/a-b-wire.html">A&amp;B &lt;wire&gt;</a>'
    )
    assert render(template, facet=country, SITEURL="..") == (
        '<a class="chronicles-country" href="../countries/fr.html">'
        '<span class="chronicles-flag" aria-hidden="true">&#x1F1EB;&#x1F1F7;</span> France</a>'
    )
    assert render(template, facet=speaker, SITEURL="") == (
        '<a class="chronicles-speaker" href="/speakers/zed-z.html">Zed &lt;Z&gt;</a>'
    )


def test_statement_item():
    post = article(quotes=(Quote("quote-1", 'We "agree" <now>.', speaker="A. Minister", role="Minister & co"),))
    (statement,) = SiteIndex.build([post]).speakers["a. minister"].statements
    assert render("{{ s|chronicles_statement }}", s=statement, SITEURL="") == """\
<li class="chronicles-statement chronicles-statement-quote">
  <p class="chronicles-statement-date"><time datetime="2024-06-09T08:30:00+00:00">09 June 2024</time></p>
  <blockquote class="chronicles-statement-text" cite="/treaty.html#quote-1">\
<p>We &#34;agree&#34; &lt;now&gt;.</p></blockquote>
  <p class="chronicles-statement-context"><span class="chronicles-role">Minister &amp; co</span>, in \
<a href="/treaty.html#quote-1">Treaty</a></p>
</li>"""


def test_statement_item_of_a_transcript_turn_without_role():
    post = article(title="Interview", turns=(Turn("turn-2", "B. Spokesperson", "On Friday.", named=True),))
    (statement,) = SiteIndex.build([post]).speakers["b. spokesperson"].statements
    html = render("{{ s|chronicles_statement }}", s=statement, SITEURL="",
                  CHRONICLES_LABELS={**DEFAULT_LABELS, "statement_in": "dans"})
    assert html.splitlines()[0] == '<li class="chronicles-statement chronicles-statement-turn">'
    assert html.splitlines()[3] == (
        '  <p class="chronicles-statement-context">dans <a href="/treaty.html#turn-2">Interview</a></p>'
    )


def test_updates_items():
    post = article(notes=(
        Note("update", 1, "Update", datetime.datetime(2024, 6, 20, tzinfo=UTC), "June 20",
             summary="The <text> was published."),
        Note("correction", 1, "Correction"),
    ))
    update, correction = sorted(SiteIndex.build([post]).notes, key=lambda n: n.note.kind, reverse=True)
    assert render("{{ n|chronicles_updates_item }}", n=update, SITEURL="") == """\
<li class="chronicles-updates-item chronicles-update">
  <p class="chronicles-updates-head"><span class="chronicles-badge chronicles-badge-update">Update</span> \
<time datetime="2024-06-20T00:00:00+00:00">June 20</time> <a href="/treaty.html#update-1">Treaty</a></p>
  <p class="chronicles-updates-summary">The &lt;text&gt; was published.</p>
</li>"""
    assert render("{{ n|chronicles_updates_item }}", n=correction, SITEURL="") == """\
<li class="chronicles-updates-item chronicles-correction">
  <p class="chronicles-updates-head"><span class="chronicles-badge chronicles-badge-correction">Correction</span> \
<a href="/treaty.html#correction-1">Treaty</a></p>
</li>"""


# --- a post with many sources ----------------------------------------------------


def many_sources(n: int) -> dict[str, str]:
    names = "; ".join(f"Regional Desk {i:04d}" for i in range(n))
    return {
        "wide.md": f"Title: A wide survey\nDate: 2024-04-01\nCountries: FR, DE\nSources: {names}\n\nBody.\n",
        "narrow.md": "Title: A narrow note\nDate: 2024-03-01\nSources: Regional Desk 0000\n\nBody.\n",
    }


def output_bytes(site) -> int:
    return sum(p.stat().st_size for p in site.output.rglob("*") if p.is_file())


def test_output_grows_linearly_with_the_sources_of_a_post(tmp_path):
    from conftest import build_site
    from timing import SCALE

    small = output_bytes(build_site(tmp_path / "small", many_sources(20)))
    large = output_bytes(build_site(tmp_path / "large", many_sources(20 * SCALE)))
    # linear output grows SCALE times; one entry with every source on every
    # source page grows SCALE² times
    assert large / small <= SCALE * 1.25, f"{small} -> {large} bytes for {SCALE} times the sources"


def test_an_entry_shows_a_bounded_number_of_sources(build):
    site = build(many_sources(40), CHRONICLES_LABELS={"and_more": "+{count} autres"})
    entry = site.soup("archives.html").select(".chronicles-entry")[0]
    sources = entry.select_one(".chronicles-entry-sources")
    assert len(sources.select("a.chronicles-source")) == ENTRY_SOURCES
    assert sources.select_one(".chronicles-more").get_text() == f"+{40 - ENTRY_SOURCES} autres"
    # on a source's and a country's page the entry is compact
    for page in ("sources/regional-desk-0017.html", "countries/fr.html"):
        entry = site.soup(page).select(".chronicles-entry")[0]
        assert entry.select_one(".chronicles-entry-title").get_text() == "A wide survey", page
        assert entry.select("a.chronicles-source, .chronicles-more") == [], page
    # the whole list stays on the post itself
    assert len(site.soup("a-wide-survey.html").select(".chronicles-sources li")) == 40


def test_the_archive_and_the_index_list_every_source_once(build):
    site = build(many_sources(40))
    assert len(site.soup("archives.html").select(".chronicles-by-source li")) == 40
    assert len(site.soup("sources/index.html").select(".chronicles-facet-list li")) == 40
    assert site.soup("sources/regional-desk-0017.html").select(".chronicles-by-source li") == []


def test_an_entry_with_few_sources_shows_them_all(site):
    entry = site.soup("archives.html").select(".chronicles-entry")[0]
    assert entry.select(".chronicles-more") == []


# --- intrasite links in Sources: and attributions ------------------------------------

LINKED = {
    "a.md": """\
        Title: Linked post
        Date: 2024-06-19
        Sources: Background <{filename}/b.md>; Annual report <{static}/files/report.pdf>; Older form <|filename|b.md>

        > Figures are up.
        >
        > — A. Analyst, [Briefing]({filename}/b.md#figures)

        Body.
        """,
    "b.md": """\
        Title: Background post
        Date: 2024-06-01

        Background.
        """,
    "files/report.pdf": "not really a PDF",
}


def test_intrasite_sources_are_resolved_in_the_post(build):
    site = build(LINKED, STATIC_PATHS=["files"], SITEURL="https://news.example")
    soup = site.soup("linked-post.html")
    hrefs = [a["href"] for a in soup.select(".chronicles-sources a.chronicles-source-home")]
    assert hrefs == [
        "https://news.example/background-post.html",
        "https://news.example/files/report.pdf",
        "https://news.example/background-post.html",
        "https://news.example/background-post.html#figures",
    ]
    assert soup.select_one("figure.chronicles-quote blockquote")["cite"] == (
        "https://news.example/background-post.html#figures"
    )


def test_intrasite_sources_are_resolved_in_json_ld(build):
    import json

    site = build(LINKED, STATIC_PATHS=["files"], SITEURL="https://news.example")
    script = site.soup("linked-post.html").find("script", type="application/ld+json")
    data = json.loads(script.string)
    assert [(c["name"], c.get("url")) for c in data["citation"]] == [
        ("Background", "https://news.example/background-post.html"),
        ("Annual report", "https://news.example/files/report.pdf"),
        ("Older form", "https://news.example/background-post.html"),
        ("Briefing", "https://news.example/background-post.html#figures"),
    ]
    assert data["hasPart"][0]["isBasedOn"]["url"] == "https://news.example/background-post.html#figures"
    assert "{filename}" not in script.string and "{static}" not in script.string


@pytest.mark.parametrize("relative, href", [(False, "/background-post.html"), (True, "../background-post.html")])
def test_intrasite_sources_are_resolved_on_their_pages(build, relative, href):
    site = build(LINKED, STATIC_PATHS=["files"], RELATIVE_URLS=relative)
    assert site.soup("sources/background.html").select_one("a.chronicles-source-home")["href"] == href
    report = site.soup("sources/annual-report.html").select_one("a.chronicles-source-home")["href"]
    assert report == href.replace("background-post.html", "files/report.pdf")
    briefing = site.soup("sources/briefing.html").select_one("a.chronicles-source-home")["href"]
    assert briefing == f"{href}#figures"


def test_an_intrasite_source_that_leads_nowhere_is_not_linked(build, caplog):
    site = build({"a.md": "Title: A\nDate: 2024-01-01\nSources: Gone <{filename}/missing.md>\n\nBody.\n"})
    assert site.soup("sources/gone.html").select("a.chronicles-source-home") == []
    assert "{filename}" not in site.text("a.html").split("<body")[0]
    assert any("Unable to find" in r.getMessage() for r in caplog.records)


# --- every link to a facet page leads to a page the build writes ---------------

EVERY_KIND_OF_POST = {
    "published.md": "Title: Published\nDate: 2024-03-01\nCountries: FR\nSources: Wire B\n\nText.\n",
    "hidden.md": "Title: Hidden\nDate: 2024-03-02\nStatus: hidden\nCountries: NO\nSources: Hidden Desk\n\nText.\n",
    "draft.md": "Title: Draft\nDate: 2024-03-03\nStatus: draft\nCountries: JP\nSources: Draft Desk\n\nText.\n",
    "future.md": "Title: Later\nDate: 2099-01-01\nCountries: IT\nSources: Future Desk\n\nText.\n",
    "published-de.md": (
        "Title: Veröffentlicht\nDate: 2024-03-01\nSlug: published\nLang: de\nCountries: AT\nSources: Tafel Desk\n\nText.\n"
    ),
    "pages/about.md": "Title: About\nCountries: PT\nSources: Census Office\n\nText.\n",
    "pages/notes.md": "Title: Notes\nStatus: draft\nSources: Notes Desk\n\nText.\n",
}


def facet_hrefs(site) -> dict[str, list[str]]:
    """The href of every link to a source's or a country's page, by page written."""
    found = {}
    for path in site.output.rglob("*.html"):
        links = site.soup(str(path.relative_to(site.output))).select(
            "aside a.chronicles-source, aside.chronicles-countries a")
        found[str(path.relative_to(site.output))] = [a.get("href") for a in links]
    return found


@pytest.mark.parametrize("relative", [False, True])
def test_every_link_to_a_facet_page_leads_to_a_written_page(build, relative, caplog):
    """Pages, hidden posts, translations and posts dated in the future link
    their sources' and countries' pages, and the build writes them; a post
    whose Status: is draft links none. With RELATIVE_URLS, a post shown on
    a page at another depth (its category's) links them from there."""
    site = build(EVERY_KIND_OF_POST, RELATIVE_URLS=relative, WITH_FUTURE_DATES=False)
    hrefs = facet_hrefs(site)
    for page, links in hrefs.items():
        for href in links:
            if href is not None:
                target = (site.path(page).parent / href).resolve() if relative else site.path(href.lstrip("/"))
                assert target.is_file(), (page, href)
    assert hrefs["pages/about.html"] == ["../sources/census-office.html" if relative else "/sources/census-office.html",
                                         "../countries/pt.html" if relative else "/countries/pt.html"][::-1]
    for page in ("hidden.html", "published-de.html", "drafts/later.html"):
        assert None not in hrefs[page] and len(hrefs[page]) == 2, page
    assert hrefs["drafts/draft.html"] == [None]  # the source's name, in its element; the country's, as text
    assert hrefs["drafts/pages/notes.html"] == [None]
    assert not site.exists("sources/draft-desk.html") and not site.exists("countries/jp.html")
    assert hrefs["category/misc.html"], "the category's page shows the posts' lists"
    assert not [r.getMessage() for r in caplog.records if "{chronicles}" in r.getMessage()]


def test_a_facet_page_only_a_page_links_is_left_out_of_the_indexes(build):
    site = build(EVERY_KIND_OF_POST, WITH_FUTURE_DATES=False)
    assert site.exists("sources/census-office.html")
    assert [name for name, _href, _count in listed(site.soup("sources/index.html"))] == ["Wire B"]
    assert entry_titles(site.soup("sources/census-office.html")) == []

