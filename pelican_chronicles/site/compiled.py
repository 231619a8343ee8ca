"""Compiled templates shared by the generators of one build.

Pelican gives each generator its own Jinja environment, and each compiles
the templates it renders. The theme's ``base.html`` and the plugin's
templates are rendered by Pelican's articles generator and by the chronicles
generator alike, so each would be compiled twice per build. ``SharedCode``
is a Jinja bytecode cache that keeps the compiled code in memory for the
build, where every generator's environment finds it:

    >>> from jinja2 import DictLoader, Environment
    >>> shared = SharedCode()
    >>> first = Environment(loader=DictLoader({"t.html": "{{ 1 + 1 }}"}), bytecode_cache=shared)
    >>> second = Environment(loader=DictLoader({"t.html": "{{ 1 + 1 }}"}), bytecode_cache=shared)
    >>> first.get_template("t.html").render(), second.get_template("t.html").render()
    ('2', '2')
    >>> len(shared)
    1

Code is shared only between environments that compile alike and only for
the same source (a template whose file changed is compiled again). Alike
means: the same kind of environment, syntax, autoescaping, extensions and
i18n policies, and filters and tests of the same names, defined by the
same code and passed the context alike (a filter's result on constant
arguments may be folded into the code). Pelican sets up every generator's
environment from the same settings, so within a build they share.
"""

from __future__ import annotations

import types

from jinja2.bccache import Bucket, BytecodeCache

# Environment attributes that change what the compiler writes.
_COMPILE_OPTIONS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline",
    "optimized", "autoescape", "finalize", "is_async", "intercepted_binops", "intercepted_unops",
)


def _maker(function) -> tuple:
    """What a filter or test is, as far as the compiler can tell: how Jinja
    passes it the context, and the code that defines it. Functions made
    anew for each generator from one definition compare equal, and so do
    instances of one class (Pelican's per-generator ``strftime`` filter)."""
    inner = getattr(function, "func", function)  # functools.partial: Pelican's plugin_enabled test
    code = getattr(inner, "__code__", None)
    if code is None:
        builtin = isinstance(inner, (type, types.BuiltinFunctionType, types.MethodDescriptorType))
        code = inner if builtin else type(inner)
    return getattr(function, "jinja_pass_arg", None), code


def compiles_as(environment) -> tuple:
    """What makes two environments compile a source into the same code."""
    options = tuple(getattr(environment, name, None) for name in _COMPILE_OPTIONS)
    return (
        type(environment),
        options,
        tuple(sorted(environment.extensions)),
        getattr(environment, "newstyle_gettext", None),
        repr(sorted(environment.policies.items())),
        frozenset((name, _maker(f)) for name, f in environment.filters.items()),
        frozenset((name, _maker(f)) for name, f in environment.tests.items()),
    )


class SharedCode(BytecodeCache):
    """An in-memory bytecode cache for the environments of one build. It
    holds code objects (nothing is marshalled or written to disk) and lives
    as long as the build's context."""

    def __init__(self):
        self._code: dict = {}

    def __len__(self) -> int:
        return len(self._code)

    def __reduce__(self):
        # It sits in the build's context, which Pelican's content cache may
        # pickle with each article; code objects cannot be pickled, and are
        # for this build only: a cache is saved empty.
        return (SharedCode, ())

    def get_bucket(self, environment, name, filename, source):
        key = (name, filename, compiles_as(environment))
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket):
        found = self._code.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket):
        self._code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self):
        self._code.clear()
