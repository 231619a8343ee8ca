"""The Markdown side of pelican-chronicles: a Python-Markdown extension.

It recognises the authors' conventions (update and correction notes,
datelines, attributed quotes, transcripts), rewrites them into the public
HTML of the SPEC and leaves what it found as a ``Chronicle`` on the
Markdown instance (``md.chronicles``), and in ``md.Meta["chronicles"]``
when the meta extension is on, so that Pelican hands it over with the
post's metadata. It knows nothing else of Pelican:

    >>> import markdown
    >>> md = markdown.Markdown(extensions=[ChroniclesExtension()])
    >>> html = md.convert("UPDATE: The vote was moved to Friday.")
    >>> md.chronicles.notes[0].anchor
    'update-1'

Each convention is its own tree processor, registered by name, so that a
site can deregister one (``md.treeprocessors.deregister("chronicles-quotes")``).
Like Python-Markdown's own extensions, one extension object serves one
Markdown instance: what it found in the document lives on it until
``md.reset()``.
"""

from __future__ import annotations

from markdown.extensions import Extension

from .. import dates
from ..languages import Language, Languages
from ..model import Chronicle
from ..settings import EXTENSION_OPTIONS, SETTINGS
from ..urls import no_facet_links
from .chronicle import ChronicleProcessor
from .datelines import DatelineProcessor
from .lines import KeepLines, SourceLines
from .notes import NoteProcessor
from .quotes import QuoteProcessor
from .transcripts import TranscriptProcessor


# How Pelican's MARKDOWN setting names the extension, and its options.
EXTENSION = __name__


def languages_of(settings) -> Languages:
    """The build's languages: those of the options the plugin handed the
    extension in Pelican's ``MARKDOWN`` setting, the object every post's
    extension uses."""
    return Languages.of(settings["MARKDOWN"]["extension_configs"][EXTENSION])

_UNREAD = object()


def keep(html: str) -> str:
    """The summary of a body's opening blocks, when no one says how to cut it."""
    return html


class Found:
    """What the conventions found in the document being converted, as
    elements still to be rendered by inline Markdown."""

    def __init__(self):
        self.notes = []  # (Note fields, section)
        self.datelines = []  # (place span, source span, date as typed)
        self.quotes = []  # QuoteFound
        self.turns = []  # (Turn fields, p, label span, the blocks that continue the turn)
        self.problems = []  # Problem
        self.made = []  # the blocks and spans the conventions made, for lang and dir
        self.post_date = _UNREAD  # the document's Date:, read when first asked
        self.language = None  # the document's Language, worked out when first asked
        self.lines = SourceLines([])  # the document's lines, where problems are looked for


class ChroniclesExtension(Extension):
    """Update notes, datelines, attributed quotes and transcripts."""

    def __init__(self, **kwargs):
        self.config = {
            option: [SETTINGS[name].default, SETTINGS[name].description]
            for option, name in EXTENSION_OPTIONS.items()
        }
        self.config["timezone"] = ["UTC", "Time zone of note dates that give none (Pelican's TIMEZONE)"]
        self.config["lang"] = [
            "", "The language of the page documents go into (Pelican's DEFAULT_LANG): a document in "
            "another language gets one element around its content with its lang and dir. Empty: not known, "
            "documents that name no language are English and none gets that element",
        ]
        self.config["summary_words"] = [
            50, "Words a summary has at most (Pelican's SUMMARY_MAX_LENGTH; None: no limit)",
        ]
        self.config["summarize"] = [
            keep, "A function that makes a summary of the body's opening blocks (HTML): "
            "Pelican's own truncation, handed over by the plugin",
        ]
        self.config["facet_links"] = [
            False, "Link each source in the sources list, and each country in a list of the post's "
            "countries, to its page on the site, at the address facet_url gives",
        ]
        self.config["facet_url"] = [
            no_facet_links, "With facet_links, the address of a source's or country's page, (kind, key, status) -> "
            "URL, or None when a post of that Status: links none: urls.FacetLinks, made from the site's settings",
        ]
        self.config["near_misses"] = [
            False, "Also record what only pelican-chronicles check reports, as problems: near-miss markers "
            "(UDPATE:), undated notes among dated ones, sources of Sources: without a URL, addresses read as https",
        ]
        self._languages = None
        super().__init__(**kwargs)
        self.found = Found()

    def setConfig(self, key, value):
        super().setConfig(key, value)
        self._languages = None

    @property
    def languages(self) -> Languages:
        """The languages as the options say, shared with every extension
        given the same options (the plugin's handlers too)."""
        if self._languages is None:
            self._languages = Languages.of(self.getConfigs())
        return self._languages

    def extendMarkdown(self, md):
        self.md = md
        md.registerExtension(self)  # so that md.reset() calls reset()
        # The lines problems are found on: after normalize_whitespace (30),
        # which makes one line of each of the file's, before meta (27),
        # which takes the header off.
        md.preprocessors.register(KeepLines(md, self), "chronicles_lines", 29)
        # The conventions read the blocks as the block parser left them,
        # before every tree processor of Python-Markdown and its extensions
        # (footnotes, 50, appends its list; codehilite, 30; inline, 20).
        # Notes come first: they wrap blocks into sections, in which the
        # others look as well as at the top level. Transcripts before
        # quotes, quotes before datelines: a paragraph is taken by the
        # first that claims it.
        md.treeprocessors.register(NoteProcessor(md, self), "chronicles-notes", 59)
        md.treeprocessors.register(TranscriptProcessor(md, self), "chronicles-transcripts", 58)
        md.treeprocessors.register(QuoteProcessor(md, self), "chronicles-quotes", 57)
        md.treeprocessors.register(DatelineProcessor(md, self), "chronicles-datelines", 56)
        # After "unescape" (0), the last of Python-Markdown's own: text and
        # links are what a reader sees, and toc has read the headings.
        md.treeprocessors.register(ChronicleProcessor(md, self), "chronicles", -10)

    def reset(self):
        self.found = Found()
        self.md.chronicles = Chronicle()

    @staticmethod
    def converting_metadata(md) -> bool:
        """Whether ``md`` is converting a metadata field rather than a body:
        Pelican converts formatted fields (``Summary:``) with the post's
        Markdown instance after deregistering the meta preprocessor, which
        it always registers for bodies."""
        return hasattr(md, "Meta") and "meta" not in md.preprocessors

    @staticmethod
    def meta(md, name: str) -> list[str] | None:
        """A metadata value of the document, as the meta extension read it."""
        return getattr(md, "Meta", {}).get(name)

    def language(self, md) -> Language:
        """The document's language: its ``Lang:``, else the ``lang`` option."""
        found = self.found
        if found.language is None:
            values = self.meta(md, "lang")
            found.language = self.languages.get(values[0].strip() if values and values[0].strip() else None)
        return found.language

    def post_date(self, md):
        """The document's ``Date:``, when it is there and readable."""
        found = self.found
        if found.post_date is _UNREAD:
            values = self.meta(md, "date")
            found.post_date = dates.post_date(values[0] if values else None, self.getConfig("timezone"))
        return found.post_date


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return ChroniclesExtension(**kwargs)
