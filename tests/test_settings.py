"""CHRONICLES_* settings (SPEC 10): defaults, and a build stopped by a wrong value."""

import pytest

from pelican_chronicles.settings import SETTINGS, SettingsError, check


def test_defaults_pass_their_own_checks():
    checked = check({})
    assert set(checked) == set(SETTINGS)
    assert checked["CHRONICLES_UPDATES_FEED"] == "feeds/updates.atom.xml"
    assert checked["CHRONICLES_UPDATE_LOG"] is True


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("CHRONICLES_UPDATE_LOG", "yes", "CHRONICLES_UPDATE_LOG must be True or False, not 'yes'"),
        ("CHRONICLES_UPDATE_WORDS", "Update", "CHRONICLES_UPDATE_WORDS must be a non-empty list of words"),
        ("CHRONICLES_UPDATE_WORDS", [], "CHRONICLES_UPDATE_WORDS must be a non-empty list of words"),
        ("CHRONICLES_UPDATES_FEED", "/feeds/u.xml", "CHRONICLES_UPDATES_FEED must be a relative output path"),
        ("CHRONICLES_SOURCE_SAVE_AS", "sources/x.html", "CHRONICLES_SOURCE_SAVE_AS must be a relative path containing '{slug}'"),
        ("CHRONICLES_LABELS", {"colour": "red"}, "CHRONICLES_LABELS must be only the keys"),
        ("CHRONICLES_STYLESHEET", 3, "CHRONICLES_STYLESHEET must be True, False, or the URL"),
    ],
)
def test_a_wrong_value_names_the_setting_and_what_it_expects(name, value, message):
    with pytest.raises(SettingsError) as raised:
        check({name: value})
    assert str(raised.value).startswith(message)


def test_an_unknown_chronicles_setting_is_a_typo():
    with pytest.raises(SettingsError, match="CHRONICLES_UPDATE_LOGS is not a pelican-chronicles setting"):
        check({"CHRONICLES_UPDATE_LOGS": False})


def test_labels_given_fill_in_the_languages_own(build):
    site = build({"a.md": "Title: A\nDate: 2024-01-01\n\nText."}, CHRONICLES_LABELS={"update": "Mise à jour"})
    labels = site.pelican.settings["CHRONICLES_LABELS"]
    assert labels["update"] == "Mise à jour"
    assert labels["correction"] == "Correction"


def test_a_build_with_a_wrong_setting_stops(build):
    with pytest.raises(SettingsError, match="CHRONICLES_DAYFIRST must be True, False or None"):
        build({"a.md": "Title: A\nDate: 2024-01-01\n\nText."}, CHRONICLES_DAYFIRST="no")
