"""Odd author input that must neither raise nor stop a build (SPEC 11): a
language tag that names no language, a NUL in a name whatever the slug
settings."""

from __future__ import annotations

import pytest

from pelican_chronicles import cli
from pelican_chronicles.languages import Languages, builtin

ODD_TAGS = ["q" * 251, "q" * 5000, "../ru", "ru/../../etc", "r\x00u", "ru\x00", "klingon"]
TAG_IDS = ["251 letters", "5000 letters", "parent", "path", "NUL inside", "NUL after", "unknown"]


@pytest.mark.parametrize("tag", ODD_TAGS, ids=TAG_IDS)
def test_a_tag_that_names_no_language_is_the_sites_language(tag):
    languages = Languages(default="ru")
    assert languages.get(tag) is languages.get(None)
    assert languages.get(tag).labels["sources"] == "Источники"


@pytest.mark.parametrize("tag", ODD_TAGS, ids=TAG_IDS)
def test_the_language_files_are_looked_up_by_subtag_only(tag):
    assert dict(builtin(tag)) == {}


def test_a_known_tag_keeps_its_language():
    languages = Languages(default="ru")
    assert languages.get("zh-Hant-TW").labels["sources"] == "来源"
    assert languages.get("it").code == "it"  # Babel knows it: dates in Italian, labels in English
    assert languages.get("it").labels["sources"] == "Sources"


def test_a_post_with_an_over_long_language_tag_is_built_in_the_sites_language(build):
    tag = "q" * 251
    site = build(
        {
            "odd.md": f"""\
                Title: Harbour timetable
                Date: 2024-06-19
                Lang: {tag}
                Sources: Harbour Office

                The timetable changed.

                UPDATE: The first ferry leaves at six.
                """,
        },
        DEFAULT_LANG="ru",
        ARTICLE_LANG_SAVE_AS="{slug}.html",  # Pelican's own default puts the tag in the file name
        ARTICLE_LANG_URL="{slug}.html",
    )
    page = site.soup("harbour-timetable.html")
    assert page.select_one("section.chronicles-note.chronicles-update") is not None
    assert page.select_one("aside.chronicles-sources").get_text(" ", strip=True).startswith("Источники")


def test_note_appends_to_a_post_with_an_over_long_language_tag(tmp_path, capsys):
    post = tmp_path / "odd.md"
    before = f"Title: Harbour timetable\nDate: 2024-06-19 09:00\nLang: {'q' * 251}\n\nThe timetable changed.\n"
    post.write_text(before, encoding="utf-8")
    assert cli.main(["note", str(post), "--date", "2024-06-21 10:15", "The first ferry leaves at six."]) == 0
    assert capsys.readouterr().out == "update-1\n"
    assert post.read_text(encoding="utf-8") == before + "\nUpdate (June 21, 2024, 10:15): The first ferry leaves at six.\n"
