"""Pelican glue: ``register()`` and the signal receivers, nothing else.

Build state never lives here: the receivers read the settings of the build
that calls them and keep what they find on the build's own objects (the
metadata of a post, the generators' context).

The Markdown extension is named in Pelican's ``MARKDOWN`` setting, so that
Pelican's Markdown reader, or any reader built on it, makes one per post.
What the extension finds reaches Pelican with the post's metadata
(``md.Meta``, which Pelican's Markdown reader always fills through the meta
extension), so no reader is replaced and any plugin order works.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import json
import logging
import os
import zoneinfo

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals
from . import metadata as post_metadata
from . import settings as chronicles_settings
from .jsonld import UNKNOWN_TYPE, article_type
from .model import Chronicle, problem
from .site import feeds
from .site.filters import FILTERS
from .site.generator import ChroniclesGenerator, facet_links
from .site.head import PageTemplate, without_other_articles
from .site.summaries import summary, summary_of
from .cachefiles import write_in_cache
from .syntax import EXTENSION, ChroniclesExtension, languages_of
from .syntax.chronicle import wrapped
from .titles import read_flags

logger = logging.getLogger(__name__)

# The plugin's templates under chronicles/ are found after the theme's, so
# a theme can override them; the shims in overrides/ (archives.html and
# period_archives.html) come before the theme's and extend it. The plugin's
# pages extend "base.html": the theme's, or, in a theme without one, the one
# Pelican gives it (its simple theme's). What a page's head needs is added
# when its template renders it (site/head.py), whatever the theme's blocks.
TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")
SHIMS = os.path.join(TEMPLATES, "overrides")


def register():
    signals.initialized.connect(configure)
    signals.article_generator_context.connect(build_chronicle)
    signals.page_generator_context.connect(build_chronicle)
    signals.generator_init.connect(prepare_environment)
    signals.get_generators.connect(add_generator)
    signals.content_object_init.connect(remember_content)
    signals.all_generators_finalized.connect(report_problems)
    signals.all_generators_finalized.connect(settle_modified)
    signals.all_generators_finalized.connect(refresh_summaries)
    signals.finalized.connect(remember_written_with)
    signals.content_written.connect(remember_article_page)
    signals.finalized.connect(drop_other_articles)


# --- start-up ----------------------------------------------------------------

OWN_LABELS = "chronicles_own_labels"  # in the settings: (the site's own labels, those configure made)


def configure(pelican):
    """Check the settings, name the Markdown extension, add the templates."""
    settings = pelican.settings
    own, configured = settings.get(OWN_LABELS, (None, None))
    if configured is not None and settings.get("CHRONICLES_LABELS") is configured:
        # Settings a build configured before, copied for another build (an
        # i18n_subsites subsite, whose DEFAULT_LANG is its own): its labels
        # start again from the site's own, not from the first build's language.
        settings["CHRONICLES_LABELS"] = own
    settings.update(chronicles_settings.check(settings))
    own = settings["CHRONICLES_LABELS"]
    markdown = settings.setdefault("MARKDOWN", {})
    markdown["extensions"] = [
        e for e in markdown.get("extensions", []) if not isinstance(e, ChroniclesExtension)
    ]
    config = markdown.setdefault("extension_configs", {}).setdefault(EXTENSION, {})
    config.update(extension_config(settings))  # CHRONICLES_LABELS: the site's own labels
    # Site-wide pages speak DEFAULT_LANG: its labels, with the site's own.
    settings["CHRONICLES_LABELS"] = dict(languages_of(settings).get(None).labels)
    settings[OWN_LABELS] = (own, settings["CHRONICLES_LABELS"])
    if (settings.get("LOAD_CONTENT_CACHE") or settings.get("CACHE_CONTENT")) and (
        written_with(settings) != cached_with(settings)
    ):
        # Pelican's content caches keep each post as the plugin made it, from
        # other settings: read every post again, as --ignore-cache does. The
        # digest goes until this build's caches are written and it is
        # replaced (remember_written_with), so that a build stopped in
        # between leaves no caches that pass for the old settings'.
        if settings.get("LOAD_CONTENT_CACHE"):
            logger.info("pelican_chronicles: settings changed since the content cache was written; not loading it")
            settings["LOAD_CONTENT_CACHE"] = False
        if settings.get("CACHE_CONTENT"):
            with contextlib.suppress(OSError):
                os.remove(os.path.join(settings["CACHE_PATH"], CACHED_WITH))
    overrides = settings.setdefault("THEME_TEMPLATES_OVERRIDES", [])
    if SHIMS not in overrides:
        overrides.append(SHIMS)
    if feeds.warn_without_domain(settings):
        logger.warning("%s: %s", feeds.WITHOUT_DOMAIN, settings["CHRONICLES_UPDATES_FEED"])
    if settings["CHRONICLES_JSONLD"] and SEO in (settings.get("PLUGINS") or ()) and settings.get("SEO_ENHANCER"):
        # pelican-seo describes each article again, as an Article, once its
        # page is written, and has no setting to leave that out alone: the
        # article pages are noted as they are written (remember_article_page)
        # and its Article taken out of them at the end (drop_other_articles).
        logger.info("pelican_chronicles: pelican-seo's Article JSON-LD is taken out of the article pages,"
                    " which carry the NewsArticle (CHRONICLES_JSONLD)")
        settings[ARTICLE_PAGES] = []


# What the plugin writes into a post from the settings, besides its own
# (every CHRONICLES_ setting): Pelican's content caches keep the post's HTML
# (the reader layer) or the whole post as the plugin's receivers left it, its
# title without flags included (the generator layer).
WRITTEN_WITH = (
    "SITEURL", "RELATIVE_URLS", "TIMEZONE", "DEFAULT_LANG", "SUMMARY_MAX_LENGTH", "SUMMARY_MAX_PARAGRAPHS",
    "SUMMARY_END_SUFFIX", "SLUG_REGEX_SUBSTITUTIONS", "SLUGIFY_PRESERVE_CASE", "SLUGIFY_USE_UNICODE",
    "DEFAULT_METADATA", "INTRASITE_LINK_REGEX",
)
CACHED_WITH = "pelican_chronicles.settings"  # in CACHE_PATH


def written_with(settings) -> str:
    """A digest of the settings the plugin makes posts with."""
    names = sorted({*chronicles_settings.SETTINGS, *WRITTEN_WITH})
    values = json.dumps({name: settings.get(name) for name in names}, sort_keys=True, default=repr)
    return hashlib.sha256(values.encode()).hexdigest()


def cached_with(settings) -> str | None:
    """The digest of the settings the content cache was written with; None
    when there is none, or none that can be read."""
    try:
        with open(os.path.join(settings["CACHE_PATH"], CACHED_WITH), "rb") as f:
            return f.read(100).decode("ascii", "replace").strip()
    except OSError:
        return None


def remember_written_with(pelican):
    """After a build that wrote content caches, the digest of its settings;
    when it cannot be written, the next build reads every post again."""
    settings = pelican.settings
    if settings.get("CACHE_CONTENT") and cached_with(settings) != (written := written_with(settings)):
        try:
            write_in_cache(settings["CACHE_PATH"], CACHED_WITH, written.encode())
        except OSError as error:
            logger.info("pelican_chronicles: cannot keep the settings digest in %s: %s", settings["CACHE_PATH"], error)


def extension_config(settings) -> dict:
    """The extension's options from the site's settings."""
    config = {option: settings[name] for option, name in chronicles_settings.EXTENSION_OPTIONS.items()}
    config["timezone"] = settings.get("TIMEZONE") or "UTC"
    config["lang"] = settings.get("DEFAULT_LANG") or "en"
    config["facet_links"] = True
    config["facet_url"] = facet_links(settings)
    config["summary_words"] = settings.get("SUMMARY_MAX_LENGTH")
    config["summarize"] = functools.partial(
        summary,
        paragraphs=settings.get("SUMMARY_MAX_PARAGRAPHS"),
        words=settings.get("SUMMARY_MAX_LENGTH"),
        suffix=settings.get("SUMMARY_END_SUFFIX", "…"),
    )
    return config


def prepare_environment(generator):
    """Filters for every generator, the chronicles/ templates after the
    theme's in its template search, and templates whose pages get what
    their head needs (``PageTemplate``)."""
    generator.env.filters.update(FILTERS)
    generator.env.template_class = PageTemplate
    loader = generator.env.loader
    if isinstance(loader, ChoiceLoader) and not any(
        getattr(each, "searchpath", None) == [TEMPLATES] for each in loader.loaders
    ):
        loader.loaders.append(FileSystemLoader(TEMPLATES))


def add_generator(pelican):
    return ChroniclesGenerator


# --- reading posts -------------------------------------------------------------


def build_chronicle(generator, metadata):
    """Before Pelican makes the post: clean the title (so the slug comes
    from the clean title) and flag the chronicle the Markdown extension
    made (it reads ``Sources:`` and ``Countries:`` itself; for a post in
    another markup they are read here), note a ``Type:`` the JSON-LD does
    not know, move ``modified`` to the latest dated note, and give a post
    with an update log or a sources list the summary the extension made
    without them."""
    settings = generator.settings
    chronicle = metadata.get("chronicles")
    if not isinstance(chronicle, Chronicle):  # not a Markdown post: the metadata is all there is
        sources, problems = post_metadata.parse_sources(metadata.get("sources"))
        countries, country_problems = post_metadata.resolve_countries(metadata.get("countries"))
        chronicle = Chronicle(sources=sources, countries=countries, problems=problems + country_problems)
    typed = []
    title = metadata.get("title")
    if settings["CHRONICLES_TITLE_FLAGS"] and isinstance(title, str):
        language = languages_of(settings).get(metadata.get("lang"))
        typed, position = read_flags(title, language.update_words, language.correction_words)
        metadata["title"] = title[position:]
    flags = tuple(dict.fromkeys(kind for kind, _text in typed))
    chronicle = chronicle.evolve(flags=flags, flags_typed=tuple(typed))
    kind = metadata.get("type")  # the JSON-LD's type (jsonld.news_article)
    if kind is not None and article_type(kind) is None:
        chronicle = chronicle.evolve(problems=(*chronicle.problems, problem(UNKNOWN_TYPE, str(kind))))
    metadata["chronicles"] = chronicle
    latest = newer_note(chronicle, (metadata.get("date"), metadata.get("modified")), settings)
    if latest is not None:
        metadata["modified"] = latest
    if chronicle.summary is not None and "summary" not in metadata:
        metadata["summary"] = chronicle.summary
    elif chronicle.wrapped_in is not None and isinstance(metadata.get("summary"), str):
        # the author's own Summary: of a post in another language
        metadata["summary"] = wrapped(metadata["summary"].strip(), *chronicle.wrapped_in)


def aware(value: datetime.datetime, zone: str) -> datetime.datetime:
    return value if value.tzinfo else value.replace(tzinfo=zoneinfo.ZoneInfo(zone))


def newer_note(chronicle: Chronicle, dates, settings) -> datetime.datetime | None:
    """The date of the chronicle's latest dated note when it is newer than
    every datetime in ``dates`` (a post's ``date`` and ``modified``);
    else None."""
    latest = chronicle.latest_note_date
    if latest is None:
        return None
    zone = settings.get("TIMEZONE") or "UTC"
    known = [aware(d, zone) for d in dates if isinstance(d, datetime.datetime)]
    return latest if all(latest > d for d in known) else None


def settle_modified(generators):
    """Once every post is made, and whichever plugin set its ``modified``
    (a git-date plugin, from its commits, when the post is read or made,
    before or after this plugin): the latest dated note is a post's
    ``modified`` when it is newer than its ``date`` and that ``modified``."""
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, ()):
                chronicle = getattr(content, "chronicles", None)
                if not isinstance(chronicle, Chronicle):
                    continue
                dates = (getattr(content, "date", None), getattr(content, "modified", None))
                latest = newer_note(chronicle, dates, generator.settings)
                if latest is not None:
                    content.metadata["modified"] = content.modified = latest
                    content.locale_modified = latest.strftime(content.date_format)


CONTENT_LISTS = ("articles", "translations", "drafts", "drafts_translations",
                 "pages", "hidden_pages", "hidden_translations", "draft_pages", "draft_translations")


def report_problems(generators):
    """Once every post is read, from its file or from either of Pelican's
    content caches: warn about what could not be used."""
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, ()):
                chronicle = getattr(content, "chronicles", None)
                if isinstance(chronicle, Chronicle):
                    for problem in chronicle.problems:
                        logger.warning('%s: %s: "%s"', content.relative_source_path, problem.message, problem.text)


# --- summaries other plugins change ---------------------------------------------
#
# The summary of a post with an update log, a sources list or a wrapper of
# its language is the plugin's, made when the post is read (so that
# Pelican's content cache keeps it). A plugin that changes a post's content
# later (pelican-simple-footnotes turns [ref]...[/ref] into footnotes once
# the generator is finalized) would leave that summary behind: such a
# post's summary is made again, from the content as it is then.

def remember_content(content):
    """The content of a post whose summary is the plugin's, as its reader
    made it (the same string: nothing is copied)."""
    chronicle = content.metadata.get("chronicles")
    if isinstance(chronicle, Chronicle) and chronicle.summary is not None and (
        content.metadata.get("summary") is chronicle.summary
    ):
        content.chronicles_read_content = content._content


def refresh_summaries(generators):
    """Once every generator is finalized, the summary of each post whose
    content another plugin changed, cut from its content as it now is."""
    for generator in generators:
        settings = generator.settings
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, ()):
                read = getattr(content, "chronicles_read_content", None)
                if read is None or content._content is read:
                    continue
                cut = summary_of(content._content, content.metadata["chronicles"], settings)
                content.metadata["summary"] = content._summary = cut
                content.chronicles_read_content = content._content


# --- beside pelican-seo ----------------------------------------------------------

SEO = "pelican.plugins.seo"  # pelican-seo, as Pelican names it once loaded ("seo" in PLUGINS)
ARTICLE_PAGES = "chronicles_article_pages"  # in the settings, and so in every page's context


def remember_article_page(path, context):
    """An article page with the NewsArticle in it, written in a build where
    pelican-seo adds its own Article to each page once written."""
    pages = context.get(ARTICLE_PAGES)
    if isinstance(pages, list) and isinstance(getattr(context.get("article"), "chronicles", None), Chronicle):
        pages.append(path)


def drop_other_articles(pelican):
    """Once every page is written, and whichever plugin's receivers ran
    first, pelican-seo's Article out of the article pages that carry the
    NewsArticle (``head.without_other_articles``): one description of the
    article per page."""
    pages = pelican.settings.get(ARTICLE_PAGES)
    if not isinstance(pages, list):
        return
    for path in dict.fromkeys(pages):
        with open(path, encoding="utf-8") as f:
            page = without_other_articles(f.read())
        if page is not None:
            with open(path, "w", encoding="utf-8") as f:
                f.write(page)
    pages.clear()  # an autoreload build runs again with the same settings
