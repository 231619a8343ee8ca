"""A post's summary beside a plugin that changes its content after it is
read: pelican-simple-footnotes turns ``[ref]...[/ref]`` into footnotes once
the generator is finalized, and the summary follows, as it does without
pelican-chronicles."""

from __future__ import annotations

import pytest

pytest.importorskip("pelican.plugins.simple_footnotes")

FOOTNOTED = """\
Title: Harbour dues
Date: 2024-06-19 09:00
Sources: Harbour Wire <https://harbour-wire.example/dues>

The harbour board raised the dues[ref]The board's own notice gives the rates.[/ref] for the summer.

UPDATE (2024-06-20): The new rates start in July.
"""

ARABIC = """\
Title: رسوم الميناء
Date: 2024-06-19 09:00
Lang: ar

رفع مجلس الميناء الرسوم[ref]نشر المجلس الأسعار.[/ref] لفصل الصيف.
"""

PLUGINS = ["pelican_chronicles", "pelican.plugins.simple_footnotes"]


@pytest.fixture(scope="module")
def site(shared_build):
    return shared_build({"dues.md": FOOTNOTED, "ar.md": ARABIC}, PLUGINS=PLUGINS)


def article(site, slug):
    return next(a for a in site.pelican_articles() if a.slug == slug)


def test_the_summary_has_the_footnote_mark_not_the_raw_reference(site):
    summary = article(site, "harbour-dues").summary
    assert "[ref]" not in summary and "[/ref]" not in summary
    assert 'class="simple-footnote"' in summary
    assert "The harbour board raised the dues" in summary and "for the summer" in summary


def test_the_summary_still_leaves_out_the_update_log_and_the_sources(site):
    summary = article(site, "harbour-dues").summary
    assert "chronicles-update-log" not in summary and "chronicles-sources" not in summary


def test_a_wrapped_summary_keeps_its_language_and_direction(site):
    summary = next(a for a in site.pelican_articles() if a.lang == "ar").summary
    assert summary.startswith('<div class="chronicles-content" dir="rtl" lang="ar">')
    assert "[ref]" not in summary and "لفصل الصيف" in summary


def test_the_index_page_shows_the_changed_summary(site):
    index = site.text("index.html")
    assert "[ref]" not in index


def test_a_post_read_from_the_content_cache_gets_the_changed_summary_too(tmp_path):
    from conftest import build_site

    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache")}
    build_site(tmp_path, {"dues.md": FOOTNOTED}, PLUGINS=PLUGINS, **cached)
    again = build_site(tmp_path, {"dues.md": FOOTNOTED}, PLUGINS=PLUGINS, **cached)
    summary = article(again, "harbour-dues").summary
    assert "[ref]" not in summary and 'class="simple-footnote"' in summary
