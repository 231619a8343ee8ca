"""Datelines (SPEC 3).

A top-level paragraph that begins like a wire report, ``PLACE (Source) -``,
gets its dateline wrapped:

    PYONGYANG (Sputnik) -Earlier in the day ...

    <p><span class="chronicles-dateline"><span class="chronicles-dateline-place">PYONGYANG</span>
    (<span class="chronicles-source">Sputnik</span>) -</span>Earlier in the day ...</p>

PLACE is one to five upper-case words in any script (``WASHINGTON, D.C.``,
``SÃO PAULO``, ``МОСКВА``), perhaps followed by a region as wire styles
write it (``SPRINGFIELD, Ill.``) and a date (``KYIV, June 3``);
the dash is ``-``, ``--``, ``–`` or ``—``, with or without spaces. The
author's characters stay exactly as typed. "NATO (the alliance) said" is no
dateline: the source must start with a capital or a digit, a dash must
follow it, and a source that merely spells out the place ("NATO (North
Atlantic Treaty Organization) - ...") is an acronym, not an agency.

No regular expression here scans more than a bounded prefix of the
paragraph, so a paragraph of any length costs the same.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .. import dates
from .common import ConventionProcessor, element, is_plain_paragraph, sub, top_level_runs

MAX_WORDS = 5  # upper-case words in PLACE
MAX_REGION_WORDS = 3  # words of the region after them: "SPRINGFIELD, Ill."
MAX_HEAD = 120  # characters before the opening parenthesis: place and date
MAX_SOURCE = 60  # characters of the source's name

# The shape, anchored and bounded: up to MAX_HEAD characters without a
# parenthesis or line break that start with a letter, "(", a source that
# starts with a letter or digit, ")", optional spaces, the dash. Each part
# stops at the first character that can end it, so matching is linear; the
# words of the head are checked in Python.
_DATELINE = re.compile(
    rf"(?P<head>[^\W\d_][^()\n]{{1,{MAX_HEAD - 1}}})"
    rf"\((?P<source>[^\W_][^()\n]{{0,{MAX_SOURCE - 1}}})\)"
    r"(?P<dash>[ \t]{0,8}(?:--|[-–—]))"
)
# A word of a place: letters (and combining accents), and the punctuation of
# place names: "WASHINGTON, D.C.", "PORT-AU-PRINCE", "N'DJAMENA",
# "BEIJING/WASHINGTON". Whether it is upper-case is str.isupper's to say.
_PLACE_WORD = re.compile(r"(?:[^\W\d_]|[.,'’/\u0300-\u036f-])+")


def is_place_word(word: str) -> bool:
    """An upper-case word in any script: letters (and their accents) and the
    punctuation of place names, with at least one letter, none lower-case."""
    return word.isupper() and _PLACE_WORD.fullmatch(word) is not None


def spells_out(place: str, source: str) -> bool:
    """True when ``source`` expands the acronym ``place``: NATO (North
    Atlantic Treaty Organization)."""
    words = source.split()
    if len(words) < 2:  # "Sputnik": an agency's name, no expansion
        return False
    letters = "".join(filter(str.isalpha, place))
    initials = "".join(w[0] for w in words if w[0].isupper())
    return initials.casefold() == letters.casefold()


def is_date(text: str) -> bool:
    return bool(text) and len(text) <= dates.MAX_DATE and dates.probe(text) is not None


class Match(NamedTuple):
    """Where the parts of a dateline stand in the paragraph's text."""

    place_end: int  # end of the place name (a trailing comma excluded)
    open_at: int  # the "("
    close_at: int  # the ")"
    dash_end: int  # just after the dash
    date_text: str | None


def is_region(text: str) -> bool:
    """A state or region after the city, as wire styles write it:
    "SPRINGFIELD, Ill.", "PORT ELARA, North Coast"."""
    words = text.split()
    return 0 < len(words) <= MAX_REGION_WORDS and all(
        w[0].isupper() and _PLACE_WORD.fullmatch(w) for w in words
    )


def match(text: str) -> Match | None:
    """The dateline at the start of ``text``, or None."""
    # The place's first word is upper-case: "The council (...)" is passed
    # over at its second character, without trying the pattern.
    if not text[:1].isupper() or text[1:2].islower() or text.find("(", 1, MAX_HEAD + 1) == -1:
        return None
    found = _DATELINE.match(text)
    if not found:
        return None
    head, source = found.group("head"), found.group("source")
    if not (source[0].isupper() or source[0].isdigit()):
        return None
    place_end = count = 0
    for word in head.split(None, MAX_WORDS)[:MAX_WORDS]:
        if not is_place_word(word):
            break
        place_end = head.index(word, place_end) + len(word)
        count += 1
    if count == 0:
        return None
    if head[place_end - 1] == ",":
        place_end -= 1
    if sum(map(str.isalpha, head[:place_end])) < 2:
        return None
    rest = head[place_end:].lstrip(" \t")
    if rest.startswith(","):
        region = rest[1:].split(",", 1)[0].strip()
        if not is_date(region) and is_region(region):
            place_end = head.index(region, place_end) + len(region)
    rest = head[place_end:].strip(" \t,")
    if rest and not is_date(rest):
        return None
    if count == 1 and spells_out(head[:place_end], source):
        return None
    return Match(place_end, found.start("source") - 1, found.end("source"), found.end(), rest or None)


class DatelineProcessor(ConventionProcessor):
    def apply(self, root):
        for _container, blocks in top_level_runs(root):
            for el in blocks:
                if is_plain_paragraph(el):
                    found = match(el.text)
                    if found:
                        self.wrap(el, found)

    def wrap(self, p, found: Match):
        """The dateline as elements; the author's words in them are left to
        inline Markdown (and abbreviations), as they would have been."""
        text = p.text
        dateline = element("span", class_="chronicles-dateline")
        place = sub(dateline, "span", text[: found.place_end], class_="chronicles-dateline-place")
        place.tail = text[found.place_end : found.open_at + 1]
        source = sub(dateline, "span", text[found.open_at + 1 : found.close_at], class_="chronicles-source")
        source.tail = text[found.close_at : found.dash_end]
        dateline.tail = text[found.dash_end :] or None
        p.text = None
        p.insert(0, dateline)
        self.found.datelines.append((place, source, found.date_text))
