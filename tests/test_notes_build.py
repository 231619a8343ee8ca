"""Update notes in real Pelican builds: titles, slugs, modified dates, feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

ATOM = "{http://www.w3.org/2005/Atom}"

TREATY = """\
Title: (UPDATE) Partnership treaty signed in the capital
Date: 2024-06-19 09:00

One-line lead written by the author.

UPDATE (2024-06-20 08:30): Answer to my question from the ministry:

The clause covers rail freight only.

CORRECTION (2024-06-21): The treaty has twelve articles, not ten.
"""

BRIDGE = """\
Title: Bridge opens to traffic
Date: 2024-05-02 10:00

The new bridge opened this morning.

UPDATE: Lanes in both directions are open.
"""


@pytest.fixture
def site(shared_build):
    return shared_build({"treaty.md": TREATY, "bridge.md": BRIDGE})


def test_the_flag_leaves_the_title_and_the_slug(site):
    assert site.exists("partnership-treaty-signed-in-the-capital.html")
    soup = site.soup("partnership-treaty-signed-in-the-capital.html")
    assert soup.title.get_text().startswith("Partnership treaty signed in the capital")
    assert "(UPDATE)" not in soup.get_text()


def test_the_flag_is_on_the_article(site):
    article = next(a for a in site.pelican_articles() if a.slug.startswith("partnership"))
    assert article.chronicles.flags == ("update",)
    assert article.title == "Partnership treaty signed in the capital"


def test_notes_are_anchored_sections_with_dates(site):
    soup = site.soup("partnership-treaty-signed-in-the-capital.html")
    update = soup.select_one("section.chronicles-note.chronicles-update#update-1")
    assert update["aria-labelledby"] == "update-1-label"
    assert update.select_one("time")["datetime"] == "2024-06-20T08:30:00+00:00"
    assert [p.get_text() for p in update.find_all("p")][1:] == [
        "Answer to my question from the ministry:",
        "The clause covers rail freight only.",
    ]
    correction = soup.select_one("section.chronicles-correction#correction-1")
    assert correction.select_one("time")["datetime"] == "2024-06-21"


def test_the_update_log_links_to_each_note(site):
    soup = site.soup("partnership-treaty-signed-in-the-capital.html")
    links = [a["href"] for a in soup.select("nav.chronicles-update-log a")]
    assert links == ["#update-1", "#correction-1"]
    assert all(soup.select_one(href) is not None for href in links)


def test_modified_follows_the_latest_dated_note(site):
    article = next(a for a in site.pelican_articles() if a.slug.startswith("partnership"))
    assert article.modified.isoformat() == "2024-06-21T00:00:00+00:00"
    feed = ET.fromstring(site.text("feeds/all.atom.xml"))
    entry = next(e for e in feed.iter(f"{ATOM}entry") if "Partnership" in e.findtext(f"{ATOM}title"))
    assert entry.findtext(f"{ATOM}updated") == "2024-06-21T00:00:00+00:00"


def test_an_undated_note_does_not_move_modified(site):
    article = next(a for a in site.pelican_articles() if a.slug == "bridge-opens-to-traffic")
    assert not hasattr(article, "modified") or article.modified == article.date


def test_a_newer_modified_metadata_wins(shared_build):
    site = shared_build({"a.md": "Title: A\nDate: 2024-01-01\nModified: 2024-03-01\n\nUPDATE (2024-02-01): x"})
    (article,) = site.pelican_articles()
    assert article.modified.date().isoformat() == "2024-03-01"


def test_the_updates_feed_has_one_entry_per_note_newest_first(site):
    feed = ET.fromstring(site.text("feeds/updates.atom.xml"))
    entries = list(feed.iter(f"{ATOM}entry"))
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links == [
        "partnership-treaty-signed-in-the-capital.html#correction-1",
        "partnership-treaty-signed-in-the-capital.html#update-1",
        "bridge-opens-to-traffic.html#update-1",
    ]
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 3
    assert entries[0].findtext(f"{ATOM}updated") == "2024-06-21T00:00:00+00:00"


def test_the_updates_feed_ids_are_stable_across_builds(build, tmp_path):
    first = build({"treaty.md": TREATY}).text("feeds/updates.atom.xml")
    second = build({"treaty.md": TREATY + "\nUPDATE (2024-06-25): Another reply.\n"}).text("feeds/updates.atom.xml")
    ids = lambda text: {e.findtext(f"{ATOM}id") for e in ET.fromstring(text).iter(f"{ATOM}entry")}  # noqa: E731
    assert ids(first) < ids(second)


def test_the_updates_feed_holds_the_newest_feed_max_items_notes(shared_build):
    site = shared_build({"treaty.md": TREATY}, FEED_MAX_ITEMS=1)
    feed = ET.fromstring(site.text("feeds/updates.atom.xml"))
    links = [e.find(f"{ATOM}link").get("href") for e in feed.iter(f"{ATOM}entry")]
    assert links == ["partnership-treaty-signed-in-the-capital.html#correction-1"]
    # the page lists every note
    page = site.soup("updates/index.html")
    assert len(page.select("a[href$='#update-1'], a[href$='#correction-1']")) >= 2


def test_the_updates_feed_path_is_a_setting(shared_build):
    site = shared_build({"treaty.md": TREATY}, CHRONICLES_UPDATES_FEED="feeds/notes.xml")
    assert site.exists("feeds/notes.xml")
    assert not site.exists("feeds/updates.atom.xml")


def test_the_updates_feed_can_be_switched_off(shared_build):
    site = shared_build({"treaty.md": TREATY}, CHRONICLES_UPDATES_FEED=None)
    assert not site.exists("feeds/updates.atom.xml")


def test_the_updates_page_lists_notes_newest_first(site):
    soup = site.soup("updates/index.html")
    links = [a["href"] for a in soup.select(".chronicles-updates-page a[href*='#']")]
    assert links == [
        "/partnership-treaty-signed-in-the-capital.html#correction-1",
        "/partnership-treaty-signed-in-the-capital.html#update-1",
        "/bridge-opens-to-traffic.html#update-1",
    ]
    assert soup.select_one(".chronicles-badge-correction") is not None


def test_an_unreadable_date_warns_with_the_file_and_the_text(build, chronicles_warnings):
    site = build({"bad.md": "Title: Bad\nDate: 2024-06-19\n\nUPDATE (June 31, 2024): The text stays."})
    assert 'bad.md: cannot read the date of this update note: "June 31, 2024"' in chronicles_warnings()
    assert "The text stays." in site.soup("bad.html").select_one("#update-1").get_text()


@pytest.mark.parametrize("theme", ["notmyidea", "simple"])
def test_notes_are_styled_in_the_stock_themes(shared_build, theme):
    site = shared_build({"treaty.md": TREATY}, THEME=theme)
    soup = site.soup("partnership-treaty-signed-in-the-capital.html")
    links = [link["href"] for link in soup.head.find_all("link", rel="stylesheet")]
    assert "/theme/chronicles/chronicles.css" in links
    css = site.text("theme/chronicles/chronicles.css")
    assert ".chronicles-note" in css
    assert soup.select_one("section.chronicles-update#update-1") is not None


def test_the_stylesheet_can_be_replaced_by_the_sites_own(shared_build):
    site = shared_build({"treaty.md": TREATY}, CHRONICLES_STYLESHEET="/css/mine.css")
    soup = site.soup("partnership-treaty-signed-in-the-capital.html")
    links = [link["href"] for link in soup.head.find_all("link", rel="stylesheet")]
    assert "/css/mine.css" in links
    assert "/theme/chronicles/chronicles.css" not in links


def test_the_markdown_extension_is_added_once_and_keeps_the_owners(shared_build):
    owners = {"extensions": ["markdown.extensions.toc"], "output_format": "html5"}
    site = shared_build({"treaty.md": TREATY}, MARKDOWN=owners)
    extensions = site.pelican.settings["MARKDOWN"]["extensions"]
    assert "markdown.extensions.toc" in extensions
    assert extensions.count("pelican_chronicles.syntax") == 1
    assert site.soup("partnership-treaty-signed-in-the-capital.html").find("section", class_="chronicles-update")


def test_summaries_leave_out_the_update_log_and_the_sources_list(shared_build):
    site = shared_build(
        {
            "treaty.md": "Title: Treaty\nDate: 2024-06-19\nSources: Northern Agency\n\nThe lead.\n\nUPDATE (2024-06-20): A reply.",
            "other.md": "Title: Other\nDate: 2024-06-01\n\nAnother post.",
        },
        SUMMARY_MAX_PARAGRAPHS=1,
    )
    article = next(a for a in site.pelican_articles() if a.title == "Treaty")
    assert article.summary == "<p>The lead.</p>"
    description = site.soup("treaty.html").find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("The lead.")


def test_an_authors_summary_is_kept(shared_build):
    site = shared_build({"a.md": "Title: A\nDate: 2024-06-19\nSummary: Written by hand.\n\nUPDATE: x"})
    (article,) = site.pelican_articles()
    assert article.summary == "<p>Written by hand.</p>"


@pytest.mark.parametrize("words", [3, 49, 50, 51, 99, 100, 101, 120])
def test_a_summary_never_holds_the_sources_list_whatever_the_posts_length(shared_build, words):
    body = " ".join(f"word{i}" for i in range(words))
    site = shared_build({"a.md": f"Title: A\nDate: 2024-06-19\nSources: Northern Agency\n\n{body}"}, SUMMARY_MAX_LENGTH=50)
    (article,) = site.pelican_articles()
    assert "chronicles-sources" not in article.summary
    assert "Northern Agency" not in article.summary
    assert article.summary.startswith("<p>word0 word1")


def test_a_time_only_note_moves_modified_to_that_time_on_the_posts_day(shared_build):
    site = shared_build({"vote.md": "Title: Council vote\nDate: 2024-06-19 10:00\n\nThe council met.\n\nUPDATE 14:30: The vote passed.\n"})
    article = site.pelican_articles()[0]
    assert article.modified.isoformat() == "2024-06-19T14:30:00+00:00"
    feed = ET.fromstring(site.text("feeds/updates.atom.xml"))
    assert feed.find(f"{ATOM}entry/{ATOM}updated").text == "2024-06-19T14:30:00+00:00"


def test_a_note_dated_before_its_post_is_reported_with_its_file(build, chronicles_warnings):
    build({"late.md": "Title: Late\nDate: 2024-06-18 10:00\n\nText.\n\nCORRECTION 05.07.2024: The figure was 12.\n"})
    assert 'late.md: this correction note is dated before its post (2024-06-18): "05.07.2024"' in chronicles_warnings()


FERRY = """\
Title: Ferry service resumes
Date: 2024-06-19 09:00

The ferry service resumed this morning.

UPDATE (2024-06-20): The first crossing was full.

UPDATE (June 30, 2204): A second boat joins the route.

UPDATE (June 41): Fares stay the same.
"""


def test_a_typo_in_a_notes_date_dates_nothing_and_warns(build, chronicles_warnings):
    """A year typed wrong (2204) and a day typed wrong (41) never become the
    post's modified date, its JSON-LD, a feed entry's date or the archive's
    badge; each is a warning naming the file and the text, and the labels
    keep the text as typed."""
    import json

    site = build({"ferry.md": FERRY})
    warnings = chronicles_warnings()
    assert 'ferry.md: this update note is dated in the future; the date is not used: "June 30, 2204"' in warnings
    assert 'ferry.md: cannot read the date of this update note: "June 41"' in warnings
    (article,) = site.pelican_articles()
    assert article.modified.isoformat() == "2024-06-20T00:00:00+00:00"
    soup = site.soup("ferry-service-resumes.html")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["dateModified"] == "2024-06-20T00:00:00+00:00"
    assert soup.select_one("#update-2-label").get_text() == "Update (June 30, 2204)"
    assert soup.select_one("#update-3-label").get_text() == "Update (June 41)"
    feed = ET.fromstring(site.text("feeds/updates.atom.xml"))
    updated = sorted(e.findtext(f"{ATOM}updated") for e in feed.iter(f"{ATOM}entry"))
    assert updated == ["2024-06-19T09:00:00+00:00", "2024-06-19T09:00:00+00:00", "2024-06-20T00:00:00+00:00"]
    assert feed.findtext(f"{ATOM}updated") == "2024-06-20T00:00:00+00:00"
    badge = site.soup("archives.html").select_one(".chronicles-badge-update")
    assert badge.time["datetime"].startswith("2024-06-20")
