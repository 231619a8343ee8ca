"""Datelines in national wire forms (SPEC 3, 15): TASS, RIA, Interfax and the
Russian ``(Рейтер) -``, Xinhua, and ``PLACE (AGENCY) -`` in scripts
without case, with the safeguards that keep ordinary sentences in those
scripts plain. The date in a dateline is read in the post's language.

Every place, agency and sentence here is sample content."""

from functools import partial

import markdown
import pytest
from bs4 import BeautifulSoup
import conftest
from conftest import convert, normalize, visible_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from timing import assert_linear, repeat

from pelican_chronicles.model import Dateline, Source


# Posts with metadata lines, as Pelican reads them.
body = partial(conftest.body, meta=True)
unchanged = partial(conftest.unchanged, meta=True)


def dateline_of(source: str) -> Dateline | None:
    return convert(source, meta=True)[1].dateline


# --- TASS, RIA and Interfax ----------------------------------------------------------

RUSSIAN = [
    # TASS: the date ends in a full stop, the agency between slashes
    (
        "МОСКВА, 20 июня. /ТАСС/. Совет директоров утвердил новое расписание паромов.",
        '<span class="chronicles-dateline-place">МОСКВА</span>, 20 июня. /'
        '<span class="chronicles-source">ТАСС</span>/.</span>'
        " Совет директоров утвердил новое расписание паромов.",
        Dateline(place="МОСКВА", source="ТАСС", date_text="20 июня"),
    ),
    # TASS with its correspondent named in the slashes
    (
        "ЯРОСЛАВЛЬ, 3 марта. /Корр. ТАСС Вера Лугова/. Выставка открылась утром.",
        '<span class="chronicles-dateline-place">ЯРОСЛАВЛЬ</span>, 3 марта. /'
        '<span class="chronicles-source">Корр. ТАСС Вера Лугова</span>/.</span> Выставка открылась утром.',
        Dateline(place="ЯРОСЛАВЛЬ", source="Корр. ТАСС Вера Лугова", date_text="3 марта"),
    ),
    # TASS without a date
    (
        "САНКТ-ПЕТЕРБУРГ /ТАСС/. Мост развели по графику.",
        '<span class="chronicles-dateline-place">САНКТ-ПЕТЕРБУРГ</span> /'
        '<span class="chronicles-source">ТАСС</span>/.</span> Мост развели по графику.',
        Dateline(place="САНКТ-ПЕТЕРБУРГ", source="ТАСС", date_text=None),
    ),
    # the agency in parentheses, the date in Russian
    (
        "МОСКВА, 20 июня (Рейтер) - Совет директоров утвердил расписание.",
        '<span class="chronicles-dateline-place">МОСКВА</span>, 20 июня ('
        '<span class="chronicles-source">Рейтер</span>) -</span> Совет директоров утвердил расписание.',
        Dateline(place="МОСКВА", source="Рейтер", date_text="20 июня"),
    ),
    (
        "НИЖНИЙ НОВГОРОД, 11 ноября 2024 г. (Рейтер) — Навигация закрыта.",
        '<span class="chronicles-dateline-place">НИЖНИЙ НОВГОРОД</span>, 11 ноября 2024 г. ('
        '<span class="chronicles-source">Рейтер</span>) —</span> Навигация закрыта.',
        Dateline(place="НИЖНИЙ НОВГОРОД", source="Рейтер", date_text="11 ноября 2024 г."),
    ),
    # RIA: a dash between spaces, the agency up to its full stop
    (
        "МОСКВА, 20 июн — РИА Новости. Совет директоров утвердил расписание.",
        '<span class="chronicles-dateline-place">МОСКВА</span>, 20 июн — '
        '<span class="chronicles-source">РИА Новости</span>.</span> Совет директоров утвердил расписание.',
        Dateline(place="МОСКВА", source="РИА Новости", date_text="20 июн"),
    ),
    (
        "СИМФЕРОПОЛЬ, 3 мар - РИА Новости Крым. Паром вышел по расписанию.",
        '<span class="chronicles-dateline-place">СИМФЕРОПОЛЬ</span>, 3 мар - '
        '<span class="chronicles-source">РИА Новости Крым</span>.</span> Паром вышел по расписанию.',
        Dateline(place="СИМФЕРОПОЛЬ", source="РИА Новости Крым", date_text="3 мар"),
    ),
    # Interfax: the place capitalized, the date, the agency in capitals
    (
        "Москва. 20 июня. INTERFAX.RU - Совет директоров утвердил расписание.",
        '<span class="chronicles-dateline-place">Москва</span>. 20 июня. '
        '<span class="chronicles-source">INTERFAX.RU</span> -</span> Совет директоров утвердил расписание.',
        Dateline(place="Москва", source="INTERFAX.RU", date_text="20 июня"),
    ),
    (
        "Нижний Новгород. 3 марта. ИНТЕРФАКС-ПОВОЛЖЬЕ – Выставка открылась утром.",
        '<span class="chronicles-dateline-place">Нижний Новгород</span>. 3 марта. '
        '<span class="chronicles-source">ИНТЕРФАКС-ПОВОЛЖЬЕ</span> –</span> Выставка открылась утром.',
        Dateline(place="Нижний Новгород", source="ИНТЕРФАКС-ПОВОЛЖЬЕ", date_text="3 марта"),
    ),
]


@pytest.mark.parametrize("text, expected, dateline", RUSSIAN)
def test_russian_wire_forms(text, expected, dateline):
    source = f"Lang: ru\nDate: 2024-06-20\n\n{text}"
    assert body(source) == normalize(f'<p><span class="chronicles-dateline" lang="ru">{expected}</p>')
    assert dateline_of(source) == dateline


def test_the_agency_of_a_national_form_joins_the_posts_sources():
    _html, chronicle = convert(
        "Lang: ru\n\nМОСКВА, 20 июня. /ТАСС/. Первое.\n\nМосква. 21 июня. INTERFAX.RU - Второе.", meta=True
    )
    assert chronicle.sources == (Source("ТАСС"), Source("INTERFAX.RU"))
    assert [d.place for d in chronicle.datelines] == ["МОСКВА", "Москва"]


# --- Xinhua ---------------------------------------------------------------------------

CHINESE = [
    # the agency first, then the place and the date, then 电
    (
        "新华社北京6月20日电 渡轮时刻表今天调整。",
        '<span class="chronicles-source">新华社</span><span class="chronicles-dateline-place">北京</span>'
        "6月20日电</span> 渡轮时刻表今天调整。",
        Dateline(place="北京", source="新华社", date_text="6月20日"),
    ),
    # the reporters in full-width parentheses belong to the dateline
    (
        "新华社北京6月20日电（记者 王晓明、李文）渡轮时刻表今天调整。",
        '<span class="chronicles-source">新华社</span><span class="chronicles-dateline-place">北京</span>'
        "6月20日电（记者 王晓明、李文）</span>渡轮时刻表今天调整。",
        Dateline(place="北京", source="新华社", date_text="6月20日"),
    ),
    # a place of several characters, a year, another agency
    (
        "中新社乌鲁木齐2024年6月20日电 展览今天开幕。",
        '<span class="chronicles-source">中新社</span><span class="chronicles-dateline-place">乌鲁木齐</span>'
        "2024年6月20日电</span> 展览今天开幕。",
        Dateline(place="乌鲁木齐", source="中新社", date_text="2024年6月20日"),
    ),
    # traditional characters and full-width digits
    (
        "新華社上海６月２０日電 展覽今天開幕。",
        '<span class="chronicles-source">新華社</span><span class="chronicles-dateline-place">上海</span>'
        "６月２０日電</span> 展覽今天開幕。",
        Dateline(place="上海", source="新華社", date_text="６月２０日"),
    ),
]


@pytest.mark.parametrize("text, expected, dateline", CHINESE)
def test_xinhua_form(text, expected, dateline):
    source = f"Lang: zh\nDate: 2024-06-20\n\n{text}"
    assert body(source) == normalize(f'<p><span class="chronicles-dateline" lang="zh">{expected}</p>')
    assert dateline_of(source) == dateline


def test_xinhua_form_in_a_post_of_another_language():
    # 6月20日 reads as a date whatever the post's language
    assert dateline_of("新华社北京6月20日电 渡轮时刻表今天调整。") == Dateline(
        place="北京", source="新华社", date_text="6月20日"
    )


# --- PLACE (AGENCY) - in scripts without case ------------------------------------------------

CASELESS = [
    (
        "ar",
        "القاهرة (رويترز) - أعلنت هيئة النقل النهري جدولا جديدا للعبارات.",
        '<span class="chronicles-dateline-place">القاهرة</span> (<span class="chronicles-source">رويترز</span>) -'
        "</span> أعلنت هيئة النقل النهري جدولا جديدا للعبارات.",
        Dateline(place="القاهرة", source="رويترز", date_text=None),
    ),
    (  # an agency of three letters, a date after the Arabic comma, Arabic-Indic digits
        "ar",
        "الإسكندرية، ٢٠ يونيو (أ ف ب) — افتتح المعرض صباح اليوم.",
        '<span class="chronicles-dateline-place">الإسكندرية</span>، ٢٠ يونيو ('
        '<span class="chronicles-source">أ ف ب</span>) —</span> افتتح المعرض صباح اليوم.',
        Dateline(place="الإسكندرية", source="أ ف ب", date_text="٢٠ يونيو"),
    ),
    (  # an agency's name in Latin letters
        "ar",
        "بيروت (Reuters) -افتتح المعرض صباح اليوم.",
        '<span class="chronicles-dateline-place">بيروت</span> (<span class="chronicles-source">Reuters</span>) -'
        "</span>افتتح المعرض صباح اليوم.",
        Dateline(place="بيروت", source="Reuters", date_text=None),
    ),
    (
        "fa",
        "تهران (ایرنا) - جدول تازه حرکت کشتی‌ها اعلام شد.",
        '<span class="chronicles-dateline-place">تهران</span> (<span class="chronicles-source">ایرنا</span>) -'
        "</span> جدول تازه حرکت کشتی‌ها اعلام شد.",
        Dateline(place="تهران", source="ایرنا", date_text=None),
    ),
    (  # a zero-width non-joiner in the agency's name
        "fa",
        "بندر عباس (خبرگزاری\u200cنمونه) - نمایشگاه امروز گشایش یافت.",
        '<span class="chronicles-dateline-place">بندر عباس</span> ('
        '<span class="chronicles-source">خبرگزاری\u200cنمونه</span>) -</span> نمایشگاه امروز گشایش یافت.',
        Dateline(place="بندر عباس", source="خبرگزاری\u200cنمونه", date_text=None),
    ),
    (
        "he",
        "ירושלים (רויטרס) - לוח הזמנים החדש של המעבורות פורסם היום.",
        '<span class="chronicles-dateline-place">ירושלים</span> (<span class="chronicles-source">רויטרס</span>) -'
        "</span> לוח הזמנים החדש של המעבורות פורסם היום.",
        Dateline(place="ירושלים", source="רויטרס", date_text=None),
    ),
    (  # full-width parentheses, no space
        "zh",
        "北京（路透社）- 渡轮时刻表今天调整。",
        '<span class="chronicles-dateline-place">北京</span>（<span class="chronicles-source">路透社</span>）-'
        "</span> 渡轮时刻表今天调整。",
        Dateline(place="北京", source="路透社", date_text=None),
    ),
    (  # two words, combining vowel signs, a date in Hindi
        "hi",
        "नई दिल्ली, 20 जून (भाषा) - प्रदर्शनी आज सुबह शुरू हुई।",
        '<span class="chronicles-dateline-place">नई दिल्ली</span>, 20 जून ('
        '<span class="chronicles-source">भाषा</span>) -</span> प्रदर्शनी आज सुबह शुरू हुई।',
        Dateline(place="नई दिल्ली", source="भाषा", date_text="20 जून"),
    ),
]


@pytest.mark.parametrize("lang, text, expected, dateline", CASELESS)
def test_place_and_agency_in_scripts_without_case(lang, text, expected, dateline):
    source = f"Lang: {lang}\nDate: 2024-06-20\n\n{text}"
    attributes = f'dir="rtl" lang="{lang}"' if lang in ("ar", "fa", "he") else f'lang="{lang}"'
    assert body(source) == normalize(f'<p><span class="chronicles-dateline" {attributes}>{expected}</p>')
    assert dateline_of(source) == dateline


# --- Arabic and Persian without parentheses; Spanish "(EFE).-" (SPEC 15) -------------------------

WITHOUT_PARENTHESES = [
    (  # the place, a dash, the agency, a colon
        "ar",
        "القاهرة - رويترز: أعلنت هيئة النقل النهري جدولا جديدا.",
        '<span class="chronicles-dateline-place">القاهرة</span> - '
        '<span class="chronicles-source">رويترز</span>:</span> أعلنت هيئة النقل النهري جدولا جديدا.',
        Dateline(place="القاهرة", source="رويترز"),
    ),
    (  # the agency between dashes
        "ar",
        "دبي - وام - افتتح المعرض صباح اليوم.",
        '<span class="chronicles-dateline-place">دبي</span> - '
        '<span class="chronicles-source">وام</span> -</span> افتتح المعرض صباح اليوم.',
        Dateline(place="دبي", source="وام"),
    ),
    (  # an agency of three letters, a place of two words
        "ar",
        "أبو ظبي – أ ف ب: افتتح المعرض صباح اليوم.",
        '<span class="chronicles-dateline-place">أبو ظبي</span> – '
        '<span class="chronicles-source">أ ف ب</span>:</span> افتتح المعرض صباح اليوم.',
        Dateline(place="أبو ظبي", source="أ ف ب"),
    ),
    (  # IRNA: no space before the dashes
        "fa",
        "تهران- ایرنا- جدول تازه حرکت کشتی‌ها اعلام شد.",
        '<span class="chronicles-dateline-place">تهران</span>- '
        '<span class="chronicles-source">ایرنا</span>-</span> جدول تازه حرکت کشتی‌ها اعلام شد.',
        Dateline(place="تهران", source="ایرنا"),
    ),
    (  # Spanish: a title-case place, a date, the agency, a full stop before the dash
        "es",
        "Lima, 20 jun (EFE).- El horario de los transbordadores cambió.",
        '<span class="chronicles-dateline-place">Lima</span>, 20 jun ('
        '<span class="chronicles-source">EFE</span>).-</span> El horario de los transbordadores cambió.',
        Dateline(place="Lima", source="EFE", date_text="20 jun"),
    ),
    (
        "es",
        "Ciudad de México, 20 jun (EFE).- El horario de los transbordadores cambió.",
        '<span class="chronicles-dateline-place">Ciudad de México</span>, 20 jun ('
        '<span class="chronicles-source">EFE</span>).-</span> El horario de los transbordadores cambió.',
        Dateline(place="Ciudad de México", source="EFE", date_text="20 jun"),
    ),
    (
        "es",
        "MADRID (EFE).- El Gobierno aprobó el nuevo horario.",
        '<span class="chronicles-dateline-place">MADRID</span> ('
        '<span class="chronicles-source">EFE</span>).-</span> El Gobierno aprobó el nuevo horario.',
        Dateline(place="MADRID", source="EFE"),
    ),
]


@pytest.mark.parametrize("lang, text, expected, dateline", WITHOUT_PARENTHESES)
def test_forms_without_parentheses_and_the_spanish_full_stop(lang, text, expected, dateline):
    source = f"Lang: {lang}\nDate: 2024-06-20\n\n{text}"
    attributes = f'dir="rtl" lang="{lang}"' if lang in ("ar", "fa") else f'lang="{lang}"'
    assert body(source) == normalize(f'<p><span class="chronicles-dateline" {attributes}>{expected}</p>')
    assert dateline_of(source) == dateline
    assert convert(source, meta=True)[1].sources == (Source(dateline.source),)


# --- the safeguards: ordinary sentences stay plain ----------------------------------------------

ORDINARY = [
    # Russian and Chinese wire forms
    ("ru", "МОСКВА, вчера вечером. /ТАСС/. Дата не читается."),  # no date where the date goes
    ("ru", "ГЭС /гидроэлектростанция/ — это просто сокращение."),  # a lower-case gloss in slashes
    ("ru", "Москва. 20 июня. Сегодня - ясная погода."),  # the agency is not in capitals
    ("ru", "Москва. Вчера вечером. ТАСС - пример без даты."),  # no date
    ("ru", "Поезд ушёл. 20 минут. МИД - без комментариев."),  # "20 минут" is no date
    ("ru", "МОСКВА — Власти. Без даты это предложение."),  # RIA's form needs its date
    ("ru", "ЦБ — главный регулятор. Это определение."),  # no date, a lower-case word
    ("ru", "НАТО, 20 июня — это союз. Строчная буква."),  # the source starts in lower case
    ("ru", "МОСКВА, вчера — Власти. Дата не читается."),  # no date where the date goes
    ("ru", "ЦБ, 20 июня — Решение принято, ставка. Нет точки."),  # a comma: no agency's name
    ("zh", "新华社北京6月20日报道，渡轮时刻表今天调整。"),  # no 电
    ("zh", "新华社记者在北京采访。"),
    # more than three words before the parenthesis
    ("ar", "أعلنت اللجنة المنظمة للمعرض الدولي (المعرض) - أن الافتتاح غدا."),
    ("fa", "وزیر راه و شهرسازی گفت (در نشست خبری) - که کار ادامه دارد."),
    ("he", "הממשלה החליטה היום על צעדים חדשים (ראו להלן) - כך נמסר."),
    ("hi", "भारत सरकार ने आज घोषणा की (भाषा) - कि मेला कल शुरू होगा।"),
    # sentence punctuation in the place
    ("ar", "وفي القاهرة، قالت اللجنة (رويترز) - إن الافتتاح غدا."),  # the comma: what follows is no date
    ("zh", "北京时间昨天晚上，代表团（共十二人）- 抵达上海。"),
    ("hi", "नई दिल्ली। (भाषा) - मेला कल शुरू होगा।"),
    # a word longer than a place's: Chinese writes no spaces, a clause is one word
    ("zh", "会议期间各国代表团团长（十二人）- 抵达上海。"),
    # the source is a clause: more than four words, or sentence punctuation
    ("ar", "قال المتحدث (في مؤتمر صحفي عقده اليوم في العاصمة) - إن المحادثات ستستمر."),
    ("ar", "الاجتماع (الذي عقد أمس، واستمر ساعتين) - انتهى دون بيان."),
    ("fa", "گزارش (که دیروز منتشر شد و بحث زیادی برانگیخت) - امروز بازنگری شد."),
    ("he", "לדברי הדובר (כך נמסר הבוקר בהודעה רשמית) - המעבורת תפעל."),
    ("hi", "मंत्री ने कहा (संवाददाता सम्मेलन में आज सुबह) - मेला कल शुरू होगा।"),
    ("zh", "他说（据新华社报道，会议推迟）- 明天再议。"),
    ("ar", "الكتاب (2019) - رواية عن مدينة ساحلية."),  # a year is no agency
    # the dash not right after the parenthesis
    ("ar", "القاهرة (رويترز) قالت - إن الافتتاح غدا."),
    ("ar", "القاهرة (رويترز)  - مسافتان قبل الشرطة."),
    ("fa", "تهران (ایرنا): جدول تازه اعلام شد."),
    ("he", "ירושלים (רויטרס). לוח הזמנים פורסם."),
    # the Chinese sentence dash "——" is punctuation
    ("zh", "他说（新华社）——会议将推迟。"),
    # not on the paragraph's first line
    ("ar", "القاهرة\n(رويترز) - أعلنت الهيئة جدولا جديدا."),
    ("zh", "北京\n（路透社）- 渡轮时刻表今天调整。"),
    # digits in the place
    ("ar", "المبنى 12 (رويترز) - افتتح اليوم."),
    # a date the post's language does not read
    ("ar", "القاهرة، غدا صباحا (رويترز) - أعلنت الهيئة جدولا جديدا."),
    # without parentheses: a dash after the first word, but no agency after it
    ("ar", "الحرب - كما قال الوزير - انتهت منذ زمن."),
    ("ar", "القاهرة - المدينة الكبيرة: عاصمة مصر."),
    ("ar", "الاجتماع - رويترز قالت - انتهى دون بيان."),  # more words than the agency's name
    ("ar", "القاهرة رويترز - دون شرطة بين المكان والوكالة."),
    ("ar", "القاهرة - رويترز نشرت الخبر أمس."),  # no dash or colon after the agency
    ("ar", "مدينة القاهرة الكبرى الجديدة - رويترز: أربع كلمات."),  # more than three words
    ("ar", "المبنى 12 - رويترز: رقم في المكان."),
    ("fa", "خانه - وام - ماشین: سه آرزوی مردم."),  # a loan, in Persian
    ("fa", "تهران - پایتخت - شهری بزرگ است."),
    # Spanish look-alikes
    ("es", "Kenia (el país) - una nota sobre el nombre."),
    ("es", "García (2019).- en su libro."),
    ("es", "Lima, mañana por la tarde (EFE).- sin fecha."),
]


@pytest.mark.parametrize("lang, text", ORDINARY)
def test_ordinary_sentences_are_no_datelines(lang, text):
    source = f"Lang: {lang}\nDate: 2024-06-20\n\n{text}"
    html, chronicle = convert(source, meta=True)
    assert "chronicles-dateline" not in html
    assert unchanged(source)
    assert chronicle.dateline is None and chronicle.sources == ()


def test_the_date_is_read_in_the_posts_language():
    # "20 июня" is a date in a Russian post; in an English one it is words
    # where a date would go, and the paragraph stays as written.
    text = "МОСКВА, 20 июня (Рейтер) - Совет директоров утвердил расписание."
    assert dateline_of(f"Lang: ru\n\n{text}") == Dateline(place="МОСКВА", source="Рейтер", date_text="20 июня")
    assert dateline_of(f"Lang: en\n\n{text}") is None
    assert dateline_of("Lang: ar\n\nالقاهرة، 20 يونيو (رويترز) - نص.") == Dateline(
        place="القاهرة", source="رويترز", date_text="20 يونيو"
    )


def test_a_backslash_keeps_a_paragraph_from_being_a_dateline():
    # An author whose sentence has the very shape of a dateline escapes its parenthesis.
    html, chronicle = convert("Lang: ar\n\nالوزير \\(الذي وصل أمس) - تحدث طويلا.", meta=True)
    assert "chronicles-dateline" not in html and chronicle.dateline is None
    assert "الوزير (الذي وصل أمس) - تحدث طويلا." in html


def test_inline_markdown_after_a_national_dateline_still_renders():
    assert body("Lang: ar\n\nالقاهرة (رويترز) - أعلنت **الهيئة** [الجدول](https://agency.example/ar).") == normalize(
        '<p><span class="chronicles-dateline" dir="rtl" lang="ar"><span class="chronicles-dateline-place">القاهرة'
        '</span> (<span class="chronicles-source">رويترز</span>) -</span> أعلنت <strong>الهيئة</strong> '
        '<a href="https://agency.example/ar">الجدول</a>.</p>'
    )


def test_national_datelines_take_linear_time():
    from pelican_chronicles.syntax.datelines import match

    for unit in [
        "МОСКВА /", "МОСКВА, 20 июня. /ТАСС", "Москва. 20 июня. ", "МОСКВА, 20 июн — ", "МОСКВА ", "Москва. ", "INTERFAX.RU ",
        "新华社北京", "6月20日电（记者", "القاهرة ", "القاهرة (", "北京（", "（", "—", "، ",
    ]:
        assert_linear(lambda text: match(text, "ru", True), lambda n, unit=unit: repeat(unit, n))
        assert_linear(lambda text: match(text, "ar", True), lambda n, unit=unit: repeat(unit, n))
    for lang, unit in [
        ("ar", "القاهرة - "), ("ar", "القاهرة -"), ("ar", "رويترز "), ("fa", "تهران- "), ("ar", "- "),
        ("es", "Lima, 20 jun ("), ("es", "(EFE).- "), ("es", "Ciudad de "),
    ]:
        assert_linear(lambda text, lang=lang: match(text, lang, True), lambda n, unit=unit: repeat(unit, n))


# --- no author text is lost -------------------------------------------------------------------

PLACES = {
    "ru": ["МОСКВА", "ЯРОСЛАВЛЬ", "НИЖНИЙ НОВГОРОД"],
    "zh": ["北京", "上海", "乌鲁木齐"],
    "ar": ["القاهرة", "الإسكندرية", "بيروت"],
    "fa": ["تهران", "بندر عباس"],
    "he": ["ירושלים", "חיפה"],
    "hi": ["नई दिल्ली", "मुंबई"],
}
AGENCIES = {
    "ru": ["ТАСС", "Рейтер", "Корр. ТАСС Вера Лугова"],
    "zh": ["路透社", "法新社"],
    "ar": ["رويترز", "أ ف ب", "Reuters"],
    "fa": ["ایرنا", "ایسنا"],
    "he": ["רויטרס"],
    "hi": ["भाषा"],
}
DATES = {
    "ru": ["20 июня", "3 марта", "11 ноября 2024 г."],
    "zh": ["6月20日", "2024年6月20日"],
    "ar": ["20 يونيو", "٢٠ يونيو"],
    "fa": ["۲۰ ژوئن"],
    "he": ["20 ביוני"],
    "hi": ["20 जून"],
}
WORDS = {
    "ru": ["совет", "утвердил", "новое", "расписание", "паромов", "Москва", "ТАСС", "20", "июня", "—", "(", ")", "/"],
    "zh": ["渡轮", "时刻表", "今天", "调整", "新华社", "北京", "6月20日电", "，", "。", "（", "）", "——"],
    "ar": ["أعلنت", "هيئة", "النقل", "جدولا", "جديدا", "القاهرة", "(", ")", "-", "،", "٢٠"],
    "fa": ["جدول", "تازه", "حرکت", "کشتی‌ها", "اعلام", "شد", "(", ")", "-", "،"],
    "he": ["לוח", "הזמנים", "החדש", "פורסם", "היום", "(", ")", "-", ","],
    "hi": ["प्रदर्शनी", "आज", "सुबह", "शुरू", "हुई", "।", "(", ")", "-", ","],
}
DASHES = [" - ", " -", "-", " – ", " — ", "—", " -- ", "——"]


@st.composite
def sentence(draw, lang):
    return " ".join(draw(st.lists(st.sampled_from(WORDS[lang]), min_size=1, max_size=12)))


@st.composite
def dateline(draw, lang):
    place, agency = draw(st.sampled_from(PLACES[lang])), draw(st.sampled_from(AGENCIES[lang]))
    date = draw(st.sampled_from(DATES[lang]))
    dash, text = draw(st.sampled_from(DASHES)), draw(sentence(lang))
    form = draw(st.integers(0, 4))
    if lang == "ru" and form == 0:
        return f"{place}, {date}. /{agency}/. {text}"
    if lang == "ru" and form == 1:
        return f"{place.title()}. {date}. INTERFAX.RU{dash}{text}"
    if lang == "zh" and form <= 1:
        reporters = draw(st.sampled_from(["", "（记者 王晓明）", "（记者 王晓明、李文）"]))
        return f"新华社{place}{date}电{reporters}{text}"
    if form == 2:
        return f"{place}, {date} ({agency}){dash}{text}"
    parentheses = draw(st.sampled_from(["()", "（）"])) if lang == "zh" else "()"
    space = draw(st.sampled_from(["", " "]))
    return f"{place}{space}{parentheses[0]}{agency}{parentheses[1]}{dash}{text}"


@st.composite
def post(draw):
    lang = draw(st.sampled_from(sorted(PLACES)))
    blocks = draw(st.lists(st.one_of(dateline(lang), sentence(lang)), min_size=1, max_size=6))
    return f"Lang: {lang}\nDate: 2024-06-20\n\n" + "\n\n".join(blocks)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(post())
def test_no_author_text_is_lost_in_these_scripts(source):
    html, chronicle = convert(source, meta=True)
    plain = markdown.markdown(source, extensions=["meta"])
    assert visible_text(html) == visible_text(plain)
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select("span.chronicles-dateline")) == len(chronicle.datelines)


# --- a real build ------------------------------------------------------------------------------


def test_build_marks_an_arabic_dateline(build):
    site = build(
        {
            "ferries.md": """
            Title: جدول جديد للعبارات
            Date: 2024-06-20 09:00
            Lang: ar

            مقدمة كتبها المؤلف.

            القاهرة (رويترز) - أعلنت هيئة النقل النهري جدولا جديدا للعبارات.
            """
        }
    )
    [article] = site.pelican_articles()
    soup = site.soup(article.url)
    dateline = soup.select_one("p > span.chronicles-dateline")
    assert dateline.select_one(".chronicles-dateline-place").get_text() == "القاهرة"
    assert dateline.select_one(".chronicles-source").get_text() == "رويترز"
    assert dateline.parent.get_text() == "القاهرة (رويترز) - أعلنت هيئة النقل النهري جدولا جديدا للعبارات."
