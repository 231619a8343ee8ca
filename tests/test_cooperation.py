"""The plugin beside Python-Markdown's own extensions, the common
pymdown-extensions and another content plugin (SPEC §2-§6, §11; issue 11).

One post that uses every convention is built as a real Pelican site under
each set of Markdown extensions, in either extension order, and under both
orders of ``PLUGINS`` with jinja2content. Each site is built once per module
(``site_for``) and every test reads the same output.

The "plugin first" order names the extension's module in
``MARKDOWN["extensions"]``: Pelican's reader appends the keys of
``extension_configs`` after that list, so the plugin's extension, which the
plugin names in ``extension_configs`` at start-up, otherwise comes last.
Listing an extension *object* first is also covered: the plugin replaces it
by its own, and the build must equal the default order's.
"""

from __future__ import annotations

import json
import logging
import re
import xml.etree.ElementTree as ET
from collections import Counter

import markdown
import pytest
from bs4 import BeautifulSoup
from pelican.log import LimitFilter

from conftest import build_site
from pelican_chronicles.syntax import ChroniclesExtension

EXTENSION_MODULE = "pelican_chronicles.syntax"
JINJA2CONTENT = "pelican.plugins.jinja2content"
SITEURL = "https://news.example"

POST = """\
Title: (UPDATE) Ministers sign the river basin agreement
Date: 2024-06-19 09:00
Category: World
Sources: Wire Service <https://wire.example/>; [Harbour Gazette](https://gazette.example/)
Countries: UA, PL

Two neighbouring governments agreed on shared rules for the river basin.

KYIV (Agency) - Earlier in the day the ministers signed a framework on water monitoring[^method].

[TOC]

> The basin belongs to everyone who lives along it.
>
> — A. Speaker, Spokesperson of the Basin Council, [Agency](https://agency.example/item "Agency item"), 2024-06-19

## Background

The framework follows three rounds of technical talks, as described under [Foo (bar)](https://en.wikipedia.org/wiki/Foo_\\(bar\\)).
Readers can join the discussion in [the basin channel](irc://irc.example.net/basin) or fetch [the framework text](ftp://ftp.example.org/basin/framework.pdf) and [the annex](https://docs.example.org/annex).

| Station | Readings |
| ------- | -------- |
| Upper weir | 14 |
| Lower weir | 9 |

```python
def mean_level(readings):
    return sum(readings) / len(readings)
```

Question: Will the monitoring data be public?

💬 A. Speaker: Every station will publish its readings weekly.

UPDATE (2024-06-20): The council published the list of monitoring stations.

CORRECTION: An earlier version gave the wrong number of stations.

*[KYIV]: Capital city

[^method]: Monitoring follows the shared field manual.
"""

# A newer post, so that the index page shows the post above as a summary
# (the default theme shows the newest post in full).
NEWER_POST = """\
Title: Harbour lights repaired
Date: 2024-06-25 10:00
Category: World

The harbour lights were repaired after the spring storms.
"""

# The author's words that every rendering must keep, whatever the extension
# set (tables, fenced code and footnotes may render differently, the words
# stay). The markers themselves become labels and are left out.
AUTHOR_PHRASES = [
    "Two neighbouring governments agreed on shared rules for the river basin.",
    "Earlier in the day the ministers signed a framework on water monitoring",
    "The basin belongs to everyone who lives along it.",
    "Spokesperson of the Basin Council",
    "The framework follows three rounds of technical talks, as described under",
    "Readers can join the discussion in",
    "the basin channel",
    "the framework text",
    "Upper weir",
    "Lower weir",
    "def mean_level(readings):",
    "Will the monitoring data be public?",
    "Every station will publish its readings weekly.",
    "The council published the list of monitoring stations.",
    "An earlier version gave the wrong number of stations.",
]
UPDATE_TEXT = "The council published the list of monitoring stations."
CORRECTION_TEXT = "An earlier version gave the wrong number of stations."
FOOTNOTE_TEXT = "Monitoring follows the shared field manual."
LEAD_TEXT = "Two neighbouring governments agreed on shared rules"
SPEAKER_SLUG = "a-speaker"

# --- the extension sets ----------------------------------------------------------

EXTRA = "markdown.extensions.extra"
TOC = "markdown.extensions.toc"
EXTENSION_SETS: dict[str, dict | None] = {
    "pelican-default": None,  # Pelican's own MARKDOWN: codehilite, extra, meta
    "toc": {TOC: {}},
    "extra": {EXTRA: {}},
    "admonition": {"markdown.extensions.admonition": {}},
    "codehilite": {"markdown.extensions.codehilite": {"css_class": "highlight"}},
    "sane_lists": {"markdown.extensions.sane_lists": {}},
    "smarty": {"markdown.extensions.smarty": {}},
    "nl2br": {"markdown.extensions.nl2br": {}},
    "wikilinks": {"markdown.extensions.wikilinks": {}},
    "meta": {"markdown.extensions.meta": {}},
    "superfences": {"pymdownx.superfences": {}},
    "details": {"pymdownx.details": {}},
    "tasklist": {"pymdownx.tasklist": {}},
    "tilde": {"pymdownx.tilde": {}},
    "everything": {
        "markdown.extensions.toc": {},
        # extra without its fenced_code, which superfences replaces
        "markdown.extensions.abbr": {},
        "markdown.extensions.attr_list": {},
        "markdown.extensions.def_list": {},
        "markdown.extensions.footnotes": {},
        "markdown.extensions.md_in_html": {},
        "markdown.extensions.tables": {},
        "markdown.extensions.admonition": {},
        "markdown.extensions.codehilite": {"css_class": "highlight"},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.smarty": {},
        "markdown.extensions.nl2br": {},
        "markdown.extensions.wikilinks": {},
        "markdown.extensions.meta": {},
        "pymdownx.superfences": {},
        "pymdownx.details": {},
        "pymdownx.tasklist": {},
        "pymdownx.tilde": {},
    },
}
WITH_TOC = {"toc", "everything"}
WITH_FOOTNOTES = {"pelican-default", "extra", "everything"}
WITH_ABBR = WITH_FOOTNOTES

ORDERS = ("plugin-last", "plugin-first")
MATRIX = [pytest.param(name, order, id=f"{name}-{order}") for name in EXTENSION_SETS for order in ORDERS]
TOC_MATRIX = [p for p in MATRIX if p.values[0] in WITH_TOC]
FOOTNOTE_MATRIX = [p for p in MATRIX if p.values[0] in WITH_FOOTNOTES]
ABBR_MATRIX = [p for p in MATRIX if p.values[0] in WITH_ABBR]


def markdown_setting(name: str, order: str) -> dict | None:
    """Pelican's MARKDOWN setting for an extension set and an order; None
    keeps Pelican's default (in the default order)."""
    configs = EXTENSION_SETS[name]
    if configs is None:
        if order == "plugin-last":
            return None
        from pelican.settings import DEFAULT_CONFIG

        configs = DEFAULT_CONFIG["MARKDOWN"]["extension_configs"]
    setting = {"extension_configs": {k: dict(v) for k, v in configs.items()}, "output_format": "html5"}
    if order == "plugin-first":
        setting["extensions"] = [EXTENSION_MODULE]
    elif order == "object-first":
        setting["extensions"] = [ChroniclesExtension()]
    return setting


# --- building, once per parameter --------------------------------------------------


class Capture(logging.Handler):
    """The warnings logged during one build (caplog is per test; the builds
    are shared by the module's tests)."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


class Built:
    def __init__(self, site, records):
        self.site = site
        self.records = records
        articles = [a for a in site.pelican_articles() if "river basin" in a.title]
        assert len(articles) == 1, [a.title for a in site.pelican_articles()]
        self.article = articles[0]
        self._page = None

    def warnings(self, prefix: str = "pelican_chronicles") -> list[str]:
        return [
            f"{r.name}: {r.getMessage()}" for r in self.records
            if r.levelno >= logging.WARNING and r.name.startswith(prefix)
        ]

    @property
    def page_path(self) -> str:
        return self.article.save_as

    def page(self) -> BeautifulSoup:
        """The article's page, parsed once: the tests only read it."""
        if self._page is None:
            self._page = self.site.soup(self.page_path)
        return self._page

    def body(self):
        """The article's content on its page."""
        content = self.page().select_one("div.entry-content")
        assert content is not None, "no div.entry-content on the article page"
        return content

    def output_files(self):
        return sorted(p for p in self.site.output.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def site_for(tmp_path_factory):
    """``site_for(key, posts, **settings)``: the build for ``key``, made on
    first use and shared by the module's tests."""
    cache: dict[tuple, Built] = {}

    def _site(key: tuple, posts: dict[str, str] | None = None, **settings) -> Built:
        if key not in cache:
            root = tmp_path_factory.mktemp("-".join(str(k) for k in key))
            overrides = {"SITEURL": SITEURL, **settings}
            # Pelican drops a warning it has logged before in the same
            # process (LimitFilter's class-level sets): a process builds one
            # site, these tests build many, each must see its own warnings.
            LimitFilter._raised_messages.clear()
            LimitFilter._group_count.clear()
            capture = Capture()
            root_logger = logging.getLogger()
            previous = root_logger.level
            root_logger.addHandler(capture)
            if previous > logging.WARNING:
                root_logger.setLevel(logging.WARNING)
            try:
                site = build_site(root, posts or {"basin.md": POST, "lights.md": NEWER_POST}, **overrides)
            finally:
                root_logger.removeHandler(capture)
                root_logger.setLevel(previous)
            cache[key] = Built(site, capture.records)
        return cache[key]

    return _site


@pytest.fixture
def matrix_site(site_for):
    def _site(name: str, order: str) -> Built:
        setting = markdown_setting(name, order)
        extra = {} if setting is None else {"MARKDOWN": setting}
        return site_for(("md", name, order), **extra)

    return _site


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.casefold()))


def flat(text: str) -> str:
    return " ".join(text.split())


# --- 1. the extension matrix ---------------------------------------------------------


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_no_placeholder_in_any_output_file(matrix_site, name, order):
    built = matrix_site(name, order)
    leaks = []
    for path in built.output_files():
        if path.suffix not in (".html", ".xml", ".json", ".txt"):
            continue  # theme images and fonts
        text = path.read_text(encoding="utf-8")
        for marker in ("\x02", "\x03", "wzxhzdk"):
            if marker in text:
                leaks.append((str(path.relative_to(built.site.output)), repr(marker)))
    assert leaks == []


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_note_sections_hold_the_note_text(matrix_site, name, order):
    body = matrix_site(name, order).body()
    update = body.select_one("section.chronicles-note.chronicles-update#update-1")
    correction = body.select_one("section.chronicles-note.chronicles-correction#correction-1")
    assert update is not None and correction is not None
    assert UPDATE_TEXT in flat(update.get_text(" "))
    assert CORRECTION_TEXT in flat(correction.get_text(" "))
    assert CORRECTION_TEXT not in flat(update.get_text(" "))


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_dateline_spans(matrix_site, name, order):
    body = matrix_site(name, order).body()
    dateline = body.select_one("span.chronicles-dateline")
    assert dateline is not None
    place = dateline.select_one("span.chronicles-dateline-place")
    source = dateline.select_one("span.chronicles-source")
    assert place is not None and place.get_text() == "KYIV"
    assert source is not None and source.get_text() == "Agency"
    paragraph = dateline.find_parent("p")
    assert "Earlier in the day the ministers signed" in flat(paragraph.get_text(" "))


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_attributed_quote_is_a_figure(matrix_site, name, order):
    body = matrix_site(name, order).body()
    figure = body.select_one("figure.chronicles-quote")
    assert figure is not None
    quote = figure.find("blockquote")
    assert quote is not None
    assert "The basin belongs to everyone who lives along it." in flat(quote.get_text(" "))
    caption = figure.find("figcaption")
    assert caption is not None
    assert caption.find_parent("blockquote") is None
    speaker = caption.select_one("span.chronicles-speaker")
    assert speaker is not None and speaker.get_text() == "A. Speaker"
    cite = caption.find("cite")
    assert cite is not None and "A. Speaker" not in cite.get_text()
    link = cite.find("a")
    assert link is not None and link.get("href") == "https://agency.example/item"
    assert link.get_text() == "Agency"


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_transcript_has_two_turns(matrix_site, name, order):
    body = matrix_site(name, order).body()
    transcript = body.select_one("div.chronicles-transcript")
    assert transcript is not None
    turns = transcript.select("p.chronicles-turn")
    assert len(turns) == 2
    assert "chronicles-turn-question" in turns[0]["class"]
    assert "Will the monitoring data be public?" in flat(turns[0].get_text(" "))
    assert "A. Speaker:" in flat(turns[1].select_one("span.chronicles-speaker").get_text(" "))
    assert "Every station will publish its readings weekly." in flat(turns[1].get_text(" "))


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_update_log_links_to_the_notes(matrix_site, name, order):
    body = matrix_site(name, order).body()
    log = body.select_one("nav.chronicles-update-log")
    assert log is not None
    hrefs = [a.get("href", "") for a in log.find_all("a")]
    assert any(h.endswith("#update-1") for h in hrefs), hrefs
    assert any(h.endswith("#correction-1") for h in hrefs), hrefs


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_sources_list(matrix_site, name, order):
    body = matrix_site(name, order).body()
    aside = body.select_one("aside.chronicles-sources")
    assert aside is not None
    text = flat(aside.get_text(" "))
    for name_ in ("Wire Service", "Harbour Gazette", "Agency"):
        assert name_ in text


@pytest.mark.parametrize(("name", "order"), TOC_MATRIX)
def test_heading_ids_are_the_headings_own_text(matrix_site, name, order):
    body = matrix_site(name, order).body()
    heading = body.find("h2", string=lambda s: s and s.strip() == "Background")
    assert heading is not None
    assert heading.get("id") == "background"
    ids = [h.get("id") for h in body.find_all(re.compile(r"^h[1-6]$")) if h.get("id")]
    assert all(len(i) < 40 for i in ids), ids


@pytest.mark.parametrize(("name", "order"), TOC_MATRIX)
def test_toc_marker_still_works(matrix_site, name, order):
    body = matrix_site(name, order).body()
    toc = body.select_one("div.toc")
    assert toc is not None
    assert "[TOC]" not in body.get_text()
    assert any(a.get("href") == "#background" for a in toc.find_all("a"))


@pytest.mark.parametrize(("name", "order"), FOOTNOTE_MATRIX)
def test_footnotes_stay_outside_the_notes(matrix_site, name, order):
    body = matrix_site(name, order).body()
    footnotes = body.select("div.footnote")
    assert len(footnotes) == 1
    assert FOOTNOTE_TEXT in flat(footnotes[0].get_text(" "))
    assert footnotes[0].find_parent("section", class_="chronicles-note") is None
    for section in body.select("section.chronicles-note"):
        assert FOOTNOTE_TEXT not in section.get_text()


def squeezed(text: str) -> str:
    """Text without any white space: code highlighting splits a line into
    spans, nl2br a paragraph into lines."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_author_text_is_all_there(matrix_site, name, order):
    text = squeezed(matrix_site(name, order).body().get_text(""))
    missing = [phrase for phrase in AUTHOR_PHRASES if squeezed(phrase) not in text]
    assert missing == []


def without_plugin(name: str, source: str) -> str:
    """``source`` converted by Python-Markdown with the set's extensions, as
    Pelican's reader would, without the plugin. (A Pelican build in this
    process cannot leave the plugin out: its signal receivers stay
    connected once it is registered.)"""
    configs = EXTENSION_SETS[name]
    if configs is None:
        from pelican.settings import DEFAULT_CONFIG

        configs = DEFAULT_CONFIG["MARKDOWN"]["extension_configs"]
    configs = {k: dict(v) for k, v in configs.items()}
    extensions = [*configs, "markdown.extensions.meta"]
    return markdown.Markdown(extensions=extensions, extension_configs=configs, output_format="html5").convert(source)


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_no_word_lost_or_doubled_against_markdown_without_the_plugin(matrix_site, name, order):
    """SPEC §11: the text equals the post's without the plugin, but for the
    markers (replaced by labels) and what the plugin adds."""
    plain_post = POST.replace("UPDATE (2024-06-20): ", "").replace("CORRECTION: ", "")
    expected = words(BeautifulSoup(without_plugin(name, plain_post), "html.parser").get_text(" "))
    content = BeautifulSoup(matrix_site(name, order).article.content, "html.parser")
    for added in content.select("nav.chronicles-update-log, aside.chronicles-countries, aside.chronicles-sources, .chronicles-note-label"):
        added.decompose()  # what the plugin adds: the log, the countries and sources lists, the labels
    found = words(content.get_text(" "))
    assert found == expected, {"lost": dict(expected - found), "added": dict(found - expected)}


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_build_logs_no_warning_from_the_plugin(matrix_site, name, order):
    assert matrix_site(name, order).warnings() == []


def parse_feed(built: Built, path: str = "feeds/updates.atom.xml"):
    text = built.site.text(path)
    root = ET.fromstring(text.encode("utf-8"))
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    return text, root.findall("atom:entry", ns), ns


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_updates_feed_has_an_entry_per_note(matrix_site, name, order):
    built = matrix_site(name, order)
    _, entries, ns = parse_feed(built)
    links = sorted(e.find("atom:link", ns).get("href").rsplit("#", 1)[-1] for e in entries)
    assert links == ["correction-1", "update-1"]


@pytest.mark.parametrize(("name", "order"), FOOTNOTE_MATRIX)
def test_updates_feed_has_no_footnote_text(matrix_site, name, order):
    text, _, _ = parse_feed(matrix_site(name, order))
    assert FOOTNOTE_TEXT not in text
    assert "Monitoring follows" not in text


# --- either extension order gives the same page ------------------------------------------


def article_html(built: Built) -> str:
    return built.body().decode()


@pytest.mark.parametrize("name", list(EXTENSION_SETS))
def test_extension_order_does_not_change_the_post(matrix_site, name):
    assert article_html(matrix_site(name, "plugin-first")) == article_html(matrix_site(name, "plugin-last"))


@pytest.mark.parametrize("name", ["pelican-default", "everything"])
def test_extension_object_listed_first_builds_the_same_post(matrix_site, name):
    """An extension object the site lists itself is replaced by the
    plugin's own: the page equals the default order's."""
    assert article_html(matrix_site(name, "object-first")) == article_html(matrix_site(name, "plugin-last"))


# --- 2. abbr and link titles ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "order"), ABBR_MATRIX)
def test_abbreviation_applies_to_the_dateline_place(matrix_site, name, order):
    place = matrix_site(name, order).body().select_one("span.chronicles-dateline-place")
    assert place is not None
    abbr = place.find("abbr")
    assert abbr is not None
    assert abbr.get("title") == "Capital city"
    assert abbr.get_text() == "KYIV"


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_attribution_link_keeps_its_title(matrix_site, name, order):
    body = matrix_site(name, order).body()
    link = body.select_one("figure.chronicles-quote figcaption cite a")
    assert link is not None
    assert link.get("title") == "Agency item"


# --- 3. the author's links ------------------------------------------------------------------


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_escaped_parentheses_link_keeps_its_href(matrix_site, name, order):
    body = matrix_site(name, order).body()
    link = body.find("a", string="Foo (bar)")
    assert link is not None
    assert link.get("href") == "https://en.wikipedia.org/wiki/Foo_(bar)"


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_escaped_parentheses_link_logs_no_warning(matrix_site, name, order):
    built = matrix_site(name, order)
    about_link = [w for w in built.warnings("") if "Foo" in w or "wikipedia" in w or "wzxhzdk" in w]
    assert about_link == []


@pytest.mark.parametrize(("name", "order"), MATRIX)
@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("the basin channel", "irc://irc.example.net/basin"),
        ("the framework text", "ftp://ftp.example.org/basin/framework.pdf"),
        ("the annex", "https://docs.example.org/annex"),
    ],
    ids=["irc", "ftp", "https"],
)
def test_author_links_stay_as_written(matrix_site, name, order, text, href):
    body = matrix_site(name, order).body()
    link = body.find("a", string=text)
    assert link is not None
    assert link.get("href") == href


# --- 4. plugin order ----------------------------------------------------------------------------

PLUGIN_ORDERS = {
    "chronicles-then-jinja2content": ["pelican_chronicles", JINJA2CONTENT],
    "jinja2content-then-chronicles": [JINJA2CONTENT, "pelican_chronicles"],
}


# The same post with one Jinja expression, so that the build shows
# jinja2content did render the source.
JINJA_POST = POST.replace("| Lower weir |", '| {{ "Lower" }} weir |')
assert JINJA_POST != POST


@pytest.fixture(params=list(PLUGIN_ORDERS))
def plugin_order_site(request, site_for):
    return site_for(
        ("plugins", request.param),
        {"basin.md": JINJA_POST, "lights.md": NEWER_POST},
        PLUGINS=PLUGIN_ORDERS[request.param],
    )


def test_plugin_order_jinja2content_renders_the_source(plugin_order_site):
    text = plugin_order_site.body().get_text(" ")
    assert "{{" not in text
    assert "Lower weir" in flat(text)


def jsonld(built: Built) -> dict:
    scripts = built.page().find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_plugin_order_notes_render(plugin_order_site):
    body = plugin_order_site.body()
    assert body.select_one("section.chronicles-note#update-1") is not None
    assert body.select_one("section.chronicles-note#correction-1") is not None


def test_plugin_order_updates_feed_has_the_notes(plugin_order_site):
    _, entries, ns = parse_feed(plugin_order_site)
    links = sorted(e.find("atom:link", ns).get("href").rsplit("#", 1)[-1] for e in entries)
    assert links == ["correction-1", "update-1"]


def test_plugin_order_speaker_page(plugin_order_site):
    assert plugin_order_site.site.exists(f"speakers/{SPEAKER_SLUG}.html")
    page = plugin_order_site.site.soup(f"speakers/{SPEAKER_SLUG}.html")
    text = flat(page.get_text(" "))
    assert "The basin belongs to everyone who lives along it." in text
    assert "Every station will publish its readings weekly." in text


def test_plugin_order_modified_moves_to_the_latest_note(plugin_order_site):
    root = ET.fromstring(plugin_order_site.site.text("feeds/all.atom.xml").encode("utf-8"))
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    entry = next(
        e for e in root.findall("atom:entry", ns)
        if "river basin" in e.find("atom:title", ns).text
    )
    assert entry.find("atom:updated", ns).text.startswith("2024-06-20")
    assert jsonld(plugin_order_site)["dateModified"].startswith("2024-06-20")


def test_plugin_order_jsonld_has_dateline_and_quote(plugin_order_site):
    data = jsonld(plugin_order_site)
    assert data.get("dateline", "").startswith("KYIV")
    quotes = [part for part in data.get("hasPart", []) if part.get("@type") == "Quotation"]
    assert len(quotes) == 1
    assert quotes[0]["text"] == "The basin belongs to everyone who lives along it."
    assert quotes[0]["creator"]["name"] == "A. Speaker"


def test_plugin_order_logs_no_warning(plugin_order_site):
    assert plugin_order_site.warnings() == []


# --- the title flag ---------------------------------------------------------------------------


def test_title_flag_leaves_title_and_slug(matrix_site):
    built = matrix_site("pelican-default", "plugin-last")
    assert built.article.title == "Ministers sign the river basin agreement"
    assert built.page_path == "ministers-sign-the-river-basin-agreement.html"


# --- 5. summaries -----------------------------------------------------------------------------


def index_entry(built: Built):
    """The post's entry on the index page."""
    index = built.site.soup("index.html")
    url = built.article.url
    for article in index.find_all("article"):
        if any(a.get("href", "").endswith(url) for a in article.find_all("a")):
            return article
    raise AssertionError(f"no entry linking to {url} on index.html")


@pytest.mark.parametrize(("name", "order"), MATRIX)
def test_index_summary_leaves_out_update_log_and_sources(matrix_site, name, order):
    built = matrix_site(name, order)
    entry = index_entry(built)
    summary = entry.select_one("div.entry-content") or entry
    text = flat(summary.get_text(" "))
    assert LEAD_TEXT in text
    assert "Updates to this post" not in text
    assert summary.select_one("nav.chronicles-update-log, aside.chronicles-sources") is None
    assert "Harbour Gazette" not in text
    assert "Wire Service" not in text
