"""Transcripts (SPEC)."""

from __future__ import annotations

from .common import ConventionProcessor


class TranscriptProcessor(ConventionProcessor):
    def apply(self, root):
        pass
