"""Posts in the languages of the field (SPEC 15): marker words, dates,
labels, transcript words, lang and dir. Input and expected output side by
side, language by language."""

from __future__ import annotations

import datetime
import tomllib

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build_site, convert, normalize
from test_robustness import TOKEN, plain_tokens
from pelican_chronicles import dates
from pelican_chronicles.languages import HERE, Languages, builtin_codes
from pelican_chronicles.settings import DEFAULT_LABELS, SettingsError, check

REQUIRED = ("en", "ru", "zh", "ar", "fa", "hi", "es", "pt", "fr", "tr", "id", "sw", "uk", "de")
UTC = datetime.timezone.utc


def post(lang: str, body: str, date: str = "2024-06-18") -> str:
    return f"Lang: {lang}\nDate: {date}\n\n{body}"


# --- the built-in languages ------------------------------------------------------


@pytest.mark.parametrize("code", REQUIRED)
def test_every_required_language_is_built_in_with_every_label(code):
    data = tomllib.loads((HERE / f"{code}.toml").read_text(encoding="utf-8"))
    assert set(data["labels"]) == set(DEFAULT_LABELS), code
    for key in ("update_words", "correction_words", "question_words", "answer_words"):
        assert data[key], (code, key)
    assert isinstance(data["dayfirst"], bool)
    assert "{shown}" in data["labels"]["filter_status"] and "{total}" in data["labels"]["filter_status"]


def test_the_language_files_are_the_built_in_languages():
    assert set(REQUIRED) <= set(builtin_codes())


def test_english_file_gives_the_site_wide_defaults():
    english = tomllib.loads((HERE / "en.toml").read_text(encoding="utf-8"))
    assert DEFAULT_LABELS == english["labels"]
    assert check({})["CHRONICLES_UPDATE_WORDS"] == tuple(english["update_words"])
    assert check({})["CHRONICLES_ANSWER_WORDS"] == tuple(english["answer_words"])
    assert Languages().get("en").update_words == tuple(english["update_words"])


# --- notes, language by language ----------------------------------------------------


def section(kind, n, label_html, body, lang, rtl=False):
    anchor = f"{kind}-{n}"
    direction = ' dir="rtl"' if rtl else ""
    return (
        f'<section aria-labelledby="{anchor}-label" class="chronicles-note chronicles-{kind}"{direction} id="{anchor}" lang="{lang}">'
        f'<p class="chronicles-note-label" id="{anchor}-label">{label_html}</p>{body}</section>'
    )


@pytest.mark.parametrize(
    "lang, source, expected, rtl",
    [
        pytest.param(
            "ru", "Обновление (20 июня 2024): Заседание перенесли.",
            'Обновление (<time datetime="2024-06-20">20 июня 2024</time>)', False, id="ru-genitive-month",
        ),
        pytest.param(
            "ru", "Обновлено (21 июня 2024 г.): Заседание перенесли.",
            'Обновлено (<time datetime="2024-06-21">21 июня 2024 г.</time>)', False, id="ru-year-word",
        ),
        pytest.param(
            "ru", "Исправление 05.07.2024: Заседание перенесли.",
            'Исправление <time datetime="2024-07-05">05.07.2024</time>', False, id="ru-day-first",
        ),
        pytest.param(
            "ar", "تحديث (11 مارس 2025): تأجلت الجلسة.",
            'تحديث (<time datetime="2025-03-11">11 مارس 2025</time>)', True, id="ar-month",
        ),
        pytest.param(
            "ar", "تحديث (١١ مارس ٢٠٢٥): تأجلت الجلسة.",
            'تحديث (<time datetime="2025-03-11">١١ مارس ٢٠٢٥</time>)', True, id="ar-indic-digits",
        ),
        pytest.param(
            "ar", "تحديث (21 حزيران 2024): تأجلت الجلسة.",
            'تحديث (<time datetime="2024-06-21">21 حزيران 2024</time>)', True, id="ar-levantine-month",
        ),
        pytest.param(
            "fa", "به‌روزرسانی (۲۰ ژوئن ۲۰۲۴): جلسه به تعویق افتاد.",
            'به‌روزرسانی (<time datetime="2024-06-20">۲۰ ژوئن ۲۰۲۴</time>)', True, id="fa-persian-digits",
        ),
        pytest.param(
            "zh", "更新（2024年6月20日）：会议推迟。",
            '更新（<time datetime="2024-06-20">2024年6月20日</time>）', False, id="zh-full-width",
        ),
        pytest.param(
            "hi", "अपडेट (20 जून 2024): बैठक स्थगित हुई।",
            'अपडेट (<time datetime="2024-06-20">20 जून 2024</time>)', False, id="hi-month",
        ),
        pytest.param(
            "es", "Actualización (20 de junio de 2024): La sesión se aplazó.",
            'Actualización (<time datetime="2024-06-20">20 de junio de 2024</time>)', False, id="es-de",
        ),
        pytest.param(
            "de", "Update (20. Juni 2024): Die Sitzung wurde vertagt.",
            'Update (<time datetime="2024-06-20">20. Juni 2024</time>)', False, id="de-ordinal-dot",
        ),
        pytest.param(
            "tr", "Güncelleme (20 Haziran 2024): Oturum ertelendi.",
            'Güncelleme (<time datetime="2024-06-20">20 Haziran 2024</time>)', False, id="tr-month",
        ),
        pytest.param(
            "uk", "Оновлення (20 червня 2024 р.): Засідання перенесли.",
            'Оновлення (<time datetime="2024-06-20">20 червня 2024 р.</time>)', False, id="uk-year-word",
        ),
    ],
)
def test_notes_in_each_language(lang, source, expected, rtl):
    html, chronicle = convert(post(lang, source), meta=True, update_log=False)
    soup = BeautifulSoup(html, "html.parser")
    note = soup.select_one("section.chronicles-note")
    assert normalize(note.p.decode_contents()) == normalize(expected)
    assert note.get("lang") == lang
    assert note.get("dir") == ("rtl" if rtl else None)
    assert note.p.find_next_sibling("p").get_text() == source.split(":", 1)[-1].split("：", 1)[-1].strip()
    assert chronicle.problems == ()


def test_a_numeric_date_follows_the_languages_order():
    _, russian = convert(post("ru", "Исправление 05.07.2024: x"), meta=True)
    _, english = convert(post("en", "CORRECTION 07/05/2024: x"), meta=True)
    assert russian.notes[0].date.date() == english.notes[0].date.date() == datetime.date(2024, 7, 5)


def test_a_numeric_date_read_before_the_post_warns():
    _, chronicle = convert(post("en", "CORRECTION 05.07.2024: x", date="2024-06-18"), meta=True)
    assert [p.message for p in chronicle.problems] == ["this correction note is dated before its post (2024-06-18)"]


def test_english_words_start_notes_in_every_language():
    _, chronicle = convert(post("ru", "UPDATE (20 июня 2024): Текст."), meta=True)
    assert chronicle.notes[0].label == "Update"
    assert chronicle.notes[0].date.date() == datetime.date(2024, 6, 20)


def test_a_word_of_another_language_starts_no_note():
    _, chronicle = convert(post("en", "Обновление: text."), meta=True)
    assert chronicle.notes == ()


def test_the_site_language_applies_to_posts_that_name_none():
    _, chronicle = convert("Date: 2024-06-18\n\nОбновление: текст.", meta=True, lang="ru")
    assert chronicle.notes[0].label == "Обновление"


# --- labels in the post's language ---------------------------------------------------


def test_the_update_log_and_sources_speak_the_posts_language():
    html, _ = convert(post("ru", "Обновление: текст.").replace("\n\n", "\nSources: ТАСС\n\n", 1), meta=True)
    assert "Обновления этой публикации" in html
    assert ">Источники<" in html


def test_the_callout_takes_the_languages_label():
    html, _ = convert(post("ar", "> [!UPDATE] 2025-03-11\n> نص."), meta=True, update_log=False)
    assert 'id="update-1-label">تحديث' in html


def test_a_language_setting_extends_words_and_changes_labels():
    languages = {"ru": {"update_words": ["Апд"], "labels": {"update_log": "Что изменилось"}}}
    html, chronicle = convert(post("ru", "Апд: текст.\n\nОбновление: ещё."), meta=True, languages=languages)
    assert [n.label for n in chronicle.notes] == ["Апд", "Обновление"]
    assert "Что изменилось" in html


def test_a_language_can_be_added_in_settings():
    languages = {"it": {"update_words": ["Aggiornamento"], "labels": {"update_log": "Aggiornamenti"}, "dayfirst": True}}
    html, chronicle = convert(post("it", "Aggiornamento 05/07/2024: testo."), meta=True, languages=languages)
    assert chronicle.notes[0].label == "Aggiornamento"
    assert chronicle.notes[0].date.date() == datetime.date(2024, 7, 5)
    assert "Aggiornamenti" in html


def test_the_site_wide_labels_are_those_of_the_default_language(build):
    site = build({"a.md": "Title: A\nDate: 2024-01-01\n\nText."}, DEFAULT_LANG="ru")
    assert site.pelican.settings["CHRONICLES_LABELS"]["archives"] == "Архив"


def test_chronicles_labels_change_the_default_languages_labels(build):
    site = build({"a.md": "Title: A\nDate: 2024-01-01\n\nText."}, DEFAULT_LANG="ru", CHRONICLES_LABELS={"archives": "Хроника"})
    assert site.pelican.settings["CHRONICLES_LABELS"]["archives"] == "Хроника"
    assert site.pelican.settings["CHRONICLES_LABELS"]["sources"] == "Источники"


@pytest.mark.parametrize(
    "value, message",
    [
        ({"ru": ["Обновление"]}, "CHRONICLES_LANGUAGES must be a dict of language codes"),
        ({"ru": {"words": ["x"]}}, "CHRONICLES_LANGUAGES must be a dict of language codes"),
        ({"ru": {"update_words": "Обновление"}}, "in 'ru': a non-empty list of words"),
        ({"ru": {"labels": {"nope": "x"}}}, "in 'ru': only the keys"),
        ({"ru": {"dayfirst": "yes"}}, "in 'ru': True or False"),
    ],
)
def test_the_language_setting_is_checked(value, message):
    with pytest.raises(SettingsError, match=message):
        check({"CHRONICLES_LANGUAGES": value})


# --- title flags --------------------------------------------------------------------


def test_a_title_flag_in_the_posts_language(build):
    site = build({"a.md": "Title: (ОБНОВЛЕНО) Заседание перенесли\nDate: 2024-06-18\nLang: ru\n\nОбновление: текст.\n"})
    article = site.pelican_articles()[0]
    assert article.title == "Заседание перенесли"
    assert article.chronicles.flags == ("update",)


# --- lang and dir --------------------------------------------------------------------


def test_what_the_plugin_makes_in_an_rtl_post_carries_dir_and_lang():
    source = post(
        "ar",
        "تحديث: نص.\n\nسؤال: ما الجديد؟\n\nجواب: لا شيء.\n\n> نص مقتبس.\n>\n> — ليلى حداد، متحدثة",
    ).replace("\n\n", "\nSources: وكالة\n\n", 1)
    html, _ = convert(source, meta=True)
    soup = BeautifulSoup(html, "html.parser")
    made = soup.select(".chronicles-update-log, .chronicles-note, .chronicles-transcript, .chronicles-sources")
    assert len(made) == 4
    for el in made:
        assert (el.get("dir"), el.get("lang")) == ("rtl", "ar"), el.name


def test_a_post_in_the_sites_language_gets_no_attributes():
    html, _ = convert(post("en", "UPDATE: text."), meta=True)
    assert "lang=" not in html and "dir=" not in html


def test_an_ltr_post_on_an_rtl_site_says_so():
    html, _ = convert(post("en", "UPDATE: text."), meta=True, lang="ar", update_log=False)
    assert 'dir="ltr"' in html and 'lang="en"' in html


# --- the date reader ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("20 июня 2024", "ru", datetime.date(2024, 6, 20)),
        ("20 июнь 2024", "ru", datetime.date(2024, 6, 20)),
        ("20 июн. 2024", "ru", datetime.date(2024, 6, 20)),
        ("2024年6月20日", "zh", datetime.date(2024, 6, 20)),
        ("6月20日", "zh", datetime.date(2024, 6, 20)),
        ("١١ مارس ٢٠٢٥", "ar", datetime.date(2025, 3, 11)),
        ("۲۰ ژوئن ۲۰۲۴", "fa", datetime.date(2024, 6, 20)),
        ("२० जून २०२४", "hi", datetime.date(2024, 6, 20)),
        ("20 de junio de 2024", "es", datetime.date(2024, 6, 20)),
        ("20 de junho de 2024", "pt", datetime.date(2024, 6, 20)),
        ("20 juin 2024", "fr", datetime.date(2024, 6, 20)),
        ("20 Haziran 2024", "tr", datetime.date(2024, 6, 20)),
        ("20 Juni 2024", "id", datetime.date(2024, 6, 20)),
        ("20 Juni 2024", "sw", datetime.date(2024, 6, 20)),
        ("20 червня 2024", "uk", datetime.date(2024, 6, 20)),
        ("20. Juni 2024", "de", datetime.date(2024, 6, 20)),
    ],
)
def test_dates_as_authors_write_them(text, lang, expected):
    after = datetime.datetime(2024, 6, 1, tzinfo=UTC)
    assert dates.parse_date(text, after=after, lang=lang).date() == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("10.30", "id", datetime.datetime(2024, 6, 20, 10, 30)),  # minutes over 12: no month
        ("20 Juni 2024 10.05", "id", datetime.datetime(2024, 6, 20, 10, 5)),  # after a year
        ("pukul 10.05", "id", datetime.datetime(2024, 6, 20, 10, 5)),  # after a time word
        ("20 Juni 2024 pukul 14.45 WIB", "id", datetime.datetime(2024, 6, 20, 7, 45)),
        ("20.06.2024 10.30", "tr", datetime.datetime(2024, 6, 20, 10, 30)),
        ("saat 09.05", "tr", datetime.datetime(2024, 6, 20, 9, 5)),
        ("21.06", "tr", datetime.datetime(2024, 6, 21)),  # a day and a month
    ],
)
def test_times_written_with_a_full_stop(text, lang, expected):
    after = datetime.datetime(2024, 6, 20, 8, 0, tzinfo=UTC)
    read = dates.parse_date(text, after=after, lang=lang)
    assert read.astimezone(UTC).replace(tzinfo=None) == expected


def test_a_note_dated_by_a_time_with_a_full_stop():
    _, chronicle = convert(post("id", "Pembaruan 14.30: Kapal berangkat."), meta=True)
    assert chronicle.notes[0].label == "Pembaruan"
    assert (chronicle.notes[0].date.hour, chronicle.notes[0].date.minute) == (14, 30)


def test_an_english_date_needs_no_language_data():
    assert dates.localize("June 20, 2024", "en") == "June 20, 2024"
    assert dates.localize("June 20, 2024", None) == "June 20, 2024"


# --- no text lost ------------------------------------------------------------------------

PIECES = st.sampled_from(
    ["Обновление", "Исправление", "تحديث", "更新", "अपडेट", "به‌روزرسانی", "Вопрос", "سؤال", "问",
     "20 июня 2024", "١١ مارس ٢٠٢٥", "2024年6月20日", "текст", "نص", "文字", "पाठ",
     "(", ")", "（", "）", ":", "：", "**", " ", "\n", "\n\n", "> ", "— ", "،", "，", "-"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=16), st.sampled_from(["ru", "ar", "zh", "fa", "hi"]))
def test_no_text_is_lost_doubled_or_reordered_in_any_language(pieces, lang):
    """Every word of the post, the marker words aside, is in the output once
    and in order; each note takes one marker word for its label."""
    source = post(lang, "".join(pieces))
    html, chronicle = convert(source, meta=True, update_log=False)
    soup = BeautifulSoup(html, "html.parser")
    for added in soup.select("aside.chronicles-sources"):
        added.decompose()
    language = Languages().get(lang)
    words = {w.casefold() for w in (*language.update_words, *language.correction_words, *language.labels.values())}
    ours = [t for t in TOKEN.findall(soup.get_text()) if t.casefold() not in words]
    plain = [t for t in plain_tokens(source) if t.casefold() not in words]
    assert ours == plain


# --- found by the language files' authors --------------------------------------------


def test_a_turkish_dotted_capital_in_a_marker_word_is_a_note_not_a_crash():
    _, chronicle = convert(post("tr", "EDİT: metin.\n\nTASHİH: metin."), meta=True, update_log=False)
    assert [(n.kind, n.label) for n in chronicle.notes] == [("update", "Edit"), ("correction", "Tashih")]


def test_french_spacing_before_the_colon():
    _, chronicle = convert(post("fr", "Mise à jour\u00a0: texte.\n\nQ\u202f: Pourquoi ?\n\nR : Parce que."), meta=True)
    assert [n.label for n in chronicle.notes] == ["Mise à jour"]
    assert [t.speaker for t in chronicle.turns] == ["Q", "R"]


def test_chinese_transcript_labels_take_the_full_width_colon():
    _, chronicle = convert(post("zh", "问：为什么？\n\n答：因为。"), meta=True)
    assert [(t.speaker, t.is_question) for t in chronicle.turns] == [("问", True), ("答", False)]


@pytest.mark.parametrize("text", ["2024/6/7", "2024.06.07", "2024-6-7"])
def test_a_year_first_date_is_year_month_day_in_a_day_first_language(text):
    assert dates.parse_date(text, dayfirst=True).date() == datetime.date(2024, 6, 7)


@pytest.mark.parametrize(
    "title, clean, flags",
    [
        ("【更新】港口图书馆延长开放时间", "港口图书馆延长开放时间", ("update",)),
        ("（更正）港口图书馆延长开放时间", "港口图书馆延长开放时间", ("correction",)),
        ("更新：港口图书馆延长开放时间", "港口图书馆延长开放时间", ("update",)),
        ("更新说明发布", "更新说明发布", ()),
    ],
)
def test_chinese_title_flags(title, clean, flags):
    from pelican_chronicles.titles import split_flags

    zh = Languages().get("zh")
    assert split_flags(title, zh.update_words, zh.correction_words) == (clean, flags)


# --- posts in other languages on the site's pages ---------------------------------------


def test_site_pages_mark_what_comes_from_a_post_in_another_language(build):
    site = build({
        "ar.md": "Title: منتدى المياه\nDate: 2025-03-10\nLang: ar\nSlug: forum\n\nتحديث (11 مارس 2025): نص.\n",
        "en.md": "Title: Water forum\nDate: 2025-03-09\n\nUPDATE (2025-03-10): text.\n",
    })
    archive = site.soup("archives.html")
    titles = {a.get_text(): (a.get("lang"), a.get("dir")) for a in archive.select("a.chronicles-entry-title")}
    assert titles == {"منتدى المياه": ("ar", "auto"), "Water forum": (None, None)}
    items = site.soup("updates/index.html").select("li.chronicles-updates-item")
    assert {(li.get("lang"), li.get("dir")) for li in items} == {("ar", "auto"), (None, None)}


def test_a_build_works_out_each_language_once(tmp_path, monkeypatch):
    """Every post's extension and the plugin's handlers share the build's
    languages, each worked out once, not once per post."""
    from pelican_chronicles import glue
    from pelican_chronicles import languages as languages_module

    languages_module.shared.cache_clear()
    made = []
    original = languages_module.Languages._make

    def counting(self, code):
        made.append(code)
        return original(self, code)

    monkeypatch.setattr(languages_module.Languages, "_make", counting)
    posts = {
        f"p{n}.md": f"""\
            Title: Post {n}
            Date: 2024-06-1{n} 10:00
            Lang: {lang}

            Text.

            {word} (2024-06-2{n}): More.

            {word} (2024-06-2{n + 1}): Still more.
            """
        for n, (lang, word) in enumerate([("en", "UPDATE"), ("ru", "Обновление"), ("ar", "تحديث"), ("ru", "UPD")])
    }
    site = build_site(tmp_path, posts)
    assert sorted(made) == ["ar", "en", "ru"]
    assert [len(a.chronicles.notes) for a in sorted(site.pelican_articles(), key=lambda a: a.title)] == [2, 2, 2, 2]
    assert glue.languages_of(site.pelican.settings).get("ru").labels["sources"] == "Источники"


@pytest.mark.parametrize("setting", [{}, {"CHRONICLES_LANGUAGES": {"it": {"update_words": ["Aggiornamento"]}}}])
def test_the_extension_is_given_the_languages_setting_as_plain_data(tmp_path, setting):
    """Pelican's content cache pickles the settings, the Markdown
    extension's options with them: those are the settings' own data."""
    site = build_site(tmp_path, {"a.md": "Title: A\nDate: 2024-06-10\nLang: it\n\nAggiornamento: text.\n"}, **setting)
    options = site.pelican.settings["MARKDOWN"]["extension_configs"]["pelican_chronicles.syntax"]
    assert options["languages"] == ({"it": {"update_words": ("Aggiornamento",)}} if setting else {})
    assert [len(a.chronicles.notes) for a in site.pelican_articles()] == [1 if setting else 0]
