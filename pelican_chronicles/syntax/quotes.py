"""Attributed quotes (SPEC 4).

The last paragraph of a top-level blockquote, when it starts with ``—``,
``——`` (Chinese), ``―``, ``–``, ``--`` or ``~``, is the quote's
attribution; so is a short one-line paragraph of that shape directly after
the blockquote, and so is the last line of the blockquote's last paragraph
(``> words`` followed by ``— Name`` on the next line without a blank line,
which Markdown joins into one paragraph). Python-Markdown joins blockquotes separated by a blank line,
so an attribution with quoted words after it also closes a quote: two
attributed quotes in a row stay two. The blockquote becomes a figure, the
attribution its caption, following the HTML standard (``cite`` names the
work, never the person):

    <figure class="chronicles-quote" id="quote-1">
      <blockquote cite="https://agency.example/item"><p>...</p></blockquote>
      <figcaption>— <span class="chronicles-speaker">A. Minister</span>,
        <span class="chronicles-role">Minister of Foreign Affairs</span>,
        <cite><a href="https://agency.example/item">Agency</a></cite>,
        <time datetime="2024-06-19">2024-06-19</time></figcaption>
    </figure>

The attribution is split on the commas of any script (``,``, ``،``, ``、``,
``，``) outside links and parentheses: the first part is the speaker, a
part that is a Markdown link a source, the first part that reads as a date
in the post's language the date, the others the role. Every character of it
stays as typed; the author's words are left to inline Markdown, so emphasis
in a role still renders.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from markdown.util import AtomicString

from .. import dates
from ..urls import with_scheme
from .common import ConventionProcessor, element, is_plain_paragraph, sub, top_level_runs

MAX_CAPTION = 200  # visible characters of an attribution (link targets not counted)
MAX_TEXT = 4000  # characters of an attribution, link targets included

# The dash and the space after it; "---" is a rule and "~~" strikes through.
# Chinese writes its dash as two em dashes, "——"; a longer run is a rule.
_DASH = re.compile(r"(?:——?(?!—)|――?(?!―)|–|--(?!-)|~(?!~))[ \t\u00a0]*(?=\S)")
# An inline link: [text](url) or [text](<url>), with an optional title,
# one level of parentheses inside the URL as Markdown allows. No part after
# the opening bracket may hold another "[", so the text a match attempt
# reads never overlaps the next attempt's: finding every link is linear.
_LINK = re.compile(
    r"\[(?P<text>[^\[\]\n]{1,200})\]\([ \t]{0,8}"
    r"(?:<(?P<angled>[^<>\[\]\n]{1,2000})>"
    r"|(?P<url>(?:[^\s()<>\[\]]|\([^\s()<>\[\]]{0,200}\)){1,2000}))"
    r"(?:[ \t]{1,8}(?:\"[^\"\n\[\]]{0,200}\"|'[^'\n\[\]]{0,200}'))?[ \t]{0,8}\)"
)
# What split_parts looks at: brackets, parentheses (full-width too) and
# the commas of each script: Latin ",", Arabic "،", the ideographic "、"
# and the full-width "，".
_STRUCTURE = re.compile(r"[\[\]()（）,،、，]")
_OPENING = frozenset("[(（")
_COMMAS = frozenset(",،、，")
# Dialogue set with dashes ("— Really? she asked.") is speech, not a name:
# attributions hold no question or exclamation mark (of any script) and end
# in no quote mark.
_SPEECH = re.compile(r"[?!؟？！]|[\"”»“«」』]\s*$")


@dataclass
class Part:
    """One comma-separated part of an attribution, without its spaces."""

    start: int
    end: int
    text: str
    kind: str = "role"  # "speaker", "link", "date" or "role"
    date: datetime.datetime | None = None
    precision: str = "day"


@dataclass
class Attribution:
    paragraph: object  # the <p> holding it
    dash: str  # the dash and the space after it, as typed
    body: str  # everything after them
    parts: list[Part] = field(default_factory=list)
    last_line: bool = False  # only the paragraph's last line is the attribution


def split_parts(body: str) -> list[Part]:
    """Parts separated by commas (of any script) outside brackets and
    parentheses."""
    bounds = []
    depth = 0
    start = 0
    for found in _STRUCTURE.finditer(body):
        ch = found.group()
        if ch in _OPENING:
            depth += 1
        elif ch not in _COMMAS:
            depth = max(depth - 1, 0)
        elif depth == 0:
            bounds.append((start, found.start()))
            start = found.end()
    bounds.append((start, len(body)))
    parts = []
    for begin, end in bounds:
        text = body[begin:end]
        stripped = text.strip()
        if stripped:
            begin += len(text) - len(text.lstrip())
            parts.append(Part(begin, begin + len(stripped), stripped))
    return parts


def visible_text(text: str) -> str:
    """``text`` as read: a link as its text."""
    return _LINK.sub(lambda link: link.group("text"), text)


def parse_attribution(paragraph, text: str, single_line: bool) -> Attribution | None:
    """The attribution in a paragraph's raw text, or None."""
    dash = _DASH.match(text)
    if not dash or len(text) > MAX_TEXT or (single_line and "\n" in text):
        return None
    visible = visible_text(text)
    if len(visible) > MAX_CAPTION or _SPEECH.search(visible):
        return None
    body = text[dash.end() :].rstrip()
    parts = split_parts(body)
    if not parts:
        return None
    return Attribution(paragraph, text[: dash.end()], body, parts)




@dataclass
class QuoteFound:
    """An attributed quote as built, read for the chronicle once inline
    Markdown has rendered the author's words in it."""

    anchor: str
    blockquote: object
    speaker: object = None  # span.chronicles-speaker
    roles: list = field(default_factory=list)  # span.chronicles-role
    cites: list = field(default_factory=list)  # cite
    read_as_https: list = field(default_factory=list)  # link addresses typed without a scheme
    date: datetime.date | None = None
    date_text: str | None = None


class QuoteProcessor(ConventionProcessor):
    def apply(self, root):
        number = 0
        for container, blocks in top_level_runs(root):
            replaced = {}  # a blockquote: the figures (and blockquote) taking its place
            for i, el in enumerate(blocks):
                if el.tag != "blockquote" or el in replaced:
                    continue
                pieces = self.pieces(el)
                after = blocks[i + 1] if i + 1 < len(blocks) else None
                if pieces[-1][1] is None and (found := self.attribution_after(after)):
                    pieces[-1] = (pieces[-1][0], found)
                    replaced[after] = []
                if all(attribution is None for _children, attribution in pieces):
                    continue
                new = []
                for children, found in pieces:
                    if found is None:  # quoted words after the last attribution
                        new.append(element("blockquote"))
                        new[-1].extend(children)
                    else:
                        number += 1
                        new.append(self.build(children, found, f"quote-{number}"))
                new[-1].tail = el.tail
                replaced[el] = new
            if replaced:  # one pass, however many quotes the container has
                children = []
                for child in container:
                    children.extend(replaced.get(child, (child,)))
                container[:] = children

    # --- finding the attribution --------------------------------------------

    def pieces(self, blockquote) -> list[tuple[list, Attribution | None]]:
        """The blockquote's children cut after each attribution: (children,
        attribution or None). Python-Markdown joins blockquotes separated by
        a blank line into one, so two attributed quotes in a row arrive as
        one blockquote with an attribution in the middle."""
        pieces = []
        children = []
        for child in blockquote:
            found = None
            if is_plain_paragraph(child):
                found = self.attribution_in(child, quoted_before=bool(children))
            children.append(child)
            if found is not None:
                pieces.append((children, found))
                children = []
        if children or not pieces:
            pieces.append((children, None))
        return pieces

    @staticmethod
    def attribution_in(paragraph, quoted_before: bool) -> Attribution | None:
        """The paragraph, when something is quoted before it, or its last line
        (``> words`` and ``> — Name`` on the next line make one paragraph)."""
        text = paragraph.text
        if quoted_before:
            found = parse_attribution(paragraph, text, single_line=False)
            if found:
                return found
        line_at = text.rfind("\n")
        if line_at > 0 and text[:line_at].strip():
            found = parse_attribution(paragraph, text[line_at + 1 :], single_line=True)
            if found:
                found.last_line = True
                return found
        return None

    def attribution_after(self, el) -> Attribution | None:
        if not is_plain_paragraph(el):
            return None
        return parse_attribution(el, el.text, single_line=True)

    # --- reading the parts -----------------------------------------------------

    def classify(self, attribution: Attribution):
        """Name each part's kind. A date may hold commas ("Monday, June 19,
        2024"): up to three parts are read together, the longest first."""
        parts = attribution.parts
        classified = []
        has_date = False
        i = 0
        while i < len(parts):
            part = parts[i]
            if _LINK.fullmatch(part.text):
                part.kind = "link"
                classified.append(part)
                i += 1
                continue
            # The first part is a date only when it has a digit itself: in
            # "— Jan, 2024" Jan is the speaker.
            if not has_date and (i > 0 or dates.has_digit(part.text)):
                date, count = self.date_part(attribution.body, parts[i : i + 3])
                if date is not None:
                    classified.append(date)
                    has_date = True
                    i += count
                    continue
            if i == 0:
                part.kind = "speaker"
            classified.append(part)
            i += 1
        attribution.parts = classified

    def date_part(self, body: str, candidates: list[Part]) -> tuple[Part | None, int]:
        """The date that the first ``count`` candidates make together, and
        ``count``; (None, 0) when there is none."""
        for count in range(len(candidates), 0, -1):
            start, end = candidates[0].start, candidates[count - 1].end
            if end - start > dates.MAX_DATE or any(c.text.startswith("[") for c in candidates[:count]):
                continue
            part = Part(start, end, body[start:end], kind="date")
            if self.read_date(part):
                return part, count
        return None, 0

    def read_date(self, part: Part) -> bool:
        text = part.text
        lang = self.language.code
        if len(text) > dates.MAX_DATE or not dates.could_be_date(text, lang):
            return False
        dayfirst = self.language.dayfirst
        probe = dates.probe(text, dayfirst, lang)
        if probe is None:
            return False
        has_year = probe.year != dates.PROBE.year
        timezone = self.config("timezone")
        try:
            if has_year:
                value = dates.parse_date(text, timezone=timezone, dayfirst=dayfirst, lang=lang)
            elif (post_date := self.ext.post_date(self.md)) is not None:
                # No year: the post's, or the year before when that would be
                # after the post (a quote is not from the future).
                start = post_date.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
                value = dates.parse_date(text, timezone=timezone, dayfirst=dayfirst, after=start, lang=lang)
                if value.date() > post_date.date():
                    value = value.replace(year=value.year - 1)
            else:
                return False
        except ValueError:
            return False
        has_month = value.month == probe.month  # January (parse_date) against December
        has_day = value.day == probe.day  # the 1st against the 28th
        if not (has_year or has_month):
            return False  # "at 10:00": a time, not a date
        part.date = value
        part.precision = "day" if has_day or not has_year else "month" if has_month else "year"
        return True

    @staticmethod
    def machine_date(part: Part) -> str:
        if part.precision == "year":
            return f"{part.date.year:04d}"
        if part.precision == "month":
            return f"{part.date.year:04d}-{part.date.month:02d}"
        return dates.machine_date(part.date, dates.has_time(part.text))

    # --- building the figure ---------------------------------------------------

    def build(self, children: list, attribution: Attribution, anchor: str):
        """The figure: the quoted ``children`` in a blockquote, the
        attribution in the caption."""
        self.classify(attribution)
        paragraph = attribution.paragraph
        if attribution.last_line:  # the lines above it stay quoted
            paragraph.text = paragraph.text[: paragraph.text.rfind("\n")]
        elif paragraph in children:
            children.remove(paragraph)
        figure = element("figure", class_="chronicles-quote", id=anchor)
        blockquote = sub(figure, "blockquote")
        blockquote.extend(children)
        caption = sub(figure, "figcaption", attribution.dash)
        found = QuoteFound(anchor, blockquote)
        self.fill_caption(caption, attribution, found)
        self.found.quotes.append(found)
        self.found.made.append(figure)
        return figure

    def fill_caption(self, caption, attribution: Attribution, found: QuoteFound):
        """The attribution's parts as the caption's elements, separators as
        typed between them. The author's words are left to inline Markdown,
        which renders a link part as the link it is."""
        body = attribution.body
        last = None  # the last element added, whose tail takes the separator
        for index, part in enumerate(attribution.parts):
            separator = body[attribution.parts[index - 1].end : part.start] if index else None
            if part.kind == "role" and found.roles and last is found.roles[-1]:
                # Adjacent role parts share one span, their separator inside it.
                last.text += separator + part.text
                continue
            if last is not None:
                last.tail = separator
            if part.kind == "link":
                part.text = self.link_with_scheme(part.text, found)
            if part.kind == "speaker" or (part.kind == "link" and index == 0):
                # "– [Name on forum](URL)": a link first names the person.
                last = found.speaker = sub(caption, "span", part.text, class_="chronicles-speaker")
            elif part.kind == "link":
                last = sub(caption, "cite", part.text)
                found.cites.append(last)
            elif part.kind == "date":
                last = sub(caption, "time", AtomicString(part.text), datetime=self.machine_date(part))
                found.date, found.date_text = part.date.date(), part.text
            else:
                last = sub(caption, "span", part.text, class_="chronicles-role")
                found.roles.append(last)

    @staticmethod
    def link_with_scheme(text: str, found: QuoteFound) -> str:
        """A link part, ``[Agency](yonhap.co.kr)``, with ``https://``
        before an address that starts with a host name (``urls.with_scheme``):
        the plugin places it in ``cite``, where a relative address would
        lead to a page that does not exist."""
        link = _LINK.fullmatch(text)
        group = "angled" if link.group("angled") is not None else "url"
        url, assumed = with_scheme(link.group(group))
        if not assumed:
            return text
        found.read_as_https.append(link.group(group))
        return text[: link.start(group)] + url + text[link.end(group) :]
