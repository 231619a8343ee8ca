"""The author's commands, without a build (SPEC 16): reading the site
(``site``), checking its posts (``check``), appending a note (``note``).
No printing: ``cli.py`` parses the arguments and writes what these
functions return."""
