"""The ``pelican-chronicles`` command (SPEC 16): ``check`` and ``note``, run
as an author runs them, in a process of their own, on sites written here."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from pelican_chronicles.syntax.nearmiss import distance, near_miss
from pelican_chronicles.languages import Languages
from pelican_chronicles.syntax import ChroniclesExtension

SETTINGS = """\
SITENAME = "Harbour Notes"
SITEURL = "https://harbour.example"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "en"
PATH = "content"
"""

# Each problem is on a line of its own, so that the tests can name it.
FERRY = """\
Title: (UPDATE) Ferry timetable revised
Date: 2024-06-19 09:00
Countries: FR, Atlantis
Sources: Coastal Wire <https://coastal-wire.example/>; Quay Bulletin; [Pier Radio](javascript:void(0))

The ferry timetable changes next week, the operator said.

UDPATE: The first crossing now leaves at six.

Upate (2024-06-20): Crossings run every hour in July.

UPDATE (2024-06-21 10:00 IST): The evening crossing is cancelled.

UPDATE (2024-06-02): The fares stay the same.

UPDATE (June 41st, 2024): A second boat joins the route.

UPDATE: Tickets are sold on board too.

UPDATE (June 30, 2204): The winter timetable is published.

CORECTION: The harbour office opens at eight, not nine.
"""

CLEAN = """\
Title: Quay lights replaced
Date: 2024-05-02 10:00
Countries: Portugal
Sources: Coastal Wire <https://coastal-wire.example/>

The quay lights were replaced over the weekend.

Editorial: a word from the desk on why lighting matters.

Edith: Good evening, and welcome.

Exit: the west gate closes at ten.

Collection: the museum shows old harbour maps.

Connection (rail): the 8:15 train waits for the ferry.

Updates: none so far.

Corrections: see the list below.

* Upate: in a list item, not a paragraph

```
UDPATE: in a code block
```

UPDATE (2024-05-03): The last lamp was fitted this morning.
"""

# Corrected in the title, but its only note is an update.
HALF_FLAGGED = """\
Title: [CORRECTED] Harbour crane repaired
Date: 2024-04-12 08:00

The harbour crane works again.

UPDATE (2024-04-13): It lifted its first container.
"""

FLAGGED = """\
Title: [CORRECTED] Pier opening hours
Date: 2024-04-10 08:00
Sources: Quay Bulletin <https://quay-bulletin.example/>

The pier opens at seven every day.
"""


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def run(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pelican_chronicles.cli", *args],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def write_site(root: Path, posts: dict[str, str], settings: str = SETTINGS) -> Path:
    (root / "pelicanconf.py").write_text(settings, encoding="utf-8")
    for name, text in posts.items():
        target = root / "content" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return write_site(tmp_path_factory.mktemp("site"), {"ferry.md": FERRY, "quay.md": CLEAN, "pier.md": FLAGGED, "crane.md": HALF_FLAGGED})


@pytest.fixture(scope="module")
def checked(site) -> list[dict]:
    result = run("check", "--format", "json", cwd=site)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def found(checked, file: str, kind: str) -> list[dict]:
    return [f for f in checked if f["file"] == file and f["kind"] == kind]


# --- check: what it finds, and where -------------------------------------------------


def test_the_plugins_warnings_with_the_line_of_the_text_they_quote(checked):
    ferry = "content/ferry.md"
    assert [(f["line"], f["message"]) for f in found(checked, ferry, "unknown-country")] == [
        (line_of(FERRY, "Countries:"), 'unknown country in Countries: "Atlantis"')
    ]
    refused = found(checked, ferry, "refused-url")
    assert [f["line"] for f in refused] == [line_of(FERRY, "Sources:")]
    assert "javascript:void(0)" in refused[0]["message"]
    assert [f["line"] for f in found(checked, ferry, "time-zone")] == [line_of(FERRY, "IST")]
    assert [f["line"] for f in found(checked, ferry, "note-before-post")] == [line_of(FERRY, "2024-06-02")]
    assert [f["line"] for f in found(checked, ferry, "unreadable-date")] == [line_of(FERRY, "June 41st")]
    assert [(f["line"], f["message"]) for f in found(checked, ferry, "future-date")] == [
        (line_of(FERRY, "2204"), 'this update note is dated in the future; the date is not used: "June 30, 2204"')
    ]


def test_near_miss_markers_are_found_on_their_lines(checked):
    near = found(checked, "content/ferry.md", "near-miss-marker")
    assert [f["line"] for f in near] == [
        line_of(FERRY, "UDPATE:"), line_of(FERRY, "Upate (2024"), line_of(FERRY, "CORECTION:"),
    ]
    assert '"UDPATE:"' in near[0]["message"] and '"Update"' in near[0]["message"]
    assert '"Correction"' in near[2]["message"]


def test_ordinary_words_lists_and_code_are_no_near_misses(checked):
    assert found(checked, "content/quay.md", "near-miss-marker") == []
    assert [f for f in checked if f["file"] == "content/quay.md"] == []


def test_undated_notes_among_dated_ones(checked):
    undated = found(checked, "content/ferry.md", "undated-note")
    # "Tickets are sold on board too" has no date; the note whose date
    # cannot be read is reported as such, not twice.
    assert [f["line"] for f in undated] == [line_of(FERRY, "Tickets are sold")]
    assert "update-4" in undated[0]["message"]


def test_title_flags_without_notes(checked):
    assert found(checked, "content/ferry.md", "flag-without-note") == []
    flagged = found(checked, "content/pier.md", "flag-without-note")
    assert [(f["line"], f["message"]) for f in flagged] == [
        (1, 'the title is flagged "[CORRECTED]" but the post has no update or correction note')
    ]


def test_a_title_flag_whose_kind_no_note_has(checked):
    assert [(f["line"], f["message"]) for f in found(checked, "content/crane.md", "flag-without-note")] == [
        (1, 'the title is flagged "[CORRECTED]" but the post has no correction note')
    ]


def test_sources_without_a_url_only_when_strict(site, checked):
    """A source cited without an address (a TV channel, a newspaper) is
    normal in journalism: reported with --strict only."""
    assert [f for f in checked if f["kind"] == "source-without-url"] == []
    result = run("check", "--strict", "--format", "json", cwd=site)
    strict = json.loads(result.stdout)
    missing = found(strict, "content/ferry.md", "source-without-url")
    # ferry.md lists "Quay Bulletin" without a URL, but pier.md gives it one
    assert {f["message"] for f in missing} == {
        'source without a URL in Sources: "Pier Radio"',  # its URL was refused
    }
    assert {f["line"] for f in missing} == {line_of(FERRY, "Sources:")}
    assert [f for f in strict if f["kind"] != "source-without-url"] == checked


def test_a_site_whose_only_problem_is_a_source_without_a_url_is_clean(tmp_path):
    root = write_site(tmp_path, {"news.md": "Title: Evening news\nDate: 2024-05-02\nSources: Channel Nine\n\nThe news.\n"})
    assert (run("check", cwd=root).returncode, run("check", "--strict", cwd=root).returncode) == (0, 1)


def test_addresses_without_a_scheme_are_told(tmp_path):
    """An address typed without https:// is linked as https; check says so,
    on the line where the author typed it."""
    post = (
        "Title: Harbour talks\nDate: 2024-05-02\nSources: Yonhap <yonhap.co.kr>; Channel Nine\n\n"
        "The talks went on.\n\n"
        "> The quay stays open.\n>\n"
        "> — Mira Olsen, harbour master, [Harbour Wire](www.harbour-wire.example/talks)\n"
    )
    root = write_site(tmp_path, {"talks.md": post})
    result = run("check", "--format", "json", cwd=root)
    told = found(json.loads(result.stdout), "content/talks.md", "address-without-scheme")
    assert [(f["line"], f["message"]) for f in told] == [
        (3, 'address without a scheme, linked as "https://yonhap.co.kr"'),
        (9, 'address without a scheme, linked as "https://www.harbour-wire.example/talks"'),
    ]
    # input that works is no problem: told, with a clean exit status
    assert result.returncode == 0
    assert "0 problems, 2 notes in 1 of 1 post" in result.stderr


def test_the_json_shape(checked):
    assert checked, "problems expected"
    for finding in checked:
        assert set(finding) == {"file", "line", "message", "kind"}
        assert isinstance(finding["line"], int) and finding["line"] >= 1
        assert isinstance(finding["message"], str) and isinstance(finding["kind"], str)
    assert checked == sorted(checked, key=lambda f: (f["file"], f["line"], f["kind"], f["message"]))


def test_text_output_and_exit_status(site, checked):
    result = run("check", cwd=site)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [f'{f["file"]}:{f["line"]}: {f["message"]}' for f in checked]
    assert "problems in 3 of 4 posts" in result.stderr
    assert "\x1b[" not in result.stderr  # no progress bar off a terminal


def test_a_clean_site_exits_0_and_writes_nothing(tmp_path):
    root = write_site(tmp_path, {"quay.md": CLEAN})
    result = run("check", cwd=root)
    assert (result.returncode, result.stdout) == (0, "")
    assert "0 problems in 0 of 1 post" in result.stderr
    assert sorted(p.name for p in root.iterdir()) == ["content", "pelicanconf.py"]


def test_content_given_and_settings_given(tmp_path):
    root = write_site(tmp_path, {"pier.md": FLAGGED}, settings=SETTINGS.replace('PATH = "content"', 'PATH = "elsewhere"'))
    (root / "pelicanconf.py").rename(root / "conf.py")
    result = run("check", "content", "-s", "conf.py", cwd=root)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("content/pier.md:1: the title is flagged")


def test_a_post_pelican_cannot_read(tmp_path):
    post = "Title: Night boats\nDate: sometime soon\n\nText.\n"
    root = write_site(tmp_path, {"night.md": post})
    result = run("check", "--format", "json", cwd=root)
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)
    assert (finding["line"], finding["kind"]) == (2, "unreadable-post")


def test_pelicans_own_warnings_and_pages(tmp_path):
    untitled = "Date: 2024-01-01\n\nThe title of this post is missing.\n"
    about = "Title: About\n\nUpate: the desk moved upstairs.\n\n![](images/desk.jpg)\n"
    skipped = "Title: Not yet\nStatus: skip\n\nUDPATE: skipped posts are not read.\n"
    root = write_site(tmp_path, {"untitled.md": untitled, "pages/about.md": about, "later.md": skipped})
    result = run("check", "--format", "json", cwd=root)
    assert result.returncode == 1, result.stderr
    assert [(f["file"], f["line"], f["kind"]) for f in json.loads(result.stdout)] == [
        ("content/pages/about.md", 3, "near-miss-marker"),
        ("content/pages/about.md", 5, "pelican-warning"),  # the empty alt of desk.jpg
        ("content/untitled.md", 1, "pelican-warning"),  # no title: a build skips the post
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (("check", "no-such-folder"), "content folder not found: no-such-folder"),
        (("check", "-s", "missing.py"), "settings file not found: missing.py"),
    ],
)
def test_usage_errors_exit_2(tmp_path, args, message):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_wrong_plugin_setting_is_a_usage_error(tmp_path):
    root = write_site(tmp_path, {"pier.md": FLAGGED}, settings=SETTINGS + "CHRONICLES_UPDATE_LOG = 'yes'\n")
    result = run("check", cwd=root)
    assert result.returncode == 2
    assert "CHRONICLES_UPDATE_LOG" in result.stderr


def test_many_posts_are_read_by_several_processes_with_the_same_result(tmp_path):
    posts = {f"day-{i:03d}.md": FLAGGED.replace("Pier opening hours", f"Pier opening hours {i}") for i in range(70)}
    root = write_site(tmp_path, posts)
    one = run("check", "--format", "json", "-j", "1", cwd=root)
    two = run("check", "--format", "json", "-j", "2", cwd=root)
    assert one.returncode == two.returncode == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert len(json.loads(one.stdout)) == 70


def test_the_installed_script(site, checked):
    script = shutil.which("pelican-chronicles", path=str(Path(sys.executable).parent)) or shutil.which("pelican-chronicles")
    if script is None:
        pytest.skip("the console script is not installed (pip install -e .)")
    result = subprocess.run([script, "check", "--format", "json"], cwd=site, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert json.loads(result.stdout) == checked


# --- near misses, without a site -------------------------------------------------------


def test_distance_counts_a_swap_as_one_edit():
    assert distance("udpate", "update") == 1
    assert distance("upate", "update") == 1
    assert distance("corecton", "correction") == 2
    assert distance("collection", "correction") == 2


ENGLISH = Languages().get("en")


@pytest.mark.parametrize(
    "word, meant",
    [("UDPATE", "Update"), ("Upate", "Update"), ("Updte", "Update"), ("UPADTE", "Update"),
     ("CORECTION", "Correction"), ("Corection", "Correction"), ("CORECTON", "Correction"),
     ("Edti", "Edit"), ("Adendum", "Addendum")],
)
def test_near_misses(word, meant):
    assert near_miss(word, ENGLISH) == meant


@pytest.mark.parametrize(
    "word",
    ["Update", "UPDATE", "Edit", "Correction", "UPD", "Editorial", "Editor", "Edith", "Exit", "Edict",
     "Updates", "Corrections", "Collection", "Connection", "COLLECTION", "Upstate", "Uptake", "Question",
     "Answer", "Date", "Note", "Addenda"],
)
def test_ordinary_words_are_no_near_misses(word):
    assert near_miss(word, ENGLISH) is None


def test_near_misses_in_russian():
    russian = Languages().get("ru")
    assert near_miss("Обновлене", russian) == "Обновление"
    assert near_miss("Исправлние", russian) == "Исправление"
    assert near_miss("Обновления", russian) == "Обновление"
    assert near_miss("Вопрос", russian) is None


# --- note -------------------------------------------------------------------------------


def read_notes(text: str, **config):
    md = markdown.Markdown(extensions=["meta", ChroniclesExtension(**config)])
    md.convert(text)
    return md.chronicles.notes


def test_a_note_is_appended_byte_for_byte(tmp_path):
    before = "Title: Pier opening hours\r\nDate: 2024-04-10 08:00\r\n\r\nThe pier opens at seven.\r\n".encode()
    root = write_site(tmp_path, {})
    post = root / "content" / "pier.md"
    post.parent.mkdir(exist_ok=True)
    post.write_bytes(before)
    result = run("note", "content/pier.md", "--date", "2024-04-12 09:30", "The pier now opens at six.", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "update-1\n"
    after = post.read_bytes()
    assert after.startswith(before)
    assert after[len(before):] == b"\r\nUpdate (April 12, 2024, 09:30): The pier now opens at six.\r\n"
    [note] = read_notes(after.decode(), timezone="Europe/Paris")
    assert note.date.isoformat() == "2024-04-12T09:30:00+02:00"
    assert note.summary == "The pier now opens at six."


def test_a_second_note_without_a_final_newline_and_a_correction(tmp_path):
    before = "Title: Pier\nDate: 2024-04-10 08:00\n\nText.\n\nUPDATE (2024-04-11): First.".encode()
    root = write_site(tmp_path, {})
    post = root / "content" / "pier.md"
    post.parent.mkdir(exist_ok=True)
    post.write_bytes(before)
    result = run("note", "content/pier.md", "--correction", "--date", "2024-04-13", "Seven, not six.", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "correction-1\n"
    after = post.read_bytes()
    assert after == before + b"\n\nCorrection (April 13, 2024): Seven, not six."
    notes = read_notes(after.decode(), timezone="Europe/Paris")
    assert [(n.anchor, n.date.date().isoformat()) for n in notes] == [
        ("update-1", "2024-04-11"), ("correction-1", "2024-04-13"),
    ]


def test_a_note_dated_now_in_the_sites_time_zone(tmp_path):
    root = write_site(tmp_path, {"pier.md": FLAGGED})
    result = run("note", "content/pier.md", "The pier stays open late on Fridays.", cwd=root)
    assert result.returncode == 0, result.stderr
    [note] = read_notes((root / "content" / "pier.md").read_text(encoding="utf-8"), timezone="Europe/Paris")
    assert str(note.date.tzinfo) == "Europe/Paris"
    assert note.summary == "The pier stays open late on Fridays."


def test_a_russian_post_gets_a_russian_note(tmp_path):
    text = "Title: Расписание парома\nDate: 2024-06-19 09:00\nLang: ru\n\nПаром ходит по новому расписанию.\n"
    root = write_site(tmp_path, {"parom.md": text})
    result = run("note", "content/parom.md", "--date", "2024-06-21 10:15", "Первый рейс в шесть утра.", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "update-1\n"
    after = (root / "content" / "parom.md").read_text(encoding="utf-8")
    assert after == text + "\nОбновление (21 июня 2024 г., 10:15): Первый рейс в шесть утра.\n"
    [note] = read_notes(after, timezone="Europe/Paris")
    assert (note.label, note.date.isoformat()) == ("Обновление", "2024-06-21T10:15:00+02:00")


def test_an_arabic_post_gets_an_arabic_correction(tmp_path):
    text = "Title: جدول العبّارة\nDate: 2024-06-19 09:00\nLang: ar\n\nتغيّر جدول العبّارة.\n"
    root = write_site(tmp_path, {"ferry.md": text})
    result = run("note", "content/ferry.md", "--correction", "--date", "2024-06-22", "الرحلة الأولى في السابعة.", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "correction-1\n"
    after = (root / "content" / "ferry.md").read_text(encoding="utf-8")
    assert after.startswith(text)
    assert after[len(text):].startswith("\nتصحيح (")
    [note] = read_notes(after, timezone="Europe/Paris")
    assert (note.kind, note.label, note.date.date().isoformat()) == ("correction", "تصحيح", "2024-06-22")
    assert note.summary == "الرحلة الأولى في السابعة."


@pytest.mark.parametrize(
    "args, message",
    [
        (("note", "content/missing.md", "Text."), "post not found: content/missing.md"),
        (("note", "pelicanconf.py", "Text."), "not a Markdown post"),
        (("note", "content/pier.md", "--date", "the day after the vote", "Text."), "cannot read the date"),
        (("note", "content/pier.md", "--date", "June 41", "Text."), "cannot read the date 'June 41': 41 is no day"),
        (("note", "content/pier.md", "--date", "June 30, 2204", "Text."), "is in the future"),
    ],
)
def test_note_errors_exit_2_and_change_nothing(tmp_path, args, message):
    root = write_site(tmp_path, {"pier.md": FLAGGED})
    result = run(*args, cwd=root)
    assert result.returncode == 2
    assert message in result.stderr
    assert (root / "content" / "pier.md").read_text(encoding="utf-8") == FLAGGED
    assert (root / "pelicanconf.py").read_text(encoding="utf-8") == SETTINGS


def test_check_after_note(tmp_path):
    """The flag of a post gets its note: check has nothing left to say."""
    root = write_site(tmp_path, {"pier.md": FLAGGED})
    assert run("check", cwd=root).returncode == 1
    assert run("note", "content/pier.md", "--correction", "--date", "2024-04-11", "It opens at eight.", cwd=root).returncode == 0
    result = run("check", cwd=root)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout


def test_a_dangling_symlink_and_a_symlink_loop_are_reported_not_a_traceback(tmp_path):
    root = write_site(tmp_path, {"pier.md": FLAGGED.replace("[CORRECTED] ", "")})
    (root / "content" / "gone.md").symlink_to("missing.md")
    (root / "content" / "loop.md").symlink_to("loop.md")
    result = run("check", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        "content/gone.md:1: cannot read this file: it is a symbolic link to missing.md, which does not exist",
        "content/loop.md:1: cannot read this file: it is a loop of symbolic links",
    ]


def test_the_demo_site_has_no_problems():
    """The demo is what an author's site should be: check finds nothing."""
    root = Path(__file__).resolve().parent.parent
    done = run("check", "-s", "demo_site/pelicanconf.py", "--format", "json", "-j", "1", cwd=root)
    assert (done.returncode, json.loads(done.stdout)) == (0, [])
