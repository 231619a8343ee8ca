"""Datelines (SPEC)."""

from __future__ import annotations

from .common import ConventionProcessor


class DatelineProcessor(ConventionProcessor):
    def apply(self, root):
        pass
