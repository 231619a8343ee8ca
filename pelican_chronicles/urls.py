"""Which URLs may reach ``href`` and ``cite`` (SPEC 11). No Markdown import.

Only http, https, mailto and relative URLs pass. The check reads a URL the
way a browser does: character references decoded (the serializer leaves
``&#106;`` alone), ASCII tabs and line breaks removed anywhere, controls and
spaces stripped at both ends, the scheme compared without case. Whatever
then stands before a colon that comes ahead of the first ``/``, ``?`` or
``#`` is a scheme, and it must be one of the three.

    >>> safe_url("https://agency.example/item")
    'https://agency.example/item'
    >>> safe_url(" JaVaScRiPt:alert(1)") is None
    True
"""

from __future__ import annotations

import html
import re

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})

_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
# C0 controls and the space, which browsers strip from both ends of a URL.
_EDGES = "".join(chr(c) for c in range(0x21))
# Anchored, one pass, no nested quantifier: linear on any input.
_SCHEME = re.compile(r"([^:/?#]*):")
# The common case, decided without decoding: http(s), no character
# reference, no control character or space anywhere.
_PLAIN_WEB = re.compile(r"https?://[^\x00-\x20\x7f&]*", re.IGNORECASE)


def safe_url(url: str | None) -> str | None:
    """``url`` without surrounding whitespace when it may be linked, else None."""
    if not url:
        return None
    url = url.strip()
    if not url:
        return None
    if _PLAIN_WEB.fullmatch(url):
        return url
    seen = _TAB_OR_NEWLINE.sub("", html.unescape(url)).strip(_EDGES)
    if not seen or _CONTROL.search(seen):
        return None
    scheme = _SCHEME.match(seen)
    if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
        return None
    return url
