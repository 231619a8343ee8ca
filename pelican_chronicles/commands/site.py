"""The site the author's commands work on: its settings file, its content
folder, its Markdown posts, and Pelican's readers configured as the plugin
configures them for a build (``glue.configure``). Nothing is written: no
output, no cache."""

from __future__ import annotations

import errno
import logging
import os
from dataclasses import dataclass
from types import SimpleNamespace

from pelican.generators import Generator
from pelican.readers import MarkdownReader, Readers
from pelican.settings import read_settings

from .. import glue
from .. import settings as chronicles_settings

SETTINGS_FILE = "pelicanconf.py"  # read from the current directory when -s is not given


class UsageError(Exception):
    """The command cannot run: a missing settings file or content folder,
    settings that do not load, a post that is not a Markdown file."""


@dataclass(frozen=True)
class SiteSpec:
    """What loads a site's settings: picklable, so that each process of a
    check loads the same settings."""

    settings_file: str | None  # None: Pelican's defaults
    content: str | None  # the content folder given, as given; None: the settings' PATH


@dataclass
class Site:
    spec: SiteSpec
    settings: dict
    path: str  # the content folder, absolute
    shown: str  # the content folder as paths are shown: as given, or relative to the current folder

    def display(self, relative: str) -> str:
        return os.path.normpath(os.path.join(self.shown, relative))


class Capture(logging.Handler):
    """The warnings and errors logged while it is open (``with Capture() as
    capture``): on the root logger, where Pelican's and the plugin's
    loggers send them, and instead of any other output."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []
        self._level = logging.NOTSET

    def emit(self, record):
        self.records.append(record)

    def __enter__(self):
        root = logging.getLogger()
        root.addHandler(self)
        self._level = root.level
        if root.level == logging.NOTSET or root.level > logging.WARNING:
            root.setLevel(logging.WARNING)
        return self

    def __exit__(self, *exc):
        root = logging.getLogger()
        root.removeHandler(self)
        root.setLevel(self._level)
        return False


def find_settings_file(given: str | None) -> str | None:
    """``-s FILE``, else ./pelicanconf.py when there is one, else None."""
    if given is not None:
        if not os.path.isfile(given):
            raise UsageError(f"settings file not found: {given}")
        return given
    return SETTINGS_FILE if os.path.isfile(SETTINGS_FILE) else None


def load_settings(spec: SiteSpec) -> dict:
    """The site's settings as a build with the plugin has them: read by
    Pelican, checked and configured by the plugin, the content folder in
    PATH; content caching off, for a command writes nothing."""
    override = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}
    if spec.content is not None:
        override["PATH"] = os.path.abspath(spec.content)
    of = f" of {spec.settings_file}" if spec.settings_file else ""
    # What Pelican and the plugin warn about in the settings themselves
    # (no SITEURL for the feeds, no TIMEZONE) is the build's business: a
    # check reports the posts' problems.
    with Capture():
        return _load_settings(spec, override, of)


def _load_settings(spec: SiteSpec, override: dict, of: str) -> dict:
    try:
        settings = read_settings(spec.settings_file, override=override)
    except ValueError as err:
        if spec.content is None and "path containing the content" in str(err):
            raise UsageError(f"content folder not found: the PATH of the settings{of} is no folder; give CONTENT") from None
        raise UsageError(f"cannot load the settings{of}: {err}") from None
    except Exception as err:  # noqa: BLE001 - a settings file can raise anything: reported, not a crash
        raise UsageError(f"cannot load the settings{of}: {type(err).__name__}: {err}") from None
    try:
        glue.configure(SimpleNamespace(settings=settings))
    except chronicles_settings.SettingsError as err:
        raise UsageError(f"{err}") from None
    return settings


def load_site(settings_file: str | None, content: str | None) -> Site:
    """The site: CONTENT, else the PATH of the settings (Pelican's
    defaults: the current folder). Raises UsageError for a missing settings
    file or content folder, and for settings that do not load."""
    settings_file = find_settings_file(settings_file)
    if content is not None and not os.path.isdir(content):
        raise UsageError(f"content folder not found: {content}")
    if content is None and settings_file is None:
        content = os.curdir
    spec = SiteSpec(settings_file, content)
    settings = load_settings(spec)
    path = settings["PATH"]
    if content is not None:
        shown = content
    else:
        relative = os.path.relpath(path)
        shown = path if relative.split(os.sep, 1)[0] == os.pardir else relative
    return Site(spec, settings, path, shown)


def readers(settings: dict) -> Readers:
    """Pelican's readers, as a build makes them: its Markdown reader names
    the plugin's extension, with its options, in MARKDOWN."""
    return Readers(settings)


def markdown_extensions(readers: Readers) -> tuple[str, ...]:
    """The file extensions Pelican reads as Markdown with these settings."""
    return tuple(ext for ext, reader in readers.readers.items() if isinstance(reader, MarkdownReader))


def posts(site: Site) -> list[tuple[str, str]]:
    """The Markdown posts of the site, as (path relative to the content
    folder, "article" or "page"), found as Pelican's article and page
    generators find them (``Generator.get_files``: ARTICLE_PATHS,
    PAGE_PATHS, their excludes, IGNORE_FILES), in path order."""
    settings = site.settings
    finder = Generator(context={}, settings=settings, path=site.path, theme=settings["THEME"], output_path=None)
    extensions = markdown_extensions(finder.readers)
    pages = finder.get_files(settings["PAGE_PATHS"], exclude=settings["PAGE_EXCLUDES"], extensions=extensions)
    articles = finder.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"], extensions=extensions)
    found = {os.path.normpath(p): "article" for p in articles}
    found.update({os.path.normpath(p): "page" for p in pages})
    return sorted(found.items())


def why_unreadable(path: str, err: OSError) -> str:
    """What stops a post's file from being read, in words: a symbolic link
    to nothing, a loop of symbolic links, else the system's reason."""
    if err.errno == errno.ELOOP:
        return "it is a loop of symbolic links"
    if os.path.islink(path) and not os.path.exists(path):
        return f"it is a symbolic link to {os.readlink(path)}, which does not exist"
    return err.strerror or str(err)
