"""The chronicle of the document, read once Markdown has rendered it.

The last of the extension's tree processors: it reads what the conventions
built as a reader sees it (text and links rendered, escapes undone), makes
the ``Chronicle``, and adds the update log at the top of the document and
the sources list at its end (SPEC 2, 6); in a Pelican build, where each
source and country has a page (``facet_links``), a list of the post's
countries before the sources, and links to those pages (SPEC 14):

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
from dataclasses import replace
from html import escape

from markdown.util import AtomicString

from .. import markup
from ..languages import bcp47
from ..metadata import country_name, parse_sources, resolve_countries
from ..model import Chronicle, Country, Dateline, Note, Quote, Source, Turn, merge_sources, problem, source
from ..urls import safe_url, url_host
from .common import ConventionProcessor, beginning, count_words, element, first_words, plain_text, sub

CONTENT = "chronicles-content"  # the wrapper of a post in another language than the site's
LOG_SEPARATOR = " — "  # between an undated note's label and its first words in the update log
UNSAFE_CITATION = "link dropped from the attribution of {anchor}: only http, https, mailto and relative URLs are allowed"


def wrapped(html: str, direction: str, lang: str) -> str:
    """``html`` (a summary) in the element that gives a post in another
    language than the site's its language and direction."""
    return f'<div class="{CONTENT}" dir="{direction}" lang="{escape(lang)}">\n{html}\n</div>'


class ChronicleProcessor(ConventionProcessor):
    def apply(self, root):
        found, md = self.found, self.md
        used = found.made or found.problems or self.ext.meta(md, "sources") or self.ext.meta(md, "countries")
        wrapper = self.wrapper()
        # A post that uses no convention, in the page's language: nothing to
        # read or add, the document is left as it is.
        chronicle = self.chronicle(root, wrapper) if used or wrapper is not None else Chronicle()
        md.chronicles = chronicle
        # What was found refers to the document's elements: let them go with
        # the document, not with the Markdown instance.
        self.ext.found = type(found)()
        meta = getattr(md, "Meta", None)
        if isinstance(meta, dict):  # Pelican reads the post's metadata from here
            meta["chronicles"] = [chronicle]

    def chronicle(self, root, wrapper) -> Chronicle:
        """What the conventions found, read as a reader sees it; the update
        log, the lists and the wrapper added to the document."""
        found, md = self.found, self.md
        notes = tuple(
            Note(**fields, summary=first_words(plain_text(section, md, skip=section[0])))
            for fields, section in found.notes
        )
        turns = tuple(Turn(**fields, text=self.said(p, label, more)) for fields, p, label, more in found.turns)
        datelines = tuple(
            Dateline(place=plain_text(place, md), source=plain_text(name, md) or None, date_text=date_text)
            for place, name, date_text in found.datelines
        )
        cited: list[Source] = []
        quotes = tuple(self.quote(each, cited) for each in found.quotes)
        read_as_https = []
        meta_sources, meta_problems = parse_sources(self.ext.meta(md, "sources"), read_as_https)
        read_as_https += (address for each in found.quotes for address in each.read_as_https)
        sources = merge_sources(meta_sources, (source(d.source) for d in datelines if d.source), cited)
        countries, country_problems = resolve_countries(self.ext.meta(md, "countries"))

        log = self.update_log(notes) if notes and self.config("update_log") else None
        aside = self.sources_list(sources) if sources and self.config("sources_list") else None
        places = (
            self.countries_list(countries)
            if countries and self.config("facet_links") and self.config("countries_list") else None
        )
        # A summary of the whole post would open with the update log, and
        # reach the lists at its end when the body is shorter than a summary;
        # Pelican's own cut of a post in its own direction may drop the
        # wrapper (SUMMARY_MAX_PARAGRAPHS keeps bare paragraphs).
        summary = None
        if log is not None or aside is not None or places is not None or wrapper is not None:
            blocks, short = self.opening(root)
            if log is not None or short or wrapper is not None:
                summary = self.config("summarize")(self.html(blocks))
                if wrapper is not None:
                    summary = wrapped(summary, wrapper.get("dir"), wrapper.get("lang"))
        if log is not None:
            root.insert(0, log)
            found.made.append(log)
        for block in (places, aside):
            if block is not None:
                root.append(block)
                found.made.append(block)
        if wrapper is not None:
            wrapper.extend(list(root))
            root[:] = [wrapper]
        else:
            self.mark_language(found.made)

        return Chronicle(
            notes=notes,
            dateline=datelines[0] if datelines else None,
            datelines=datelines,
            quotes=quotes,
            turns=turns,
            sources=sources,
            countries=countries,
            problems=self.located((
                *meta_problems, *found.problems, *country_problems,
                *(self.for_check(meta_sources, sources, read_as_https) if self.config("near_misses") else ()),
            )),
            summary=summary,
            read_as_https=tuple(read_as_https),
            wrapped_in=(wrapper.get("dir"), wrapper.get("lang")) if wrapper is not None else None,
        )

    def located(self, problems) -> tuple:
        """The problems, each with the line of the text it quotes."""
        lines = self.found.lines
        return tuple(replace(each, line=lines.locate(each.text)) for each in problems)

    @staticmethod
    def for_check(listed, sources, read_as_https) -> list:
        """What only ``check`` reports: sources of ``Sources:`` that neither
        it nor a dateline or quote gives a URL, and addresses read as https."""
        with_url = {each.key for each in sources if each.url}
        return [
            *(problem(f'source without a URL in Sources: "{each.name}"', each.name, "source-without-url")
              for each in listed if each.key not in with_url),
            *(problem(f'address without a scheme, linked as "https://{address}"', address, "address-without-scheme")
              for address in dict.fromkeys(read_as_https)),
        ]

    def said(self, p, label, more) -> str:
        """What was said in a turn: the words of its paragraph ``p`` after
        its ``label``, then those of the blocks that continue it."""
        parts = (plain_text(p, self.md, skip=label), *(plain_text(block, self.md) for block in more))
        return " ".join(part for part in parts if part)

    def wrapper(self):
        """The one element that gives the post's content its language and
        direction (SPEC 14), when the post is in another language than the
        page it goes into (the ``lang`` option, Pelican's ``DEFAULT_LANG``):
        an Arabic post on an English site reads right to left in every
        theme, its author's paragraphs included. None for a post in the
        page's language, or when the page's language is not known."""
        page = self.config("lang")
        if not page:
            return None
        language = self.language
        if same_language(language.code, page):
            return None
        tag = bcp47(language.code)
        # A language not known (und) has no direction to give: the browser
        # takes the first strong letter's.
        direction = "auto" if tag == "und" else language.direction
        wrapper = element("div", class_=CONTENT, lang=tag, dir=direction)
        wrapper.text = wrapper.tail = "\n"
        return wrapper

    def mark_language(self, made) -> None:
        """In a post in the page's language, or where the page's language
        is not known: what the conventions made carries the post's ``lang``
        when it is not the site's, and its ``dir`` when it is written right
        to left or the site is."""
        language = self.language
        site = self.ext.languages.get(None)
        if same_language(language.code, site.code) and not language.rtl:
            return
        for el in made:
            el.set("lang", bcp47(language.code))
            if language.rtl or site.rtl:
                el.set("dir", language.direction)

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
            self.found.problems.append(problem(UNSAFE_CITATION.format(anchor=anchor), url, "refused-url"))
            return None
        return url

    # --- blocks the extension adds ---------------------------------------------

    def update_log(self, notes: tuple[Note, ...]):
        """The post's notes, each a link to its anchor with its label's
        words; a note without a date, with the beginning of its text."""
        nav, items = titled_list("nav", "chronicles-update-log", self.language.labels["update_log"], "ol")
        for note, (_fields, section) in zip(notes, self.found.notes):
            label = section[0]
            item = sub(items, "li")
            item.tail = "\n"
            link = sub(item, "a", label.text, href=f"#{section.get('id')}")
            link.extend(copy.deepcopy(child) for child in label)
            if note.date is None and note.summary:
                words = AtomicString(f"{LOG_SEPARATOR}{beginning(note.summary)}")
                if len(link):
                    link[-1].tail = (link[-1].tail or "") + words
                else:
                    link.text = (link.text or "") + words
        return nav

    def sources_list(self, sources: tuple[Source, ...]):
        """Each source a list item, a link when it has a URL that may be
        placed. With ``facet_links``, the name links to the source's page on
        the site (a draft's: the name alone, in the same element) and the
        URL follows, its host the link's words."""
        aside, items = titled_list("aside", "chronicles-sources", self.language.labels["sources"], "ul")
        for each in sources:
            item = sub(items, "li")
            item.tail = "\n"
            url = safe_url(each.url)
            if self.config("facet_links"):
                name = sub(item, "a", each.name, class_="chronicles-source", href=self.facet_link("source", each.key))
                if url:
                    name.tail = " "
                    host = url_host(url)  # none for a link inside the site ({filename}/b.md)
                    sub(item, "a", host or self.language.labels["source_website"], class_="chronicles-source-home",
                        href=url, rel="external" if host else None)
            elif url:
                sub(item, "a", each.name, href=url)
            else:
                item.text = each.name
        return aside

    def countries_list(self, countries: tuple[Country, ...]):
        """The post's countries, each its flag (decorative) and its name, in
        the post's language, linking to its page on the site: the markup of
        ``markup.country``, as the site's pages write it, stashed as raw HTML."""
        aside, items = titled_list("aside", "chronicles-countries", self.language.labels["countries"], "ul")
        for country in countries:
            item = sub(items, "li")
            item.tail = "\n"
            shown = markup.country(country_name(country, self.language.code), markup.flag(country.flag),
                                   self.facet_link("country", country.code))
            item.text = AtomicString(self.md.htmlStash.store(shown))
        return aside

    def facet_link(self, kind: str, key: str) -> str | None:
        """The address of the page of a source or country (``kind``) whose
        key is ``key``, as ``facet_url`` gives it for a post of the
        document's ``Status:``; None when the post links none (a draft)."""
        status = self.ext.meta(self.md, "status")
        return self.config("facet_url")(kind, key, status=status[0] if status else None)

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


def same_language(code: str, other: str) -> bool:
    """Whether two language codes, as Pelican's settings and metadata may
    write them (``pt_BR``, ``pt-br``), name the same language."""
    return bcp47(code).casefold() == bcp47(other).casefold()


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
