"""Helpers shared by the convention processors: element building and text."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown.serializers import RE_AMP
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .. import dates
from ..model import Problem

NOTE_CLASS = "chronicles-note"

# Placeholders in text: Markdown's "\x02wzxhzdk:N\x03" for stashed raw HTML
# (an entity, a tag) and "\x02N\x03" for a backslash-escaped character, and
# the plugin's own "\x02chronicles:N\x03" for markup it writes (MARK).
_PLACEHOLDER = re.compile("\x02([^\x03]*)\x03")
_STASHED = "wzxhzdk:"
_MARKED = "chronicles:"
MARK = "\x02" + _MARKED + "%d\x03"
MARK_RE = re.compile("\x02" + _MARKED + "([0-9]+)\x03")
# A character reference as Markdown's serializer leaves it (RE_AMP): with
# its semicolon; "&sect" without one is text.
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[0-9a-zA-Z]+);")
_TAG = re.compile(r"<[^<>]*>")


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


# What the inline Markdown of Python-Markdown and its bundled extensions
# can change in a text: emphasis and code, links and images, raw HTML and
# entities, escapes, line breaks, attribute lists, wiki links, and what
# smarty rewrites (quotes, apostrophes, dashes, ellipses).
_INLINE_MARKUP = re.compile(r"""[\\`*_\[\]!<>&{}"'~=^\n]|--|\.\.\.""")
# The inline patterns and tree processors of Python-Markdown and its bundled
# extensions, whose triggers _INLINE_MARKUP knows. With any other (a site's
# own extension) the pieces stay as typed, for it to see.
KNOWN_INLINE = frozenset({
    "backtick", "escape", "reference", "link", "image_link", "image_reference", "short_reference",
    "short_image_ref", "autolink", "automail", "linebreak", "html", "entity", "not_strong",
    "em_strong", "em_strong2", "strong_em", "strong", "emphasis", "emphasis2", "footnote", "wikilink",
})
KNOWN_TREE = frozenset({
    "inline", "prettify", "unescape", "footnote", "footnote-duplicate", "attr_list", "hilite", "toc",
    "abbr", "smarty", "chronicles", "chronicles-collect",
})


def plain_pieces_may_be_atomic(md) -> bool:
    """Whether a piece of author text with no markup character can be made
    atomic in this document: only Python-Markdown's own inline patterns run,
    and it defines no abbreviations (the abbr extension would look for them
    in every piece)."""
    inline = getattr(md.inlinePatterns, "_data", None)
    tree = getattr(md.treeprocessors, "_data", None)
    if inline is None or tree is None:
        return False
    if any(name not in KNOWN_INLINE and not name.startswith("smarty-") for name in inline):
        return False
    if any(name not in KNOWN_TREE for name in tree):
        return False
    return not ("abbr" in tree and getattr(tree["abbr"], "abbrs", None))


def escape_text(text: str) -> str:
    """Text for markup written by hand, escaped as Markdown's serializer
    does (an ``&`` that starts an entity stays)."""
    if "&" in text:
        text = RE_AMP.sub("&amp;", text)
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def attribute(value: str) -> str:
    """An attribute value for markup written by hand, escaped likewise."""
    value = escape_text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    return value


def titled_list(tag: str, class_: str, title: str, list_tag: str, items) -> str:
    """``<tag class="...">`` holding a titled list, written as markup: the
    update log and the sources list. ``title`` is text; ``items`` are the
    markup of each ``<li>``'s content. The title's id is the block's class
    followed by ``-title``, and labels the block."""
    title_id = f"{class_}-title"
    lines = [
        f'<{tag} aria-labelledby="{title_id}" class="{class_}">',
        f'<p class="{title_id}" id="{title_id}">{escape_text(title)}</p>',
        f"<{list_tag}>",
        *(f"<li>{item}</li>" for item in items),
        f"</{list_tag}>",
        f"</{tag}>",
    ]
    return "\n".join(lines)


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


def plain_text(
    el: etree.Element, skip: etree.Element | None = None, stash=None, marks=(), drop: str | None = None
) -> str:
    """The text a reader sees in an element after inline processing, on one
    line, without the child ``skip`` or the placeholder ``drop`` (a label;
    a skipped child's tail is kept). Escaped characters and entities are
    read as characters; raw HTML the author wrote (kept in Markdown's
    ``stash``) and markup the plugin wrote (``marks``) count for their
    text, their tags left out."""
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
    if drop:
        text = text.replace(drop, "", 1)
    if "\x02" in text:
        text = _PLACEHOLDER.sub(lambda found: _placeholder_text(found.group(1), stash, marks), text)
    if "&" in text:  # references the serializer keeps as they are
        text = _REFERENCE.sub(lambda found: html.unescape(found.group()), text)
    return " ".join(text.split())


def _placeholder_text(key: str, stash, marks) -> str:
    if key.isdigit():
        return chr(int(key))
    if key.startswith(_MARKED):
        index = key[len(_MARKED):]
        return _TAG.sub("", marks[int(index)]) if index.isdigit() and int(index) < len(marks) else ""
    if key == "amp":  # Markdown's stand-in for "&" in obfuscated e-mail addresses
        return "&"
    if key.startswith(_STASHED) and stash is not None:
        index = key[len(_STASHED):]
        blocks = stash.rawHtmlBlocks
        if index.isdigit() and int(index) < len(blocks):
            raw = blocks[int(index)]
            raw = raw if isinstance(raw, str) else "".join(raw.itertext())
            return _TAG.sub("", raw)
    return ""


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


class ConventionProcessor:
    """Base of the convention processors: configuration from the extension,
    findings into the document state. Each is a step of a ``Pass``."""

    def __init__(self, md, ext):
        self.md = md
        self.ext = ext

    def config(self, key):
        return self.ext.getConfig(key)

    @property
    def state(self):
        return self.md.chronicles_state

    def plain(self, *pieces: str) -> bool:
        """Whether these pieces of the author's text are plain: nothing in
        them for inline Markdown (a name, a separator), in a document whose
        Markdown allows that judgement (``plain_pieces_may_be_atomic``).
        Plain pieces can be atomic or written as markup (escaped)."""
        return bool(self.state.atomic) and not any(p and _INLINE_MARKUP.search(p) for p in pieces)

    def author_text(self, text: str | None) -> str | None:
        """A piece of the author's text for a new element: atomic when plain,
        so it costs no inline pass; as typed otherwise, for inline Markdown
        to render."""
        return AtomicString(text) if text and self.plain(text) else text

    def lead(self, p: etree.Element, markup: str, rest: str) -> str:
        """Start the paragraph ``p`` with ``markup`` followed by ``rest`` as
        its text, which inline Markdown then renders in one piece, as it
        would the paragraph without the markup. (A child's tail would be
        rendered again for each element inline Markdown makes in it.) The
        markup waits in the document state behind a placeholder (MARK) that
        the blocks postprocessor replaces. Returns the placeholder."""
        placeholder = self.mark(markup)
        p.text = placeholder + rest
        return placeholder

    def mark(self, markup: str) -> str:
        """A placeholder (MARK) for ``markup``, which waits in the document
        state until the blocks postprocessor puts it in its place."""
        marks = self.state.marks
        marks.append(markup)
        return MARK % (len(marks) - 1)

    def apply(self, root):  # pragma: no cover - every convention defines it
        raise NotImplementedError


class Pass(Treeprocessor):
    """One tree processor that runs its steps in order, so that a document
    costs one registration and one call per pass, not one per convention;
    nothing while the extension is off (Pelican's metadata fields)."""

    def __init__(self, md, ext, steps):
        super().__init__(md)
        self.ext = ext
        self.steps = [step(md, ext) for step in steps]

    def run(self, root):
        if self.ext.active(self.md):
            state = self.md.chronicles_state
            if state.atomic is None:  # the document's abbreviations are known now
                state.atomic = plain_pieces_may_be_atomic(self.md)
                state.post_date = dates.post_date(self.ext.meta(self.md, "date"), self.ext.getConfig("timezone"))
            for step in self.steps:
                step.apply(root)
