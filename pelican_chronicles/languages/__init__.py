"""The languages posts are written in: their marker words, transcript
words, labels, and how they write dates (SPEC 15). No Pelican import.

A post's language is Pelican's (``lang`` metadata, else ``DEFAULT_LANG``).
Each built-in language is a TOML file beside this module (``ru.toml``); a
site adds or changes one with ``CHRONICLES_LANGUAGES``. The words of the
site-wide settings (``CHRONICLES_UPDATE_WORDS``, ...) are recognised in
posts of every language, so ``UPDATE:`` starts a note in a Russian post
too; the labels of ``CHRONICLES_LABELS`` are those of ``DEFAULT_LANG``.
English's file (``en.toml``) gives those settings their defaults: the
settings read this module, never the other way round.

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
# The language whose file gives the site-wide settings their defaults: the
# words of CHRONICLES_UPDATE_WORDS..., the labels CHRONICLES_LABELS changes.
ENGLISH = "en"
WORD_KEYS = (
    "update_words", "correction_words", "clarification_words", "retraction_words", "editors_note_words",
    "question_words", "answer_words", "date_words",
)
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
    clarification_words: tuple[str, ...]
    retraction_words: tuple[str, ...]
    editors_note_words: tuple[str, ...]
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
    every language; English's, from its file, when not given. They are
    English's words: a site that gives its own replaces English's (the
    defaults of ``CHRONICLES_UPDATE_WORDS``... are English's file). ``labels``
    and ``dayfirst``: the site's own for ``default`` (``None``: the
    language's). ``overrides``: the ``CHRONICLES_LANGUAGES`` setting, by
    language: its word lists extend the built-in ones, its labels and
    ``dayfirst`` replace them. A label no file or setting gives is English's.
    """

    def __init__(
        self,
        default: str = ENGLISH,
        words: Mapping[str, tuple] | None = None,
        labels: Mapping[str, str] | None = None,
        dayfirst: bool | None = None,
        overrides: Mapping[str, Mapping] | None = None,
    ):
        self.default = default or ENGLISH
        words = words or builtin(ENGLISH)
        self.words = {key: tuple(words.get(key, ())) for key in WORD_KEYS}
        self.site_labels = dict(labels or {})
        self.site_dayfirst = dayfirst
        self.overrides = {base_or_tag: dict(value) for base_or_tag, value in (overrides or {}).items()}
        self._known: dict[str, Language] = {}

    @staticmethod
    def of(options: Mapping) -> Languages:
        """The languages the Markdown extension's options say: ``lang``, the
        word lists (``update_words``...), ``labels``, ``dayfirst`` and
        ``languages`` (the ``CHRONICLES_LANGUAGES`` setting), all plain
        data. The same options give the same object, its languages worked
        out once: the plugin's handlers and every post's extension share
        them."""
        return shared(
            options.get("lang") or ENGLISH,
            tuple(frozen(options.get(key)) for key in WORD_KEYS),
            frozen(options.get("labels")),
            options.get("dayfirst"),
            frozen(options.get("languages")),
        )

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
        # English's words are the site-wide ones, which replace its file's.
        file_words = {} if primary == ENGLISH else data
        own = {**self.overrides.get(primary, {}), **self.overrides.get(code, {})}
        is_default = base(self.default) == primary
        labels = {**builtin(ENGLISH)["labels"], **data.get("labels", {}), **own.get("labels", {})}
        if is_default:
            labels.update(self.site_labels)
        dayfirst = own.get("dayfirst", data.get("dayfirst", False))
        if is_default and self.site_dayfirst is not None and "dayfirst" not in own:
            dayfirst = self.site_dayfirst
        words = {
            key: _unique(own.get(key, ()), file_words.get(key, ()), self.words[key]) for key in WORD_KEYS
        }
        return Language(
            code=code,
            labels=MappingProxyType(labels),
            dayfirst=bool(dayfirst),
            rtl=primary in RTL,
            **words,
        )


def frozen(value):
    """Plain data (dicts, lists, strings...) as a hashable value: a dict is a
    frozenset of its items, a list a tuple."""
    if isinstance(value, (str, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return tuple(item if isinstance(item, str) else frozen(item) for item in value)
    if isinstance(value, Mapping):
        return frozenset((key, frozen(item)) for key, item in value.items())
    return value


def thawed(value):
    """``frozen``'s value as plain data again: dicts and tuples."""
    if isinstance(value, frozenset):
        return {key: thawed(item) for key, item in value}
    if isinstance(value, tuple):
        return tuple(thawed(item) for item in value)
    return value


@functools.lru_cache(maxsize=16)
def shared(default: str, words: tuple, labels: frozenset | None, dayfirst: bool | None, overrides) -> Languages:
    """``Languages`` for ``frozen`` options (``words``: by ``WORD_KEYS``, None
    where not given), made once for the same ones (``Languages.of``).
    Pelican's Markdown reader makes an extension per post: each would
    otherwise work its language out again."""
    given = {key: each for key, each in zip(WORD_KEYS, words) if each is not None}
    return Languages(default, given, thawed(labels), dayfirst, thawed(overrides))


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
