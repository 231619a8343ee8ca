"""Which URLs may reach href and cite (SPEC 11): http, https, mailto and
relative URLs only."""

import pytest
from timing import assert_linear, repeat

from pelican_chronicles.urls import safe_url


@pytest.mark.parametrize(
    "url",
    [
        "https://agency.example/item",
        "http://agency.example/item?id=3&lang=en",
        "HTTPS://AGENCY.EXAMPLE/",
        "mailto:desk@agency.example",
        "/2024/06/treaty.html",
        "treaty.html",
        "../archives.html#year-2024",
        "#quote-1",
        "?page=2",
        "//agency.example/item",
        "notes/2024:06.html",  # a colon after the first slash is no scheme
    ],
)
def test_allowed_urls_pass_unchanged(url):
    assert safe_url(url) == url


def test_surrounding_whitespace_is_trimmed():
    assert safe_url("  https://agency.example/item \n") == "https://agency.example/item"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "\x01javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "java\x00script:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://files.example/",
        "ｊavascript:alert(1)",  # a full-width letter is no scheme character
        "\u00a0javascript:alert(1)",
        "treaty\x00.html",  # control characters belong in no URL
        "treaty\x7f.html",
    ],
)
def test_other_schemes_and_disguises_are_rejected(url):
    assert safe_url(url) is None


@pytest.mark.parametrize("url", [None, "", "   ", "\t\n"])
def test_empty_url_is_rejected(url):
    assert safe_url(url) is None


def test_adversarial_text_takes_linear_time():
    assert_linear(safe_url, lambda n: repeat("a", n) + ":")
    assert_linear(safe_url, lambda n: repeat("&#", n))
    assert_linear(safe_url, lambda n: repeat("java\t", n) + "script:")
