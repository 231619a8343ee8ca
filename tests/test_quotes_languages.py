"""Attributions in the scripts of the world's news (SPEC 4, 15): the Arabic
comma ``،``, the ideographic ``、`` and full-width ``，`` separate the parts,
``——`` and ``―`` open an attribution, and a date is read in the post's
language.

Every person quoted here is invented; the words are sample content."""

import datetime
from functools import partial

import markdown
import pytest
from bs4 import BeautifulSoup
import conftest
from conftest import convert, normalize, visible_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from timing import MB, assert_linear, repeat

from pelican_chronicles.model import Quote, Source


# Posts with metadata lines, as Pelican reads them.
body = partial(conftest.body, meta=True)
unchanged = partial(conftest.unchanged, meta=True)


def quote_of(source: str) -> Quote:
    [quote] = convert(source, meta=True)[1].quotes
    return quote


# --- the separators and dashes of each script ---------------------------------------------

ATTRIBUTED = [
    (  # the Arabic comma
        "ar",
        "> سنفتح الميناء الأسبوع المقبل.\n>\n> — سامر الحلبي، متحدث باسم هيئة الموانئ، 10 مارس 2025",
        "<p>سنفتح الميناء الأسبوع المقبل.</p>",
        '— <span class="chronicles-speaker">سامر الحلبي</span>، '
        '<span class="chronicles-role">متحدث باسم هيئة الموانئ</span>، '
        '<time datetime="2025-03-10">10 مارس 2025</time>',
        ("سامر الحلبي", "متحدث باسم هيئة الموانئ", datetime.date(2025, 3, 10), "10 مارس 2025"),
    ),
    (  # the horizontal bar, Arabic-Indic digits, a weekday before the date
        "ar",
        "> سنفتح الميناء.\n>\n> ― ليلى النجار، مديرة المعرض، الاثنين، ١٠ مارس ٢٠٢٥",
        "<p>سنفتح الميناء.</p>",
        '― <span class="chronicles-speaker">ليلى النجار</span>، '
        '<span class="chronicles-role">مديرة المعرض</span>، '
        '<time datetime="2025-03-10">الاثنين، ١٠ مارس ٢٠٢٥</time>',
        ("ليلى النجار", "مديرة المعرض", datetime.date(2025, 3, 10), "الاثنين، ١٠ مارس ٢٠٢٥"),
    ),
    (  # Persian: the Arabic comma, Persian digits, a Persian month name
        "fa",
        "> کشتی‌ها هفته آینده حرکت می‌کنند.\n>\n> — مریم کاظمی، سخنگوی سازمان بنادر، ۲۰ ژوئن ۲۰۲۴",
        "<p>کشتی‌ها هفته آینده حرکت می‌کنند.</p>",
        '— <span class="chronicles-speaker">مریم کاظمی</span>، '
        '<span class="chronicles-role">سخنگوی سازمان بنادر</span>، '
        '<time datetime="2024-06-20">۲۰ ژوئن ۲۰۲۴</time>',
        ("مریم کاظمی", "سخنگوی سازمان بنادر", datetime.date(2024, 6, 20), "۲۰ ژوئن ۲۰۲۴"),
    ),
    (  # Chinese: the double dash without a space, full-width commas
        "zh",
        "> 渡轮下周恢复运行。\n>\n> ——张文涛，港务局发言人，2024年6月20日",
        "<p>渡轮下周恢复运行。</p>",
        '——<span class="chronicles-speaker">张文涛</span>，'
        '<span class="chronicles-role">港务局发言人</span>，'
        '<time datetime="2024-06-20">2024年6月20日</time>',
        ("张文涛", "港务局发言人", datetime.date(2024, 6, 20), "2024年6月20日"),
    ),
    (  # the ideographic comma; roles side by side share one span
        "zh",
        "> 渡轮下周恢复运行。\n>\n> —— 刘静、港务局发言人、新闻处处长、6月20日",
        "<p>渡轮下周恢复运行。</p>",
        '—— <span class="chronicles-speaker">刘静</span>、'
        '<span class="chronicles-role">港务局发言人、新闻处处长</span>、'
        '<time datetime="2024-06-20">6月20日</time>',
        ("刘静", "港务局发言人、新闻处处长", datetime.date(2024, 6, 20), "6月20日"),
    ),
    (  # Russian: a date in words is a date, not a role
        "ru",
        "> Паромы вернутся на линию через неделю.\n>\n> — Анна Петрова, пресс-секретарь порта, 19 июня 2024",
        "<p>Паромы вернутся на линию через неделю.</p>",
        '— <span class="chronicles-speaker">Анна Петрова</span>, '
        '<span class="chronicles-role">пресс-секретарь порта</span>, '
        '<time datetime="2024-06-19">19 июня 2024</time>',
        ("Анна Петрова", "пресс-секретарь порта", datetime.date(2024, 6, 19), "19 июня 2024"),
    ),
    (
        "ru",
        "> Паромы вернутся.\n>\n> — Илья Соколов, капитан, 19 июня 2024 г.",
        "<p>Паромы вернутся.</p>",
        '— <span class="chronicles-speaker">Илья Соколов</span>, '
        '<span class="chronicles-role">капитан</span>, '
        '<time datetime="2024-06-19">19 июня 2024 г.</time>',
        ("Илья Соколов", "капитан", datetime.date(2024, 6, 19), "19 июня 2024 г."),
    ),
    (  # Hindi: Latin commas, a Hindi month name
        "hi",
        "> मेला कल शुरू होगा।\n>\n> — अनीता वर्मा, मेला समिति की प्रवक्ता, 20 जून 2024",
        "<p>मेला कल शुरू होगा।</p>",
        '— <span class="chronicles-speaker">अनीता वर्मा</span>, '
        '<span class="chronicles-role">मेला समिति की प्रवक्ता</span>, '
        '<time datetime="2024-06-20">20 जून 2024</time>',
        ("अनीता वर्मा", "मेला समिति की प्रवक्ता", datetime.date(2024, 6, 20), "20 जून 2024"),
    ),
]


@pytest.mark.parametrize("lang, quoted, blockquote, caption, data", ATTRIBUTED)
def test_attribution_in_each_script(lang, quoted, blockquote, caption, data):
    source = f"Lang: {lang}\nDate: 2024-06-21\n\n{quoted}"
    attributes = f'dir="rtl" lang="{lang}"' if lang in ("ar", "fa") else f'lang="{lang}"'
    assert body(source) == normalize(
        f'<figure class="chronicles-quote" {attributes} id="quote-1"><blockquote>{blockquote}</blockquote>'
        f"<figcaption>{caption}</figcaption></figure>"
    )
    quote = quote_of(source)
    assert (quote.speaker, quote.role, quote.date, quote.date_text) == data


def test_a_date_without_a_year_takes_the_posts():
    quote = quote_of("Lang: ru\nDate: 2024-06-21\n\n> Паромы вернутся.\n>\n> — Анна Петрова, 19 июня")
    assert (quote.role, quote.date, quote.date_text) == (None, datetime.date(2024, 6, 19), "19 июня")


def test_a_link_between_arabic_commas_is_the_source():
    source = (
        "Lang: ar\n\n> سنفتح الميناء.\n>\n"
        "> — سامر الحلبي، [وكالة المثال](https://agency.example/ar/1)، ١٠ مارس ٢٠٢٥"
    )
    html, chronicle = convert(source, meta=True)
    assert body(source) == normalize(
        '<figure class="chronicles-quote" dir="rtl" id="quote-1" lang="ar">'
        '<blockquote cite="https://agency.example/ar/1"><p>سنفتح الميناء.</p></blockquote>'
        '<figcaption>— <span class="chronicles-speaker">سامر الحلبي</span>، '
        '<cite><a href="https://agency.example/ar/1">وكالة المثال</a></cite>، '
        '<time datetime="2025-03-10">١٠ مارس ٢٠٢٥</time></figcaption></figure>'
    )
    assert chronicle.quotes[0].source == Source("وكالة المثال", "https://agency.example/ar/1")
    assert chronicle.sources == (Source("وكالة المثال", "https://agency.example/ar/1"),)


def test_commas_inside_full_width_parentheses_do_not_split():
    quote = quote_of("Lang: zh\n\n> 渡轮下周恢复运行。\n>\n> ——张文涛（港务局，发言人），2024年6月20日")
    assert (quote.speaker, quote.role, quote.date) == ("张文涛（港务局，发言人）", None, datetime.date(2024, 6, 20))


def test_attribution_directly_under_the_quote_with_the_chinese_dash():
    source = "Lang: zh\n\n> 渡轮下周恢复运行。\n\n——张文涛，发言人\n\n评论。"
    assert body(source) == normalize(
        '<figure class="chronicles-quote" id="quote-1" lang="zh"><blockquote><p>渡轮下周恢复运行。</p></blockquote>'
        '<figcaption>——<span class="chronicles-speaker">张文涛</span>，'
        '<span class="chronicles-role">发言人</span></figcaption></figure><p>评论。</p>'
    )


@pytest.mark.parametrize(
    "lang, quoted",
    [
        ("ar", "> هل يفتح الميناء؟\n>\n> — هل هذا صحيح؟"),  # the Arabic question mark: speech
        ("zh", "> 渡轮恢复了吗？\n>\n> ——真的吗？"),  # the full-width question mark
        ("zh", "> 渡轮恢复了！\n>\n> ——太好了！"),  # the full-width exclamation mark
        ("zh", "> 渡轮下周恢复运行。\n>\n> ———— 一条分隔线"),  # four dashes are a rule of the author's
    ],
)
def test_not_an_attribution(lang, quoted):
    source = f"Lang: {lang}\n\n{quoted}"
    html, chronicle = convert(source, meta=True)
    assert "chronicles-quote" not in html and chronicle.quotes == ()
    assert unchanged(source)


def test_separators_of_each_script_take_linear_time():
    from pelican_chronicles.syntax.quotes import parse_attribution, split_parts

    for unit in ["،", "، ", "、", "，", "（،", "[，(", "——"]:
        assert_linear(split_parts, lambda n, unit=unit: repeat(unit, n))
    assert_linear(lambda text: parse_attribution(None, text, single_line=False), lambda n: "—— " + repeat("、", n))
    assert_linear(convert, lambda n: "> 引文。\n>\n> ——" + repeat("张，", n), size=MB // 4)


# --- no author text is lost ------------------------------------------------------------------

NAMES = {
    "ar": ["سامر الحلبي", "ليلى النجار"],
    "fa": ["مریم کاظمی", "رضا توکلی"],
    "zh": ["张文涛", "刘静"],
    "ru": ["Анна Петрова", "Илья Соколов"],
    "hi": ["अनीता वर्मा", "रोहन मेहता"],
    "he": ["נועה לוי", "איתי כהן"],
}
ROLES = {
    "ar": ["متحدث باسم هيئة الموانئ", "مديرة المعرض", "(رئيسة، اللجنة)"],
    "fa": ["سخنگوی سازمان بنادر", "مدیر نمایشگاه"],
    "zh": ["港务局发言人", "新闻处处长", "（港务局，发言人）"],
    "ru": ["пресс-секретарь порта", "капитан"],
    "hi": ["मेला समिति की प्रवक्ता", "निदेशक"],
    "he": ["דוברת הנמל", "מנהל התערוכה"],
}
DATES = {
    "ar": ["10 مارس 2025", "١٠ مارس ٢٠٢٥", "الاثنين، 10 مارس 2025"],
    "fa": ["۲۰ ژوئن ۲۰۲۴"],
    "zh": ["2024年6月20日", "6月20日"],
    "ru": ["19 июня 2024", "19 июня 2024 г.", "19 июня"],
    "hi": ["20 जून 2024"],
    "he": ["20 ביוני 2024"],
}
SEPARATORS = {
    "ar": ["، ", "،", ", "],
    "fa": ["، "],
    "zh": ["，", "、", ", "],
    "ru": [", "],
    "hi": [", "],
    "he": [", "],
}
LINES = {
    "ar": ["سنفتح الميناء الأسبوع المقبل.", "العبارات تعمل."],
    "fa": ["کشتی‌ها هفته آینده حرکت می‌کنند."],
    "zh": ["渡轮下周恢复运行。", "展览今天开幕。"],
    "ru": ["Паромы вернутся на линию через неделю."],
    "hi": ["मेला कल शुरू होगा।"],
    "he": ["המעבורות יחזרו לפעול בשבוע הבא."],
}


@st.composite
def attribution(draw, lang):
    parts = [draw(st.sampled_from(NAMES[lang]))]
    for _ in range(draw(st.integers(0, 3))):
        parts.append(
            draw(
                st.one_of(
                    st.sampled_from(ROLES[lang]),
                    st.sampled_from(DATES[lang]),
                    st.just("[وكالة المثال](https://agency.example/1)"),
                )
            )
        )
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(SEPARATORS[lang])) + part
    dash = draw(st.sampled_from(["— ", "—", "——", "—— ", "― ", "– ", "-- ", "~ "]))
    return dash + text


@st.composite
def quote(draw, lang):
    lines = [f"> {line}" for line in draw(st.lists(st.sampled_from(LINES[lang]), min_size=1, max_size=3))]
    form = draw(st.integers(0, 2))
    if form == 0:
        return "\n".join([*lines, ">", f"> {draw(attribution(lang))}"])
    if form == 1:
        return "\n".join([*lines, f"> {draw(attribution(lang))}"])
    return "\n".join(lines) + "\n\n" + draw(attribution(lang))


@st.composite
def post(draw):
    lang = draw(st.sampled_from(sorted(NAMES)))
    blocks = draw(st.lists(st.one_of(quote(lang), st.sampled_from(LINES[lang])), min_size=1, max_size=5))
    return f"Lang: {lang}\nDate: 2024-06-21\n\n" + "\n\n".join(blocks)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(post())
def test_no_author_text_is_lost_in_these_scripts(source):
    html, chronicle = convert(source, meta=True)
    assert visible_text(html) == visible_text(markdown.markdown(source, extensions=["meta"]))
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select("figure.chronicles-quote")) == len(chronicle.quotes)
    for figure, quote in zip(soup.select("figure.chronicles-quote"), chronicle.quotes):
        time_el = figure.select_one("figcaption time")
        assert (time_el.get_text() if time_el else None) == quote.date_text
