"""``pelican-chronicles``: the author's commands (SPEC 16). Argument parsing
and output only; what the commands do is in ``commands/``.

    pelican-chronicles check [CONTENT] [-s pelicanconf.py] [--format text|json] [--strict] [-j JOBS]
    pelican-chronicles note POST [-s pelicanconf.py] [--correction | --kind KIND] [--date WHEN] TEXT...

Exit status: 0 when all is well, 1 when ``check`` found problems (or a note
could not be written as asked), 2 for a usage error (a missing settings
file, content folder or post, a file that is not Markdown, a date that
cannot be read or is in the future).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from .commands import check as checking
from .commands import note as noting
from .commands.site import SETTINGS_FILE, UsageError, load_site
from .model import NOTE_KINDS, UPDATE

OK, PROBLEMS, USAGE = 0, 1, 2
PROGRESS_FROM = 100  # posts from which check shows a progress bar (on a terminal)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="pelican-chronicles",
        description="pelican-chronicles for the author: check posts, append a note.",
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="list the problems of the posts, without building the site",
        description="Read every Markdown post with the site's settings and the plugin, write nothing, "
        "and list each problem as file:line: message. Exit status 1 when there are problems.",
    )
    check.add_argument("content", nargs="?", metavar="CONTENT",
                       help="the content folder (default: PATH of the settings)")
    check.add_argument("-s", "--settings", metavar="CONF",
                       help=f"the settings file (default: ./{SETTINGS_FILE} if there is one, else Pelican's defaults)")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text: one 'file:line: message' a line (default); json: a list of "
                       "{file, line, message, kind} objects")
    check.add_argument("--strict", action="store_true",
                       help="also report what is normal in journalism: a source cited without a URL")
    check.add_argument("-j", "--jobs", type=positive, metavar="N",
                       help="processes that read posts (default: one per CPU)")

    note = commands.add_parser(
        "note", help="append a dated update, correction or other note to a post",
        description="Append an update note (or a note of another kind) to a Markdown post, in the post's language, "
        "dated now in the site's TIMEZONE, and print the anchor the note gets. The rest of the file stays as it is.",
    )
    note.add_argument("post", metavar="POST", help="the Markdown file of the post")
    note.add_argument("text", nargs="+", metavar="TEXT", help="the text of the note")
    note.add_argument("-s", "--settings", metavar="CONF",
                      help=f"the settings file (default: ./{SETTINGS_FILE} if there is one, else Pelican's defaults)")
    kinds = note.add_mutually_exclusive_group()
    kinds.add_argument("--correction", action="store_true", help="a correction note instead of an update")
    kinds.add_argument("--kind", choices=NOTE_KINDS, default=UPDATE,
                       help="the kind of note (default: update; --correction is --kind correction)")
    note.add_argument("--date", metavar="WHEN",
                      help="the note's date, as the plugin reads dates in notes (default: now); "
                      "a date it cannot read, or one in the future, is refused")
    return main


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return run_check(args) if args.command == "check" else run_note(args)
    except UsageError as err:
        sys.stderr.write(f"pelican-chronicles {args.command}: error: {err}\n")
        return USAGE
    except BrokenPipeError:  # the output went to a command that stopped reading (head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return PROBLEMS


def run_check(args) -> int:
    site = load_site(args.settings, args.content)
    with ProgressBar() as progress:
        report = checking.check_site(site, jobs=args.jobs, progress=progress, strict=args.strict)
    if args.format == "json":
        json.dump([f.as_dict() for f in report.findings], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for finding in report.findings:
            sys.stdout.write(finding.as_text() + "\n")
    files = len({f.file for f in report.findings})
    notes = sum(1 for f in report.findings if f.kind in checking.NOTICES)
    problems = len(report.findings) - notes
    told = f", {notes} note{'s' * (notes != 1)}" if notes else ""
    sys.stderr.write(
        f"{problems} problem{'s' * (problems != 1)}{told} in {files} of {report.posts} post{'s' * (report.posts != 1)}\n"
    )
    return PROBLEMS if problems else OK


class ProgressBar:
    """A progress bar on stderr while posts are read, when stderr is a
    terminal and the posts are many (rich, which Pelican depends on); else
    nothing. The object is the ``progress(done, total)`` callback of
    ``check_site``; used as a context manager, it removes the bar at the end."""

    def __init__(self):
        self.bar = None
        self.task = None
        self.shown = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if not self.shown or total < PROGRESS_FROM:
                return
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("Checking posts", total=total)
        self.bar.update(self.task, completed=done)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def run_note(args) -> int:
    appended = noting.append_note(
        args.post, " ".join(args.text), settings_file=args.settings, correction=args.correction, when=args.date,
        kind=args.kind,
    )
    for problem in appended.problems:
        sys.stderr.write(f"{args.post}: warning: {problem}\n")
    sys.stderr.write(f"{args.post}: appended {appended.marker}\n")
    sys.stdout.write(appended.anchor + "\n")
    return OK


if __name__ == "__main__":
    sys.exit(main())
