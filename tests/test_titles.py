"""Update flags in titles (SPEC 1)."""

import pytest

from pelican_chronicles.titles import split_flags

UPDATE_WORDS = ("Update", "Updated", "Edit", "Addendum")
CORRECTION_WORDS = ("Correction", "Corrected")


@pytest.mark.parametrize(
    "title, clean, flags",
    [
        ("(UPDATE) Partnership treaty signed", "Partnership treaty signed", ("update",)),
        ("[UPDATE] Partnership treaty signed", "Partnership treaty signed", ("update",)),
        ("UPDATE: Partnership treaty signed", "Partnership treaty signed", ("update",)),
        ("UPDATED: Partnership treaty signed", "Partnership treaty signed", ("update",)),
        ("UPDATE 2-Talks resume at the port", "Talks resume at the port", ("update",)),
        ("UPDATE 3 - Talks resume at the port", "Talks resume at the port", ("update",)),
        ("(CORRECTED) Budget figures for 2024", "Budget figures for 2024", ("correction",)),
        ("CORRECTION: Budget figures for 2024", "Budget figures for 2024", ("correction",)),
        ("update: lower case counts too", "lower case counts too", ("update",)),
        ("(UPDATE) (CORRECTED) Both flags", "Both flags", ("update", "correction")),
    ],
)
def test_flags_are_removed_from_the_title(title, clean, flags):
    assert split_flags(title, UPDATE_WORDS, CORRECTION_WORDS) == (clean, flags)


@pytest.mark.parametrize(
    "title",
    [
        "Updates on the rail talks",
        "Update the map before the vote",
        "Editorial: a long week",
        "Edit-a-thon draws 200 volunteers",
        "Update-ready phones go on sale",
        "The correction that never came",
        "(UPDATE)",
    ],
)
def test_titles_without_a_flag_stay(title):
    assert split_flags(title, UPDATE_WORDS, CORRECTION_WORDS) == (title, ())


def test_flag_words_are_configurable():
    assert split_flags("(MISE À JOUR) Accord signé", ("Mise à jour",), ("Rectificatif",)) == (
        "Accord signé",
        ("update",),
    )
