"""Update flags in titles (SPEC 1).

``(UPDATE) Treaty signed`` becomes the title ``Treaty signed`` with the flag
UPDATE, so the slug, computed from the clean title, does not change when an
author adds the flag later.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import CORRECTION, UPDATE
from .text import by_word


@lru_cache(maxsize=8)
def flag_pattern(update_words: tuple[str, ...], correction_words: tuple[str, ...]) -> re.Pattern:
    """``(WORD)``, ``[WORD]``, ``WORD:``, ``WORD 2-`` (wire numbering) and
    ``WORD -`` at the start of a title, any case; the full-width brackets and
    colon of Chinese (``【更新】``, ``（更新）``, ``更新：``) too. A hyphen right after the
    word joins a compound: ``Edit-a-thon`` is no flag."""
    words = sorted({*update_words, *correction_words}, key=len, reverse=True)
    word = "|".join(re.escape(w) for w in words)
    return re.compile(
        rf"\s*(?:[(\[（【](?P<bracketed>{word})(?:\s+\d{{1,3}})?[)\]）】]"
        rf"|(?P<plain>{word})(?:(?:\s+\d{{1,3}})?\s*[:：]|(?:\s+\d{{1,3}})?\s+[-–—](?=\s|\w)|\s+\d{{1,3}}[-–—](?=\s|\w)))\s*",
        re.IGNORECASE,
    )


def split_flags(
    title: str, update_words, correction_words
) -> tuple[str, tuple[str, ...]]:
    """The clean title and its flags, in order, without repeats.

    A title that is nothing but flags is kept as it is: it has no other words
    to stand for it.
    """
    pattern = flag_pattern(tuple(update_words), tuple(correction_words))
    corrections = {w.casefold(): True for w in correction_words}
    flags: list[str] = []
    position = 0
    while True:
        found = pattern.match(title, position)
        if not found or found.end() == len(title):
            break
        word = found.group("bracketed") or found.group("plain")
        flag = CORRECTION if by_word(corrections, word) else UPDATE
        if flag not in flags:
            flags.append(flag)
        position = found.end()
    return (title[position:], tuple(flags)) if flags else (title, ())
