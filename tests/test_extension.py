"""The Markdown extension as Python-Markdown's own extensions are: one named
tree processor per convention, options with the settings' defaults,
per-document state cleared by ``md.reset()``, the host's public mechanisms."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from markdown.extensions import Extension

from conftest import convert, normalize

from pelican_chronicles.settings import DEFAULT_LABELS, EXTENSION_OPTIONS
from pelican_chronicles.syntax import ChroniclesExtension

POST = """\
PORT ELARA (Coastal Wire) - The council met.

> The ferry will run.
>
> — Dana Ortiz, harbour spokesperson

Question: When?

Answer: In June.

UPDATE (2024-06-20): The ferry ran.
"""

NAMES = ["chronicles-notes", "chronicles-transcripts", "chronicles-quotes", "chronicles-datelines", "chronicles"]


def test_each_convention_is_a_named_tree_processor_in_order():
    md = markdown.Markdown(extensions=[ChroniclesExtension()])
    assert all(name in md.treeprocessors for name in NAMES)
    positions = [md.treeprocessors.get_index_for_name(name) for name in NAMES]
    assert positions == sorted(positions)
    # the conventions before everything of Python-Markdown's, the chronicle after unescape
    assert positions[3] < md.treeprocessors.get_index_for_name("inline")
    assert positions[4] > md.treeprocessors.get_index_for_name("unescape")


class WithoutQuotes(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.deregister("chronicles-quotes")


def test_a_site_can_deregister_one_convention():
    md = markdown.Markdown(extensions=[ChroniclesExtension(), WithoutQuotes()])
    html = md.convert(POST)
    assert "chronicles-quote" not in html
    assert "<blockquote>" in html
    assert 'class="chronicles-dateline"' in html
    assert 'class="chronicles-transcript"' in html
    assert md.chronicles.quotes == () and len(md.chronicles.notes) == 1


def test_the_site_settings_become_the_extensions_options():
    from pelican_chronicles.glue import extension_config
    from pelican_chronicles.settings import check

    settings = {**check({"CHRONICLES_UPDATE_WORDS": ["Nachtrag"], "CHRONICLES_UPDATE_LOG": False}),
                "TIMEZONE": "Europe/Berlin", "SUMMARY_MAX_LENGTH": 20}
    config = extension_config(settings)
    assert {option: config[option] for option in EXTENSION_OPTIONS} == {
        option: settings[name] for option, name in EXTENSION_OPTIONS.items()
    }
    assert config["update_words"] == ("Nachtrag",) and config["update_log"] is False
    assert config["timezone"] == "Europe/Berlin" and config["summary_words"] == 20
    md = markdown.Markdown(extensions=["pelican_chronicles.syntax"],
                           extension_configs={"pelican_chronicles.syntax": config})
    html = md.convert("NACHTRAG: Die Fähre fuhr.")
    assert 'class="chronicles-note chronicles-update"' in html
    assert "chronicles-update-log" not in html


def test_labels_given_in_part_keep_the_other_defaults():
    html, _chronicle = convert("> [!UPDATE]\n> The ferry ran.", labels={"update": "Mise à jour"})
    assert "Mise à jour" in html
    assert DEFAULT_LABELS["update_log"] in html


def test_reset_clears_what_the_document_found():
    md = markdown.Markdown(extensions=[ChroniclesExtension()])
    md.convert(POST)
    assert md.chronicles.notes
    md.reset()
    assert md.chronicles.notes == () and md.chronicles.sources == ()
    html = md.convert("Plain words.")
    assert html == "<p>Plain words.</p>"
    assert md.chronicles.notes == ()


def test_the_chronicle_is_handed_over_with_the_metadata():
    md = markdown.Markdown(extensions=["meta", ChroniclesExtension()])
    md.convert("Title: T\nDate: 2024-06-19\n\n" + POST)
    assert md.Meta["chronicles"] == [md.chronicles]
    assert md.chronicles.notes[0].anchor == "update-1"


def test_metadata_fields_are_converted_without_the_conventions():
    """Pelican converts Summary: with the post's Markdown instance after
    deregistering the meta preprocessor."""
    md = markdown.Markdown(extensions=["meta", ChroniclesExtension()])
    md.convert("Title: T\n\n" + POST)
    md.preprocessors.deregister("meta")
    md.reset()
    html = md.convert("UPDATE: written in a summary.")
    assert html == "<p>UPDATE: written in a summary.</p>"


def test_sources_metadata_is_parsed_once_per_post(build, monkeypatch):
    from pelican_chronicles import metadata

    calls = []
    original = metadata.parse_sources

    def counting(value, *told):
        calls.append(value)
        return original(value, *told)

    monkeypatch.setattr(metadata, "parse_sources", counting)
    monkeypatch.setattr("pelican_chronicles.syntax.chronicle.parse_sources", counting)
    monkeypatch.setattr("pelican_chronicles.glue.post_metadata.parse_sources", counting)
    build({"a.md": "Title: A\nDate: 2024-06-19\nSources: Coastal Wire; Harbour Press\n\nWords."})
    assert len([c for c in calls if c]) == 1


PACKAGE = Path(__file__).resolve().parent.parent / "pelican_chronicles"
PRIVATE = re.compile(r"\._data\b|\._md\b|_parse_metadata|wzxhzdk|_escape_cdata|_priority\b")


def test_no_private_internals_of_markdown_or_pelican():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert offenders == []


@pytest.mark.parametrize("first", [True, False])
def test_the_extension_works_before_or_after_toc(first):
    extensions = [ChroniclesExtension(), "toc"] if first else ["toc", ChroniclesExtension()]
    html = markdown.Markdown(extensions=extensions).convert("## Background\n\n" + POST)
    assert '<h2 id="background">Background</h2>' in html
    assert "\x02" not in html and "\x03" not in html
    assert html.startswith('<nav aria-labelledby="chronicles-update-log-title" class="chronicles-update-log">')


def test_a_post_with_an_update_log_gets_a_summary_without_it():
    md = markdown.Markdown(extensions=[ChroniclesExtension(summarize=lambda html: f"[{html}]")])
    md.convert("The council met.\n\nUPDATE (2024-06-20): The ferry ran.")
    assert md.chronicles.summary.startswith("[<p>The council met.</p>")
    assert "chronicles-update-log" not in md.chronicles.summary


def test_a_long_post_with_only_a_sources_list_needs_no_summary_of_its_own():
    md = markdown.Markdown(extensions=["meta", ChroniclesExtension(summary_words=5)])
    md.convert("Title: T\nSources: Coastal Wire\n\nOne two three four five six seven.")
    assert md.chronicles.sources and md.chronicles.summary is None
    md.reset()
    md.convert("Title: T\nSources: Coastal Wire\n\nOne two.")
    assert md.chronicles.summary == "<p>One two.</p>"


def test_words_are_counted_as_pelican_counts_them_for_a_summary():
    """Dashes are no words: a body of 40 words and 40 dashes is shorter than
    a 50-word summary, so its summary must be made without the sources list."""
    body = " ".join(f"word{i} —" for i in range(40))
    md = markdown.Markdown(extensions=["meta", ChroniclesExtension(summary_words=50)])
    md.convert(f"Title: T\nSources: Agency\n\n{body}")
    assert md.chronicles.summary is not None
    assert "chronicles-sources" not in md.chronicles.summary


def test_a_summary_is_cut_as_pelican_cuts_one():
    from pelican.utils import truncate_html_words

    from pelican_chronicles.glue import summary

    html = '<div class="contents topic"><p>Contents</p></div>\n<p>One two three four.</p><p>Five.</p>'
    cut = summary(html, paragraphs=None, words=4, suffix="…")
    assert "contents" not in cut  # Pelican leaves a table of contents out of summaries
    assert cut.strip() == truncate_html_words(html, 4, "…").split("</div>", 1)[1].strip()


def test_an_unsafe_attribution_link_is_taken_out_its_words_kept_in_place():
    html, chronicle = convert("> Words.\n>\n> — Dana Ortiz, [*The* Daily](javascript:x), 2024-06-19")
    assert '<cite><em>The</em> Daily</cite>, <time datetime="2024-06-19">' in html
    assert "javascript" not in html
    assert [p.text for p in chronicle.problems] == ["javascript:x"]


# --- the update log ---------------------------------------------------------------------


def test_an_undated_note_shows_its_first_words_in_the_update_log():
    source = (
        "Lead.\n\n"
        "UPDATE: Answer to my question from the ministry, which wrote back after the harbour meeting:\n\n"
        "More words.\n\n"
        "UPDATE (2024-06-20): The ferry ran.\n\n"
        "UPDATE 3: The fee is 5 < 6 & *not* more.\n\n"
        "**Correction:**\n\nThe vote was on Friday.\n\n"
        "> [!UPDATE]\n> 渡轮下周恢复运行，港务局在周一的会议上确认了新的时刻表和票价，乘客可以在网上查询全部班次和价格变动的细节，也可以在码头的售票处询问工作人员。"
    )
    html, _chronicle = convert(source)
    log = html[: html.index("</nav>") + len("</nav>")]
    assert normalize(log) == normalize(
        '<nav aria-labelledby="chronicles-update-log-title" class="chronicles-update-log">'
        '<p class="chronicles-update-log-title" id="chronicles-update-log-title">Updates to this post</p><ol>'
        '<li><a href="#update-1">Update — Answer to my question from the ministry, which wrote back…</a></li>'
        '<li><a href="#update-2">Update (<time datetime="2024-06-20">2024-06-20</time>)</a></li>'
        '<li><a href="#update-3">Update 3 — The fee is 5 &lt; 6 &amp; not more.</a></li>'
        '<li><a href="#correction-1">Correction — The vote was on Friday.</a></li>'
        '<li><a href="#update-4">Update — 渡轮下周恢复运行，港务局在周一的会议上确认了新的时刻表和票价，乘客可以在网上查询全部班次和价格变动的细节，也可以在码头的…</a></li>'
        "</ol></nav>"
    )


def test_a_note_with_no_words_of_its_own_shows_its_label_alone_in_the_update_log():
    html, _ = convert("Lead.\n\nUPDATE:\n\n## Next")
    assert '<li><a href="#update-1">Update</a></li>' in html
