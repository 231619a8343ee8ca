"""The chronicle of the document, read once Markdown has rendered it.

The last of the extension's tree processors: it reads what the conventions
built as a reader sees it (text and links rendered, escapes undone), makes
the ``Chronicle``, and adds the update log at the top of the document and
the sources list at its end (SPEC 2, 6):

    <nav aria-labelledby="chronicles-update-log-title" class="chronicles-update-log">
    <p class="chronicles-update-log-title" id="chronicles-update-log-title">Updates to this post</p>
    <ol>
    <li><a href="#update-1">Update <time datetime="2024-06-20">2024-06-20</time></a></li>
    </ol>
    </nav>

    <aside aria-labelledby="chronicles-sources-title" class="chronicles-sources">
    <p class="chronicles-sources-title" id="chronicles-sources-title">Sources</p>
    <ul>
    <li><a href="https://agency.example/">Agency</a></li>
    </ul>
    </aside>
"""

from __future__ import annotations

import copy

from ..metadata import parse_sources
from ..model import Chronicle, Dateline, Note, Quote, Source, Turn, merge_sources, problem, source
from ..urls import safe_url
from .common import ConventionProcessor, count_words, element, first_words, plain_text, sub

UNSAFE_CITATION = "link dropped from the attribution of {anchor}: only http, https, mailto and relative URLs are allowed"


class ChronicleProcessor(ConventionProcessor):
    def apply(self, root):
        found, md = self.found, self.md
        notes = tuple(
            Note(**fields, summary=first_words(plain_text(section, md, skip=section[0])))
            for fields, section in found.notes
        )
        turns = tuple(Turn(**fields, text=plain_text(p, md, skip=label)) for fields, p, label in found.turns)
        datelines = tuple(
            Dateline(place=plain_text(place, md), source=plain_text(name, md) or None, date_text=date_text)
            for place, name, date_text in found.datelines
        )
        cited: list[Source] = []
        quotes = tuple(self.quote(each, cited) for each in found.quotes)
        meta_sources, meta_problems = parse_sources(self.ext.meta(md, "sources"))
        sources = merge_sources(meta_sources, (source(d.source) for d in datelines if d.source), cited)

        log = self.update_log() if notes and self.config("update_log") else None
        aside = self.sources_list(sources) if sources and self.config("sources_list") else None
        # A summary of the whole post would open with the update log, and
        # reach the sources list when the body is shorter than a summary.
        summary = None
        if log is not None or aside is not None:
            blocks, short = self.opening(root)
            if log is not None or short:
                summary = self.config("summarize")(self.html(blocks))
        if log is not None:
            root.insert(0, log)
        if aside is not None:
            root.append(aside)

        chronicle = Chronicle(
            notes=notes,
            dateline=datelines[0] if datelines else None,
            datelines=datelines,
            quotes=quotes,
            turns=turns,
            sources=sources,
            problems=(*meta_problems, *found.problems),
            summary=summary,
        )
        md.chronicles = chronicle
        # What was found refers to the document's elements: let them go with
        # the document, not with the Markdown instance.
        self.ext.found = type(found)()
        meta = getattr(md, "Meta", None)
        if isinstance(meta, dict):  # Pelican reads the post's metadata from here
            meta["chronicles"] = [chronicle]

    # --- quotes ------------------------------------------------------------------

    def quote(self, found, cited: list) -> Quote:
        """The quote's data from its rendered caption. The first cited work
        is its source; without one, a link on the speaker's name."""
        md = self.md
        speaker = named_source = None
        if found.speaker is not None:
            speaker = plain_text(found.speaker, md) or None
            url = self.link_url(found.speaker, found.anchor)
            if url and speaker:
                named_source = source(speaker, url)
        works = []
        for cite in found.cites:
            name = plain_text(cite, md)
            url = self.link_url(cite, found.anchor)
            if name:
                works.append(source(name, url))
        cited.extend(works)
        quoted = works[0] if works else named_source
        if quoted is not None and quoted.url:
            found.blockquote.set("cite", quoted.url)
        roles = [plain_text(role, md) for role in found.roles]
        return Quote(
            anchor=found.anchor,
            text=plain_text(found.blockquote, md),
            speaker=speaker,
            role=", ".join(r for r in roles if r) or None,
            source=quoted,
            date=found.date,
            date_text=found.date_text,
        )

    def link_url(self, el, anchor: str) -> str | None:
        """The URL of the link in an attribution's part, as the browser reads
        it. A link to a URL the plugin may not place in ``cite`` is taken
        out, its words kept, with a warning."""
        link = el.find("a")
        url = link.get("href") if link is not None else None
        if not url:
            return None
        if safe_url(url) is None:
            unwrap(el, link)
            self.found.problems.append(problem(UNSAFE_CITATION.format(anchor=anchor), url))
            return None
        return url

    # --- blocks the extension adds ---------------------------------------------

    def update_log(self):
        """The post's notes, each a link to its anchor with its label's words."""
        nav, items = titled_list("nav", "chronicles-update-log", self.config("labels")["update_log"], "ol")
        for _fields, section in self.found.notes:
            label = section[0]
            item = sub(items, "li")
            item.tail = "\n"
            link = sub(item, "a", label.text, href=f"#{section.get('id')}")
            link.extend(copy.deepcopy(child) for child in label)
        return nav

    def sources_list(self, sources: tuple[Source, ...]):
        """Each source a list item, a link when it has a URL that may be placed."""
        aside, items = titled_list("aside", "chronicles-sources", self.config("labels")["sources"], "ul")
        for each in sources:
            item = sub(items, "li")
            item.tail = "\n"
            url = safe_url(each.url)
            if url:
                sub(item, "a", each.name, href=url)
            else:
                item.text = each.name
        return aside

    def opening(self, root) -> tuple[list, bool]:
        """The body's opening blocks, enough of them for a summary of
        ``summary_words`` words, and whether the body is shorter than that."""
        limit = self.config("summary_words")
        blocks, words = [], 0
        for block in root:
            blocks.append(block)
            words += count_words("".join(block.itertext()))
            if limit is not None and words >= limit:
                return blocks, False
        return blocks, True

    def html(self, blocks) -> str:
        """``blocks`` as HTML, the raw HTML put back as Markdown's
        postprocessors do for the whole document."""
        html = "".join(self.md.serializer(block) for block in blocks)
        for postprocessor in self.md.postprocessors:
            html = postprocessor.run(html)
        return html.strip()


def titled_list(tag: str, class_: str, title: str, list_tag: str):
    """``<tag class="...">`` with a title paragraph and an empty list, and
    that list. The title's id is the block's class followed by ``-title``,
    and labels the block."""
    title_id = f"{class_}-title"
    block = element(tag, aria_labelledby=title_id, class_=class_)
    block.text = block.tail = "\n"
    sub(block, "p", title, class_=title_id, id=title_id).tail = "\n"
    items = sub(block, list_tag)
    items.text = items.tail = "\n"
    return block, items


def unwrap(parent, child):
    """Put ``child``'s words and elements in its place in ``parent``."""
    at = list(parent).index(child)
    before = parent[at - 1] if at else None
    append_text(parent, before, child.text)
    parent.remove(child)
    parent[at:at] = list(child)
    append_text(parent, parent[at + len(child) - 1] if len(child) else before, child.tail)


def append_text(parent, after, text: str | None):
    """Add ``text`` after the child ``after`` of ``parent`` (None: at its start)."""
    if not text:
        return
    if after is None:
        parent.text = (parent.text or "") + text
    else:
        after.tail = (after.tail or "") + text
