"""The modules of pelican_chronicles import one another in one direction:
no module imports, at its top or inside a function, one that imports it
back, directly or through others."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pelican_chronicles"


def module_names() -> dict[str, Path]:
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["pelican_chronicles", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def imported(name: str, path: Path, modules) -> set[str]:
    """The package's modules that ``name`` imports anywhere in its code. A
    ``from package import name`` of a module is that module; of anything
    else, the package (its ``__init__``)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(parts + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.add(submodule if submodule in modules else source)
    return {each for each in found if each in modules and each != name}


def import_graph() -> dict[str, set[str]]:
    modules = module_names()
    return {name: imported(name, path, modules) for name, path in modules.items()}


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph``, as the modules along it, or None."""
    state: dict[str, str] = {}  # "open" while its imports are followed, then "done"
    trail: list[str] = []

    def visit(name):
        state[name] = "open"
        trail.append(name)
        for other in sorted(graph[name]):
            if state.get(other) == "open":
                return trail[trail.index(other):] + [other]
            if other not in state and (found := visit(other)):
                return found
        trail.pop()
        state[name] = "done"
        return None

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return None


def test_no_module_of_the_package_imports_itself_back():
    graph = import_graph()
    # What the graph reads: imports inside functions, relative ones, and a
    # cycle when there is one.
    assert "pelican_chronicles.text" in graph["pelican_chronicles.languages"]  # inside a method
    assert "pelican_chronicles.dates" in graph["pelican_chronicles.syntax.notes"]  # from .. import dates
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert cycle(graph) is None


def test_languages_know_nothing_of_the_settings():
    """The settings take English's words and labels from its file; the
    languages never read the settings."""
    assert "pelican_chronicles.settings" not in import_graph()["pelican_chronicles.languages"]
