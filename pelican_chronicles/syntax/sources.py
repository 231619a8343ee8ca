"""The list of a post's sources at its end (SPEC 6).

    <aside aria-labelledby="chronicles-sources-title" class="chronicles-sources">
    <p class="chronicles-sources-title" id="chronicles-sources-title">Sources</p>
    <ul>
    <li><a href="https://agency.example/">Agency</a></li>
    <li>Daily</li>
    </ul>
    </aside>

Made once the body is converted (the list needs every source of the body),
and written as markup: it holds no author text for Markdown to render, only
the sources' names (escaped) and their checked URLs.
"""

from __future__ import annotations

from ..model import Source
from ..urls import safe_url
from .common import attribute, escape_text, titled_list

def sources_list(sources: tuple[Source, ...], title: str = "Sources") -> str:
    """``aside.chronicles-sources``: each source a list item, a link when it
    has a safe URL."""
    items = []
    for source in sources:
        url = safe_url(source.url)
        name = escape_text(source.name)
        items.append(f'<a href="{attribute(url)}">{name}</a>' if url else name)
    return titled_list("aside", "chronicles-sources", title, "ul", items)
