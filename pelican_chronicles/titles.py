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
    typed, position = read_flags(title, update_words, correction_words)
    flags = tuple(dict.fromkeys(kind for kind, _text in typed))
    return (title[position:], flags) if flags else (title, ())


def read_flags(title: str, update_words, correction_words) -> tuple[list[tuple[str, str]], int]:
    """The flags at the start of ``title``, each as (kind, text as typed),
    and where the title's own words begin; never the whole title.

        >>> read_flags("(UPDATE) [CORRECTED] Treaty signed", ("update",), ("corrected",))
        ([('update', '(UPDATE)'), ('correction', '[CORRECTED]')], 21)
    """
    pattern = flag_pattern(tuple(update_words), tuple(correction_words))
    corrections = {w.casefold(): True for w in correction_words}
    typed: list[tuple[str, str]] = []
    position = 0
    while (found := pattern.match(title, position)) and found.end() < len(title):
        word = found.group("bracketed") or found.group("plain")
        typed.append((CORRECTION if by_word(corrections, word) else UPDATE, found.group().strip()))
        position = found.end()
    return typed, position
