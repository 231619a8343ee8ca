"""Interview transcripts (SPEC 5).

Two or more consecutive top-level paragraphs that each begin with a speaker
label form a transcript:

    Question: Would you ...

    💬 A. Minister: If anyone ...

    <div class="chronicles-transcript">
      <p class="chronicles-turn chronicles-turn-question" id="turn-1"><span
         class="chronicles-speaker">Question:</span> Would you ...</p>
      <p class="chronicles-turn" id="turn-2"><span class="chronicles-speaker"><span
         aria-hidden="true">&#x1F4AC;</span> A. Minister:</span> If anyone ...</p>
    </div>

The balloon is decorative and written as a character reference: the
browser shows the same emoji, and the post's HTML, held for the whole
build, keeps a narrow string (see ``text.char_refs``).

Labels: the question and answer words (``Question:``, ``Q:``, ``Answer:``,
``A:``; one-letter words match their case, longer ones any case; bold
allowed, ``**Q:**``), and a speech balloon with a name (``💬 A. Minister:``).
A bold name (``**Dana Ortiz:**``, the colon inside or outside the bold)
is a label only in a run that already has one of those, so that a
paragraph that merely starts with a bold phrase stays a paragraph: directly
after a labelled paragraph, or after any block of a run that is already a
transcript (two labelled turns). After a lone ``Q:`` and the paragraphs
that continue it, ``**Bottom line:**`` is the author's bold phrase, more of
that turn. The label stays as typed; the author's text after it is left to
inline Markdown.

An answer may run over several paragraphs. A paragraph without a label, or
a list, continues the turn before it, between two turns and after the last
one, up to what ends the transcript: a heading, a thematic break, a
blockquote, raw HTML, the end of the note or of the post, and a paragraph
that another convention reads at the top level after this one (a
dateline, in the post's language) or that the ``toc`` extension replaces
(its ``[TOC]`` marker). It stays in the transcript as
``<p class="chronicles-turn-continued">`` (or ``<ul>``, ``<ol>``), and its
words are the turn's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from markdown.util import HTML_PLACEHOLDER_RE as _STASHED
from markdown.util import AtomicString

from ..text import char_refs
from . import datelines
from .common import EMPHASIS, ConventionProcessor, by_word, element, is_plain_paragraph, sub, top_level_runs

MAX_NAME = 60
BALLOONS = ("💬", "🗨\ufe0f", "🗨", "🗯\ufe0f", "🗯", "💭")  # longest spelling first
# A name: up to MAX_NAME characters, no colon, no line break, no emphasis
# character; anchored and bounded, so matching is linear.
_NAME = rf"[^:\n*_]{{1,{MAX_NAME}}}"
_BALLOON = re.compile(
    rf"(?P<balloon>{'|'.join(BALLOONS)})[ \t\u00a0]{{0,8}}(?P<open>{EMPHASIS})?"
    rf"(?P<name>{_NAME})(?P<shut>{EMPHASIS})?:(?P<close>{EMPHASIS})?(?=\s|$)"
)
_BOLD = re.compile(rf"(?P<open>\*\*|__)(?P<name>{_NAME})(?:(?P=open):|:(?P=open))(?=\s|$)")

QUESTION, ANSWER, NAMED, BOLD = "question", "answer", "named", "bold"


@dataclass
class Label:
    kind: str  # QUESTION, ANSWER, NAMED (a balloon) or BOLD
    speaker: str  # without colon, emphasis and balloon
    end: int  # where the author's text after the label begins
    balloon: str | None = None


@functools.lru_cache(maxsize=16)
def role_pattern(words: tuple) -> re.Pattern:
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(
        rf"(?P<open>{EMPHASIS})?(?P<word>{alternation})(?P<shut>{EMPHASIS})?[ \u00a0\u202f]?"
        rf"(?::(?P<close>{EMPHASIS})?(?=\s|$)|：(?P<wide_close>{EMPHASIS})?)",
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=16)
def label_words(question_words: tuple, answer_words: tuple) -> tuple[Mapping[str, tuple], re.Pattern, frozenset]:
    """The kind and spelling of each label word, by its casefolded spelling;
    the pattern of those labels; and the characters a label can start with:
    a paragraph that starts otherwise is passed over without trying the
    patterns. Made once per setting, not for each post's Markdown instance."""
    kinds: dict[str, tuple] = {}
    for kind, words in ((QUESTION, question_words), (ANSWER, answer_words)):
        for word in words:
            kinds.setdefault(word.casefold(), (kind, word))
    first_chars = frozenset({w[0].casefold() for w in kinds} | set("*_") | {b[0] for b in BALLOONS})
    return MappingProxyType(kinds), role_pattern(tuple(w for _kind, w in kinds.values())), first_chars


def balanced(found: re.Match) -> bool:
    """Emphasis opened before the word closes before or after the colon,
    and none closes that was not opened."""
    opened = found.group("open")
    after = found.group("close") or found.groupdict().get("wide_close")
    closed = found.group("shut") or after
    if found.group("shut") and after:
        return False
    return opened == closed


class TranscriptProcessor(ConventionProcessor):

    # --- recognising a label ---------------------------------------------------

    def label(self, el) -> Label | None:
        if el.tag != "p" or not el.text or len(el) or el.text[0].casefold() not in self.first_chars:
            return None
        text = el.text
        found = self.role_re.match(text)
        if found and balanced(found):
            typed = found.group("word")
            kind, word = by_word(self.kinds, typed) or (None, "")
            if kind and (len(word) > 1 or typed == word):  # "Q:" but not "q:"
                return Label(kind, typed, found.end())
        found = _BALLOON.match(text)
        if found and balanced(found) and found.group("name").strip():
            return Label(NAMED, found.group("name").strip(), found.end(), found.group("balloon"))
        found = _BOLD.match(text)
        if found and found.group("name").strip() == found.group("name"):
            return Label(BOLD, found.group("name"), found.end())
        return None

    # --- runs and turns ------------------------------------------------------------

    def continues(self, el) -> bool:
        """Whether ``el``, after a turn, is more of what was said: a
        paragraph without a label, or a list (an answer may enumerate). A
        blockquote is the author quoting, a heading or a thematic break ends
        the part of the post, and raw HTML is the author's own markup: each
        ends the transcript, as does the end of a note, and a paragraph that
        is read after this processor (``read_later``)."""
        if el.tag in ("ul", "ol"):
            return True
        return el.tag == "p" and not (el.text and _STASHED.fullmatch(el.text.strip())) and not self.read_later(el)

    def read_later(self, el) -> bool:
        """Whether the paragraph ``el`` is read at the top level by a
        processor that runs after this one, and must stay there: a dateline,
        as the dateline processor recognises it (``datelines.match``, in the
        post's language), and the ``toc`` extension's marker, which it
        replaces by the table of contents wherever it stands. Neither, when
        the site did not register that processor."""
        if not is_plain_paragraph(el):
            return False
        if self.toc_marker and el.text.strip() == self.toc_marker:
            return True
        return self.reads_datelines and datelines.match(el.text, self.language.code, self.language.dayfirst) is not None

    def apply(self, root):
        language = self.language
        self.kinds, self.role_re, self.first_chars = label_words(language.question_words, language.answer_words)
        containers = list(top_level_runs(root))
        labels = {el: found for _container, blocks in containers for el in blocks if (found := self.label(el))}
        if len(labels) < 2:  # a transcript has two labelled turns at least
            return
        treeprocessors = self.md.treeprocessors
        self.reads_datelines = "chronicles-datelines" in treeprocessors
        self.toc_marker = getattr(treeprocessors["toc"], "marker", "") if "toc" in treeprocessors else ""
        number = 0
        for container, blocks in containers:
            runs = []
            run = []  # the open transcript: (block, Label), the Label None for a block that continues a turn
            labelled = 0  # the labelled turns in run
            for el in [*blocks, None]:
                found = labels.get(el)
                if found is not None and self.opens_turn(found, run, labelled):
                    run.append((el, found))
                    labelled += 1
                    continue
                if run and el is not None and self.continues(el):
                    run.append((el, None))
                    continue
                if labelled >= 2:  # one labelled paragraph is no interview
                    runs.append(run)
                run = []
                labelled = 0
            if runs:
                number = self.build(container, runs, number)

    @staticmethod
    def opens_turn(found: Label, run: list, labelled: int) -> bool:
        """Whether the label ``found`` opens a turn of the open ``run``, or
        a new run. A bold name only continues a run: directly after a
        labelled paragraph, or in a run that is already a transcript, with
        two labelled turns; after one turn and the paragraphs continuing it,
        it is the author's bold phrase, more of that turn."""
        if found.kind != BOLD:
            return True
        return bool(run) and (run[-1][1] is not None or labelled >= 2)

    def build(self, container, runs, number: int) -> int:
        """Wrap each run into its transcript; the container's children are
        rebuilt in one pass, however many runs there are."""
        transcripts = {}  # the first paragraph of a run: its transcript
        moved = set()
        for run in runs:
            transcript = element("div", class_="chronicles-transcript")
            self.found.made.append(transcript)
            transcripts[run[0][0]] = transcript
            continued = None  # the blocks of the turn being read
            for block, found in run:
                moved.add(block)
                transcript.append(block)
                if found is None:
                    block.set("class", " ".join(filter(None, (block.get("class"), "chronicles-turn-continued"))))
                    continued.append(block)
                    continue
                number += 1
                continued = self.turn(block, found, f"turn-{number}")
            transcript.tail = run[-1][0].tail
            run[-1][0].tail = None
        children = []
        for child in container:
            if child in transcripts:
                children.append(transcripts[child])
            elif child not in moved:
                children.append(child)
        container[:] = children
        return number

    def turn(self, p, found: Label, anchor: str) -> list:
        """Make ``p`` a turn; the list its continuing blocks go in."""
        classes = "chronicles-turn"
        if found.kind in (QUESTION, ANSWER):
            classes += f" chronicles-turn-{found.kind}"
        p.set("class", classes)
        p.set("id", anchor)
        text = p.text
        label = element("span", class_="chronicles-speaker")
        if found.balloon:
            # decorative; written as character references (see char_refs)
            balloon = sub(label, "span", AtomicString(self.md.htmlStash.store(char_refs(found.balloon))),
                          aria_hidden="true")
            balloon.tail = text[len(found.balloon) : found.end]
        else:
            label.text = text[: found.end]  # as typed; inline Markdown renders its bold
        label.tail = text[found.end :] or None
        p.text = None
        p.insert(0, label)
        fields = dict(anchor=anchor, speaker=found.speaker, is_question=found.kind == QUESTION,
                      named=found.kind in (NAMED, BOLD))
        continued = []
        self.found.turns.append((fields, p, label, continued))
        return continued
