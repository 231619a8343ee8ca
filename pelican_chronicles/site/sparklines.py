"""The year rail's sparklines (SPEC 16): a year's posts per month as twelve
bars of inline SVG, hidden from screen readers, and the same counts as
text for them ("January: 2, February: 0, ..."). The counts are the
archive's (``Year.per_month``, ``ArchiveView.busiest_month``, in
``archive.py``). No Pelican import.

    >>> bars((0, 2, 4) + (0,) * 9, busiest=4)[:3]
    [(0, 0), (4, 5), (8, 10)]
"""

from __future__ import annotations

from markupsafe import Markup, escape

BAR = 3  # a bar's width, in the sparkline's units
GAP = 1
HEIGHT = 10  # the busiest month's bar
WIDTH = 12 * (BAR + GAP) - GAP


def bars(per_month, busiest: int) -> list[tuple[int, int]]:
    """(x, height) of each month's bar, the busiest month of the archive
    ``HEIGHT`` high, so that years compare; a month with posts at least 1."""
    return [
        (i * (BAR + GAP), max(1, round(HEIGHT * n / busiest)) if n else 0)
        for i, n in enumerate(per_month)
    ]


def sparkline(per_month, busiest: int, month_names) -> Markup:
    """``span.chronicles-sparkline``: the bars (``svg``, ``aria-hidden``)
    on a baseline, then the counts as visually hidden text, each month
    named in ``month_names`` (January first)."""
    shapes = "".join(
        f'<rect x="{x}" y="{HEIGHT - h}" width="{BAR}" height="{h}"/>'
        for x, h in bars(per_month, max(busiest, 1))
        if h
    )
    counts = ", ".join(f"{escape(name)}: {n}" for name, n in zip(month_names, per_month))
    return Markup(
        '<span class="chronicles-sparkline">'
        f'<svg class="chronicles-sparkline-svg" viewBox="0 0 {WIDTH} {HEIGHT + 1}" aria-hidden="true">'
        f'<rect class="chronicles-sparkline-base" x="0" y="{HEIGHT}" width="{WIDTH}" height="1"/>{shapes}</svg>'
        f'<span class="chronicles-visually-hidden">{counts}</span></span>'
    )
