"""No state leaks between builds (SPEC 11).

``pelican --autoreload`` builds the same site again and again in one Python
process, and Pelican's content caches hand a later build what an earlier one
read. Either way the output must be byte for byte what a fresh build of the
same content writes.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from unittest import mock

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


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """Fresh builds (``fresh_build``), each made once for the module."""
    builds = {}

    def _fresh(posts, **extra):
        key = repr((sorted(posts.items()), sorted(extra.items())))
        if key not in builds:
            builds[key] = fresh_build(tmp_path_factory.mktemp("fresh"), posts, **extra)
        return builds[key]

    return _fresh


@pytest.mark.parametrize("layer", ["reader", "generator"])
@pytest.mark.parametrize("changed", [
    {"SITEURL": "https://www.chronicle.example"},
    {"CHRONICLES_LABELS": {"update_log": "What changed"}},
    {"CHRONICLES_TITLE_FLAGS": False},
], ids=["siteurl", "labels", "title-flags"])
def test_a_cache_written_with_other_settings_is_not_loaded(tmp_path, fresh, changed, layer):
    """The plugin writes settings into posts' HTML (the site's address in
    links to source pages, labels) and, read with the generator layer, into
    the cached posts themselves (the title without its flag): a build with
    other settings reads every post again rather than serve posts made with
    the old ones, and so does the build that goes back to the first
    settings."""
    caching = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CONTENT_CACHING_LAYER": layer}
    write_posts(tmp_path / "content", POSTS)
    Pelican(site_settings(tmp_path, tmp_path / "output", **caching)).run()
    Pelican(site_settings(tmp_path, tmp_path / "output", **caching, **changed)).run()
    assert not differences(snapshot(tmp_path / "output"), fresh(POSTS, **changed))
    Pelican(site_settings(tmp_path, tmp_path / "output", **caching)).run()
    assert not differences(snapshot(tmp_path / "output"), fresh(POSTS))


def test_the_same_settings_give_the_same_digest(tmp_path):
    """Settings read twice, each as a build has them once the plugin has
    checked them, are the same: the cache they wrote is loaded."""
    from pelican_chronicles import glue

    (tmp_path / "content").mkdir()
    digests = set()
    for _ in range(2):
        pelican = Pelican(site_settings(tmp_path, tmp_path / "output", CACHE_CONTENT=True))
        digests.add(glue.written_with(pelican.settings))
    changed = Pelican(site_settings(tmp_path, tmp_path / "output", CHRONICLES_TITLE_FLAGS=False))
    assert len(digests) == 1 and glue.written_with(changed.settings) not in digests


# --- a cache the plugin cannot read or write ----------------------------------
#
# The plugin keeps two files in CACHE_PATH beside Pelican's content caches:
# the digest of the settings the posts were read with, and the world map's
# reduced outlines.

CACHING = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
SMALL = {"treaty.md": POSTS["treaty.md"]}  # countries, so a world map is drawn
SETTINGS_DIGEST = "pelican_chronicles.settings"


def world_map_file():
    from pelican_chronicles.site import worldmap

    return worldmap.KEPT


DAMAGE = {
    "settings-not-utf8": (lambda: SETTINGS_DIGEST, b"\xff\xfe\x81 not a digest\n"),
    "settings-folder": (lambda: SETTINGS_DIGEST, None),
    "map-bad-frame-length": (world_map_file, b"\x80\x04\x95" + (2**40).to_bytes(8, "little") + b"\x8c\x01x."),
    "map-unknown-module": (world_map_file, b"cnowhere\nnothing\n."),
    "map-random-bytes": (world_map_file, bytes(range(256)) * 3),
    "map-empty": (world_map_file, b""),
    "map-other-data": (world_map_file, b'{"full": [1, 2, 3]}'),
    "map-folder": (world_map_file, None),
}


def plugin_warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith("pelican_chronicles")]


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_cache_is_rebuilt(tmp_path, fresh, caplog, damage):
    """A file of the plugin's in CACHE_PATH that it cannot read (other bytes,
    a folder in its place) is made again: the build goes on, the same as a
    fresh one, with one warning at most; the next build reads what it left."""
    from pelican_chronicles.site import worldmap

    caplog.set_level(logging.INFO)
    name, damaged = DAMAGE[damage]
    cache = tmp_path / "cache"
    target = cache / name()
    if damaged is None:
        (target / "inside").mkdir(parents=True)
    else:
        cache.mkdir()
        target.write_bytes(damaged)
    write_posts(tmp_path / "content", SMALL)
    Pelican(site_settings(tmp_path, tmp_path / "output", **CACHING)).run()
    assert not differences(snapshot(tmp_path / "output"), fresh(SMALL))
    assert len(plugin_warnings(caplog)) <= 1, plugin_warnings(caplog)
    pelican = Pelican(site_settings(tmp_path, tmp_path / "output", **CACHING))
    pelican.run()
    assert not differences(snapshot(tmp_path / "output"), fresh(SMALL))
    if damaged is not None:  # made again, and read back
        assert target.read_bytes() != damaged
        from pelican_chronicles import glue

        assert glue.cached_with(pelican.settings) == glue.written_with(pelican.settings)
        expected = dict(worldmap.world())
        with mock.patch.object(worldmap, "world", side_effect=AssertionError("worked out again")):
            assert dict(worldmap.kept_world(str(cache))) == expected


def test_a_cache_path_nothing_can_be_written_in(tmp_path, fresh):
    """CACHE_PATH is a file: neither Pelican nor the plugin can keep
    anything there, and the build goes on, the same as a fresh one."""
    (tmp_path / "cache").write_text("a file, not a folder\n", encoding="utf-8")
    write_posts(tmp_path / "content", SMALL)
    for layer in ("reader", "generator"):
        Pelican(site_settings(tmp_path, tmp_path / "output", **CACHING, CONTENT_CACHING_LAYER=layer)).run()
        assert not differences(snapshot(tmp_path / "output"), fresh(SMALL))
    assert (tmp_path / "cache").read_text(encoding="utf-8") == "a file, not a folder\n"


def test_nothing_is_written_through_a_link_in_the_cache(tmp_path, fresh):
    """The plugin's files in CACHE_PATH are replaced, never written through:
    a symbolic link there to a file elsewhere leaves that file as it was."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "cache").mkdir()
    for name in (SETTINGS_DIGEST, world_map_file()):
        (elsewhere / name).write_bytes(b"kept as it is\n")
        (tmp_path / "cache" / name).symlink_to(elsewhere / name)
    write_posts(tmp_path / "content", SMALL)
    for _ in range(2):
        Pelican(site_settings(tmp_path, tmp_path / "output", **CACHING)).run()
        assert not differences(snapshot(tmp_path / "output"), fresh(SMALL))
    assert {p.name: p.read_bytes() for p in elsewhere.iterdir()} == {
        SETTINGS_DIGEST: b"kept as it is\n", world_map_file(): b"kept as it is\n"
    }
