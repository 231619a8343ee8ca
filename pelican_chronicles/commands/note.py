"""``pelican-chronicles note``: a note of any kind (an update by default)
appended to a post, in its language, read back through the plugin's extension before
anything is written (SPEC 16)."""

from __future__ import annotations

import datetime
import os
import re
import zoneinfo
from dataclasses import dataclass

import markdown

from .. import dates, glue
from ..languages import Language
from ..model import CORRECTION, NOTE_KINDS, UPDATE, kind_key
from ..text import babel_locale
from .site import SiteSpec, UsageError, find_settings_file, load_settings, markdown_extensions, readers

_NEWLINES = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Appended:
    """A note appended to a post: its anchor, as the plugin gives it, and
    the marker written (``Update (20 June 2024, 08:30):``)."""

    anchor: str
    marker: str
    date: datetime.datetime
    problems: tuple[str, ...]  # what the plugin would warn about in the new note


def newline_of(text: str) -> str:
    """The file's own line ending: the first it uses, else ``\\n``."""
    found = _NEWLINES.search(text)
    return found.group() if found else "\n"


def note_suffix(text: str, note: str) -> str:
    """What to append to ``text`` so that ``note`` is a paragraph of its
    own at the end, in the file's line endings: after a blank line; with a
    final line ending when the file has one."""
    newline = newline_of(text)
    lines = _NEWLINES.split(text)
    if text and _NEWLINES.search(text[-1]):  # ends with a line ending: lines[-1] is ""
        blank_before = len(lines) < 2 or not lines[-2].strip()
        return ("" if blank_before else newline) + note + newline
    last_is_blank = not lines[-1].strip()
    return (newline if last_is_blank else newline + newline) + note


def date_forms(when: datetime.datetime, with_time: bool, language: Language) -> list[str]:
    """The date of a new note as the post's language writes it (CLDR's
    long date through Babel, and its time), then as ISO 8601, which the
    plugin reads in every language."""
    iso = when.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
    locale = babel_locale(language.code)
    if locale is None:
        return [iso]
    import babel.dates

    native = babel.dates.format_date(when, "long", locale=locale)
    if with_time:
        pattern = str(locale.datetime_formats.get("medium", "{1}, {0}"))
        native = pattern.replace("{1}", native).replace("{0}", babel.dates.format_time(when, "HH:mm", locale=locale))
    # Plain spaces in a text file: CLDR's narrow no-break space ("2024 г.")
    # and direction marks are invisible in an editor.
    native = " ".join(native.replace("\u200f", "").replace("\u200e", "").split())
    return [native, iso] if native != iso else [iso]


def append_note(
    post: str, text: str, *, settings_file: str | None = None, correction: bool = False,
    when: str | None = None, now: datetime.datetime | None = None, kind: str = UPDATE,
) -> Appended:
    """Append a note of ``kind`` (one of ``NOTE_KINDS``; ``correction``:
    a correction) to the Markdown ``post``, in
    the post's language (``Lang:``, else DEFAULT_LANG): the language's first
    marker word, and the date ``when`` (read by the plugin's date parser),
    else now, in the site's TIMEZONE. The bytes of the file before the note
    stay as they are. The new text is first read through the plugin's
    extension, with the site's Markdown settings, and written only when the
    plugin finds the note, its kind and its date in it: the first form of
    the date that reads back right is used. Raises UsageError."""
    text = " ".join(text.split())
    if not text:
        raise UsageError("the text of the note is empty")
    if not os.path.isfile(post):
        raise UsageError(f"post not found: {post}")
    # The post's folder stands for the content folder: a note needs none.
    settings = load_settings(SiteSpec(find_settings_file(settings_file), os.path.dirname(post) or os.curdir))
    known_extensions = markdown_extensions(readers(settings))
    if os.path.splitext(post)[1][1:] not in known_extensions:
        raise UsageError(f"not a Markdown post ({', '.join('.' + e for e in known_extensions)}): {post}")
    with open(post, "rb") as fh:
        original = fh.read()
    try:
        source = original.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UsageError(f"{post} is not UTF-8 text ({err})") from None
    kind = CORRECTION if correction else kind
    if kind not in NOTE_KINDS:
        raise UsageError(f"no kind of note is called {kind!r} (one of {', '.join(NOTE_KINDS)})")
    zone = settings.get("TIMEZONE") or "UTC"

    def convert(markdown_text: str):
        md = markdown.Markdown(**settings["MARKDOWN"])
        md.convert(markdown_text.removeprefix("\ufeff"))
        return md

    read = convert(source)
    lang = (read.Meta.get("lang") or [""])[0].strip() or None
    language = glue.languages_of(settings).get(lang)
    post_date = dates.post_date((read.Meta.get("date") or [None])[0], zone)
    if when is None:
        date = (now or datetime.datetime.now(zoneinfo.ZoneInfo(zone))).replace(second=0, microsecond=0)
        with_time = True
    else:
        try:
            date = dates.parse_date(when, timezone=zone, dayfirst=language.dayfirst, after=post_date, lang=language.code)
        except ValueError as err:
            raise UsageError(f"cannot read the date {when!r}: {err}") from None
        if dates.is_ahead(date, now):
            raise UsageError(f"the date {when!r} is in the future ({date.date().isoformat()}); nothing was appended to {post}")
        date = date.astimezone(zoneinfo.ZoneInfo(zone))
        with_time = dates.has_time(when)
    words = getattr(language, f"{kind_key(kind)}_words")
    known = list(read.chronicles.problems)
    for form in date_forms(date, with_time, language):
        marker = f"{words[0]} ({form}):"
        new = source + note_suffix(source, f"{marker} {text}")
        found = convert(new).chronicles
        note = found.notes[-1] if found.notes else None
        if note is None or note.kind != kind or note.date is None:
            continue
        if (note.date == date) if with_time else (note.date.date() == date.date()):
            suffix = new[len(source):].encode("utf-8")
            with open(post, "ab") as fh:
                fh.write(suffix)
            problems = []
            for each in found.problems:  # what the note brings: the new text's problems, less the post's own
                if each in known:
                    known.remove(each)
                else:
                    problems.append(f'{each.message}: "{each.text}"')
            return Appended(note.anchor, marker, note.date, tuple(problems))
    raise UsageError(f"the plugin does not read the note back as written; nothing was appended to {post}")
