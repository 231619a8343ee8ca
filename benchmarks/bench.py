"""pelican-chronicles against Pelican alone (SPEC 12).

    python benchmarks/bench.py                       # 1000 and 3000 posts, 5 runs
    python benchmarks/bench.py --posts 200 --runs 1  # a quick check
    python benchmarks/bench.py --profile             # and where the plugin spends its time

Generates a corpus of posts that use every convention (see corpus.py), then
builds it with and without the plugin, alternately, in one run. Every build
is a fresh Python process, so its peak memory (ru_maxrss, read with
os.wait4) belongs to that build alone, and nothing is cached between builds:
CACHE_CONTENT and LOAD_CONTENT_CACHE are off, the default theme is used, and
each build deletes its own output directory first.

The time of a build is measured inside its process, from before Pelican is
imported to the end of ``Pelican.run()``; the interpreter's own start-up is
left out. The plugin's modules are byte-compiled first, as Pelican's are
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
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import WORDS, write_corpus  # noqa: E402

TIME_BUDGET = 1.05  # with / without, median seconds
MEMORY_BUDGET = 1.10  # with / without, peak memory
LINEARITY_SLACK = 1.10  # time(3000) / time(1000) at most 3 * 1.10 = 3.3

# The build, run with ``python -c`` in a fresh process. It prints one line:
# BENCH {"seconds": ..., "articles": ..., "warnings": ..., "found": {...}}
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


def build_settings(content: Path, output: Path, plugin: bool, extra: dict | None = None) -> dict:
    settings = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "SITENAME": "Chronicles benchmark",
        "SITEURL": "https://chronicles.example",
        "TIMEZONE": "UTC",
        "PLUGINS": ["pelican_chronicles"] if plugin else [],
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "DELETE_OUTPUT_DIRECTORY": True,
    }
    if plugin and extra:
        settings.update(extra)
    return settings


def run_build(content: Path, output: Path, plugin: bool, profile: str | None = None, extra: dict | None = None) -> dict:
    """One build in a fresh process: seconds, peak MB, what the plugin found."""
    config = {"settings": build_settings(content, output, plugin, extra), "profile": profile}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            [sys.executable, "-c", BUILD, json.dumps(config)], stdout=out, stderr=err, cwd=content.parent
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)  # already reaped
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    result = next((json.loads(line[6:]) for line in stdout.splitlines() if line.startswith("BENCH ")), None)
    if process.returncode != 0 or result is None:
        sys.exit(f"build failed ({'with' if plugin else 'without'} plugin, exit {process.returncode}):\n{stderr[-3000:]}")
    result["peak_mb"] = usage.ru_maxrss / 1024  # kilobytes on Linux
    # CPU time of the whole process (start-up included): less disturbed than
    # wall time by other processes on a busy machine.
    result["cpu"] = usage.ru_utime + usage.ru_stime
    result["stderr"] = stderr
    return result


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


def print_table(sizes, results) -> list[str]:
    """The table; returns the OVER BUDGET lines."""
    over = []
    header = (
        f"{'posts':>6} {'s without':>10} {'s with':>9} {'time x':>7} "
        f"{'MB without':>11} {'MB with':>8} {'mem x':>6} {'ms/post with':>13}"
    )
    print(header)
    print("-" * len(header))
    for n in sizes:
        t0 = statistics.median(r["seconds"] for r in results[n][False])
        t1 = statistics.median(r["seconds"] for r in results[n][True])
        m0 = statistics.median(r["peak_mb"] for r in results[n][False])
        m1 = statistics.median(r["peak_mb"] for r in results[n][True])
        print(
            f"{n:>6} {t0:>10.2f} {t1:>9.2f} {t1 / t0:>7.3f} "
            f"{m0:>11.1f} {m1:>8.1f} {m1 / m0:>6.3f} {1000 * t1 / n:>13.2f}"
        )
        if t1 / t0 > TIME_BUDGET:
            over.append(f"OVER BUDGET: {n} posts: time ratio {t1 / t0:.3f} > {TIME_BUDGET}")
        if m1 / m0 > MEMORY_BUDGET:
            over.append(f"OVER BUDGET: {n} posts: memory ratio {m1 / m0:.3f} > {MEMORY_BUDGET}")
    print()
    for n in sizes:
        for plugin in (False, True):
            runs = ", ".join(f"{r['seconds']:.2f}" for r in results[n][plugin])
            print(f"  {n} posts {'with' if plugin else 'without':>7}: {runs} s")
    print("\nCPU seconds (user + sys of each build process, start-up included), medians:")
    for n in sizes:
        c0 = statistics.median(r["cpu"] for r in results[n][False])
        c1 = statistics.median(r["cpu"] for r in results[n][True])
        print(f"  {n} posts: without {c0:.2f}, with {c1:.2f}, ratio {c1 / c0:.3f}")
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        t_small = statistics.median(r["seconds"] for r in results[small][True])
        t_large = statistics.median(r["seconds"] for r in results[large][True])
        ratio = t_large / t_small
        limit = large / small * LINEARITY_SLACK
        print(f"\nlinearity with the plugin: time({large}) / time({small}) = {ratio:.2f} "
              f"(linear: {large / small:.2f}, budget {limit:.2f})")
        if ratio > limit:
            over.append(f"OVER BUDGET: linearity {ratio:.2f} > {limit:.2f}")
    return over


def print_found(sizes, results):
    for n in sizes:
        with_plugin = results[n][True][0]
        found = ", ".join(f"{k} {v}" for k, v in with_plugin["found"].items())
        print(f"  {n} posts, found by the plugin: {found}; warnings logged: {with_plugin['warnings']}")
        if with_plugin["warnings"]:
            print("    first warnings:\n    " + "\n    ".join(with_plugin["stderr"].strip().splitlines()[:5]))


def profile_build(content: Path, work: Path, top: int = 25, extra: dict | None = None):
    stats_file = work / "chronicles.prof"
    result = run_build(content, work / "out-profile", plugin=True, profile=str(stats_file), extra=extra)
    stats = pstats.Stats(str(stats_file))
    total = stats.total_tt
    entries = []
    for (filename, line, name), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():
        if _is_ours(filename):
            short = filename.replace("\\", "/").split("pelican_chronicles/", 1)[-1]
            entries.append((cumtime, tottime, calls, f"pelican_chronicles/{short}:{line}({name})"))
    entries.sort(reverse=True)
    print(f"\nProfile of one build with the plugin ({result['seconds']:.2f} s, "
          f"{total:.2f} s under the profiler); top {top} pelican_chronicles entries by cumulative time:")
    print(f"{'cumulative s':>12} {'% of build':>10} {'own s':>8} {'calls':>9}  function")
    for cumtime, tottime, calls, where in entries[:top]:
        print(f"{cumtime:>12.3f} {100 * cumtime / total:>9.1f}% {tottime:>8.3f} {calls:>9}  {where}")
    print("  (glue.py read() and _parse_metadata() wrap Pelican's own Markdown reading, and the")
    print("  templates' root() functions render whole pages: their cumulative time is mostly not")
    print("  the plugin's. The treeprocessors' run(), build_chronicle() and the generator are.)")
    # What the package spends in other libraries (dateutil, ElementTree, feedgenerator...).
    outside: dict[str, list[float]] = {}
    for (filename, line, name), (_cc, _calls, _tt, _ct, callers) in stats.stats.items():
        if _is_ours(filename):
            continue
        for caller, (_c, calls, _t, cumtime) in callers.items():
            if _is_ours(caller[0]) and not _is_wrapper(caller):
                where = f"{_short(filename)}:{line}({name})"
                entry = outside.setdefault(where, [0.0, 0])
                entry[0] += cumtime
                entry[1] += calls
    print("\nTop 10 calls from pelican_chronicles into other code (wrappers above left out):")
    for where, (cumtime, calls) in sorted(outside.items(), key=lambda kv: -kv[1][0])[:10]:
        print(f"{cumtime:>12.3f} {100 * cumtime / total:>9.1f}% {'':>8} {calls:>9}  {where}")


def _is_wrapper(function) -> bool:
    """Plugin functions whose callees are Pelican's own work (reading, rendering)."""
    filename, _line, name = function
    filename = filename.replace("\\", "/")
    return "/templates/" in filename or (filename.endswith("glue.py") and name in ("read", "_parse_metadata"))


def _is_ours(filename: str) -> bool:
    return "pelican_chronicles" in filename.replace("\\", "/")


def _short(filename: str) -> str:
    filename = filename.replace("\\", "/")
    for marker in ("site-packages/", "lib/python"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[1000, 3000], help="corpus sizes (default 1000 3000)")
    parser.add_argument("--runs", type=int, default=5, help="builds per size and mode (default 5)")
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
    parser.add_argument("--profile", action="store_true", help="also profile one build with the plugin")
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
    sizes = sorted(set(args.posts))

    print(f"machine: {machine()}")
    print(f"plugin: {byte_compile_plugin()}")
    print(f"command: {' '.join([os.path.basename(sys.executable), *sys.argv])}")
    if extra:
        print(f"settings of the builds with the plugin: {extra}")
    with tempfile.TemporaryDirectory(prefix="chronicles-bench-") as tmp:
        work = Path(args.workdir).resolve() if args.workdir else Path(tmp)
        contents = {}
        for n in sizes:
            contents[n] = work / f"corpus-{n}" / "content"
            words = write_corpus(contents[n], n, seed=args.seed, words=tuple(args.words), balloons=not args.bold_names)
            print(f"corpus: {n} posts, {words} words (about {words // n} per post), in {contents[n]}")
        results = {n: {False: [], True: []} for n in sizes}
        started = time.perf_counter()
        for run in range(args.runs):
            for n in sizes:
                # Alternate which build goes first, so that neither always
                # runs on a warmer (or more throttled) machine.
                for plugin in ((False, True) if run % 2 == 0 else (True, False)):
                    output = contents[n].parent / ("out-with" if plugin else "out-without")
                    result = run_build(contents[n], output, plugin, extra=extra)
                    results[n][plugin].append(result)
                    print(f"  run {run + 1}/{args.runs}: {n} posts {'with' if plugin else 'without':>7} "
                          f"the plugin: {result['seconds']:6.2f} s ({result['cpu']:6.2f} s CPU), "
                          f"{result['peak_mb']:7.1f} MB", flush=True)
        print(f"\n{args.runs} runs in {time.perf_counter() - started:.0f} s; medians:\n")
        over = print_table(sizes, results)
        print()
        print_found(sizes, results)
        if over:
            print()
            print("\n".join(over))
        else:
            print("\nwithin budget: time x <= %.2f, memory x <= %.2f, linear time" % (TIME_BUDGET, MEMORY_BUDGET))
        if args.profile:
            profile_build(contents[sizes[-1]], work, extra=extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
