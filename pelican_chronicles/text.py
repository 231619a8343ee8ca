"""Text helpers shared by the Markdown side and the site outputs."""

from __future__ import annotations


def char_refs(text: str) -> str:
    """``text`` as numeric character references, for decorative emoji (a
    speech balloon, a flag) written into markup. The browser shows the same
    characters; the page's string stays narrow, where one character outside
    the Basic Multilingual Plane makes CPython store the whole string at four
    bytes a character, and a post's HTML is held for the whole build.

    >>> char_refs("💬")
    '&#x1F4AC;'
    """
    return "".join(f"&#x{ord(c):X};" for c in text)
