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
from markdown.postprocessors import Postprocessor

from ..metadata import parse_sources
from ..model import Chronicle, Note, Quote, Turn, merge_sources
from .common import MARK_RE, ConventionProcessor, Pass, plain_text, summarize
from .datelines import DatelineProcessor
from .links import LinkGuard
from .notes import NoteProcessor, update_log
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
        self.notes = []  # (dict of Note fields, section element, label parts)
        self.datelines = []  # Dateline
        self.quotes = []  # (dict of Quote fields, blockquote element)
        self.turns = []  # (dict of Turn fields, p element, the label's placeholder or None)
        self.sources = []  # Source, from datelines and quote citations
        self.problems = []  # Problem
        self.before = ""  # markup that opens the document: the update log
        self.after = ""  # markup that closes it: the sources list
        self.marks = []  # markup written at the start of paragraphs (ConventionProcessor.lead)
        self.atomic = None  # whether plain pieces may be atomic (common.plain_pieces_may_be_atomic)
        self.post_date = None  # the document's Date:, read with the first pass


class CollectProcessor(ConventionProcessor):
    """Runs after inline Markdown: turns what was found into ``md.chronicles``,
    with the plain text of notes, quotes and turns, and writes the update log
    and the sources list."""

    def apply(self, root):
        doc = self.state
        stash, marks = self.md.htmlStash, doc.marks
        notes = tuple(
            Note(**fields, summary=summarize(plain_text(section, skip=section[0], stash=stash, marks=marks)))
            for fields, section, _label in doc.notes
        )
        quotes = tuple(Quote(**fields, text=plain_text(bq, stash=stash, marks=marks)) for fields, bq in doc.quotes)
        turns = tuple(
            Turn(**fields, text=plain_text(p, skip=None if label else p[0], stash=stash, marks=marks, drop=label))
            for fields, p, label in doc.turns
        )
        # Sources: the document's metadata first, then datelines and quote
        # citations. The metadata's problems are left to Pelican's side
        # (glue.build_chronicle parses Sources: for every reader and reports
        # them), so that each is warned about once.
        meta_sources, _problems = parse_sources(getattr(self.md, "Meta", {}).get("sources"))
        sources = merge_sources(meta_sources, doc.sources)
        labels = self.config("labels")
        if doc.notes and self.config("update_log"):
            doc.before = update_log(
                [(section.get("id"), label) for _fields, section, label in doc.notes],
                labels.get("update_log", "Updates"),
            )
        if sources and self.config("sources_list"):
            doc.after = sources_list(sources, labels.get("sources", "Sources"))
        self.md.chronicles = Chronicle(
            notes=notes,
            dateline=doc.datelines[0] if doc.datelines else None,
            datelines=tuple(doc.datelines),
            quotes=quotes,
            turns=turns,
            sources=sources,
            problems=tuple(doc.problems),
        )


class BlocksPostprocessor(Postprocessor):
    """Puts the markup the conventions wrote in place of its placeholders,
    the update log before the document and the sources list after it. They
    are markup made from the chronicle and the author's plain words, so they
    are written as markup rather than built as elements for the serializer."""

    def run(self, text):
        state = getattr(self.md, "chronicles_state", None)
        if state is None:
            return text
        if state.marks:
            marks = state.marks
            text = MARK_RE.sub(lambda found: marks[int(found.group(1))], text)
        if state.before or state.after:
            text = "\n".join(part for part in (state.before, text, state.after) if part)
        state.before, state.after, state.marks = "", "", []
        return text


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
        # Before "inline" (20): the conventions read the author's raw text,
        # and what they insert is atomic where inline Markdown has nothing
        # to do. Notes come first: they wrap blocks into sections, and the
        # others then look inside those sections as well as at the top level.
        md.treeprocessors.register(
            Pass(md, self, (NoteProcessor, TranscriptProcessor, QuoteProcessor, DatelineProcessor)),
            "chronicles",
            35,
        )
        # After "inline" (links are elements now) and "prettify", before
        # "unescape": text is final.
        md.treeprocessors.register(Pass(md, self, (LinkGuard, CollectProcessor)), "chronicles-collect", 5)
        # After the raw HTML is put back: the blocks are complete markup.
        md.postprocessors.register(BlocksPostprocessor(md), "chronicles-blocks", 5)

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
