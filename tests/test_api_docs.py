"""The README's tables against the code: the settings table against
``pelican_chronicles.settings``, the CSS class table against the classes the
code and the templates write and the stylesheet styles."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from pelican_chronicles.settings import DEFAULT_LABELS, SETTINGS

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pelican_chronicles"
README = (ROOT / "README.md").read_text(encoding="utf-8")

# A whole chronicles-* name: not a CSS custom property (--chronicles-ink),
# not the fixed start of a name made in code (chronicles-badge-{kind}).
NAME = re.compile(r"(?<![\w-])chronicles-[a-z0-9]+(?:-[a-z0-9]+)*(?![\w{-])")
# The fixed start of a name made in code: chronicles-badge-{kind}, chronicles-by-{{ kind }}.
MADE_NAME = re.compile(r"(?<![\w-])(chronicles-(?:[a-z0-9]+-)+)\{")
# chronicles-* names in the code that are neither classes nor ids: the
# Markdown extension's tree processors, and the ``page_name`` of the
# sources, countries, speakers and updates pages.
NOT_MARKUP = {
    "chronicles-notes", "chronicles-transcripts", "chronicles-quotes", "chronicles-datelines",
    "chronicles-updates", "chronicles-countries", "chronicles-speakers",
}


def section(title: str) -> str:
    """The README's text under ``## title``, up to the next ``## ``."""
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end != -1 else None]


def table_rows(text: str) -> list[list[str]]:
    """The cells of a Markdown table's body rows."""
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not set(line) <= set("|- "):
            rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows[1:]  # without the header


def sources(*patterns: str) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8") for pattern in patterns for path in sorted(PACKAGE.glob(pattern))
    )


# --- settings ---------------------------------------------------------------------


def documented_settings() -> dict[str, str]:
    """Setting name -> the default as the README writes it."""
    return {
        name.strip("`"): default.strip("`")
        for name, default, *_ in table_rows(section("Settings"))
        if name.startswith("`CHRONICLES_")
    }


def plain(value):
    """Tuples as lists: the README writes sequences as lists."""
    return list(value) if isinstance(value, tuple) else value


def test_every_setting_is_documented_and_no_other():
    assert sorted(documented_settings()) == sorted(SETTINGS)


def test_the_documented_defaults_are_the_settings_defaults():
    for name, written in documented_settings().items():
        if name == "CHRONICLES_LABELS":
            continue  # its keys and defaults are the block below the table
        assert ast.literal_eval(written) == plain(SETTINGS[name].default), name


def test_the_documented_labels_are_the_default_labels():
    block = re.search(r"```python\n(\{.*?\})\n```", section("Settings"), re.DOTALL)
    assert ast.literal_eval(block.group(1)) == DEFAULT_LABELS
    assert SETTINGS["CHRONICLES_LABELS"].default == {}  # the site gives only what it changes


# --- CSS classes ---------------------------------------------------------------------


def documented_classes() -> set[str]:
    names = set()
    for row in table_rows(section("CSS class API")):
        names.update(NAME.findall(row[0]))
    return names


def test_the_class_table_is_read():
    assert {"chronicles-archive", "chronicles-year", "chronicles-entry", "chronicles-badge"} <= documented_classes()


def test_every_class_the_code_and_templates_write_is_documented():
    code = sources("**/*.py", "templates/**/*.html")
    written = set(NAME.findall(code)) - NOT_MARKUP
    assert sorted(written - documented_classes()) == []


def test_every_class_the_stylesheet_styles_is_documented():
    styled = set(NAME.findall(sources("static/*.css")))
    assert sorted(styled - documented_classes()) == []


def test_every_name_made_in_code_is_documented():
    """``chronicles-badge-{kind}``: some ``chronicles-badge-...`` is in the table."""
    documented = documented_classes()
    for start in set(MADE_NAME.findall(sources("**/*.py", "templates/**/*.html"))):
        assert any(name.startswith(start) for name in documented), start


def test_every_documented_class_is_written_or_styled():
    code = sources("**/*.py", "templates/**/*.html", "static/*.css", "static/*.js")
    made = set(MADE_NAME.findall(code))
    for name in documented_classes():
        assert name in code or any(name.startswith(start) for start in made), name
