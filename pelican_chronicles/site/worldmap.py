"""A world map of the chronicle (SPEC 16): inline SVG, no script, each
country with posts shaded by how many it has and linked to its page.

The geometry is pygal-maps-world's (LGPL-3.0+): its ``worldmap.svg``, a
``<g class="fr country map-element">`` of ``<path>`` elements per country,
778 KB: too big to put in a page. It is read at build time and
reduced by a transformation anyone can follow:

1. ``outline``: each path's commands (the file uses relative ``m``, ``l``,
   ``h``, ``v``, ``c`` and ``s``) as absolute points, one per segment, its
   end point (a curve's control points are dropped);
2. ``reduce``: the points scaled down and rounded to whole units; a point
   less than ``step`` units (across and down) from the last one kept is
   dropped;
3. ``encode``: written back as path data, the first point absolute, the
   others relative; a ring left with fewer than three points is left out.

A country too small for any ring to survive (Malta, Singapore) is drawn as a
dot at the mean of its points, when it has posts. Antarctica is left out:
the inhabited continents get its room. Countries the package has no outline
for (Kosovo, Tuvalu) are not on the map; the page's list of countries, the
map's text alternative, has them all.

Reading and reducing the package's file depends on nothing of a build, so
its result is kept for the process (``world``: ``lru_cache``, immutable)
and, when Pelican's content caches are on, in its ``CACHE_PATH`` for the
next build (``kept_world``: plain JSON, checked as it is read; a file that
cannot be read or written there costs the time of reducing the map again,
never the build). What depends on the build (counts, names, URLs) is a
``WorldMap``, made once per build by the chronicles generator. No Pelican
import.

    >>> outline("m10 20 5 0v5h-5z")
    (((10.0, 20.0), (15.0, 20.0), (15.0, 25.0), (10.0, 25.0)),)
    >>> encode(outline("M0 0L10 0 10 10 0 10z"), scale=0.5, step=1)
    'M0 0l5 0 0 5-5 0z'
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import logging
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from importlib.resources import files
from types import MappingProxyType
from typing import Iterable, Iterator, Mapping

from markupsafe import Markup, escape
from ..cachefiles import write_in_cache

Point = tuple[float, float]
Ring = tuple[Point, ...]

logger = logging.getLogger(__name__)

SVG = "{http://www.w3.org/2000/svg}"
KEPT = "pelican_chronicles.worldmap.json"  # the reduced world, in CACHE_PATH
LEFT_OUT = frozenset({"aq"})  # Antarctica

# How many numbers each command takes; its end point is the last pair (H
# and V take one coordinate). Arcs (A) are not read: their flags may be
# written without separators, and the package's file has none.
ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2}
COMMAND = re.compile(r"([MLHVCSQTZ])([^MLHVCSQTZ]*)", re.IGNORECASE)
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
PATH_DATA = re.compile(r"[MLHVCSQTZ0-9eE.,+\-\s]*", re.IGNORECASE)  # what may be in it


def outline(d: str) -> tuple[Ring, ...]:
    """The rings (subpaths) of the SVG path data ``d`` as absolute points,
    one per segment, its end point. Raises ``ValueError`` on what it does
    not read."""
    if not PATH_DATA.fullmatch(d) or not d.lstrip().startswith(("M", "m")):
        raise ValueError(f"unsupported path data: {d[:40]!r}")
    rings: list[Ring] = []
    ring: list[Point] = []
    x = y = 0.0
    start = (x, y)
    for letter, args in COMMAND.findall(d):
        kind, relative = letter.upper(), letter.islower()
        if kind == "Z":
            if ring:
                rings.append(tuple(ring))
            ring, (x, y) = [], start
            continue
        numbers = NUMBER.findall(args)
        arity = ARITY[kind]
        if not numbers or len(numbers) % arity:
            raise ValueError(f"{letter} takes {arity} numbers at a time, not {args.strip()!r}")
        for i in range(0, len(numbers), arity):
            dx, dy = (x, y) if relative else (0.0, 0.0)
            if kind == "H":
                x = float(numbers[i]) + dx
            elif kind == "V":
                y = float(numbers[i]) + dy
            else:  # the end point: the last pair
                x, y = float(numbers[i + arity - 2]) + dx, float(numbers[i + arity - 1]) + dy
            if kind == "M" and i == 0:  # further pairs of an M are lines
                if ring:
                    rings.append(tuple(ring))
                ring, start = [(x, y)], (x, y)
            else:
                ring = ring or [start]
                ring.append((x, y))
    if ring:
        rings.append(tuple(ring))
    return tuple(rings)


def reduce(ring: Ring, scale: float, step: int) -> list[tuple[int, int]]:
    """``ring`` scaled by ``scale`` and rounded to whole units, without the
    points less than ``step`` units from the last one kept."""
    kept: list[tuple[int, int]] = []
    for x, y in ring:
        point = (round(x * scale), round(y * scale))
        if not kept or max(abs(point[0] - kept[-1][0]), abs(point[1] - kept[-1][1])) >= step:
            kept.append(point)
    return kept


def encode(rings: Iterable[Ring], scale: float, step: int) -> str:
    """Path data for ``rings`` reduced (see ``reduce``): ``M`` to the first
    point, ``l`` through the others, ``z``; rings of fewer than three points
    left out. Empty when none is left."""
    parts = []
    for ring in rings:
        points = reduce(ring, scale, step)
        if len(points) < 3:
            continue
        moves = " ".join(f"{x - px} {y - py}" for (px, py), (x, y) in zip(points, points[1:]))
        parts.append(f"M{points[0][0]} {points[0][1]}l{moves}z".replace(" -", "-"))
    return "".join(parts)


def dot(rings: Iterable[Ring], scale: float, radius: float) -> str:
    """Path data for a circle of ``radius`` at the mean of the points."""
    points = [point for ring in rings for point in ring]
    x = round(sum(p[0] for p in points) / len(points) * scale)
    y = round(sum(p[1] for p in points) / len(points) * scale)
    r = radius
    return f"M{x - r} {y}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0z"  # two half circles


def world_outlines() -> Iterator[tuple[str, tuple[Ring, ...]]]:
    """(code, rings) of each country of the package's ``worldmap.svg``,
    its code lowercase ISO 3166 alpha-2, in the file's order: read one
    country at a time, so that the whole file's points are never in memory
    at once."""
    with (files("pygal_maps_world") / "worldmap.svg").open("rb") as source:
        for _, element in ET.iterparse(source):
            classes = element.get("class", "").split() if element.tag == f"{SVG}g" else ()
            if "country" in classes:
                yield classes[0], tuple(ring for path in element.iter(f"{SVG}path") for ring in outline(path.get("d", "")))
                element.clear()


@dataclass(frozen=True)
class MapSize:
    """How far the geometry is reduced for one size of map."""

    scale: float  # of the package's 2475 x 1388 units
    step: int  # in the reduced map's units
    dot: float  # a small country's dot's radius


SIZES = {
    "full": MapSize(scale=0.3, step=2, dot=3),  # the countries page, up to ~750 px wide
    "small": MapSize(scale=0.16, step=2, dot=2),  # atop the archive, up to ~400 px wide
}


@dataclass(frozen=True)
class Geometry:
    """The countries of one size of map: (code, path data, is a dot)."""

    shapes: tuple[tuple[str, str, bool], ...]
    width: int
    height: int

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(code for code, _, _ in self.shapes)


@functools.lru_cache(maxsize=1)
def world() -> Mapping[str, Geometry]:
    """The world reduced for each of ``SIZES``, in one reading of the file;
    only the reduced path data is kept (about 56 KB)."""
    shapes: dict[str, list] = {size: [] for size in SIZES}
    right = bottom = 0.0
    for code, rings in world_outlines():
        if code in LEFT_OUT or not rings:
            continue
        for size, reduction in SIZES.items():
            d = encode(rings, reduction.scale, reduction.step)
            shapes[size].append((code, d or dot(rings, reduction.scale, reduction.dot), not d))
        right = max(right, *(x for ring in rings for x, _ in ring))
        bottom = max(bottom, *(y for ring in rings for _, y in ring))
    return MappingProxyType({
        size: Geometry(tuple(shapes[size]), round(right * r.scale) + 1, round(bottom * r.scale) + 1)
        for size, r in SIZES.items()
    })


def geometry(size: str) -> Geometry:
    """The world reduced for the size ``size`` ('full' or 'small')."""
    return world()[size]


def kept_world(cache_dir: str) -> Mapping[str, Geometry]:
    """``world()``, read from ``cache_dir`` (Pelican's ``CACHE_PATH``) when
    an earlier build left it there for the same package file, sizes and
    code, else worked out and left there. Reading and reducing the file
    takes about 0.1 s, some 5% of a rebuild in the author's edit loop, where
    Pelican's content caches are on; reading it back, about 1 ms."""
    path = os.path.join(cache_dir, KEPT)
    try:
        with open(path, "rb") as kept:
            return from_json(json.load(kept))
    except FileNotFoundError:
        pass  # none yet
    except (OSError, ValueError, LookupError, TypeError, RecursionError) as error:
        logger.info("pelican_chronicles: the world map kept in %s is not used (%s); it is made again", path, error)
    reduced = world()
    try:
        write_in_cache(cache_dir, KEPT, json.dumps(to_json(reduced)).encode())
    except OSError as error:
        logger.info("pelican_chronicles: the world map cannot be kept in %s: %s", cache_dir, error)
    return reduced


@functools.lru_cache(maxsize=1)
def world_key() -> str:
    """What the reduced world depends on: the package's file, the sizes and
    this module's code."""
    key = hashlib.sha256((files("pygal_maps_world") / "worldmap.svg").read_bytes())
    key.update(repr((SIZES, sorted(LEFT_OUT))).encode())
    with open(__file__, "rb") as code:
        key.update(code.read())
    return key.hexdigest()


def to_json(reduced: Mapping[str, Geometry]) -> dict:
    return {"key": world_key(), "sizes": {
        size: {"shapes": geometry.shapes, "width": geometry.width, "height": geometry.height}
        for size, geometry in reduced.items()
    }}


KEPT_PATH_DATA = re.compile(r"[Mlaz0-9 .\-]*")  # what encode and dot write


def from_json(kept) -> Mapping[str, Geometry]:
    """The reduced world written by ``to_json``. Raises ``LookupError``,
    ``TypeError`` or ``ValueError`` on anything else: another key, another
    shape, path data that ``encode`` or ``dot`` would not write."""
    if kept["key"] != world_key():
        raise ValueError("made from another map or by other code")
    reduced = {}
    for size in SIZES:
        sized = kept["sizes"][size]
        shapes = tuple((code, d, is_dot) for code, d, is_dot in sized["shapes"])
        width, height = sized["width"], sized["height"]
        if not all(
            isinstance(code, str) and isinstance(d, str) and KEPT_PATH_DATA.fullmatch(d) and isinstance(is_dot, bool)
            for code, d, is_dot in shapes
        ) or not (type(width) is int and type(height) is int):
            raise ValueError(f"not a reduced map of size {size!r}")
        reduced[size] = Geometry(shapes, width, height)
    return MappingProxyType(reduced)


# --- the map of a build --------------------------------------------------------

STEPS = 5  # shades: chronicles-map-shade-1 (fewest posts) to -5 (most)


def shade_bounds(most: int, steps: int = STEPS) -> tuple[int, ...]:
    """The highest count of each shade, for counts from 1 to ``most``:
    ranges that grow geometrically (1, 2, 3-4, 5-8, ...), as posts per
    country do (a few countries in many posts, many in a few); at most
    ``steps`` of them, the last ``most``."""
    shades = min(steps, most)
    bounds: list[int] = []
    for k in range(1, shades + 1):
        bounds.append(max(round(most ** (k / shades)), bounds[-1] + 1 if bounds else 1))
    return tuple(bounds)


@dataclass(frozen=True)
class Shaded:
    """A country with posts on the map: its facet (``code``, ``name``,
    ``url``, ``count``) and its shade, 1 to ``STEPS``."""

    facet: object
    shade: int
    title: str  # "France: 4 posts"


@dataclass
class WorldMap:
    """The map of one build: the countries with posts, their shades and the
    legend, and its markup once written (by size, SITEURL and the id of the
    text alternative): the countries page and the archive each ask for it."""

    countries: dict[str, Shaded]  # by lowercase alpha-2 code
    legend: tuple[tuple[int, str], ...]  # (shade or 0, "2–3 posts"), 0 first
    title: str
    cache_dir: str | None = None  # where the reduced world is kept between builds
    rendered: dict = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, facets: Iterable, labels: dict, cache_dir: str | None = None) -> WorldMap:
        """The map of the country facets ``facets`` (``code``, ``name``,
        ``url``, ``count``), its words from ``labels``: ``by_country`` its
        title, ``post_word`` and ``posts_word`` after counts."""
        facets = [f for f in facets if f.count]
        bounds = shade_bounds(max((f.count for f in facets), default=0))
        first = STEPS - len(bounds) + 1  # the most posts get the darkest shade

        def posts(low: int, high: int | None = None) -> str:
            shown = str(low) if high in (None, low) else f"{low}\u2013{high}"
            return f"{shown} {labels['post_word'] if (high or low) == 1 else labels['posts_word']}"

        countries = {
            f.code.lower(): Shaded(f, first + bisect.bisect_left(bounds, f.count), f"{f.name}: {posts(f.count)}")
            for f in facets
        }
        lows = (1, *(bound + 1 for bound in bounds[:-1]))
        legend = ((0, posts(0)), *((first + i, posts(low, high)) for i, (low, high) in enumerate(zip(lows, bounds))))
        return cls(countries, legend, labels["by_country"], cache_dir)

    @functools.cached_property
    def geometries(self) -> Mapping[str, Geometry]:
        """The world reduced for each size: read once per build."""
        return world() if self.cache_dir is None else kept_world(self.cache_dir)

    def markup(self, size: str, siteurl: str, details: str | None = None) -> Markup:
        """``div.chronicles-map``: the SVG and its legend. ``details``: the
        id of the text alternative, the list of countries with their counts."""
        key = (size, siteurl, details)
        if key not in self.rendered:
            self.rendered[key] = self._write(size, siteurl, details)
        return self.rendered[key]

    def _write(self, size: str, siteurl: str, details: str | None) -> Markup:
        world = self.geometries[size]
        land, linked = [], []
        for code, d, is_dot in world.shapes:
            shaded = self.countries.get(code)
            if shaded is None:
                if not is_dot:  # a small country without posts is not marked
                    land.append(f'<path d="{d}"/>')
                continue
            facet = shaded.facet
            linked.append(
                f'<a class="chronicles-map-country chronicles-map-shade-{shaded.shade}"'
                f' href="{escape(siteurl)}/{escape(facet.url)}">'
                f'<title>{escape(shaded.title)}</title><path d="{d}"/></a>'
            )
        described = f' aria-details="{escape(details)}"' if details else ""
        legend = "".join(
            f'<li><span class="chronicles-map-swatch chronicles-map-shade-{shade}"></span> {escape(text)}</li>'
            for shade, text in self.legend
        )
        return Markup(
            f'<div class="chronicles-map chronicles-map-{size}">'
            f'<svg class="chronicles-map-svg" viewBox="0 0 {world.width} {world.height}"'
            f' aria-labelledby="chronicles-map-title"{described}>'
            f'<title id="chronicles-map-title">{escape(self.title)}</title>'
            f'<g class="chronicles-map-land">{"".join(land)}</g>{"".join(linked)}</svg>'
            f'<ul class="chronicles-map-legend">{legend}</ul></div>'
        )
