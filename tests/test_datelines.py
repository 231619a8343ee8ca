"""Datelines (SPEC 3): ``PLACE (Source) -`` at the start of a paragraph."""


import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import body, convert, normalize, unchanged
from timing import MB, assert_linear, repeat

from pelican_chronicles.model import Dateline, Source
from pelican_chronicles.syntax import ChroniclesExtension


# --- the syntax --------------------------------------------------------------


def test_spec_example_dash_without_space_after_it():
    assert body("PYONGYANG (Sputnik) -Earlier in the day the delegations met.") == normalize(
        '<p><span class="chronicles-dateline"><span class="chronicles-dateline-place">PYONGYANG</span>'
        ' (<span class="chronicles-source">Sputnik</span>) -</span>Earlier in the day the delegations met.</p>'
    )


def test_en_dash_with_spaces_keeps_the_space_after_the_dateline():
    assert body("CAPITAL (Agency) – The two leaders signed the treaty.") == normalize(
        '<p><span class="chronicles-dateline"><span class="chronicles-dateline-place">CAPITAL</span>'
        ' (<span class="chronicles-source">Agency</span>) –</span> The two leaders signed the treaty.</p>'
    )


def test_em_dash_without_spaces():
    assert body("CAPITAL (Agency)—The talks ended early.") == normalize(
        '<p><span class="chronicles-dateline"><span class="chronicles-dateline-place">CAPITAL</span>'
        ' (<span class="chronicles-source">Agency</span>)—</span>The talks ended early.</p>'
    )


def test_double_hyphen_of_older_wire_copy():
    assert body("CAPITAL (Agency) -- The talks ended early.") == normalize(
        '<p><span class="chronicles-dateline"><span class="chronicles-dateline-place">CAPITAL</span>'
        ' (<span class="chronicles-source">Agency</span>) --</span> The talks ended early.</p>'
    )


@pytest.mark.parametrize(
    "place, source",
    [
        ("NEW DELHI", "Agency"),
        ("WASHINGTON, D.C.", "Daily Wire Service"),
        ("SÃO PAULO", "Agência"),
        ("PORT-AU-PRINCE", "Agency"),
        ("NORTH/SOUTH HARBOUR", "Agency"),
        ("МОСКВА", "Агентство"),
        ("ΑΘΗΝΑ", "Πρακτορείο"),
        ("ONE TWO THREE FOUR FIVE", "Agency"),
        ("CAPITAL", "7 News"),
        ("A CORUÑA", "Agency"),  # a one-letter first word
    ],
)
def test_places_of_one_to_five_upper_case_words_in_any_script(place, source):
    assert body(f"{place} ({source}) - The talks ended early.") == normalize(
        f'<p><span class="chronicles-dateline"><span class="chronicles-dateline-place">{place}</span>'
        f' (<span class="chronicles-source">{source}</span>) -</span> The talks ended early.</p>'
    )


def test_place_followed_by_a_date():
    html, chronicle = convert("KYIV, June 3 (Agency) - The talks ended early.")
    assert body("KYIV, June 3 (Agency) - The talks ended early.") == normalize(
        '<p><span class="chronicles-dateline"><span class="chronicles-dateline-place">KYIV</span>'
        ', June 3 (<span class="chronicles-source">Agency</span>) -</span> The talks ended early.</p>'
    )
    assert chronicle.dateline == Dateline(place="KYIV", source="Agency", date_text="June 3")


def test_place_with_a_region_as_wire_styles_write_it():
    html, chronicle = convert("SPRINGFIELD, Ill., June 3 (Agency) — The council met.")
    assert body("SPRINGFIELD, Ill., June 3 (Agency) — The council met.") == normalize(
        '<p><span class="chronicles-dateline"><span class="chronicles-dateline-place">SPRINGFIELD, Ill.</span>'
        ', June 3 (<span class="chronicles-source">Agency</span>) —</span> The council met.</p>'
    )
    assert chronicle.dateline == Dateline(place="SPRINGFIELD, Ill.", source="Agency", date_text="June 3")


def test_a_weekday_after_the_place_is_its_date_not_a_region():
    html, chronicle = convert("PORT ELARA, Friday (Agency) - The council met.")
    assert chronicle.dateline == Dateline(place="PORT ELARA", source="Agency", date_text="Friday")


def test_inline_markdown_after_the_dateline_still_renders():
    assert body("CAPITAL (Agency) - The **final** text is [online](https://agency.example/text).") == normalize(
        '<p><span class="chronicles-dateline"><span class="chronicles-dateline-place">CAPITAL</span>'
        ' (<span class="chronicles-source">Agency</span>) -</span> The <strong>final</strong> text is'
        ' <a href="https://agency.example/text">online</a>.</p>'
    )


def test_inline_markdown_in_the_source_still_renders():
    html, chronicle = convert("CAPITAL (Harbour *Press*) -- Results were published.", sources_list=False)
    assert normalize(html) == normalize(
        '<p><span class="chronicles-dateline"><span class="chronicles-dateline-place">CAPITAL</span>'
        ' (<span class="chronicles-source">Harbour <em>Press</em></span>) --</span> Results were published.</p>'
    )
    # the chronicle and the sources list name the agency without the marks
    assert chronicle.dateline.source == "Harbour Press"
    assert chronicle.sources == (Source("Harbour Press"),)


def test_source_text_is_escaped():
    assert body("CAPITAL (R&D Wire) - Results were published.") == normalize(
        '<p><span class="chronicles-dateline"><span class="chronicles-dateline-place">CAPITAL</span>'
        ' (<span class="chronicles-source">R&amp;D Wire</span>) -</span> Results were published.</p>'
    )


def test_place_markup_cannot_be_injected():
    html, _ = convert("CAPITAL (Agency) - A <b>bold</b> claim.")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".chronicles-dateline-place").decode_contents() == "CAPITAL"


def test_dateline_inside_an_update_note():
    html, chronicle = convert("Lead.\n\nUPDATE: New report:\n\nCAPITAL (Agency) - The vote was delayed.")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("section#update-1 .chronicles-dateline-place").get_text() == "CAPITAL"
    assert chronicle.dateline == Dateline(place="CAPITAL", source="Agency")


# --- what is not a dateline -------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "NATO (the alliance) said on Monday that talks would go on.",
        "NATO (NATO) said on Monday that talks would go on.",
        "NATO (North Atlantic Treaty Organization) - the alliance - met again.",
        "Paris (Agency) - The talks ended early.",
        "Yesterday CAPITAL (Agency) - The talks ended early.",
        "ONE TWO THREE FOUR FIVE SIX (Agency) - The talks ended early.",
        "CAPITAL, on a rainy day (Agency) - The talks ended early.",
        "CAPITAL, North Coast Region Of Old (Agency) - The talks ended early.",
        "CAPITAL (Agency) said - nothing more.",
        "CAPITAL\nCITY (Agency) - The talks ended early.",
        "CAPITAL (Agency\nService) - The talks ended early.",
        "CAPITAL (" + "A" * 70 + ") - The talks ended early.",
        "A (Agency) - The talks ended early.",
        "**CAPITAL** (Agency) - The talks ended early.",
        "> CAPITAL (Agency) - The talks ended early.",
        "* CAPITAL (Agency) - The talks ended early.",
        "## CAPITAL (Agency) - The talks ended early.",
    ],
)
def test_not_a_dateline(source):
    html, chronicle = convert(source)
    assert "chronicles-dateline" not in html
    assert unchanged(source)
    assert chronicle.dateline is None and chronicle.sources == ()


# --- what the chronicle records ------------------------------------------------------


def test_first_dateline_is_the_posts_and_every_source_is_recorded():
    html, chronicle = convert(
        """
        NEW DELHI (Agency) - The talks ended early.

        Commentary in between.

        WASHINGTON, D.C. (Daily Wire Service) - A second report.
        """
    )
    assert chronicle.dateline == Dateline(place="NEW DELHI", source="Agency")
    assert chronicle.datelines == (
        Dateline(place="NEW DELHI", source="Agency"),
        Dateline(place="WASHINGTON, D.C.", source="Daily Wire Service"),
    )
    assert chronicle.sources == (Source("Agency"), Source("Daily Wire Service"))


def test_first_dateline_is_first_in_document_order():
    # The note runs until the rule; the second dateline is after it, at the
    # top level, but later in the post.
    html, chronicle = convert(
        """
        UPDATE: A report came in.

        EASTPORT (Agency) - First.

        ***

        WESTPORT (Courier) - Second.
        """
    )
    assert [d.place for d in chronicle.datelines] == ["EASTPORT", "WESTPORT"]


def test_text_is_neither_lost_nor_reordered():
    source = "SÃO PAULO, June 3 (Agência) —The market *opened* late, [reports](https://x.example) say."
    ours = BeautifulSoup(convert(source)[0], "html.parser")
    for aside in ours.select("aside"):
        aside.decompose()
    plain = BeautifulSoup(markdown.markdown(source), "html.parser")
    assert ours.get_text().strip() == plain.get_text().strip()


def test_adversarial_text_takes_linear_time():
    from pelican_chronicles.syntax.datelines import match

    assert_linear(convert, lambda n: repeat("A" * 50 + " (", n), size=MB // 4)
    for unit in ["A" * 50 + " (", "AAAA (B", "A ", "("]:
        assert_linear(match, lambda n: repeat(unit, n))


# --- a real build ----------------------------------------------------------------


def test_build_marks_the_dateline(build):
    site = build(
        {
            "treaty.md": """
            Title: Treaty signed
            Date: 2024-06-19 09:00

            A lead written by the author.

            CAPITAL (Agency) -Earlier in the day the two leaders signed the treaty.
            """
        }
    )
    soup = site.soup("treaty-signed.html")
    dateline = soup.select_one("p > span.chronicles-dateline")
    assert dateline.select_one(".chronicles-dateline-place").get_text() == "CAPITAL"
    assert dateline.select_one(".chronicles-source").get_text() == "Agency"
    assert dateline.parent.get_text() == "CAPITAL (Agency) -Earlier in the day the two leaders signed the treaty."


def test_abbreviations_and_escapes_in_the_source():
    md = markdown.Markdown(extensions=["abbr", ChroniclesExtension()])
    html = md.convert("*[UN]: United Nations\n\nGENEVA (UN News) - The session opened.")
    assert '<span class="chronicles-source"><abbr title="United Nations">UN</abbr> News</span>' in html
    _html, chronicle = convert("PARIS (E\\*Trade News) - Shares rose.")
    assert chronicle.dateline.source == "E*Trade News"
    assert chronicle.sources == (Source("E*Trade News"),)


def test_the_text_after_a_dateline_in_a_note_counts_for_the_notes_summary():
    _html, chronicle = convert("UPDATE: more\n\nPORT ELARA (Coastal Wire) - The *ferry* runs.", update_log=False)
    assert chronicle.notes[0].summary == "more PORT ELARA (Coastal Wire) - The ferry runs."


# --- title-case places and datelines without a place (SPEC 15) --------------------------------


@pytest.mark.parametrize(
    "text, expected, dateline",
    [
        (
            "Nairobi (Reuters) - The ferry timetable changed.",
            '<span class="chronicles-dateline-place">Nairobi</span> ('
            '<span class="chronicles-source">Reuters</span>) -</span> The ferry timetable changed.',
            Dateline(place="Nairobi", source="Reuters"),
        ),
        (
            "Dhaka (AFP) – The ferry timetable changed.",
            '<span class="chronicles-dateline-place">Dhaka</span> ('
            '<span class="chronicles-source">AFP</span>) –</span> The ferry timetable changed.',
            Dateline(place="Dhaka", source="AFP"),
        ),
        (
            "Lagos, Nigeria (AP) — The ferry timetable changed.",
            '<span class="chronicles-dateline-place">Lagos, Nigeria</span> ('
            '<span class="chronicles-source">AP</span>) —</span> The ferry timetable changed.',
            Dateline(place="Lagos, Nigeria", source="AP"),
        ),
        (
            "Pyongyang, June 19 (KCNA) -- The ferry timetable changed.",
            '<span class="chronicles-dateline-place">Pyongyang</span>, June 19 ('
            '<span class="chronicles-source">KCNA</span>) --</span> The ferry timetable changed.',
            Dateline(place="Pyongyang", source="KCNA", date_text="June 19"),
        ),
        (
            "Dar es Salaam (Xinhua) -The ferry timetable changed.",
            '<span class="chronicles-dateline-place">Dar es Salaam</span> ('
            '<span class="chronicles-source">Xinhua</span>) -</span>The ferry timetable changed.',
            Dateline(place="Dar es Salaam", source="Xinhua"),
        ),
        # no place: a date, then the agency
        (
            "Jan 3 (Reuters) - The ferry timetable changed.",
            'Jan 3 (<span class="chronicles-source">Reuters</span>) -</span> The ferry timetable changed.',
            Dateline(place="", source="Reuters", date_text="Jan 3"),
        ),
        (
            "June 20 (AFP) - The ferry timetable changed.",
            'June 20 (<span class="chronicles-source">AFP</span>) -</span> The ferry timetable changed.',
            Dateline(place="", source="AFP", date_text="June 20"),
        ),
        # Spanish: a full stop before the dash
        (
            "MADRID (EFE).- El horario de los transbordadores cambió.",
            '<span class="chronicles-dateline-place">MADRID</span> ('
            '<span class="chronicles-source">EFE</span>).-</span> El horario de los transbordadores cambió.',
            Dateline(place="MADRID", source="EFE"),
        ),
    ],
)
def test_title_case_places_and_datelines_without_a_place(text, expected, dateline):
    html, chronicle = convert(text)
    assert body(text) == normalize(f'<p><span class="chronicles-dateline">{expected}</p>')
    assert chronicle.dateline == dateline
    assert chronicle.sources == (Source(dateline.source),)


@pytest.mark.parametrize(
    "source",
    [
        "Kenya (the country) - a note on the name.",
        "Smith (2019) - in his book, the harbour is older.",
        "June 20 (a Friday) - the vote was held.",
        "June 20 (Friday) - the vote was held.",  # a weekday is no agency
        "Paris (Agency) - an agency the list does not name.",
        "Kenya (KEN) - three medals.",  # a country code is no agency
        "Nairobi (Reuters) said - the ferry runs.",  # the dash not at once
        "Nairobi (Reuters)  - two spaces before the dash.",
        "Nairobi (Reuters): the ferry runs.",
        "The report (Reuters) - was published late.",  # a lower-case word is no place
        "Nairobi, on a rainy day (Reuters) - the ferry runs.",  # no date after the comma
        "Nairobi\nCity (Reuters) - the ferry runs.",
        "Jan 3 (Reuters\n) - the ferry runs.",
        "Dar es (Reuters) - a particle ends no place.",
    ],
)
def test_title_case_look_alikes_stay_plain(source):
    html, chronicle = convert(source)
    assert "chronicles-dateline" not in html
    assert unchanged(source)
    assert chronicle.dateline is None and chronicle.sources == ()


def test_title_case_forms_take_linear_time():
    from pelican_chronicles.syntax.datelines import match

    for unit in ["Nairobi (Reuters", "Jan 3 (", "Dar es ", "(Reuters) ", "Lagos, ", "(EFE).", ").-"]:
        assert_linear(match, lambda n, unit=unit: repeat(unit, n))
    assert_linear(convert, lambda n: repeat("Nairobi (Reuters ", n), size=MB // 4)
