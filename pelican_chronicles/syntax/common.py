"""What the convention processors share: their base class, building
elements, and reading the text a reader sees."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import util
from markdown.treeprocessors import Treeprocessor

from ..text import by_word  # noqa: F401 (the conventions' word look-up)

NOTE_CLASS = "chronicles-note"
# Emphasis that may open or close a marker or a label: **, __, * or _.
EMPHASIS = r"\*\*|__|\*|_"

# Placeholders Python-Markdown leaves in text until its postprocessors run:
# stashed raw HTML (util.HTML_PLACEHOLDER), a backslash-escaped character
# (util.STX + its code point + util.ETX) and "&" in an obfuscated e-mail
# address (util.AMP_SUBSTITUTE).
_PLACEHOLDER = re.compile(re.escape(util.STX) + "([^" + re.escape(util.ETX) + "]*)" + re.escape(util.ETX))
_STASHED = util.HTML_PLACEHOLDER_RE
# A character reference as Markdown's serializer leaves it: with its semicolon.
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[0-9a-zA-Z]+);")
_TAG = re.compile(r"<[^<>]*>")


def has_class(el: etree.Element, name: str) -> bool:
    return name in el.get("class", "").split()


def is_plain_paragraph(el) -> bool:
    """A paragraph holding only text as the block parser left it."""
    return el is not None and el.tag == "p" and bool(el.text) and not len(el)


def top_level_runs(root):
    """The top-level blocks in document order, as (container, blocks) pairs:
    the root's blocks between note sections, and each section's blocks. Each
    list holds siblings, so "directly after" and "consecutive" mean what they
    say; the lists are copies, safe to walk while the tree changes."""
    run = []
    for child in list(root):
        if child.tag == "section" and has_class(child, NOTE_CLASS):
            if run:
                yield root, run
                run = []
            yield child, list(child)
        else:
            run.append(child)
    if run:
        yield root, run


def element(tag: str, text: str | None = None, **attrs) -> etree.Element:
    """A new element; ``class_`` and ``aria_hidden`` name ``class`` and
    ``aria-hidden``. Its text is the author's, for inline Markdown to render,
    unless given as a ``util.AtomicString``."""
    el = etree.Element(tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items() if v is not None})
    el.text = text
    return el


def sub(parent: etree.Element, tag: str, text: str | None = None, **attrs) -> etree.Element:
    el = element(tag, text, **attrs)
    parent.append(el)
    return el


def plain_text(el: etree.Element, md, skip: etree.Element | None = None) -> str:
    """The text a reader sees in ``el`` once Markdown has run, on one line,
    without the child ``skip`` (its tail is kept). Raw HTML the author wrote
    counts for its text."""
    if skip is None:
        text = "".join(el.itertext())
    else:
        parts = [el.text or ""]
        for child in el:
            if child is not skip:
                parts.extend(child.itertext())
            if child.tail:
                parts.append(child.tail)
        text = "".join(parts)
    if util.STX in text:
        text = _PLACEHOLDER.sub(lambda found: _placeholder_text(found, md), text)
    if "&" in text:
        text = _REFERENCE.sub(lambda found: html.unescape(found.group()), text)
    return " ".join(text.split())


def _placeholder_text(found: re.Match, md) -> str:
    stashed = _STASHED.fullmatch(found.group())
    if stashed:
        blocks = md.htmlStash.rawHtmlBlocks
        index = int(stashed.group(1))
        raw = blocks[index] if index < len(blocks) else ""
        raw = raw if isinstance(raw, str) else "".join(raw.itertext())
        return _TAG.sub("", raw)
    if found.group() == util.AMP_SUBSTITUTE:
        return "&"
    key = found.group(1)
    return chr(int(key)) if key.isdigit() else ""


# A word as Pelican counts them when it cuts a summary (a CJK character
# counts alone there, so this count is never above Pelican's).
_WORD = re.compile(r"\w[\w'-]*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def first_words(text: str, words: int = 30) -> str:
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]) + " …"


def beginning(text: str, chars: int = 60) -> str:
    """The start of ``text``, for a line of a list: at most ``chars``
    characters, cut at a space where one comes late enough (else inside a
    word, as for Chinese), then an ellipsis; punctuation that would stand
    before it is left out."""
    if len(text) <= chars:
        return text.rstrip(" :：,，;")
    cut = text.rfind(" ", 0, chars + 1)
    if cut < chars // 2:
        cut = chars
    return text[:cut].rstrip(" :：,，;") + "…"


class ConventionProcessor(Treeprocessor):
    """A tree processor of one convention. It reads its options from the
    extension and records what it finds there, in the document's record
    (``ext.found``), which ``md.reset()`` clears. It does nothing while
    Pelican converts a metadata field such as ``Summary:``: the conventions
    belong to the body."""

    def __init__(self, md, ext):
        super().__init__(md)
        self.ext = ext

    def config(self, key):
        return self.ext.getConfig(key)

    @property
    def found(self):
        return self.ext.found

    @property
    def language(self):
        """The document's Language: its words, labels and reading of dates."""
        return self.ext.language(self.md)

    def run(self, root):
        if not self.ext.converting_metadata(self.md):
            self.apply(root)

    def apply(self, root):  # pragma: no cover - every convention defines it
        raise NotImplementedError
