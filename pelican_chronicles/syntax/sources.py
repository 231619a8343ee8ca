"""The list of a post's sources at its end (SPEC 6).

    <aside class="chronicles-sources" aria-labelledby="chronicles-sources-title">
      <p class="chronicles-sources-title" id="chronicles-sources-title">Sources</p>
      <ul><li><a href="https://agency.example/">Agency</a></li><li>Daily</li></ul>
    </aside>

Built after inline Markdown and "prettify" have run (the list needs every
source of the body), so the texts are atomic and the line breaks that
prettify would add are set here.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from ..urls import safe_url
from ..model import Source
from .common import element, sub

TITLE_ID = "chronicles-sources-title"


def sources_list(sources: tuple[Source, ...], title: str = "Sources") -> etree.Element:
    """``aside.chronicles-sources``: each source a list item, a link when it
    has a safe URL."""
    aside = element("aside", class_="chronicles-sources", aria_labelledby=TITLE_ID)
    aside.text = "\n"
    sub(aside, "p", title, class_="chronicles-sources-title", id=TITLE_ID).tail = "\n"
    items = sub(aside, "ul")
    items.text = "\n"
    items.tail = "\n"
    for source in sources:
        item = sub(items, "li")
        item.tail = "\n"
        url = safe_url(source.url)
        if url:
            sub(item, "a", source.name, href=url)
        else:
            item.text = AtomicString(source.name)
    aside.tail = "\n"
    return aside
