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
from .common import attribute, escape_text

TITLE_ID = "chronicles-sources-title"


def sources_list(sources: tuple[Source, ...], title: str = "Sources") -> str:
    """``aside.chronicles-sources``: each source a list item, a link when it
    has a safe URL."""
    lines = [
        f'<aside aria-labelledby="{TITLE_ID}" class="chronicles-sources">',
        f'<p class="chronicles-sources-title" id="{TITLE_ID}">{escape_text(title)}</p>',
        "<ul>",
    ]
    for source in sources:
        url = safe_url(source.url)
        name = escape_text(source.name)
        lines.append(f'<li><a href="{attribute(url)}">{name}</a></li>' if url else f"<li>{name}</li>")
    lines += ["</ul>", "</aside>"]
    return "\n".join(lines)
