"""The built example site in a real headless Chromium (Debian's `chromium`), driven over the
DevTools protocol: links land where they should, the filter works, nothing leaves the
machine. A screenshot is saved for a person to look at (tests/artifacts/, git-ignored)."""

from __future__ import annotations

import base64
import functools
import http.server
import json
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

websocket = pytest.importorskip("websocket")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

ROOT = Path(__file__).parent.parent
ARTIFACTS = Path(__file__).parent / "artifacts"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        """Keep the test output free of one line per request."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site, built and served on 127.0.0.1."""
    source = tmp_path_factory.mktemp("example") / "example_site"
    shutil.copytree(ROOT / "example_site", source, ignore=shutil.ignore_patterns("site"))
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=source, check=True, timeout=300
    )
    handler = functools.partial(_Quiet, directory=str(source / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _wait_until(
    condition: Callable[[], bool], failure: str, *, attempts: int = 600, pause: float = 0.05
) -> None:
    """Poll a condition of the browser or the page until it holds; give up after
    ``attempts`` tries (a pause between tries) with ``failure`` as the error."""
    for _ in range(attempts):
        if condition():
            return
        time.sleep(pause)
    raise AssertionError(failure)


class Browser:
    """A minimal DevTools-protocol client for one page."""

    def __init__(self, tmp: Path) -> None:
        assert CHROMIUM is not None
        profile = tmp / "profile"
        self.process = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                f"--user-data-dir={profile}",
                "--remote-debugging-port=0",
                "--window-size=1280,900",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = profile / "DevToolsActivePort"
        _wait_until(
            lambda: port_file.exists() and bool(port_file.read_text().strip()),
            "chromium did not start",
        )
        port = port_file.read_text().splitlines()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as response:
            pages = [t for t in json.load(response) if t["type"] == "page"]
        self.socket = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.call("Network.enable")
        self.call("Page.enable")
        self.call("Runtime.enable")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message.get("result", {})
            self.events.append(message)

    def evaluate(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def open(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        _wait_until(
            lambda: self.evaluate("document.readyState") == "complete", f"{url} did not load"
        )

    def requested_urls(self) -> list[str]:
        self.evaluate("1")  # drain pending events
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent"
        ]

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        self.socket.close()
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    instance = Browser(tmp_path)
    yield instance
    instance.close()


NOTES_LINKS = """
Array.from(document.querySelectorAll('.paperlist-entry')).map(entry => {
  const link = entry.querySelector('a.paperlist-notes-link');
  const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  const section = target && target.closest('.paperlist-notes');
  return {title: entry.querySelector('.paperlist-title').textContent,
          found: !!target, heading: target ? target.textContent : null,
          inSection: !!section};
})
"""


def test_links_filter_network_and_screenshot(site: str, browser: Browser) -> None:
    browser.open(f"{site}/mllm-medical/")
    entries = browser.evaluate(NOTES_LINKS)
    assert len(entries) == 10
    for entry in entries:
        assert entry["found"] and entry["inSection"], entry
        assert entry["heading"] == entry["title"]  # lands on this paper's notes
    toc = browser.evaluate(
        "Array.from(document.querySelectorAll('.paperlist-toc a'))"
        ".map(a => !!document.getElementById(a.hash.slice(1)))"
    )
    assert toc and all(toc)
    # Clicking a TLDR/Notes link scrolls to the notes heading.
    browser.evaluate("document.querySelectorAll('a.paperlist-notes-link')[6].click()")
    _wait_until(lambda: browser.evaluate("location.hash") != "", "the click changed no hash")
    assert browser.evaluate("location.hash").startswith("#heartcare-suite--")
    position = (
        "document.getElementById(decodeURIComponent(location.hash.slice(1)))"
        ".getBoundingClientRect().top"
    )
    _wait_until(
        lambda: 0 <= browser.evaluate(position) < 300,
        "the notes heading was not scrolled into view",
        attempts=100,
    )
    browser.evaluate("window.scrollTo(0, 0)")
    # Typing in the filter.
    assert browser.evaluate("document.querySelector('.paperlist-filter').hidden") is False
    browser.evaluate(
        "(() => { const box = document.querySelector('.paperlist-filter input[type=search]');"
        " box.value = 'ECG'; box.dispatchEvent(new Event('input')); })()"
    )
    visible = browser.evaluate(
        "Array.from(document.querySelectorAll('.paperlist-entry')).filter(e => !e.hidden)"
        ".map(e => e.querySelector('.paperlist-title').textContent)"
    )
    assert len(visible) == 1 and visible[0].startswith("Heartcare Suite")
    browser.evaluate(
        "(() => { const box = document.querySelector('.paperlist-filter input[type=search]');"
        " box.value = ''; box.dispatchEvent(new Event('input')); })()"
    )
    browser.screenshot(ARTIFACTS / "mllm-medical.png")
    print(f"screenshot: {ARTIFACTS / 'mllm-medical.png'}")
    outside = [u for u in browser.requested_urls() if not u.startswith((site, "data:", "about:"))]
    assert outside == [], "requests left the machine"


def test_other_lists_anchors(site: str, browser: Browser) -> None:
    for page in ("minecraft-agents", "agent-plan"):
        browser.open(f"{site}/{page}/")
        entries = browser.evaluate(NOTES_LINKS)
        assert entries and all(e["found"] and e["heading"] == e["title"] for e in entries), page


def test_malformed_fragment_does_not_stop_the_script(site: str, browser: Browser) -> None:
    # A truncated percent-escape: decodeURIComponent throws URIError on it.
    browser.open(f"{site}/mllm-medical/#%E0%A4%A")
    browser.evaluate("location.hash = '#%E0%A4%B'")  # and through the hashchange listener
    browser.evaluate("new Promise(resolve => setTimeout(resolve, 100))")
    thrown = [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
    assert thrown == [], thrown[0]["params"]["exceptionDetails"] if thrown else None
    assert browser.evaluate("document.querySelector('.paperlist-filter').hidden") is False
