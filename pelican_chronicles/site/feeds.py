"""The Atom feed of notes of every kind, built with feedgenerator,
the feed library Pelican itself uses, and where it is: ``feed_domain`` and
``feed_base`` read Pelican's settings for it, ``feed_url`` writes its
address, in the feed itself and in every page's head."""

from __future__ import annotations

import datetime
import os
import uuid

from feedgenerator import Atom1Feed, get_tag_uri
from markupsafe import Markup

from ..settings import writes_feeds


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class UpdatesFeed(Atom1Feed):
    """An Atom feed whose <updated>, with no entry yet, is a date of the site
    (the newest post's) rather than the time of the build, so that building
    twice writes the same file."""

    def __init__(self, *args, quiet_date: datetime.datetime | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.quiet_date = quiet_date or EPOCH

    def latest_post_date(self):
        return super().latest_post_date() if self.items else self.quiet_date


def updates_feed(
    entries,
    *,
    site_name: str,
    site_url: str,
    feed_path: str,
    labels: dict,
    quiet_date: datetime.datetime | None = None,
    max_items: int | None = None,
) -> Atom1Feed:
    """One entry per note, newest first, at most ``max_items`` (Pelican's
    ``FEED_MAX_ITEMS``; None: all), its addresses from ``site_url``
    (``feed_base``). Ids are tag URIs made from the post's URL and date and
    the note's anchor, so they stay when a note is edited."""
    base = site_url.rstrip("/") + "/" if site_url else ""  # without one, entries link relative, as Pelican's
    feed = UpdatesFeed(
        title=feed_title(site_name, labels),
        link=base or "/",
        feed_url=feed_url(site_url, feed_path),
        description="",
        feed_guid=None if base else unique_id(feed_path),
        quiet_date=quiet_date,
    )
    for entry in entries[:max_items]:
        article, note = entry.article, entry.note
        title = Markup(article.title).striptags()
        feed.add_item(
            title=f"{note.label}: {title}",
            link=base + entry.url,
            unique_id=(
                get_tag_uri(base + entry.post_url, article.date) + f"#{note.anchor}" if base
                else unique_id(f"{entry.post_url}#{note.anchor}", article.date)
            ),
            description=note.summary,
            pubdate=entry.date,
            updateddate=entry.date,
            categories=[note.kind],
        )
    return feed


def feed_domain(settings) -> str:
    """Pelican's ``FEED_DOMAIN``, which Pelican sets to ``SITEURL`` when only
    that is given: where a page links the feed from, as Pelican's themes
    link its own; "" without one, and a page links it from its own
    ``SITEURL`` (relative with ``RELATIVE_URLS``)."""
    return settings.get("FEED_DOMAIN") or ""


def feed_base(settings) -> str:
    """Where the feed's own addresses start: ``FEED_DOMAIN``, else
    ``SITEURL``; "" with neither (Pelican's warning, ``warn_without_domain``)."""
    return feed_domain(settings) or settings.get("SITEURL") or ""


def feed_url(base: str, path: str) -> str:
    """The updates feed's address, its path ``path`` from ``base``: in the
    feed itself from ``feed_base``, in a page's head from ``feed_domain``
    or the page's ``SITEURL``; from the site's root when ``base`` is "":

        >>> feed_url("https://news.example/", "feeds/updates.atom.xml")
        'https://news.example/feeds/updates.atom.xml'
        >>> feed_url("", "feeds/updates.atom.xml")
        '/feeds/updates.atom.xml'
    """
    return f"{base.rstrip('/')}/{path}"


# When one of Pelican's own feeds is on and neither SITEURL nor FEED_DOMAIN
# is set, Pelican warns, once, at start-up, and writes them.
WITHOUT_DOMAIN = "Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid"


def warn_without_domain(settings) -> bool:
    """Whether to give Pelican's warning for the updates feed: the site
    asks for it by name, has neither ``SITEURL`` nor ``FEED_DOMAIN``, and
    Pelican, whose own feeds are all off, has not said so already. (Left
    unset, the feed is off where Pelican's feeds are.)"""
    return bool(settings.get("CHRONICLES_UPDATES_FEED") and not feed_base(settings) and not writes_feeds(settings))


def feed_title(site_name: str, labels: dict) -> str:
    """The feed's title: the site's name and the updates page's."""
    return f"{Markup(site_name).striptags()} - {labels['updates_page']}"


def unique_id(path: str, date: datetime.datetime | None = None) -> str:
    """An id for a site that has no ``SITEURL`` or ``FEED_DOMAIN``, where
    a ``tag:`` URI has no domain to name (feedgenerator would write
    ``tag:None,...``): a name-based UUID of the path and the post's date,
    the same from build to build.

        >>> unique_id("2024/06/treaty.html#update-1", datetime.datetime(2024, 6, 19))
        'urn:uuid:feb7f0b1-ce1b-5d28-835c-3b9795f022cb'
    """
    stamp = f"@{date.isoformat()}" if date is not None else ""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{path}{stamp}").urn


def write_feed(feed: Atom1Feed, output_path: str, feed_path: str) -> str:
    path = os.path.join(output_path, feed_path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        feed.write(fh, "utf-8")
    return path
