"""Update and correction notes (SPEC 2): each marker form, its HTML, side by side."""

from __future__ import annotations

import datetime

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import convert, normalize, render

NO_LOG = {"update_log": False}


def section(kind, n, label, body):
    anchor = f"{kind}-{n}"
    return (
        f'<section aria-labelledby="{anchor}-label" class="chronicles-note chronicles-{kind}" id="{anchor}">'
        f'<p class="chronicles-note-label" id="{anchor}-label">{label}</p>{body}</section>'
    )


@pytest.mark.parametrize(
    "source, expected",
    [
        pytest.param(
            "UPDATE: The vote moved to Friday.",
            section("update", 1, "Update", "<p>The vote moved to Friday.</p>"),
            id="plain",
        ),
        pytest.param(
            "**UPDATE:** The vote moved to Friday.",
            section("update", 1, "Update", "<p>The vote moved to Friday.</p>"),
            id="bold",
        ),
        pytest.param(
            "Update:\n\nThe vote moved to Friday.",
            section("update", 1, "Update", "<p>The vote moved to Friday.</p>"),
            id="alone-on-its-line",
        ),
        pytest.param(
            "UPDATE (2024-06-20): The vote moved.",
            section("update", 1, 'Update (<time datetime="2024-06-20">2024-06-20</time>)', "<p>The vote moved.</p>"),
            id="dated-in-parentheses",
        ),
        pytest.param(
            "UPDATE 2024-06-20 08:30: The vote moved.",
            section(
                "update", 1,
                'Update <time datetime="2024-06-20T08:30:00+00:00">2024-06-20 08:30</time>',
                "<p>The vote moved.</p>",
            ),
            id="date-and-time",
        ),
        pytest.param(
            "UPDATE (June 20, 2024): The vote moved.",
            section("update", 1, 'Update (<time datetime="2024-06-20">June 20, 2024</time>)', "<p>The vote moved.</p>"),
            id="written-date",
        ),
        pytest.param(
            "UPDATE 2: A second change.",
            section("update", 1, "Update 2", "<p>A second change.</p>"),
            id="numbered",
        ),
        pytest.param(
            "CORRECTION: The figure was 12, not 21.",
            section("correction", 1, "Correction", "<p>The figure was 12, not 21.</p>"),
            id="correction",
        ),
        pytest.param(
            "CORRECTION (2024-06-21): The figure was 12.",
            section(
                "correction", 1, 'Correction (<time datetime="2024-06-21">2024-06-21</time>)',
                "<p>The figure was 12.</p>",
            ),
            id="dated-correction",
        ),
        pytest.param(
            "> [!UPDATE] 2024-06-20\n> The vote moved to Friday.",
            section("update", 1, 'Update <time datetime="2024-06-20">2024-06-20</time>', "<p>The vote moved to Friday.</p>"),
            id="callout",
        ),
        pytest.param(
            "> [!CORRECTION]\n> The figure was 12.",
            section("correction", 1, "Correction", "<p>The figure was 12.</p>"),
            id="callout-correction",
        ),
        pytest.param(
            "**Update (March 14th, 2011):** The vote moved.",
            section("update", 1, 'Update (<time datetime="2011-03-14">March 14th, 2011</time>)', "<p>The vote moved.</p>"),
            id="blogger-bold-dated",
        ),
        pytest.param(
            "**Update 03/13/2020**: The vote moved.",
            section("update", 1, 'Update <time datetime="2020-03-13">03/13/2020</time>', "<p>The vote moved.</p>"),
            id="colon-outside-bold",
        ),
        pytest.param(
            "**EDIT:** A typo is fixed.",
            section("update", 1, "Edit", "<p>A typo is fixed.</p>"),
            id="edit",
        ),
        pytest.param(
            "**UPDATE: The whole paragraph is bold.**",
            section("update", 1, "Update", "<p><strong>The whole paragraph is bold.</strong></p>"),
            id="bold-paragraph-keeps-its-bold",
        ),
    ],
)
def test_marker_forms(source, expected):
    assert normalize(render(source, **NO_LOG)) == normalize(expected)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("The update: it came late.", id="word-inside-a-sentence"),
        pytest.param("We expect an UPDATE: soon, they said.", id="mid-sentence"),
        pytest.param("* RFC Update: the draft is out.", id="list-item"),
        pytest.param("## Project Update: the draft is out", id="heading"),
        pytest.param("[Lang Team Update](https://example.org/): notes.", id="link-text"),
        pytest.param("UPDATE on the talks: none yet.", id="word-then-sentence"),
        pytest.param("Updates: a plural is not a marker.", id="plural"),
        pytest.param("> UPDATE: inside an ordinary blockquote.", id="blockquote"),
    ],
)
def test_not_a_marker(source):
    html, chronicle = convert(source)
    assert "chronicles-note" not in html
    assert chronicle.notes == ()
    assert normalize(html) == normalize(render(source, update_words=["Nothing"], correction_words=["Never"]))


def test_a_date_without_a_year_takes_the_posts_year():
    html, chronicle = convert("Date: 2024-06-19\n\nADDENDUM Jul 3: A late reply.", meta=True, **NO_LOG)
    assert chronicle.notes[0].date == datetime.datetime(2024, 7, 3, tzinfo=chronicle.notes[0].date.tzinfo)
    assert '<time datetime="2024-07-03">Jul 3</time>' in html


def test_a_date_without_a_year_before_the_post_falls_in_the_next_year():
    _, chronicle = convert("Date: 2024-08-10\n\nADDENDUM Jul 3: A late reply.", meta=True)
    assert chronicle.notes[0].date.date() == datetime.date(2025, 7, 3)


def test_day_first_is_a_setting():
    _, month_first = convert("UPDATE 03/04/2024: x")
    _, day_first = convert("UPDATE 03/04/2024: x", dayfirst=True)
    assert month_first.notes[0].date.date() == datetime.date(2024, 3, 4)
    assert day_first.notes[0].date.date() == datetime.date(2024, 4, 3)


def test_dates_are_in_the_configured_time_zone():
    html, chronicle = convert("UPDATE 2024-06-20 08:30: x", timezone="Europe/Paris")
    assert chronicle.notes[0].date.isoformat() == "2024-06-20T08:30:00+02:00"
    assert 'datetime="2024-06-20T08:30:00+02:00"' in html


def test_a_note_without_a_date_gets_no_date():
    html, chronicle = convert("UPDATE: x")
    assert chronicle.notes[0].date is None
    assert "<time" not in html


def test_an_unreadable_date_keeps_the_note_and_its_text():
    html, chronicle = convert("UPDATE (June 31, 2024): The text stays.", **NO_LOG)
    assert normalize(html) == normalize(section("update", 1, "Update (June 31, 2024)", "<p>The text stays.</p>"))
    assert chronicle.notes[0].date is None
    assert [(p.message, p.text) for p in chronicle.problems] == [
        ("cannot read the date of this update note", "June 31, 2024")
    ]


def test_a_note_runs_to_the_next_note():
    html = render("UPDATE: one\n\nmore\n\nCORRECTION: two", **NO_LOG)
    assert normalize(html) == normalize(
        section("update", 1, "Update", "<p>one</p><p>more</p>")
        + section("correction", 1, "Correction", "<p>two</p>")
    )


def test_a_note_ends_at_a_thematic_break():
    html = render("UPDATE: one\n\n---\n\nafter", **NO_LOG)
    assert normalize(html) == normalize(section("update", 1, "Update", "<p>one</p>") + "<hr/><p>after</p>")


def test_a_note_ends_at_a_heading_of_the_same_or_a_higher_level():
    html = render("## Part\n\nUPDATE: one\n\n### Detail\n\ninside\n\n## Next\n\noutside", **NO_LOG)
    assert normalize(html) == normalize(
        "<h2>Part</h2>"
        + section("update", 1, "Update", "<p>one</p><h3>Detail</h3><p>inside</p>")
        + "<h2>Next</h2><p>outside</p>"
    )


def test_without_a_heading_before_it_any_heading_ends_a_note():
    html = render("UPDATE: one\n\n### Detail\n\nafter", **NO_LOG)
    assert normalize(html) == normalize(section("update", 1, "Update", "<p>one</p>") + "<h3>Detail</h3><p>after</p>")


def test_notes_are_numbered_per_kind():
    _, chronicle = convert("UPDATE: a\n\nCORRECTION: b\n\nUPDATE: c")
    assert [n.anchor for n in chronicle.notes] == ["update-1", "correction-1", "update-2"]


def test_the_chronicle_holds_kind_number_date_anchor_and_summary():
    _, chronicle = convert("UPDATE (2024-06-20): The *minister* replied to the question.")
    (note,) = chronicle.notes
    assert (note.kind, note.number, note.anchor, note.date_text) == ("update", 1, "update-1", "2024-06-20")
    assert note.summary == "The minister replied to the question."


def test_update_log_lists_the_notes_with_links():
    html = render("Lead.\n\nUPDATE (2024-06-20): a\n\nCORRECTION: b")
    assert normalize(html).startswith(
        normalize(
            '<nav aria-labelledby="chronicles-update-log-title" class="chronicles-update-log">'
            '<p class="chronicles-update-log-title" id="chronicles-update-log-title">Updates to this post</p><ol>'
            '<li><a href="#update-1">Update (<time datetime="2024-06-20">2024-06-20</time>)</a></li>'
            '<li><a href="#correction-1">Correction — b</a></li></ol></nav><p>Lead.</p>'
        )
    )


def test_update_log_can_be_switched_off():
    assert "chronicles-update-log" not in render("UPDATE: a", update_log=False)


def test_marker_words_and_labels_are_configurable():
    html, chronicle = convert(
        "MISE À JOUR (2024-06-20) : texte\n\nRECTIFICATIF: autre",
        update_words=["Mise à jour"],
        correction_words=["Rectificatif"],
        labels={"update": "Mise à jour", "correction": "Rectificatif", "update_log": "Mises à jour"},
    )
    assert [n.kind for n in chronicle.notes] == ["update", "correction"]
    assert '<p class="chronicles-note-label" id="update-1-label">Mise à jour (' in html
    assert ">Mises à jour</p>" in html


def test_inline_markdown_after_the_marker_still_renders():
    html = render("UPDATE: see [the report](https://example.org/r) and *this*.", **NO_LOG)
    assert '<p>see <a href="https://example.org/r">the report</a> and <em>this</em>.</p>' in html


def test_configured_labels_are_escaped():
    html = render("> [!UPDATE]\n> x", labels={"update": "<b>New</b> & more", "update_log": "Log"})
    assert "&lt;b&gt;New&lt;/b&gt; &amp; more" in html
    assert "<b>" not in html


def test_the_update_log_escapes_its_title_and_keeps_the_date_as_typed():
    html = render(
        "UPDATE (June 20 <i>): x\n\nCORRECTION (2024-06-21): y",
        labels={"update": "New & <noted>", "correction": "Fix", "update_log": "<Log> & more"},
    )
    log = html[: html.index("</nav>") + len("</nav>")]
    assert normalize(log) == (
        '<nav aria-labelledby="chronicles-update-log-title" class="chronicles-update-log">'
        '<p class="chronicles-update-log-title" id="chronicles-update-log-title">&lt;Log&gt; &amp; more</p>'
        '<ol><li><a href="#update-1">Update (June 20 &lt;i&gt;) — x</a></li>'
        '<li><a href="#correction-1">Correction (<time datetime="2024-06-21">2024-06-21</time>)</a></li></ol></nav>'
    )


def test_a_notes_summary_is_what_a_reader_sees():
    _html, chronicle = convert("UPDATE: The fee is &euro;5 &amp; the `<b>` tag is \\*gone\\*.", **NO_LOG)
    assert chronicle.notes[0].summary == "The fee is €5 & the <b> tag is *gone*."


def test_text_that_only_looks_like_a_reference_stays_in_a_summary():
    _html, chronicle = convert("UPDATE: See https://x.example/?a=1&section=2 &amp; <desk@news.example>.", **NO_LOG)
    assert chronicle.notes[0].summary == "See https://x.example/?a=1&section=2 & desk@news.example."


def test_a_time_zone_name_dateutil_does_not_know_leaves_the_sites_zone_and_no_python_warning(recwarn):
    _html, chronicle = convert("UPDATE (June 20, 2024 10:00 CEST): The vote moved.", timezone="Europe/Paris", **NO_LOG)
    assert chronicle.notes[0].date.isoformat() == "2024-06-20T10:00:00+02:00"
    assert [w for w in recwarn if "tzname" in str(w.message)] == []


@pytest.mark.parametrize(
    "source",
    [
        "Edit the 2 config files: one for the site, one for the feed.",
        "Update the 3 maps: the council asked for it.",
        "UPDATE on the talks: nothing new.",
    ],
)
def test_a_sentence_that_starts_with_a_marker_word_is_no_note(source):
    html, chronicle = convert(source)
    assert chronicle.notes == () and chronicle.problems == ()
    assert html == markdown.markdown(source)


def test_a_date_that_cannot_be_read_still_makes_a_note_and_a_warning():
    html, chronicle = convert("UPDATE (June 31, 2024): The vote was moved.")
    assert len(chronicle.notes) == 1 and chronicle.notes[0].date is None
    assert [p.text for p in chronicle.problems] == ["June 31, 2024"]


@pytest.mark.parametrize(
    ("source", "label"),
    [
        ("ADDENDUM Jul 3: The list is out.", "Addendum"),
        ("update: The list is out.", "Update"),
        ("**Updated:** The list is out.", "Updated"),
        ("CORRECTED: The list is out.", "Corrected"),
        ("> [!UPDATE]\n> The list is out.", "Update"),
    ],
)
def test_the_label_keeps_the_authors_word_spelt_as_configured(source, label):
    html, chronicle = convert(f"Date: 2024-06-19\n\n{source}", meta=True)
    assert chronicle.notes[0].label == label
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".chronicles-note-label").get_text().startswith(label)


# --- times, seconds, offsets and zones ------------------------------------


@pytest.mark.parametrize(
    "post_date, source, expected",
    [
        pytest.param("2024-06-19 10:00", "UPDATE 14:30: The vote passed.", "2024-06-19T14:30:00+00:00", id="later-that-day"),
        pytest.param("2024-06-19 18:00", "UPDATE 09:15: The vote passed.", "2024-06-20T09:15:00+00:00", id="next-morning"),
        pytest.param("2024-06-19 08:00", "UPDATE (10am): The vote passed.", "2024-06-19T10:00:00+00:00", id="am-pm"),
        pytest.param("2024-06-19 08:00", "UPDATE (Friday 10am): The vote passed.", "2024-06-21T10:00:00+00:00", id="weekday"),
        pytest.param("2024-06-19", "UPDATE (2024-06-20T08:30:15): The vote passed.", "2024-06-20T08:30:15+00:00", id="iso-seconds"),
        pytest.param("2024-06-19", "UPDATE (2024-06-20 08:30 +02:00): The vote passed.", "2024-06-20T08:30:00+02:00", id="iso-offset"),
        pytest.param("2024-06-19", "UPDATE 2024-06-20T08:30Z: The vote passed.", "2024-06-20T08:30:00+00:00", id="iso-zulu"),
        pytest.param("2024-06-19", "UPDATE (June 20, 2024, 10:00 EST): The vote passed.", "2024-06-20T10:00:00-05:00", id="zone-abbreviation"),
        pytest.param("2024-06-19", "UPDATE (June 20, 2024, 10:00 CEST): The vote passed.", "2024-06-20T10:00:00+02:00", id="european-zone"),
    ],
)
def test_times_offsets_and_zones_are_read_against_the_posts_date(post_date, source, expected):
    html, chronicle = convert(f"Date: {post_date}\n\n{source}", meta=True, **NO_LOG)
    assert chronicle.notes[0].date.isoformat() == expected
    assert f'datetime="{expected}"' in html
    assert chronicle.problems == ()
    assert "The vote passed." in html


def test_a_time_only_note_in_a_post_without_a_date_stays_undated():
    _, chronicle = convert("UPDATE 14:30: The vote passed.", **NO_LOG)
    assert chronicle.notes[0].date is None
    assert [p.text for p in chronicle.problems] == ["14:30"]


@pytest.mark.parametrize("zone", ["IST", "BST", "CST"])
def test_an_ambiguous_zone_is_read_in_the_sites_zone_and_warns(zone):
    _, chronicle = convert(f"Date: 2024-06-19\n\nUPDATE (June 20, 2024, 10:00 {zone}): x", meta=True, **NO_LOG)
    assert chronicle.notes[0].date.isoformat() == "2024-06-20T10:00:00+00:00"
    assert [(p.message, p.text) for p in chronicle.problems] == [
        (f"the time zone {zone} names several offsets; the site's time zone was used in this update note",
         f"June 20, 2024, 10:00 {zone}")
    ]


def test_an_unknown_zone_warns():
    _, chronicle = convert("Date: 2024-06-19\n\nUPDATE (June 20, 2024, 10:00 QQT): x", meta=True, **NO_LOG)
    assert [p.message for p in chronicle.problems] == [
        "unknown time zone QQT; the site's time zone was used in this update note"
    ]


@pytest.mark.parametrize(
    "source, text",
    [
        pytest.param("CORRECTION 05.07.2024: The figure was 12.", "05.07.2024", id="numeric-month-first"),
        pytest.param("UPDATE (2023-06-20): Typo in the year.", "2023-06-20", id="wrong-year"),
        pytest.param("UPDATE (2024-06-18 09:00): Earlier the same day.", "2024-06-18 09:00", id="earlier-hour"),
    ],
)
def test_a_note_dated_before_its_post_warns_and_keeps_its_date(source, text):
    _, chronicle = convert(f"Date: 2024-06-18 10:00\n\n{source}", meta=True, **NO_LOG)
    assert chronicle.notes[0].date is not None
    kind = chronicle.notes[0].kind
    assert [(p.message, p.text) for p in chronicle.problems] == [
        (f"this {kind} note is dated before its post (2024-06-18)", text)
    ]


def test_a_note_dated_the_posts_day_without_a_time_does_not_warn():
    _, chronicle = convert("Date: 2024-06-18 10:00\n\nUPDATE (2024-06-18): Same day.", meta=True, **NO_LOG)
    assert chronicle.problems == ()


@pytest.mark.parametrize(
    "source, text",
    [
        pytest.param("UPDATE (June 41): The bridge reopened.", "June 41", id="day-41"),
        pytest.param("UPDATE (June 41st): The bridge reopened.", "June 41st", id="ordinal-41"),
        pytest.param("UPDATE (June 20, 24): The bridge reopened.", "June 20, 24", id="two-digit-year"),
    ],
)
def test_a_number_that_is_no_day_is_no_year_either(source, text):
    html, chronicle = convert(f"Date: 2024-06-18 10:00\n\n{source}", meta=True, **NO_LOG)
    assert normalize(html) == normalize(section("update", 1, f"Update ({text})", "<p>The bridge reopened.</p>"))
    assert chronicle.notes[0].date is None
    assert [(p.message, p.text) for p in chronicle.problems] == [("cannot read the date of this update note", text)]


def test_an_arabic_day_41_is_unreadable():
    source = "Date: 2024-06-18 10:00\nLang: ar\n\nتحديث (٤١ يونيو): أعيد فتح الجسر."
    _, chronicle = convert(source, meta=True, **NO_LOG)
    assert chronicle.notes[0].date is None
    assert [p.text for p in chronicle.problems] == ["٤١ يونيو"]


def test_a_note_dated_in_the_future_keeps_its_text_but_not_its_date():
    """A typo in the year: the label shows it as typed, with no machine
    date, and the chronicle has no date to date the post or a feed by."""
    html, chronicle = convert(
        "Date: 2024-06-18 10:00\n\nUPDATE (June 30, 2204): The bridge reopened.", meta=True, **NO_LOG
    )
    assert normalize(html) == normalize(
        section("update", 1, "Update (June 30, 2204)", "<p>The bridge reopened.</p>")
    )
    assert chronicle.notes[0].date is None and chronicle.latest_note_date is None
    assert [(p.message, p.text) for p in chronicle.problems] == [
        ("this update note is dated in the future; the date is not used", "June 30, 2204")
    ]


def test_a_note_dated_tomorrow_keeps_its_date():
    """Within a day of the build: a note written late in a zone ahead."""
    tomorrow = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=20)).strftime("%Y-%m-%d %H:%M")
    _, chronicle = convert(f"Date: 2024-06-18 10:00\n\nUPDATE ({tomorrow}): The bridge reopened.", meta=True, **NO_LOG)
    assert chronicle.notes[0].date is not None
    assert chronicle.problems == ()


@pytest.mark.parametrize(
    "source, expected",
    [
        pytest.param(
            "UPDATE (June 20, 2024 1430 GMT): The vote moved.",
            section(
                "update", 1, 'Update (<time datetime="2024-06-20T14:30:00+00:00">June 20, 2024 1430 GMT</time>)',
                "<p>The vote moved.</p>",
            ),
            id="wire-time",
        ),
        pytest.param(
            "UPDATE 20 June 2024 0830 EDT: The vote moved.",
            section(
                "update", 1, 'Update <time datetime="2024-06-20T08:30:00-04:00">20 June 2024 0830 EDT</time>',
                "<p>The vote moved.</p>",
            ),
            id="wire-time-with-zone",
        ),
        pytest.param(
            "UPDATE (Jun 20 '24): The vote moved.",
            section("update", 1, "Update (<time datetime=\"2024-06-20\">Jun 20 '24</time>)", "<p>The vote moved.</p>"),
            id="apostrophe-year",
        ),
        pytest.param(
            "Lang: de\n\nNachtrag (20. 6. 2024): Die Abstimmung wurde verschoben.",
            section(
                "update", 1, 'Nachtrag (<time datetime="2024-06-20">20. 6. 2024</time>)',
                "<p>Die Abstimmung wurde verschoben.</p>",
            ).replace('id="update-1">', 'id="update-1" lang="de">'),
            id="spaced-numeric-date",
        ),
        pytest.param(
            "Lang: zh\n\n更新（2024年6月20日 下午3点）：投票推迟。",
            section(
                "update", 1, '更新（<time datetime="2024-06-20T15:00:00+00:00">2024年6月20日 下午3点</time>）',
                "<p>投票推迟。</p>",
            ).replace('id="update-1">', 'id="update-1" lang="zh">'),
            id="chinese-time",
        ),
    ],
)
def test_wire_times_spaced_dates_chinese_times_and_apostrophe_years_date_a_note(source, expected):
    """Each with its year: read in a post without a date."""
    head = "Title: The vote\n" if source.startswith("Lang:") else "Title: The vote\n\n"
    html, chronicle = convert(head + source, meta=True, **NO_LOG)
    assert normalize(html) == normalize(expected)
    assert chronicle.problems == ()
