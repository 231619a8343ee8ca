"""Typed notes (SPEC 17, 2, 15): clarifications, retractions and editor's
notes beside updates and corrections, each with its words in every
built-in language, its label, class, anchor, log entry, badge and feed
entry. Markdown in, HTML out, side by side; then a real build."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest

from conftest import convert, normalize, render
from pelican_chronicles.languages import WORD_KEYS, builtin, builtin_codes
from pelican_chronicles.settings import EXTENSION_OPTIONS, SETTINGS

ATOM = "{http://www.w3.org/2005/Atom}"
NO_LOG = {"update_log": False}


def section(kind, n, label, body, attrs=""):
    anchor = f"{kind}-{n}"
    return (
        f'<section aria-labelledby="{anchor}-label" class="chronicles-note chronicles-{kind}"{attrs} id="{anchor}">'
        f'<p class="chronicles-note-label" id="{anchor}-label">{label}</p>{body}</section>'
    )


RTL_AR = ' dir="rtl" lang="ar"'


@pytest.mark.parametrize(
    "lang, source, expected",
    [
        pytest.param(
            "en", "Clarification: The vote is on Friday, not Thursday.",
            section("clarification", 1, "Clarification", "<p>The vote is on Friday, not Thursday.</p>"),
            id="en-clarification",
        ),
        pytest.param(
            "en", "**CLARIFICATION (2024-06-20):** The figure is for the whole region.",
            section("clarification", 1, 'Clarification (<time datetime="2024-06-20">2024-06-20</time>)',
                    "<p>The figure is for the whole region.</p>"),
            id="en-clarification-bold-dated",
        ),
        pytest.param(
            "en", "RETRACTION (June 21, 2024): This report could not be verified and is withdrawn.",
            section("retraction", 1, 'Retraction (<time datetime="2024-06-21">June 21, 2024</time>)',
                    "<p>This report could not be verified and is withdrawn.</p>"),
            id="en-retraction",
        ),
        pytest.param(
            "en", "Editor's note: The names of the residents have been changed.",
            section("editors-note", 1, "Editor's note", "<p>The names of the residents have been changed.</p>"),
            id="en-editors-note",
        ),
        pytest.param(
            "en", "**Editor’s Note:** The names of the residents have been changed.",
            section("editors-note", 1, "Editor’s note", "<p>The names of the residents have been changed.</p>"),
            id="en-editors-note-typographic-apostrophe",
        ),
        pytest.param(
            "en", "> [!RETRACTION] 2024-06-21\n> This report is withdrawn.",
            section("retraction", 1, 'Retraction <time datetime="2024-06-21">2024-06-21</time>',
                    "<p>This report is withdrawn.</p>"),
            id="en-callout-takes-the-label",
        ),
        pytest.param(
            "ru", "Уточнение (20 июня 2024): Заседание пройдёт в пятницу.",
            section("clarification", 1, 'Уточнение (<time datetime="2024-06-20">20 июня 2024</time>)',
                    "<p>Заседание пройдёт в пятницу.</p>"),
            id="ru-clarification",
        ),
        pytest.param(
            "ru", "**Опровержение:** Сведения о закрытии завода не подтвердились.",
            section("retraction", 1, "Опровержение", "<p>Сведения о закрытии завода не подтвердились.</p>"),
            id="ru-retraction",
        ),
        pytest.param(
            "ru", "От редакции: Имена жителей изменены.",
            section("editors-note", 1, "От редакции", "<p>Имена жителей изменены.</p>"),
            id="ru-editors-note",
        ),
        pytest.param(
            "ar", "توضيح (11 مارس 2025): الجلسة يوم الجمعة.",
            section("clarification", 1, 'توضيح (<time datetime="2025-03-11">11 مارس 2025</time>)',
                    "<p>الجلسة يوم الجمعة.</p>", RTL_AR),
            id="ar-clarification",
        ),
        pytest.param(
            "ar", "تراجع: لم يتسنَّ التحقق من هذا الخبر.",
            section("retraction", 1, "تراجع", "<p>لم يتسنَّ التحقق من هذا الخبر.</p>", RTL_AR),
            id="ar-retraction",
        ),
        pytest.param(
            "ar", "ملاحظة المحرر: غُيّرت أسماء السكان.",
            section("editors-note", 1, "ملاحظة المحرر", "<p>غُيّرت أسماء السكان.</p>", RTL_AR),
            id="ar-editors-note",
        ),
        pytest.param(
            "zh", "澄清（2024年6月20日）：会议在周五举行。",
            section("clarification", 1, '澄清（<time datetime="2024-06-20">2024年6月20日</time>）',
                    "<p>会议在周五举行。</p>"),
            id="zh-clarification",
        ),
        pytest.param(
            "zh", "撤稿：本文内容未能核实。",
            section("retraction", 1, "撤稿", "<p>本文内容未能核实。</p>"),
            id="zh-retraction",
        ),
        pytest.param(
            "zh", "编者按：文中居民均为化名。",
            section("editors-note", 1, "编者按", "<p>文中居民均为化名。</p>"),
            id="zh-editors-note",
        ),
        pytest.param(
            "fr", "Note de la rédaction : les noms ont été changés.",
            section("editors-note", 1, "Note de la rédaction", "<p>les noms ont été changés.</p>"),
            id="fr-editors-note-with-french-spacing",
        ),
        pytest.param(
            "de", "Anm. d. Red.: Die Namen wurden geändert.",
            section("editors-note", 1, "Anm. d. Red.", "<p>Die Namen wurden geändert.</p>"),
            id="de-abbreviated-editors-note",
        ),
        pytest.param(
            "es", "Aclaración: La sesión es el viernes.",
            section("clarification", 1, "Aclaración", "<p>La sesión es el viernes.</p>"),
            id="es-clarification",
        ),
    ],
)
def test_each_kind_in_each_language(lang, source, expected):
    assert normalize(render(source, lang=lang, **NO_LOG)) == normalize(expected)


@pytest.mark.parametrize(
    "source",
    [
        "Clarification of the rules is needed: the council meets again.",
        "Editor's notebook: a week on the coast.",
        "Retractions: a history of the practice.",
        "* Clarification: an item of a list.",
        "## Editor's note: a heading",
    ],
)
def test_what_is_no_typed_note(source):
    html, chronicle = convert(f"{source}\n\nClarification: The council meets on Friday.", **NO_LOG)
    assert [n.anchor for n in chronicle.notes] == ["clarification-1"]
    before, note = html.split("<section", 1)
    assert source.split(":", 1)[1].strip() in before
    assert "The council meets on Friday." in note


def test_kinds_are_numbered_each_on_its_own_and_logged_in_order():
    html, chronicle = convert(
        "UPDATE (2024-06-20): Talks resumed.\n\n"
        "Clarification: The talks are in the capital.\n\n"
        "Editor's note: A reader asked about the venue.\n\n"
        "Clarification (2024-06-21): The venue is the old town hall.\n\n"
        "Retraction (2024-06-22): The quote in the third paragraph is withdrawn."
    )
    assert [n.anchor for n in chronicle.notes] == [
        "update-1", "clarification-1", "editors-note-1", "clarification-2", "retraction-1",
    ]
    assert [n.label for n in chronicle.clarifications] == ["Clarification", "Clarification"]
    assert [n.anchor for n in chronicle.retractions] == ["retraction-1"]
    assert [n.anchor for n in chronicle.editors_notes] == ["editors-note-1"]
    assert chronicle.latest_note_date == datetime.datetime(2024, 6, 22, tzinfo=datetime.timezone.utc)
    log = html.split("</nav>", 1)[0]
    assert [part.split('"', 1)[0] for part in log.split('href="#')[1:]] == [
        "update-1", "clarification-1", "editors-note-1", "clarification-2", "retraction-1",
    ]


def test_site_wide_words_and_labels_of_the_new_kinds():
    html, chronicle = convert(
        "Precision: The figure is for the region.\n\n> [!RETRACTION]\n> The report is withdrawn.",
        clarification_words=["Precision"],
        labels={"retraction": "Withdrawn"},
        **NO_LOG,
    )
    assert [(n.kind, n.label) for n in chronicle.notes] == [("clarification", "Precision"), ("retraction", "Withdrawn")]
    assert "Clarification:" not in html


def test_every_language_file_has_words_for_each_kind():
    for code in builtin_codes():
        data = builtin(code)
        for key in ("clarification_words", "retraction_words", "editors_note_words"):
            assert data[key] and all(word.strip() for word in data[key]), (code, key)
        for label in ("clarification", "retraction", "editors_note", "clarified_badge",
                      "retracted_badge", "editors_note_badge"):
            assert data["labels"][label].strip(), (code, label)


def test_the_words_settings_are_the_one_table():
    for key in ("clarification_words", "retraction_words", "editors_note_words"):
        assert key in WORD_KEYS
        setting = EXTENSION_OPTIONS[key]
        assert SETTINGS[setting].default == tuple(builtin("en")[key])


def test_a_misspelt_typed_marker_is_a_near_miss():
    _, chronicle = convert("CLARIFCATION: The vote is on Friday.\n\nRetracton: The report is withdrawn.",
                           near_misses=True)
    assert [(p.kind, p.text) for p in chronicle.problems] == [
        ("near-miss-marker", "CLARIFCATION:"), ("near-miss-marker", "Retracton:"),
    ]
    assert "did you mean \"Clarification\"" in chronicle.problems[0].message
    assert "did you mean \"Retraction\"" in chronicle.problems[1].message


def test_an_undated_typed_note_among_dated_ones_is_reported():
    _, chronicle = convert("UPDATE (2024-06-20): Talks resumed.\n\nClarification: The talks are in the capital.",
                           near_misses=True)
    assert [(p.kind, p.text) for p in chronicle.problems] == [
        ("undated-note", "Clarification: The talks are in the capital."),
    ]
    assert "clarification-1" in chronicle.problems[0].message


# --- in a build ----------------------------------------------------------------

REPORT = """\
Title: Harbour council votes on the new quay
Date: 2024-06-19 09:00

The harbour council voted on the new quay on Wednesday.

Clarification (2024-06-20 10:00): The vote concerned the eastern quay only.

Clarification (2024-06-21 10:00): The quay is owned by the town, not the port.

Editor's note (2024-06-22 10:00): A council member asked that her name be left out.
"""

WITHDRAWN = """\
Title: Fishing fleet to leave the harbour
Date: 2024-06-10 09:00

The fishing fleet will move to the northern bay, a spokesman said.

RETRACTION (2024-06-23 10:00): The report could not be confirmed and is withdrawn.
"""


@pytest.fixture
def site(shared_build):
    return shared_build({"report.md": REPORT, "withdrawn.md": WITHDRAWN})


def test_typed_notes_in_the_post_and_its_update_log(site):
    soup = site.soup("harbour-council-votes-on-the-new-quay.html")
    assert [a["href"] for a in soup.select("nav.chronicles-update-log a")] == [
        "#clarification-1", "#clarification-2", "#editors-note-1",
    ]
    assert soup.select_one("section.chronicles-note.chronicles-editors-note#editors-note-1") is not None
    retracted = site.soup("fishing-fleet-to-leave-the-harbour.html")
    assert retracted.select_one("section.chronicles-note.chronicles-retraction#retraction-1") is not None
    assert [a["href"] for a in retracted.select("nav.chronicles-update-log a")] == ["#retraction-1"]


def test_typed_notes_date_the_post(site):
    article = next(a for a in site.pelican_articles() if a.slug.startswith("harbour"))
    assert article.modified.isoformat() == "2024-06-22T10:00:00+00:00"
    withdrawn = next(a for a in site.pelican_articles() if a.slug.startswith("fishing"))
    assert withdrawn.modified.isoformat() == "2024-06-23T10:00:00+00:00"


def test_typed_notes_on_the_updates_page(site):
    items = site.soup("updates/index.html").select("li.chronicles-updates-item")
    assert [(item["class"][1], item.select_one(".chronicles-badge").get_text()) for item in items] == [
        ("chronicles-retraction", "Retraction"),
        ("chronicles-editors-note", "Editor's note"),
        ("chronicles-clarification", "Clarification"),
        ("chronicles-clarification", "Clarification"),
    ]
    assert items[0].select_one(".chronicles-badge")["class"] == ["chronicles-badge", "chronicles-badge-retraction"]
    assert items[1].a["href"].endswith("harbour-council-votes-on-the-new-quay.html#editors-note-1")


def test_typed_notes_in_the_updates_feed(site):
    feed = ET.fromstring(site.text("feeds/updates.atom.xml"))
    entries = [
        (e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href").rsplit("#", 1)[1],
         e.find(f"{ATOM}category").get("term"))
        for e in feed.iter(f"{ATOM}entry")
    ]
    assert entries == [
        ("Retraction: Fishing fleet to leave the harbour", "retraction-1", "retraction"),
        ("Editor's note: Harbour council votes on the new quay", "editors-note-1", "editors-note"),
        ("Clarification: Harbour council votes on the new quay", "clarification-2", "clarification"),
        ("Clarification: Harbour council votes on the new quay", "clarification-1", "clarification"),
    ]


def test_typed_notes_get_their_badges_in_the_archive(site):
    soup = site.soup("archives.html")
    report = next(li for li in soup.select("li.chronicles-entry") if "Harbour council" in li.get_text())
    assert report["class"] == ["chronicles-entry", "chronicles-entry-clarified", "chronicles-entry-editors-note"]
    badges = [(b["class"][1], b.find(string=True, recursive=False).strip(), b.time["datetime"][:10])
              for b in report.select(".chronicles-badge")]
    assert badges == [
        ("chronicles-badge-clarification", "Clarified", "2024-06-21"),
        ("chronicles-badge-editors-note", "Editor’s note", "2024-06-22"),
    ]
    assert report.select_one(".chronicles-badge-clarification .chronicles-badge-count").get_text() == "(2 clarifications)"
    withdrawn = next(li for li in soup.select("li.chronicles-entry") if "Fishing fleet" in li.get_text())
    assert "chronicles-entry-retracted" in withdrawn["class"]
    assert withdrawn.select_one(".chronicles-badge-retraction").find(string=True, recursive=False).strip() == "Retracted"


def test_the_word_settings_reach_a_build(shared_build):
    site = shared_build(
        {"desk.md": "Title: Quay hours\nDate: 2024-06-19 09:00\n\nThe quay opens at six.\n\n"
                    "Note from the desk: The hours were given by the harbour office.\n"},
        CHRONICLES_EDITORS_NOTE_WORDS=["Note from the desk"],
        CHRONICLES_LABELS={"editors_note_badge": "Desk note"},
    )
    note = site.soup("quay-hours.html").select_one("section.chronicles-editors-note#editors-note-1")
    assert note.p.get_text() == "Note from the desk"
    badge = site.soup("archives.html").select_one(".chronicles-badge-editors-note")
    assert badge.get_text().strip() == "Desk note"
