"""Files the plugin keeps in Pelican's ``CACHE_PATH`` (the settings digest,
the world map's outlines), written so that a build never reads half of one.
No Pelican import."""

from __future__ import annotations

import contextlib
import os
import tempfile


def write_in_cache(directory: str, name: str, data: bytes) -> None:
    """Make the file ``name`` of ``directory`` (made if missing) hold
    ``data``: written to a new file beside it, then moved in its place, so
    that no build reads half a file and a link of that name is replaced,
    never written through. Raises ``OSError``."""
    os.makedirs(directory, exist_ok=True)
    handle, written = tempfile.mkstemp(dir=directory, prefix=f".{name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(written, os.path.join(directory, name))
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(written)
        raise
