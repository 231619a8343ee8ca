"""Helpers shared by the convention processors: element building and text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..model import Problem

NOTE_CLASS = "chronicles-note"

# Markdown's placeholders for stashed HTML and escaped characters.
_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
_SPACE = re.compile(r"\s+")


def has_class(el: etree.Element, name: str) -> bool:
    return name in el.get("class", "").split()


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
    """A new element; its text is atomic, so inline Markdown leaves it alone."""
    el = etree.Element(tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = AtomicString(text)
    return el


def sub(parent: etree.Element, tag: str, text: str | None = None, **attrs) -> etree.Element:
    el = element(tag, text, **attrs)
    parent.append(el)
    return el


def plain_text(el: etree.Element, skip_class: str | None = None) -> str:
    """The visible text of an element after inline processing, on one line;
    stashed raw HTML is left out."""
    parts = []

    def walk(node):
        if skip_class and has_class(node, skip_class):
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if node.tail and node is not el:
            parts.append(node.tail)

    walk(el)
    text = "".join(parts)
    text = _PLACEHOLDER.sub("", text)
    return _SPACE.sub(" ", text).strip()


def summarize(text: str, words: int = 30) -> str:
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]) + " …"


def problem(message: str, text: str) -> Problem:
    """A warning about author input, quoting at most 80 characters of it."""
    text = text.strip()
    if len(text) > 80:
        text = text[:77] + "..."
    return Problem(message, text)


class ConventionProcessor(Treeprocessor):
    """Base of the convention processors: configuration from the extension,
    findings into the document state, nothing while the extension is off."""

    def __init__(self, md, ext):
        super().__init__(md)
        self.ext = ext

    def config(self, key):
        return self.ext.getConfig(key)

    @property
    def state(self):
        return self.md.chronicles_state

    def run(self, root):
        if self.ext.active(self.md):
            self.apply(root)

    def apply(self, root):  # pragma: no cover - every convention defines it
        raise NotImplementedError
