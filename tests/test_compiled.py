"""Templates are compiled once per build, not once per generator."""

from __future__ import annotations

import pickle

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


@pytest.mark.parametrize(
    ("other_filter", "expected"),
    [
        pytest.param(jinja2.pass_context(lambda context, value: value.upper() + "!"), "AB!", id="passed the context"),
        pytest.param(lambda value: value.lower(), "ab", id="defined by other code"),
    ],
)
def test_a_filter_of_the_same_name_made_otherwise_compiles_its_own(other_filter, expected, compiled_names):
    shared = SharedCode()
    loader = DictLoader({"page.html": "{{ 'Ab'|shout }}"})
    first = Environment(loader=loader, bytecode_cache=shared)
    first.filters["shout"] = lambda value: value.upper()
    second = Environment(loader=loader, bytecode_cache=shared)
    second.filters["shout"] = other_filter
    assert first.get_template("page.html").render() == "AB"
    assert second.get_template("page.html").render() == expected
    assert compiled_names == ["page.html", "page.html"]


class Formatter:
    """A filter made anew for each environment, as Pelican's strftime is."""

    def __call__(self, value):
        return f"<{value}>"


def test_filters_made_anew_from_one_definition_share(compiled_names):
    shared = SharedCode()
    environments = []
    for _ in range(2):
        loader = DictLoader({"page.html": "{{ 'a'|wrap }}{{ 'b'|close }}"})
        environment = Environment(loader=loader, bytecode_cache=shared)
        environment.filters["wrap"] = Formatter()
        environment.filters["close"] = (lambda tag: lambda value: f"{value}</{tag}>")("p")
        environments.append(environment)
    assert [e.get_template("page.html").render() for e in environments] == ["<a>b</p>", "<a>b</p>"]
    assert compiled_names == ["page.html"]


def test_gettext_styles_do_not_share(compiled_names):
    shared = SharedCode()
    rendered = []
    for newstyle in (True, False):
        environment = Environment(
            loader=DictLoader({"page.html": "{% trans %}Hello{% endtrans %}"}),
            extensions=["jinja2.ext.i18n"],
            bytecode_cache=shared,
        )
        environment.install_null_translations(newstyle=newstyle)
        rendered.append(environment.get_template("page.html").render())
    assert rendered == ["Hello", "Hello"]
    assert compiled_names == ["page.html", "page.html"]


def test_a_pickled_cache_is_an_empty_one():
    shared = SharedCode()
    environment(shared).get_template("page.html")
    assert len(shared) == 1
    again = pickle.loads(pickle.dumps(shared))
    assert isinstance(again, SharedCode) and len(again) == 0


def test_a_changed_template_is_compiled_again(compiled_names):
    shared = SharedCode()
    environment(shared).get_template("page.html")
    changed = Environment(loader=DictLoader({"page.html": "{{ 'c' }}"}), bytecode_cache=shared)
    assert changed.get_template("page.html").render() == "c"
    assert compiled_names == ["page.html", "page.html"]
