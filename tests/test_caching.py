"""No state leaks between builds (SPEC 11).

``pelican --autoreload`` builds the same site again and again in one Python
process, and Pelican's content caches hand a later build what an earlier one
read. Either way the output must be byte for byte what a fresh build of the
same content writes.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import write_posts
from pelican import Pelican
from pelican.settings import read_settings

POSTS = {
    "treaty.md": """\
        Title: (UPDATE) Ferry treaty signed in Port Elara
        Date: 2024-06-19 09:00
        Category: Transport
        Tags: ferries, treaties
        Sources: Harbour Press <https://harbour.example/>; [Coastal Wire](https://coastal.example/)
        Countries: FR, DEU

        The two councils agreed on a shared ferry timetable.

        PORT ELARA (Coastal Wire) - Earlier in the day the two councils signed
        the treaty in the old customs house.

        The text runs to forty pages; the annex on fares is the part to read.

        * a protocol on fares
        * a protocol on winter service

        > This is not just a statement, the work is already happening.
        >
        > — A. Minister, Minister of Transport, [Harbour Press](https://harbour.example/1), 2024-06-19

        UPDATE (2024-06-20 08:30): Answer to my question from the minister:

        Question: Does this clause mean the old pier will close?

        💬 A. Minister: If anyone doubts it, they can read the contracts we signed.

        **Update 06/22/2024**: The fares annex was published.
        """,
    "bridge.md": """\
        Title: (CORRECTED) Bridge repairs start in March
        Date: 2023-02-01 10:00
        Category: Infrastructure
        Sources: Valley Courier
        Countries: NO

        VASMIR (Valley Courier) – Repairs on the old bridge start in March.

        > [!CORRECTION] 2023-02-03
        > An earlier version gave the wrong month.

        ## Reactions

        Q: Will the bridge close?

        A: Only at night.

        ADDENDUM Feb 10: The night closures were confirmed.
        """,
    "plain.md": """\
        Title: A quiet week at the council
        Date: 2022-11-05 12:00
        Category: Local affairs

        Nothing much happened; the minutes are short.

        The next meeting is in December.
        """,
    "pages/about.md": """\
        Title: About this site

        A blog about ferries, bridges and councils.

        UPDATE: The contact address changed.
        """,
}

# The edit of one post between two builds: a dated note and a source.
EDITED = """\
    Title: A quiet week at the council
    Date: 2022-11-05 12:00
    Category: Local affairs
    Sources: Northern Dispatch <https://dispatch.example/>

    Nothing much happened; the minutes are short.

    The next meeting is in December.

    UPDATE (2022-11-09): The December meeting moved to the harbour hall.
    """


def site_settings(root: Path, output: Path, **extra):
    overrides = {
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(root / "cache"),
        "SITENAME": "Chronicle Test",
        "SITEURL": "https://chronicle.example",
        "TIMEZONE": "UTC",
        "PLUGINS": ["pelican_chronicles"],
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "DELETE_OUTPUT_DIRECTORY": True,
    }
    overrides.update(extra)
    return read_settings(override=overrides)


def snapshot(output: Path) -> dict[str, bytes]:
    """Every file of a build, by path relative to the output."""
    return {
        path.relative_to(output).as_posix(): path.read_bytes() for path in sorted(output.rglob("*")) if path.is_file()
    }


def differences(got: dict[str, bytes], expected: dict[str, bytes]) -> list[str]:
    problems = [f"missing: {p}" for p in sorted(set(expected) - set(got))]
    problems += [f"extra: {p}" for p in sorted(set(got) - set(expected))]
    problems += [f"differs: {p}" for p in sorted(set(got) & set(expected)) if got[p] != expected[p]]
    return problems


def fresh_build(root: Path, posts: dict[str, str], **extra) -> dict[str, bytes]:
    """A clean build in a new directory, no cache."""
    write_posts(root / "content", posts)
    Pelican(site_settings(root, root / "output", **extra)).run()
    return snapshot(root / "output")


def edit(path: Path, text: str) -> None:
    """Rewrite a post and move its modification time on, so that a cache
    comparing times sees the change even within the same second."""
    write_posts(path.parent, {path.name: text})
    later = time.time() + 10
    os.utime(path, (later, later))


@pytest.fixture
def reference(tmp_path_factory):
    """Fresh builds, made once per test: of the site and of the edited site."""

    def _reference(posts, **extra):
        return fresh_build(tmp_path_factory.mktemp("fresh"), posts, **extra)

    return _reference


def test_the_site_uses_the_conventions(tmp_path, reference):
    """The comparisons below mean something only if the plugin is at work."""
    files = reference(POSTS)
    treaty = files["ferry-treaty-signed-in-port-elara.html"].decode()
    for marker in ('id="update-1"', 'id="update-2"', "chronicles-dateline", "chronicles-quote", "chronicles-transcript"):
        assert marker in treaty, marker
    assert 'id="correction-1"' in files["bridge-repairs-start-in-march.html"].decode()
    assert "feeds/updates.atom.xml" in files
    edited = reference({**POSTS, "plain.md": EDITED})
    assert 'id="update-1"' in edited["a-quiet-week-at-the-council.html"].decode()
    assert "Northern Dispatch" in edited["a-quiet-week-at-the-council.html"].decode()


def test_two_fresh_builds_are_identical(tmp_path, reference):
    """Nothing in the output depends on the build's time or directory; the
    comparisons below rely on it."""
    first = reference(POSTS)
    time.sleep(1.1)  # a build time, if any file held one, would now differ
    assert not differences(reference(POSTS), first)


def test_autoreload_rebuilds_give_the_same_output(tmp_path, reference):
    """``pelican --autoreload`` calls run() again on the same instance."""
    write_posts(tmp_path / "content", POSTS)
    pelican = Pelican(site_settings(tmp_path, tmp_path / "output"))
    pelican.run()
    first = snapshot(tmp_path / "output")
    pelican.run()
    second = snapshot(tmp_path / "output")
    pelican.run()
    assert not differences(second, first)
    assert not differences(snapshot(tmp_path / "output"), first)
    assert not differences(first, reference(POSTS))


def test_a_new_instance_in_the_same_process_gives_the_same_output(tmp_path, reference):
    """``pelican --autoreload`` makes a new instance when the settings file
    changes; so do tests and scripts that build several sites."""
    write_posts(tmp_path / "content", POSTS)
    Pelican(site_settings(tmp_path, tmp_path / "output")).run()
    first = snapshot(tmp_path / "output")
    Pelican(site_settings(tmp_path, tmp_path / "output")).run()
    assert not differences(snapshot(tmp_path / "output"), first)


def test_an_edit_under_autoreload_gives_a_fresh_build(tmp_path, reference):
    write_posts(tmp_path / "content", POSTS)
    pelican = Pelican(site_settings(tmp_path, tmp_path / "output"))
    pelican.run()
    edit(tmp_path / "content" / "plain.md", EDITED)
    pelican.run()
    assert not differences(snapshot(tmp_path / "output"), reference({**POSTS, "plain.md": EDITED}))


def test_changed_settings_leave_nothing_behind(tmp_path, reference):
    """A build with other labels and without the update log, then one with
    the defaults, in the same process: the second is a default build."""
    write_posts(tmp_path / "content", POSTS)
    Pelican(
        site_settings(
            tmp_path,
            tmp_path / "output",
            CHRONICLES_LABELS={"update": "Nachtrag", "correction": "Berichtigung"},
            CHRONICLES_UPDATE_LOG=False,
            CHRONICLES_UPDATE_WORDS=["Update", "Nachtrag"],
        )
    ).run()
    assert "chronicles-update-log" not in snapshot(tmp_path / "output")["ferry-treaty-signed-in-port-elara.html"].decode()
    Pelican(site_settings(tmp_path, tmp_path / "output")).run()
    assert not differences(snapshot(tmp_path / "output"), reference(POSTS))


@pytest.mark.parametrize("same_instance", [False, True], ids=["new-instance", "autoreload"])
@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_content_cache_after_editing_one_post(tmp_path, reference, layer, same_instance):
    """Build with the content cache, edit one post (a dated note and a
    source), rebuild from the cache: the same as a clean build of the
    edited content. And a rebuild with nothing changed, read wholly from the
    cache, is the same as a clean build too."""
    caching = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": layer}
    write_posts(tmp_path / "content", POSTS)

    def build(pelican=None):
        pelican = pelican or Pelican(site_settings(tmp_path, tmp_path / "output", **caching))
        pelican.run()
        return pelican, snapshot(tmp_path / "output")

    pelican, _first = build()
    assert any((tmp_path / "cache").iterdir()), "the content cache was not written"
    _, unchanged = build(pelican if same_instance else None)
    assert not differences(unchanged, reference(POSTS))

    edit(tmp_path / "content" / "plain.md", EDITED)
    _, rebuilt = build(pelican if same_instance else None)
    assert not differences(rebuilt, reference({**POSTS, "plain.md": EDITED}))


def test_a_site_without_notes_builds_the_same_twice(tmp_path, reference):
    """With no note at all, the updates feed has no entry to take its
    <updated> time from."""
    posts = {"plain.md": POSTS["plain.md"]}
    first = reference(posts)
    time.sleep(1.1)
    assert not differences(reference(posts), first)


def test_the_cache_does_not_keep_a_removed_note(tmp_path, reference):
    """The reverse edit: a note taken out of a post disappears from the
    post, its update log, the updates page and the feed."""
    caching = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": "reader"}
    write_posts(tmp_path / "content", {**POSTS, "plain.md": EDITED})
    Pelican(site_settings(tmp_path, tmp_path / "output", **caching)).run()
    edit(tmp_path / "content" / "plain.md", POSTS["plain.md"])
    Pelican(site_settings(tmp_path, tmp_path / "output", **caching)).run()
    assert not differences(snapshot(tmp_path / "output"), reference(POSTS))


def test_a_chronicle_round_trips_through_pickle():
    """Pelican's content caches pickle each post's metadata, the chronicle
    with it."""
    import pickle

    from pelican_chronicles.model import Chronicle, Note, Source

    note = Note("update", 2, "Update", summary="Text.")
    chronicle = Chronicle(notes=(note,), sources=(Source("Wire", "https://wire.example/"),))
    again = pickle.loads(pickle.dumps(chronicle))
    assert again == chronicle
    assert again.notes[0].anchor == "update-2" and again.is_updated


@pytest.mark.parametrize("changed", [
    {"SITEURL": "https://www.chronicle.example"},
    {"CHRONICLES_LABELS": {"update_log": "What changed"}},
])
def test_a_cache_written_with_other_settings_is_not_loaded(tmp_path, reference, changed):
    """The plugin writes settings into posts' HTML (the site's address in
    links to source pages, labels); a build with other settings reads every
    post again rather than serve HTML written with the old ones."""
    caching = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": "reader"}
    write_posts(tmp_path / "content", POSTS)
    Pelican(site_settings(tmp_path, tmp_path / "output", **caching)).run()
    Pelican(site_settings(tmp_path, tmp_path / "output", **caching, **changed)).run()
    assert not differences(snapshot(tmp_path / "output"), reference(POSTS, **changed))
