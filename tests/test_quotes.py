"""Attributed quotes (SPEC 4): a blockquote and its attribution become a
figure with a caption."""

import datetime
import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import body, convert, normalize, unchanged
from timing import MB, assert_linear, repeat

from pelican_chronicles.model import Quote, Source


def plain(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for aside in soup.select("aside.chronicles-sources"):
        aside.decompose()
    return " ".join(soup.get_text().split())


SPEC_QUOTE = """
> This is not just a statement, it is already happening.
>
> — A. Minister, Minister of Foreign Affairs, [Agency](https://agency.example/item), 2024-06-19
"""


# --- the syntax --------------------------------------------------------------


def test_spec_example():
    assert body(SPEC_QUOTE) == normalize(
        """
        <figure class="chronicles-quote" id="quote-1">
          <blockquote cite="https://agency.example/item">
            <p>This is not just a statement, it is already happening.</p>
          </blockquote>
          <figcaption>— <span class="chronicles-speaker">A. Minister</span>, <span
            class="chronicles-role">Minister of Foreign Affairs</span>, <cite><a
            href="https://agency.example/item">Agency</a></cite>, <time
            datetime="2024-06-19">2024-06-19</time></figcaption>
        </figure>
        """
    )


@pytest.mark.parametrize("dash", ["—", "―", "–", "--", "~"])
def test_every_attribution_dash_is_kept_as_typed(dash):
    assert body(f"> The port reopens next week.\n>\n> {dash} Dana Ortiz, spokesperson") == normalize(
        '<figure class="chronicles-quote" id="quote-1"><blockquote><p>The port reopens next week.</p></blockquote>'
        f'<figcaption>{dash} <span class="chronicles-speaker">Dana Ortiz</span>, '
        '<span class="chronicles-role">spokesperson</span></figcaption></figure>'
    )


def test_dash_without_space_and_odd_separators_stay_as_typed():
    assert body("> The port reopens.\n>\n> —Dana Ortiz ,  spokesperson") == normalize(
        '<figure class="chronicles-quote" id="quote-1"><blockquote><p>The port reopens.</p></blockquote>'
        '<figcaption>—<span class="chronicles-speaker">Dana Ortiz</span> ,  '
        '<span class="chronicles-role">spokesperson</span></figcaption></figure>'
    )


def test_attribution_paragraph_directly_after_the_blockquote():
    assert body("> The port reopens next week.\n\n– Dana Ortiz, spokesperson\n\nMore commentary.") == normalize(
        '<figure class="chronicles-quote" id="quote-1"><blockquote><p>The port reopens next week.</p></blockquote>'
        '<figcaption>– <span class="chronicles-speaker">Dana Ortiz</span>, '
        '<span class="chronicles-role">spokesperson</span></figcaption></figure>'
        "<p>More commentary.</p>"
    )


def test_link_as_the_whole_attribution_names_the_speaker():
    source = "> The harbour is busier than ever.\n\n– [Harbour Watcher on the forum](https://forum.example/t/42)"
    html, chronicle = convert(source)
    assert body(source) == normalize(
        '<figure class="chronicles-quote" id="quote-1">'
        '<blockquote cite="https://forum.example/t/42"><p>The harbour is busier than ever.</p></blockquote>'
        '<figcaption>– <span class="chronicles-speaker">'
        '<a href="https://forum.example/t/42">Harbour Watcher on the forum</a></span></figcaption></figure>'
    )
    quote = chronicle.quotes[0]
    assert quote.speaker == "Harbour Watcher on the forum"
    assert quote.source == Source("Harbour Watcher on the forum", "https://forum.example/t/42")
    assert chronicle.sources == ()  # a person, not a source of the post


def test_attribution_on_the_line_after_the_quote_without_a_blank_line():
    # Markdown joins the two lines into one paragraph; the last line is the attribution.
    assert body("> The port reopens next week.\n> — Dana Ortiz, spokesperson") == normalize(
        '<figure class="chronicles-quote" id="quote-1"><blockquote><p>The port reopens next week.</p></blockquote>'
        '<figcaption>— <span class="chronicles-speaker">Dana Ortiz</span>, '
        '<span class="chronicles-role">spokesperson</span></figcaption></figure>'
    )


def test_adjacent_role_parts_share_one_span():
    assert body("> Quoted words.\n>\n> — Dana Ortiz, spokesperson, Ministry of Ports, 2024") == normalize(
        '<figure class="chronicles-quote" id="quote-1"><blockquote><p>Quoted words.</p></blockquote>'
        '<figcaption>— <span class="chronicles-speaker">Dana Ortiz</span>, '
        '<span class="chronicles-role">spokesperson, Ministry of Ports</span>, '
        '<time datetime="2024">2024</time></figcaption></figure>'
    )


def test_role_keeps_its_inline_markdown():
    assert body("> Quoted words.\n>\n> — Dana Ortiz, *acting* spokesperson") == normalize(
        '<figure class="chronicles-quote" id="quote-1"><blockquote><p>Quoted words.</p></blockquote>'
        '<figcaption>— <span class="chronicles-speaker">Dana Ortiz</span>, '
        '<span class="chronicles-role"><em>acting</em> spokesperson</span></figcaption></figure>'
    )


def test_commas_inside_parentheses_do_not_split():
    html, chronicle = convert("> Quoted words.\n>\n> — Dana Ortiz (Ports, Harbours), spokesperson")
    assert chronicle.quotes[0].speaker == "Dana Ortiz (Ports, Harbours)"
    assert chronicle.quotes[0].role == "spokesperson"


def test_text_in_the_attribution_is_escaped():
    assert body('> Quoted words.\n>\n> — Dana Ortiz, R&D Unit, [Daily](https://daily.example/?q="a"&b=1)') == normalize(
        '<figure class="chronicles-quote" id="quote-1">'
        '<blockquote cite="https://daily.example/?q=&quot;a&quot;&amp;b=1"><p>Quoted words.</p></blockquote>'
        '<figcaption>— <span class="chronicles-speaker">Dana Ortiz</span>, '
        '<span class="chronicles-role">R&amp;D Unit</span>, '
        '<cite><a href="https://daily.example/?q=&quot;a&quot;&amp;b=1">Daily</a></cite></figcaption></figure>'
    )


def test_quotes_are_numbered_in_document_order():
    html, chronicle = convert(
        """
        > First words.
        >
        > — Dana Ortiz, spokesperson

        Commentary between the quotes.

        > Second words.

        ~ Lee Park, analyst

        UPDATE: A third statement:

        > Third words.
        >
        > -- A. Minister
        """
    )
    soup = BeautifulSoup(html, "html.parser")
    assert [f["id"] for f in soup.select("figure.chronicles-quote")] == ["quote-1", "quote-2", "quote-3"]
    assert [q.speaker for q in chronicle.quotes] == ["Dana Ortiz", "Lee Park", "A. Minister"]
    assert soup.select_one("section#update-1 figure")["id"] == "quote-3"


def test_two_quotes_in_a_row_stay_two_quotes():
    # Python-Markdown joins blockquotes separated by a blank line; each
    # attribution still closes its own quote.
    assert body("> First words.\n>\n> — Dana Ortiz\n\n> Second words.\n>\n> — Lee Park, analyst") == normalize(
        '<figure class="chronicles-quote" id="quote-1"><blockquote><p>First words.</p></blockquote>'
        '<figcaption>— <span class="chronicles-speaker">Dana Ortiz</span></figcaption></figure>'
        '<figure class="chronicles-quote" id="quote-2"><blockquote><p>Second words.</p></blockquote>'
        '<figcaption>— <span class="chronicles-speaker">Lee Park</span>, '
        '<span class="chronicles-role">analyst</span></figcaption></figure>'
    )


def test_quoted_words_after_the_last_attribution_stay_a_blockquote():
    assert body("> First words.\n> — Dana Ortiz\n\n> Words nobody signed.") == normalize(
        '<figure class="chronicles-quote" id="quote-1"><blockquote><p>First words.</p></blockquote>'
        '<figcaption>— <span class="chronicles-speaker">Dana Ortiz</span></figcaption></figure>'
        "<blockquote><p>Words nobody signed.</p></blockquote>"
    )


def test_nested_blockquote_only_the_outer_one_counts():
    assert body("> Outer words.\n>\n> > Inner words.\n> >\n> > — Lee Park\n>\n> — Dana Ortiz") == normalize(
        '<figure class="chronicles-quote" id="quote-1"><blockquote><p>Outer words.</p>'
        "<blockquote><p>Inner words.</p><p>— Lee Park</p></blockquote></blockquote>"
        '<figcaption>— <span class="chronicles-speaker">Dana Ortiz</span></figcaption></figure>'
    )


# --- unsafe links ----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
    ],
)
def test_unsafe_link_is_dropped_its_text_kept_and_reported(url):
    html, chronicle = convert(f"> Quoted words.\n>\n> — Dana Ortiz, [Daily]({url})")
    assert body(f"> Quoted words.\n>\n> — Dana Ortiz, [Daily]({url})") == normalize(
        '<figure class="chronicles-quote" id="quote-1"><blockquote><p>Quoted words.</p></blockquote>'
        '<figcaption>— <span class="chronicles-speaker">Dana Ortiz</span>, <cite>Daily</cite></figcaption></figure>'
    )
    assert "href" not in html and "cite=" not in html
    assert [p.text for p in chronicle.problems] == [url]
    assert "quote-1" in chronicle.problems[0].message
    assert chronicle.quotes[0].source == Source("Daily")


def test_unsafe_link_naming_the_speaker_is_dropped_too():
    html, chronicle = convert("> Quoted words.\n\n– [Harbour Watcher](javascript:alert(1))")
    assert "href" not in html and "cite=" not in html
    assert chronicle.quotes[0].speaker == "Harbour Watcher"
    assert [p.text for p in chronicle.problems] == ["javascript:alert(1)"]


# --- dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, machine, day",
    [
        ("2024-06-19", "2024-06-19", datetime.date(2024, 6, 19)),
        ("June 19, 2024", "2024-06-19", datetime.date(2024, 6, 19)),
        ("19 June 2024", "2024-06-19", datetime.date(2024, 6, 19)),
        ("Wednesday, June 19, 2024", "2024-06-19", datetime.date(2024, 6, 19)),
        ("June 2024", "2024-06", datetime.date(2024, 6, 1)),
        ("2024", "2024", datetime.date(2024, 1, 1)),
        ("2024-06-19 14:30", "2024-06-19T14:30:00+00:00", datetime.date(2024, 6, 19)),
    ],
)
def test_date_as_typed_with_a_machine_readable_datetime(typed, machine, day):
    html, chronicle = convert(f"> Quoted words.\n>\n> — Dana Ortiz, {typed}")
    time_el = BeautifulSoup(html, "html.parser").select_one("figcaption time")
    assert (time_el.get_text(), time_el["datetime"]) == (typed, machine)
    assert (chronicle.quotes[0].date, chronicle.quotes[0].date_text) == (day, typed)


def test_date_without_a_year_takes_the_posts_year_or_the_one_before():
    source = """
        Date: 2024-03-10

        > Quoted words.
        > — Dana Ortiz, June 18

        Between.

        > More.
        > — Lee Park, March 2
        """
    html, chronicle = convert(source, meta=True)
    assert [q.date for q in chronicle.quotes] == [datetime.date(2023, 6, 18), datetime.date(2024, 3, 2)]


def test_date_without_a_year_in_a_post_without_a_date_stays_role_text():
    html, chronicle = convert("> Quoted words.\n>\n> — Dana Ortiz, June 18")
    assert "<time" not in html
    assert (chronicle.quotes[0].role, chronicle.quotes[0].date) == ("June 18", None)


def test_day_first_setting_reads_numeric_dates():
    html, chronicle = convert("> Quoted words.\n>\n> — Dana Ortiz, 03/04/2024", dayfirst=True)
    assert chronicle.quotes[0].date == datetime.date(2024, 4, 3)


@pytest.mark.parametrize("part", ["Room 5", "G7 envoy", "5", "at 10:00", "Friday"])
def test_numbers_that_are_no_dates_stay_role(part):
    html, chronicle = convert(f"> Quoted words.\n>\n> — Dana Ortiz, {part}")
    assert "<time" not in html
    assert chronicle.quotes[0].role == part


# --- what is not an attribution ---------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "> Quoted words without attribution.",
        "> Quoted words.\n>\n> More quoted words.",
        "> — A dash paragraph first.\n>\n> Then the quote.",
        "> — Only a dash paragraph",
        "> Quoted words.\n\nCommentary.\n\n— Dana Ortiz, spokesperson",
        "— Dana Ortiz, spokesperson\n\nA paragraph.",
        "> Quoted words.\n\n– " + "word " * 50,
        "> Quoted words.\n\n– Dana Ortiz,\nspokesperson of the ministry",
        "> Quoted words.\n\n---\n\nAfter the rule.",
        "> Quoted words.\n\n~~struck~~ text.",
        "> Is the port open?\n>\n> — Really? she asked.",
        "> Is the port open?\n>\n> — Not yet! he said.",
        '> The reply came late.\n>\n> — “Not today”',
        "> Quoted words.\n\n-- ",
        "> [!UPDATE] 2024-06-20\n> — Dana Ortiz",
        "* > Quoted words in a list.\n  >\n  > — Dana Ortiz",
    ],
)
def test_not_an_attribution(source):
    html, chronicle = convert(source)
    assert "chronicles-quote" not in html
    assert chronicle.quotes == ()
    if "[!UPDATE]" not in source:
        assert unchanged(source)


# --- the chronicle -------------------------------------------------------------------


def test_quote_data_and_source():
    html, chronicle = convert(SPEC_QUOTE)
    assert chronicle.quotes == (
        Quote(
            anchor="quote-1",
            text="This is not just a statement, it is already happening.",
            speaker="A. Minister",
            role="Minister of Foreign Affairs",
            source=Source("Agency", "https://agency.example/item"),
            date=datetime.date(2024, 6, 19),
            date_text="2024-06-19",
        ),
    )
    assert chronicle.sources == (Source("Agency", "https://agency.example/item"),)
    assert chronicle.speakers == ("A. Minister",)


def test_speaker_and_role_in_the_data_are_plain_words():
    html, chronicle = convert("> Words.\n>\n> — **Dana Ortiz**, _acting_ head of [Port_Desk](https://ports.example)")
    assert (chronicle.quotes[0].speaker, chronicle.quotes[0].role) == ("Dana Ortiz", "acting head of Port_Desk")


@pytest.mark.parametrize(
    "source",
    [
        SPEC_QUOTE,
        "> The port reopens.\n> — Dana Ortiz, *acting* spokesperson, [Daily](https://daily.example/a), June 2024",
        "> The port reopens.\n\n~ [Harbour Watcher](https://forum.example/t/1)\n\nAfter.",
    ],
)
def test_text_is_neither_lost_nor_reordered(source):
    assert plain(convert(source)[0]) == plain(markdown.markdown(textwrap.dedent(source).strip()))


def test_adversarial_input_takes_linear_time():
    from pelican_chronicles.syntax.quotes import parse_attribution, split_parts, visible_text

    def attribution_paragraph(text):
        return parse_attribution(None, text, single_line=False)

    def attribution_line(text):
        return parse_attribution(None, text, single_line=True)

    assert_linear(convert, lambda n: "> Quoted.\n\n— " + repeat("A" * 50 + " (", n), size=MB // 4)
    assert_linear(convert, lambda n: "> Quoted.\n>\n> " + repeat("— A, ", n), size=MB // 4)
    assert_linear(attribution_paragraph, lambda n: "— " + repeat("[a](", n))
    assert_linear(visible_text, lambda n: repeat("[a](b(", n))
    assert_linear(visible_text, lambda n: "[" + repeat("a", n))
    assert_linear(visible_text, lambda n: repeat("[a](b) ", n))
    assert_linear(split_parts, lambda n: repeat("[(,", n))
    assert_linear(attribution_line, lambda n: "— " + repeat(" ", n))


# --- a real build ----------------------------------------------------------------------


def test_build_renders_the_figure(build):
    site = build(
        {
            "treaty.md": """
            Title: Treaty signed
            Date: 2024-06-19 09:00

            A lead written by the author.

            > This is not just a statement, it is already happening.
            >
            > — A. Minister, Minister of Foreign Affairs, [Agency](https://agency.example/item), June 18

            Commentary follows.
            """
        }
    )
    soup = site.soup("treaty-signed.html")
    figure = soup.select_one("figure.chronicles-quote#quote-1")
    assert figure.blockquote["cite"] == "https://agency.example/item"
    caption = figure.figcaption
    assert caption.select_one(".chronicles-speaker").get_text() == "A. Minister"
    assert caption.select_one(".chronicles-role").get_text() == "Minister of Foreign Affairs"
    assert caption.select_one("cite a")["href"] == "https://agency.example/item"
    assert caption.time["datetime"] == "2024-06-18"
    assert " ".join(caption.get_text().split()) == (
        "— A. Minister, Minister of Foreign Affairs, Agency, June 18"
    )


def test_build_warns_about_an_unsafe_link(build, chronicles_warnings):
    site = build(
        {
            "quote.md": """
            Title: A quote
            Date: 2024-06-19 09:00

            > Quoted words.

            — Dana Ortiz, [Daily](javascript:alert(1))
            """
        }
    )
    assert "javascript" not in site.text("a-quote.html")
    assert any("javascript:alert(1)" in message and "quote.md" in message for message in chronicles_warnings())
