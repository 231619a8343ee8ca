"""The world map (SPEC 16): the path reader and writer on small inputs, the
shading scale, and built sites: the countries page's map against the
counts, its text alternative, the archive's small map and its setting, an
Arabic site's titles."""

from __future__ import annotations

import json
import posixpath
from types import SimpleNamespace
from unittest import mock

import pytest

from conftest import build_site
from pelican_chronicles.languages import Languages
from pelican_chronicles.metadata import country_name, lookup_country
from pelican_chronicles.settings import DEFAULT_LABELS
from pelican_chronicles.site.worldmap import (
    STEPS,
    WorldMap,
    dot,
    encode,
    geometry,
    outline,
    reduce,
    shade_bounds,
    world_outlines,
)

# --- reading path data ------------------------------------------------------------


@pytest.mark.parametrize(
    "d, rings",
    [
        # relative moveto, its further pairs lines; h and v
        ("m10 20 5 0v5h-5z", [[(10, 20), (15, 20), (15, 25), (10, 25)]]),
        # absolute commands
        ("M0 0L4 0H4V3", [[(0, 0), (4, 0), (4, 0), (4, 3)]]),
        # a curve's end point only: c takes six numbers, s four
        ("m0 0c1 1 2 2 3 0s5 5 6 0", [[(0, 0), (3, 0), (9, 0)]]),
        # numbers written together: 0.5-0.72 is two, .5.5 is two
        ("m1 1l0.5-0.5.5.5", [[(1, 1), (1.5, 0.5), (2, 1)]]),
        # two subpaths; after z the pen is back at the subpath's start
        ("M0 0l1 0 0 1zm5 5l1 0 0 1z", [[(0, 0), (1, 0), (1, 1)], [(5, 5), (6, 5), (6, 6)]]),
        # a line straight after z starts at the closed subpath's start
        ("M2 2l1 0zl0 1", [[(2, 2), (3, 2)], [(2, 2), (2, 3)]]),
        ("M0,0 L1,1", [[(0, 0), (1, 1)]]),
    ],
)
def test_outline_reads_path_data_as_absolute_points(d, rings):
    assert outline(d) == tuple(tuple((float(x), float(y)) for x, y in ring) for ring in rings)


@pytest.mark.parametrize("d", ["M0 0a1 1 0 0 1 2 2", "M0 0l1", "M0 0c1 2 3 4", "l1 1", "M0 0 x"])
def test_outline_refuses_what_it_does_not_read(d):
    with pytest.raises(ValueError):
        outline(d)


def test_the_package_file_uses_only_commands_the_reader_reads():
    countries = dict(world_outlines())  # noqa: C416
    assert len(countries) > 170
    assert all(len(code) == 2 and code.islower() for code in countries)
    assert {"fr", "us", "cn", "br", "ke"} <= set(countries)
    assert "xk" not in countries  # Kosovo: no outline, only in the text alternative


# --- reducing and writing it -------------------------------------------------------------


def test_reduce_scales_rounds_and_drops_points_closer_than_a_step():
    ring = ((0, 0), (0.4, 0.4), (10, 0), (10.9, 0.6), (20, 0), (20, 20))
    assert reduce(ring, scale=1, step=1) == [(0, 0), (10, 0), (11, 1), (20, 0), (20, 20)]
    assert reduce(ring, scale=0.5, step=2) == [(0, 0), (5, 0), (10, 0), (10, 10)]


@pytest.mark.parametrize(
    "rings, scale, step, expected",
    [
        ([((0, 0), (10, 0), (10, 10), (0, 10))], 0.5, 1, "M0 0l5 0 0 5-5 0z"),
        ([((100, 100), (90, 100), (90, 80))], 1, 1, "M100 100l-10 0 0-20z"),
        # a ring that shrinks below three points is left out
        ([((0, 0), (1, 0), (1, 1)), ((10, 10), (20, 10), (20, 20))], 1, 2, "M10 10l10 0 0 10z"),
        ([((0, 0), (1, 0), (1, 1))], 0.1, 1, ""),
    ],
)
def test_encode_writes_relative_whole_units(rings, scale, step, expected):
    assert encode(rings, scale, step) == expected


def test_a_country_too_small_to_draw_is_a_dot_at_the_mean_of_its_points():
    assert dot([((10, 10), (30, 10), (20, 40))], scale=0.5, radius=2) == "M8 10a2 2 0 1 0 4 0a2 2 0 1 0 -4 0z"


def test_the_reduced_maps_are_small_and_leave_antarctica_out():
    full, small = geometry("full"), geometry("small")
    for world in (full, small):
        assert "aq" not in world.codes
        assert {"fr", "us", "mt", "sg"} <= world.codes  # Malta and Singapore as dots
        assert dict((code, is_dot) for code, _, is_dot in world.shapes)["fr"] is False
    full_bytes = sum(len(d) for _, d, _ in full.shapes)
    small_bytes = sum(len(d) for _, d, _ in small.shapes)
    assert small_bytes < full_bytes < 60_000  # the package's file: 778 KB
    assert (full.width, full.height) == (744, 350)


# --- shades -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "most, bounds",
    [(0, ()), (1, (1,)), (2, (1, 2)), (5, (1, 2, 3, 4, 5)), (12, (2, 3, 4, 7, 12)), (100, (3, 6, 16, 40, 100))],
)
def test_shade_bounds_grow_geometrically_up_to_the_most(most, bounds):
    assert shade_bounds(most) == bounds


def test_shade_bounds_always_increase_and_end_at_the_most():
    for most in range(1, 3000):
        bounds = shade_bounds(most)
        assert len(bounds) == min(STEPS, most)
        assert bounds[-1] == most
        assert all(a < b for a, b in zip(bounds, bounds[1:]))


def facet(code, name, count):
    return SimpleNamespace(code=code, name=name, count=count, url=f"countries/{code.lower()}.html")


def test_the_most_posts_get_the_darkest_shade_and_the_legend_says_the_ranges():
    world = WorldMap.build(
        [facet("FR", "France", 12), facet("DE", "Germany", 1), facet("JP", "Japan", 5)], DEFAULT_LABELS
    )
    assert {code: c.shade for code, c in world.countries.items()} == {"fr": 5, "de": 1, "jp": 4}
    assert world.countries["de"].title == "Germany: 1 post"
    assert world.legend == (
        (0, "0 posts"), (1, "1\u20132 posts"), (2, "3 posts"), (3, "4 posts"), (4, "5\u20137 posts"), (5, "8\u201312 posts"),
    )
    few = WorldMap.build([facet("FR", "France", 2), facet("DE", "Germany", 1)], DEFAULT_LABELS)
    assert {code: c.shade for code, c in few.countries.items()} == {"fr": 5, "de": 4}


def test_the_markup_escapes_names_and_is_kept_per_siteurl():
    world = WorldMap.build([facet("FR", "<France>", 1)], DEFAULT_LABELS)
    markup = world.markup("small", "https://example.org")
    assert "<title>&lt;France&gt;: 1 post</title>" in markup
    assert 'href="https://example.org/countries/fr.html"' in markup
    assert world.markup("small", "https://example.org") is markup
    assert world.markup("small", "..") is not markup


# --- built sites ---------------------------------------------------------------------------


def post(name: str, date: str, countries: str) -> str:
    return f"Title: {name}\nDate: {date}\nCountries: {countries}\n\nText of {name}.\n"


POSTS = {
    "a.md": post("Alpha", "2024-06-19 09:00", "FR, DE"),
    "b.md": post("Bravo", "2024-05-02 10:00", "FRA, Malta"),
    "c.md": post("Charlie", "2023-01-10 12:00", "France, Kosovo"),
    "d.md": post("Delta", "2023-02-10 12:00", "Japan"),
    "e.md": post("Echo", "2022-03-10 12:00", "FR"),
}
COUNTS = {"fr": 4, "de": 1, "mt": 1, "xk": 1, "jp": 1}


@pytest.fixture(scope="module")
def site(shared_build):
    """A site with relative URLs and period archives."""
    return shared_build(
        POSTS, RELATIVE_URLS=True,
        YEAR_ARCHIVE_SAVE_AS="{date:%Y}/index.html", YEAR_ARCHIVE_URL="{date:%Y}/",
    )


def test_the_countries_page_map_links_each_country_with_posts_shaded_by_its_count(site):
    soup = site.soup("countries/index.html")
    links = soup.select("svg.chronicles-map-svg a.chronicles-map-country")
    drawn = {}
    for link in links:
        href = link["href"]
        target = posixpath.normpath(posixpath.join("countries", href))
        assert site.exists(target), href  # relative to the page
        shade = [c for c in link["class"] if c.startswith("chronicles-map-shade-")]
        drawn[posixpath.basename(target)[:2]] = (int(shade[0].rsplit("-", 1)[1]), link.title.string)
    assert sorted(drawn) == sorted(set(COUNTS) - {"xk"})  # Kosovo has no outline
    assert drawn["fr"] == (5, "France: 4 posts")
    # four shades for counts 1 to 4: 1 is the second lightest
    assert drawn["mt"] == (2, "Malta: 1 post")  # a dot, linked
    assert {shade for code, (shade, _) in drawn.items() if code != "fr"} == {2}
    # the others are land, without links or titles
    assert soup.select("g.chronicles-map-land path") and not soup.select("g.chronicles-map-land a, g.chronicles-map-land title")


def test_the_countries_list_is_the_text_alternative_and_has_every_country(site):
    soup = site.soup("countries/index.html")
    svg = soup.select_one("svg.chronicles-map-svg")
    assert svg.get("role") is None
    title = soup.find(id=svg["aria-labelledby"])
    assert title.name == "title" and title.string == "By country"
    listed = soup.find(id=svg["aria-details"])
    assert listed.name == "ul" and "chronicles-facet-list" in listed["class"]
    text = listed.get_text(" ", strip=True)
    assert "Kosovo" in text and "Malta" in text
    assert len(listed.find_all("li")) == len(COUNTS)


def test_the_archive_has_the_small_map_and_its_text_alternative_is_the_by_country_summary(site):
    soup = site.soup("archives.html")
    maps = soup.select("div.chronicles-map")
    assert len(maps) == 1 and "chronicles-map-small" in maps[0]["class"]
    assert maps[0].find_parent("header", class_="chronicles-archive-header")
    details = soup.find(id=maps[0].svg["aria-details"])
    assert details.find_parent(class_="chronicles-by-country")
    assert "Kosovo" in details.get_text()
    assert {a["href"] for a in maps[0].select("a")} == {f"./countries/{c}.html" for c in COUNTS if c != "xk"}
    # not on the country pages nor the period archives
    for page in ("countries/fr.html", "2024/index.html"):
        assert not site.soup(page).select(".chronicles-map"), page


def test_the_map_is_written_once_per_build_and_page_address(site):
    generator = next(g for g in site.generators if type(g).__name__ == "ChroniclesGenerator")
    world = generator.context["chronicles_world_map"]
    assert sorted(key[:2] for key in world.rendered) == [("full", ".."), ("small", ".")]


def test_the_archive_map_is_switched_off_by_its_setting(shared_build):
    site = shared_build(POSTS, CHRONICLES_ARCHIVE_MAP=False)
    assert not site.soup("archives.html").select(".chronicles-map")
    assert site.soup("countries/index.html").select(".chronicles-map-full")


def test_no_map_without_countries_and_no_state_between_builds(tmp_path):
    first = build_site(tmp_path / "one", {"a.md": post("Alpha", "2024-06-19 09:00", "Japan")})
    assert first.soup("countries/index.html").select("a.chronicles-map-country")[0].title.string == "Japan: 1 post"
    bare = build_site(tmp_path / "two", {"a.md": "Title: Alpha\nDate: 2024-06-19\n\nText.\n"})
    assert not bare.soup("archives.html").select(".chronicles-map")
    assert not bare.soup("countries/index.html").select(".chronicles-map")


def test_an_arabic_site_titles_the_map_in_arabic(tmp_path):
    site = build_site(tmp_path, {"a.md": post("Alpha", "2024-06-19 09:00", "مصر، FR")}, DEFAULT_LANG="ar")
    labels = Languages(default="ar").get(None).labels
    soup = site.soup("countries/index.html")
    titles = sorted(link.title.string for link in soup.select("a.chronicles-map-country"))
    expected = sorted(f"{country_name(lookup_country(code), 'ar')}: 1 {labels['post_word']}" for code in ("EG", "FR"))
    assert titles == expected
    assert soup.select_one("svg.chronicles-map-svg title").string == labels["by_country"]
    assert "مصر" in " ".join(titles)


def test_the_reduced_world_is_kept_in_the_cache_directory_between_builds(tmp_path):
    from pelican_chronicles.site import worldmap

    first = worldmap.kept_world(str(tmp_path))
    assert (tmp_path / worldmap.KEPT).exists()
    assert dict(first) == dict(worldmap.world())
    # the next build: read back from the file, not worked out again
    with mock.patch.object(worldmap, "world", side_effect=AssertionError("worked out again")):
        again = worldmap.kept_world(str(tmp_path))
    assert dict(again) == dict(first)
    # a file from elsewhere is replaced
    (tmp_path / worldmap.KEPT).write_bytes(b"not a reduced map")
    assert dict(worldmap.kept_world(str(tmp_path))) == dict(first)
    assert json.loads((tmp_path / worldmap.KEPT).read_bytes())["sizes"]["small"]["width"] == first["small"].width


@pytest.mark.parametrize("kept", [
    {"sizes": {}},
    {"key": "another map", "sizes": {}},
    {"key": "*", "sizes": {"full": {"shapes": [["fr", "M0 0l1 1z", False]], "width": 10, "height": 10}}},
    {"key": "*", "sizes": {size: {"shapes": [["fr", "M0 0l1 1z", "no"]], "width": 10, "height": 10}
                           for size in ("full", "small")}},
    {"key": "*", "sizes": {size: {"shapes": [["fr", 'M0 0"/><script>alert(1)</script>', False]], "width": 10,
                                  "height": 10} for size in ("full", "small")}},
    {"key": "*", "sizes": {size: {"shapes": [["fr", "M0 0l1 1z"]], "width": 10, "height": 10}
                           for size in ("full", "small")}},
    {"key": "*", "sizes": {size: {"shapes": [], "width": "10", "height": 10} for size in ("full", "small")}},
    [1, 2, 3],
    "a string",
    None,
], ids=["no-key", "other-key", "a-size-missing", "not-a-bool", "markup", "short-shape", "width-text",
        "list", "string", "null"])
def test_a_kept_world_of_another_shape_is_not_read(kept, tmp_path):
    """Whatever JSON the file holds, only a reduced map of this code and
    package file is read from it, and its path data cannot carry markup
    into the page."""
    from pelican_chronicles.site import worldmap

    if isinstance(kept, dict) and kept.get("key") == "*":
        kept["key"] = worldmap.world_key()
    (tmp_path / worldmap.KEPT).write_text(json.dumps(kept), encoding="utf-8")
    with pytest.raises((LookupError, TypeError, ValueError)):
        worldmap.from_json(json.loads((tmp_path / worldmap.KEPT).read_text(encoding="utf-8")))
    assert dict(worldmap.kept_world(str(tmp_path))) == dict(worldmap.world())


def test_a_build_with_content_caches_keeps_the_world_in_cache_path(build, tmp_path):
    from pelican_chronicles.site import worldmap

    site = build({"a.md": "Title: A\nDate: 2024-01-01\nCountries: FR\n\nText."},
                 CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CACHE_PATH=str(tmp_path / "cache"))
    assert worldmap.from_json(json.loads((tmp_path / "cache" / worldmap.KEPT).read_bytes())) == dict(worldmap.world())
    assert site.soup("countries/index.html").select_one('a.chronicles-map-country[href="/countries/fr.html"]')
