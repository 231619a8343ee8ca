"""Near-miss note markers: a paragraph that starts like a note, with a
misspelt marker word (``UDPATE:``, ``> [!UPDTAE]``), is no note; ``check``
tells the author which word was meant. Pure functions, no Markdown import.

    >>> from pelican_chronicles.languages import Languages
    >>> near_miss_marker("p", "UDPATE: The first crossing leaves at six.", Languages().get(None))
    ('UDPATE:', 'Update')
"""

from __future__ import annotations

import re

from .common import EMPHASIS

# A word at the start of a paragraph, maybe in emphasis, maybe with a
# number or a date, then ":" or "(": what a marker looks like. And the
# word of a callout, "> [!UDPATE]".
_MARKER_SHAPE = re.compile(
    rf"(?:{EMPHASIS})?(?P<word>[^\W\d_]+)(?:{EMPHASIS})?[ \t\u00a0]*(?:\d[\d./-]*[ \t]*)?(?:{EMPHASIS})?[:：(（]"
)
_CALLOUT_SHAPE = re.compile(r"\[!(?P<word>[^\W\d_]+)\]")


def distance(a: str, b: str) -> int:
    """The edit distance of ``a`` and ``b``, a swap of two neighbouring
    letters counting as one edit (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def near_miss(word: str, language) -> str | None:
    """The marker word of ``language`` that ``word`` misspells, or None.

    Within one edit of a word of up to 7 letters (``Upate``, ``UDPATE``,
    a swap counting as one), two of a longer one (``CORECTON``). Kept out,
    as ordinary words: the marker words themselves; longer words that
    start with one (``Editorial``, ``Updates``); any change to a word of 4
    letters or fewer but a swap (``Edti`` is a near miss, ``Exit``,
    ``Edith`` are words); two edits unless the word is in capitals, as
    labels are, and two letters replaced in a word of the same length
    (``Collection``, ``Connection``); the language's transcript words.
    """
    folded = word.casefold()
    markers = (
        *language.update_words, *language.correction_words, *language.clarification_words,
        *language.retraction_words, *language.editors_note_words,
    )
    ordinary = {w.casefold() for w in (*markers, *language.question_words, *language.answer_words)}
    if folded in ordinary or any(folded.startswith(m.casefold()) for m in markers):
        return None
    best = None
    for marker in markers:
        target = marker.casefold()
        if len(target) < 4:
            continue
        edits = distance(folded, target)
        if edits > (1 if len(target) < 8 else 2):
            continue
        same_letters = sorted(folded) == sorted(target)
        if len(target) <= 4 and not same_letters:
            continue
        if edits == 2 and (not word.isupper() or (len(folded) == len(target) and not same_letters)):
            continue
        if best is None or edits < best[0]:
            best = (edits, marker)
    return best[1] if best else None


def near_miss_marker(tag: str, text: str, language) -> tuple[str, str] | None:
    """For a paragraph (``tag`` "p") or a blockquote's first paragraph
    ("blockquote") that is no note: the marker as typed and the marker word
    it misspells, or None."""
    shape = (_CALLOUT_SHAPE if tag == "blockquote" else _MARKER_SHAPE).match(text)
    meant = near_miss(shape.group("word"), language) if shape else None
    if meant is None:
        return None
    return shape.group().rstrip("(（").strip(), meant
