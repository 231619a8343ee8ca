"""``Sources:`` and ``Countries:`` metadata (SPEC 6, 7): each form, its
result, side by side."""

from __future__ import annotations

import pytest

from conftest import convert, normalize, render
from timing import assert_linear, repeat
from pelican_chronicles import metadata
from pelican_chronicles.metadata import country_name, flag, lookup_country, parse_sources, resolve_countries
from pelican_chronicles.model import Problem, Source

UNSAFE = "unsafe URL in Sources (only http, https, mailto and relative links are kept)"
MARKUP = "HTML in a source name is shown as text"
UNKNOWN = "unknown country in Countries"


# --- Sources -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        pytest.param(None, (), id="none"),
        pytest.param("", (), id="empty"),
        pytest.param("Northwind Wire", (Source("Northwind Wire"),), id="name"),
        pytest.param(
            "Northwind Wire <https://wire.example/item/7>",
            (Source("Northwind Wire", "https://wire.example/item/7"),),
            id="name-and-url",
        ),
        pytest.param(
            "[Harbour Daily](https://daily.example/story)",
            (Source("Harbour Daily", "https://daily.example/story"),),
            id="markdown-link",
        ),
        pytest.param(
            "Northwind Wire <https://wire.example/>; Harbour Daily; [Valley Radio](https://radio.example/)",
            (
                Source("Northwind Wire", "https://wire.example/"),
                Source("Harbour Daily"),
                Source("Valley Radio", "https://radio.example/"),
            ),
            id="three-entries",
        ),
        pytest.param(
            ["Northwind Wire", "Harbour Daily <https://daily.example/>"],
            (Source("Northwind Wire"), Source("Harbour Daily", "https://daily.example/")),
            id="repeated-key-gives-a-list",
        ),
        pytest.param(
            "Harbour Daily; harbour daily <https://daily.example/>; HARBOUR DAILY",
            (Source("Harbour Daily", "https://daily.example/"),),
            id="same-name-any-case-merged-url-filled-in",
        ),
        pytest.param(
            "Northwind Wire <https://wire.example/a;b=1>; Harbour Daily",
            (Source("Northwind Wire", "https://wire.example/a;b=1"), Source("Harbour Daily")),
            id="semicolon-inside-angle-url",
        ),
        pytest.param(
            "[Ledger](https://ledger.example/x;y); [Archive](https://archive.example/Item_(2024))",
            (
                Source("Ledger", "https://ledger.example/x;y"),
                Source("Archive", "https://archive.example/Item_(2024)"),
            ),
            id="semicolon-and-parentheses-in-link-url",
        ),
        pytest.param(
            '[Harbour Daily](https://daily.example/ "front page")',
            (Source("Harbour Daily", "https://daily.example/"),),
            id="link-title-is-not-the-url",
        ),
        pytest.param(
            "<https://wire.example/>",
            (Source("https://wire.example/", "https://wire.example/"),),
            id="url-alone-names-itself",
        ),
        pytest.param(
            "Town Hall <mailto:press@town.example>; Report <reports/2024.pdf>; Mirror <//mirror.example/a>",
            (
                Source("Town Hall", "mailto:press@town.example"),
                Source("Report", "reports/2024.pdf"),
                Source("Mirror", "//mirror.example/a"),
            ),
            id="mailto-relative-and-scheme-relative",
        ),
        pytest.param(
            "  Northwind   Wire  ;;  ; ",
            (Source("Northwind Wire"),),
            id="spaces-and-empty-entries",
        ),
    ],
)
def test_sources(value, expected):
    assert parse_sources(value) == (expected, ())


@pytest.mark.parametrize(
    "value, source, url",
    [
        pytest.param("Wire <javascript:alert(1)>", Source("Wire"), "javascript:alert(1)", id="javascript"),
        pytest.param("Wire <JaVaScRiPt:alert(1)>", Source("Wire"), "JaVaScRiPt:alert(1)", id="mixed-case"),
        pytest.param("[Wire]( javascript:alert(1) )", Source("Wire"), "javascript:alert(1)", id="spaces"),
        pytest.param("[Wire](java\tscript:alert(1))", Source("Wire"), "java\tscript:alert(1)", id="tab"),
        pytest.param("[Wire](java&#115;cript:x)", Source("Wire"), "java&#115;cript:x", id="entity"),
        pytest.param(
            "Wire <data:text/html;base64,PHNjcmlwdD4=>", Source("Wire"), "data:text/html;base64,PHNjcmlwdD4=",
            id="data",
        ),
        pytest.param("Wire <vbscript:msgbox(1)>", Source("Wire"), "vbscript:msgbox(1)", id="vbscript"),
        pytest.param("Wire <ftp://files.example/>", Source("Wire"), "ftp://files.example/", id="other-scheme"),
    ],
)
def test_an_unsafe_url_is_dropped_the_name_kept(value, source, url):
    assert parse_sources(value) == ((source,), (Problem(UNSAFE, url),))


@pytest.mark.parametrize(
    "value, name",
    [
        pytest.param("<b>Harbour Daily</b>", "<b>Harbour Daily</b>", id="tags"),
        pytest.param("</script>", "</script>", id="end-tag-is-no-url"),
        pytest.param("Harbour <br/>", "Harbour <br/>", id="tag-after-a-name-is-no-url"),
        pytest.param("<!-- note -->", "<!-- note -->", id="comment"),
    ],
)
def test_html_in_a_name_stays_text_with_a_warning(value, name):
    assert parse_sources(value) == ((Source(name),), (Problem(MARKUP, name),))


def test_a_long_offending_text_is_quoted_shortened():
    url = "javascript:" + "x" * 200
    _, problems = parse_sources(f"Wire <{url}>")
    assert problems == (Problem(UNSAFE, url[:77] + "..."),)


# --- The sources list at the end of a post ---------------------------------------------


def aside(*items, title="Sources"):
    return (
        '<aside aria-labelledby="chronicles-sources-title" class="chronicles-sources">'
        f'<p class="chronicles-sources-title" id="chronicles-sources-title">{title}</p>'
        f"<ul>{''.join(f'<li>{i}</li>' for i in items)}</ul></aside>"
    )


@pytest.mark.parametrize(
    "source, expected",
    [
        pytest.param(
            "Sources: Northwind Wire <https://wire.example/>; Harbour Daily\n\nThe board met.",
            "<p>The board met.</p>" + aside('<a href="https://wire.example/">Northwind Wire</a>', "Harbour Daily"),
            id="from-metadata",
        ),
        pytest.param(
            "Sources: <b>Harbour</b>; Wire <javascript:alert(1)>\n\nThe board met.",
            "<p>The board met.</p>" + aside("&lt;b&gt;Harbour&lt;/b&gt;", "Wire"),
            id="html-stays-text-unsafe-url-dropped",
        ),
        pytest.param(
            "Title: Pier\n\nThe board met.",
            "<p>The board met.</p>",
            id="no-sources-no-list",
        ),
    ],
)
def test_sources_list(source, expected):
    assert normalize(render(source, meta=True)) == expected


def test_sources_list_merges_metadata_datelines_and_quotes_ignoring_case():
    html = render(
        """
        Sources: northwind wire <https://wire.example/>

        NORTHPORT (Northwind Wire) - The board met.

        > The work starts next week.
        >
        > — A. Spokesperson, [Harbour Daily](https://daily.example/pier)
        """,
        meta=True,
    )
    assert normalize(html).endswith(
        aside('<a href="https://wire.example/">northwind wire</a>', '<a href="https://daily.example/pier">Harbour Daily</a>')
    )


def test_sources_list_after_the_last_note():
    html = render("Sources: Harbour Daily\n\nThe board met.\n\nUPDATE: Work starts.", meta=True, update_log=False)
    assert normalize(html).endswith("<p>Work starts.</p></section>" + aside("Harbour Daily"))


def test_sources_list_label_and_switch():
    source = "Sources: Harbour Daily\n\nThe board met."
    assert normalize(render(source, meta=True, labels={"sources": "Quellen"})).endswith(
        aside("Harbour Daily", title="Quellen")
    )
    assert normalize(render(source, meta=True, sources_list=False)) == "<p>The board met.</p>"


def test_metadata_sources_join_the_chronicle():
    _, chronicle = convert("Sources: Harbour Daily <https://daily.example/>\n\nThe board met.", meta=True)
    assert chronicle.sources == (Source("Harbour Daily", "https://daily.example/"),)
    assert chronicle.problems == ()  # metadata problems are reported once, by the Pelican side


# --- Countries -----------------------------------------------------------------------


FRANCE = ("FR", "FRA", "France", "🇫🇷")
GERMANY = ("DE", "DEU", "Germany", "🇩🇪")
JAPAN = ("JP", "JPN", "Japan", "🇯🇵")
SOUTH_KOREA = ("KR", "KOR", "South Korea", "🇰🇷")


@pytest.mark.parametrize(
    "value, expected",
    [
        pytest.param(None, [], id="none"),
        pytest.param("FR", [FRANCE], id="alpha-2"),
        pytest.param("deu", [GERMANY], id="alpha-3-any-case"),
        pytest.param("Japan", [JAPAN], id="english-name"),
        pytest.param("FR, DEU, Japan", [FRANCE, GERMANY, JAPAN], id="comma-separated"),
        pytest.param(["FR", "Japan"], [FRANCE, JAPAN], id="repeated-key-gives-a-list"),
        pytest.param("FR, France, FRA, fr", [FRANCE], id="duplicates-removed"),
        pytest.param("Japan, FR", [JAPAN, FRANCE], id="order-kept"),
        pytest.param("Czech Republic", [("CZ", "CZE", "Czechia", "🇨🇿")], id="official-name"),
        pytest.param("South Korea", [SOUTH_KOREA], id="common-name"),
        pytest.param("Korea, Republic of", [SOUTH_KOREA], id="iso-name-with-comma"),
        pytest.param("Palestine", [("PS", "PSE", "Palestinian Territories", "🇵🇸")], id="iso-name-without-qualifier"),
        pytest.param("  united   kingdom ", [("GB", "GBR", "United Kingdom", "🇬🇧")], id="spacing-and-case"),
    ],
)
def test_countries(value, expected):
    countries, problems = resolve_countries(value)
    assert [(c.code, c.alpha3, c.name, c.flag) for c in countries] == expected
    assert problems == ()


@pytest.mark.parametrize(
    "value, codes, unknown",
    [
        pytest.param("Atlantis", [], ["Atlantis"], id="unknown-name"),
        pytest.param("FR, XX, Japan", ["FR", "JP"], ["XX"], id="unknown-code-among-known"),
        pytest.param("Korea", [], ["Korea"], id="ambiguous-short-name"),
        pytest.param("Fran", [], ["Fran"], id="no-fuzzy-matching"),
    ],
)
def test_an_unknown_country_is_a_problem_naming_it(value, codes, unknown):
    countries, problems = resolve_countries(value)
    assert [c.code for c in countries] == codes
    assert problems == tuple(Problem(UNKNOWN, u) for u in unknown)


def test_flag_is_made_of_regional_indicators():
    assert flag("FR") == "\U0001F1EB\U0001F1F7"
    assert flag("jp") == "🇯🇵"


def test_lookup_country_takes_a_code_or_a_name():
    assert lookup_country("ne").name == "Niger"
    assert lookup_country("NGA").name == "Nigeria"
    assert lookup_country("") is None


# --- Countries in any language (SPEC 7, 15) ---------------------------------------


@pytest.mark.parametrize(
    "value, code",
    [
        # CLDR names in other languages, through Babel
        ("Россия", "RU"),
        ("КНДР", "KP"),
        ("مصر", "EG"),
        ("السودان", "SD"),
        ("中国", "CN"),
        ("中國", "CN"),
        ("俄罗斯", "RU"),
        ("Deutschland", "DE"),
        ("Allemagne", "DE"),
        ("Rússia", "RU"),
        ("Росія", "RU"),
        ("روسیه", "RU"),
        ("रूस", "RU"),
        ("Mısır", "EG"),
        ("Misri", "EG"),
        ("Türkiye", "TR"),
        ("Косово", "XK"),
        ("Kosova", "XK"),
        # English: ISO's names, CLDR's, and everyday ones
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("Britain", "GB"),
        ("Turkey", "TR"),
        ("Turkiye", "TR"),
        ("Ivory Coast", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("Kosovo", "XK"),
        ("South Korea", "KR"),
        ("North Korea", "KP"),
        ("DPRK", "KP"),
        ("Iran", "IR"),
        ("Syria", "SY"),
        ("Vietnam", "VN"),
        ("Laos", "LA"),
        ("Bolivia", "BO"),
        ("Venezuela", "VE"),
        ("Tanzania", "TZ"),
        ("Czechia", "CZ"),
        ("Czech Republic", "CZ"),
        ("Moldova", "MD"),
        ("Taiwan", "TW"),
        ("Palestine", "PS"),
        ("Vatican", "VA"),
        ("Vatican City", "VA"),
        ("North Macedonia", "MK"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("Congo-Kinshasa", "CD"),
        ("Congo - Kinshasa", "CD"),
        ("DR Congo", "CD"),
        ("Congo-Brazzaville", "CG"),
        ("USA", "US"),
        ("US", "US"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("UAE", "AE"),
        ("East Timor", "TL"),
        ("Swaziland", "SZ"),
        # codes, as before
        ("XK", "XK"),
        ("XKX", "XK"),
        ("gb", "GB"),
        ("EGY", "EG"),
        # case, spacing and Unicode forms
        ("россия", "RU"),
        ("  ivory   coast ", "CI"),
        ("ＵＫ", "GB"),
        ("Tu\u0308rkiye", "TR"),  # "u" and a combining diaeresis
    ],
)
def test_a_country_in_any_language_or_by_its_everyday_name(value, code):
    countries, problems = resolve_countries(value)
    assert [c.code for c in countries] == [code]
    assert problems == ()


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("Narnia", id="no-such-country"),
        pytest.param("مصرف", id="a-word-that-starts-like-a-name"),
        pytest.param("Росс", id="a-name-cut-short"),
        pytest.param("Deutschlandd", id="a-name-misspelt"),
        pytest.param("America", id="a-country-here-two-continents-there"),
        pytest.param("Korea", id="two-states"),
        pytest.param("Конго", id="two-states-in-russian"),
        pytest.param("Macedonia", id="a-country-and-a-region"),
        pytest.param("U K", id="letters-spaced-apart"),
    ],
)
def test_a_value_no_source_names_exactly_still_warns(value):
    countries, problems = resolve_countries(value)
    assert countries == ()
    assert problems == (Problem(UNKNOWN, value),)


@pytest.mark.parametrize(
    "value, codes",
    [
        pytest.param("Россия، مصر", ["RU", "EG"], id="arabic-comma"),
        pytest.param("中国、俄罗斯", ["CN", "RU"], id="ideographic-comma"),
        pytest.param("中国，俄罗斯", ["CN", "RU"], id="fullwidth-comma"),
        pytest.param("مصر، السودان، Kosovo, UK", ["EG", "SD", "XK", "GB"], id="mixed"),
        pytest.param("Россия, Russia, RU, RUS", ["RU"], id="one-country-four-ways"),
        pytest.param("Korea, Republic of، مصر", ["KR", "EG"], id="iso-name-with-comma-among-others"),
    ],
)
def test_countries_are_separated_by_the_comma_of_each_script(value, codes):
    countries, problems = resolve_countries(value)
    assert [c.code for c in countries] == codes
    assert problems == ()


def test_kosovo_is_a_country_though_iso_has_no_entry_for_it():
    kosovo = lookup_country("Kosovo")
    assert (kosovo.code, kosovo.alpha3, kosovo.name, kosovo.flag) == ("XK", "XKX", "Kosovo", "🇽🇰")
    assert kosovo.slug == "xk"


@pytest.mark.parametrize(
    "code, lang, name",
    [
        ("RU", "ru", "Россия"),
        ("RU", "uk", "Росія"),
        ("EG", "ar", "مصر"),
        ("CN", "zh", "中国"),
        ("CN", "zh_Hant", "中國"),
        ("DE", "de", "Deutschland"),
        ("RU", "pt-BR", "Rússia"),
        ("XK", "ru", "Косово"),
        ("KP", "ru", "КНДР"),
        # English, and a language Babel does not know: CLDR's English name
        ("RU", "en", "Russia"),
        ("GB", "en-GB", "United Kingdom"),
        ("RU", "tlh", "Russia"),
        ("RU", None, "Russia"),
    ],
)
def test_country_name_in_a_language(code, lang, name):
    assert country_name(lookup_country(code), lang) == name


def test_codes_and_english_names_do_not_load_other_languages():
    """An English site pays nothing for names in other languages: codes and
    ISO's names never read Babel's data, CLDR's English names read English
    alone."""
    metadata._cldr_names.cache_clear()
    try:
        resolve_countries("FR, DEU, Japan, Korea, Republic of, UK, Kosovo, Ivory Coast")
        assert metadata._cldr_names.cache_info().currsize == 0
        resolve_countries("Russia, Vatican City")
        assert metadata._cldr_names.cache_info().currsize == 1
        resolve_countries("Россия")
        assert metadata._cldr_names.cache_info().currsize == 2
    finally:
        metadata._cldr_names.cache_clear()


def test_hostile_metadata_is_read_in_linear_time():
    assert_linear(parse_sources, lambda n: repeat("<", n))
    assert_linear(parse_sources, lambda n: repeat("](", n))
    assert_linear(parse_sources, lambda n: "[" + repeat("a", n))
    assert_linear(parse_sources, lambda n: repeat(" ", n) + "<x")
    assert_linear(parse_sources, lambda n: repeat("[", n))
    assert_linear(parse_sources, lambda n: repeat("&#1", n))
    assert_linear(resolve_countries, lambda n: repeat(",", n))
    assert_linear(resolve_countries, lambda n: repeat("ab,", n))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("[Smith; Jones LLP](https://sj.example/); Wire",
         [("Smith; Jones LLP", "https://sj.example/"), ("Wire", None)]),
        ("AT&amp;T; Wire", [("AT&T", None), ("Wire", None)]),
        ("Wire <https://wire.example/a;b>; Daily", [("Wire", "https://wire.example/a;b"), ("Daily", None)]),
        ("[Half [open; Wire", [("[Half [open", None), ("Wire", None)]),
    ],
)
def test_sources_split_only_at_a_top_level_semicolon(value, expected):
    sources, problems = parse_sources(value)
    assert [(s.name, s.url) for s in sources] == expected
    assert problems == ()


@pytest.mark.parametrize(
    "value",
    ["وكالة الشمال؛ نشرة الميناء", "海港通讯；北方社", "Северинформ; Портовый вестник"],
)
def test_sources_split_at_the_semicolon_of_each_script(value):
    sources, problems = parse_sources(value)
    assert len(sources) == 2 and problems == ()
