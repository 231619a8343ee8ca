"""Facet slugs (SPEC 11): names typed in either Unicode form are one page,
over-long names get short stable slugs, and names that differ only in case
never share a file on a case-insensitive filesystem."""

from __future__ import annotations

import datetime
import hashlib
import unicodedata
from types import SimpleNamespace

import pytest

from pelican_chronicles.model import Chronicle, Quote, Source, merge_sources
from pelican_chronicles.site.index import SiteIndex, facet_slug
from pelican_chronicles.urls import MAX_SLUG_BYTES, page_slug

NFC = "Caf\u00e9"
NFD = "Cafe\u0301"


def post(title: str, date: str, sources: str) -> str:
    return f"Title: {title}\nDate: {date}\nSources: {sources}\n\nBody text of {title}.\n"


def source_pages(site) -> list[str]:
    return sorted(p.name for p in site.path("sources").iterdir())


def entry_titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".chronicles-entry-title")]


# --- one name, one page ---------------------------------------------------------


def test_a_name_typed_in_nfc_and_in_nfd_is_one_source(build):
    assert NFC != NFD and unicodedata.normalize("NFC", NFD) == NFC
    site = build({
        "a.md": post("First visit", "2024-01-01", NFC),
        "b.md": post("Second visit", "2024-02-01", NFD),
    })
    assert source_pages(site) == ["cafe.html", "index.html"]
    assert entry_titles(site.soup("sources/cafe.html")) == ["Second visit", "First visit"]
    assert len(site.soup("sources/index.html").select(".chronicles-facet-list li")) == 1


def test_nfc_and_nfd_merge_within_a_post():
    assert merge_sources([Source(NFC), Source(NFD, "https://cafe.example/")]) == (
        Source(NFC, "https://cafe.example/"),
    )


def test_a_speaker_typed_in_nfc_and_in_nfd_is_one_speaker():
    def article(day, speaker):
        return SimpleNamespace(
            title="T", url=f"{day}.html", date=datetime.datetime(2024, 1, day, tzinfo=datetime.timezone.utc),
            chronicles=Chronicle(quotes=(Quote("quote-1", "Words.", speaker=speaker),)),
        )

    index = SiteIndex.build([article(1, f"Jos{NFC[-1]}"), article(2, "Jose\u0301")])
    (speaker,) = index.speakers.values()
    assert speaker.slug == "jos\u00e9" and speaker.count == 2


# --- over-long names ----------------------------------------------------------------


def test_an_over_long_source_name_builds_with_a_capped_stable_slug(build):
    name = " ".join(["Committee"] * 30)  # 299 characters
    site = build({"a.md": post("Long name", "2024-01-01", name)})
    (page,) = [p for p in source_pages(site) if p != "index.html"]
    slug = page.removesuffix(".html")
    digest = hashlib.sha1(name.casefold().encode()).hexdigest()[:8]
    assert slug.endswith(f"-{digest}")
    assert len(slug.encode()) <= MAX_SLUG_BYTES + 9
    assert slug.startswith("committee-committee-")
    assert entry_titles(site.soup(f"sources/{page}")) == ["Long name"]


def test_an_over_long_cjk_name_with_unicode_slugs_builds(build):
    name = "\u56fd\u9645\u65b0\u95fb\u793e" * 18 + "\u793e"  # 91 characters, 273 bytes in UTF-8
    site = build({"a.md": post("CJK name", "2024-01-01", name)}, SLUGIFY_USE_UNICODE=True)
    (page,) = [p for p in source_pages(site) if p != "index.html"]
    slug = page.removesuffix(".html")
    assert len(slug.encode()) <= MAX_SLUG_BYTES + 9
    assert slug.startswith("\u56fd\u9645\u65b0\u95fb\u793e")
    assert entry_titles(site.soup(f"sources/{page}")) == ["CJK name"]
    link = site.soup("sources/index.html").select_one(".chronicles-facet-list a")
    assert link.get_text() == name


def test_a_capped_slug_is_cut_at_a_character_boundary():
    taken: set[str] = set()
    name = "\u00e9" * 120  # two bytes each
    slug = facet_slug(name, lambda n: n, "source", taken)
    stem, digest = slug.rsplit("-", 1)
    assert stem == "\u00e9" * (MAX_SLUG_BYTES // 2)
    assert len(digest) == 8


def test_names_sharing_a_long_prefix_get_different_slugs():
    prefix = "x" * 200
    taken: set[str] = set()
    first = facet_slug(prefix + "a", lambda n: n, "source", taken)
    second = facet_slug(prefix + "b", lambda n: n, "source", taken)
    assert first != second
    assert first[:MAX_SLUG_BYTES] == second[:MAX_SLUG_BYTES]


def test_an_over_long_speaker_name_gets_a_capped_slug():
    name = "Deputy " * 50
    article = SimpleNamespace(
        title="T", url="t.html", date=datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc),
        chronicles=Chronicle(quotes=(Quote("quote-1", "Words.", speaker=name.strip()),)),
    )
    (speaker,) = SiteIndex.build([article]).speakers.values()
    assert len(speaker.slug.encode()) <= MAX_SLUG_BYTES + 9
    assert speaker.save_as == f"speakers/{speaker.slug}.html"


# --- names that differ in case -----------------------------------------------------


def test_sources_whose_slugs_are_the_same_ignoring_case_share_a_page(build):
    """As Pelican's tags do: a source's slug comes from its name alone, so
    that a post links the page before the site is known; no two pages share
    a file on a case-insensitive file system, and none takes the index."""
    posts = {
        "a.md": post("Lower", "2024-01-01", "harbour"),
        "b.md": post("Upper", "2024-02-01", "Harbour!"),
        "c.md": post("Named index", "2024-03-01", "Index"),
    }
    site = build(posts, SLUGIFY_PRESERVE_CASE=True)
    pages = source_pages(site)
    assert len({p.casefold() for p in pages}) == len(pages) == 3
    assert pages == ["harbour.html", "index-2.html", "index.html"]
    assert entry_titles(site.soup("sources/harbour.html")) == ["Upper", "Lower"]
    assert [a["href"] for a in site.soup("Upper.html").select("a.chronicles-source")] == ["/sources/harbour.html"]
    assert [a["href"] for a in site.soup("Named-index.html").select("a.chronicles-source")] == ["/sources/index-2.html"]
    listed = site.soup("sources/index.html").select(".chronicles-facet-list li a")
    assert [(a.get_text(strip=True), a["href"]) for a in listed if "chronicles-map-country" not in a.get("class", [])] == [
        ("harbour", "/sources/harbour.html"), ("Index", "/sources/index-2.html"),
    ]


def test_a_shared_page_is_the_same_whatever_the_order_of_posts(tmp_path):
    from conftest import build_site

    names = ["harbour", "Harbour!", "HARBOUR?"]
    seen = []
    for run, order in enumerate([names, names[::-1]]):
        posts = {f"p{i}.md": post(f"Post {name}", f"2024-01-{i + 1:02d}", name) for i, name in enumerate(order)}
        site = build_site(tmp_path / str(run), posts, SLUGIFY_PRESERVE_CASE=True)
        seen.append({
            li.a.get_text(): li.a["href"] for li in site.soup("sources/index.html").select(".chronicles-facet-list li")
        })
    assert seen[0] == seen[1] == {"harbour": "/sources/harbour.html"}


@pytest.mark.parametrize("name", ["index", "Index", "INDEX"])
def test_a_slug_never_takes_an_index_page_whatever_its_case(name):
    assert facet_slug(name, lambda n: n, "source", set()) == f"{name}-2"


def test_a_slug_is_one_path_segment_whatever_the_substitutions(build):
    site = build(
        {"a.md": post("Dots", "2024-01-01", "../../escape; ..; a\\b")},
        SLUG_REGEX_SUBSTITUTIONS=[],
    )
    # ".." leaves nothing of the name: "source" and the start of its hash
    assert source_pages(site) == sorted(["..-..-escape.html", "a-b.html", "index.html", "source-9d891e73.html"])
    assert not (site.output.parent / "escape.html").exists()


def test_a_source_name_with_a_nul_builds_whatever_the_substitutions(build):
    site = build({"a.md": post("Controls", "2024-01-01", "Har\x00bour Press")}, SLUG_REGEX_SUBSTITUTIONS=[])
    assert source_pages(site) == ["harbour press.html", "index.html"]
    link = site.soup("controls.html").select_one("aside.chronicles-sources a")
    assert (link.get_text(), link["href"]) == ("Harbour Press", "/sources/harbour press.html")


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Har\x00bour", "Har-bour"), ("Tab\tand\x7fdel", "Tab-and-del"), ("a\u0085b", "a-b"), ("a/b\\c", "a-b-c")],
)
def test_a_slug_is_a_file_name_whatever_the_slugify(name, slug):
    # A speaker's name comes from the post's text, control characters and all.
    assert page_slug(name, lambda text: text, "speaker") == slug
