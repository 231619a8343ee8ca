"""What the Markdown extension records for ``pelican-chronicles check``
(SPEC 16, 11): the extension is the only reader of the conventions, and
each problem it records carries its kind and the line of the text it
quotes; asked for them (``near_misses``), it records what only a check
reports. Then the check's ``file:line: message`` for input that a reader
of its own would get wrong."""

from __future__ import annotations

from conftest import convert
from test_cli import run, write_site

FERRY = """\
Title: Ferry timetable revised
Date: 2024-06-19 09:00
Countries: FR, Atlantis
Sources: Coastal Wire <coastal-wire.example>; Quay Bulletin; [Pier Radio](javascript:void(0))

The ferry timetable changes next week, the operator said.

UDPATE: The first crossing now leaves at six.

UPDATE (2024-06-21 10:00 IST): The evening crossing is cancelled.

UPDATE (2024-06-02): The fares stay the same.

UPDATE (June 41st, 2024): A second boat joins the route.

UPDATE: Tickets are sold on board too.

UPDATE (June 30, 2204): The winter timetable is published.

> [!CORECTION]
> The harbour office opens at eight.
"""


def recorded(source: str, **options) -> list[tuple[str, int | None, str]]:
    return [(p.kind, p.line, p.text) for p in convert(source, meta=True, **options)[1].problems]


def test_each_problem_has_its_kind_and_the_line_of_the_text_it_quotes():
    assert recorded(FERRY) == [
        ("refused-url", 4, "javascript:void(0)"),
        ("time-zone", 10, "2024-06-21 10:00 IST"),
        ("note-before-post", 12, "2024-06-02"),
        ("unreadable-date", 14, "June 41st, 2024"),
        ("future-date", 18, "June 30, 2204"),
        ("unknown-country", 3, "Atlantis"),
    ]


def test_what_only_a_check_reports_is_recorded_when_asked():
    asked = recorded(FERRY, near_misses=True)
    assert {kind for kind, _line, _text in recorded(FERRY)}.isdisjoint(
        {"near-miss-marker", "undated-note", "source-without-url", "address-without-scheme"}
    )  # a build warns about none of them
    assert [each for each in asked if each not in recorded(FERRY)] == [
        ("near-miss-marker", 8, "UDPATE:"),
        ("near-miss-marker", 20, "[!CORECTION]"),
        ("undated-note", 16, "UPDATE: Tickets are sold on board too."),
        ("source-without-url", 4, "Quay Bulletin"),
        ("source-without-url", 4, "Pier Radio"),
        ("address-without-scheme", 4, "coastal-wire.example"),
    ]
    messages = {p.kind: p.message for p in convert(FERRY, meta=True, near_misses=True)[1].problems}
    assert messages["near-miss-marker"] == 'near-miss marker "[!CORECTION]": did you mean "Correction"? It is not read as a note'
    assert messages["undated-note"] == "this update note (update-4) has no date, though the other notes of the post have one"


def test_two_problems_quoting_the_same_text_get_their_own_lines():
    post = """\
        Title: Pier works
        Date: 2024-06-19

        Work starts on the pier.

        UPDATE (2024-06-02): The cranes arrived.

        CORRECTION (2024-06-02): The cranes arrive next week.
        """
    assert recorded(post) == [
        ("note-before-post", 6, "2024-06-02"),
        ("note-before-post", 8, "2024-06-02"),
    ]


def test_a_post_without_problems_records_none_even_when_asked():
    post = """\
        Title: Quay lights replaced
        Date: 2024-05-02 10:00
        Sources: Coastal Wire <https://coastal-wire.example/>

        Editorial: a word from the desk on why lighting matters.

        Updates: none so far.

        UPDATE (2024-05-03): The last lamp was fitted this morning.
        """
    assert recorded(post, near_misses=True) == []


def test_the_title_flags_as_typed_are_kept(build):
    site = build({"pier.md": "Title: (UPDATE) [CORRECTED] Pier opening hours\nDate: 2024-04-10\n\nText.\n"})
    [article] = site.pelican_articles()
    assert article.title == "Pier opening hours"
    assert article.chronicles.flags_typed == (("update", "(UPDATE)"), ("correction", "[CORRECTED]"))


# --- check: paragraphs as Markdown reads them ------------------------------------------

HEADINGS = """\
Title: Harbour works
Date: 2024-05-02

Upate: the plan, a heading and no paragraph
-------------------------------------------

  UDPATE: an indented paragraph is a paragraph.

CORECTION: a paragraph
of two lines.
"""


def test_check_reads_paragraphs_as_markdown_does(tmp_path):
    root = write_site(tmp_path, {"works.md": HEADINGS})
    result = run("check", cwd=root)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        'content/works.md:7: near-miss marker "UDPATE:": did you mean "Update"? It is not read as a note',
        'content/works.md:9: near-miss marker "CORECTION:": did you mean "Correction"? It is not read as a note',
    ]

