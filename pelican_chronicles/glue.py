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

import datetime
import functools
import logging
import os
import zoneinfo

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals
from pelican.utils import truncate_html_paragraphs, truncate_html_words

try:  # Pelican 4.12 leaves a table of contents out of summaries
    from pelican.utils import strip_toc_elements_from_html
except ImportError:  # pragma: no cover - older Pelican
    def strip_toc_elements_from_html(html: str) -> str:
        return html

from . import metadata as post_metadata
from . import settings as chronicles_settings
from .model import Chronicle
from .site.filters import FILTERS
from .site.generator import ChroniclesGenerator
from .syntax import ChroniclesExtension
from .titles import split_flags

logger = logging.getLogger(__name__)

EXTENSION = "pelican_chronicles.syntax"
# The plugin's templates under chronicles/ are found after the theme's, so
# a theme can override them; the shims in overrides/ (base.html, archives.html,
# period_archives.html) come before the theme's and extend it.
TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")
SHIMS = os.path.join(TEMPLATES, "overrides")


def register():
    signals.initialized.connect(configure)
    signals.article_generator_context.connect(build_chronicle)
    signals.page_generator_context.connect(build_chronicle)
    signals.generator_init.connect(prepare_environment)
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(report_problems)


# --- start-up ----------------------------------------------------------------


def configure(pelican):
    """Check the settings, name the Markdown extension, add the templates."""
    settings = pelican.settings
    settings.update(chronicles_settings.check(settings))
    markdown = settings.setdefault("MARKDOWN", {})
    markdown["extensions"] = [
        e for e in markdown.get("extensions", []) if not isinstance(e, ChroniclesExtension)
    ]
    markdown.setdefault("extension_configs", {}).setdefault(EXTENSION, {}).update(extension_config(settings))
    overrides = settings.setdefault("THEME_TEMPLATES_OVERRIDES", [])
    if SHIMS not in overrides:
        overrides.append(SHIMS)


def extension_config(settings) -> dict:
    """The extension's options from the site's settings."""
    config = {option: settings[name] for option, name in chronicles_settings.EXTENSION_OPTIONS.items()}
    config["timezone"] = settings.get("TIMEZONE") or "UTC"
    config["summary_words"] = settings.get("SUMMARY_MAX_LENGTH")
    config["summarize"] = functools.partial(
        summary,
        paragraphs=settings.get("SUMMARY_MAX_PARAGRAPHS"),
        words=settings.get("SUMMARY_MAX_LENGTH"),
        suffix=settings.get("SUMMARY_END_SUFFIX", "…"),
    )
    return config


def prepare_environment(generator):
    """Filters for every generator, and the chronicles/ templates after the
    theme's in its template search."""
    generator.env.filters.update(FILTERS)
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
    from the clean title), add what the metadata says to the chronicle the
    Markdown extension found in the body, move ``modified`` to the latest
    dated note, and give a post with an update log or a sources list the
    summary the extension made without them."""
    settings = generator.settings
    chronicle = metadata.get("chronicles")
    if not isinstance(chronicle, Chronicle):  # not a Markdown post: the metadata is all there is
        sources, problems = post_metadata.parse_sources(metadata.get("sources"))
        chronicle = Chronicle(sources=sources, problems=problems)
    flags = ()
    title = metadata.get("title")
    if settings["CHRONICLES_TITLE_FLAGS"] and isinstance(title, str):
        metadata["title"], flags = split_flags(
            title, settings["CHRONICLES_UPDATE_WORDS"], settings["CHRONICLES_CORRECTION_WORDS"]
        )
    countries, country_problems = post_metadata.resolve_countries(metadata.get("countries"))
    chronicle = chronicle.evolve(flags=flags, countries=countries, problems=chronicle.problems + country_problems)
    metadata["chronicles"] = chronicle
    latest = chronicle.latest_note_date
    if latest is not None:
        zone = settings.get("TIMEZONE") or "UTC"
        known = [aware(metadata[k], zone) for k in ("date", "modified") if isinstance(metadata.get(k), datetime.datetime)]
        if all(latest > d for d in known):
            metadata["modified"] = latest
    if chronicle.summary is not None and "summary" not in metadata:
        metadata["summary"] = chronicle.summary


def summary(html: str, *, paragraphs: int | None, words: int | None, suffix: str) -> str:
    """Pelican's summary of ``html``, cut as ``Content.get_summary`` cuts a
    post's content (SUMMARY_MAX_PARAGRAPHS, SUMMARY_MAX_LENGTH,
    SUMMARY_END_SUFFIX). The extension calls it when it reads a post, so
    that Pelican's content cache keeps the result."""
    if paragraphs is not None:
        html = truncate_html_paragraphs(html, paragraphs)
    if words is not None:
        html = truncate_html_words(html, words, suffix)
    return strip_toc_elements_from_html(html)


def aware(value: datetime.datetime, zone: str) -> datetime.datetime:
    return value if value.tzinfo else value.replace(tzinfo=zoneinfo.ZoneInfo(zone))


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
