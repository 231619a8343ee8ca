"""Links in the author's Markdown (SPEC 11): only http, https, mailto and
relative URLs reach ``href`` and ``cite``; any other is dropped, its text
kept, and the URL quoted in a warning.

Runs after inline Markdown, when links are elements; raw HTML the author
wrote is left as written.
"""

from __future__ import annotations

from ..urls import safe_url
from .common import ConventionProcessor, problem

UNSAFE_LINK = "unsafe link dropped (only http, https, mailto and relative links are kept)"


class LinkGuard(ConventionProcessor):
    def apply(self, root):
        # Markdown makes links as <a href>; the plugin's own cite= and href=
        # are checked where they are made.
        for el in root.iter("a"):
            url = el.get("href")
            if url is not None and safe_url(url) is None:
                del el.attrib["href"]
                self.state.problems.append(problem(UNSAFE_LINK, url))
