"""pelican-chronicles: update notes, source attribution and a chronicle archive for Pelican."""

__version__ = "0.1.0"

from .glue import register

__all__ = ["register"]
