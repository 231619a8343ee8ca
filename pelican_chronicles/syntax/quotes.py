"""Quotes (SPEC)."""

from __future__ import annotations

from .common import ConventionProcessor


class QuoteProcessor(ConventionProcessor):
    def apply(self, root):
        pass
