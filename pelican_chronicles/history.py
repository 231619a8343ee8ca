"""Version history (SPEC 17): a post's revisions as git recorded them, and
what changed between two of them, word by word. No Pelican import, and no
git either: ``site/git.py`` runs the git commands whose output this
reads.

    >>> word_diff("The minister spoke.\\n", "The deputy minister spoke.\\n")
    ((('', 'The '), ('ins', 'deputy '), ('', 'minister spoke.\\n')),)

A revision is a commit that changed the post's file; a rename keeps the
post's history (``read_log``).
"""

from __future__ import annotations

import datetime
import difflib
import re

from .model import Revision

# What `git log` is asked to write for each commit: a record separator, then
# its id, its author's date (strict ISO 8601) and its subject, then, with
# --raw -z, each file it changed.
LOG_FORMAT = "%x1e%H%x1f%aI%x1f%s"


def read_log(raw: bytes) -> dict[str, tuple[Revision, ...]]:
    """The revisions of each file, by its path now (from the repository's
    top, with ``/``), newest first, from the output of ``git log -z --raw
    --no-abbrev -M --format=LOG_FORMAT``, which lists commits newest first.

    A rename is followed back: the commits that changed the file under its
    old name are the post's too. A file deleted and added again begins
    again: what was deleted is not its history. A copy begins the copy's.
    A commit that renamed a file without changing its text is no revision."""
    found: dict[str, list[Revision]] = {}
    named: dict[str, str] = {}  # a path in older commits -> the file's path now
    ended: set[str] = set()  # paths whose older commits were another file's
    for record in raw.split(b"\x1e")[1:]:
        header, _, changes = record.partition(b"\0")
        commit, date, summary = header.decode("utf-8", "replace").split("\x1f", 2)
        fields = changes.lstrip(b"\n").split(b"\0")
        at = 0
        while at < len(fields) - 1:
            meta = fields[at].decode("ascii", "replace").split()
            status = meta[-1][:1]
            paths = [p.decode("utf-8", "surrogateescape") for p in fields[at + 1:at + (3 if status in "RC" else 2)]]
            at += len(paths) + 1
            path = paths[-1]
            if path in named:  # an older name of a file that has another now
                post = named.pop(path)
            elif path in ended:
                continue
            else:
                post = path
            if status == "D":
                ended.add(path)
                continue
            if status in "RAC":
                ended.add(path)
                if status == "R":
                    named[paths[0]] = post
            else:
                named[path] = post
            before = meta[2] if status in "MRT" else None
            if before == meta[3]:  # renamed, its text unchanged
                continue
            found.setdefault(post, []).append(
                Revision(commit, datetime.datetime.fromisoformat(date), summary.strip(), before, meta[3])
            )
    return {path: tuple(revisions) for path, revisions in found.items()}


# --- what changed ----------------------------------------------------------------

# A word or a sign, with the spaces after it: in the scripts written without
# spaces between words (Chinese, Japanese, Thai...), each character is a word
# of its own, so that a changed character is not a changed sentence. Spaces
# go with the word before them, so that the words compared are few and
# unlike (a space of its own would be half the tokens).
UNSPACED = "\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u2fdf\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
TOKENS = re.compile(rf"(?:[{UNSPACED}]|[^\W{UNSPACED}]+|[^\w\s]|^)\s*")

# One piece of a hunk: ("", text) unchanged, ("del", text) or ("ins", text).
Piece = tuple[str, str]
Hunk = tuple[Piece, ...]


def word_diff(old: str, new: str, context: int = 1) -> tuple[Hunk, ...]:
    """What changed from ``old`` to ``new``: the changed lines with
    ``context`` unchanged lines around them, in hunks. In a line that
    changed (a paragraph of Markdown is a line), only the words that changed
    are deleted or inserted (``changed_lines``); lines added or removed are
    whole. Lines are compared first, so the cost follows the size of what
    changed, not of the post."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    hunks = []
    for group in matcher.get_grouped_opcodes(context):
        pieces: list[Piece] = []
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                add(pieces, "", "".join(old_lines[i1:i2]))
            else:
                changed_lines(pieces, [TOKENS.findall(line) for line in old_lines[i1:i2]],
                              [TOKENS.findall(line) for line in new_lines[j1:j2]])
        hunks.append(tuple(pieces))
    return tuple(hunks)


# How alike two lines must be to be shown as one line changed, word by word,
# rather than one line deleted and another inserted: the share of their
# distinct words they have in common.
ALIKE = 0.5


def changed_lines(pieces: list[Piece], old: list[list[str]], new: list[list[str]]) -> None:
    """Lines ``old`` replaced by lines ``new`` (each line as its words,
    ``TOKENS``), after ``pieces``: the most alike old and new line (in
    words, at least ``ALIKE``) are one line changed, compared word by word,
    and the lines before them and after them are paired the same way; a line
    left without a like is deleted or inserted whole. A paragraph edited
    beside a paragraph added shows the edited words, and the added paragraph
    whole."""
    best, pair = ALIKE, None
    new_words = [set(line) if "".join(line).strip() else None for line in new]  # None: a blank line
    for i, line in enumerate(old):
        words = set(line) if "".join(line).strip() else None
        for j, other in enumerate(new_words):
            if words and other:
                alike = 2 * len(words & other) / (len(words) + len(other))
                if alike > best:
                    best, pair = alike, (i, j)
    if pair is None:
        add(pieces, "del", "".join(word for line in old for word in line))
        add(pieces, "ins", "".join(word for line in new for word in line))
        return
    i, j = pair
    changed_lines(pieces, old[:i], new[:j])
    changed_words(pieces, old[i], new[j])
    changed_lines(pieces, old[i + 1:], new[j + 1:])


def changed_words(pieces: list[Piece], old: list[str], new: list[str]) -> None:
    """The words ``old`` and ``new`` of a changed line compared, after
    ``pieces``: deleted, inserted, kept. The words both begin and end with
    are set aside first: a paragraph where one word changed is compared in
    that word alone."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    add(pieces, "", "".join(old[:start]))
    old_middle, new_middle = old[start:len(old) - end], new[start:len(new) - end]
    matcher = difflib.SequenceMatcher(None, old_middle, new_middle, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            add(pieces, "", "".join(old_middle[i1:i2]))
        else:
            add(pieces, "del", "".join(old_middle[i1:i2]))
            add(pieces, "ins", "".join(new_middle[j1:j2]))
    add(pieces, "", "".join(old[len(old) - end:]))


def add(pieces: list[Piece], kind: str, text: str) -> None:
    """``text`` after ``pieces``, joined to the last piece when of its kind."""
    if not text:
        return
    if pieces and pieces[-1][0] == kind:
        pieces[-1] = (kind, pieces[-1][1] + text)
    else:
        pieces.append((kind, text))
