"""Update, correction, clarification, retraction and editor's notes (SPEC 2, 17).

A top-level paragraph that begins with a marker word and a colon starts a
note; so does a blockquote whose first line is ``[!UPDATE]`` (a callout).
The kind of note is the marker word's (``model.NOTE_KINDS``); a marker may
be several words (``Editor's note:``, ``От редакции:``).
The note runs until the next note, a thematic break, a heading of the same
or a higher level than the nearest heading before it, or the end. Only the
marker word and its colon are replaced by the label; the rest of the author's
text stays, a date wrapped in ``<time>``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from markdown.util import AtomicString

from .. import dates
from ..model import NOTE_KINDS, kind_key, problem
from .common import EMPHASIS, ConventionProcessor, by_word, element, sub
from .nearmiss import near_miss_marker

# "2", "2 (June 20)", "2 - June 20": a note number, perhaps with a date.
_NUMBERED = re.compile(r"(\d{1,3})(?:\s*[-–—,:]?\s*[(\[（【]([^()\[\]（）【】]+)[)\]）】]|\s*[-–—,]\s*(?=\S)(.+))?$")
_OPENING = "([（【"  # brackets that may hold a note's date
_BRACKETS = "()[]（）【】 "
_HEADING = re.compile(r"h([1-6])$")


@dataclass
class Marker:
    kind: str
    word: str | None  # the marker word as configured; None for a callout, which has none of its own
    qualifier: str  # what stands between the word and the colon, as typed
    rest: str  # the author's text after the marker

    @property
    def callout(self) -> bool:
        return self.word is None


def marker_pattern(alternation: str) -> re.Pattern:
    """Anchored at the start of a paragraph: emphasis, the word, up to 80
    characters of qualifier (a number, a date; its only colons those of a
    time or an offset, "08:30:15 +02:00"), the colon (emphasis may close
    before or after it), then a space or the end of the line; or the
    full-width colon of Chinese and Japanese, which needs no space after it
    ("更新（2024年6月20日）：...")."""
    return re.compile(
        rf"(?P<open>{EMPHASIS})?(?P<word>{alternation})(?![\w-])"
        rf"(?P<qualifier>(?:[^\n:：]|(?<=\d):(?=\d\d)){{0,80}}?)"
        rf"(?P<shut>{EMPHASIS})?[\u00a0\u202f]?(?::(?P<close>{EMPHASIS})?(?=\s|$)|：(?P<wide_close>{EMPHASIS})?)",
        re.IGNORECASE,
    )


def callout_pattern(alternation: str) -> re.Pattern:
    return re.compile(
        rf"\[!(?P<word>{alternation})\][+-]?[ \t]*(?P<qualifier>[^\n]{{0,60}})(?:\n|$)",
        re.IGNORECASE,
    )


class MarkerWords(NamedTuple):
    kinds: Mapping[str, str]  # the kind of note each word starts, by its casefolded spelling
    spellings: Mapping[str, str]  # each word as configured, by its casefolded spelling
    first_chars: frozenset  # what a marker can start with: a word's first character, or emphasis
    marker_re: re.Pattern
    callout_re: re.Pattern


def kind_words(language) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each kind of note with its marker words in ``language``, in the
    order of ``NOTE_KINDS``."""
    return tuple((kind, getattr(language, f"{kind_key(kind)}_words")) for kind in NOTE_KINDS)


@functools.lru_cache(maxsize=16)
def marker_words(words_by_kind: tuple[tuple[str, tuple[str, ...]], ...]) -> MarkerWords:
    """What the note processor needs from the marker words (``kind_words``),
    made once per setting, not for each post's Markdown instance. Paragraphs
    that start with none of ``first_chars`` are passed over without trying
    the pattern. A word given for two kinds is the earlier kind's."""
    kinds: dict[str, str] = {}
    spellings: dict[str, str] = {}
    for kind, each in words_by_kind:
        for w in each:
            kinds.setdefault(w.casefold(), kind)
            spellings.setdefault(w.casefold(), w)
    first_chars = frozenset({w[0].casefold() for w in kinds} | set("*_"))
    words = sorted(set(spellings.values()), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return MarkerWords(
        MappingProxyType(kinds), MappingProxyType(spellings), first_chars,
        marker_pattern(alternation), callout_pattern(alternation),
    )


def heading_level(el) -> int | None:
    found = _HEADING.match(el.tag)
    return int(found.group(1)) if found else None


class NoteProcessor(ConventionProcessor):
    def words(self, language) -> None:
        self.kinds, self.spellings, self.first_chars, self.marker_re, self.callout_re = marker_words(
            kind_words(language)
        )

    # --- recognising a marker ----------------------------------------------

    def marker(self, el) -> Marker | None:
        if el.tag == "p" and el.text and not len(el):
            if el.text[0].casefold() not in self.first_chars:
                return None
            found = self.marker_re.match(el.text)
            if not found:
                return None
            qualifier = found.group("qualifier").strip(" \t*_\u00a0\u202f")
            if qualifier and not self.qualifier_is_plausible(qualifier):
                return None
            rest = el.text[found.end() :].lstrip()
            if found.group("open") and not (found.group("shut") or found.group("close") or found.group("wide_close")) and rest:
                # "**UPDATE: the whole paragraph in bold.**" keeps its bold.
                rest = found.group("open") + rest
            word = found.group("word")
            return Marker(by_word(self.kinds, word), by_word(self.spellings, word), qualifier, rest)
        if el.tag == "blockquote" and len(el) and el[0].tag == "p" and el[0].text:
            found = self.callout_re.match(el[0].text)
            if not found:
                return None
            kind = by_word(self.kinds, found.group("word"))
            return Marker(kind, None, found.group("qualifier").strip(), el[0].text[found.end() :])
        return None

    def qualifier_is_plausible(self, qualifier: str) -> bool:
        """Something in brackets, a number, or what could be a date: "UPDATE
        on the talks:" and "Edit the 2 config files:" are sentences, not
        markers."""
        return (
            qualifier[0] in _OPENING
            or bool(_NUMBERED.match(qualifier))
            or dates.could_be_date(qualifier, self.language.code)
        )

    # --- building the section ----------------------------------------------

    def apply(self, root):
        self.words(self.language)
        markers = {el: found for el in root if (found := self.marker(el)) is not None}
        checking = self.config("near_misses")
        if checking:
            self.near_misses(root, markers)
        if not markers:  # a post without notes is left as it is
            return
        # The first line of each marker's paragraph, as typed, before it is changed.
        typed = [(el[0] if el.tag == "blockquote" else el).text.split("\n", 1)[0] for el in markers] if checking else []
        post_date = self.ext.post_date(self.md)
        counters = dict.fromkeys(NOTE_KINDS, 0)
        blocks = []
        section = None  # the open note, collecting the blocks that follow it
        bound = None  # the heading level that ends it; None: any heading
        last_heading = None
        for el in list(root):
            level = heading_level(el)
            if section is not None and (el.tag == "hr" or (level and (bound is None or level <= bound))):
                section = None
            found = markers.get(el)
            if found is None:
                (section if section is not None else blocks).append(el)
                if level:
                    last_heading = level
                continue
            counters[found.kind] += 1
            new = self.section(found, counters[found.kind], post_date)
            blocks.append(new)
            if found.callout:
                first = el[0]
                first.text = found.rest or None
                if first.text is None and not len(first):
                    el.remove(first)
                new.extend(list(el))
                new.tail = el.tail
                section = None
            else:
                if found.rest:
                    sub(new, "p").text = found.rest
                section = new
                bound = last_heading
        root[:] = blocks
        if checking:
            self.undated(markers.values(), typed)

    def near_misses(self, root, markers) -> None:
        """Top-level paragraphs and callouts that start like a note, with a
        misspelt marker word: no notes, problems only ``check`` reports."""
        for el in root:
            if el in markers:
                continue
            paragraph = el[0] if el.tag == "blockquote" and len(el) else el
            if paragraph.tag != "p" or not paragraph.text:
                continue
            found = near_miss_marker(el.tag, paragraph.text, self.language)
            if found is not None:
                typed, meant = found
                self.found.problems.append(problem(
                    f'near-miss marker "{typed}": did you mean "{meant}"? It is not read as a note',
                    typed, "near-miss-marker",
                ))

    def undated(self, markers, typed: list[str]) -> None:
        """Notes without a date in a post whose other notes have one; not
        those whose date was typed but is not used (those are problems of
        their own): problems only ``check`` reports, quoting the first line
        of the note."""
        notes = [fields for fields, _section in self.found.notes]
        if not any(fields["date"] for fields in notes):
            return
        for fields, found, line in zip(notes, markers, typed):
            if fields["date"] is None and not self.split_qualifier(found.qualifier)[1]:
                self.found.problems.append(problem(
                    f'this {fields["kind"]} note ({fields["kind"]}-{fields["number"]}) has no date, '
                    "though the other notes of the post have one",
                    line, "undated-note",
                ))

    def section(self, found: Marker, number: int, post_date):
        anchor = f"{found.kind}-{number}"
        # The author's word, spelt as configured ("ADDENDUM" is "Addendum");
        # a callout ("[!UPDATE]") has no word of its own and takes the label.
        label_text = found.word or self.language.labels[kind_key(found.kind)]
        section = element(
            "section",
            class_=f"chronicles-note chronicles-{found.kind}",
            id=anchor,
            aria_labelledby=f"{anchor}-label",
        )
        label = sub(section, "p", class_="chronicles-note-label", id=f"{anchor}-label")
        number_text, date_text = self.split_qualifier(found.qualifier)
        date = None
        if date_text and dates.has_digit(date_text):
            try:
                date = dates.parse_date(
                    date_text,
                    timezone=self.config("timezone"),
                    dayfirst=self.language.dayfirst,
                    after=post_date,
                    lang=self.language.code,
                )
            except ValueError:
                self.found.problems.append(problem(f"cannot read the date of this {found.kind} note", date_text, "unreadable-date"))
            else:
                date = self.check_date(found.kind, date, date_text, post_date)
        self.fill_label(label, label_text, found.qualifier, date_text if date else None, date)
        fields = dict(kind=found.kind, number=number, label=label_text, date=date, date_text=date_text if date else None)
        self.found.notes.append((fields, section))
        self.found.made.append(section)
        return section

    def check_date(self, kind: str, date, date_text: str, post_date):
        """The note's date, or None for a date in the future (``dates.is_ahead``):
        a typo ("June 30, 2204"), which must not become the post's
        ``modified`` or a feed's newest entry. That, a zone abbreviation that
        was not used, and a date before the post's (a misread numeric date,
        or a typo), are worth a look."""
        zone = dates.zone_warning(date_text)
        if zone:
            self.found.problems.append(problem(f"{zone} in this {kind} note", date_text, "time-zone"))
        if dates.is_ahead(date):
            self.found.problems.append(
                problem(f"this {kind} note is dated in the future; the date is not used", date_text, "future-date")
            )
            return None
        if post_date is None:
            return date
        with_time = dates.has_time(date_text)
        if (date < post_date) if with_time else (date.date() < post_date.date()):
            self.found.problems.append(
                problem(f"this {kind} note is dated before its post ({post_date.date().isoformat()})", date_text, "note-before-post")
            )
        return date

    @staticmethod
    def split_qualifier(qualifier: str) -> tuple[str | None, str | None]:
        """("2", None) for "2"; (None, "2024-06-20") for "(2024-06-20)";
        ("2", "June 20") for "2 (June 20)" or "2 - June 20"."""
        if not qualifier:
            return None, None
        numbered = _NUMBERED.match(qualifier)
        if numbered:
            return numbered.group(1), numbered.group(2) or numbered.group(3)
        return None, qualifier.strip(_BRACKETS) or None

    @staticmethod
    def fill_label(label, label_text, qualifier, date_text, date):
        """Label word, then the author's qualifier as typed, its date in <time>.
        All of it atomic: inline Markdown never runs over the label."""
        # A full-width bracket brings its own space: "更新（6月20日）".
        text = label_text + (" " if qualifier and qualifier[0] not in "（【" else "")
        if qualifier and (date is None or date_text not in qualifier):
            text += qualifier
        elif qualifier:
            before, after = qualifier.split(date_text, 1)
            text += before
            machine = dates.machine_date(date, dates.has_time(date_text))
            time = sub(label, "time", AtomicString(date_text), datetime=machine)
            time.tail = AtomicString(after) if after else None
        label.text = AtomicString(text)
