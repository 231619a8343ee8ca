"""Site pages cost what they must (SPEC 11, 12): the plugin's generator
writes the pages of a site in time linear in its sources, countries and
speakers, and the site index is built in linear time whatever the names.

Growth is shown as a ratio between two sizes in the same run, never as a
wall-clock limit (see timing.py). A source's or a country's page lists
compact entries and no summaries: a post citing n sources is on n pages,
and its n sources counted or listed on each would take n² work.
"""

from __future__ import annotations

import datetime
import itertools
from types import SimpleNamespace

import pytest
from conftest import build_site
from pelican.writers import Writer
from timing import SCALE, best_times, check_growth, hang_guard, seconds

from pelican_chronicles.model import Chronicle, Quote, Source
from pelican_chronicles.site.generator import ChroniclesGenerator
from pelican_chronicles.site.index import SiteIndex

PAGES_SCALE = 4  # the large site has 4 times the sources of the small one
PAGES_LIMIT = PAGES_SCALE * 1.5  # linear: 4 times the time; quadratic: 16 times


def citing(n: int) -> dict[str, str]:
    """A site whose main post cites ``n`` sources, and a few posts that
    cite one of them each."""
    names = "; ".join(f"Harbour Desk {i:05d}" for i in range(n))
    posts = {
        "wide.md": f"Title: A wide survey\nDate: 2024-04-01\nCountries: FR, DE, NO\nSources: {names}\n\nBody.\n",
    }
    for i in range(4):
        posts[f"narrow-{i}.md"] = (
            f"Title: Narrow note {i}\nDate: 2024-0{i + 1}-15\nCountries: FR\nSources: Harbour Desk {i:05d}\n\nBody.\n"
        )
    return posts


def generator_seconds(site) -> float:
    """The time of the chronicles generator's pages: written again, with a
    writer of its own, into the site's output."""
    generator = next(g for g in site.generators if isinstance(g, ChroniclesGenerator))
    return seconds(generator.generate_output, Writer(generator.output_path, generator.settings))


def test_the_pages_of_a_post_citing_many_sources_take_linear_time(tmp_path):
    small = build_site(tmp_path / "small", citing(125))
    large = build_site(tmp_path / "large", citing(125 * PAGES_SCALE))
    assert large.exists("sources/harbour-desk-00499.html")
    with hang_guard():
        (small_time,), (large_time,) = best_times(lambda site: (generator_seconds(site),), small, large)
    assert large_time / small_time <= PAGES_LIMIT, (
        f"{small_time:.3f} s -> {large_time:.3f} s for {PAGES_SCALE} times the sources"
        f" (at most {PAGES_LIMIT} times the time)"
    )


# --- the site index, whatever the names ------------------------------------------------

UTC = datetime.timezone.utc
PUNCTUATION = "!?.,:*&#@%"


def same_slug(n: int) -> list[str]:
    """``n`` different names of the same length and the same slug:
    ``Desk !?.``, ``Desk !?,``..."""
    return [f"Desk {''.join(p)}" for p in itertools.islice(itertools.product(PUNCTUATION, repeat=4), n)]


def post(number: int, **chronicle) -> SimpleNamespace:
    return SimpleNamespace(
        title=f"Post {number}", url=f"post-{number}.html",
        date=datetime.datetime(2024, 1, 1, tzinfo=UTC) + datetime.timedelta(hours=number),
        chronicles=Chronicle(**chronicle),
    )


def sources_sharing_a_slug(n: int) -> list:
    return [post(i, sources=(Source(name),)) for i, name in enumerate(same_slug(n))]


def speakers_sharing_a_slug(n: int) -> list:
    return [post(i, quotes=(Quote("quote-1", "Words.", speaker=name),)) for i, name in enumerate(same_slug(n))]


@pytest.mark.parametrize("make", [sources_sharing_a_slug, speakers_sharing_a_slug])
def test_names_sharing_a_slug_are_indexed_in_linear_time(make):
    small, large = make(1200 // SCALE), make(1200)
    with hang_guard():
        (small_time,), (large_time,) = best_times(lambda posts: (seconds(SiteIndex.build, posts),), small, large)
    check_growth(make.__name__, small_time, large_time)


def test_names_sharing_a_slug_share_a_page_or_are_numbered():
    names = sorted(same_slug(3))  # the first in the order of their keys names a page
    index = SiteIndex.build(sources_sharing_a_slug(3))
    (page,) = {id(f): f for f in index.sources.values()}.values()
    assert (page.slug, page.name, [a.title for a in page.articles]) == ("desk", names[0], ["Post 2", "Post 1", "Post 0"])
    index = SiteIndex.build(speakers_sharing_a_slug(3))
    assert [(f.name, f.slug) for f in index.speakers.values()] == [
        (names[0], "desk"), (names[1], "desk-2"), (names[2], "desk-3"),
    ]
