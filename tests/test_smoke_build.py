from conftest import normalize, render


def test_update_note_renders_section():
    html = render("UPDATE: The vote moved to Friday.")
    assert 'id="update-1"' in html


def test_build_writes_clean_slug(build):
    site = build({"a.md": "Title: (UPDATE) Talks resume\nDate: 2024-06-19\n\nUPDATE: More."})
    assert site.exists("talks-resume.html")
    assert normalize("<p> a </p>\n<p>b</p>") == "<p> a </p><p>b</p>"
