"""The Markdown side of pelican-chronicles: a Python-Markdown extension.

It recognises the authors' conventions (update and correction notes,
datelines, attributed quotes, transcripts), rewrites them into the public
HTML of the SPEC and leaves what it found as a ``Chronicle`` on the
Markdown instance (``md.chronicles``). It knows nothing of Pelican:

    >>> import markdown
    >>> md = markdown.Markdown(extensions=[ChroniclesExtension()])
    >>> html = md.convert("UPDATE: The vote was moved to Friday.")
    >>> md.chronicles.notes[0].anchor
    'update-1'
"""

from __future__ import annotations

from markdown.extensions import Extension

from ..metadata import parse_sources
from ..model import Chronicle, Note, Quote, Turn, merge_sources
from .common import ConventionProcessor, plain_text, summarize
from .datelines import DatelineProcessor
from .links import LinkGuard
from .notes import NoteProcessor
from .quotes import QuoteProcessor
from .sources import sources_list
from .transcripts import TranscriptProcessor


class DocumentState:
    """What the processors found in the document being converted.

    It lives on the Markdown instance (``md.chronicles_state``), never on the
    extension, which holds configuration only and may be shared by every
    Markdown instance of a site build. ``md.reset()`` clears it.
    """

    def __init__(self, md):
        self.md = md
        self.reset()

    def reset(self):
        self.md.chronicles = Chronicle()
        self.notes = []  # (dict of Note fields, section element)
        self.datelines = []  # Dateline
        self.quotes = []  # (dict of Quote fields, blockquote element)
        self.turns = []  # (dict of Turn fields, p element)
        self.sources = []  # Source, from datelines and quote citations
        self.problems = []  # Problem


class CollectProcessor(ConventionProcessor):
    """Runs after inline Markdown: turns what was found into ``md.chronicles``,
    with the plain text of notes, quotes and turns."""

    def apply(self, root):
        doc = self.state
        notes = tuple(
            Note(**fields, summary=summarize(plain_text(section, skip_class="chronicles-note-label")))
            for fields, section in doc.notes
        )
        quotes = tuple(Quote(**fields, text=plain_text(bq)) for fields, bq in doc.quotes)
        turns = tuple(
            Turn(**fields, text=plain_text(p, skip_class="chronicles-speaker")) for fields, p in doc.turns
        )
        # Sources: the document's metadata first, then datelines and quote
        # citations. The metadata's problems are left to Pelican's side
        # (glue.build_chronicle parses Sources: for every reader and reports
        # them), so that each is warned about once.
        meta_sources, _problems = parse_sources(getattr(self.md, "Meta", {}).get("sources"))
        sources = merge_sources(meta_sources, doc.sources)
        if sources and self.config("sources_list"):
            root.append(sources_list(sources, self.config("labels").get("sources", "Sources")))
        self.md.chronicles = Chronicle(
            notes=notes,
            dateline=doc.datelines[0] if doc.datelines else None,
            datelines=tuple(doc.datelines),
            quotes=quotes,
            turns=turns,
            sources=sources,
            problems=tuple(doc.problems),
        )


class ChroniclesExtension(Extension):
    """Update notes, datelines, attributed quotes and transcripts."""

    def __init__(self, **kwargs):
        self.config = {
            "update_words": [["Update", "Updated", "Edit", "Addendum"], "Words that start an update note"],
            "correction_words": [["Correction", "Corrected"], "Words that start a correction note"],
            "question_words": [["Question", "Q"], "Transcript labels for the interviewer"],
            "answer_words": [["Answer", "A"], "Transcript labels for the person answering"],
            "labels": [
                {"update": "Update", "correction": "Correction", "update_log": "Updates to this post",
                 "sources": "Sources"},
                "Visible labels",
            ],
            "dayfirst": [False, "Read numeric dates day first"],
            "timezone": ["UTC", "Time zone of note dates that give none"],
            "update_log": [True, "Put a linked list of the notes at the top of an updated post"],
            "sources_list": [True, "List the post's sources at its end (aside.chronicles-sources)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.chronicles_state = DocumentState(md)
        md.registerExtension(md.chronicles_state)  # so that md.reset() clears it
        # Before "inline" (20): the processors read the author's raw text,
        # and what they insert is atomic, so inline Markdown leaves it alone.
        # Notes run first: they wrap blocks into sections, and the others
        # then look inside those sections as well as at the top level.
        md.treeprocessors.register(NoteProcessor(md, self), "chronicles-notes", 35)
        md.treeprocessors.register(TranscriptProcessor(md, self), "chronicles-transcripts", 33)
        md.treeprocessors.register(QuoteProcessor(md, self), "chronicles-quotes", 32)
        md.treeprocessors.register(DatelineProcessor(md, self), "chronicles-datelines", 31)
        # After "inline": links are elements now.
        md.treeprocessors.register(LinkGuard(md, self), "chronicles-links", 15)
        # After "inline" and "prettify", before "unescape": text is final.
        md.treeprocessors.register(CollectProcessor(md, self), "chronicles-collect", 5)

    @staticmethod
    def active(md) -> bool:
        """False while Pelican converts metadata fields such as Summary:
        conventions belong to the body only."""
        return not getattr(md, "chronicles_off", False)

    @staticmethod
    def meta(md, name: str) -> str | None:
        """A metadata value of the document, when the meta extension read it."""
        values = getattr(md, "Meta", {}).get(name)
        return values[0] if values else None


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return ChroniclesExtension(**kwargs)
