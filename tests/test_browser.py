"""The reading page in a real headless Chromium (Debian's `chromium`), driven over the
DevTools protocol: links land where they should, the filter finds what Python finds in the same
HTML, its state survives a reload through the URL, nothing overflows a phone's width, badges
are readable in light and dark, nothing leaves the machine.

The pages: tests/fixtures/page/contract.html (hand-written to the renderer's HTML contract,
run with the shipped CSS and script) and the example site built with the MkDocs theme and
with Material. Screenshots are saved for a person to look at (tests/artifacts/, git-ignored).
Reproduce a site by hand: `mkdocs build -f example_site/mkdocs.yml`, serve example_site/site/
and open it in a browser.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import unicodedata
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

websocket = pytest.importorskip("websocket")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

ROOT = Path(__file__).parent.parent
ARTIFACTS = Path(__file__).parent / "artifacts"
ASSETS = ROOT / "src" / "mkdocs_paperlist" / "assets"
CONTRACT = Path(__file__).parent / "fixtures" / "page" / "contract.html"
FORMATS = Path(__file__).parent / "data" / "formats"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        """Keep the test output free of one line per request."""


MATERIAL_THEME = """theme:
  name: material
  # Google's fonts would be fetched from a CDN; this site makes no request elsewhere.
  font: false
  # Both schemes, as a site with a dark-mode toggle has them (slate's colours load only then).
  features: [navigation.instant]
  palette:
    - scheme: default
      toggle: {icon: material/brightness-4, name: Dark mode}
    - scheme: slate
      toggle: {icon: material/brightness-7, name: Light mode}
"""


@dataclass(frozen=True)
class Served:
    """A folder served on 127.0.0.1: `url` is its root, `root` the folder."""

    url: str
    root: Path

    def html(self, page: str) -> str:
        path = self.root / page if page.endswith(".html") else self.root / page / "index.html"
        return path.read_text(encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def _serve(directory: Path, port: int = 0) -> Iterator[Served]:
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield Served(f"http://127.0.0.1:{server.server_address[1]}", directory)
    finally:
        server.shutdown()


def _build_example(
    tmp_path_factory: pytest.TempPathFactory,
    theme: str | None,
    options: str = "",
    extra_docs: Path | None = None,
) -> Path:
    """A copy of example_site/ (its theme block replaced by `theme`, the plugin given
    `options` too, the pages in `extra_docs` added), built; the site folder."""
    source = tmp_path_factory.mktemp("example") / "example_site"
    shutil.copytree(ROOT / "example_site", source, ignore=shutil.ignore_patterns("site"))
    if extra_docs is not None:
        shutil.copytree(extra_docs, source / "docs", dirs_exist_ok=True)
    config = source / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if theme is not None:
        text, replaced = re.subn(r"^theme:\n(?:  .*\n|\s*#.*\n)*", theme, text, flags=re.M)
        assert replaced == 1, "example_site/mkdocs.yml has no theme block to replace"
    if options:
        assert "  - paperlist:\n" in text, "example_site/mkdocs.yml has no paperlist options"
        text = text.replace("  - paperlist:\n", "  - paperlist:\n" + options, 1)
    config.write_text(text, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=source, check=True, timeout=300
    )
    return source / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The example site as it is (the MkDocs theme), built and served."""
    with _serve(_build_example(tmp_path_factory, None)) as served:
        yield served


@pytest.fixture(scope="module")
def material_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The example site built with Material for MkDocs, each paper's notes shown open (the
    other value of collapse_notes than the example site's default)."""
    # Instant navigation takes over only links to the site_url's host and port.
    port = _free_port()
    theme = f"site_url: http://127.0.0.1:{port}/\n{MATERIAL_THEME}"
    site = _build_example(tmp_path_factory, theme, "      collapse_notes: false\n")
    with _serve(site, port) as served:
        yield served


@pytest.fixture(scope="module")
def formats_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The example site with the sixteen real lists of other formats added (tests/data/formats/):
    venues, the authors' own sections, badges of every kind."""
    source = tmp_path_factory.mktemp("formats-docs")
    for path in sorted(FORMATS.glob("*.md")):
        if path.name != "SOURCE-README.md":
            shutil.copy(path, source / f"format-{path.stem}.md")
    with _serve(_build_example(tmp_path_factory, None, extra_docs=source)) as served:
        yield served


@pytest.fixture(scope="module")
def contract(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The hand-written contract page next to the shipped CSS and script."""
    folder = tmp_path_factory.mktemp("contract")
    for page in CONTRACT.parent.glob("*.html"):
        shutil.copy(page, folder / page.name)
    for name in ("paperlist.css", "paperlist.js"):
        shutil.copy(ASSETS / name, folder / name)
    with _serve(folder) as served:
        yield served


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

        def loaded() -> bool:
            try:
                return bool(self.evaluate("document.readyState") == "complete")
            except RuntimeError:  # asked while the old page was going away
                return False

        _wait_until(loaded, f"{url} did not load")

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

    def viewport(self, width: int, height: int = 900) -> None:
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def prefers(self, scheme: str) -> None:
        """Emulate the system's colour scheme: "light" or "dark"."""
        self.call(
            "Emulation.setEmulatedMedia",
            features=[{"name": "prefers-color-scheme", "value": scheme}],
        )

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


def test_links_filter_network_and_screenshot(site: Served, browser: Browser) -> None:
    browser.open(f"{site.url}/mllm-medical/")
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
    # Typing in the filter (in titles: many papers' notes mention ECG).
    assert browser.evaluate("document.querySelector('.paperlist-filter').hidden") is False
    visible = (
        "Array.from(document.querySelectorAll('.paperlist-entry')).filter(e => !e.hidden)"
        ".map(e => e.querySelector('.paperlist-title').textContent)"
    )
    typing = (
        "(() => { const form = document.querySelector('.paperlist-filter');"
        " form.elements.in.value = 'title'; form.elements.q.value = %s;"
        " form.elements.q.dispatchEvent(new Event('input', {bubbles: true})); })()"
    )
    browser.evaluate(typing % "'ECG'")
    _wait_until(lambda: len(browser.evaluate(visible)) == 1, "typing ECG left other papers")
    assert browser.evaluate(visible)[0].startswith("Heartcare Suite")
    browser.evaluate(typing % "''")
    _wait_until(lambda: len(browser.evaluate(visible)) == 10, "clearing the box hid papers")
    browser.screenshot(ARTIFACTS / "mllm-medical.png")
    print(f"screenshot: {ARTIFACTS / 'mllm-medical.png'}")
    outside = [
        u for u in browser.requested_urls() if not u.startswith((site.url, "data:", "about:"))
    ]
    assert outside == [], "requests left the machine"


def test_other_lists_anchors(site: Served, browser: Browser) -> None:
    for page in ("minecraft-agents", "agent-plan"):
        browser.open(f"{site.url}/{page}/")
        entries = browser.evaluate(NOTES_LINKS)
        assert entries and all(e["found"] and e["heading"] == e["title"] for e in entries), page


def test_malformed_fragment_does_not_stop_the_script(site: Served, browser: Browser) -> None:
    # A truncated percent-escape: decodeURIComponent throws URIError on it.
    browser.open(f"{site.url}/mllm-medical/#%E0%A4%A")
    browser.evaluate("location.hash = '#%E0%A4%B'")  # and through the hashchange listener
    browser.evaluate("new Promise(resolve => setTimeout(resolve, 100))")
    thrown = [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
    assert thrown == [], thrown[0]["params"]["exceptionDetails"] if thrown else None
    assert browser.evaluate("document.querySelector('.paperlist-filter').hidden") is False


# The page as Python reads it from the HTML: what the filter should show, computed without
# the script.

FIELD_CLASSES = {
    "title": {"paperlist-title"},
    "authors": {"paperlist-authors"},
    "venue": {"paperlist-venue"},
    "notes": {"paperlist-note", "paperlist-notes"},
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class PageEntry:
    id: str
    group: str
    date: str
    venue: str
    code: str
    texts: dict[str, list[str]] = field(default_factory=lambda: {"": [""]})

    def text(self, where: str) -> str:
        return fold(" ".join(self.texts.get(where, [])) if where else self.texts[""][0])


class _EntryReader(HTMLParser):
    """Each `article.paperlist-entry`: its data attributes and the text of each field."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[PageEntry] = []
        self.depth = 0
        self.entry_depth: int | None = None
        self.open_fields: list[tuple[int, str, int]] = []  # (depth, field, part index)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = set(values.get("class", "").split())
        if tag in VOID:
            return
        self.depth += 1
        if tag == "article" and "paperlist-entry" in classes:
            self.entry_depth = self.depth
            self.entries.append(
                PageEntry(
                    values.get("id", ""),
                    values.get("data-group", ""),
                    values.get("data-date", ""),
                    values.get("data-venue", ""),
                    values.get("data-code", ""),
                )
            )
        elif self.entry_depth is not None:
            for name, wanted in FIELD_CLASSES.items():
                if classes & wanted:
                    parts = self.entries[-1].texts.setdefault(name, [])
                    parts.append("")
                    self.open_fields.append((self.depth, name, len(parts) - 1))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        self.open_fields = [f for f in self.open_fields if f[0] < self.depth]
        if self.entry_depth == self.depth:
            self.entry_depth = None
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.entry_depth is None:
            return
        texts = self.entries[-1].texts
        texts[""][0] += data
        for _, name, index in self.open_fields:
            texts[name][index] += data


def page_entries(html: str) -> list[PageEntry]:
    reader = _EntryReader()
    reader.feed(html)
    reader.close()
    return reader.entries


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def _date_in(date: str, low: str, high: str) -> bool:
    """Dates compared as far as both are known: "2023" is in 2023-05..2023-07."""
    if not low and not high:
        return True
    if not date:
        return False

    def parts(value: str) -> list[int]:
        return [int(part) for part in value.split("-")]

    for bound, is_low in ((low, True), (high, False)):
        if bound:
            length = min(len(parts(date)), len(parts(bound)))
            mine, theirs = parts(date)[:length], parts(bound)[:length]
            if (mine < theirs) if is_low else (mine > theirs):
                return False
    return True


def expected_ids(entries: list[PageEntry], **chosen: str) -> list[str]:
    """The entries the filter must show for the form values in `chosen`."""
    terms = fold(chosen.get("q", "")).split()
    where = chosen.get("in", "")
    return [
        entry.id
        for entry in entries
        if all(term in entry.text(where) for term in terms)
        and _date_in(entry.date, chosen.get("from", ""), chosen.get("to", ""))
        and (not chosen.get("venue") or entry.venue == chosen["venue"])
        and (chosen.get("code") != "yes" or entry.code == "yes")
    ]


def expected_groups(entries: list[PageEntry], shown: list[str]) -> dict[str, int]:
    counts = {entry.group: 0 for entry in entries if entry.group}
    for entry in entries:
        if entry.id in shown and entry.group:
            counts[entry.group] += 1
    return counts


SET_FILTER = """
((values) => {
  const form = document.querySelector('.paperlist-filter');
  for (const name of ['q', 'in', 'from', 'to', 'venue', 'code']) {
    const control = form.elements.namedItem(name);
    if (!control) continue;
    if (control.type === 'checkbox') control.checked = values[name] === 'yes';
    else control.value = values[name] || '';
  }
  form.dispatchEvent(new Event('change'));
})(%s)
"""

STATE = """
(() => {
  const shown = e => !e.hidden && getComputedStyle(e).display !== 'none';
  const entries = Array.from(document.querySelectorAll('.paperlist-entry'));
  const groups = {};
  for (const element of document.querySelectorAll('[data-group]:not(.paperlist-entry)')) {
    const name = element.dataset.group;
    const count = element.querySelector('.paperlist-chip-count, .paperlist-group-count');
    groups[name] = groups[name] || [];
    groups[name].push({tag: element.tagName.toLowerCase(), shown: shown(element),
                       count: count ? count.textContent.trim() : null});
  }
  const form = document.querySelector('.paperlist-filter');
  const values = {};
  for (const name of ['q', 'in', 'from', 'to', 'venue', 'code']) {
    const control = form.elements.namedItem(name);
    if (!control) continue;
    values[name] = control.type === 'checkbox' ? (control.checked ? 'yes' : '') : control.value;
  }
  return {shown: entries.filter(shown).map(e => e.id), groups, values,
          count: document.querySelector('.paperlist-count').textContent,
          search: location.search};
})()
"""


def _check_filter(
    browser: Browser, entries: list[PageEntry], chosen: dict[str, str]
) -> dict[str, Any]:
    """Set the form to `chosen` and compare what shows with what Python expects."""
    browser.evaluate(SET_FILTER % json.dumps(chosen))
    state: dict[str, Any] = browser.evaluate(STATE)
    wanted = expected_ids(entries, **chosen)
    assert state["shown"] == wanted, chosen
    assert state["count"] == f"{len(wanted)} of {len(entries)} papers", chosen
    for group, count in expected_groups(entries, wanted).items():
        for element in state["groups"][group]:
            assert element["shown"] == (count > 0), (chosen, group, element)
            if element["count"] is not None:
                assert element["count"] == str(count), (chosen, group, element)
    return state


CONTRACT_CASES: list[dict[str, str]] = [
    {},
    {"q": "agent"},
    {"q": "gpt-4"},  # the title is written in full-width letters: "ＧＰＴ-4"
    {"q": "智能体"},  # inside titles and notes without spaces
    {"q": "智能体", "in": "title"},
    {"q": "计划 大規模"},  # two terms, both must match
    {"q": "liu", "in": "authors"},
    {"q": "iclr", "in": "venue"},
    {"q": "lateral thinking", "in": "notes"},
    {"from": "2023-08", "to": "2023-08"},  # "2023" is in range for month bounds
    {"from": "2024"},
    {"to": "2023"},
    {"venue": "ICLR"},
    {"code": "yes"},
    {"code": "yes", "from": "2023", "q": "agent"},
    {"q": "nothing-matches-this"},
]


def test_contract_filter_matches_python(contract: Served, browser: Browser) -> None:
    entries = page_entries(contract.html("contract.html"))
    assert len(entries) == 8
    browser.open(f"{contract.url}/contract.html")
    assert browser.evaluate("document.querySelector('.paperlist-filter').hidden") is False
    seen = set()
    for chosen in CONTRACT_CASES:
        state = _check_filter(browser, entries, chosen)
        seen.add(len(state["shown"]))
    assert len(seen) >= 5  # the cases tell the entries apart
    # Python's model agrees with hand-counted facts about the fixture.
    assert expected_ids(entries, q="智能体") == ["paper-survey-zh", "paper-ja", "paper-undated-zh"]
    assert expected_ids(entries, **{"from": "2023-08", "to": "2023-08"}) == [
        "paper-ja",
        "paper-gpt4",
        "paper-voyager",
    ]


def test_contract_typing_is_debounced_and_enter_does_not_reload(
    contract: Served, browser: Browser
) -> None:
    browser.open(f"{contract.url}/contract.html")
    browser.evaluate("window.marker = 1")
    browser.evaluate(
        "(() => { const box = document.querySelector('.paperlist-filter input[name=q]');"
        " box.value = 'voyager'; box.dispatchEvent(new Event('input', {bubbles: true})); })()"
    )
    _wait_until(
        lambda: browser.evaluate(STATE)["shown"] == ["paper-voyager"], "typing filtered nothing"
    )
    browser.evaluate("document.querySelector('.paperlist-filter').requestSubmit()")
    assert browser.evaluate("window.marker") == 1  # the same document: no reload


def test_contract_url_round_trip_and_reset(contract: Served, browser: Browser) -> None:
    entries = page_entries(contract.html("contract.html"))
    chosen = {"q": "智能体 大", "in": "notes", "from": "2023", "to": "2024-05", "code": ""}
    browser.open(f"{contract.url}/contract.html#papers-2023-08")
    before = _check_filter(browser, entries, chosen)
    assert before["search"].startswith("?q=")
    assert browser.evaluate("location.hash") == "#papers-2023-08"  # anchors left alone
    # The shared link restores the same form and the same entries.
    link = browser.evaluate("location.href")
    browser.open("about:blank")
    browser.open(link)
    after = browser.evaluate(STATE)
    assert after["values"] == {**chosen, "venue": ""}
    assert after["shown"] == before["shown"] and after["count"] == before["count"]
    # Clear empties the form, the URL's query and shows everything.
    browser.evaluate("document.querySelector('.paperlist-filter button[type=reset]').click()")
    _wait_until(lambda: browser.evaluate(STATE)["search"] == "", "Clear left the query")
    cleared = browser.evaluate(STATE)
    assert cleared["shown"] == [entry.id for entry in entries]
    assert set(cleared["values"].values()) == {""}


def test_contract_unknown_url_values_are_ignored(contract: Served, browser: Browser) -> None:
    browser.open(f"{contract.url}/contract.html?venue=Nowhere&in=bogus&from=1999&q=voyager")
    state = browser.evaluate(STATE)
    assert state["values"]["venue"] == "" and state["values"]["in"] == ""
    assert state["shown"] == ["paper-voyager"]


LINKS = """
(selector => {
  const results = [];
  const links = Array.from(document.querySelectorAll(selector))
    // In-page links, also those Material's instant navigation made absolute.
    .filter(a => a.hash && a.origin === location.origin && a.pathname === location.pathname);
  for (const link of links) {
    for (const details of document.querySelectorAll('details.paperlist-notes[open]')) {
      details.open = false;
    }
    link.click();
    let id = link.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (error) {}
    const target = document.getElementById(id);
    let closed = 0;
    for (let d = target && target.closest('details'); d; d = d.parentElement.closest('details')) {
      if (!d.open) closed += 1;
    }
    results.push({href: link.hash, found: !!target, closed,
                  shown: !!target && target.getClientRects().length > 0});
  }
  return results;
})(%s)
"""
# The links the page itself makes: chips, TLDR/Notes badges, "Back to the paper".
PAGE_LINKS = "a.paperlist-chip, a.paperlist-notes-link, .paperlist-back a"


def _check_links(browser: Browser, page: str, selector: str = "a") -> list[dict[str, Any]]:
    """Click every in-page link (of `selector`): each lands on an element that shows, its
    notes opened."""
    results: list[dict[str, Any]] = browser.evaluate(LINKS % json.dumps(selector))
    bad = [r for r in results if not (r["found"] and r["closed"] == 0 and r["shown"])]
    assert bad == [], f"{page}: {bad[:5]}"
    return results


def _in_view(browser: Browser) -> bool:
    top = browser.evaluate(
        "(() => { const t = document.getElementById(decodeURIComponent(location.hash.slice(1)));"
        " return t ? t.getBoundingClientRect().top : -1e9; })()"
    )
    return bool(-2 <= top < 400)  # subpixel layout may leave it a fraction above


def test_contract_links_and_notes(contract: Served, browser: Browser) -> None:
    browser.open(f"{contract.url}/contract.html")
    results = _check_links(browser, "contract.html")
    assert any(r["href"] == "#japanese-notes" for r in results)
    # Loading the page with an anchor inside closed notes opens them and scrolls there.
    browser.open("about:blank")
    browser.open(f"{contract.url}/contract.html#japanese-notes")
    assert browser.evaluate("document.getElementById('notes-ja').open") is True
    _wait_until(lambda: _in_view(browser), "the notes anchor was not scrolled into view")
    # So does a hash change, and the notes' "Back to the paper" link returns to the entry.
    browser.evaluate("window.scrollTo(0, 0); location.hash = '#agentbench-notes'")
    _wait_until(
        lambda: browser.evaluate("document.getElementById('notes-agentbench').open") is True,
        "the hash change opened no notes",
    )
    _wait_until(lambda: _in_view(browser), "the notes were not scrolled into view")
    browser.evaluate("document.querySelector('#notes-agentbench .paperlist-back a').click()")
    assert browser.evaluate("location.hash") == "#paper-agentbench"
    _wait_until(lambda: _in_view(browser), "back to the paper did not scroll")


def _no_overflow(browser: Browser, width: int = 420) -> None:
    browser.viewport(width)
    wide = browser.evaluate(
        "(() => { const w = document.documentElement.clientWidth;"
        " return Array.from(document.querySelectorAll('.paperlist-controls, .paperlist-entry *'))"
        ".filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 5)"
        ".map(e => e.className || e.tagName); })()"
    )
    assert browser.evaluate("document.documentElement.scrollWidth") <= width, wide


def test_contract_phone_width(contract: Served, browser: Browser) -> None:
    browser.open(f"{contract.url}/contract.html#notes-agentbench")
    _no_overflow(browser)
    browser.screenshot(ARTIFACTS / "contract-420.png")


CONTRAST = """
(() => {
  const parse = text => {
    const m = text.match(/rgba?\\(([^)]+)\\)/);
    const [r, g, b, a] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [r, g, b, a === undefined ? 1 : a];
  };
  const background = element => {
    // The badge's own background over whatever is behind it (the page's, at the end).
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const colour = parse(getComputedStyle(e).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    let result = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) {
      result = [r, g, b].map((value, i) => value * a + result[i] * (1 - a));
    }
    return result;
  };
  const luminance = ([r, g, b]) => {
    const c = [r, g, b].map(v => v / 255)
      .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  return Array.from(document.querySelectorAll('.paperlist-badge')).map(badge => {
    const fg = parse(getComputedStyle(badge).color);
    const bg = background(badge);
    const [l1, l2] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    return {kind: badge.className, text: badge.textContent.trim(), bg: bg.map(Math.round),
            ratio: (l1 + 0.05) / (l2 + 0.05)};
  });
})()
"""


def _contrast(browser: Browser, label: str) -> list[dict[str, Any]]:
    # Themes fade link colours (Material: 125 ms); read the colours the fade ends on.
    browser.evaluate("document.getAnimations().forEach(animation => animation.finish())")
    badges: list[dict[str, Any]] = browser.evaluate(CONTRAST)
    low = [b for b in badges if b["ratio"] < 4.5]
    assert badges and low == [], f"{label}: {low[:3]}"
    return badges


def _is_dark(badges: list[dict[str, Any]]) -> bool:
    return all(sum(b["bg"]) < 3 * 128 for b in badges)


def test_contract_badge_contrast_light_and_dark(contract: Served, browser: Browser) -> None:
    browser.open(f"{contract.url}/contract.html")
    light = _contrast(browser, "light")
    assert not any(_is_dark([b]) for b in light)
    kinds = {b["kind"].split()[-1] for b in light}
    assert {"paperlist-paper", "paperlist-code", "paperlist-nocode"} <= kinds
    browser.prefers("dark")
    dark = _contrast(browser, "prefers-color-scheme: dark")
    assert _is_dark(dark)
    browser.screenshot(ARTIFACTS / "contract-dark.png")
    # Icons are masks in the text's colour: each badge kind has one.
    icons = browser.evaluate(
        "Array.from(document.querySelectorAll('.paperlist-icon'))"
        ".map(i => getComputedStyle(i).maskImage || getComputedStyle(i).webkitMaskImage)"
    )
    assert icons and all(icon.startswith('url("data:image/svg+xml') for icon in icons)


def test_light_only_theme_keeps_light_badges_under_a_dark_system(
    contract: Served, browser: Browser
) -> None:
    # Without <meta name="color-scheme" content="light dark"> the page stays white when the
    # system is dark (as Sphinx's alabaster does): the badges stay light too.
    page = contract.root / "light-only.html"
    html = contract.html("contract.html")
    page.write_text(re.sub(r'<meta name="color-scheme"[^>]*>', "", html), encoding="utf-8")
    browser.prefers("dark")
    browser.open(f"{contract.url}/light-only.html")
    assert not any(_is_dark([b]) for b in _contrast(browser, "light page, dark system"))
    # A theme that turns dark with the system gets dark badges (the contract page does).
    browser.open(f"{contract.url}/contract.html")
    assert _is_dark(_contrast(browser, "dark page, dark system"))


def test_contract_print_opens_notes_hides_controls(contract: Served, browser: Browser) -> None:
    browser.open(f"{contract.url}/contract.html")
    browser.call("Emulation.setEmulatedMedia", media="print")
    assert (
        browser.evaluate("getComputedStyle(document.querySelector('.paperlist-controls')).display")
        == "none"
    )
    browser.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert browser.evaluate(
        "Array.from(document.querySelectorAll('details.paperlist-notes')).every(d => d.open)"
    )
    browser.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert browser.evaluate(
        "Array.from(document.querySelectorAll('details.paperlist-notes')).every(d => !d.open)"
    )


# The example site, built for real with the MkDocs theme and with Material.

THEMES = ["mkdocs", "material"]
GENERATOR_LISTS = {"mllm-medical", "minecraft-agents", "agent-plan"}


def _served(request: pytest.FixtureRequest, theme: str) -> Served:
    served: Served = request.getfixturevalue("site" if theme == "mkdocs" else "material_site")
    return served


def _list_pages(served: Served) -> list[str]:
    pages = sorted(
        path.parent.name
        for path in served.root.glob("*/index.html")
        if 'class="paperlist-controls"' in path.read_text(encoding="utf-8")
    )
    assert "mllm-medical" in pages, pages
    return pages


def _options(browser: Browser, name: str) -> list[str]:
    values: list[str] = browser.evaluate(
        f"Array.from(document.querySelectorAll('.paperlist-filter select[name={name}] option'))"
        ".map(o => o.value).filter(Boolean)"
    )
    return values


@pytest.mark.parametrize("theme", THEMES)
def test_site_filter_matches_python(
    theme: str, request: pytest.FixtureRequest, browser: Browser
) -> None:
    served = _served(request, theme)
    for page in _list_pages(served):
        entries = page_entries(served.html(page))
        browser.open(f"{served.url}/{page}/")
        dates = _options(browser, "from")
        venues = _options(browser, "venue")
        cases: list[dict[str, str]] = [
            {},
            {"q": "agent"},
            {"q": "model", "in": "title"},
            {"code": "yes"},
            {"q": "the", "in": "notes", "code": "yes"},
        ]
        if dates:
            cases += [{"from": dates[len(dates) // 2]}, {"to": dates[0], "from": dates[0]}]
        if venues:
            cases.append({"venue": venues[0]})
        for chosen in cases:
            _check_filter(browser, entries, chosen)


def test_site_cjk_and_ascii_terms(site: Served, browser: Browser) -> None:
    # mllm-medical's notes are written in Chinese: "医疗" (medical) stands inside sentences
    # with no spaces around it, in many of them.
    entries = page_entries(site.html("mllm-medical"))
    browser.open(f"{site.url}/mllm-medical/")
    for chosen, at_least in [
        ({"q": "医疗"}, 5),
        ({"q": "医疗", "in": "notes"}, 5),
        ({"q": "多模态 医疗"}, 2),
        ({"q": "ECG"}, 1),
        ({"q": "ecg", "in": "title"}, 1),
    ]:
        state = _check_filter(browser, entries, chosen)
        assert len(state["shown"]) >= at_least, (chosen, state["shown"])


@pytest.mark.parametrize("theme", THEMES)
def test_site_url_round_trip(theme: str, request: pytest.FixtureRequest, browser: Browser) -> None:
    served = _served(request, theme)
    entries = page_entries(served.html("mllm-medical"))
    browser.open(f"{served.url}/mllm-medical/")
    chosen = {"q": "医疗", "code": "yes"}
    dates = _options(browser, "from")
    if dates:
        chosen["from"] = dates[0]
    before = _check_filter(browser, entries, chosen)
    link = browser.evaluate("location.href")
    assert "q=%E5%8C%BB%E7%96%97" in link and "code=yes" in link
    browser.open("about:blank")
    browser.open(link)
    after = browser.evaluate(STATE)
    assert after["shown"] == before["shown"] and after["count"] == before["count"]
    assert {k: v for k, v in after["values"].items() if v} == chosen


@pytest.mark.parametrize("theme", THEMES)
def test_site_in_page_links_land(
    theme: str, request: pytest.FixtureRequest, browser: Browser
) -> None:
    served = _served(request, theme)
    for page in _list_pages(served):
        browser.open(f"{served.url}/{page}/")
        # Every link of the generator's lists (their anchors name notes the page moves); on
        # the lists of other formats the page's own links: their authors' links are written
        # for GitHub's heading ids (paperlint reports those that resolve nowhere else).
        if page in GENERATOR_LISTS:
            assert _check_links(browser, f"{theme} {page}"), page
        else:
            _check_links(browser, f"{theme} {page}", PAGE_LINKS)  # a table has no chips


def test_site_notes_anchor_on_load(site: Served, browser: Browser) -> None:
    # The example site collapses every paper's notes (the default): a shared link to one
    # of them opens it.
    browser.open(f"{site.url}/mllm-medical/")
    anchors: list[str] = browser.evaluate(
        "Array.from(document.querySelectorAll('a.paperlist-notes-link')).map(link => link.hash)"
    )
    closed = "(id => !document.getElementById(id).closest('details').open)"
    assert anchors and all(browser.evaluate(f"{closed}({json.dumps(a[1:])})") for a in anchors)
    anchor = anchors[len(anchors) // 2]
    browser.open("about:blank")
    browser.open(f"{site.url}/mllm-medical/{anchor}")
    _wait_until(
        lambda: browser.evaluate(f"{closed}({json.dumps(anchor[1:])})") is False,
        "the notes did not open",
    )
    _wait_until(lambda: _in_view(browser), "the notes were not scrolled into view")


@pytest.mark.parametrize("theme", THEMES)
def test_site_phone_width(theme: str, request: pytest.FixtureRequest, browser: Browser) -> None:
    served = _served(request, theme)
    for page in _list_pages(served):
        browser.viewport(1280)
        browser.open(f"{served.url}/{page}/")
        _no_overflow(browser)
        # With notes open too (wide tables and code scroll inside their own box).
        browser.evaluate(
            "document.querySelectorAll('details.paperlist-notes').forEach(d => d.open = true)"
        )
        _no_overflow(browser)
        browser.screenshot(ARTIFACTS / f"{theme}-{page}-420.png")


def test_site_badge_contrast_mkdocs_theme(site: Served, browser: Browser) -> None:
    browser.open(f"{site.url}/mllm-medical/")
    assert not _is_dark(_contrast(browser, "mkdocs light"))
    browser.prefers("dark")  # the theme's own light mode wins over the system's
    assert not _is_dark(_contrast(browser, "mkdocs light, system dark"))
    browser.evaluate("document.documentElement.setAttribute('data-bs-theme', 'dark')")
    assert _is_dark(_contrast(browser, "mkdocs dark"))


def test_site_badge_contrast_material(material_site: Served, browser: Browser) -> None:
    browser.open(f"{material_site.url}/mllm-medical/")
    light = _contrast(browser, "material default")
    assert not _is_dark(light)
    browser.prefers("dark")  # Material's light scheme is not fought by the system's dark
    assert _contrast(browser, "material default, system dark") == light
    browser.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert _is_dark(_contrast(browser, "material slate"))
    browser.screenshot(ARTIFACTS / "material-slate.png")


def test_two_lists_sections_and_no_groups(contract: Served, browser: Browser) -> None:
    browser.open(f"{contract.url}/sections.html")
    lists = """
    Array.from(document.querySelectorAll('.paperlist-filter')).map(form => ({
      count: form.querySelector('.paperlist-count').textContent, hidden: form.hidden}))
    """
    assert browser.evaluate(lists) == [
        {"count": "3 of 3 papers", "hidden": False},
        {"count": "2 of 2 papers", "hidden": False},
    ]
    shown = "(id => !document.getElementById(id).hidden)"
    # The first list: an author's section heading without matches hides with its chip; the
    # parent heading, which holds no entries itself, stays.
    browser.evaluate(SET_FILTER % json.dumps({"q": "memgpt"}))
    assert [browser.evaluate(f"{shown}('{i}')") for i in ("memory", "tools", "planning")] == [
        True,
        False,
        True,
    ]
    assert browser.evaluate("document.querySelector('a[data-group=tools]').hidden") is True
    assert browser.evaluate(lists)[1]["count"] == "2 of 2 papers"  # the other list is left alone
    # The second list keeps its state under q2, code2.
    browser.evaluate(
        "(() => { const form = document.querySelectorAll('.paperlist-filter')[1];"
        " form.elements.code.checked = true; form.dispatchEvent(new Event('change')); })()"
    )
    assert browser.evaluate("location.search") == "?q=memgpt&code2=yes"
    link = browser.evaluate("location.href")
    browser.open("about:blank")
    browser.open(link)
    assert browser.evaluate(lists) == [
        {"count": "1 of 3 papers", "hidden": False},
        {"count": "1 of 2 papers", "hidden": False},
    ]
    assert browser.evaluate(f"{shown}('paper-survey-b')") and not browser.evaluate(
        f"{shown}('paper-survey-a')"
    )


def _format_pages(served: Served) -> list[str]:
    pages = [page for page in _list_pages(served) if page.startswith("format-")]
    assert len(pages) == 16, pages
    return pages


def test_formats_filter_matches_python(formats_site: Served, browser: Browser) -> None:
    seen_venue = seen_section = 0
    for page in _format_pages(formats_site):
        html = formats_site.html(page)
        entries = page_entries(html)
        browser.open(f"{formats_site.url}/{page}/")
        venues = _options(browser, "venue")
        dates = _options(browser, "from")
        cases: list[dict[str, str]] = [
            {},
            {"q": "learning"},
            {"q": "language model", "in": "title"},
            {"q": "2023", "in": "venue"},
            {"code": "yes"},
        ]
        if venues:
            cases += [{"venue": venues[0]}, {"venue": venues[-1], "q": "a"}]
        if dates:
            cases.append({"from": dates[len(dates) // 2], "code": "yes"})
        for chosen in cases:
            state = _check_filter(browser, entries, chosen)
            if chosen.get("venue") and state["shown"]:
                seen_venue += 1
            hidden_sections = [
                name
                for name, elements in state["groups"].items()
                if any(e["tag"][0] == "h" and not e["shown"] for e in elements)
            ]
            seen_section += bool(hidden_sections)
    # The lists exercise what the example site's generator lists do not.
    assert seen_venue >= 5 and seen_section >= 5, (seen_venue, seen_section)


def test_formats_links_and_phone_width(formats_site: Served, browser: Browser) -> None:
    clicked = 0
    for page in _format_pages(formats_site):
        browser.viewport(1280)
        browser.open(f"{formats_site.url}/{page}/")
        # The authors' own links are written for GitHub's heading ids (paperlint reports
        # those that do not resolve elsewhere): only the page's links are checked here.
        clicked += len(_check_links(browser, page, PAGE_LINKS))
        _no_overflow(browser)
    assert clicked > 100


def test_material_instant_navigation(material_site: Served, browser: Browser) -> None:
    # Material swaps the page's content without loading the script again; each page's list
    # is set up when it arrives, with its own state.
    browser.open(f"{material_site.url}/mllm-medical/?q=ECG&in=title")
    assert browser.evaluate(STATE)["count"] == "1 of 10 papers"
    browser.evaluate("window.sameDocument = true")
    browser.evaluate(
        "document.querySelector('a.md-nav__link[href$=\"minecraft-agents/\"]').click()"
    )
    _wait_until(
        lambda: (
            browser.evaluate("location.pathname").endswith("/minecraft-agents/")
            and browser.evaluate("document.querySelector('.paperlist-count')?.textContent")
            == "32 of 32 papers"
        ),
        "the next page's list was not set up",
    )
    if not browser.evaluate("window.sameDocument === true"):
        pytest.skip("Material loaded the page instead of swapping its content")
    entries = page_entries(material_site.html("minecraft-agents"))
    _check_filter(browser, entries, {"q": "minecraft", "in": "title"})


def test_contract_bibtex_copy_button(contract: Served, browser: Browser) -> None:
    browser.open(f"{contract.url}/contract.html")
    # The clipboard itself needs a focused window: the test watches what is written to it.
    browser.evaluate(
        "navigator.clipboard.writeText = text => {"
        " window.copied = text; return Promise.resolve(); }"
    )
    browser.evaluate("document.querySelector('.paperlist-cite .paperlist-copy').click()")
    _wait_until(lambda: browser.evaluate("window.copied") is not None, "nothing was copied")
    assert browser.evaluate("window.copied").startswith("@misc{liu2023agentbench,")
    assert browser.evaluate("document.querySelector('.paperlist-cite').open") is False
    state = "document.querySelector('.paperlist-copy').dataset.state"
    _wait_until(lambda: browser.evaluate(state) == "copied", "the button did not say so")
    label = "getComputedStyle(document.querySelector('.paperlist-copy'), '::after').content"
    assert browser.evaluate(label) == '"Copied"'
    # The label is not the paper's text: searching "copy" finds nothing.
    entries = page_entries(contract.html("contract.html"))
    assert _check_filter(browser, entries, {"q": "copy"})["shown"] == []


def test_script_loaded_twice_sets_up_once(contract: Served, browser: Browser) -> None:
    # Inline assets put the script on each list page; instant navigation may run it again.
    browser.open(f"{contract.url}/contract.html")
    browser.evaluate(
        "new Promise(resolve => { const s = document.createElement('script');"
        " s.src = 'paperlist.js'; s.onload = resolve; document.body.append(s); })"
    )
    assert browser.evaluate("document.querySelectorAll('.paperlist-copy').length") == 1
    listeners = browser.call(
        "Runtime.evaluate",
        expression="[getEventListeners(window).hashchange.length,"
        " getEventListeners(document).click.length]",
        includeCommandLineAPI=True,
        returnByValue=True,
    )["result"]["value"]
    assert listeners == [1, 1]
    entries = page_entries(contract.html("contract.html"))
    _check_filter(browser, entries, {"q": "agent"})
