"""Built sites in Debian's Chromium, for the browser tests: serving a
directory on 127.0.0.1, and opening its pages with their errors recorded.
The browser is the system's /usr/bin/chromium; nothing is downloaded."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass

    def do_GET(self):
        if self.path == "/favicon.ico":  # the demo has none; not an error of ours
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()


@contextlib.contextmanager
def served(directory) -> Iterator[str]:
    """The base URL of ``directory`` served on 127.0.0.1 while in the block."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@contextlib.contextmanager
def chromium() -> Iterator:
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def page_opener(browser, base: str) -> Iterator:
    """``open_page(path, width=1280, color_scheme="light")`` -> (page,
    errors); ``errors`` collects console errors, uncaught exceptions, failed
    requests and HTTP errors while the page lives. Pages close at the end."""
    pages = []

    def open_page(path, width=1280, color_scheme="light"):
        page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=color_scheme)
        errors = []
        page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r: errors.append(f"requestfailed: {r.url}"))
        page.on("response", lambda r: errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        page.goto(f"{base}/{path}", wait_until="load")
        pages.append(page)
        return page, errors

    try:
        yield open_page
    finally:
        for page in pages:
            page.close()


def screenshot(page, path, shows: str, **options) -> None:
    """A picture for the docs, taken once the page shows what it is meant
    to: ``shows`` (a CSS selector) visible and of a readable size, and the
    chronicles stylesheet applied. The PNG written has the page's width."""
    shown = page.locator(shows).first
    assert shown.is_visible(), f"{shows} is not visible"
    box = shown.bounding_box()
    assert box["width"] >= 200 and box["height"] >= 40, f"{shows} is {box}"
    accent = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--chronicles-accent')")
    assert accent.strip(), "the chronicles stylesheet does not apply"
    png = page.screenshot(path=str(path), **options)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(png[16:20], "big")
    expected = options["clip"]["width"] if "clip" in options else page.viewport_size["width"]
    assert width == round(expected), (width, expected)
