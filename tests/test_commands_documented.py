"""What the README says of ``pelican-chronicles check`` and ``note``, one
test a statement: the exact lines, exit statuses and file bytes it
promises. Sites are written as in test_cli; the command runs in a process
of its own, or in this one where a test replaces what it reads (a
terminal for stderr, the process pool)."""

from __future__ import annotations

import concurrent.futures
import io
import json
import re
import sys
from pathlib import Path

import pytest

from pelican_chronicles import cli
from pelican_chronicles.commands import check as checking

from test_cli import FERRY, FLAGGED, SETTINGS, line_of, read_notes, run, write_site

FERRY_POST = "Title: Ferry timetable\nDate: 2024-06-19 09:00\n\nThe ferry timetable changes next week.\n"


def short_post(number: int) -> str:
    return f"Title: Harbour day {number}\nDate: 2024-05-02 10:00\n\nThe harbour opened at seven.\n"


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class NoTerminal(io.StringIO):
    def isatty(self) -> bool:
        return False


def call(argv: list[str], cwd: Path, monkeypatch, capsys, stderr: io.StringIO | None = None) -> tuple[int, str, str]:
    """The command's main in this process, from ``cwd``; with ``stderr``,
    what it writes there (a terminal or not)."""
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("TERM", "xterm")
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    capsys.readouterr()
    captured = sys.stderr
    if stderr is not None:
        sys.stderr = stderr
    try:
        code = cli.main(argv)
    finally:
        sys.stderr = captured
    out, err = capsys.readouterr()
    return code, out, (err if stderr is None else stderr.getvalue())


# --- check: output --------------------------------------------------------------------


def test_check_stdout_holds_only_the_problems_and_the_summary_goes_to_stderr(tmp_path):
    """"The summary line (`7 problems in 3 of 4 posts`) goes to stderr
    too, so that stdout holds only the problems.\""""
    root = write_site(tmp_path, {"pier.md": FLAGGED, "quay.md": FERRY_POST})
    result = run("check", cwd=root)
    assert result.returncode == 1
    assert result.stdout == (
        'content/pier.md:1: the title is flagged "[CORRECTED]" but the post has no update or correction note\n'
    )
    assert result.stderr == "1 problem in 1 of 2 posts\n"


def test_check_json_of_a_site_without_problems_is_an_empty_list(tmp_path):
    """"A site without problems prints `[]`.\""""
    root = write_site(tmp_path, {"quay.md": FERRY_POST})
    result = run("check", "--format", "json", cwd=root)
    assert (result.returncode, result.stdout, result.stderr) == (0, "[]\n", "0 problems in 0 of 1 post\n")


def test_check_json_objects_as_documented(tmp_path):
    """`--format json`: file, line, message, kind, in that shape, also with status 1."""
    root = write_site(tmp_path, {"pier.md": FLAGGED})
    result = run("check", "--format", "json", cwd=root)
    assert result.returncode == 1
    assert json.loads(result.stdout) == [{
        "file": "content/pier.md",
        "line": 1,
        "message": 'the title is flagged "[CORRECTED]" but the post has no update or correction note',
        "kind": "flag-without-note",
    }]


def test_check_without_a_settings_file_reads_the_current_folder(tmp_path):
    """"CONTENT: the content folder (default: ... with no settings file, the
    current folder)": files shown relative to it."""
    root = write_site(tmp_path, {"pier.md": FLAGGED})
    result = run("check", cwd=root / "content")
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        'pier.md:1: the title is flagged "[CORRECTED]" but the post has no update or correction note\n'
    )


def test_check_shows_files_under_content_as_typed(tmp_path):
    """"Files are shown ... under `CONTENT` as you typed it.\""""
    root = write_site(tmp_path, {"pier.md": FLAGGED})
    (root / "drafts").mkdir()
    result = run("check", "../content", cwd=root / "drafts")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        '../content/pier.md:1: the title is flagged "[CORRECTED]" but the post has no update or correction note'
    ]


def test_check_does_not_list_warnings_about_the_settings(tmp_path):
    """"Warnings about the settings themselves (a missing `SITEURL` for the
    feeds, no `TIMEZONE`) are a build's business and are not listed.\""""
    root = write_site(tmp_path, {"quay.md": FERRY_POST}, settings='PATH = "content"\n')
    result = run("check", cwd=root)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "0 problems in 0 of 1 post\n")


# --- check: usage errors ---------------------------------------------------------------


def test_check_missing_content_folder_message_as_documented(tmp_path):
    """"pelican-chronicles check: error: content folder not found: drafts\""""
    root = write_site(tmp_path, {"pier.md": FLAGGED})
    result = run("check", "drafts", cwd=root)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "pelican-chronicles check: error: content folder not found: drafts\n"


def test_check_settings_that_do_not_load_exit_2_with_the_reason(tmp_path):
    """"`2` usage error (... settings that do not load), with the reason on stderr\""""
    root = write_site(tmp_path, {"pier.md": FLAGGED}, settings=SETTINGS + "TIMEZONE = 1 / 0\n")
    result = run("check", cwd=root)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "pelican-chronicles check: error: cannot load the settings of pelicanconf.py: "
        "ZeroDivisionError: division by zero\n"
    )


def test_check_settings_whose_path_is_no_folder_exit_2(tmp_path):
    """A missing content folder, when it is the settings' PATH."""
    root = write_site(tmp_path, {}, settings=SETTINGS.replace('PATH = "content"', 'PATH = "nowhere"'))
    result = run("check", cwd=root)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "pelican-chronicles check: error: content folder not found: "
        "the PATH of the settings of pelicanconf.py is no folder; give CONTENT\n"
    )


def test_check_a_wrong_chronicles_setting_says_so_on_stderr(tmp_path):
    """"a wrong `CHRONICLES_*` setting is an error (status 2)", with the reason on stderr."""
    root = write_site(tmp_path, {"pier.md": FLAGGED}, settings=SETTINGS + "CHRONICLES_UPDATE_LOG = 'yes'\n")
    result = run("check", cwd=root)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("pelican-chronicles check: error: ")
    assert "CHRONICLES_UPDATE_LOG" in result.stderr and "Traceback" not in result.stderr


# --- check: a post that is not UTF-8 ---------------------------------------------------


def test_check_reports_a_post_that_is_not_utf8_without_a_traceback(tmp_path):
    """`unreadable-post`: "its file cannot be read"; the line is that of
    the offending text (its first byte that is not UTF-8); the others are
    still checked."""
    root = write_site(tmp_path, {"pier.md": FLAGGED})
    (root / "content" / "cafe.md").write_bytes(b"Title: Cafe reopens\nDate: 2024-05-02 10:00\n\nThe caf\xe9 reopens.\n")
    result = run("check", "--format", "json", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert [(f["file"], f["line"], f["kind"]) for f in json.loads(result.stdout)] == [
        ("content/cafe.md", 4, "unreadable-post"),
        ("content/pier.md", 1, "flag-without-note"),
    ]
    [cafe] = [f for f in json.loads(result.stdout) if f["file"] == "content/cafe.md"]
    assert cafe["message"].startswith("Pelican cannot read this post: 'utf-8' codec can't decode byte 0xe9")
    assert result.stderr == "2 problems in 2 of 2 posts\n"


# --- check: one process or several -----------------------------------------------------


class InlinePool:
    """Stands in for the process pool: runs its initializer and its map in
    this process, and says it was made."""

    made: list[int] = []

    def __init__(self, max_workers, initializer, initargs):
        InlinePool.made.append(max_workers)
        initializer(*initargs)

    def map(self, function, items, chunksize=1):
        return map(function, items)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def flagged_site(root: Path, count: int) -> Path:
    posts = {f"day-{i:03d}.md": FLAGGED.replace("Pier opening hours", f"Pier opening hours {i}") for i in range(count)}
    posts["ferry.md"] = FERRY
    return write_site(root, posts)


def expected_findings(count: int) -> list[str]:
    flag = 'the title is flagged "[CORRECTED]" but the post has no update or correction note'
    return [f"content/day-{i:03d}.md:1: {flag}" for i in range(count)]


def test_check_a_small_site_is_read_in_this_process_with_all_its_findings(tmp_path, monkeypatch, capsys):
    """"A site of fewer than 64 posts is read in one process", with the
    same findings, even with -j 2."""
    root = flagged_site(tmp_path, 62)  # 63 posts with ferry.md
    InlinePool.made = []
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", InlinePool)
    monkeypatch.setattr(checking, "_WORKER", None)
    code, out, err = call(["check", "-j", "2"], root, monkeypatch, capsys)
    assert InlinePool.made == []
    assert code == 1
    lines = out.splitlines()
    assert lines[:62] == expected_findings(62)
    ferry = lines[62:]
    assert ferry[0] == f'content/ferry.md:{line_of(FERRY, "Countries:")}: unknown country in Countries: "Atlantis"'
    assert f'content/ferry.md:{line_of(FERRY, "UDPATE:")}: near-miss marker "UDPATE:": did you mean "Update"? It is not read as a note' in ferry
    assert f'content/ferry.md:{line_of(FERRY, "2204")}: this update note is dated in the future; the date is not used: "June 30, 2204"' in ferry
    assert err == f"{len(lines)} problems in 63 of 63 posts\n"
    single = run("check", "-j", "1", cwd=root)
    assert single.stdout == out


def test_check_sixty_four_posts_are_read_by_the_pool_with_the_same_findings(tmp_path, monkeypatch, capsys):
    """"-j N: how many processes read posts": from 64 posts, N of them."""
    root = flagged_site(tmp_path, 63)  # 64 posts
    InlinePool.made = []
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", InlinePool)
    monkeypatch.setattr(checking, "_WORKER", None)
    code, pooled, _ = call(["check", "-j", "2"], root, monkeypatch, capsys)
    assert InlinePool.made == [2]
    code_one, alone, _ = call(["check", "-j", "1"], root, monkeypatch, capsys)
    assert InlinePool.made == [2]  # -j 1: no pool
    assert code == code_one == 1
    assert pooled == alone
    assert pooled.splitlines()[:63] == expected_findings(63)


# --- check: the progress bar ------------------------------------------------------------


def test_check_progress_bar_on_a_terminal_from_100_posts(tmp_path, monkeypatch, capsys):
    """"A progress bar is shown on stderr when stderr is a terminal and
    there are 100 posts or more\"; it is gone at the end, then the summary."""
    root = write_site(tmp_path, {f"day-{i:03d}.md": short_post(i) for i in range(100)})
    code, out, err = call(["check", "-j", "1"], root, monkeypatch, capsys, stderr=Terminal())
    assert (code, out) == (0, "")
    bar = err.removesuffix("0 problems in 0 of 100 posts\n")
    assert bar != err
    assert "\rChecking posts" in bar.replace("\x1b[2K", "")
    assert "  0%" in bar and "100%" in bar  # drawn at the start, and at the end
    assert bar.count("\r") >= 2
    assert bar.endswith("\x1b[2K")  # removed before the summary


def test_check_no_progress_bar_under_100_posts(tmp_path, monkeypatch, capsys):
    root = write_site(tmp_path, {f"day-{i:03d}.md": short_post(i) for i in range(99)})
    code, out, err = call(["check", "-j", "1"], root, monkeypatch, capsys, stderr=Terminal())
    assert (code, out, err) == (0, "", "0 problems in 0 of 99 posts\n")


def test_check_no_progress_bar_off_a_terminal(tmp_path, monkeypatch, capsys):
    root = write_site(tmp_path, {f"day-{i:03d}.md": short_post(i) for i in range(100)})
    code, out, err = call(["check", "-j", "1"], root, monkeypatch, capsys, stderr=NoTerminal())
    assert (code, out, err) == (0, "", "0 problems in 0 of 100 posts\n")


# --- note ---------------------------------------------------------------------------------


def note_site(tmp_path: Path, text: str = FERRY_POST, name: str = "ferry.md", settings: str = SETTINGS) -> Path:
    return write_site(tmp_path, {name: text}, settings=settings)


def test_note_prints_what_it_appended_and_the_anchor(tmp_path):
    """"prints the anchor the note gets": stdout the anchor, stderr what was appended."""
    root = note_site(tmp_path)
    result = run("note", "content/ferry.md", "--date", "2024-06-24 18:05", "The evening crossing runs again.", cwd=root)
    assert result.returncode == 0
    assert result.stdout == "update-1\n"
    assert result.stderr == "content/ferry.md: appended Update (June 24, 2024, 18:05):\n"


def test_note_date_without_a_year_takes_the_posts_year(tmp_path):
    """"a date without a year takes the post's"; "A date without a time is written without one.\""""
    root = note_site(tmp_path)
    result = run("note", "content/ferry.md", "--date", "June 24", "Fares stay the same.", cwd=root)
    assert (result.returncode, result.stdout) == (0, "update-1\n"), result.stderr
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    assert after == FERRY_POST + "\nUpdate (June 24, 2024): Fares stay the same.\n"


def test_note_date_without_a_year_before_the_post_is_the_next_year(tmp_path):
    """A day and month before the post's own is read in the year after it."""
    root = note_site(tmp_path)
    result = run("note", "content/ferry.md", "--date", "June 2", "The winter timetable is out.", cwd=root)
    assert (result.returncode, result.stdout) == (0, "update-1\n"), result.stderr
    assert result.stderr == "content/ferry.md: appended Update (June 2, 2025):\n"
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    assert after == FERRY_POST + "\nUpdate (June 2, 2025): The winter timetable is out.\n"


def test_note_date_without_a_year_with_a_time(tmp_path):
    root = note_site(tmp_path)
    result = run("note", "content/ferry.md", "--date", "June 24 18:05", "The evening crossing runs again.", cwd=root)
    assert result.returncode == 0, result.stderr
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    assert after == FERRY_POST + "\nUpdate (June 24, 2024, 18:05): The evening crossing runs again.\n"
    [note] = read_notes(after, timezone="Europe/Paris")
    assert note.date.isoformat() == "2024-06-24T18:05:00+02:00"


def test_note_russian_date_without_a_year(tmp_path):
    """`"24 июня"` in a Russian post, written in CLDR's long form."""
    text = "Title: Расписание парома\nDate: 2024-06-19 09:00\nLang: ru\n\nПаром ходит по новому расписанию.\n"
    root = note_site(tmp_path, text)
    result = run("note", "content/ferry.md", "--date", "24 июня", "Цены не меняются.", cwd=root)
    assert (result.returncode, result.stdout) == (0, "update-1\n"), result.stderr
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    assert after == text + "\nОбновление (24 июня 2024 г.): Цены не меняются.\n"


def test_note_chinese_date_form(tmp_path):
    """The date as the language writes it: `2024年6月24日`, after `更新`."""
    text = "Title: 渡轮时刻表\nDate: 2024-06-19 09:00\nLang: zh\n\n渡轮时刻表下周更改。\n"
    root = note_site(tmp_path, text)
    result = run("note", "content/ferry.md", "--date", "2024-06-24", "票价不变。", cwd=root)
    assert (result.returncode, result.stdout) == (0, "update-1\n"), result.stderr
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    assert after == text + "\n更新 (2024年6月24日): 票价不变。\n"


def test_note_in_the_default_language_of_the_settings_given(tmp_path):
    """"The note is written in the post's language (its `Lang:`, else
    `DEFAULT_LANG`)", the settings given with -s."""
    text = "Title: Расписание парома\nDate: 2024-06-19 09:00\n\nПаром ходит по новому расписанию.\n"
    root = note_site(tmp_path, text)
    (root / "pelicanconf.py").rename(root / "russian.py")
    (root / "russian.py").write_text(SETTINGS.replace('DEFAULT_LANG = "en"', 'DEFAULT_LANG = "ru"'), encoding="utf-8")
    result = run("note", "content/ferry.md", "-s", "russian.py", "--correction", "--date", "2024-06-21 10:15",
                 "Паром отправляется в семь.", cwd=root)
    assert (result.returncode, result.stdout) == (0, "correction-1\n"), result.stderr
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    assert after == text + "\nИсправление (21 июня 2024 г., 10:15): Паром отправляется в семь.\n"


def test_note_the_authors_own_first_marker_word(tmp_path):
    """"or your own first word from `CHRONICLES_LANGUAGES` / `CHRONICLES_UPDATE_WORDS`\""""
    settings = SETTINGS + "CHRONICLES_LANGUAGES = {'en': {'update_words': ['Addendum']}}\n"
    root = note_site(tmp_path, settings=settings)
    result = run("note", "content/ferry.md", "--date", "2024-06-24", "Fares stay the same.", cwd=root)
    assert (result.returncode, result.stdout) == (0, "update-1\n"), result.stderr
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    assert after == FERRY_POST + "\nAddendum (June 24, 2024): Fares stay the same.\n"


def test_note_now_is_written_to_the_minute(tmp_path):
    """"The date is now, in the site's `TIMEZONE`, to the minute.\""""
    root = note_site(tmp_path)
    result = run("note", "content/ferry.md", "The evening crossing runs again.", cwd=root)
    assert (result.returncode, result.stdout) == (0, "update-1\n"), result.stderr
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    added = after.removeprefix(FERRY_POST)
    assert re.fullmatch(r"\nUpdate \([A-Z][a-z]+ \d{1,2}, \d{4}, \d\d:\d\d\): The evening crossing runs again\.\n", added), added
    [note] = read_notes(after, timezone="Europe/Paris")
    assert (note.date.second, note.date.microsecond) == (0, 0)


def test_note_warns_on_stderr_about_a_date_before_the_post(tmp_path):
    """"What the plugin would warn about in the note (a date before the
    post's) is printed on stderr"; the note is appended."""
    root = note_site(tmp_path)
    result = run("note", "content/ferry.md", "--date", "2024-06-02", "Fares stay the same.", cwd=root)
    assert (result.returncode, result.stdout) == (0, "update-1\n")
    assert result.stderr.splitlines() == [
        'content/ferry.md: warning: this update note is dated before its post (2024-06-19): "June 2, 2024"',
        "content/ferry.md: appended Update (June 2, 2024):",
    ]
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    assert after == FERRY_POST + "\nUpdate (June 2, 2024): Fares stay the same.\n"


def test_note_refuses_a_post_that_is_not_utf8_and_changes_nothing(tmp_path):
    """"The file must be UTF-8"; exit status 2 when it "is not UTF-8"; "nothing is written then"."""
    root = write_site(tmp_path, {})
    post = root / "content" / "cafe.md"
    post.parent.mkdir(exist_ok=True)
    before = b"Title: Caf\xe9 reopens\nDate: 2024-05-02 10:00\n\nThe caf\xe9 reopens.\n"
    post.write_bytes(before)
    result = run("note", "content/cafe.md", "--date", "2024-05-03", "It opens at eight.", cwd=root)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("pelican-chronicles note: error: content/cafe.md is not UTF-8 text (")
    assert "Traceback" not in result.stderr
    assert post.read_bytes() == before
    assert sorted(p.name for p in post.parent.iterdir()) == ["cafe.md"]


def test_note_unreadable_date_message_as_documented(tmp_path):
    """The README's example, word for word."""
    root = note_site(tmp_path)
    result = run("note", "content/ferry.md", "--date", "June 41", "Fares stay the same.", cwd=root)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "pelican-chronicles note: error: cannot read the date 'June 41': 41 is no day, and a year has four digits\n"
    )
    assert (root / "content" / "ferry.md").read_text(encoding="utf-8") == FERRY_POST


def test_note_a_lang_that_names_no_language_is_written_in_the_sites(tmp_path):
    """"A `Lang:` that names no language ... is read as the site's language
    (`DEFAULT_LANG`): ... `pelican-chronicles note` appends to it, in that language.\""""
    text = FERRY_POST.replace("Date: 2024-06-19 09:00\n", "Date: 2024-06-19 09:00\nLang: not a language/\n")
    root = note_site(tmp_path, text, settings=SETTINGS.replace('DEFAULT_LANG = "en"', 'DEFAULT_LANG = "ru"'))
    result = run("note", "content/ferry.md", "--date", "2024-06-21 10:15", "Первый рейс в шесть.", cwd=root)
    assert (result.returncode, result.stdout) == (0, "update-1\n"), result.stderr
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    assert after == text + "\nОбновление (21 июня 2024 г., 10:15): Первый рейс в шесть.\n"


def test_note_a_language_without_a_cldr_date_gets_the_iso_form(tmp_path):
    """A language of CHRONICLES_LANGUAGES that CLDR does not know: its own
    first word, and the ISO form, "which every language reads\"."""
    settings = SETTINGS + 'CHRONICLES_LANGUAGES = {"tlh": {"update_words": ["Qaw"], "correction_words": ["Tlhob"]}}\n'
    text = FERRY_POST.replace("Date: 2024-06-19 09:00\n", "Date: 2024-06-19 09:00\nLang: tlh\n")
    root = note_site(tmp_path, text, settings=settings)
    result = run("note", "content/ferry.md", "--correction", "--date", "2024-06-24 18:05", "Seven, not six.", cwd=root)
    assert (result.returncode, result.stdout) == (0, "correction-1\n"), result.stderr
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    assert after == text + "\nTlhob (2024-06-24 18:05): Seven, not six.\n"


def test_note_a_date_form_the_plugin_does_not_read_back_is_replaced_by_iso(tmp_path, monkeypatch, capsys):
    """"the note is appended only when the plugin reads it back as a note of
    the right kind and date (else the ISO form, `2024-06-24 18:05` ... is used)\""""
    import babel.dates

    root = note_site(tmp_path)
    monkeypatch.setattr(babel.dates, "format_date", lambda *args, **kwargs: "the day after the vote")
    code, out, err = call(["note", "content/ferry.md", "--date", "2024-06-24 18:05", "Fares stay the same."],
                          root, monkeypatch, capsys)
    assert (code, out) == (0, "update-1\n"), err
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    assert after == FERRY_POST + "\nUpdate (2024-06-24 18:05): Fares stay the same.\n"


# --- note --kind ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "lang", "appended", "anchor"),
    [
        ("clarification", "en", "Clarification (April 12, 2024): The pier opens on weekdays.", "clarification-1"),
        ("retraction", "en", "Retraction (April 12, 2024): The pier opens on weekdays.", "retraction-1"),
        ("editors-note", "en", "Editor's note (April 12, 2024): The pier opens on weekdays.", "editors-note-1"),
        ("editors-note", "ru", "От редакции (12 апреля 2024 г.): The pier opens on weekdays.", "editors-note-1"),
        ("clarification", "ar", "توضيح (12 أبريل 2024): The pier opens on weekdays.", "clarification-1"),
    ],
)
def test_note_of_each_kind_in_the_posts_language(tmp_path, kind, lang, appended, anchor):
    before = f"Title: Pier\nDate: 2024-04-10 08:00\nLang: {lang}\n\nText.\n"
    root = write_site(tmp_path, {"pier.md": before})
    result = run("note", "content/pier.md", "--kind", kind, "--date", "2024-04-12", "The pier opens on weekdays.", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{anchor}\n"
    assert (root / "content" / "pier.md").read_text(encoding="utf-8") == f"{before}\n{appended}\n"


def test_note_kind_and_correction_together_are_a_usage_error(tmp_path):
    before = "Title: Pier\nDate: 2024-04-10 08:00\n\nText.\n"
    root = write_site(tmp_path, {"pier.md": before})
    result = run("note", "content/pier.md", "--kind", "retraction", "--correction", "Text.", cwd=root)
    assert result.returncode == 2
    assert "not allowed with argument --kind" in result.stderr
    assert (root / "content" / "pier.md").read_text(encoding="utf-8") == before
