"""Shared fixtures: real Pelican builds into a temporary directory, and the
Markdown extension on its own."""

from __future__ import annotations

import locale
import contextlib
import logging
import os
import textwrap
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import settings as hypothesis_settings
from pelican import Pelican, signals
from pelican.log import LimitFilter
from pelican.settings import read_settings

from pelican_chronicles.syntax import ChroniclesExtension

# In CI the property tests replay the same examples every run; elsewhere they
# explore new ones each time.
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@pytest.fixture(autouse=True)
def same_process_state():
    """Every test starts from the same state of the process, whatever ran
    before it: Pelican's LimitFilter forgets the warnings it has seen (it
    drops a repeated warning for the rest of a process, so a test expecting
    one would pass or fail by order), and the locale a build's LOCALE set
    is put back afterwards."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    saved = locale.setlocale(locale.LC_ALL)
    yield
    locale.setlocale(locale.LC_ALL, saved)


class Site:
    """The output of one build."""

    def __init__(self, output: Path, pelican: Pelican, generators: list):
        self.output = output
        self.pelican = pelican
        self.generators = generators

    def pelican_articles(self) -> list:
        """The articles of the build, as Pelican's ArticlesGenerator had them."""
        return next(g.articles for g in self.generators if type(g).__name__ == "ArticlesGenerator")

    def path(self, relative: str) -> Path:
        return self.output / relative

    def text(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def soup(self, relative: str) -> BeautifulSoup:
        return BeautifulSoup(self.text(relative), "html.parser")

    def exists(self, relative: str) -> bool:
        return self.path(relative).exists()


def write_posts(content: Path, posts: dict[str, str]) -> None:
    for name, text in posts.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def build_site(root: Path, posts: dict[str, str], **settings) -> Site:
    """Build ``posts`` (file name to Markdown source) with the plugin enabled,
    into ``root/output``, and return the result."""
    content = root / "content"
    write_posts(content, posts)
    output = root / "output"
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "SITENAME": "Chronicle Test",
        "SITEURL": "",
        "TIMEZONE": "UTC",
        "PLUGINS": ["pelican_chronicles"],
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "FEED_ALL_ATOM": "feeds/all.atom.xml",
        "CATEGORY_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
    }
    overrides.update(settings)
    pelican = Pelican(read_settings(override=overrides))
    generators = []

    def keep(sender):
        generators.extend(sender)

    signals.all_generators_finalized.connect(keep)
    try:
        pelican.run()
    finally:
        signals.all_generators_finalized.disconnect(keep)
    return Site(output, pelican, generators)


@pytest.fixture
def build(tmp_path):
    """``build({"post.md": "..."}, **settings)`` -> Site."""

    def _build(posts: dict[str, str], **settings) -> Site:
        return build_site(tmp_path, posts, **settings)

    return _build


def build_key(posts: dict[str, str], settings: dict) -> tuple:
    """What makes two builds the same: the posts as written (name, dedented
    text) and the settings, values by repr() so that dicts and lists count."""
    return (
        tuple(sorted((name, textwrap.dedent(text).lstrip()) for name, text in posts.items())),
        tuple(sorted((name, repr(value)) for name, value in settings.items())),
    )


@pytest.fixture(scope="session")
def shared_build(tmp_path_factory):
    """``shared_build({"post.md": "..."}, **settings)`` -> Site, built once
    per session for each distinct posts and settings and handed to every
    test asking for the same: for tests that only read the output. A test
    that writes into the output, builds again or checks the build's
    warnings (logged once, during the first test to ask) uses ``build``."""
    sites: dict[tuple, Site] = {}

    def _build(posts: dict[str, str], **settings) -> Site:
        key = build_key(posts, settings)
        if key not in sites:
            sites[key] = build_site(tmp_path_factory.mktemp("shared"), posts, **settings)
        return sites[key]

    return _build


DEMO = Path(__file__).resolve().parent.parent / "demo_site" / "pelicanconf.py"


class DemoSite:
    """The demo site built once: its output and the warnings the plugin
    logged while building it."""

    def __init__(self, output: Path, warnings: list[str]):
        self.output = output
        self.warnings = warnings


class _PluginWarnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        if record.name.startswith("pelican_chronicles"):
            self.messages.append(record.getMessage())


@contextlib.contextmanager
def plugin_warnings():
    """The plugin's warnings logged inside the ``with`` block, a list filled
    as they come, after LimitFilter forgets the ones seen before: a build
    shared by several tests has all its own."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    capture = _PluginWarnings()
    plugin_logger = logging.getLogger("pelican_chronicles")
    plugin_logger.addHandler(capture)
    try:
        yield capture.messages
    finally:
        plugin_logger.removeHandler(capture)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """``demo_site(**settings)`` -> DemoSite: demo_site/pelicanconf.py built
    with ``settings`` over it (THEME, ...), once per session for each
    distinct settings. Its warnings are recorded during the build, after
    LimitFilter forgets the ones seen before, so each build has all its own."""
    sites: dict[tuple, DemoSite] = {}

    def _build(**settings) -> DemoSite:
        key = build_key({}, settings)
        if key not in sites:
            output = tmp_path_factory.mktemp("demo") / "output"
            overrides = {"OUTPUT_PATH": str(output), "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, **settings}
            with plugin_warnings() as warnings:
                Pelican(read_settings(str(DEMO), override=overrides)).run()
            sites[key] = DemoSite(output, warnings)
        return sites[key]

    return _build


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, launched once per session through Playwright and
    shared by the browser tests; each opens and closes its own pages
    (tests/browsing.py)."""
    from browsing import chromium

    with chromium() as browser:
        yield browser


def convert(source: str, meta: bool = False, **config):
    """The extension alone: (html, chronicle). With ``meta``, the source may
    start with metadata lines (``Date: ...``), as Pelican posts do; without
    it a first line such as ``UPDATE: ...`` is body text."""
    extensions = ["meta"] if meta else []
    md = markdown.Markdown(extensions=[*extensions, ChroniclesExtension(**config)])
    html = md.convert(textwrap.dedent(source).strip())
    return html, md.chronicles


def render(source: str, meta: bool = False, **config) -> str:
    """The extension alone: Markdown source to HTML."""
    return convert(source, meta=meta, **config)[0]


def body(source: str, meta: bool = False, **config) -> str:
    """The rendered HTML, normalized, without the list of sources that ends
    a post citing any (tested with the sources)."""
    soup = BeautifulSoup(convert(source, meta=meta, **config)[0], "html.parser")
    for aside in soup.select("aside.chronicles-sources"):
        aside.decompose()
    return normalize(str(soup))


def unchanged(source: str, meta: bool = False) -> bool:
    """True when the extension renders ``source`` as Markdown alone does."""
    plain = markdown.markdown(textwrap.dedent(source).strip(), extensions=["meta"] if meta else [])
    return body(source, meta=meta) == normalize(plain)


def normalize(html: str) -> str:
    """HTML compared by structure: parsed, whitespace between tags dropped."""
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.find_all(string=True):
        if not node.strip():
            node.extract()
    return soup.decode(formatter="minimal")


@pytest.fixture
def chronicles_warnings(caplog):
    """The warnings the plugin logged during the test, as strings."""
    caplog.set_level(logging.WARNING)

    def _messages():
        return [
            r.getMessage()
            for r in caplog.records
            if r.levelno >= logging.WARNING and r.name.startswith("pelican_chronicles")
        ]

    return _messages


def visible_text(html: str) -> str:
    """The words a reader sees, the sources list left out, spaces collapsed."""
    soup = BeautifulSoup(html, "html.parser")
    for aside in soup.select("aside.chronicles-sources"):
        aside.decompose()
    return " ".join(soup.get_text().split())
