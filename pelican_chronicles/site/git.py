"""The site's git repository, read once per build for every post (SPEC 17).

Three short git commands a build, whatever the number of posts: where the
repository is (and whether it is a shallow clone), which files have changes
not yet committed, and the log of the content folder with the files each
commit changed. The texts of the revisions are read only for the history
pages, by one more command for all of them (``GitHistory.texts``).

git itself rather than a library: dulwich, written in Python, would compare
the trees of every commit in Python; pygit2 is a compiled dependency for
every site, history on or off; GitPython runs these same commands. git is
there wherever a site is kept in git.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import subprocess
from dataclasses import dataclass, field, replace

from ..cachefiles import write_in_cache
from ..history import LOG_FORMAT, read_log
from ..model import Revision

logger = logging.getLogger(__name__)

SHALLOW = ("CHRONICLES_HISTORY: %s is a shallow clone, whose log lacks the older commits; no post gets a version"
           " history (git fetch --unshallow gives the whole log)")
NO_GIT = "CHRONICLES_HISTORY: git cannot be run (%s); no post gets a version history"
KEPT = "pelican_chronicles.history"  # in CACHE_PATH
UNCOMMITTED = "uncommitted changes; no version history until they are committed"


# git's messages in English, and no lock taken on the index for a status.
GIT_ENV = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}


# Paths as they are (not quoted), and at most 16 MB of the objects git keeps
# unpacked to read others: by default it keeps up to 96 MB while it reads
# the log, more than the build itself holds, for no gain in time here.
GIT = ("git", "-c", "core.quotepath=off", "-c", "core.deltaBaseCacheLimit=16m")


def git(cwd: str, *args: str) -> bytes | None:
    """The output of ``git args`` in ``cwd``; None when git fails there."""
    done = subprocess.run([*GIT, *args], cwd=cwd, capture_output=True, env=GIT_ENV)
    return done.stdout if done.returncode == 0 else None


@dataclass
class GitHistory:
    """The revisions of the files under a folder of a git checkout, and the
    changes of revisions already shown (``changes``), which builds with
    Pelican's content caches keep (``keep``)."""

    top: str  # the repository's top folder, as git gives it: its real path
    folder: str  # the folder whose files' log this is
    head: str  # the commit checked out
    revisions: dict[str, tuple[Revision, ...]]  # by path from ``top``, with /
    uncommitted: set[str] = field(default_factory=set)  # paths from ``top``
    # What a revision changed, as its history page shows it (HTML, in
    # UTF-8), by the blobs before and after: the same two texts always give
    # the same changes. Bytes, as Python would hold a text with one emoji in
    # it at four bytes a character.
    changes: dict[tuple[str, str], bytes] = field(default_factory=dict)
    # The log and the changes as an earlier build kept them, when this is
    # that build's log: keeping them again is needed only if they change.
    kept_as: tuple | None = field(default=None, compare=False, repr=False)

    @classmethod
    def read(cls, folder: str, kept: str | None = None) -> GitHistory | None:
        """The history of the files under ``folder`` (the site's content);
        None, silently, when ``folder`` is not in a git checkout with a
        commit, and None with a warning for a shallow clone or when git
        cannot be run. With ``kept`` (Pelican's ``CACHE_PATH``), the log is
        read again only when the commit checked out is not the one kept."""
        try:
            found = git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD")
        except OSError as error:
            logger.warning(NO_GIT, error)
            return None
        if found is None:
            return None
        top, shallow, head = found.decode("utf-8", "surrogateescape").splitlines()
        if shallow == "true":
            logger.warning(SHALLOW, top)
            return None
        status = git(top, "status", "--porcelain", "-z", "--untracked-files=no", "--no-renames", "--", *pathspec(folder))
        if status is None:
            return None
        uncommitted = {entry[3:].decode("utf-8", "surrogateescape") for entry in status.split(b"\0") if entry}
        known = kept_history(kept) if kept else None
        folder = os.path.realpath(folder)
        if known is not None and (known.top, known.folder, known.head) == (top, folder, head):
            return cls(top, folder, head, known.revisions, uncommitted, known.changes,
                       kept_as=(head, frozenset(known.changes)))
        log = git(top, "log", "-z", "--raw", "--no-abbrev", "-M", "--no-color", f"--format={LOG_FORMAT}",
                  "--", *pathspec(folder))
        if log is None:
            return None
        return cls(top, folder, head, read_log(log), uncommitted, known.changes if known is not None else {})

    def of(self, file: str) -> tuple[tuple[Revision, ...], bool]:
        """The revisions of ``file`` (a post's source path), and whether it
        has changes not committed."""
        path = os.path.relpath(os.path.realpath(file), self.top).replace(os.sep, "/")  # as git names it
        return self.revisions.get(path, ()), path in self.uncommitted

    @contextlib.contextmanager
    def texts(self):
        """A function that gives the texts of a few blobs (``""`` for one
        git does not have), all read through one ``git cat-file``, started
        at the first call and running while the function is used: a site's
        revisions are never all in memory at once. Bytes that are not UTF-8
        are replaced, as they would print."""
        running = []

        def texts(blobs: list[str]) -> list[str]:
            if not running:
                running.append(subprocess.Popen([*GIT, "cat-file", "--batch"], cwd=self.top, env=GIT_ENV,
                                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                                stderr=subprocess.DEVNULL))
            process = running[0]
            process.stdin.write("".join(f"{blob}\n" for blob in blobs).encode("ascii"))
            process.stdin.flush()
            found = []
            for _blob in blobs:
                header = process.stdout.readline().split()
                if len(header) != 3:  # "<blob> missing"
                    found.append("")
                    continue
                found.append(process.stdout.read(int(header[2])).decode("utf-8", "replace"))
                process.stdout.read(1)  # the newline after it
            return found

        try:
            yield texts
        finally:
            for process in running:
                process.stdin.close()
                process.stdout.close()
                process.wait()

    def keep(self, kept: str, shown: set[tuple[str, str]]) -> None:
        """Keep the log and the changes of the revisions ``shown`` in
        ``kept`` (Pelican's ``CACHE_PATH``) for the next build, unless they
        are kept there already."""
        changes = {pair: self.changes[pair] for pair in shown if pair in self.changes}
        if self.kept_as == (self.head, frozenset(changes)):
            return
        try:
            write_in_cache(kept, KEPT, pickle.dumps(replace(self, uncommitted=set(), changes=changes, kept_as=None)))
        except OSError as error:
            logger.info("pelican_chronicles: the version history cannot be kept in %s: %s", kept, error)


def kept_history(kept: str) -> GitHistory | None:
    """The history a build kept in ``kept``; None when there is none that
    can be read."""
    try:
        with open(os.path.join(kept, KEPT), "rb") as file:
            known = pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return known if isinstance(known, GitHistory) else None


def pathspec(folder: str) -> tuple[str, ...]:
    """``folder`` as a git pathspec read literally (a folder named ``*``)."""
    return (f":(literal){os.path.realpath(folder)}",)
