"""Tests do not depend on their order: the same warning is seen by every
test that causes it, and no test leaves the process in another locale."""

from __future__ import annotations

import locale

import pytest

POST = "Title: Ferry\nDate: 2024-06-19\nCountries: Atlantis\n\nThe ferry sailed."


@pytest.mark.parametrize("turn", ["first", "second"])
def test_a_repeated_warning_is_seen_by_every_build_that_causes_it(build, chronicles_warnings, turn):
    build({"ferry.md": POST})
    assert any("Atlantis" in message for message in chronicles_warnings()), turn


STARTED_WITH = {}


def test_a_build_with_a_locale_of_its_own_sets_it(build):
    STARTED_WITH["locale"] = started = locale.setlocale(locale.LC_ALL)
    other = "C.UTF-8" if started in ("C", "POSIX") else "C"
    build({"ferry.md": POST.replace("Atlantis", "FR")}, LOCALE=(other,))
    assert locale.setlocale(locale.LC_ALL) != started


def test_the_next_test_has_the_locale_the_last_one_started_with():
    assert locale.setlocale(locale.LC_ALL) == STARTED_WITH["locale"]
