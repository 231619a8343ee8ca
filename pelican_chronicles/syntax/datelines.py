"""Datelines (SPEC 3).

A top-level paragraph that begins like a wire report, ``PLACE (Source) -``,
gets its dateline wrapped:

    PYONGYANG (Sputnik) -Earlier in the day ...

    <p><span class="chronicles-dateline"><span class="chronicles-dateline-place">PYONGYANG</span>
    (<span class="chronicles-source">Sputnik</span>) -</span>Earlier in the day ...</p>

PLACE is one to five upper-case words in any script (``WASHINGTON, D.C.``,
``SÃO PAULO``, ``МОСКВА``), perhaps followed by a region as wire styles
write it (``SPRINGFIELD, Ill.``) and a date (``KYIV, June 3``,
``МОСКВА, 20 июня``: read in the post's language);
the dash is ``-``, ``--``, ``–`` or ``—``, with or without spaces. The
author's characters stay exactly as typed. "NATO (the alliance) said" is no
dateline: the source must start with a capital or a digit, a dash must
follow it, and a source that merely spells out the place ("NATO (North
Atlantic Treaty Organization) - ...") is an acronym, not an agency.

The national wire forms are datelines too (SPEC 15):

* TASS: ``МОСКВА, 20 июня. /ТАСС/.``, the source between slashes;
* RIA: ``МОСКВА, 20 июн — РИА Новости.``, the date required, a dash
  between spaces, then the source, one to three words that start with a
  capital or a digit, up to its full stop;
* Interfax: ``Москва. 20 июня. INTERFAX.RU -``, the place capitalized, a
  date, the source in capitals;
* Xinhua: ``新华社北京6月20日电``, the agency first (a name ending in 社 or
  网), then the place and the date, perhaps followed by the reporters
  (``（记者 ...）``);
* ``PLACE (AGENCY) -`` in scripts without case (Arabic, Persian, Hebrew,
  Chinese, Devanagari): ``القاهرة (رويترز) -``, ``नई दिल्ली, 20 जून (भाषा) -``.
  Case cannot tell a place from the first words of a sentence here, so the
  shape must be tight: one to three words of letters only (no digit, no
  punctuation), each of at most 15 letters (8 in Chinese and Japanese,
  which write no spaces), perhaps a date after a comma; a source of at
  most four words and 40 characters without sentence punctuation; at most
  one space before the parenthesis and after it, then the dash at once,
  and not the Chinese sentence dash ``——``; all on the paragraph's first
  line.

The wire forms of the agencies of the Global Majority, in English too:

* ``Nairobi (Reuters) -``, ``Lagos, Nigeria (AP) —``, ``Lima, 20 jun
  (EFE).-``: a title-case place (particles such as "de" or "es" between
  its capitalized words), perhaps a region and a date, then an agency
  ``AGENCIES`` names, exactly as typed, and the dash at once (after at most
  one space, or a full stop: Spanish ``).-``, which the upper-case form
  takes as well). Only known agencies: "Kenya (Nation) -" and "Kenya
  (KEN) -" look the same and are sentences;
* ``Jan 3 (Reuters) -``: a date and a known agency, a dateline without a
  place;
* ``القاهرة - رويترز:``, ``دبي - وام -``, ``تهران- ایرنا-``: one to three
  caseless words, a dash, an agency ``UNBRACKETED_AGENCIES`` names for the
  post's language, a colon or a dash.

A date in a dateline is kept as typed (``Dateline.date_text``); it counts
as one when it reads as a date in the post's language.

No regular expression here scans more than a bounded prefix of the
paragraph, so a paragraph of any length costs the same.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from .. import dates
from .common import ConventionProcessor, element, is_plain_paragraph, top_level_runs

MAX_WORDS = 5  # upper-case words in PLACE
MAX_REGION_WORDS = 3  # words of the region after them: "SPRINGFIELD, Ill."
MAX_HEAD = 120  # characters before the opening parenthesis: place and date
MAX_SOURCE = 60  # characters of the source's name

# The shape, anchored and bounded: up to MAX_HEAD characters without a
# parenthesis or line break that start with a letter, "(", a source that
# starts with a letter or digit, ")", optional spaces, the dash. Each part
# stops at the first character that can end it, so matching is linear; the
# words of the head are checked in Python.
_DATELINE = re.compile(
    rf"(?P<head>[^\W\d_][^()\n]{{1,{MAX_HEAD - 1}}})"
    rf"\((?P<source>[^\W_][^()\n]{{0,{MAX_SOURCE - 1}}})\)"
    r"(?P<dash>(?:\.|[ \t]{0,8})(?:--|[-–—]))"
)
# A word of a place: letters (and combining accents), and the punctuation of
# place names: "WASHINGTON, D.C.", "PORT-AU-PRINCE", "N'DJAMENA",
# "BEIJING/WASHINGTON". Whether it is upper-case is str.isupper's to say.
_PLACE_WORD = re.compile(r"(?:[^\W\d_]|[.,'’/\u0300-\u036f-])+")

# --- TASS: "МОСКВА, 20 июня. /ТАСС/." ------------------------------------------
# The source between slashes, the first after a space; a full stop may follow.
_SLASHED_SOURCE = re.compile(rf"[^\W_][^/()\n]{{0,{MAX_SOURCE - 1}}}/\.?")

# --- RIA: "МОСКВА, 20 июн — РИА Новости." -------------------------------------------
MAX_DASHED_SOURCE_WORDS = 3
# The head up to the first dash between spaces, the source's words up to a
# full stop that ends a sentence: no parenthesis, slash or full stop in
# either, so each part stops at the first character that can end it.
_DASHED = re.compile(
    rf"(?P<head>[^\W\d_][^()/\n–—-]{{1,{MAX_HEAD - 1}}}?)[ \t\u00a0](?:--|[-–—])[ \t\u00a0]"
    rf"(?P<source>[^\W_][^\s.()/]{{0,29}}(?:[ \t][^\W_][^\s.()/]{{0,29}}){{0,{MAX_DASHED_SOURCE_WORDS - 1}}})"
    r"\.(?=\s|$)"
)

# --- Interfax: "Москва. 20 июня. INTERFAX.RU -" ---------------------------------
MAX_DOTTED_PLACE = 40  # characters of the capitalized place
MAX_WIRE_WORDS = 3  # words of the agency's name in capitals: "INTERFAX.RU"
# The date up to its full stop, then the agency's name up to the dash, which
# has a space before it ("ИНТЕРФАКС-ЮГ -").
_DOTTED_REST = re.compile(
    rf"(?P<date>[^.()/\n]{{1,{dates.MAX_DATE}}})\.[ \t]{{1,8}}"
    rf"(?P<source>[^\W_][^\s()/]{{0,29}}(?:[ \t][^\s()/]{{1,30}}){{0,{MAX_WIRE_WORDS - 1}}}?)"
    r"(?P<dash>[ \t]{1,8}(?:--|[-–—]))"
)
_WIRE_WORD = re.compile(r"[^\W_](?:[^\W_]|[.&-])*")

# --- Xinhua: "新华社北京6月20日电（记者 ...）" ---------------------------------
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_XINHUA = re.compile(
    rf"(?P<source>[{_HAN}]{{1,5}}?[社网網])(?P<place>[{_HAN}]{{1,10}})"
    r"(?P<date>(?:[0-9０-９]{4}年)?[0-9０-９]{1,2}月[0-9０-９]{1,2}日)[电電]"
    r"(?:[ \t\u3000]{0,2}[（(][记記]者[^（）()\n]{0,60}[）)])?"
)

# --- PLACE (AGENCY) - in scripts without case ------------------------------------
MAX_CASELESS_WORDS = 3  # words of the place
MAX_CASELESS_SOURCE_WORDS = 4  # words of the source
MAX_CASELESS_SOURCE = 40  # characters of the source
MAX_CASELESS_WORD = 15  # letters of a word
MAX_UNSPACED_WORD = 8  # letters of a word in a script written without spaces
# Everything after the closing parenthesis: at most one space, the dash, and
# not the Chinese sentence dash "——".
_CASELESS_DASH = re.compile(r"[ \u00a0]?(?:--|[-–]|—(?!—))")
# Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]")
# Joiners and the punctuation that names are written with: Persian's
# zero-width non-joiner, hyphens and the Hebrew maqaf, apostrophes and
# the Hebrew geresh and gershayim.
_IN_NAMES = frozenset("\u200c\u200d-\u05be'’\u05f3\u05f4")
# What ends or splits a sentence or a clause, in the scripts of the world's
# news, and parentheses: a source holding one is words, not an agency's name.
_SENTENCE_PUNCTUATION = frozenset(",;:!?\"«»“”„،؛؟۔。，、；：！？।॥()（）")


def is_place_word(word: str) -> bool:
    """An upper-case word in any script: letters (and their accents) and the
    punctuation of place names, with at least one letter, none lower-case."""
    return word.isupper() and _PLACE_WORD.fullmatch(word) is not None


def is_caseless_word(word: str, max_letters: int = MAX_CASELESS_WORD) -> bool:
    """A word of a script without case (Arabic, Hebrew, Chinese,
    Devanagari...): letters that are neither upper- nor lower-case, their
    combining marks and the joiners and hyphens of names, no digit."""
    if not word or len(word) > max_letters or not word[0].isalpha():
        return False
    for ch in word:
        if ch.isalpha():
            if ch.isupper() or ch.islower():
                return False
        elif ch not in _IN_NAMES and unicodedata.category(ch)[0] != "M":
            return False
    return not (len(word) > MAX_UNSPACED_WORD and _UNSPACED.search(word))


def is_capitalized_word(word: str) -> bool:
    """A word that starts with a capital: "Москва", "Ростов-на-Дону"."""
    return word[:1].isupper() and all(ch.isalpha() or ch in _IN_NAMES for ch in word)


def spells_out(place: str, source: str) -> bool:
    """True when ``source`` expands the acronym ``place``: NATO (North
    Atlantic Treaty Organization)."""
    words = source.split()
    if len(words) < 2:  # "Sputnik": an agency's name, no expansion
        return False
    letters = "".join(filter(str.isalpha, place))
    initials = "".join(w[0] for w in words if w[0].isupper())
    return initials.casefold() == letters.casefold()


def is_date(text: str, lang: str | None = None, dayfirst: bool = False) -> bool:
    """Whether ``text`` reads as a date in the language ``lang``."""
    return bool(text) and len(text) <= dates.MAX_DATE and dates.probe(text, dayfirst, lang) is not None


class Match(NamedTuple):
    """Where the parts of a dateline stand in the paragraph's text. Place
    and source may come in either order (Xinhua names the agency first)."""

    place_start: int
    place_end: int  # a trailing comma excluded
    source_start: int
    source_end: int
    end: int  # just after the dash, or what ends the dateline
    date_text: str | None


def is_region(text: str) -> bool:
    """A state or region after the city, as wire styles write it:
    "SPRINGFIELD, Ill.", "PORT ELARA, North Coast"."""
    words = text.split()
    return 0 < len(words) <= MAX_REGION_WORDS and all(
        w[0].isupper() and _PLACE_WORD.fullmatch(w) for w in words
    )


def match(text: str, lang: str | None = None, dayfirst: bool = False) -> Match | None:
    """The dateline at the start of ``text``, or None; a date in it is read
    in the language ``lang``."""
    first = text[:1]
    if first.isupper():
        # The place's first word is upper-case: "The council (...)" is passed
        # over at its second character, unless it may be Interfax's form.
        if text[1:2].islower():
            # Two tests of the first characters, each a slice and an "in",
            # which cost less than str.find with bounds or a call.
            if "(" in text[2 : MAX_HEAD + 1]:
                paren = text.index("(", 2)
                if text[paren + 1 : paren + 2] in _AGENCY_INITIALS:  # not "(https://" or "(the"
                    found = titled(text, paren, lang, dayfirst)
                    if found:
                        return found
            if ". " not in text[1 : MAX_DOTTED_PLACE + 2]:  # dotted's own first test
                return None
            return dotted(text, lang, dayfirst)
        paren = text.find("(", 1, MAX_HEAD + 1)
        slash = text.find(" /", 1, MAX_HEAD + 1)
        found = None
        if slash != -1 and (paren == -1 or slash < paren):
            found = slashed(text, slash, lang, dayfirst)
        if found is None and paren != -1:
            found = parenthesized(text, lang, dayfirst)
        return found or dotted(text, lang, dayfirst) or dashed(text, lang, dayfirst)
    if first.isalpha() and not first.islower():
        if "月" in text[:24]:
            found = xinhua(text, lang, dayfirst)
            if found:
                return found
        return caseless(text, lang, dayfirst) or unbracketed(text, lang)
    return None


def read_head(head: str, source: str, lang: str | None, dayfirst: bool, stop: bool = False):
    """The upper-case place at the start of ``head`` and the date after it:
    (end of the place, the date or None), or None when ``head`` is not a
    place. ``stop``: the date may end in a full stop (TASS)."""
    place_end = count = 0
    for word in head.split(None, MAX_WORDS)[:MAX_WORDS]:
        if not is_place_word(word):
            break
        place_end = head.index(word, place_end) + len(word)
        count += 1
    if count == 0:
        return None
    if head[place_end - 1] == ",":
        place_end -= 1
    elif stop and head[place_end - 1] == "." and "." not in word_before(head, place_end - 1):
        place_end -= 1  # "МОСКВА. /ТАСС/.": the full stop, not "D.C."
    if sum(map(str.isalpha, head[:place_end])) < 2:
        return None
    rest = head[place_end:].lstrip(" \t")
    if rest.startswith(","):
        region = rest[1:].split(",", 1)[0].strip()
        if stop:
            region = region.removesuffix(".")
        if not is_date(region, lang, dayfirst) and is_region(region):
            place_end = head.index(region, place_end) + len(region)
    rest = head[place_end:].strip(" \t,")
    if stop:
        rest = rest.removesuffix(".").rstrip(" \t,")
    if rest and not is_date(rest, lang, dayfirst):
        return None
    if count == 1 and spells_out(head[:place_end], source):
        return None
    return place_end, rest or None


def word_before(text: str, end: int) -> str:
    """The word of ``text`` that ends at ``end``."""
    return text[: end].rsplit(None, 1)[-1]


def parenthesized(text: str, lang: str | None, dayfirst: bool) -> Match | None:
    """``PLACE[, date] (Source) -``."""
    found = _DATELINE.match(text)
    if not found:
        return None
    head, source = found.group("head"), found.group("source")
    if not (source[0].isupper() or source[0].isdigit()):
        return None
    place = read_head(head, source, lang, dayfirst)
    if place is None:
        return None
    place_end, date = place
    return Match(0, place_end, found.start("source"), found.end("source"), found.end(), date)


def slashed(text: str, slash: int, lang: str | None, dayfirst: bool) -> Match | None:
    """TASS: ``МОСКВА, 20 июня. /ТАСС/.`` (``slash``: where " /" is)."""
    head = text[: slash + 1]
    if "\n" in head or "(" in head:
        return None
    found = _SLASHED_SOURCE.match(text, slash + 2)
    if not found:
        return None
    source_end = text.index("/", found.start())
    source = text[found.start() : source_end]
    if not (source[0].isupper() or source[0].isdigit()):
        return None
    place = read_head(head, source, lang, dayfirst, stop=True)
    if place is None:
        return None
    place_end, date = place
    return Match(0, place_end, found.start(), source_end, found.end(), date)


def dashed(text: str, lang: str | None, dayfirst: bool) -> Match | None:
    """RIA: ``МОСКВА, 20 июн — РИА Новости.``: the upper-case place, a
    date, a dash between spaces, the source up to its full stop."""
    found = _DASHED.match(text)
    if not found:
        return None
    source = found.group("source")
    if not all(word[0].isupper() or word[0].isdigit() for word in source.split()):
        return None
    place = read_head(found.group("head"), source, lang, dayfirst)
    if place is None or place[1] is None:  # without its date, "MOSCOW — Officials." is a sentence
        return None
    place_end, date = place
    return Match(0, place_end, found.start("source"), found.end("source"), found.end(), date)


def dotted(text: str, lang: str | None, dayfirst: bool) -> Match | None:
    """Interfax: ``Москва. 20 июня. INTERFAX.RU -``: one to three
    capitalized words, a date, an agency's name in capitals."""
    stop = text.find(". ", 1, MAX_DOTTED_PLACE + 2)
    if stop == -1:
        return None
    words = text[:stop].split(" ")
    if len(words) > MAX_WIRE_WORDS or not all(map(is_capitalized_word, words)):
        return None
    found = _DOTTED_REST.match(text, stop + 2)
    if not found:
        return None
    date, names = found.group("date").strip(" \t"), found.group("source").split()
    if not (
        len(names) <= MAX_WIRE_WORDS
        and all(w.isupper() and _WIRE_WORD.fullmatch(w) and sum(map(str.isalpha, w)) >= 2 for w in names)
        and is_date(date, lang, dayfirst)
    ):
        return None
    return Match(0, stop, found.start("source"), found.end("source"), found.end(), date)


def xinhua(text: str, lang: str | None, dayfirst: bool) -> Match | None:
    """Xinhua and the Chinese agencies that write like it:
    ``新华社北京6月20日电``, perhaps followed by ``（记者 ...）``."""
    found = _XINHUA.match(text)
    if not found or not is_date(found.group("date"), lang, dayfirst):
        return None
    return Match(
        found.start("place"), found.end("place"), found.start("source"), found.end("source"),
        found.end(), found.group("date"),
    )


def caseless(text: str, lang: str | None, dayfirst: bool) -> Match | None:
    """``PLACE (AGENCY) -`` in a script without case, in the tight shape the
    module's docstring gives."""
    head_end = -1
    for ch in "(（":
        at = text.find(ch, 1, MAX_HEAD + 1)
        if at != -1 and (head_end == -1 or at < head_end):
            head_end = at
    if head_end == -1:
        return None
    head = text[:head_end]
    if "\n" in head:
        return None
    close = -1
    for ch in ")）":
        at = text.find(ch, head_end + 1, head_end + MAX_CASELESS_SOURCE + 2)
        if at != -1 and (close == -1 or at < close):
            close = at
    if close == -1:
        return None
    source = text[head_end + 1 : close]
    dash = _CASELESS_DASH.match(text, close + 1)
    if not dash or not is_agency(source):
        return None
    if head.endswith((" ", "\u00a0")):
        head = head[:-1]
    comma = min((at for at in (head.find(","), head.find("،")) if at != -1), default=len(head))
    place, date = head[:comma], head[comma + 1 :].strip(" \u00a0") or None
    words = place.split(" ")
    if len(words) > MAX_CASELESS_WORDS or not all(map(is_caseless_word, words)):
        return None
    if comma < len(head) and not (date and dates.has_digit(date) and is_date(date, lang, dayfirst)):
        return None
    return Match(0, comma, head_end + 1, close, dash.end(), date)


def is_agency(source: str) -> bool:
    """The name of an agency in a dateline of a script without case: a few
    words that start with a letter or a digit (a capital in a script with
    case), with two letters at least and no sentence punctuation."""
    words = source.split(" ")
    first = source[:1]
    if not first.isalnum() or first.islower() or len(source) > MAX_CASELESS_SOURCE:
        return False
    if sum(map(str.isalpha, source)) < 2:  # "(2019)": a year, not an agency
        return False
    if len(words) > MAX_CASELESS_SOURCE_WORDS or not all(words) or "\n" in source:
        return False
    if any(ch in _SENTENCE_PUNCTUATION for ch in source):
        return False
    return not any(len(w) > MAX_UNSPACED_WORD and _UNSPACED.search(w) for w in words)


# --- Title-case places, and no place: "Nairobi (Reuters) -", "Jan 3 (Reuters) -" -----
# An agency's name as the wires write it in their own datelines. In the
# upper-case form any capitalized source is one; after a title-case place
# or a date, where ordinary sentences look the same ("Kenya (Nation) -"),
# only these names are.
AGENCIES = frozenset(
    {
        "AA", "ABI", "ACP", "AFP", "AIM", "ANA", "ANGOP", "ANI", "ANSA", "ANTARA", "AP", "APA", "APP", "APS",
        "Agência Brasil", "Anadolu", "Anadolu Agency", "Andina", "Antara", "BNA", "BSS", "BTA", "Bernama",
        "Bloomberg", "CNA", "DPA", "EFE", "ENA", "Europa Press", "IANS", "IPS", "IRNA", "ISNA", "Interfax",
        "Jiji", "KCNA", "KNA", "KUNA", "Kyodo", "Kyodo News", "Lusa", "MAP", "MENA", "MTI", "NAN", "NNA",
        "Notimex", "ONA", "PANA", "PNA", "PTI", "Petra", "Prensa Latina", "QNA", "Reuters", "RIA Novosti", "SANA", "SPA",
        "Sputnik", "TAP", "TASS", "Tasnim", "Télam", "UNB", "UNI", "UPI", "Ukrinform", "VNA", "WAFA", "WAM",
        "Xinhua", "Yonhap", "dpa", "ИТАР-ТАСС", "Интерфакс", "РИА Новости", "Рейтер", "Синьхуа", "ТАСС", "УНИАН",
        "Укринформ",
    }
)
MAX_AGENCY = max(map(len, AGENCIES))
_AGENCY_INITIALS = frozenset(name[0] for name in AGENCIES)
# The lower-case words inside a place's name: "Dar es Salaam", "Port of
# Spain", "Ciudad de México", "Frankfurt am Main".
PARTICLES = frozenset(
    "al am an da das de del der des di do dos du e el en es la las le les los of on sur upon van von y".split()
)
# After the agency's closing parenthesis: a full stop (Spanish ".-") or at
# most one space, then the dash.
_TITLED_DASH = re.compile(r"(?:\.|[ \u00a0])?(?:--|[-–—])")


def is_titled_place(text: str) -> bool:
    """One to five words, the first and last capitalized, lower-case
    particles between: "Nairobi", "Dar es Salaam", "Ciudad de México"."""
    words = text.split()
    if not 0 < len(words) <= MAX_WORDS or sum(map(str.isalpha, text)) < 2:
        return False
    for i, word in enumerate(words):
        if word[0].isupper() and _PLACE_WORD.fullmatch(word):
            continue
        if 0 < i < len(words) - 1 and word in PARTICLES:
            continue
        return False
    return True


def titled(text: str, paren: int, lang: str | None, dayfirst: bool) -> Match | None:
    """``Nairobi (Reuters) -``, ``Lagos, Nigeria (AP) —``, ``Lima, 20 jun
    (EFE).-``, and with no place ``Jan 3 (Reuters) -``: a title-case place
    or a date, a known agency (``AGENCIES``) in parentheses, the dash at once
    (``paren``: where the opening parenthesis is)."""
    close = text.find(")", paren + 1, paren + MAX_AGENCY + 2)
    if close == -1 or text[paren + 1 : close] not in AGENCIES:
        return None
    dash = _TITLED_DASH.match(text, close + 1)
    if not dash:
        return None
    head = text[:paren].rstrip(" \t\u00a0")
    if "\n" in head or "(" in head:
        return None
    if is_date(head, lang, dayfirst):  # no place: the date as typed
        return Match(0, 0, paren + 1, close, dash.end(), head)
    place, _, rest = head.partition(",")
    if not is_titled_place(place):
        return None
    place_end = len(place.rstrip())
    if rest:
        region, _, after = rest.partition(",")
        region = region.strip()
        if not is_date(region, lang, dayfirst) and is_region(region):
            place_end = head.index(region, place_end) + len(region)
            rest = after
        rest = rest.strip(" \t\u00a0")
        if rest and not is_date(rest, lang, dayfirst):
            return None
    return Match(0, place_end, paren + 1, close, dash.end(), rest or None)


# --- Arabic and Persian without parentheses: "دبي - وام -", "تهران- ایرنا-" -------
# The agencies that write this form, by the post's language; in a post of
# another language, both lists. "وام" is an agency in Arabic and a loan in
# Persian, so a Persian post reads only the Persian list.
UNBRACKETED_AGENCIES = {
    "ar": frozenset(
        {"رويترز", "وام", "واس", "كونا", "بترا", "سانا", "قنا", "بنا", "العمانية", "الأناضول", "شينخوا",
         "أ ف ب", "فرانس برس", "د ب أ", "أ ش أ", "وفا", "سبأ", "معا"}
    ),
    "fa": frozenset({"ایرنا", "ایسنا", "ایلنا", "ایکنا", "تسنیم"}),
}
_ANY_UNBRACKETED = frozenset().union(*UNBRACKETED_AGENCIES.values())
# The place up to a dash (at most one space before it and after it), the
# agency up to a dash or a colon (after at most one space). Both parts are
# bounded and stop at the first dash, colon, parenthesis or line break.
_UNBRACKETED = re.compile(
    r"(?P<place>[^\W\d_][^\n()\-–—:]{0,60}?)[ \u00a0]?(?:--|[-–—])[ \u00a0]?"
    r"(?P<source>[^\W\d_][^\n()\-–—:]{0,20}?)(?P<end>[ \u00a0]?(?:--|[-–—:]))"
)


def unbracketed(text: str, lang: str | None) -> Match | None:
    """``القاهرة - رويترز:``, ``دبي - وام -``, ``تهران- ایرنا-``: one to three
    caseless words, a dash, a known agency, a dash or a colon."""
    found = _UNBRACKETED.match(text)
    if not found:
        return None
    agencies = UNBRACKETED_AGENCIES.get(dates_language(lang), _ANY_UNBRACKETED)
    if found.group("source") not in agencies:
        return None
    words = found.group("place").split(" ")
    if len(words) > MAX_CASELESS_WORDS or not all(map(is_caseless_word, words)):
        return None
    return Match(0, found.end("place"), found.start("source"), found.end("source"), found.end(), None)


def dates_language(lang: str | None) -> str:
    """The base language of ``lang``: "ar" for "ar_EG"."""
    return (lang or "").replace("-", "_").split("_", 1)[0].lower()


class DatelineProcessor(ConventionProcessor):
    def apply(self, root):
        language = None
        for _container, blocks in top_level_runs(root):
            for el in blocks:
                if is_plain_paragraph(el):
                    if language is None:
                        language = self.language
                    found = match(el.text, language.code, language.dayfirst)
                    if found:
                        self.wrap(el, found)

    def wrap(self, p, found: Match):
        """The dateline as elements; the author's words in them are left to
        inline Markdown (and abbreviations), as they would have been."""
        text = p.text
        dateline = element("span", class_="chronicles-dateline")
        place = element("span", text[found.place_start : found.place_end], class_="chronicles-dateline-place")
        source = element("span", text[found.source_start : found.source_end], class_="chronicles-source")
        spans = [(found.source_start, found.source_end, source)]
        if found.place_end > found.place_start:  # "Jan 3 (Reuters) -" names no place
            spans.append((found.place_start, found.place_end, place))
        spans.sort(key=lambda span: span[0])
        dateline.text = text[: spans[0][0]] or None
        for (_start, end, span), after in zip(spans, [start for start, _end, _span in spans[1:]] + [found.end]):
            span.tail = text[end:after] or None
            dateline.append(span)
        dateline.tail = text[found.end :] or None
        p.text = None
        p.insert(0, dateline)
        self.found.datelines.append((place, source, found.date_text))
        self.found.made.append(dateline)
