"""Pelican glue: ``register()`` and the signal receivers, nothing else.

Build state never lives here: the receivers read the settings of the build
that calls them and keep what they find on the build's own objects (the
metadata of a post, the generators' context).
"""

from __future__ import annotations

import datetime
import logging
import os
import zoneinfo

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals
from pelican.readers import MarkdownReader

from . import metadata as post_metadata
from . import settings as chronicles_settings
from .model import Chronicle, merge_sources
from .site.filters import FILTERS
from .site.generator import ChroniclesGenerator
from .site.summary import has_blocks, summary_without_blocks
from .syntax import ChroniclesExtension
from .titles import split_flags

logger = logging.getLogger(__name__)

# The plugin's templates under chronicles/ are found after the theme's, so
# a theme can override them; the shims in overrides/ (base.html, archives.html,
# period_archives.html) come before the theme's and extend it.
TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")
SHIMS = os.path.join(TEMPLATES, "overrides")


def register():
    signals.initialized.connect(configure)
    signals.readers_init.connect(use_chronicles_reader)
    signals.article_generator_context.connect(build_chronicle)
    signals.page_generator_context.connect(build_chronicle)
    signals.generator_init.connect(prepare_environment)
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(after_reading)


# --- start-up ----------------------------------------------------------------


def configure(pelican):
    """Check the settings, add the Markdown extension and the templates."""
    settings = pelican.settings
    settings.update(chronicles_settings.check(settings))
    markdown = settings.setdefault("MARKDOWN", {})
    extensions = markdown.setdefault("extensions", [])
    extensions[:] = [e for e in extensions if not isinstance(e, ChroniclesExtension)]
    extensions.append(markdown_extension(settings))
    overrides = settings.setdefault("THEME_TEMPLATES_OVERRIDES", [])
    if SHIMS not in overrides:
        overrides.append(SHIMS)


def markdown_extension(settings) -> ChroniclesExtension:
    return ChroniclesExtension(
        update_words=list(settings["CHRONICLES_UPDATE_WORDS"]),
        correction_words=list(settings["CHRONICLES_CORRECTION_WORDS"]),
        question_words=list(settings["CHRONICLES_QUESTION_WORDS"]),
        answer_words=list(settings["CHRONICLES_ANSWER_WORDS"]),
        labels=dict(settings["CHRONICLES_LABELS"]),
        dayfirst=settings["CHRONICLES_DAYFIRST"],
        timezone=settings.get("TIMEZONE") or "UTC",
        update_log=settings["CHRONICLES_UPDATE_LOG"],
        sources_list=settings["CHRONICLES_SOURCES_LIST"],
    )


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


class ChroniclesReaderMixin:
    """Hands the Markdown extension's findings to Pelican as the ``chronicles``
    metadata of the post, so that Pelican's reader cache keeps them."""

    def _parse_metadata(self, meta):
        # Pelican converts formatted metadata (Summary:) with the same Markdown
        # instance; the body's findings are taken first, and the conventions
        # stay off for those fields.
        self._chronicle = getattr(self._md, "chronicles", None)
        self._md.chronicles_off = True
        return super()._parse_metadata(meta)

    def read(self, source_path):
        self._chronicle = None
        content, metadata = super().read(source_path)
        chronicle = self._chronicle or getattr(self._md, "chronicles", None)
        if isinstance(chronicle, Chronicle):
            metadata["chronicles"] = chronicle
        return content, metadata


class ChroniclesMarkdownReader(ChroniclesReaderMixin, MarkdownReader):
    pass


def use_chronicles_reader(readers):
    for fmt, cls in list(readers.reader_classes.items()):
        if not cls or not issubclass(cls, MarkdownReader) or issubclass(cls, ChroniclesReaderMixin):
            continue
        if cls is MarkdownReader:
            readers.reader_classes[fmt] = ChroniclesMarkdownReader
        else:  # a site's own Markdown reader keeps its behaviour
            readers.reader_classes[fmt] = type(f"Chronicles{cls.__name__}", (ChroniclesReaderMixin, cls), {})


def build_chronicle(generator, metadata):
    """Before Pelican makes the article: clean the title (so the slug comes
    from the clean title), merge metadata into the chronicle, and move
    ``modified`` to the latest dated note."""
    settings = generator.settings
    body = metadata.get("chronicles")
    if not isinstance(body, Chronicle):
        body = Chronicle()
    flags = ()
    title = metadata.get("title")
    if settings["CHRONICLES_TITLE_FLAGS"] and isinstance(title, str):
        metadata["title"], flags = split_flags(
            title, settings["CHRONICLES_UPDATE_WORDS"], settings["CHRONICLES_CORRECTION_WORDS"]
        )
    sources, source_problems = post_metadata.parse_sources(metadata.get("sources"))
    countries, country_problems = post_metadata.resolve_countries(metadata.get("countries"))
    chronicle = body.evolve(
        flags=flags,
        sources=merge_sources(sources, body.sources),
        countries=countries,
        problems=body.problems + source_problems + country_problems,
    )
    metadata["chronicles"] = chronicle
    latest = chronicle.latest_note_date
    if latest is not None:
        zone = settings.get("TIMEZONE") or "UTC"
        known = [aware(metadata[k], zone) for k in ("date", "modified") if isinstance(metadata.get(k), datetime.datetime)]
        if all(latest > d for d in known):
            metadata["modified"] = latest


def aware(value: datetime.datetime, zone: str) -> datetime.datetime:
    return value if value.tzinfo else value.replace(tzinfo=zoneinfo.ZoneInfo(zone))


CONTENT_LISTS = ("articles", "translations", "drafts", "drafts_translations",
                 "pages", "hidden_pages", "hidden_translations", "draft_pages", "draft_translations")


def after_reading(generators):
    """Once every post is read, from its file or from either of Pelican's
    content caches: warn about what could not be used, and give posts with
    an update log or a sources list summaries without them (links in content
    resolve only now)."""
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, ()):
                chronicle = getattr(content, "chronicles", None)
                if not isinstance(chronicle, Chronicle):
                    continue
                for problem in chronicle.problems:
                    logger.warning('%s: %s: "%s"', content.relative_source_path, problem.message, problem.text)
                if has_blocks(chronicle):
                    summary = summary_without_blocks(content)
                    if summary is not None:
                        content.metadata["summary"] = summary
