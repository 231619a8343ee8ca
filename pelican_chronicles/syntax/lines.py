"""Where a quoted text is in a post's source: its line, for ``check``.

Python-Markdown keeps no line numbers. The extension keeps the lines of
the document as they come in (``KeepLines``), and a problem's line is
looked for only when the problem is recorded: nothing is searched in a
post without problems. No Pelican import.

    >>> lines = SourceLines(["Title: Ferry", "", "UPDATE (2024-06-02): Fares.", "UPDATE (2024-06-02): Boats."])
    >>> lines.locate("2024-06-02"), lines.locate("2024-06-02"), lines.locate("Buses")
    (3, 4, None)
"""

from __future__ import annotations

import bisect
import re

from markdown.preprocessors import Preprocessor


class SourceLines:
    """A document's lines, 1-based in what it answers."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self._text: str | None = None
        self._offsets: list[int] = []
        self._searched: dict[str, int] = {}  # each text looked for: where to look next

    @classmethod
    def of_text(cls, text: str) -> SourceLines:
        return cls(re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff")))

    def _joined(self) -> str:
        if self._text is None:
            self._text = "\n".join(self.lines)
            offset = 0
            for line in self.lines:
                self._offsets.append(offset)
                offset += len(line) + 1
        return self._text

    def locate(self, text: str) -> int | None:
        """The line of ``text``: the next occurrence after the one found the
        last time the same text was looked for (two problems quoting the
        same text point to two places), else the first; with any whitespace
        where it has some; None when it is not there. A text cut to 80
        characters (``...``) is looked for without its ellipsis."""
        text = text.strip()
        if text.endswith("...") and len(text) > 3:
            text = text[:-3].rstrip()
        if not text:
            return None
        whole = self._joined()
        start = self._searched.get(text, 0)
        pattern = re.compile(r"\s+".join(re.escape(part) for part in text.split()))
        found = pattern.search(whole, start) or (pattern.search(whole) if start else None)
        if found is None:
            return None
        self._searched[text] = found.end()
        return self._line_at(found.start())

    def _line_at(self, offset: int) -> int:
        return bisect.bisect_right(self._offsets, offset)


class KeepLines(Preprocessor):
    """Keeps the document's lines, as the first preprocessor leaves them
    (newlines and tabs normalised, one line for each of the source's), for
    the lines of problems. The meta extension takes the header off the list
    it is given, in place: it gets a copy, so that the lines kept are the
    whole file's."""

    def __init__(self, md, ext):
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        self.ext.found.lines = SourceLines(lines)
        return lines[:]
