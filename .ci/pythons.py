"""The oldest and the newest Python the package supports, each tested: the
package installs in a fresh virtual environment, the demo site builds with
``--fatal warnings`` and the plugin's pages are in it, and the tests that
read dates and addresses pass (SPEC 18).

The oldest is the lower bound of ``requires-python``, the newest the
highest ``Programming Language :: Python :: 3.N`` classifier. An
interpreter that is not on this machine is skipped with a message: none
is downloaded.

    python .ci/pythons.py
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Tests of what differs between Python versions: ISO dates, TOML files,
# addresses, and the version history (git's dates, its subprocesses). They
# take seconds.
TESTS = ["tests/test_dates.py", "tests/test_urls.py", "tests/test_pythons.py", "tests/test_history.py"]
# Pelican 4.11, the last for Python 3.10, warns about feeds whenever SITEURL
# is empty, even with the demo's FEED_DOMAIN; a deployed site has one.
SITEURL = '"https://chronicle-demo.example"'
# What the plugin writes: its archive layout and its page of sources.
MARKS = {"archives.html": 'class="chronicles-archive', "sources/index.html": 'class="chronicles-facet-list'}


def supported() -> tuple[str, str, list[str]]:
    """The oldest and newest supported versions ("3.10"), and the test
    requirements to install beside the package."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    oldest = re.fullmatch(r">=\s*(3\.\d+)", project["requires-python"]).group(1)
    named = [
        c.rsplit("::", 1)[1].strip()
        for c in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    newest = max(named, key=lambda v: int(v.split(".")[1]))
    if min(named, key=lambda v: int(v.split(".")[1])) != oldest:
        sys.exit(f"pyproject.toml: requires-python says {oldest}, the classifiers start at another version")
    wanted = ("pytest", "hypothesis", "tomli")
    tests = [r for r in project["optional-dependencies"]["test"] if re.match(r"[A-Za-z0-9_.-]+", r).group() in wanted]
    return oldest, newest, tests


def interpreter(version: str) -> str | None:
    """A working ``python3.N`` on this machine: on PATH, under pyenv, or
    Debian's."""
    name = f"python{version}"
    pyenv = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    found = glob.glob(os.path.join(pyenv, "versions", f"{version}.*", "bin", name))
    found.sort(key=lambda p: [int(n) for n in re.findall(r"\d+", Path(p).parts[-3])], reverse=True)
    for candidate in [shutil.which(name), *found, f"/usr/bin/{name}", f"/usr/local/bin/{name}"]:
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        check = subprocess.run(
            [candidate, "-c", "import sys, venv; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True, text=True,
        )
        if check.returncode == 0 and check.stdout.strip() == version:
            return candidate
    return None


def run(*command, **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(map(str, command)), flush=True)
    return subprocess.run(command, check=True, **kwargs)


def test_version(version: str, tests: list[str]) -> None:
    python = interpreter(version)
    if python is None:
        print(f"SKIPPED: Python {version} is not installed on this machine; the package is not tested on it")
        return
    with tempfile.TemporaryDirectory(prefix=f"chronicles-py{version}-") as tmp:
        venv = Path(tmp) / "venv"
        run(python, "-m", "venv", venv)
        bin_dir = venv / "bin"
        run(bin_dir / "python", "-m", "pip", "install", "-q", str(ROOT), *tests)
        output = Path(tmp) / "output"
        # From the temporary directory: the installed package, not the checkout.
        built = run(
            bin_dir / "pelican", "-s", ROOT / "demo_site" / "pelicanconf.py", "-o", output,
            "-e", f"SITEURL={SITEURL}", "--fatal", "warnings",
            cwd=tmp, capture_output=True, text=True,
        )
        log = built.stdout + built.stderr
        for page, mark in MARKS.items():
            path = output / page
            if "Cannot load plugin" in log or not path.exists() or mark not in path.read_text(encoding="utf-8"):
                sys.exit(f"Python {version}: the demo built without the plugin's {page}\n{log}")
        print(f"Python {version}: the package installs and the demo builds with the plugin", flush=True)
        run(bin_dir / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS, cwd=ROOT)


def main() -> None:
    oldest, newest, tests = supported()
    for version in dict.fromkeys((oldest, newest)):
        test_version(version, tests)


if __name__ == "__main__":
    main()
