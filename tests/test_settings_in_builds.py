"""Settings that only the README's table named, each seen in a real build:
the index pages' URLs, the transcript words and the sources list."""

from __future__ import annotations

import pytest

POST = """\
Title: Harbour talks
Date: 2024-06-19 09:00
Sources: Harbour Wire <https://harbour-wire.example/talks>
Countries: FR

The talks went on late.

Frage: Does the night ferry stay?

💬 Mira Olsen: It stays, in every season.

> The quay stays open.
>
> — Mira Olsen, harbour master

UPDATE (2024-06-20): The minutes were published.
"""

INDEXES = {
    "CHRONICLES_UPDATES_SAVE_AS": "changes/index.html", "CHRONICLES_UPDATES_URL": "changes/",
    "CHRONICLES_SOURCES_SAVE_AS": "wire/index.html", "CHRONICLES_SOURCES_URL": "wire/",
    "CHRONICLES_COUNTRIES_SAVE_AS": "lands/index.html", "CHRONICLES_COUNTRIES_URL": "lands/",
    "CHRONICLES_SPEAKERS_SAVE_AS": "voices/index.html", "CHRONICLES_SPEAKERS_URL": "voices/",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import build_site

    return build_site(tmp_path_factory.mktemp("settings"), {"talks.md": POST},
                      CHRONICLES_QUESTION_WORDS=["Frage", "Question"], **INDEXES)


def test_the_archive_links_each_index_at_its_url_and_the_page_is_there(site):
    hrefs = {a["href"] for a in site.soup("archives.html").find_all("a", href=True)}
    for page in ("changes", "wire", "lands", "voices"):
        assert f"/{page}/" in hrefs, page
        assert site.exists(f"{page}/index.html"), page
    assert not site.exists("sources/index.html") and not site.exists("updates/index.html")


def test_a_question_word_of_the_settings_labels_a_question(site):
    question = site.soup("harbour-talks.html").select_one(".chronicles-turn-question .chronicles-speaker")
    assert question is not None and question.get_text() == "Frage:"


def test_an_answer_word_of_the_settings_labels_an_answer(build):
    post = "Title: Ferry\nDate: 2024-06-19\n\nQuestion: Does it stay?\n\nReply: It stays.\n"
    page = build({"ferry.md": post}, CHRONICLES_ANSWER_WORDS=["Reply"]).soup("ferry.html")
    answer = page.select_one(".chronicles-turn-answer .chronicles-speaker")
    assert answer is not None and answer.get_text() == "Reply:"


@pytest.mark.parametrize("listed", [True, False])
def test_the_sources_list_is_switched_by_its_setting(build, listed):
    page = build({"talks.md": POST}, CHRONICLES_SOURCES_LIST=listed).soup("harbour-talks.html")
    sources = page.select("aside.chronicles-sources")
    assert len(sources) == (1 if listed else 0)
    if listed:
        assert "Harbour Wire" in sources[0].get_text()
