"""pelican-chronicles against Pelican alone (SPEC 12).

    python benchmarks/bench.py                       # 1000 and 3000 posts, 5 runs, full, edit and plain
    python benchmarks/bench.py --posts 200 --runs 1  # a quick check
    python benchmarks/bench.py --scenario edit       # the edit loop only
    python benchmarks/bench.py --scenario plain      # posts that use no convention
    python benchmarks/bench.py --profile             # and where a build with the plugin spends its time
    python benchmarks/bench.py --theme PATH          # both sides in another theme (Reflex: no head block)
    python benchmarks/bench.py --scenario check      # pelican-chronicles check against a full build
    python benchmarks/bench.py --scenario history    # version history on against off, in a git repository
    python benchmarks/bench.py --scenario edit --history  # the edit loop, history on, in a git repository

Generates a corpus of posts that use every convention (see corpus.py), then
builds it with and without the plugin, alternately, in one run, in these
scenarios:

full  a full build: CACHE_CONTENT and LOAD_CONTENT_CACHE off, each build
      deletes its own output directory first;
edit  the author's edit loop: each side has its own copy of the corpus,
      cache and output directory, with CACHE_CONTENT and LOAD_CONTENT_CACHE
      on; one build fills the cache (not timed), then each run appends a
      paragraph to the same post (its content and modification time change)
      and times the rebuild.
plain a full build, as in full, of a corpus of plain posts of the same
      length that use no convention at all (no flag, note, dateline, quote,
      transcript, Sources: or Countries:): what the plugin costs a site
      that does not use it, or the posts of a site that do not.
check `pelican-chronicles check` (SPEC 16) against a full build with the
      plugin, on the same corpus, taking turns: at most half its time. Not
      run unless asked for.
history
      full builds with the plugin of the corpus kept in git, each post
      committed three times (corpus.commit_history): CHRONICLES_HISTORY on
      ("with") against off ("without"), at most 5% more time (SPEC 17).
      Not run unless asked for. With ``--history``, the other scenarios'
      corpora are kept in git too and their builds with the plugin have
      history on.

Every build is a fresh Python process, so its peak memory (ru_maxrss, read
with os.wait4) belongs to that build alone. The default theme is used;
``--theme`` picks another for both sides. The time of a build is measured
inside its process, from before Pelican is imported to the end of
``Pelican.run()``; the interpreter's own start-up is left out. The plugin's modules are byte-compiled first, as Pelican's are
when pip installs it. The script always exits with 0; budgets that are
exceeded are reported as "OVER BUDGET" lines.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import WORDS, commit_history, write_corpus  # noqa: E402

SCENARIOS = ("full", "edit", "plain", "check", "history")
DEFAULT_SCENARIOS = ("full", "edit", "plain")
# With / without, medians: (time, peak memory); None: no budget. For check:
# check / full build with the plugin.
BUDGETS = {"full": (1.10, 1.10), "edit": (1.10, None), "plain": (1.03, None), "check": (0.50, None),
           "history": (1.05, None)}
LINEARITY_SLACK = 1.10  # full build: time(3000) / time(1000) at most 3 * 1.10 = 3.3

# The build, run with ``python -c`` in a fresh process. It prints one line:
# BENCH {"seconds": ..., "warnings": ..., "found": {...}}
BUILD = r"""
import json, logging, sys, time
start = time.perf_counter()
config = json.loads(sys.argv[1])


class Count(logging.Handler):
    warnings = 0

    def emit(self, record):
        if record.levelno >= logging.WARNING:
            Count.warnings += 1
            if Count.warnings <= 5:
                sys.stderr.write(record.getMessage()[:300] + "\n")


logging.basicConfig(level=logging.WARNING, handlers=[Count()])

from pelican import Pelican, signals
from pelican.settings import read_settings

found = {"articles": 0, "notes": 0, "flags": 0, "datelines": 0, "quotes": 0,
         "turns": 0, "sources": 0, "countries": 0}


def count(generator):
    for article in generator.articles:
        found["articles"] += 1
        chronicle = getattr(article, "chronicles", None)
        if chronicle is None:
            continue
        for name in ("notes", "flags", "datelines", "quotes", "turns", "sources", "countries"):
            found[name] += len(getattr(chronicle, name, ()) or ())


signals.article_generator_finalized.connect(count)
pelican = Pelican(read_settings(override=config["settings"]))
profile = config.get("profile")
if profile:
    import cProfile
    profiler = cProfile.Profile()
    profiler.runcall(pelican.run)
    profiler.dump_stats(profile)
else:
    pelican.run()
seconds = time.perf_counter() - start
print("BENCH " + json.dumps({"seconds": seconds, "warnings": Count.warnings, "found": found}))
"""


# pelican-chronicles check, run with ``python -c`` in a fresh process, timed
# as a build is (from before the plugin is imported). It prints one line:
# BENCH {"seconds": ..., "status": ..., "problems": ...}
CHECK = r"""
import contextlib, io, json, sys, time
start = time.perf_counter()
from pelican_chronicles import cli
out = io.StringIO()
with contextlib.redirect_stdout(out):
    status = cli.main(sys.argv[1:])
seconds = time.perf_counter() - start
problems = len(json.loads(out.getvalue())) if status in (0, 1) else None
print("BENCH " + json.dumps({"seconds": seconds, "status": status, "problems": problems}))
"""


def side(plugin: bool) -> str:
    return "with" if plugin else "without"


def turns(run: int) -> tuple[bool, bool]:
    """Which build goes first alternates, so that neither always runs on a
    warmer (or more throttled) machine."""
    return (False, True) if run % 2 == 0 else (True, False)


# The theme of both sides' builds (--theme), and the settings it needs.
THEME: dict = {}


def theme_settings(path: str) -> dict:
    """THEME, and what Reflex and Flex expect of every site."""
    return {
        "THEME": os.path.abspath(path),
        "AUTHOR": "Benchmark Desk",
        "COPYRIGHT_NAME": "Benchmark Desk",
        "COPYRIGHT_YEAR": 2026,
        "CC_LICENSE": {"name": "Creative Commons Attribution", "version": "4.0", "slug": "by",
                       "icon": False, "language": "en_US"},
    }


def build_settings(content: Path, output: Path, plugin: bool, extra: dict, cache: Path | None = None) -> dict:
    """A full build without ``cache``; with it, a build that reads and writes
    Pelican's content cache there and keeps its output directory."""
    settings = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "SITENAME": "Chronicles benchmark",
        "SITEURL": "https://chronicles.example",
        "TIMEZONE": "UTC",
        "PLUGINS": ["pelican_chronicles"] if plugin else [],
        "CACHE_CONTENT": cache is not None,
        "LOAD_CONTENT_CACHE": cache is not None,
        "DELETE_OUTPUT_DIRECTORY": cache is None,
        **THEME,
    }
    if cache is not None:
        settings["CACHE_PATH"] = str(cache)
    if plugin:
        settings.update(extra)
    return settings


def run_build(settings: dict, profile: str | None = None) -> dict:
    """One build in a fresh process: seconds, peak MB, what the plugin found."""
    config = {"settings": settings, "profile": profile}
    result, returncode, stderr = run_process([BUILD, json.dumps(config)], Path(settings["PATH"]).parent)
    if returncode != 0 or result is None:
        plugin = bool(settings["PLUGINS"])
        sys.exit(f"build failed ({side(plugin)} the plugin, exit {returncode}):\n{stderr[-3000:]}")
    return result


def run_check(content: Path) -> dict:
    """``pelican-chronicles check CONTENT --format json`` in a fresh process,
    in the corpus's folder (no pelicanconf.py: Pelican's defaults); exit
    status 1 (problems found) is a success here."""
    result, returncode, stderr = run_process([CHECK, "check", str(content), "--format", "json"], content.parent)
    if returncode not in (0, 1) or result is None:
        sys.exit(f"pelican-chronicles check failed (exit {returncode}):\n{stderr[-3000:]}")
    return result


def run_process(args: list[str], cwd: Path) -> tuple[dict | None, int, str]:
    """``python -c args...`` in ``cwd``: (what it printed after BENCH, with
    its peak MB and CPU seconds, or None; its exit status; its stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen([sys.executable, "-c", *args], stdout=out, stderr=err, cwd=cwd)
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)  # already reaped
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    result = next((json.loads(line[6:]) for line in stdout.splitlines() if line.startswith("BENCH ")), None)
    if result is not None:
        result["peak_mb"] = usage.ru_maxrss / 1024  # kilobytes on Linux
        # CPU time of the whole process (start-up included, and the children
        # it waited for): less disturbed than wall time by other processes on a busy machine.
        result["cpu"] = usage.ru_utime + usage.ru_stime
        result["stderr"] = stderr
    return result, process.returncode, stderr


def report(run: int, runs: int, n: int, plugin: bool, result: dict) -> None:
    print(f"  run {run + 1}/{runs}: {n} posts {side(plugin):>7} the plugin: {result['seconds']:6.2f} s "
          f"({result['cpu']:6.2f} s CPU), {result['peak_mb']:7.1f} MB", flush=True)


def full_builds(contents: dict[int, Path], runs: int, extra: dict) -> dict:
    results = {n: {False: [], True: []} for n in contents}
    for run in range(runs):
        for n, content in contents.items():
            for plugin in turns(run):
                output = content.parent / f"out-{side(plugin)}"
                result = run_build(build_settings(content, output, plugin, extra))
                results[n][plugin].append(result)
                report(run, runs, n, plugin, result)
    return results


def history_builds(contents: dict[int, Path], runs: int, extra: dict) -> dict:
    """Full builds with the plugin, taking turns: CHRONICLES_HISTORY off
    (results[n][False]) and on (results[n][True])."""
    results = {n: {False: [], True: []} for n in contents}
    for run in range(runs):
        for n, content in contents.items():
            for history in turns(run):
                output = content.parent / f"out-history-{side(history)}"
                result = run_build(build_settings(content, output, True, {**extra, "CHRONICLES_HISTORY": history}))
                results[n][history].append(result)
                report(run, runs, n, history, result)
    return results


def edit_post(path: Path, number: int) -> str:
    """Append a paragraph to a post, so that its content and modification
    time change; returns the paragraph."""
    paragraph = f"Edit {number} of this post adds a paragraph at the end, as an author does before rebuilding."
    before = path.stat().st_mtime
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"\n{paragraph}\n")
    if path.stat().st_mtime == before:  # a file system that counts whole seconds
        os.utime(path, (before + 1, before + 1))
    return paragraph


def edit_loop(contents: dict[int, Path], runs: int, extra: dict) -> dict:
    sites = {}
    for n, content in contents.items():
        for plugin in (False, True):
            site = content.parent / f"edit-{side(plugin)}"
            shutil.rmtree(site, ignore_errors=True)
            shutil.copytree(content, site / "content")
            settings = build_settings(site / "content", site / "output", plugin, extra, cache=site / "cache")
            fill = run_build(settings)
            print(f"  cache filled: {n} posts {side(plugin):>7} the plugin: {fill['seconds']:6.2f} s (not timed)",
                  flush=True)
            sites[n, plugin] = site, settings
    results = {n: {False: [], True: []} for n in contents}
    for run in range(runs):
        for n in contents:
            for plugin in turns(run):
                site, settings = sites[n, plugin]
                paragraph = edit_post(site / "content" / f"post-{n // 2:05d}.md", run + 1)
                result = run_build(settings)
                if not any(paragraph in page.read_text(encoding="utf-8") for page in (site / "output").glob("*.html")):
                    sys.exit(f"edit {run + 1} is not in the output of the rebuild {side(plugin)} the plugin")
                results[n][plugin].append(result)
                report(run, runs, n, plugin, result)
    return results


def checks(contents: dict[int, Path], runs: int, extra: dict) -> dict:
    """pelican-chronicles check and a full build with the plugin, taking
    turns, on each corpus: results[n]["check"], results[n]["build"]."""
    results = {n: {"check": [], "build": []} for n in contents}
    for run in range(runs):
        for n, content in contents.items():
            for first in turns(run):
                if first:
                    result = run_check(content)
                    label = "check"
                else:
                    result = run_build(build_settings(content, content.parent / "out-with", True, extra))
                    label = "build"
                results[n][label].append(result)
                print(f"  run {run + 1}/{runs}: {n} posts {label:>5}: {result['seconds']:6.2f} s "
                      f"({result['cpu']:6.2f} s CPU)", flush=True)
    return results


def print_check_table(results: dict) -> list[str]:
    """The table of the check scenario; returns its OVER BUDGET lines."""
    budget = BUDGETS["check"][0]
    over = []
    header = f"{'posts':>6} {'s build':>9} {'s check':>9} {'time x':>7} {'CPU build':>10} {'CPU check':>10} {'CPU x':>6}"
    print(header)
    print("-" * len(header))
    for n in sorted(results):
        build, check = results[n]["build"], results[n]["check"]
        t0, t1 = median(build, "seconds"), median(check, "seconds")
        c0, c1 = median(build, "cpu"), median(check, "cpu")
        print(f"{n:>6} {t0:>9.2f} {t1:>9.2f} {t1 / t0:>7.3f} {c0:>10.2f} {c1:>10.2f} {c1 / c0:>6.3f}")
        if t1 / t0 > budget:
            over.append(f"OVER BUDGET: check, {n} posts: time ratio {t1 / t0:.3f} > {budget}")
    print()
    for n in sorted(results):
        for label in ("build", "check"):
            runs = ", ".join(f"{r['seconds']:.2f}" for r in results[n][label])
            print(f"  {n} posts {label}: {runs} s")
        print(f"  {n} posts: problems listed by check: {results[n]['check'][0]['problems']} "
              f"(exit status {results[n]['check'][0]['status']}); CPU seconds include the check's worker processes")
    return over


def byte_compile_plugin() -> str:
    """Compile the plugin's modules as ``pip install`` does for Pelican's, so
    that a build with the plugin does not pay for compiling them where no
    bytecode was written (an editable install, PYTHONDONTWRITEBYTECODE)."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("pelican_chronicles")
    if spec is None or not spec.submodule_search_locations:
        return "pelican_chronicles not found"
    package = list(spec.submodule_search_locations)[0]
    ok = compileall.compile_dir(package, quiet=1)
    return f"{package} byte-compiled" if ok else f"{package}: byte-compiling failed"


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        from importlib.metadata import version

        pelican = version("pelican")
        markdown = version("markdown")
    except Exception:  # noqa: BLE001 - informational only
        pelican = markdown = "?"
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        f"Pelican {pelican}, Markdown {markdown}, {platform.system()} {platform.release()}"
    )


def median(results: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in results)


def print_table(scenario: str, results: dict) -> list[str]:
    """The table of one scenario; returns its OVER BUDGET lines."""
    time_budget, memory_budget = BUDGETS[scenario]
    sizes = sorted(results)
    over = []
    header = (
        f"{'posts':>6} {'s without':>10} {'s with':>9} {'time x':>7} "
        f"{'MB without':>11} {'MB with':>8} {'mem x':>6} {'ms/post with':>13}"
    )
    print(header)
    print("-" * len(header))
    for n in sizes:
        t0, t1 = median(results[n][False], "seconds"), median(results[n][True], "seconds")
        m0, m1 = median(results[n][False], "peak_mb"), median(results[n][True], "peak_mb")
        print(
            f"{n:>6} {t0:>10.2f} {t1:>9.2f} {t1 / t0:>7.3f} "
            f"{m0:>11.1f} {m1:>8.1f} {m1 / m0:>6.3f} {1000 * t1 / n:>13.2f}"
        )
        if time_budget and t1 / t0 > time_budget:
            over.append(f"OVER BUDGET: {scenario}, {n} posts: time ratio {t1 / t0:.3f} > {time_budget}")
        if memory_budget and m1 / m0 > memory_budget:
            over.append(f"OVER BUDGET: {scenario}, {n} posts: memory ratio {m1 / m0:.3f} > {memory_budget}")
    print()
    for n in sizes:
        for plugin in (False, True):
            runs = ", ".join(f"{r['seconds']:.2f}" for r in results[n][plugin])
            print(f"  {n} posts {side(plugin):>7}: {runs} s")
    print("\nCPU seconds (user + sys of each build process, start-up included), medians:")
    for n in sizes:
        c0, c1 = median(results[n][False], "cpu"), median(results[n][True], "cpu")
        print(f"  {n} posts: without {c0:.2f}, with {c1:.2f}, ratio {c1 / c0:.3f}")
    if scenario == "full" and len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        ratio = median(results[large][True], "seconds") / median(results[small][True], "seconds")
        limit = large / small * LINEARITY_SLACK
        print(f"\nlinearity with the plugin: time({large}) / time({small}) = {ratio:.2f} "
              f"(linear: {large / small:.2f}, budget {limit:.2f})")
        if ratio > limit:
            over.append(f"OVER BUDGET: linearity {ratio:.2f} > {limit:.2f}")
    print()
    for n in sizes:
        with_plugin = results[n][True][0]
        found = ", ".join(f"{k} {v}" for k, v in with_plugin["found"].items())
        print(f"  {n} posts, found by the plugin: {found}; warnings logged: {with_plugin['warnings']}")
        if with_plugin["warnings"]:
            print("    first warnings:\n    " + "\n    ".join(with_plugin["stderr"].strip().splitlines()[:5]))
        if scenario == "plain" and any(v for k, v in with_plugin["found"].items() if k != "articles"):
            over.append(f"NOT PLAIN: the plugin found conventions in the plain corpus of {n} posts: {found}")
    return over


def profile_build(settings: dict, stats_file: Path, top: int = 25) -> None:
    """One build with the plugin under cProfile: the functions with the most
    cumulative time, within pelican_chronicles and overall."""
    result = run_build(settings, profile=str(stats_file))
    stats = pstats.Stats(str(stats_file))
    total = stats.total_tt
    rows = sorted(
        ((cumtime, tottime, calls, function) for function, (_cc, calls, tottime, cumtime, _callers) in stats.stats.items()),
        reverse=True,
    )
    ours = [row for row in rows if "pelican_chronicles" in row[3][0].replace("\\", "/")]
    print(f"\nProfile of one full build with the plugin ({result['seconds']:.2f} s, "
          f"{total:.2f} s under the profiler)")
    for title, selection in (("pelican_chronicles functions", ours), ("functions overall", rows)):
        print(f"\nTop {top} {title} by cumulative time:")
        print(f"{'cumulative s':>12} {'% of build':>10} {'own s':>8} {'calls':>9}  function")
        for cumtime, tottime, calls, (filename, line, name) in selection[:top]:
            print(f"{cumtime:>12.3f} {100 * cumtime / total:>9.1f}% {tottime:>8.3f} {calls:>9}  "
                  f"{short(filename)}:{line}({name})")


def short(filename: str) -> str:
    filename = filename.replace("\\", "/")
    if "/pelican_chronicles/" in filename:
        return "pelican_chronicles/" + filename.split("/pelican_chronicles/", 1)[1]
    for marker in ("site-packages/", "lib/python"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[1000, 3000], help="corpus sizes (default 1000 3000)")
    parser.add_argument("--runs", type=int, default=5, help="timed builds per size, scenario and side (default 5)")
    parser.add_argument(
        "--scenario", nargs="+", choices=SCENARIOS, default=list(DEFAULT_SCENARIOS),
        help="full: full builds; edit: the edit loop, rebuilds after one post is edited; plain: full builds of "
        "posts that use no convention (default: these three); "
        "check: pelican-chronicles check against a full build with the plugin; "
        "history: full builds with the plugin in a git repository, version history on against off",
    )
    parser.add_argument("--seed", type=int, default=2024, help="seed of the generated corpus")
    parser.add_argument(
        "--words", type=int, nargs=2, default=list(WORDS), metavar=("MIN", "MAX"),
        help=f"words a post aims at (default {WORDS[0]} {WORDS[1]}: SPEC 12's reference load)",
    )
    parser.add_argument(
        "--bold-names", action="store_true",
        help="name the speakers of transcripts in bold (**Name:**) instead of after a speech balloon: "
        "posts without emoji, whose HTML Python holds at one or two bytes a character",
    )
    parser.add_argument(
        "--theme", metavar="PATH",
        help="build both sides with this theme (default: Pelican's notmyidea); e.g. a third-party theme such as "
        "pelican-theme-reflex, which has no head block",
    )
    parser.add_argument(
        "--history", action="store_true",
        help="keep the corpora in git, each post committed three times, and build with CHRONICLES_HISTORY on",
    )
    parser.add_argument("--profile", action="store_true", help="also profile one full build with the plugin")
    parser.add_argument("--workdir", help="build here and keep the files (default: a temporary directory)")
    parser.add_argument(
        "--setting", action="append", default=[], metavar="NAME=VALUE",
        help="a setting for the builds with the plugin, VALUE a Python literal "
        "(CHRONICLES_ARCHIVE=False); repeatable, to see what a feature costs",
    )
    args = parser.parse_args(argv)
    extra = {}
    for item in args.setting:
        name, _, value = item.partition("=")
        try:
            extra[name.strip()] = ast.literal_eval(value.strip())
        except (ValueError, SyntaxError):
            parser.error(f"--setting {item}: the value must be a Python literal, such as False or 'text'")
    if args.theme:
        THEME.update(theme_settings(args.theme))
    if args.history:
        extra["CHRONICLES_HISTORY"] = True
    sizes = sorted(set(args.posts))
    scenarios = [s for s in SCENARIOS if s in args.scenario]

    print(f"machine: {machine()}")
    print(f"plugin: {byte_compile_plugin()}")
    print(f"command: {' '.join([os.path.basename(sys.executable), *sys.argv])}")
    print(f"theme: {THEME.get('THEME', 'notmyidea (Pelican default)')}")
    if extra:
        print(f"settings of the builds with the plugin: {extra}")
    with tempfile.TemporaryDirectory(prefix="chronicles-bench-") as tmp:
        work = Path(args.workdir).resolve() if args.workdir else Path(tmp)
        contents, plain = {}, {}
        for n in sizes:
            if scenarios != ["plain"]:
                contents[n] = work / f"corpus-{n}" / "content"
                words = write_corpus(contents[n], n, seed=args.seed, words=tuple(args.words), balloons=not args.bold_names)
                print(f"corpus: {n} posts, {words} words (about {words // n} per post), in {contents[n]}")
                if args.history or "history" in scenarios:
                    print(f"  kept in git: {commit_history(contents[n])} commits, three for each post")
            if "plain" in scenarios:
                plain[n] = work / f"plain-{n}" / "content"
                words = write_corpus(plain[n], n, seed=args.seed, words=tuple(args.words), plain=True)
                print(f"plain corpus: {n} posts, {words} words (about {words // n} per post), in {plain[n]}")
        over = []
        titles = {"full": "full builds", "edit": "the edit loop, rebuilds",
                  "plain": "full builds of plain posts, which use no convention",
                  "check": "pelican-chronicles check against a full build with the plugin",
                  "history": "full builds with the plugin, version history on (with) against off (without)"}
        for scenario in scenarios:
            print(f"\n== {scenario}: {titles[scenario]} ==")
            started = time.perf_counter()
            run = {"full": full_builds, "edit": edit_loop, "plain": full_builds, "check": checks,
                   "history": history_builds}[scenario]
            results = run(plain if scenario == "plain" else contents, args.runs, extra)
            print(f"\n{args.runs} runs in {time.perf_counter() - started:.0f} s; medians:\n")
            over += print_check_table(results) if scenario == "check" else print_table(scenario, results)
        print()
        if over:
            print("\n".join(over))
        else:
            budgets = ", ".join(
                f"{scenario}: time x <= {t}" + (f", memory x <= {m}" if m else "")
                for scenario, (t, m) in BUDGETS.items() if scenario in scenarios
            )
            print(f"within budget: {budgets}" + (", linear time" if "full" in scenarios and len(sizes) > 1 else ""))
        if args.profile:
            largest = (contents or plain)[sizes[-1]]
            settings = build_settings(largest, largest.parent / "out-profile", True, extra)
            profile_build(settings, work / "chronicles.prof")
    return 0


if __name__ == "__main__":
    sys.exit(main())
