"""The chronicles generator: site-wide pages and feeds, written after
Pelican's own generators have read every post."""

from __future__ import annotations

import logging
import os
import shutil

from pelican.generators import Generator

from .feeds import updates_feed, write_feed
from .index import SiteIndex

logger = logging.getLogger(__name__)

STATIC = os.path.join(os.path.dirname(os.path.dirname(__file__)), "static")


class ChroniclesGenerator(Generator):
    def generate_context(self):
        articles = self.context.get("articles", [])
        self.index = SiteIndex.build(articles)
        self.context["chronicles"] = self.index

    def generate_output(self, writer):
        settings = self.settings
        self.copy_static()
        feed_path = settings["CHRONICLES_UPDATES_FEED"]
        if feed_path:
            feed = updates_feed(
                self.index.notes,
                site_name=settings["SITENAME"],
                site_url=settings.get("FEED_DOMAIN") or settings.get("SITEURL", ""),
                feed_path=feed_path,
                labels=settings["CHRONICLES_LABELS"],
            )
            write_feed(feed, self.output_path, feed_path)
        if settings["CHRONICLES_UPDATES_SAVE_AS"]:
            writer.write_file(
                settings["CHRONICLES_UPDATES_SAVE_AS"],
                self.get_template("chronicles/updates"),
                self.context,
                notes=self.index.notes,
                page_name="chronicles-updates",
                url=settings["CHRONICLES_UPDATES_URL"],
            )

    def copy_static(self):
        """The stylesheet and the filter script, into the output."""
        target = os.path.join(self.output_path, self.settings["CHRONICLES_STATIC_URL"])
        os.makedirs(target, exist_ok=True)
        for name in os.listdir(STATIC):
            shutil.copyfile(os.path.join(STATIC, name), os.path.join(target, name))
