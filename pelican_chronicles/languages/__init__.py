"""The languages posts are written in: their marker words, transcript
words, labels, and how they write dates (SPEC 15). No Pelican import.

A post's language is Pelican's (``lang`` metadata, else ``DEFAULT_LANG``).
Each built-in language is a TOML file beside this module (``ru.toml``); a
site adds or changes one with ``CHRONICLES_LANGUAGES``. The words of the
site-wide settings (``CHRONICLES_UPDATE_WORDS``, ...) are recognised in
posts of every language, so ``UPDATE:`` starts a note in a Russian post
too; the labels of ``CHRONICLES_LABELS`` are those of ``DEFAULT_LANG``.

    >>> site = Languages(default="en")
    >>> site.get("ru").labels["sources"]
    'Источники'
    >>> "Обновление" in site.get("ru-RU").update_words
    True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, published as tomli
    import tomli as tomllib

HERE = Path(__file__).parent
WORD_KEYS = ("update_words", "correction_words", "question_words", "answer_words", "date_words")
# Right-to-left scripts, by language: the languages whose CLDR character
# order is right-to-left and that news sites write in.
RTL = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "dv", "sd", "ug", "yi"})


def base(code: str) -> str:
    """The language subtag of a tag: ``pt-BR`` and ``pt_BR`` are ``pt``."""
    return code.replace("_", "-").split("-", 1)[0].lower()


# A language subtag (BCP 47): two or three letters, or up to eight. Only
# such a code names a file; any other text (a path, a NUL, 251 letters) is
# never given to the file system.
_SUBTAG = re.compile("[A-Za-z]{1,8}")


@functools.cache
def builtin(code: str) -> Mapping:
    """The built-in file of a language, or an empty mapping."""
    if not _SUBTAG.fullmatch(code):
        return MappingProxyType({})
    path = HERE / f"{code.lower()}.toml"
    if not path.is_file():
        return MappingProxyType({})
    return MappingProxyType(tomllib.loads(path.read_text(encoding="utf-8")))


def builtin_codes() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in HERE.glob("*.toml")))


@dataclass(frozen=True)
class Language:
    code: str  # as the post gives it: "pt-BR"
    update_words: tuple[str, ...]
    correction_words: tuple[str, ...]
    question_words: tuple[str, ...]
    answer_words: tuple[str, ...]
    date_words: tuple[str, ...]
    labels: Mapping[str, str]
    dayfirst: bool
    rtl: bool

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


def _unique(*groups) -> tuple[str, ...]:
    seen, words = set(), []
    for group in groups:
        for word in group:
            if word.casefold() not in seen:
                seen.add(word.casefold())
                words.append(word)
    return tuple(words)


class Languages:
    """The languages of one build: what the site's settings say, over the
    built-in files. Each language is worked out once, when a post first
    needs it.

    ``words``: the site-wide words (``update_words``, ...), recognised in
    every language. ``labels`` and ``dayfirst``: the site's own for
    ``default`` (``None``: the language's). ``overrides``: the
    ``CHRONICLES_LANGUAGES`` setting, by language: its word lists extend the
    built-in ones, its labels and ``dayfirst`` replace them.
    """

    def __init__(
        self,
        default: str = "en",
        words: Mapping[str, tuple] | None = None,
        labels: Mapping[str, str] | None = None,
        dayfirst: bool | None = None,
        overrides: Mapping[str, Mapping] | None = None,
        english_labels: Mapping[str, str] | None = None,
    ):
        from ..settings import DEFAULT_LABELS, SETTINGS

        self.default = default or "en"
        self.words = {key: tuple(words[key]) if words and key in words else () for key in WORD_KEYS}
        if not words:
            for key, name in (
                ("update_words", "CHRONICLES_UPDATE_WORDS"),
                ("correction_words", "CHRONICLES_CORRECTION_WORDS"),
                ("question_words", "CHRONICLES_QUESTION_WORDS"),
                ("answer_words", "CHRONICLES_ANSWER_WORDS"),
            ):
                self.words[key] = tuple(SETTINGS[name].default)
        self.english = dict(english_labels or DEFAULT_LABELS)
        self.site_labels = dict(labels or {})
        self.site_dayfirst = dayfirst
        self.overrides = {base_or_tag: dict(value) for base_or_tag, value in (overrides or {}).items()}
        self._known: dict[str, Language] = {}

    @classmethod
    def from_settings(cls, settings: Mapping) -> Languages:
        """The languages of a site, from its checked settings."""
        return cls(
            default=settings.get("DEFAULT_LANG") or "en",
            words={
                "update_words": settings["CHRONICLES_UPDATE_WORDS"],
                "correction_words": settings["CHRONICLES_CORRECTION_WORDS"],
                "question_words": settings["CHRONICLES_QUESTION_WORDS"],
                "answer_words": settings["CHRONICLES_ANSWER_WORDS"],
            },
            labels=settings["CHRONICLES_LABELS"],
            dayfirst=settings["CHRONICLES_DAYFIRST"],
            overrides=settings["CHRONICLES_LANGUAGES"],
        )

    def __getstate__(self) -> dict:
        # Pelican's content cache pickles the settings the plugin hands
        # this to; what is worked out is worked out again.
        return {**self.__dict__, "_known": {}}

    def get(self, code: str | None) -> Language:
        """The language of a post whose tag is ``code``; the site's
        (``default``) for None, and for a tag that names no language
        this build or Babel knows (``klingon``, a path, a NUL)."""
        code = code or self.default
        known = self._known.get(code)
        if known is None:
            known = self._known[code] = self._make(code) if self._knows(code) else self.get(None)
        return known

    def _knows(self, code: str) -> bool:
        from ..text import babel_locale

        return (
            code == self.default
            or bool(builtin(base(code)))
            or base(code) in self.overrides
            or code in self.overrides
            or babel_locale(code) is not None
        )

    def _make(self, code: str) -> Language:
        primary = base(code)
        data = builtin(primary)
        own = {**self.overrides.get(primary, {}), **self.overrides.get(code, {})}
        is_default = base(self.default) == primary
        labels = {**self.english, **data.get("labels", {}), **own.get("labels", {})}
        if is_default:
            labels.update(self.site_labels)
        dayfirst = own.get("dayfirst", data.get("dayfirst", False))
        if is_default and self.site_dayfirst is not None and "dayfirst" not in own:
            dayfirst = self.site_dayfirst
        words = {
            key: _unique(own.get(key, ()), data.get(key, ()), self.words[key]) for key in WORD_KEYS
        }
        return Language(
            code=code,
            labels=MappingProxyType(labels),
            dayfirst=bool(dayfirst),
            rtl=primary in RTL,
            **words,
        )


def bcp47(code: str) -> str:
    """A Pelican language code as a BCP 47 tag, for ``lang`` attributes and
    JSON-LD: Pelican's ``lang`` may be written with underscores. Subtags are
    cased as BCP 47 recommends (language lower, script title, region upper);
    after a singleton (``x-``, ``u-``) everything is lower case.

    >>> bcp47("pt_BR"), bcp47("zh_hant_tw"), bcp47("es-419"), bcp47("und")
    ('pt-BR', 'zh-Hant-TW', 'es-419', 'und')
    """
    subtags = code.strip().replace("_", "-").split("-")
    tag = [subtags[0].lower()]
    extension = False  # after a singleton: an extension or private use
    for subtag in subtags[1:]:
        extension = extension or len(tag[-1]) == 1
        if not extension and len(subtag) == 4 and subtag.isalpha():
            tag.append(subtag.title())
        elif not extension and len(subtag) == 2 and subtag.isalpha():
            tag.append(subtag.upper())
        else:
            tag.append(subtag.lower())
    return "-".join(tag)
