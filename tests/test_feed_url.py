"""The updates feed's address: the same in the feed itself and in the links
of the site's pages to it, wherever Pelican's settings put it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from conftest import build_site

ATOM = "{http://www.w3.org/2005/Atom}"
FEED = "feeds/updates.atom.xml"
POST = {
    "post.md": """\
        Title: Harbour talks resume
        Date: 2024-06-19 09:00

        The talks resumed on Monday.

        UPDATE (2024-06-20): The ministry replied.
        """,
}


@pytest.mark.parametrize(
    "settings, address",
    [
        pytest.param({"SITEURL": "https://news.example"}, f"https://news.example/{FEED}", id="siteurl"),
        pytest.param({"FEED_DOMAIN": "https://feeds.example"}, f"https://feeds.example/{FEED}", id="feed-domain"),
        pytest.param({"FEED_DOMAIN": "https://feeds.example/"}, f"https://feeds.example/{FEED}",
                     id="feed-domain-with-a-final-slash"),
    ],
)
def test_the_feed_and_the_pages_give_it_one_address(tmp_path, settings, address):
    site = build_site(tmp_path, POST, FEED_ALL_ATOM=None, CHRONICLES_UPDATES_FEED=FEED, **settings)
    itself = ET.fromstring(site.text(FEED)).find(f"{ATOM}link[@rel='self']").get("href")
    head = site.soup("harbour-talks-resume.html").head
    linked = [link["href"] for link in head.select('link[rel="alternate"][type="application/atom+xml"]')]
    assert (itself, linked) == (address, [address])
