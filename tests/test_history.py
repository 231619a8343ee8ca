"""Version history (SPEC 17, README "Version history").

``CHRONICLES_HISTORY = True``: each article whose file changed after its
first commit lists its revisions under its update log and gets a page of
what each changed, word by word. The site tests build real git repositories
with fixed dates; most read one repository, ``newsroom``, built once.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import textwrap
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import build_site, plugin_warnings

from pelican_chronicles.history import LOG_FORMAT, read_log, word_diff

# --- git, with fixed names and dates -------------------------------------------------


def git(repo: Path, *args: str, date: str = "2026-01-01T12:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "LC_ALL": "C"}
    done = subprocess.run(
        ["git", "-c", "user.name=Desk Editor", "-c", "user.email=desk@example.org", "-c", "init.defaultBranch=main",
         "-c", "commit.gpgsign=false", *args],
        cwd=repo, env=env, capture_output=True, check=True,
    )
    return done.stdout.decode("utf-8")


def write(repo: Path, name: str, text: str) -> None:
    path = repo / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def commit(repo: Path, message: str, date: str, **files: str) -> str:
    """Write ``files`` (name with ``__`` for ``.``: ``ferry__md``) under
    content/ and commit them; the commit's id."""
    for name, text in files.items():
        write(repo, name.replace("__", "."), text)
    git(repo, "add", "--all", "content")
    git(repo, "commit", "-q", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD").strip()


def new_repo(path: Path) -> Path:
    (path / "content").mkdir(parents=True)
    git(path, "init", "-q")
    return path


def built(repo: Path, output: Path, **settings):
    """``repo``'s content built into ``output``, each post at its file's
    name: (Site, the plugin's warnings)."""
    with plugin_warnings() as warnings:
        site = build_site(output.parent, {}, PATH=str(repo / "content"), OUTPUT_PATH=str(output),
                          SLUGIFY_SOURCE="basename", **settings)
    return site, warnings


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def words(tag) -> str:
    return " ".join(tag.get_text().split())


# --- the newsroom: every kind of post, committed ------------------------------------

FERRY_1 = """\
    Title: Ferry timetable
    Date: 2026-11-20 10:00

    The ferry to Port Elara leaves at nine from the north pier.

    Tickets cost two euros at the pier.

    The council meets on Monday to discuss the winter service.
    """
FERRY_2 = FERRY_1.replace("at nine from", "at ten from")
FERRY_3 = FERRY_2.replace("cost two euros", "cost three euros")

BRIDGE_1 = """\
    Title: Bridge repairs start in March
    Date: 2026-10-01 10:00

    Repairs on the old bridge start in March.
    """
BRIDGE_2 = BRIDGE_1 + """
    UPDATE (2026-10-02 08:00): The council confirmed the night closures.
    """

LONG_1 = """\
    Title: A long week at the council
    Date: 2026-09-01 10:00

    """ + " ".join(f"word{n}" for n in range(80)) + """

    A second paragraph, past the summary.
    """
LONG_2 = LONG_1.replace("past the summary", "well past the summary")

SHORT_1 = """\
    Title: A short note
    Date: 2026-09-02 10:00

    The library opens late on Thursday.
    """
SHORT_2 = SHORT_1.replace("late on Thursday", "late on Friday")

RU_1 = """\
    Title: Паром отходит позже
    Date: 2026-08-01 10:00
    Lang: ru

    Паром отходит в девять часов.
    """
RU_2 = RU_1.replace("девять", "десять")

AR_1 = """\
    Title: العبارة تغادر متأخرة
    Date: 2026-08-02 10:00
    Lang: ar

    تغادر العبارة في التاسعة صباحا.
    """
AR_2 = AR_1.replace("التاسعة", "العاشرة")

PIER_1 = """\
    Title: The north pier reopens
    Date: 2026-07-01 10:00

    The north pier reopens on Saturday.
    """
PIER_2 = PIER_1.replace("on Saturday", "on Sunday")

AGAIN_1 = """\
    Title: Market days
    Date: 2026-06-01 10:00

    The market is held on Wednesday.
    """
AGAIN_2 = AGAIN_1.replace("Wednesday", "Tuesday")
AGAIN_3 = AGAIN_1.replace("Wednesday", "Saturday")

TOC_1 = """\
    Title: Winter service explained
    Date: 2026-05-01 10:00

    [TOC]

    ## Timetable

    Boats leave every hour.

    ## Fares

    Fares stay the same.
    """
TOC_2 = TOC_1.replace("every hour", "every two hours")

DRAFT_1 = """\
    Title: A draft on the ferry fares
    Date: 2026-04-01 10:00
    Status: draft

    The fares may rise in spring.
    """
DRAFT_2 = DRAFT_1.replace("in spring", "in summer")

ONCE = """\
    Title: Harbour lights repaired
    Date: 2026-12-01 10:00

    The harbour lights were repaired overnight.
    """

SCRIPT_SUBJECT = "Night closures <script>alert(1)</script> & reply"


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    """A repository whose content/ holds every kind of post, with the ids
    of the commits that matter."""
    repo = new_repo(tmp_path_factory.mktemp("newsroom") / "repo")
    ids = {}
    ids["ferry-1"] = commit(repo, "Ferry timetable: first version", "2026-11-20T17:05:00+01:00", ferry__md=FERRY_1)
    ids["ferry-2"] = commit(repo, "Later departure", "2026-11-21T00:30:00+01:00", ferry__md=FERRY_2)
    ids["ferry-3"] = commit(repo, "Fares corrected", "2026-11-22T09:40:00+01:00", ferry__md=FERRY_3)
    commit(repo, "Bridge repairs", "2026-10-01T10:00:00+00:00", bridge__md=BRIDGE_1)
    ids["bridge-2"] = commit(repo, SCRIPT_SUBJECT, "2026-10-02T08:00:00+00:00", bridge__md=BRIDGE_2)
    commit(repo, "Council week", "2026-09-01T10:00:00+00:00", long__md=LONG_1, short__md=SHORT_1)
    commit(repo, "Council week, edited", "2026-09-02T10:00:00+00:00", long__md=LONG_2, short__md=SHORT_2)
    commit(repo, "Паром", "2026-08-01T10:00:00+00:00", ru__md=RU_1, ar__md=AR_1)
    commit(repo, "Паром: десять часов", "2026-08-02T10:00:00+00:00", ru__md=RU_2, ar__md=AR_2)
    ids["pier-1"] = commit(repo, "North pier", "2026-07-01T10:00:00+00:00", old_pier__md=PIER_1)
    ids["pier-2"] = commit(repo, "North pier: Sunday", "2026-07-02T10:00:00+00:00", old_pier__md=PIER_2)
    git(repo, "mv", "content/old_pier.md", "content/pier.md")
    ids["pier-rename"] = commit(repo, "Pier post renamed", "2026-07-03T10:00:00+00:00")
    commit(repo, "Market days", "2026-06-01T10:00:00+00:00", again__md=AGAIN_1)
    commit(repo, "Market days: Tuesday", "2026-06-02T10:00:00+00:00", again__md=AGAIN_2)
    git(repo, "rm", "-q", "content/again.md")
    commit(repo, "Market days withdrawn", "2026-06-03T10:00:00+00:00")
    ids["again-new"] = commit(repo, "Market days, written again", "2026-06-04T10:00:00+00:00", again__md=AGAIN_3)
    commit(repo, "Winter service", "2026-05-01T10:00:00+00:00", toc__md=TOC_1)
    commit(repo, "Winter service: every two hours", "2026-05-02T10:00:00+00:00", toc__md=TOC_2)
    commit(repo, "Fares draft", "2026-04-01T10:00:00+00:00", draft__md=DRAFT_1)
    commit(repo, "Fares draft, summer", "2026-04-02T10:00:00+00:00", draft__md=DRAFT_2)
    commit(repo, "Harbour lights", "2026-12-01T10:00:00+00:00", once__md=ONCE)
    return repo, ids


@pytest.fixture(scope="module")
def site(newsroom, tmp_path_factory):
    """The newsroom built with the history on: (Site, warnings)."""
    repo, _ids = newsroom
    return built(repo, tmp_path_factory.mktemp("built") / "output", CHRONICLES_HISTORY=True)


def revisions_list(page: BeautifulSoup):
    return page.select_one("details.chronicles-history")


# --- 1. word_diff and read_log -----------------------------------------------------


def test_a_word_changed_in_a_paragraph_is_the_only_word_marked():
    old = "Intro line.\nThe ferry leaves at nine from the pier.\nTickets cost two euros.\nFar line.\n"
    new = "Intro line.\nThe ferry leaves at ten from the pier.\nTickets cost two euros.\nFar line.\n"
    assert word_diff(old, new) == ((
        ("", "Intro line.\nThe ferry leaves at "),
        ("del", "nine "),
        ("ins", "ten "),
        ("", "from the pier.\nTickets cost two euros.\n"),
    ),)


def test_a_chinese_character_changed_is_the_only_character_marked():
    assert word_diff("渡轮九点从码头出发。\n", "渡轮十点从码头出发。\n") == ((
        ("", "渡轮"), ("del", "九"), ("ins", "十"), ("", "点从码头出发。\n"),
    ),)


def test_a_russian_word_changed_is_the_only_word_marked():
    assert word_diff("Паром отходит в девять часов.\n", "Паром отходит в десять часов.\n") == ((
        ("", "Паром отходит в "), ("del", "девять "), ("ins", "десять "), ("", "часов.\n"),
    ),)


def test_an_arabic_word_changed_is_the_only_word_marked():
    assert word_diff("تغادر العبارة في التاسعة صباحا.\n", "تغادر العبارة في العاشرة صباحا.\n") == ((
        ("", "تغادر العبارة في "), ("del", "التاسعة "), ("ins", "العاشرة "), ("", "صباحا.\n"),
    ),)


def test_a_paragraph_added_is_inserted_whole():
    assert word_diff("One.\n\nTwo.\n", "One.\n\nTwo.\n\nThree is new.\n") == ((
        ("", "Two.\n"), ("ins", "\nThree is new.\n"),
    ),)


def test_a_paragraph_removed_is_deleted_whole():
    assert word_diff("One.\n\nTwo words.\n\nThree.\n", "One.\n\nThree.\n") == ((
        ("", "\n"), ("del", "Two words.\n\n"), ("", "Three.\n"),
    ),)


@pytest.mark.parametrize("old, new, deleted, inserted", [
    ("Intro.\n\nThe ferry leaves at nine from the pier.\n\nEnd.\n",
     "Intro.\n\nThe ferry leaves at ten from the pier.\n\nA new paragraph.\n\nEnd.\n",
     "nine", ["ten", "A new paragraph."]),
    ("- adults two euros\n- children one euro\n",
     "- adults three euros\n- seniors one euro\n- children one euro\n",
     "two", ["three", "- seniors one euro"]),
], ids=["paragraph-edited-and-one-added", "list-item-edited-and-one-added"])
def test_a_line_edited_beside_a_line_added_keeps_its_words(old, new, deleted, inserted):
    pieces = [piece for hunk in word_diff(old, new) for piece in hunk]
    assert [text.strip() for kind, text in pieces if kind == "del"] == [deleted]
    assert [text.strip() for kind, text in pieces if kind == "ins"] == inserted


def test_the_same_text_has_no_changes():
    assert word_diff("Nothing changed.\n", "Nothing changed.\n") == ()


def newsroom_log(repo: Path):
    raw = subprocess.run(
        ["git", "log", "-z", "--raw", "--no-abbrev", "-M", f"--format={LOG_FORMAT}", "--", "content"],
        cwd=repo, capture_output=True, check=True,
    ).stdout
    return read_log(raw)


def test_read_log_follows_a_rename_back_and_a_pure_rename_is_no_revision(newsroom):
    repo, ids = newsroom
    log = newsroom_log(repo)
    assert [revision.commit for revision in log["content/pier.md"]] == [ids["pier-2"], ids["pier-1"]]
    assert "content/old_pier.md" not in log
    first = log["content/pier.md"][-1]
    assert first.before is None and first.summary == "North pier"


def test_read_log_lists_revisions_newest_first_with_dates_and_blobs(newsroom):
    repo, ids = newsroom
    ferry = newsroom_log(repo)["content/ferry.md"]
    assert [revision.commit for revision in ferry] == [ids["ferry-3"], ids["ferry-2"], ids["ferry-1"]]
    assert [revision.summary for revision in ferry] == ["Fares corrected", "Later departure",
                                                        "Ferry timetable: first version"]
    assert ferry[1].date.isoformat() == "2026-11-21T00:30:00+01:00"
    assert ferry[0].before == ferry[1].after and ferry[1].before == ferry[2].after


def test_read_log_a_renamed_post_keeps_its_history_when_a_new_post_takes_its_old_name(tmp_path):
    repo = new_repo(tmp_path / "repo")
    first = commit(repo, "Ferry", "2026-03-01T10:00:00+00:00", ferry__md=FERRY_1)
    second = commit(repo, "Ferry, later", "2026-03-02T10:00:00+00:00", ferry__md=FERRY_2)
    git(repo, "mv", "content/ferry.md", "content/ferry-2026.md")
    commit(repo, "Ferry post renamed", "2026-03-03T10:00:00+00:00")
    fresh = commit(repo, "A new ferry post", "2026-03-04T10:00:00+00:00", ferry__md=SHORT_1)
    log = newsroom_log(repo)
    assert [revision.commit for revision in log["content/ferry.md"]] == [fresh]
    assert [revision.commit for revision in log["content/ferry-2026.md"]] == [second, first]


def test_read_log_a_file_deleted_and_added_again_starts_again(newsroom):
    repo, ids = newsroom
    again = newsroom_log(repo)["content/again.md"]
    assert [revision.commit for revision in again] == [ids["again-new"]]


# --- 2. the list and the page ------------------------------------------------------


def test_a_post_committed_three_times_lists_its_revisions_newest_first(site, newsroom):
    site, _warnings = site
    _repo, ids = newsroom
    listed = revisions_list(site.soup("ferry.html"))
    assert listed is not None and listed.find("summary").get_text() == "Version history"
    items = listed.select("ol.chronicles-revisions > li")
    assert [words(item.select_one(".chronicles-revision-summary")) for item in items] == [
        "Fares corrected", "Later departure", "Ferry timetable: first version"]
    assert [item.time["datetime"] for item in items] == [
        "2026-11-22T09:40:00+01:00", "2026-11-21T00:30:00+01:00", "2026-11-20T17:05:00+01:00"]
    # written in TIMEZONE (UTC), as the post's date is: 00:30 at +01:00 is still the 20th
    assert [item.time.get_text() for item in items] == [
        "Sun 22 November 2026", "Fri 20 November 2026", "Fri 20 November 2026"]
    assert [item.a["href"] for item in items] == [
        f"/history/ferry.html#revision-{ids[key][:12]}" for key in ("ferry-3", "ferry-2", "ferry-1")]
    assert listed.select_one("a.chronicles-history-link")["href"] == "/history/ferry.html"


def test_the_history_page_marks_exactly_the_changed_words(site, newsroom):
    site, _warnings = site
    _repo, ids = newsroom
    page = site.soup("history/ferry.html")
    sections = page.select("section.chronicles-revision")
    assert [section["id"] for section in sections] == [
        f"revision-{ids[key][:12]}" for key in ("ferry-3", "ferry-2", "ferry-1")]
    newest, middle, first = sections
    assert [d.get_text().strip() for d in newest.find_all("del")] == ["two"]
    assert [i.get_text().strip() for i in newest.find_all("ins")] == ["three"]
    assert [d.get_text().strip() for d in middle.find_all("del")] == ["nine"]
    assert [i.get_text().strip() for i in middle.find_all("ins")] == ["ten"]
    assert "Tickets cost" in words(newest.select_one(".chronicles-diff"))
    assert "The council meets" not in words(middle.select_one(".chronicles-diff"))  # two lines away
    assert words(first.select_one("p.chronicles-first-version")) == "First version"
    assert first.find("del") is None and first.find("ins") is None
    assert [words(s.select_one("h2 .chronicles-revision-summary")) for s in sections] == [
        "Fares corrected", "Later departure", "Ferry timetable: first version"]
    assert [s.select_one("h2 time")["datetime"] for s in sections] == [
        "2026-11-22T09:40:00+01:00", "2026-11-21T00:30:00+01:00", "2026-11-20T17:05:00+01:00"]


def test_the_post_describes_itself_once_its_history_page_not_again(site):
    """The NewsArticle and the Pagefind filters are the post's own page's:
    its history page names the post but is not it."""
    site, _warnings = site
    post, history = site.soup("ferry.html"), site.soup("history/ferry.html")
    assert len(post.select('script[type="application/ld+json"]')) == 1
    assert history.select('script[type="application/ld+json"]') == []
    assert history.select("meta[data-pagefind-filter]") == []


def test_the_post_keeps_its_own_html_beside_the_list(site):
    site, _warnings = site
    page = site.soup("ferry.html")
    assert revisions_list(page) is not None
    assert [words(p) for p in page.select(".entry-content > p")][:2] == [
        "The ferry to Port Elara leaves at ten from the north pier.", "Tickets cost three euros at the pier."]
    assert "&lt;p&gt;" not in site.text("ferry.html")


def test_the_list_sits_right_after_the_update_log(site):
    site, _warnings = site
    log = site.soup("bridge.html").select_one("nav.chronicles-update-log")
    assert log is not None
    after = log.find_next_sibling()
    assert after.name == "details" and "chronicles-history" in after["class"]
    assert words(after.find_next_sibling()) == "Repairs on the old bridge start in March."


def test_without_an_update_log_the_list_comes_first_in_the_content(site):
    site, _warnings = site
    content = site.soup("ferry.html").select_one(".entry-content")
    first = next(tag for tag in content.find_all(recursive=False) if tag.name != "footer")
    assert first.name == "details" and "chronicles-history" in first["class"]


def test_a_post_committed_once_gets_no_list_and_no_page(site):
    site, _warnings = site
    assert revisions_list(site.soup("once.html")) is None
    assert not site.exists("history/once.html")
    assert site.exists("history/ferry.html")


def test_summaries_on_the_index_leave_the_list_out(site):
    """long.html is cut at SUMMARY_MAX_LENGTH, short.html is shorter than it;
    neither is the index's featured (first) post, shown whole."""
    site, _warnings = site
    assert revisions_list(site.soup("long.html")) is not None
    assert revisions_list(site.soup("short.html")) is not None
    listed = {article.source_path.rsplit("/", 1)[-1]: article for article in site.pelican_articles()}
    for name in ("long.md", "short.md", "ferry.md", "bridge.md"):
        assert "chronicles-history" not in listed[name].summary, name
    assert "word0" in listed["long.md"].summary and "second paragraph" not in listed["long.md"].summary
    assert "opens late on Friday" in listed["short.md"].summary
    index = site.soup("index.html")
    summaries = index.select("#posts-list .entry-content")
    assert summaries and all(entry.select_one("details.chronicles-history") is None for entry in summaries)
    assert any("word0" in words(entry) for entry in summaries)
    assert any("opens late on Friday" in words(entry) for entry in summaries)


# --- 3. languages ---------------------------------------------------------------


def test_a_russian_post_has_its_labels_and_page_in_russian(site):
    site, _warnings = site
    listed = revisions_list(site.soup("ru-ru.html"))
    assert listed.find("summary").get_text() == "История версий"
    assert [time.get_text() for time in listed.find_all("time")] == ["вс 02 августа 2026", "сб 01 августа 2026"]
    assert words(listed.select_one("a.chronicles-history-link")) == "Что менялось в каждой версии"
    history = site.soup("history/ru-ru.html").select_one("section.chronicles-history-page")
    assert history["lang"] == "ru" and history["dir"] == "ltr"
    assert words(history.select_one("h1")) == "История версий"
    assert words(history.select_one("p.chronicles-first-version")) == "Первая версия"
    assert [d.get_text().strip() for d in history.find_all("del")] == ["девять"]
    assert [i.get_text().strip() for i in history.find_all("ins")] == ["десять"]


def test_an_arabic_post_has_its_labels_and_a_right_to_left_page(site):
    site, _warnings = site
    listed = revisions_list(site.soup("ar-ar.html"))
    assert listed.find("summary").get_text() == "سجل النسخ"
    assert words(listed.select_one("a.chronicles-history-link")) == "ما تغيّر في كل نسخة"
    history = site.soup("history/ar-ar.html").select_one("section.chronicles-history-page")
    assert history["lang"] == "ar" and history["dir"] == "rtl"
    assert words(history.select_one("p.chronicles-first-version")) == "النسخة الأولى"
    assert [d.get_text().strip() for d in history.find_all("del")] == ["التاسعة"]
    assert [i.get_text().strip() for i in history.find_all("ins")] == ["العاشرة"]


# --- 4. relative URLs, toc -----------------------------------------------------------

TOC_MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.meta": {},
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}


@pytest.fixture(scope="module")
def relative_site(newsroom, tmp_path_factory):
    repo, _ids = newsroom
    site, _warnings = built(repo, tmp_path_factory.mktemp("relative") / "output", CHRONICLES_HISTORY=True,
                            RELATIVE_URLS=True, MARKDOWN=TOC_MARKDOWN,
                            ARTICLE_URL="{slug}/", ARTICLE_SAVE_AS="{slug}/index.html")
    return site


def written(url: str) -> str:
    """The file an absolute URL path of the site is served from."""
    path = urlsplit(url).path.lstrip("/")
    return path + "index.html" if path.endswith("/") or not path else path


@pytest.mark.parametrize("post", ["ferry/", "ru-ru.html"])
def test_with_relative_urls_the_links_lead_to_the_written_history_page(relative_site, post):
    listed = revisions_list(relative_site.soup(written(post)))
    hrefs = [a["href"] for a in listed.find_all("a")]
    assert len(hrefs) == (4 if post == "ferry/" else 3)  # each revision's, then the page's
    for href in hrefs:
        assert not href.startswith("/") and "{" not in href, href
        target = urljoin(f"http://site.invalid/{post}", href)
        assert relative_site.exists(written(target)), href
        if urlsplit(target).fragment:
            page = relative_site.soup(written(target))
            assert page.find(id=urlsplit(target).fragment) is not None, href
    # and the history page links back to the post
    history = urljoin(f"http://site.invalid/{post}", hrefs[-1])
    back = relative_site.soup(written(history)).select_one(".chronicles-kicker a")["href"]
    assert not back.startswith("/") and urljoin(history, back) == f"http://site.invalid/{post}"


def test_with_the_toc_extension_the_list_and_the_toc_are_both_there(relative_site):
    page = relative_site.soup("toc/index.html")
    assert revisions_list(page) is not None
    toc = page.select_one("div.toc")
    assert toc is not None and [words(a) for a in toc.find_all("a")] == ["Timetable", "Fares"]
    for link in toc.find_all("a"):
        assert page.find(id=link["href"].lstrip("#")).name == "h2"
    assert "[TOC]" not in words(page.select_one(".entry-content"))


# --- 5. bad input and edges -------------------------------------------------------


def test_a_shallow_clone_gets_one_warning_and_no_history(newsroom, tmp_path):
    repo, _ids = newsroom
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True,
                   capture_output=True)
    site, warnings = built(clone, tmp_path / "output", CHRONICLES_HISTORY=True)
    shallow = [message for message in warnings if "shallow clone" in message]
    assert len(shallow) == 1 and str(clone.resolve()) in shallow[0], warnings
    assert site.exists("ferry.html") and site.exists("once.html")
    assert revisions_list(site.soup("ferry.html")) is None
    assert not site.path("history").exists()


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """A repository with a post changed and not committed, another as
    committed, and a post git does not track: (Site, warnings)."""
    root = tmp_path_factory.mktemp("desk")
    repo = new_repo(root / "repo")
    edited_1, edited_2 = (textwrap.dedent(text).replace("short note", "edited note") for text in (SHORT_1, SHORT_2))
    commit(repo, "Two posts", "2026-03-01T10:00:00+00:00", edited__md=edited_1, kept__md=PIER_1)
    commit(repo, "Two posts, edited", "2026-03-02T10:00:00+00:00", edited__md=edited_2, kept__md=PIER_2)
    write(repo, "edited.md", edited_2 + "\nA line not committed.\n")
    write(repo, "untracked.md", ONCE.replace("Harbour lights", "Untracked lights"))
    return repo, built(repo, root / "output", CHRONICLES_HISTORY=True)


def test_a_post_with_uncommitted_changes_gets_a_warning_and_no_history(desk):
    repo, (site, warnings) = desk
    assert [message for message in warnings if "uncommitted" in message] == [
        "edited.md: uncommitted changes; no version history until they are committed"]
    assert revisions_list(site.soup("edited.html")) is None
    assert not site.exists("history/edited.html")
    assert "A line not committed." in site.text("edited.html")
    assert revisions_list(site.soup("kept.html")) is not None
    assert site.exists("history/kept.html")


def test_an_untracked_post_gets_no_history_and_no_warning(desk):
    repo, (site, warnings) = desk
    assert site.exists("untracked.html")
    assert revisions_list(site.soup("untracked.html")) is None
    assert not site.exists("history/untracked.html")
    assert not [message for message in warnings if "untracked" in message]


def test_a_site_outside_git_gets_no_history_and_no_warning(tmp_path):
    content = tmp_path / "loose" / "content"
    write(tmp_path / "loose", "ferry.md", FERRY_3)
    assert subprocess.run(["git", "rev-parse"], cwd=content, capture_output=True).returncode != 0
    site, warnings = built(tmp_path / "loose", tmp_path / "output", CHRONICLES_HISTORY=True)
    assert site.exists("ferry.html") and revisions_list(site.soup("ferry.html")) is None
    assert not site.path("history").exists()
    assert warnings == []


def test_a_repository_without_a_commit_gets_no_history_and_no_warning(tmp_path):
    repo = new_repo(tmp_path / "empty")
    write(repo, "ferry.md", FERRY_1)
    site, warnings = built(repo, tmp_path / "output", CHRONICLES_HISTORY=True)
    assert site.exists("ferry.html") and revisions_list(site.soup("ferry.html")) is None
    assert warnings == []


def test_a_commit_subject_with_markup_is_escaped_on_both_pages(site):
    site, _warnings = site
    for page in ("bridge.html", "history/bridge.html"):
        found = site.soup(page)
        assert found.find("script", string=lambda text: text and "alert" in text) is None, page
        assert SCRIPT_SUBJECT in [words(span) for span in found.select(".chronicles-revision-summary")], page
        assert "<script>alert(1)</script> &amp;" not in site.text(page)
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; reply" in site.text(page), page


def test_a_renamed_post_keeps_its_earlier_revisions(site, newsroom):
    site, _warnings = site
    _repo, ids = newsroom
    items = revisions_list(site.soup("pier.html")).select("ol.chronicles-revisions > li")
    assert [words(item.select_one(".chronicles-revision-summary")) for item in items] == [
        "North pier: Sunday", "North pier"]
    sections = site.soup("history/pier.html").select("section.chronicles-revision")
    assert [section["id"] for section in sections] == [f"revision-{ids[key][:12]}" for key in ("pier-2", "pier-1")]
    assert [d.get_text().strip() for d in sections[0].find_all("del")] == ["Saturday"]


def test_a_post_deleted_and_added_again_starts_again(site):
    site, _warnings = site
    assert site.exists("again.html") and revisions_list(site.soup("again.html")) is None
    assert not site.exists("history/again.html")


def test_a_draft_gets_no_history(site):
    site, _warnings = site
    assert site.exists("drafts/draft.html")
    assert revisions_list(site.soup("drafts/draft.html")) is None
    assert not list(site.path("history").rglob("draft*"))


def test_the_newsroom_build_has_no_warnings(site):
    _site, warnings = site
    assert warnings == []


# --- 6. caching ---------------------------------------------------------------------


def history_pages(output: Path) -> dict[str, str]:
    return {str(path.relative_to(output)): path.read_text(encoding="utf-8")
            for path in sorted((output / "history").rglob("*.html"))}


def test_with_pelicans_caches_the_history_follows_new_commits(tmp_path, monkeypatch):
    repo = new_repo(tmp_path / "repo")
    commit(repo, "Posts", "2026-02-01T10:00:00+00:00", ferry__md=FERRY_1, pier__md=PIER_1)
    commit(repo, "Posts, edited", "2026-02-02T10:00:00+00:00", ferry__md=FERRY_2, pier__md=PIER_2)
    caches = {"CHRONICLES_HISTORY": True, "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
              "CACHE_PATH": str(tmp_path / "cache")}
    first, _ = built(repo, tmp_path / "one" / "output", **caches)
    assert (tmp_path / "cache" / "pelican_chronicles.history").exists()
    commands = []
    popen = subprocess.Popen

    def counted(args, *rest, **kwargs):  # subprocess.run starts its process here too
        commands.append(next(arg for arg in args[1:] if not arg.startswith("core.") and arg != "-c"))
        return popen(args, *rest, **kwargs)

    monkeypatch.setattr("pelican_chronicles.site.git.subprocess.Popen", counted)
    again, _ = built(repo, tmp_path / "two" / "output", **caches)
    assert history_pages(again.output) == history_pages(first.output)
    assert set(history_pages(first.output)) == {"history/ferry.html", "history/pier.html"}
    assert "status" in commands and "log" not in commands, commands  # the log as kept
    for post in ("ferry.html", "pier.html"):
        assert again.text(post) == first.text(post), post
        assert len(again.soup(post).select("details.chronicles-history")) == 1, post

    monkeypatch.undo()
    newest = commit(repo, "Fares corrected", "2026-02-03T10:00:00+00:00", ferry__md=FERRY_3)
    monkeypatch.setattr("pelican_chronicles.site.git.subprocess.Popen", counted)
    commands.clear()
    later, _ = built(repo, tmp_path / "three" / "output", **caches)
    assert commands.count("log") == 1, commands
    items = revisions_list(later.soup("ferry.html")).select("ol.chronicles-revisions > li")
    assert [words(item.select_one(".chronicles-revision-summary")) for item in items] == [
        "Fares corrected", "Posts, edited", "Posts"]
    section = later.soup("history/ferry.html").find(id=f"revision-{newest[:12]}")
    assert [d.get_text().strip() for d in section.find_all("del")] == ["two"]
    assert history_pages(later.output)["history/pier.html"] == history_pages(first.output)["history/pier.html"]


@pytest.mark.parametrize("garbage", [b"not a pickle at all", pickle.dumps({"top": "/elsewhere"}), b""])
def test_a_corrupted_cache_file_is_read_as_no_cache(tmp_path, garbage):
    repo = new_repo(tmp_path / "repo")
    commit(repo, "Ferry", "2026-02-01T10:00:00+00:00", ferry__md=FERRY_1)
    commit(repo, "Ferry, later", "2026-02-02T10:00:00+00:00", ferry__md=FERRY_2)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "pelican_chronicles.history").write_bytes(garbage)
    site, _warnings = built(repo, tmp_path / "output", CHRONICLES_HISTORY=True, CACHE_CONTENT=True,
                            LOAD_CONTENT_CACHE=True, CACHE_PATH=str(cache))
    section = site.soup("history/ferry.html").select("section.chronicles-revision")[0]
    assert [d.get_text().strip() for d in section.find_all("del")] == ["nine"]
    assert [i.get_text().strip() for i in section.find_all("ins")] == ["ten"]


# --- 7. off by default ------------------------------------------------------------


def test_without_the_setting_no_history_and_git_is_not_run(newsroom, tmp_path, monkeypatch):
    repo, _ids = newsroom

    runs = []

    def no_git(*args, **kwargs):
        runs.append(args)
        pytest.fail(f"git run with the history off: {args}")

    monkeypatch.setattr("pelican_chronicles.site.git.subprocess.run", no_git)
    monkeypatch.setattr("pelican_chronicles.site.git.subprocess.Popen", no_git)
    site, _warnings = built(repo, tmp_path / "output")
    assert runs == []
    assert site.exists("ferry.html")
    for post in ("ferry.html", "bridge.html", "pier.html"):
        assert revisions_list(site.soup(post)) is None, post
    assert not site.path("history").exists()
