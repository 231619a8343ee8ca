"""The site's chronicle: what every post's chronicle adds up to, built in one
pass over the posts of a build. No Pelican import: it reads the attributes
Pelican gives content objects (``chronicles``, ``date``, ``url``, ``title``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..model import Chronicle, Note


@dataclass(frozen=True)
class NoteEntry:
    """A note with the post it belongs to."""

    article: object
    note: Note

    @property
    def date(self) -> datetime.datetime:
        """The note's date, or the post's own when the note has none."""
        return self.note.date or self.article.date

    @property
    def url(self) -> str:
        return f"{self.article.url}#{self.note.anchor}"


@dataclass
class SiteIndex:
    notes: list[NoteEntry] = field(default_factory=list)  # newest first

    @classmethod
    def build(cls, articles) -> SiteIndex:
        index = cls()
        for article in articles:
            chronicle = getattr(article, "chronicles", None)
            if not isinstance(chronicle, Chronicle):
                continue
            index.notes.extend(NoteEntry(article, note) for note in chronicle.notes)
        index.notes.sort(key=lambda e: (e.date, e.note.anchor), reverse=True)
        return index
