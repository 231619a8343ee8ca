"""Settings that cannot hurt the site (SPEC 10, 11): output paths stay inside
the output, path patterns are checked at start-up, no output of the plugin
takes one of Pelican's, and every setting is escaped where it reaches HTML."""

from __future__ import annotations

import pytest

from pelican_chronicles.settings import SettingsError, check

POST = {"a.md": "Title: A\nDate: 2024-01-01\nSources: Harbour Press\n\nBody."}


# --- paths stay inside the output ------------------------------------------------


@pytest.mark.parametrize(
    "name, value",
    [
        ("CHRONICLES_UPDATES_FEED", "../escape/feed.xml"),
        ("CHRONICLES_UPDATES_FEED", "feeds/../../escape/feed.xml"),
        ("CHRONICLES_UPDATES_FEED", ".."),
        ("CHRONICLES_UPDATES_SAVE_AS", "/var/www/updates.html"),
        ("CHRONICLES_SOURCES_SAVE_AS", "../sources.html"),
        ("CHRONICLES_SOURCE_SAVE_AS", "../{slug}.html"),
        ("CHRONICLES_SPEAKER_SAVE_AS", "speakers/../../{slug}.html"),
        ("CHRONICLES_STATIC_URL", "../../static/"),
        ("CHRONICLES_STATIC_URL", "/static/"),
        ("CHRONICLES_UPDATES_FEED", "C:\\feeds\\updates.xml"),
        ("CHRONICLES_UPDATES_FEED", "..\\escape\\feed.xml"),
    ],
)
def test_a_path_outside_the_output_is_an_error_naming_the_setting(name, value):
    with pytest.raises(SettingsError) as raised:
        check({name: value})
    message = str(raised.value)
    assert message.startswith(f"{name} must be ")
    assert "inside the output" in message and repr(value) in message


@pytest.mark.parametrize(
    "name, value",
    [
        ("CHRONICLES_UPDATES_FEED", "feeds/../updates.xml"),
        ("CHRONICLES_UPDATES_FEED", "./updates.xml"),
        ("CHRONICLES_SOURCE_SAVE_AS", "where/{slug}/index.html"),
        ("CHRONICLES_STATIC_URL", "static/chronicles/"),
        ("CHRONICLES_STATIC_URL", ""),
    ],
)
def test_a_path_inside_the_output_passes(name, value):
    assert check({name: value})[name] == value


def test_the_static_url_ends_with_a_slash():
    with pytest.raises(SettingsError, match="CHRONICLES_STATIC_URL must be .* ending with '/'"):
        check({"CHRONICLES_STATIC_URL": "theme/chronicles"})


def test_a_build_with_an_escaping_feed_stops_before_writing(build, tmp_path):
    with pytest.raises(SettingsError, match="CHRONICLES_UPDATES_FEED"):
        build(POST, CHRONICLES_UPDATES_FEED="../escape/feed.xml")
    assert not (tmp_path / "escape").exists()
    assert not (tmp_path / "output").exists()


# --- placeholders ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, value, found",
    [
        ("CHRONICLES_SOURCE_SAVE_AS", "sources/{slug}/{bogus}.html", "{bogus}"),
        ("CHRONICLES_SOURCE_URL", "sources/{slug}/{bogus}.html", "{bogus}"),
        ("CHRONICLES_COUNTRY_SAVE_AS", "countries/{slug}-{}.html", "{}"),
        ("CHRONICLES_SPEAKER_URL", "people/{slug}/{0}", "{0}"),
        ("CHRONICLES_SPEAKER_SAVE_AS", "people/{slug[0]}/{slug}.html", "{slug[0]}"),
    ],
)
def test_an_unknown_placeholder_is_an_error_naming_the_setting_and_the_allowed_one(name, value, found):
    with pytest.raises(SettingsError) as raised:
        check({name: value})
    message = str(raised.value)
    assert message.startswith(f"{name} must be ")
    assert "{slug}" in message and found in message


@pytest.mark.parametrize(
    "value", ["sources/{slug.html", "sources/{slug}}.html", "sources/{slug:d}.html", "sources/{slug:{width}}.html"]
)
def test_a_malformed_pattern_is_an_error_naming_the_setting(value):
    with pytest.raises(SettingsError, match="CHRONICLES_SOURCE_SAVE_AS must be "):
        check({"CHRONICLES_SOURCE_SAVE_AS": value})


def test_a_format_spec_on_the_slug_is_allowed():
    assert check({"CHRONICLES_SOURCE_SAVE_AS": "s/{slug:.40}.html"})["CHRONICLES_SOURCE_SAVE_AS"] == "s/{slug:.40}.html"


def test_a_build_with_an_unknown_placeholder_stops_at_start_up(build):
    with pytest.raises(SettingsError, match=r"CHRONICLES_SOURCE_SAVE_AS .*\{bogus\}"):
        build(POST, CHRONICLES_SOURCE_SAVE_AS="sources/{slug}/{bogus}.html")


# --- no output of the plugin takes another's place ------------------------------------------


@pytest.mark.parametrize(
    "settings, named",
    [
        ({"CHRONICLES_UPDATES_FEED": "feeds/all.atom.xml", "FEED_ALL_ATOM": "feeds/all.atom.xml"},
         ("CHRONICLES_UPDATES_FEED", "FEED_ALL_ATOM")),
        ({"CHRONICLES_UPDATES_FEED": "./feeds/rss.xml", "FEED_RSS": "feeds/rss.xml"},
         ("CHRONICLES_UPDATES_FEED", "FEED_RSS")),
        ({"CHRONICLES_UPDATES_SAVE_AS": "archives.html", "ARCHIVES_SAVE_AS": "archives.html"},
         ("CHRONICLES_UPDATES_SAVE_AS", "ARCHIVES_SAVE_AS")),
        ({"CHRONICLES_SOURCES_SAVE_AS": "countries/index.html"},
         ("CHRONICLES_COUNTRIES_SAVE_AS", "CHRONICLES_SOURCES_SAVE_AS")),
        ({"CHRONICLES_UPDATES_FEED": "updates/index.html"},
         ("CHRONICLES_UPDATES_FEED", "CHRONICLES_UPDATES_SAVE_AS")),
        ({"CHRONICLES_SOURCE_SAVE_AS": "tag/{slug}.html", "TAG_SAVE_AS": "tag/{slug}.html"},
         ("CHRONICLES_SOURCE_SAVE_AS", "TAG_SAVE_AS")),
        ({"CHRONICLES_SPEAKER_SAVE_AS": "sources/{slug}.html"},
         ("CHRONICLES_SOURCE_SAVE_AS", "CHRONICLES_SPEAKER_SAVE_AS")),
        ({"CHRONICLES_UPDATES_SAVE_AS": "about.html", "TEMPLATE_PAGES": {"about.html": "about.html"}},
         ("CHRONICLES_UPDATES_SAVE_AS", "TEMPLATE_PAGES")),
    ],
)
def test_an_output_that_another_writes_is_an_error_naming_both(settings, named):
    with pytest.raises(SettingsError) as raised:
        check(settings)
    message = str(raised.value)
    for name in named:
        assert name in message


def test_the_defaults_collide_with_none_of_pelicans(build):
    from pelican.settings import DEFAULT_CONFIG

    check(dict(DEFAULT_CONFIG))
    assert build(POST).exists("feeds/updates.atom.xml")


def test_a_build_whose_feed_is_pelicans_stops(build):
    with pytest.raises(SettingsError, match="CHRONICLES_UPDATES_FEED .*FEED_ALL_ATOM"):
        build(POST, CHRONICLES_UPDATES_FEED="feeds/all.atom.xml")


def test_a_turned_off_output_collides_with_nothing():
    assert check({"CHRONICLES_UPDATES_FEED": None, "FEED_ALL_ATOM": None})["CHRONICLES_UPDATES_FEED"] is None


# --- settings are escaped where they reach HTML --------------------------------------------


def test_the_stylesheet_url_is_escaped(build):
    evil = '/css/mine.css" onload="alert(1)'
    site = build(POST, CHRONICLES_STYLESHEET=evil)
    for page in ("a.html", "archives.html", "sources/harbour-press.html"):
        (link,) = [tag for tag in site.soup(page).find_all("link") if "mine.css" in tag.get("href", "")]
        assert link["href"] == evil, page
        assert not link.has_attr("onload"), page


def test_the_static_url_is_escaped(build):
    site = build(POST, CHRONICLES_STATIC_URL='static/x"y/')
    soup = site.soup("archives.html")
    assert soup.find("link", rel="stylesheet", href='/static/x"y/chronicles.css')
    script = soup.find("script", src='/static/x"y/chronicles.js')
    assert script is not None and script.has_attr("defer")
    assert site.exists('static/x"y/chronicles.css')


def test_labels_are_escaped_in_every_piece(build):
    labels = {key: f"<i>{key}</i>" for key in ("and_more", "via", "sources", "by_source", "archives")}
    names = "; ".join(f"Desk {i}" for i in range(12))
    site = build({"a.md": f"Title: A\nDate: 2024-01-01\nSources: {names}\n\nBody."}, CHRONICLES_LABELS=labels)
    shown = set()
    for page in ("a.html", "archives.html", "sources/desk-1.html", "sources/index.html"):
        soup = site.soup(page)
        assert soup.find("i") is None, page
        shown |= {key for key, label in labels.items() if label in soup.get_text()}
    assert shown == set(labels)  # every label was written, as text
