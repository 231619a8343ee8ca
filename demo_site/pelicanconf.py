"""Settings for the pelican-chronicles demo site.

Build it from the repository root with

    pelican -s demo_site/pelicanconf.py

and open demo_site/output/index.html. Every path here is relative to this
file, so the command works from any directory.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

AUTHOR = "Demo Desk"
SITENAME = "Chronicle Demo (sample site)"
SITESUBTITLE = "Invented news, real plugin: a sample site for pelican-chronicles"
SITEURL = ""

PATH = os.path.join(HERE, "content")
OUTPUT_PATH = os.path.join(HERE, "output")
PAGE_PATHS = ["pages"]
ARTICLE_EXCLUDES = ["pages"]

TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%d %B %Y"

PLUGINS = ["pelican_chronicles"]

# The publisher named in each post's JSON-LD, with the page that says how
# the site corrects its posts (absolute: the demo is previewed without
# SITEURL, at the address FEED_DOMAIN stands in for).
CHRONICLES_PUBLISHER = {"correctionsPolicy": "https://chronicle-demo.example/pages/about.html#corrections"}

# THEME is left at Pelican's default (notmyidea): the plugin needs no
# template changes.
RELATIVE_URLS = False

# Feeds: the site-wide Atom feed only. The plugin adds its own feed of
# update and correction notes (feeds/updates.atom.xml by default).
# Feeds need absolute links; SITEURL stays "" so the site can be previewed
# locally, and this reserved example domain stands in for the real one
# (without it Pelican warns, and `pelican --fatal warnings` stops).
FEED_DOMAIN = "https://chronicle-demo.example"
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}.html"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}.html"
# Posts in Russian, Arabic and Chinese (Lang: ru, ar, zh) keep the same
# pattern, with the language after the slug.
ARTICLE_LANG_URL = "{date:%Y}/{date:%m}/{slug}-{lang}.html"
ARTICLE_LANG_SAVE_AS = "{date:%Y}/{date:%m}/{slug}-{lang}.html"

# Period archives: the plugin renders them in the chronicle layout.
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"

DEFAULT_PAGINATION = 10

DISPLAY_PAGES_ON_MENU = True
DISPLAY_CATEGORIES_ON_MENU = True
MENUITEMS = (
    ("Archive", "/archives.html"),
    ("Updates and corrections", "/updates/"),
    ("Sources", "/sources/"),
    ("Countries", "/countries/"),
    ("Speakers", "/speakers/"),
)

# No blogroll or social links: everything on this site is invented.
LINKS = ()
SOCIAL = ()
