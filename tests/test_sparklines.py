"""The year rail's sparklines (SPEC 16): posts per month from the archive's
one pass, bars on the archive's scale, the counts as text for screen
readers, months without posts included, month names in DEFAULT_LANG."""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace

import pytest

from pelican_chronicles.site.archive import archive_view
from pelican_chronicles.site.sparklines import HEIGHT, bars, sparkline


def entry(date: str):
    return SimpleNamespace(
        date=datetime.datetime.fromisoformat(date), is_updated=False, is_corrected=False, countries=(), sources=()
    )


def test_archive_view_counts_posts_per_month_january_first():
    view = archive_view([entry(d) for d in ("2024-06-19", "2024-06-02", "2024-01-31", "2023-12-01")])
    assert [(y.year, y.per_month) for y in view.years] == [
        (2024, (1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0)),
        (2023, (0,) * 11 + (1,)),
    ]
    assert view.busiest_month == 2
    assert view.month_names[0] == "January" and len(view.month_names) == 12
    assert all(sum(y.per_month) == y.count for y in view.years)


def test_an_empty_archive_has_no_busiest_month():
    view = archive_view([])
    assert (view.years, view.busiest_month, view.month_names) == ((), 0, ())


def test_bars_share_the_archives_scale_and_a_month_with_posts_shows():
    assert bars((0, 1, 2, 40) + (0,) * 8, busiest=40)[:4] == [(0, 0), (4, 1), (8, 1), (12, HEIGHT)]
    assert bars((3,) * 12, busiest=6)[0] == (0, HEIGHT // 2)


def test_the_sparkline_hides_its_bars_and_says_every_month():
    names = [datetime.date(2024, m, 1).strftime("%B") for m in range(1, 13)]
    markup = sparkline((0, 2) + (0,) * 10, 2, names)
    assert markup.count("<rect") == 2  # the baseline and February's bar
    assert 'aria-hidden="true"' in markup
    text = re.search(r'<span class="chronicles-visually-hidden">(.*?)</span>', markup).group(1)
    assert text.startswith("January: 0, February: 2, March: 0")
    assert text.endswith("December: 0")


POSTS = {
    "a.md": "Title: A\nDate: 2024-06-19 09:00\n\nText.\n",
    "b.md": "Title: B\nDate: 2024-06-02 09:00\n\nText.\n",
    "c.md": "Title: C\nDate: 2024-11-02 09:00\n\nText.\n",
    "d.md": "Title: D\nDate: 2022-02-02 09:00\n\nText.\n",
}


def rail_years(soup) -> dict[str, tuple[int, str]]:
    """Year -> (bars drawn, screen-reader text) of each rail item."""
    found = {}
    for item in soup.select("nav.chronicles-rail li"):
        spark = item.select_one(".chronicles-sparkline")
        assert spark.svg["aria-hidden"] == "true"
        assert not spark.find_parent("a")  # the link's name stays "2024 3 posts"
        drawn = len(spark.svg.select("rect:not(.chronicles-sparkline-base)"))
        found[item.a.select_one(".chronicles-rail-year").string] = (drawn, spark.select_one(".chronicles-visually-hidden").string)
    return found


@pytest.fixture(scope="module")
def site(shared_build):
    return shared_build(POSTS)


def test_the_rail_shows_each_years_posts_per_month(site):
    years = rail_years(site.soup("archives.html"))
    assert set(years) == {"2024", "2022"}  # 2023 had no posts: not in the rail
    drawn, text = years["2024"]
    assert drawn == 2  # June and November
    assert "June: 2" in text and "November: 1" in text and "January: 0" in text
    assert text.count(":") == 12
    assert years["2022"][0] == 1 and "February: 1" in years["2022"][1]


def test_the_bars_heights_follow_the_counts(site):
    soup = site.soup("archives.html")
    item = next(li for li in soup.select("nav.chronicles-rail li") if "2024" in li.a.get_text())
    heights = {int(r["x"]) // 4: int(r["height"]) for r in item.svg.select("rect:not(.chronicles-sparkline-base)")}
    assert heights == {5: HEIGHT, 10: HEIGHT // 2}


def test_month_names_are_the_sites_language(shared_build):
    site = shared_build(POSTS, DEFAULT_LANG="ru")
    text = rail_years(site.soup("archives.html"))["2024"][1]
    assert text.startswith("Январь: 0, Февраль: 0")
    assert "Июнь: 2" in text
