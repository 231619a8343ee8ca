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

import html
import logging
import os
import re
import shutil
import zoneinfo
from dataclasses import dataclass
from functools import partial
from urllib.parse import unquote, urlsplit, urlunsplit

from jinja2 import TemplateError, TemplateNotFound
from markupsafe import Markup
from pelican.contents import Article
from pelican.generators import Generator
from pelican.urlwrappers import Author, Category, Tag
from pelican.utils import slugify

from ..history import word_diff
from ..languages import RTL, base, bcp47
from ..syntax import languages_of
from ..syntax.chronicle import CONTENT
from ..urls import FacetLinks, FacetPages, intrasite_path, linked, no_facet_links, safe_url
from . import localdates, render
from .feeds import feed_base, feed_domain, feed_title, updates_feed, write_feed
from .git import UNCOMMITTED, GitHistory
from .head import PROBE, PageHead, page_title, title_pattern
from .index import SiteIndex
from .summaries import summary
from .worldmap import WorldMap

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


# Where Pelican keeps what an intrasite link names (``Content._link_replacer``).
LINKED_CONTENT = {"filename": "generated_content", "static": "static_content", "attach": "static_content"}
NAMED_PAGES = {"category": Category, "tag": Tag, "author": Author}


def resolve_url(intrasite: re.Pattern, context, content, url: str | None, siteurl: str) -> str | None:
    """The href for ``url``, an address the author gave in ``content``'s
    ``Sources:`` or attributions, on a page whose ``SITEURL`` is
    ``siteurl``. An intrasite link (``{filename}/b.md``, ``{static}/x.pdf``,
    ``{tag}name``...: Pelican's ``INTRASITE_LINK_REGEX``) leads where
    Pelican leads the same link in the post's text: to the ``url`` of the
    post or file it names, found as Pelican finds it in the build's
    ``generated_content`` and ``static_content``, query and fragment kept.
    One that leads nowhere is not linked (Pelican warns "Unable to find"
    when it writes the post, whose sources list holds the same link).
    Called when pages are written, once every post and file is known."""
    url = safe_url(url)
    found = intrasite.match(url) if url is not None else None
    if found is None:
        return url
    what, value = found.group("what"), urlsplit(url[found.end():])
    if what in NAMED_PAGES:
        target = NAMED_PAGES[what](value.path, content.settings).url
    elif what == "index":
        target = content.settings["INDEX_SAVE_AS"]
    elif what in LINKED_CONTENT:
        linked_content = find_linked(context, content, value.path, LINKED_CONTENT[what])
        if linked_content is None and what == "filename":
            linked_content = find_linked(context, content, value.path, "static_content")
        if linked_content is None:
            return None
        target = linked_content.url
    else:
        return None
    return urlunsplit(("", "", f"{siteurl}/{target}", value.query, value.fragment))


def find_linked(context, content, path: str, table: str):
    """The post or file at ``path`` (from the site's root when it starts
    with ``/``, else from ``content``'s folder) in the build's ``table``."""
    known = context.get(table, {})
    for each in dict.fromkeys((path, unquote(path), html.unescape(path))):
        if each.startswith("/"):
            key = each[1:]
        else:
            key = content.get_relative_source_path(os.path.join(content.relative_dir, each))
        if key in known:
            return known[key]
    return None


@dataclass(frozen=True)
class IntrasitePage:
    """A facet page as Pelican's intrasite links find it, in the build's
    table of pages (``Generator.add_source_path``): under its
    ``urls.intrasite_path``, with its ``url``."""

    source_path: str
    url: str

    def get_relative_source_path(self) -> str:
        return self.source_path


def intrasite_indicator(settings) -> str | None:
    """How a link names a post for Pelican to resolve it (``{filename}``,
    or ``|filename|``), as the site's ``INTRASITE_LINK_REGEX`` reads it;
    None when it reads neither."""
    regex = re.compile(settings["INTRASITE_LINK_REGEX"])
    for indicator in ("{filename}", "|filename|"):
        found = regex.fullmatch(indicator)
        if found is not None and found.group("what") == "filename":
            return indicator
    return None


# What a theme's template may raise when it is rendered outside the page it
# was made for, to learn its title pattern: the plugin then uses its own.
THEME_RENDER_FAILURES = (TemplateError, LookupError, TypeError, ValueError, AttributeError, ArithmeticError)

CONTENT_LISTS = ("articles", "hidden_articles", "drafts", "pages", "hidden_pages", "draft_pages")


def written_content(context) -> list:
    """Every article and page the build writes, translations included."""
    found = {}
    for name in CONTENT_LISTS:
        for content in context.get(name, ()):
            for each in (content, *getattr(content, "translations", ())):
                found.setdefault(id(each), each)
    return list(found.values())


def site_slugify(settings):
    """Pelican's ``slugify`` with the site's slug settings."""
    return partial(
        slugify,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", ()),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def site_link(settings, url: str) -> str | None:
    """How a post's content links a page of the plugin's at ``url``: after
    ``SITEURL``; with ``RELATIVE_URLS``, as an intrasite link that Pelican
    resolves on each page it writes (``urls.intrasite_path``), or not at all
    when the site's ``INTRASITE_LINK_REGEX`` reads no ``{filename}``."""
    if not settings.get("RELATIVE_URLS"):
        return f"{settings.get('SITEURL') or ''}/{url}"
    indicator = intrasite_indicator(settings)
    return None if indicator is None else f"{indicator}/{intrasite_path(url)}"


def local_date(value, *, settings, lang: str | None) -> str:
    """``value`` in the site's time zone, written as Pelican writes a post's
    date in ``lang`` (``localdates.date_format``), with CLDR's names of
    months and days."""
    zone = zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")
    return localdates.strftime(value.astimezone(zone), localdates.date_format(settings, lang), lang)


def with_block(post, block, settings) -> None:
    """``block`` in ``post``'s content, under its update log (at the top of
    its content when it has none), and out of its summary: a post whose
    summary Pelican would cut from its content gets it cut before."""
    content = post._content
    if "summary" not in post.metadata:
        post.metadata["summary"] = post._summary = summary(
            content,
            paragraphs=settings.get("SUMMARY_MAX_PARAGRAPHS"),
            words=settings.get("SUMMARY_MAX_LENGTH"),
            suffix=settings.get("SUMMARY_END_SUFFIX", "…"),
        )
    log = content.find('class="chronicles-update-log"')
    if log >= 0:
        at = content.index("</nav>", log) + len("</nav>")
        at += content.startswith("\n", at)
    elif content.startswith(f'<div class="{CONTENT}"'):
        at = content.index(">") + 2
    else:
        at = 0
    post._content = content[:at] + str(block) + content[at:]  # str: Markup would escape the content
    if getattr(post, "chronicles_read_content", None) is content:  # its summary is the plugin's, still
        post.chronicles_read_content = post._content


def facet_pages(settings) -> FacetPages:
    """Where the site's source, country and speaker pages go."""
    return FacetPages.from_settings(settings, site_slugify(settings))


def facet_links(settings):
    """How posts link the pages of their sources and countries (the Markdown
    extension's ``facet_url``, a ``urls.FacetLinks``): after ``SITEURL``;
    with ``RELATIVE_URLS``, as intrasite links that Pelican resolves on each
    page it writes. A site whose ``INTRASITE_LINK_REGEX`` reads no
    ``{filename}`` has them unlinked with ``RELATIVE_URLS``."""
    indicator = intrasite_indicator(settings) if settings.get("RELATIVE_URLS") else None
    if settings.get("RELATIVE_URLS") and indicator is None:
        return no_facet_links
    default_status = (settings.get("DEFAULT_METADATA") or {}).get("status")
    return FacetLinks(facet_pages(settings), settings.get("SITEURL") or "", intrasite=indicator,
                      default_status=str(default_status or "published"))


class ChroniclesGenerator(Generator):
    def generate_context(self):
        settings = self.settings
        posts = written_content(self.context)
        self.index = SiteIndex.build(
            self.context.get("articles", []),
            cited=[post for post in posts if linked(post.metadata.get("status"))],
            pages=facet_pages(settings),
            newest_first=settings.get("NEWEST_FIRST_ARCHIVES", True),
            resolve_url=partial(resolve_url, re.compile(settings["INTRASITE_LINK_REGEX"]), self.context),
            lang=settings.get("DEFAULT_LANG"),
        )
        self.context["chronicles_site"] = self.index
        self.context["chronicles_theme_templates"] = {
            name: self.first_template(names) for name, names in THEME_FALLBACKS.items()
        }
        self.histories = self.add_histories(posts) if settings["CHRONICLES_HISTORY"] else []
        if settings["RELATIVE_URLS"]:
            urls = [facet.url for facet in (*self.index.source_pages(), *self.index.countries.values())]
            for url in (*urls, *(post.chronicles.history_url for post, _save_as in self.histories)):
                self.add_source_path(IntrasitePage(intrasite_path(url), url))
        self.context["chronicles_title_pattern"] = self.title_pattern()
        stylesheet = settings["CHRONICLES_STYLESHEET"]
        self.context["chronicles_head"] = PageHead(
            stylesheet=stylesheet if isinstance(stylesheet, str) else (
                f"{settings['CHRONICLES_STATIC_URL']}chronicles.css" if stylesheet else None),
            stylesheet_is_own=isinstance(stylesheet, str),
            feed=settings["CHRONICLES_UPDATES_FEED"],
            feed_domain=feed_domain(settings),
            feed_title=feed_title(settings["SITENAME"], settings["CHRONICLES_LABELS"]),
            jsonld=settings["CHRONICLES_JSONLD"],
            site_url=settings.get("SITEURL", ""),
        )
        # The world map (SPEC 16), once per build, for the countries page and,
        # with CHRONICLES_ARCHIVE_MAP, the archive: the chronicles_map filter.
        self.context["chronicles_world_map"] = WorldMap.build(
            self.index.country_list(), settings["CHRONICLES_LABELS"],
            cache_dir=settings["CACHE_PATH"] if settings.get("CACHE_CONTENT") else None,
        )

    def add_histories(self, posts) -> list:
        """With ``CHRONICLES_HISTORY``, in a git checkout: each article
        changed since its first commit gets its revisions
        (``Chronicle.revisions``), their list under its update log and the
        address of its history page; returns those articles, each with
        where its history page is saved. Git is read once, for all."""
        settings = self.settings
        articles = [post for post in posts if isinstance(post, Article) and linked(post.status)
                    and hasattr(post, "chronicles") and post.save_as]  # written, and not a draft
        self.git = GitHistory.read(settings["PATH"], kept=settings["CACHE_PATH"] if settings.get("CACHE_CONTENT") else None)
        if self.git is None:
            return []
        folder = settings["CHRONICLES_HISTORY_PATH"]
        languages = languages_of(settings)
        histories = []
        for post in articles:
            revisions, uncommitted = self.git.of(post.source_path)
            if uncommitted:
                logger.warning("%s: %s", post.relative_source_path, UNCOMMITTED)
                continue
            if len(revisions) < 2:
                continue
            url = folder + post.url
            post.chronicles = post.metadata["chronicles"] = post.chronicles.evolve(revisions=revisions, history_url=url)
            lang = post.metadata.get("lang") or settings.get("DEFAULT_LANG")
            when = partial(local_date, settings=settings, lang=lang)
            block = render.revisions(revisions, site_link(settings, url), languages.get(lang).labels, when)
            with_block(post, block, settings)
            histories.append((post, folder + post.save_as))
        return histories

    def title_pattern(self) -> tuple[str, str]:
        """How the plugin's pages fill the theme's title block, learnt from
        the theme (``head.title_pattern``)."""
        context = {**self.context, "dates": [], "articles": [], "output_file": "", "page_name": ""}
        probe_source = '{% extends "base.html" %}{% block title %}' + PROBE + "{% endblock %}"
        probe = self.render_title(partial(self.env.from_string, probe_source), context)
        examples = [
            self.render_title(partial(self.env.get_template, f"!theme/{name}.html"), context)
            for name in ("archives", "tags", "categories", "authors")
        ]
        site = str(Markup(self.settings["SITENAME"]).striptags())
        return title_pattern(probe, [example for example in examples if example], site)

    def render_title(self, load, context) -> str | None:
        """The ``<title>`` of the template ``load()`` gives, rendered with
        ``context``; None when the theme has no such template or cannot
        render it outside one of its own pages."""
        try:
            return page_title(load().render(context))
        except THEME_RENDER_FAILURES:  # TemplateNotFound is a TemplateError
            return None

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
                site_url=feed_base(settings),
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
        self.write_histories(write)

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
        for kind, facets in (("source", index.source_pages()), ("country", index.countries.values())):
            for facet in facets:
                self.write_facet(write, facet, "chronicles/archive", facet_kind=kind,
                                 articles=facet.articles, dates=facet.articles)
        for facet in index.speakers.values():
            self.write_facet(write, facet, "chronicles/speaker", statements=facet.statements)

    def write_histories(self, write):
        """Each history page: a post's revisions, newest first, each with
        what it changed (``history.word_diff``), worked out for the
        revisions whose changes no earlier build kept."""
        if not self.histories:
            return
        languages = languages_of(self.settings)
        template = self.get_template("chronicles/history")
        keep = self.settings.get("CACHE_CONTENT")  # else each page's changes are let go once it is written
        with self.git.texts() as read:
            for post, save_as in self.histories:
                lang = post.metadata.get("lang") or self.settings.get("DEFAULT_LANG")
                write(save_as, template, self.context, article=post, revisions=self.changes(post, read, keep),
                      labels=languages.get(lang).labels, when=partial(local_date, settings=self.settings, lang=lang),
                      lang_tag=bcp47(lang), direction="rtl" if base(lang) in RTL else "ltr",
                      page_name=os.path.splitext(save_as)[0], template_name="chronicles/history",
                      url=post.chronicles.history_url)
        if keep:
            shown = {(r.before, r.after) for post, _save_as in self.histories for r in post.chronicles.revisions}
            self.git.keep(self.settings["CACHE_PATH"], shown)

    def changes(self, post, read, keep: bool) -> list:
        """``post``'s revisions, each with what it changed as HTML (None for
        the first): as an earlier build kept it, or worked out from the
        texts that ``read`` gives, the post's read at once."""
        kept = self.git.changes
        new = [r for r in post.chronicles.revisions if r.before and (r.before, r.after) not in kept]
        blobs = list(dict.fromkeys(blob for r in new for blob in (r.before, r.after)))
        text = dict(zip(blobs, read(blobs))) if blobs else {}
        made = {(r.before, r.after): render.changes(word_diff(text[r.before], text[r.after])) for r in new}
        if keep:
            kept.update((pair, html.encode()) for pair, html in made.items())
        return [(r, made.get((r.before, r.after)) or Markup(kept[r.before, r.after].decode()) if r.before else None)
                for r in post.chronicles.revisions]

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
