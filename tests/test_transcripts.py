"""Interview transcripts (SPEC 5): consecutive paragraphs that begin with a
speaker label."""

import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import body, convert, normalize, render
from timing import MB, assert_linear, repeat

from pelican_chronicles.model import Dateline, Source, Turn
from pelican_chronicles.syntax import ChroniclesExtension


def unchanged(source: str) -> bool:
    """True when the extension renders ``source`` as Markdown alone does."""
    return normalize(render(source)) == normalize(markdown.markdown(textwrap.dedent(source).strip()))


def plain(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


SPEC_TRANSCRIPT = """
Question: Would you describe the clause in plain words?

💬 A. Minister: If anyone doubts it, the text is public.
"""


# --- the syntax --------------------------------------------------------------


def test_spec_example():
    assert normalize(render(SPEC_TRANSCRIPT)) == normalize(
        """
        <div class="chronicles-transcript">
          <p class="chronicles-turn chronicles-turn-question" id="turn-1"><span
             class="chronicles-speaker">Question:</span> Would you describe the clause in plain words?</p>
          <p class="chronicles-turn" id="turn-2"><span class="chronicles-speaker"><span
             aria-hidden="true">💬</span> A. Minister:</span> If anyone doubts it, the text is public.</p>
        </div>
        """
    )


def test_short_question_and_answer_labels():
    assert normalize(render("Q: Is the port open?\n\nA: Since Monday.")) == normalize(
        '<div class="chronicles-transcript">'
        '<p class="chronicles-turn chronicles-turn-question" id="turn-1"><span class="chronicles-speaker">Q:</span>'
        " Is the port open?</p>"
        '<p class="chronicles-turn chronicles-turn-answer" id="turn-2"><span class="chronicles-speaker">A:</span>'
        " Since Monday.</p></div>"
    )


def test_role_words_match_any_case_one_letter_labels_only_their_own():
    html, chronicle = convert("QUESTION: Is the port open?\n\nanswer: Since Monday.")
    assert [(t.speaker, t.is_question) for t in chronicle.turns] == [("QUESTION", True), ("answer", False)]
    assert unchanged("q: lower-case letters are no labels.\n\na: neither is this one.")


NEXT = "\n\nQ: And then?"  # a transcript has two turns at least


def first_turn(source: str) -> str:
    """The first turn of ``source`` followed by a question, as HTML."""
    soup = BeautifulSoup(render(source + NEXT), "html.parser")
    return normalize(str(soup.select_one("div.chronicles-transcript > p")))


@pytest.mark.parametrize("balloon", ["💬", "🗨", "🗨\ufe0f", "🗯", "🗯\ufe0f", "💭"])
def test_every_speech_balloon_names_a_speaker(balloon):
    assert first_turn(f"{balloon} Dana Ortiz: The port is open.") == normalize(
        '<p class="chronicles-turn" id="turn-1">'
        f'<span class="chronicles-speaker"><span aria-hidden="true">{balloon}</span> Dana Ortiz:</span>'
        " The port is open.</p>"
    )


def test_bold_name_counts_after_another_label_with_the_colon_inside_or_outside():
    source = "Q: Is the port open?\n\n**Dana Ortiz:** Since Monday.\n\n**Lee Park**: Since Tuesday."
    assert normalize(render(source)) == normalize(
        '<div class="chronicles-transcript">'
        '<p class="chronicles-turn chronicles-turn-question" id="turn-1"><span class="chronicles-speaker">Q:</span>'
        " Is the port open?</p>"
        '<p class="chronicles-turn" id="turn-2"><span class="chronicles-speaker"><strong>Dana Ortiz:</strong></span>'
        " Since Monday.</p>"
        '<p class="chronicles-turn" id="turn-3"><span class="chronicles-speaker"><strong>Lee Park</strong>:</span>'
        " Since Tuesday.</p></div>"
    )


def test_bold_role_word_is_a_label():
    assert first_turn("**Q:** Is the port open?") == normalize(
        '<p class="chronicles-turn chronicles-turn-question" id="turn-1"><span class="chronicles-speaker">'
        "<strong>Q:</strong></span> Is the port open?</p>"
    )


def test_emphasis_around_a_balloon_name():
    html, chronicle = convert("💬 **Dana Ortiz:** The port is open." + NEXT)
    soup = BeautifulSoup(html, "html.parser")
    assert str(soup.select_one(".chronicles-speaker strong")) == "<strong>Dana Ortiz:</strong>"
    assert chronicle.turns[0].speaker == "Dana Ortiz"


def test_bold_name_alone_or_before_the_first_label_is_a_paragraph():
    source = "**Background:** The port closed in May.\n\nQ: Is it open now?\n\nA: Yes."
    html, chronicle = convert(source)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.p.get_text() == "Background: The port closed in May."
    assert "class" not in soup.p.attrs
    assert [t.speaker for t in chronicle.turns] == ["Q", "A"]
    assert unchanged("**Dana Ortiz:** A paragraph that starts in bold.")


def test_a_paragraph_without_a_label_between_turns_continues_the_turn_before_it():
    html, chronicle = convert("Q: One?\n\nA: Two.\n\nAnd two again.\n\nQ: Three?\n\n💬 Dana Ortiz: Four.")
    assert normalize(html) == normalize(
        '<div class="chronicles-transcript">'
        '<p class="chronicles-turn chronicles-turn-question" id="turn-1"><span class="chronicles-speaker">Q:</span> One?</p>'
        '<p class="chronicles-turn chronicles-turn-answer" id="turn-2"><span class="chronicles-speaker">A:</span> Two.</p>'
        '<p class="chronicles-turn-continued">And two again.</p>'
        '<p class="chronicles-turn chronicles-turn-question" id="turn-3"><span class="chronicles-speaker">Q:</span> Three?</p>'
        '<p class="chronicles-turn" id="turn-4"><span class="chronicles-speaker"><span aria-hidden="true">💬</span>'
        " Dana Ortiz:</span> Four.</p></div>"
    )
    assert [t.text for t in chronicle.turns] == ["One?", "Two. And two again.", "Three?", "Four."]


def test_after_the_last_turn_paragraphs_continue_it_up_to_a_thematic_break():
    html, chronicle = convert("Q: One?\n\nA: Two.\n\nStill two.\n\n---\n\nThe author comments.\n\nQ: Three?\n\nA: Four.")
    soup = BeautifulSoup(html, "html.parser")
    assert [[p.get("id") for p in div.select("p")] for div in soup.select("div.chronicles-transcript")] == [
        ["turn-1", "turn-2", None],
        ["turn-3", "turn-4"],
    ]
    assert [p.get_text() for p in soup.find_all("p", recursive=False)] == ["The author comments."]
    assert chronicle.turns[1].text == "Two. Still two."


@pytest.mark.parametrize("end", ["## Next part", "---", "UPDATE: Later."])
def test_a_heading_a_thematic_break_or_a_note_ends_the_transcript(end):
    html, chronicle = convert(f"Q: One?\n\nA: Two.\n\nStill two.\n\n{end}\n\nThe author's paragraph.")
    soup = BeautifulSoup(html, "html.parser")
    assert [p.get_text() for p in soup.select(".chronicles-transcript > p")] == ["Q: One?", "A: Two.", "Still two."]
    assert soup.find("p", string="The author's paragraph.").find_parent("div") is None
    assert chronicle.turns[1].text == "Two. Still two."


def test_a_list_continues_the_turn_a_blockquote_ends_the_transcript():
    source = (
        "Q: What does the plan cover?\n\nA: Three things:\n\n* the ferries\n* the port\n\nAnd that is all.\n\n"
        "> The plan, page 4.\n\nThe author's paragraph."
    )
    html, chronicle = convert(source)
    assert normalize(html) == normalize(
        '<div class="chronicles-transcript">'
        '<p class="chronicles-turn chronicles-turn-question" id="turn-1"><span class="chronicles-speaker">Q:</span>'
        " What does the plan cover?</p>"
        '<p class="chronicles-turn chronicles-turn-answer" id="turn-2"><span class="chronicles-speaker">A:</span>'
        " Three things:</p>"
        '<ul class="chronicles-turn-continued"><li>the ferries</li><li>the port</li></ul>'
        '<p class="chronicles-turn-continued">And that is all.</p></div>'
        "<blockquote><p>The plan, page 4.</p></blockquote><p>The author's paragraph.</p>"
    )
    assert chronicle.turns[1].text == "Three things: the ferries the port And that is all."


def test_raw_html_after_a_turn_stays_the_authors():
    source = "Q: One?\n\nA: Two.\n\n<div class=\"box\">A box.</div>\n\nAfter."
    html, chronicle = convert(source)
    assert '<div class="box">A box.</div>' in html
    assert [t.text for t in chronicle.turns] == ["One?", "Two."]
    assert plain(html) == plain(markdown.markdown(source))


ANSWER_THEN_DATELINE = """
Question: Does this clause mean anything?

💬 A. Minister: If anyone doubts it,

they should read the text.

MOSCOW (Agency) - The ministry later said more.
"""


def test_a_dateline_after_a_turn_ends_the_transcript_and_stays_a_dateline():
    html, chronicle = convert(ANSWER_THEN_DATELINE)
    assert body(ANSWER_THEN_DATELINE) == normalize(
        '<div class="chronicles-transcript">'
        '<p class="chronicles-turn chronicles-turn-question" id="turn-1"><span class="chronicles-speaker">Question:</span>'
        " Does this clause mean anything?</p>"
        '<p class="chronicles-turn" id="turn-2"><span class="chronicles-speaker"><span aria-hidden="true">💬</span>'
        " A. Minister:</span> If anyone doubts it,</p>"
        '<p class="chronicles-turn-continued">they should read the text.</p></div>'
        '<p><span class="chronicles-dateline"><span class="chronicles-dateline-place">MOSCOW</span>'
        ' (<span class="chronicles-source">Agency</span>) -</span> The ministry later said more.</p>'
    )
    assert chronicle.datelines == (Dateline("MOSCOW", "Agency"),)
    assert chronicle.sources == (Source("Agency"),)
    assert chronicle.turns[1].text == "If anyone doubts it, they should read the text."
    assert plain(html).removesuffix(" Sources Agency") == plain(markdown.markdown(ANSWER_THEN_DATELINE))


def test_a_dateline_between_turns_ends_the_transcript_the_next_label_opens_another():
    html, chronicle = convert("Q: One?\n\nA: Two.\n\nMOSCOW (Agency) - Later.\n\nQ: Three?\n\nA: Four.")
    soup = BeautifulSoup(html, "html.parser")
    assert [[p.get("id") for p in div.select("p")] for div in soup.select("div.chronicles-transcript")] == [
        ["turn-1", "turn-2"],
        ["turn-3", "turn-4"],
    ]
    assert [d.place for d in chronicle.datelines] == ["MOSCOW"]
    assert chronicle.turns[1].text == "Two."


def test_a_dateline_ends_a_transcript_as_the_posts_language_reads_datelines():
    tass = "МОСКВА, 20 июня. /ТАСС/. Министерство сообщило позже."
    source = f"💬 Б. Корреспондент: Что это значит?\n\n💬 А. Министр: Текст открыт.\n\n{tass}"
    html, chronicle = convert("Lang: ru\n\n" + source, meta=True)
    assert [(d.place, d.source, d.date_text) for d in chronicle.datelines] == [("МОСКВА", "ТАСС", "20 июня")]
    assert [t.text for t in chronicle.turns] == ["Что это значит?", "Текст открыт."]
    assert BeautifulSoup(html, "html.parser").select_one(".chronicles-dateline").find_parent("div") is None
    # read in English the date is no date and the paragraph no dateline: it is more of the answer
    html, chronicle = convert(source)
    assert chronicle.datelines == ()
    assert chronicle.turns[1].text == "Текст открыт. " + tass


def test_a_dateline_is_more_of_the_answer_where_the_site_reads_no_datelines():
    md = markdown.Markdown(extensions=[ChroniclesExtension()])
    md.treeprocessors.deregister("chronicles-datelines")
    html = md.convert(textwrap.dedent(ANSWER_THEN_DATELINE).strip())
    assert '<p class="chronicles-turn-continued">MOSCOW (Agency) - The ministry later said more.</p>' in html
    assert md.chronicles.turns[1].text == (
        "If anyone doubts it, they should read the text. MOSCOW (Agency) - The ministry later said more."
    )
    # where it reads them, the dateline ends the transcript
    md = markdown.Markdown(extensions=[ChroniclesExtension()])
    md.convert(textwrap.dedent(ANSWER_THEN_DATELINE).strip())
    assert md.chronicles.turns[1].text == "If anyone doubts it, they should read the text."


def test_the_table_of_contents_marker_after_a_turn_stays_outside_the_transcript():
    source = "# The talks\n\nQ: One?\n\nA: Two.\n\n[TOC]\n\n## Later"
    md = markdown.Markdown(extensions=["toc", ChroniclesExtension()])
    html = md.convert(source)
    assert normalize(html) == normalize(
        '<h1 id="the-talks">The talks</h1>'
        '<div class="chronicles-transcript">'
        '<p class="chronicles-turn chronicles-turn-question" id="turn-1"><span class="chronicles-speaker">Q:</span> One?</p>'
        '<p class="chronicles-turn chronicles-turn-answer" id="turn-2"><span class="chronicles-speaker">A:</span> Two.</p>'
        "</div>"
        '<div class="toc"><ul><li><a href="#the-talks">The talks</a><ul><li><a href="#later">Later</a></li></ul></li></ul></div>'
        '<h2 id="later">Later</h2>'
    )
    assert [t.text for t in md.chronicles.turns] == ["One?", "Two."]


BOLD_PHRASE_AFTER_ONE_TURN = """
Q: Why does this matter?

It matters because of the budget.

The council voted last week.

**Bottom line:** the budget passes.

Final words.
"""


def test_a_bold_phrase_after_one_turn_and_its_continuing_paragraphs_is_no_label():
    html, chronicle = convert(BOLD_PHRASE_AFTER_ONE_TURN)
    assert normalize(html) == normalize(
        "<p>Q: Why does this matter?</p>"
        "<p>It matters because of the budget.</p>"
        "<p>The council voted last week.</p>"
        "<p><strong>Bottom line:</strong> the budget passes.</p>"
        "<p>Final words.</p>"
    )
    assert chronicle.turns == ()
    assert unchanged(BOLD_PHRASE_AFTER_ONE_TURN)


def test_a_bold_name_after_continuing_paragraphs_is_a_turn_once_the_run_is_a_transcript():
    source = (
        "Q: Will the budget pass?\n\nThe vote is on Friday.\n\n**Bottom line:** it needs nine votes.\n\n"
        "💬 Dana Ortiz: It will pass.\n\nWe have the votes.\n\n**Lee Park:** It will not."
    )
    html, chronicle = convert(source)
    assert normalize(html) == normalize(
        '<div class="chronicles-transcript">'
        '<p class="chronicles-turn chronicles-turn-question" id="turn-1"><span class="chronicles-speaker">Q:</span>'
        " Will the budget pass?</p>"
        '<p class="chronicles-turn-continued">The vote is on Friday.</p>'
        '<p class="chronicles-turn-continued"><strong>Bottom line:</strong> it needs nine votes.</p>'
        '<p class="chronicles-turn" id="turn-2"><span class="chronicles-speaker"><span aria-hidden="true">💬</span>'
        " Dana Ortiz:</span> It will pass.</p>"
        '<p class="chronicles-turn-continued">We have the votes.</p>'
        '<p class="chronicles-turn" id="turn-3"><span class="chronicles-speaker"><strong>Lee Park:</strong></span>'
        " It will not.</p></div>"
    )
    assert [(t.speaker, t.text) for t in chronicle.turns] == [
        ("Q", "Will the budget pass? The vote is on Friday. Bottom line: it needs nine votes."),
        ("Dana Ortiz", "It will pass. We have the votes."),
        ("Lee Park", "It will not."),
    ]
    assert chronicle.speakers == ("Dana Ortiz", "Lee Park")


def test_inline_markdown_after_the_label_still_renders():
    assert first_turn("Q: Is the [text](https://ports.example/text) *final*?") == normalize(
        '<p class="chronicles-turn chronicles-turn-question" id="turn-1">'
        '<span class="chronicles-speaker">Q:</span> Is the <a href="https://ports.example/text">text</a>'
        " <em>final</em>?</p>"
    )


def test_speaker_names_are_escaped():
    assert first_turn("💬 R&D Lead: The port is open at 5 < 6.") == normalize(
        '<p class="chronicles-turn" id="turn-1">'
        '<span class="chronicles-speaker"><span aria-hidden="true">💬</span> R&amp;D Lead:</span>'
        " The port is open at 5 &lt; 6.</p>"
    )


def test_configured_words():
    words = dict(question_words=["Frage"], answer_words=["Antwort"])
    html, chronicle = convert("Frage: Ist der Hafen offen?\n\nAntwort: Ja.", **words)
    assert [(t.speaker, t.is_question) for t in chronicle.turns] == [("Frage", True), ("Antwort", False)]
    assert 'class="chronicles-turn chronicles-turn-answer"' in html
    assert "chronicles-turn" not in render("Question: not a label with other words configured.", **words)


def test_transcript_inside_an_update_note():
    html, chronicle = convert("Lead.\n\nUPDATE: Answer to my question:\n\n" + SPEC_TRANSCRIPT)
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select("section#update-1 > div.chronicles-transcript > p.chronicles-turn")) == 2


# --- what is not a transcript ----------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "The Question: was asked twice.",
        "Q:no space after the colon.",
        "Questions: plural is not the word.",
        "Question - no colon.",
        "* Q: in a list item",
        "> Q: in a blockquote",
        "## Q: in a heading",
        "💬 " + "N" * 61 + ": a name too long to be one.",
        "💬 : no name.",
        "💬 Dana Ortiz no colon.",
        "Plan A: a sentence.",
        "**Q:* unbalanced emphasis.",
    ],
)
def test_not_a_transcript(source):
    html, chronicle = convert(source)
    assert "chronicles-turn" not in html
    assert chronicle.turns == ()
    assert unchanged(source)


# --- the chronicle -------------------------------------------------------------------


def test_turn_data():
    html, chronicle = convert(SPEC_TRANSCRIPT + "\n**Lee Park:** *Briefly*, yes.")
    assert chronicle.turns == (
        Turn("turn-1", "Question", "Would you describe the clause in plain words?", is_question=True, named=False),
        Turn("turn-2", "A. Minister", "If anyone doubts it, the text is public.", is_question=False, named=True),
        Turn("turn-3", "Lee Park", "Briefly, yes.", is_question=False, named=True),
    )
    assert chronicle.speakers == ("A. Minister", "Lee Park")


def test_text_is_neither_lost_nor_reordered():
    source = SPEC_TRANSCRIPT + "\nA: *Also* [this](https://ports.example).\n\n**Lee Park:** done.\n\nAfter."
    assert plain(render(source)) == plain(markdown.markdown(source))


def test_adversarial_input_takes_linear_time():
    for make in [
        lambda n: repeat("A" * 50 + " (", n),
        lambda n: "💬 " + repeat("a", n),
        lambda n: "**" + repeat("a ", n),
        lambda n: "💬" + repeat(" ", n) + ":",
    ]:
        assert_linear(render, make, size=MB // 4)
    assert_linear(render, lambda n: repeat("Q: x\n\n", n), size=MB // 16)  # 10,000 turns in one transcript


# --- a real build ----------------------------------------------------------------------


def test_build_renders_the_transcript(build):
    site = build(
        {
            "interview.md": """
            Title: Interview on the treaty
            Date: 2024-06-19 09:00

            UPDATE:  Answer to my question from the minister:

            Question: Does this clause mean the port stays open?

            💬 A. Minister: If anyone doubts it, the text is public.
            """
        }
    )
    soup = site.soup("interview-on-the-treaty.html")
    turns = soup.select("section#update-1 div.chronicles-transcript > p.chronicles-turn")
    assert [t["id"] for t in turns] == ["turn-1", "turn-2"]
    assert "chronicles-turn-question" in turns[0]["class"]
    assert turns[1].select_one(".chronicles-speaker span[aria-hidden=true]").get_text() == "💬"
    assert turns[1].get_text() == "💬 A. Minister: If anyone doubts it, the text is public."


def test_a_turns_text_is_what_a_reader_sees():
    _html, chronicle = convert(
        "💬 Dana Ortiz: From 5 &lt; 6 &amp; up, said `<i>`, \\*not\\* <em>this</em> & that." + NEXT
    )
    assert chronicle.turns[0].text == "From 5 < 6 & up, said <i>, *not* this & that."


def test_abbreviations_the_document_defines_reach_the_speaker_label():
    source = "*[UN]: United Nations\n\n💬 UN envoy: The talks resume on Monday."
    md = markdown.Markdown(extensions=["abbr", ChroniclesExtension()])
    html = md.convert(source)
    assert '<abbr title="United Nations">UN</abbr> envoy:' in html


@pytest.mark.parametrize("label", ["💬 Dana Ortiz:", "**Dana Ortiz:**"], ids=["written-as-markup", "built-as-elements"])
def test_the_answer_after_a_label_keeps_its_inline_markdown_and_the_label_stays_out_of_the_text(label):
    source = f"Q: And the port?\n\n{label} It *reopens* on [Monday](https://port.example/) \\*at 6\\*."
    html, chronicle = convert(source)
    soup = BeautifulSoup(html, "html.parser")
    answer = soup.select_one("#turn-2")
    assert answer.select_one("span.chronicles-speaker").get_text() == label.replace("**", "")
    assert str(answer.select_one("em")) == "<em>reopens</em>"
    assert answer.select_one("a")["href"] == "https://port.example/"
    assert answer.get_text().endswith("It reopens on Monday *at 6*.")
    assert chronicle.turns[1].text == "It reopens on Monday *at 6*."


@pytest.mark.parametrize(
    "source", ["💬 Dana Ortiz: The port is open.", "🗨\ufe0f **Dana Ortiz:** The port is open."],
    ids=["written-as-markup", "built-as-elements"],
)
def test_the_balloon_is_written_as_character_references(source):
    # A post's HTML is held for the whole build; one emoji would make
    # CPython store all of it at four bytes a character.
    source += NEXT
    html = render(source)
    assert not any(ord(c) > 0xFFFF for c in html)
    balloon = source.split(" ", 1)[0]
    assert "".join(f"&#x{ord(c):X};" for c in balloon) in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".chronicles-speaker span[aria-hidden=true]").get_text() == balloon
    assert plain(html) == plain(markdown.markdown(source)).replace("**", "")


# --- a post as authors write them (SPEC, "Who it is for") ------------------------------------

TYPICAL_POST = """
Title: (UPDATE) Ferry agreement signed at the harbour
Date: 2024-06-19 09:00
Countries: NO, DK

The two harbour towns now share one timetable.

NORTHPORT (Harbour Wire) -Earlier in the day the two mayors signed the ferry agreement.

The agreement settles what the towns argued about for a decade.

Its annexes matter more than its preamble:

* a timetable for the winter months
* a fare table for residents

UPDATE:  Answer to my question from the minister:

Question: Does the second annex mean the night ferry stays?

💬 A. Minister: If anyone doubts it, the annex is public and says so.

The night ferry runs as long as the harbour is open, in every season.
"""


def test_a_typical_post_keeps_the_ministers_answer_of_two_paragraphs_in_one_turn():
    html, chronicle = convert(TYPICAL_POST, meta=True, update_log=False, sources_list=False)
    soup = BeautifulSoup(html, "html.parser")
    note = soup.select_one("section#update-1")
    assert [p.get_text() for p in note.find_all("p", recursive=False)] == [
        "Update", "Answer to my question from the minister:",
    ]
    (transcript,) = note.select("div.chronicles-transcript")
    assert [(p.get("id"), p.get("class"), p.get_text()) for p in transcript.find_all("p")] == [
        ("turn-1", ["chronicles-turn", "chronicles-turn-question"],
         "Question: Does the second annex mean the night ferry stays?"),
        ("turn-2", ["chronicles-turn"], "💬 A. Minister: If anyone doubts it, the annex is public and says so."),
        (None, ["chronicles-turn-continued"], "The night ferry runs as long as the harbour is open, in every season."),
    ]
    assert [(t.speaker, t.text) for t in chronicle.turns] == [
        ("Question", "Does the second annex mean the night ferry stays?"),
        ("A. Minister", "If anyone doubts it, the annex is public and says so. "
                        "The night ferry runs as long as the harbour is open, in every season."),
    ]
    assert chronicle.speakers == ("A. Minister",)
    # the author's own parts are the author's
    assert soup.select_one(".chronicles-dateline-place").get_text() == "NORTHPORT"
    assert [li.get_text() for li in soup.select("ul > li")] == [
        "a timetable for the winter months", "a fare table for residents",
    ]
    assert not soup.select("ul.chronicles-turn-continued")
    body = TYPICAL_POST.split("\n\n", 1)[1]
    assert plain(html).replace("Update ", "UPDATE: ", 1) == plain(markdown.markdown(body))


def test_the_speakers_page_carries_the_whole_turn(build):
    site = build({"ferry.md": TYPICAL_POST})
    page = site.soup("speakers/a-minister.html")
    (statement,) = page.select("li.chronicles-statement-turn .chronicles-statement-text")
    assert " ".join(statement.get_text().split()) == (
        "If anyone doubts it, the annex is public and says so. "
        "The night ferry runs as long as the harbour is open, in every season."
    )
    post = site.soup("ferry-agreement-signed-at-the-harbour.html")
    assert post.select_one("#turn-2 + p.chronicles-turn-continued").get_text() == (
        "The night ferry runs as long as the harbour is open, in every season."
    )
