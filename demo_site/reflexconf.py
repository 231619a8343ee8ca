"""The demo site in a third-party theme: Reflex, Flex's successor on PyPI.

    pip install pelican-theme-reflex
    pelican -s demo_site/reflexconf.py

writes demo_site/output-reflex/. Everything but the theme is the demo's
own settings (pelicanconf.py); the plugin needs no template of the theme
changed. The settings below the THEME line are the theme's own: Reflex
expects them with or without the plugin.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403
from pelican.themes import reflex  # noqa: E402

THEME = reflex.path()
OUTPUT_PATH = os.path.join(HERE, "output-reflex")  # noqa: F405

SITETITLE = SITENAME  # noqa: F405
SITESUBTITLE = "Invented news, real plugin"
COPYRIGHT_NAME = AUTHOR  # noqa: F405
COPYRIGHT_YEAR = 2026
CC_LICENSE = {
    "name": "Creative Commons Attribution",
    "version": "4.0",
    "slug": "by",
    "icon": False,
    "language": "en_US",
}
MAIN_MENU = True
USE_GOOGLE_FONTS = False  # the demo loads nothing from elsewhere
