"""The ``CHRONICLES_*`` settings: one table of defaults, checked at start-up.

Each setting is a default, a validator and a one-line description. A
validator is a small function that returns the value or raises
``ValueError`` saying what it expects; ``check()`` turns that into a
``SettingsError`` naming the setting.
"""

from __future__ import annotations

import ntpath
import posixpath
import re
import string
from dataclasses import dataclass
from typing import Any, Callable

from pelican.settings import DEFAULT_CONFIG

from .jsonld import PUBLISHER_LINKS
from .languages import ENGLISH, WORD_KEYS, builtin
from .urls import safe_url, with_scheme


class SettingsError(ValueError):
    """A CHRONICLES_* setting has a wrong type or value."""


# --- validators -------------------------------------------------------------


def boolean(value):
    if not isinstance(value, bool):
        raise ValueError("True or False")
    return value


def inside_output(path: str) -> bool:
    """Whether the relative ``path`` stays inside the output directory, read
    with ``/`` or ``\\`` as separators: not absolute, no drive, and no
    ``..`` that climbs out of it."""
    slashed = path.replace("\\", "/")
    if slashed.startswith("/") or ntpath.splitdrive(path)[0]:
        return False
    normal = posixpath.normpath(slashed)
    return normal != ".." and not normal.startswith("../")


def path_or_none(value):
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or not inside_output(value):
        raise ValueError("a relative output path that stays inside the output, such as 'feeds/updates.atom.xml', or None")
    return value


def path_pattern(value):
    """An output path or URL with ``{slug}`` in it, its only placeholder,
    that stays inside the output whatever the slug."""
    expected = "a relative path containing '{slug}', such as 'sources/{slug}.html'"
    if not isinstance(value, str) or value.startswith("/"):
        raise ValueError(expected)
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(value) if field is not None]
    except ValueError as err:
        raise ValueError(f"{expected}, its braces paired ({err})") from None
    unknown = [field for field in fields if field != "slug"]
    if unknown:
        raise ValueError(f"{expected}, whose only placeholder is {{slug}} (not {{{unknown[0]}}})")
    if not fields:
        raise ValueError(expected)
    try:
        example = value.format(slug="slug")
    except (ValueError, KeyError, IndexError) as err:
        raise ValueError(f"{expected} ({err})") from None
    if not inside_output(example):
        raise ValueError(f"{expected}, that stays inside the output")
    return value


def output_dir(value):
    """A folder of the output, as a path and as a URL relative to SITEURL."""
    if not isinstance(value, str) or (value and not value.endswith("/")) or not inside_output(value or "."):
        raise ValueError("a relative path that stays inside the output, ending with '/', such as 'theme/chronicles/'")
    return value


def history_dir(value):
    """A folder of the output beside the posts, never the output itself
    (its pages would take the posts' paths)."""
    if value == "" or not isinstance(value, str) or posixpath.normpath(value.replace("\\", "/")) == ".":
        raise ValueError("a relative path inside the output, ending with '/', such as 'history/'")
    return output_dir(value)


def url(value):
    if not isinstance(value, str) or value.startswith("/"):
        raise ValueError("a URL relative to SITEURL, such as 'sources/'")
    return value


def words(value):
    """A non-empty list of marker words; compared case-insensitively."""
    if (
        not isinstance(value, (list, tuple))
        or not value
        or not all(isinstance(w, str) and w.strip() for w in value)
    ):
        raise ValueError("a non-empty list of words, such as ['Update', 'Edit']")
    if any(":" in w or "\n" in w for w in value):
        raise ValueError("words without colons or line breaks")
    return tuple(w.strip() for w in value)


def labels(value):
    """The labels a site changes; the others keep the language's own."""
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ValueError("a dict of label names to strings, such as {'update': 'Update'}")
    unknown = set(value) - set(DEFAULT_LABELS)
    if unknown:
        raise ValueError(f"only the keys {', '.join(sorted(DEFAULT_LABELS))}")
    return dict(value)


def boolean_or_none(value):
    if value is not None and not isinstance(value, bool):
        raise ValueError("True, False or None")
    return value




def languages(value):
    """``{"ru": {"update_words": [...], "labels": {...}, "dayfirst": True}}``."""
    expected = (
        "a dict of language codes to dicts with the keys "
        + ", ".join((*WORD_KEYS, "labels", "dayfirst"))
    )
    if not isinstance(value, dict) or not all(isinstance(k, str) and k.strip() for k in value):
        raise ValueError(expected)
    checked = {}
    for code, entry in value.items():
        if not isinstance(entry, dict) or set(entry) - {*WORD_KEYS, "labels", "dayfirst"}:
            raise ValueError(f"{expected} (see {code!r})")
        try:
            checked[code] = {
                key: (words(item) if key in WORD_KEYS else labels(item) if key == "labels" else boolean(item))
                for key, item in entry.items()
            }
        except ValueError as err:
            raise ValueError(f"{expected}; in {code!r}: {err}") from None
    return checked


def publisher_links(value):
    """``{"correctionsPolicy": "about/corrections.html", ...}``: the
    publisher's policy pages and logo, each a URL that may be linked,
    relative to SITEURL or absolute; an address that starts with a host
    name (``www.example.org/ethics``) is read as https, as in Sources:."""
    expected = "a dict of " + ", ".join(PUBLISHER_LINKS) + " to URLs"
    if not isinstance(value, dict) or set(value) - set(PUBLISHER_LINKS):
        raise ValueError(expected)
    checked = {}
    for key, link in value.items():
        if not isinstance(link, str) or safe_url(link) is None:
            raise ValueError(f"{expected} (http, https, mailto or relative; see {key!r})")
        checked[key] = with_scheme(link.strip())[0]
    return checked


def stylesheet(value):
    if value is True or value is False:
        return value
    if isinstance(value, str) and value.strip():
        return value
    raise ValueError("True, False, or the URL of your own stylesheet")


# English's file gives the defaults of the site-wide words and labels.
ENGLISH_FILE = builtin(ENGLISH)
DEFAULT_LABELS = dict(ENGLISH_FILE["labels"])


@dataclass(frozen=True)
class Setting:
    default: Any
    validate: Callable[[Any], Any]
    description: str


SETTINGS: dict[str, Setting] = {
    # Notes and title flags (SPEC 1, 2)
    "CHRONICLES_UPDATE_WORDS": Setting(
        tuple(ENGLISH_FILE["update_words"]), words,
        "Words that start an update note and flag a title."),
    "CHRONICLES_CORRECTION_WORDS": Setting(
        tuple(ENGLISH_FILE["correction_words"]), words,
        "Words that start a correction note and flag a title."),
    "CHRONICLES_CLARIFICATION_WORDS": Setting(
        tuple(ENGLISH_FILE["clarification_words"]), words,
        "Words that start a clarification note."),
    "CHRONICLES_RETRACTION_WORDS": Setting(
        tuple(ENGLISH_FILE["retraction_words"]), words,
        "Words that start a retraction note."),
    "CHRONICLES_EDITORS_NOTE_WORDS": Setting(
        tuple(ENGLISH_FILE["editors_note_words"]), words,
        "Words that start an editor's note."),
    "CHRONICLES_TITLE_FLAGS": Setting(
        True, boolean,
        "Remove (UPDATE), [UPDATE], UPDATE:, UPDATE 2-, (CORRECTED)... from titles and flag the post."),
    "CHRONICLES_DAYFIRST": Setting(
        None, boolean_or_none,
        "Read numeric dates in DEFAULT_LANG posts as day first (03/04/2024 is 3 April); None: as the language does."),
    "CHRONICLES_LABELS": Setting(
        {}, labels,
        "Labels of DEFAULT_LANG you change; the others are the language's own."),
    "CHRONICLES_LANGUAGES": Setting(
        {}, languages,
        "Per language: words to add, labels and day-first reading to change, or a language to add."),
    "CHRONICLES_UPDATE_LOG": Setting(
        True, boolean,
        "Put a list of a post's notes, linked to their anchors, at the top of the post."),
    "CHRONICLES_UPDATES_FEED": Setting(
        "feeds/updates.atom.xml", path_or_none,
        "Atom feed of notes, newest first; None turns it off. Unset: written when Pelican writes feeds."),
    "CHRONICLES_UPDATES_SAVE_AS": Setting(
        "updates/index.html", path_or_none,
        "The site-wide 'Updates and corrections' page; None turns it off."),
    "CHRONICLES_UPDATES_URL": Setting("updates/", url, "URL of that page."),
    # Source attribution (SPEC 3-7)
    "CHRONICLES_QUESTION_WORDS": Setting(
        tuple(ENGLISH_FILE["question_words"]), words, "Transcript labels for the interviewer."),
    "CHRONICLES_ANSWER_WORDS": Setting(
        tuple(ENGLISH_FILE["answer_words"]), words, "Transcript labels for the person answering."),
    "CHRONICLES_SOURCES_LIST": Setting(
        True, boolean, "List a post's sources at its end (aside.chronicles-sources)."),
    "CHRONICLES_COUNTRIES_LIST": Setting(
        True, boolean, "List a post's countries at its end (aside.chronicles-countries)."),
    "CHRONICLES_SOURCES_SAVE_AS": Setting(
        "sources/index.html", path_or_none, "The sources index; None turns it off."),
    "CHRONICLES_SOURCES_URL": Setting("sources/", url, "URL of the sources index."),
    "CHRONICLES_SOURCE_SAVE_AS": Setting(
        "sources/{slug}.html", path_pattern, "One page per source."),
    "CHRONICLES_SOURCE_URL": Setting("sources/{slug}.html", path_pattern, "URL of a source page."),
    "CHRONICLES_COUNTRIES_SAVE_AS": Setting(
        "countries/index.html", path_or_none, "The countries index; None turns it off."),
    "CHRONICLES_COUNTRIES_URL": Setting("countries/", url, "URL of the countries index."),
    "CHRONICLES_COUNTRY_SAVE_AS": Setting(
        "countries/{slug}.html", path_pattern, "One archive page per country."),
    "CHRONICLES_COUNTRY_URL": Setting("countries/{slug}.html", path_pattern, "URL of a country page."),
    "CHRONICLES_SPEAKERS_SAVE_AS": Setting(
        "speakers/index.html", path_or_none, "The speakers index; None turns it off."),
    "CHRONICLES_SPEAKERS_URL": Setting("speakers/", url, "URL of the speakers index."),
    "CHRONICLES_SPEAKER_SAVE_AS": Setting(
        "speakers/{slug}.html", path_pattern, "One statements page per named speaker."),
    "CHRONICLES_SPEAKER_URL": Setting("speakers/{slug}.html", path_pattern, "URL of a statements page."),
    "CHRONICLES_JSONLD": Setting(
        True, boolean, "Add NewsArticle JSON-LD to every article page."),
    "CHRONICLES_PUBLISHER": Setting(
        {}, publisher_links,
        "The JSON-LD publisher's policy pages and logo: URLs by schema.org property (correctionsPolicy...)."),
    # Version history (SPEC 17)
    "CHRONICLES_HISTORY": Setting(
        False, boolean,
        "For a site kept in git: list each post's revisions and write a page of what each changed."),
    "CHRONICLES_HISTORY_PATH": Setting(
        "history/", history_dir,
        "The folder of the history pages, under which each post's page has the post's own path."),
    # The chronicle archive (SPEC 8)
    "CHRONICLES_ARCHIVE": Setting(
        True, boolean, "Make the site's archives page the chronicle archive."),
    "CHRONICLES_ARCHIVE_MAP": Setting(
        True, boolean, "Put a small world map of the posts' countries atop the chronicle archive."),
    "CHRONICLES_FILTER_SCRIPT": Setting(
        True, boolean, "Add the small filter-as-you-type script to archive pages."),
    "CHRONICLES_STATIC_URL": Setting(
        "theme/chronicles/", output_dir,
        "Where the stylesheet and script are copied in the output (a folder, ending with '/')."),
    "CHRONICLES_STYLESHEET": Setting(
        True, stylesheet,
        "Link the bundled stylesheet (True), none (False), or your own URL instead."),
}


# The Markdown extension's options and the settings they come from, so that
# the extension's defaults are these settings' defaults. The word lists are
# named as in the language files (languages.WORD_KEYS): this is the one table
# of the words' settings.
EXTENSION_OPTIONS = {
    "update_words": "CHRONICLES_UPDATE_WORDS",
    "correction_words": "CHRONICLES_CORRECTION_WORDS",
    "clarification_words": "CHRONICLES_CLARIFICATION_WORDS",
    "retraction_words": "CHRONICLES_RETRACTION_WORDS",
    "editors_note_words": "CHRONICLES_EDITORS_NOTE_WORDS",
    "question_words": "CHRONICLES_QUESTION_WORDS",
    "answer_words": "CHRONICLES_ANSWER_WORDS",
    "labels": "CHRONICLES_LABELS",
    "dayfirst": "CHRONICLES_DAYFIRST",
    "languages": "CHRONICLES_LANGUAGES",
    "update_log": "CHRONICLES_UPDATE_LOG",
    "sources_list": "CHRONICLES_SOURCES_LIST",
    "countries_list": "CHRONICLES_COUNTRIES_LIST",
}


def check(settings: dict) -> dict:
    """Return every CHRONICLES_* setting, validated, defaults filled in.

    Raises SettingsError naming the first wrong setting. Unknown
    CHRONICLES_* names are an error too: they are almost always typos.
    """
    unknown = sorted(k for k in settings if k.startswith("CHRONICLES_") and k not in SETTINGS)
    if unknown:
        raise SettingsError(
            f"{unknown[0]} is not a pelican-chronicles setting; "
            f"the settings are listed in the README"
        )
    checked = {}
    for name, setting in SETTINGS.items():
        value = settings.get(name, setting.default)
        try:
            checked[name] = setting.validate(value)
        except ValueError as err:
            raise SettingsError(f"{name} must be {err}, not {value!r}") from None
    if "CHRONICLES_UPDATES_FEED" not in settings and not writes_feeds(settings):
        # Unset, the updates feed follows Pelican's own: a development
        # configuration that turns them off turns it off too.
        checked["CHRONICLES_UPDATES_FEED"] = None
    check_outputs(checked, settings)
    return checked


# Pelican's own feeds, as its settings name them.
PELICAN_FEEDS = (
    "FEED_ATOM", "FEED_RSS", "FEED_ALL_ATOM", "FEED_ALL_RSS", "CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS",
    "AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS", "TAG_FEED_ATOM", "TAG_FEED_RSS",
    "TRANSLATION_FEED_ATOM", "TRANSLATION_FEED_RSS",
)


def writes_feeds(settings: dict) -> bool:
    """Whether Pelican writes any feed with these settings (a feed setting
    left out has Pelican's default)."""
    return any(settings.get(name, DEFAULT_CONFIG.get(name)) for name in PELICAN_FEEDS)


def output_shape(path: str) -> str:
    """An output path as compared with others: normalised, each placeholder
    written ``{}``."""
    return re.sub(r"\{[^{}]*\}", "{}", posixpath.normpath(path.replace("\\", "/")))


# Pelican's feed settings: FEED_ATOM, FEED_ALL_RSS, CATEGORY_FEED_ATOM, ...
FEED_PREFIXES = ("FEED_", "CATEGORY_FEED_", "AUTHOR_FEED_", "TAG_FEED_", "TRANSLATION_FEED_")


def pelican_outputs(settings: dict) -> list[tuple[str, str]]:
    """(setting, path) of what Pelican writes: its ``*_SAVE_AS`` and feed
    settings, the ``TEMPLATE_PAGES`` targets and the direct templates."""
    outputs = [
        (name, value)
        for name, value in settings.items()
        if not name.startswith("CHRONICLES_")
        and (name.endswith("_SAVE_AS") or name.startswith(FEED_PREFIXES) and name.endswith(("_ATOM", "_RSS")))
        and isinstance(value, str)
        and value
    ]
    pages = settings.get("TEMPLATE_PAGES")
    if isinstance(pages, dict):
        outputs += [("TEMPLATE_PAGES", value) for value in pages.values() if isinstance(value, str) and value]
    # A direct template without its *_SAVE_AS setting is written as Pelican
    # names it: archives.html, tags.html...
    outputs += [
        ("DIRECT_TEMPLATES", f"{name}.html")
        for name in settings.get("DIRECT_TEMPLATES") or ()
        if isinstance(name, str) and f"{name.upper()}_SAVE_AS" not in settings
    ]
    return outputs


def check_outputs(checked: dict, settings: dict) -> None:
    """Raise SettingsError when an output of the plugin is one that Pelican
    or another of the plugin's settings writes: the same file, or pages of
    the same pattern (``tag/{slug}.html``), where a source named like a tag
    would overwrite it."""
    seen = pelican_outputs(settings)
    for name, value in checked.items():
        if not name.endswith(("_SAVE_AS", "_FEED")) or not value:
            continue
        shape = output_shape(value)
        for other, path in seen:
            if output_shape(path) == shape:
                raise SettingsError(
                    f"{name} must be an output of its own: {value!r} is written by {other} too"
                )
        seen.append((name, value))
