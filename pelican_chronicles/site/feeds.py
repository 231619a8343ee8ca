"""The Atom feed of update and correction notes, built with feedgenerator,
the feed library Pelican itself uses."""

from __future__ import annotations

import datetime
import os

from feedgenerator import Atom1Feed, get_tag_uri
from markupsafe import Markup


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
    ``FEED_MAX_ITEMS``; None: all). Ids are tag URIs made from the post's
    URL and date and the note's anchor, so they stay when a note is edited."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    feed = UpdatesFeed(
        title=f"{Markup(site_name).striptags()} - {labels['updates_page']}",
        link=base or "/",
        feed_url=base + feed_path,
        description="",
        quiet_date=quiet_date,
    )
    for entry in entries[:max_items]:
        article, note = entry.article, entry.note
        title = Markup(article.title).striptags()
        feed.add_item(
            title=f"{note.label}: {title}",
            link=base + entry.url,
            unique_id=get_tag_uri(base + entry.post_url, article.date) + f"#{note.anchor}",
            description=note.summary,
            pubdate=entry.date,
            updateddate=entry.date,
            categories=[note.kind],
        )
    return feed


def write_feed(feed: Atom1Feed, output_path: str, feed_path: str) -> str:
    path = os.path.join(output_path, feed_path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        feed.write(fh, "utf-8")
    return path
