"""The chronicles generator: site-wide pages and feeds, written after
Pelican's own generators have read every post.

The chronicle archive itself is written by Pelican's ``ArticlesGenerator``
(it owns ``ARCHIVES_SAVE_AS`` and the period archives): the plugin's
``archives.html`` and ``period_archives.html`` are thin shims that extend
``chronicles/archive.html`` when ``CHRONICLES_ARCHIVE`` is on and the theme's
own templates when it is off. What those templates need, the site index, is
put in the shared context here as ``chronicles_site``, before any generator
writes.
"""

from __future__ import annotations

import logging
import os
import shutil
from functools import partial

from jinja2 import TemplateNotFound
from pelican.generators import Generator
from pelican.utils import slugify

from .feeds import updates_feed, write_feed
from .index import FacetPaths, SiteIndex

logger = logging.getLogger(__name__)

STATIC = os.path.join(os.path.dirname(os.path.dirname(__file__)), "static")

# What the shims extend when CHRONICLES_ARCHIVE is off: the theme's own
# template, or what Pelican would have used in its place.
THEME_FALLBACKS = {
    "archives": ("!theme/archives.html", "!simple/archives.html"),
    "period_archives": (
        "!theme/period_archives.html",
        "!theme/archives.html",
        "!simple/period_archives.html",
    ),
}


class ChroniclesGenerator(Generator):
    def generate_context(self):
        settings = self.settings
        self.index = SiteIndex.build(
            self.context.get("articles", []),
            slugify=partial(
                slugify,
                regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", ()),
                preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
                use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
            ),
            paths={
                kind: FacetPaths(settings[f"CHRONICLES_{kind.upper()}_SAVE_AS"], settings[f"CHRONICLES_{kind.upper()}_URL"])
                for kind in ("source", "country", "speaker")
            },
            newest_first=settings.get("NEWEST_FIRST_ARCHIVES", True),
        )
        self.context["chronicles_site"] = self.index
        self.context["chronicles_theme_templates"] = {
            name: self.first_template(names) for name, names in THEME_FALLBACKS.items()
        }

    def first_template(self, names):
        """The first of ``names`` that exists; found, not compiled."""
        for name in names:
            try:
                self.env.loader.get_source(self.env, name)
            except TemplateNotFound:
                continue
            return name
        return names[-1]

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
                quiet_date=max((a.date for a in self.context.get("articles", ())), default=None),
                max_items=settings.get("FEED_MAX_ITEMS"),
            )
            write_feed(feed, self.output_path, feed_path)
        write = partial(writer.write_file, relative_urls=settings["RELATIVE_URLS"])
        self.write_page(
            write, "CHRONICLES_UPDATES", "chronicles/updates", "chronicles-updates", notes=self.index.notes
        )
        self.write_facets(write)

    def write_page(self, write, setting, template, page_name, **kwargs):
        """An index page whose path is the setting ``{setting}_SAVE_AS``."""
        save_as = self.settings[f"{setting}_SAVE_AS"]
        if not save_as:
            return
        write(
            save_as,
            self.get_template(template),
            self.context,
            page_name=page_name,
            template_name=template,
            url=self.settings[f"{setting}_URL"],
            **kwargs,
        )

    def write_facets(self, write):
        """The sources, countries and speakers indexes (chronicles/facets.html),
        a page in the archive's layout for each source and country, and a
        statements page for each speaker."""
        index = self.index
        for kind, name, facets in (
            ("source", "sources", index.source_list()),
            ("country", "countries", index.country_list()),
            ("speaker", "speakers", index.speaker_list()),
        ):
            self.write_page(write, f"CHRONICLES_{name.upper()}", "chronicles/facets", f"chronicles-{name}",
                            facets=facets, facet_kind=kind)
        for kind, facets in (("source", index.sources.values()), ("country", index.countries.values())):
            for facet in facets:
                self.write_facet(write, facet, "chronicles/archive", facet_kind=kind,
                                 articles=facet.articles, dates=facet.articles)
        for facet in index.speakers.values():
            self.write_facet(write, facet, "chronicles/speaker", statements=facet.statements)

    def write_facet(self, write, facet, template, **kwargs):
        write(
            facet.save_as,
            self.get_template(template),
            self.context,
            facet=facet,
            page_name=os.path.splitext(facet.save_as)[0],
            template_name=template,
            url=facet.url,
            **kwargs,
        )

    def copy_static(self):
        """The stylesheet and the filter script, into the output."""
        target = os.path.join(self.output_path, self.settings["CHRONICLES_STATIC_URL"])
        os.makedirs(target, exist_ok=True)
        for name in os.listdir(STATIC):
            shutil.copyfile(os.path.join(STATIC, name), os.path.join(target, name))
