"""Templates are compiled once per build, not once per generator."""

from __future__ import annotations

import jinja2
import pytest
from jinja2 import DictLoader, Environment

from pelican_chronicles.site.compiled import SharedCode

POST = {
    "ferry.md": """\
        Title: Ferry timetable agreed
        Date: 2024-06-19 09:00
        Sources: Harbour Press <https://harbour.example/>
        Countries: FR

        PORT ELARA (Coastal Wire) - The two councils agreed on a shared timetable.

        UPDATE (2024-06-20): The first crossing is on Monday.
        """
}


@pytest.fixture
def compiled_names(monkeypatch):
    """The names of the templates Jinja compiles from source."""
    names = []
    original = Environment.compile

    def compile_and_count(self, source, name=None, filename=None, *args, **kwargs):
        names.append(name)
        return original(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", compile_and_count)
    return names


def test_the_generators_of_a_build_compile_each_template_once(build, compiled_names):
    site = build(POST)
    # the archive (Pelican's articles generator) and the source and country
    # pages (the chronicles generator) both render these
    assert site.exists("archives.html") and site.exists("sources/harbour-press.html")
    assert compiled_names.count("chronicles/macros.html") == 1
    assert compiled_names.count("chronicles/archive_body.html") == 1
    assert compiled_names.count("base.html") == 2  # the plugin's shim and the theme's own
    caches = {id(g.env.bytecode_cache) for g in site.generators if hasattr(g, "env")}
    assert len(caches) == 1


def test_each_build_has_its_own_compiled_templates(build, compiled_names):
    first = build(POST)
    second = build(POST)
    cache = next(g.env.bytecode_cache for g in first.generators if hasattr(g, "env"))
    again = next(g.env.bytecode_cache for g in second.generators if hasattr(g, "env"))
    assert cache is not again
    assert len(again) == len(cache)  # nothing carried over, nothing piled up
    assert compiled_names.count("chronicles/macros.html") == 2


def test_a_bytecode_cache_of_the_sites_own_is_kept(build, tmp_path):
    own = jinja2.FileSystemBytecodeCache(str(tmp_path / "jinja"))
    (tmp_path / "jinja").mkdir()
    site = build(POST, JINJA_ENVIRONMENT={"trim_blocks": True, "lstrip_blocks": True, "bytecode_cache": own})
    envs = [g.env for g in site.generators if hasattr(g, "env")]
    assert envs and all(env.bytecode_cache is own for env in envs)
    assert any((tmp_path / "jinja").iterdir())


def environment(shared, **options):
    return Environment(loader=DictLoader({"page.html": "{{ 'a<b' }}"}), bytecode_cache=shared, **options)


def test_environments_that_compile_alike_share_the_code(compiled_names):
    shared = SharedCode()
    assert environment(shared).get_template("page.html").render() == "a<b"
    assert environment(shared).get_template("page.html").render() == "a<b"
    assert compiled_names == ["page.html"]


@pytest.mark.parametrize(
    "options",
    [{"autoescape": True}, {"trim_blocks": True}, {"extensions": ["jinja2.ext.loopcontrols"]}],
)
def test_environments_that_compile_differently_do_not(options, compiled_names):
    shared = SharedCode()
    environment(shared).get_template("page.html")
    other = environment(shared, **options)
    other.get_template("page.html")
    assert compiled_names == ["page.html", "page.html"]
    if options.get("autoescape"):
        assert other.get_template("page.html").render() == "a&lt;b"


def test_an_environment_with_other_filters_compiles_its_own(compiled_names):
    shared = SharedCode()
    environment(shared).get_template("page.html")
    other = environment(shared)
    other.filters["shout"] = str.upper
    other.get_template("page.html")
    assert compiled_names == ["page.html", "page.html"]


def test_a_changed_template_is_compiled_again(compiled_names):
    shared = SharedCode()
    environment(shared).get_template("page.html")
    changed = Environment(loader=DictLoader({"page.html": "{{ 'c' }}"}), bytecode_cache=shared)
    assert changed.get_template("page.html").render() == "c"
    assert compiled_names == ["page.html", "page.html"]
