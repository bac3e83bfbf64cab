"""Take the README's picture: the example site's reference list in headless Chromium.

    ./run screenshots            (or: .venv/bin/python tools/screenshot.py [--page ...])

Builds example_site/ into a temporary folder with the installed plugin, opens one page in
Debian's `chromium` at 1280x900 and writes docs/images/example-site.png. Rerun it whenever
the page's look changes, look at the picture, and commit it. CJK text and emoji need
`apt-get install fonts-noto-cjk fonts-noto-color-emoji`, or they render as boxes.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "images" / "example-site.png"
# The README links to a picture small enough to keep in the repository's history.
MAX_BYTES = 300_000


def build_site(destination: Path) -> None:
    """Build the example site into `destination` with the MkDocs of this interpreter."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    command += ["--config-file", str(ROOT / "example_site" / "mkdocs.yml")]
    command += ["--site-dir", str(destination)]
    subprocess.run(command, check=True, cwd=ROOT)


def screenshot(chromium: str, page: Path, output: Path, width: int, height: int) -> None:
    """Save a `width` x `height` picture of the top of `page`."""
    with tempfile.TemporaryDirectory() as profile:
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            # Its own profile, so that a Chromium already running (the browser test) is no
            # obstacle.
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            f"--screenshot={output}",
            page.as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or not output.is_file():
        sys.exit(f"chromium failed ({result.returncode}):\n{result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="mllm-medical", help="page of the site to show")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the PNG")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    options = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("tools/screenshot.py needs Debian's chromium: apt-get install chromium")
    options.output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build_site(site)
        page = site / options.page / "index.html"
        if not page.is_file():
            sys.exit(f"the example site has no page {options.page!r} ({page} is missing)")
        screenshot(chromium, page, options.output, options.width, options.height)
    size = options.output.stat().st_size
    print(f"wrote {options.output.relative_to(ROOT)} ({size // 1000} KB); look at it, then commit")
    if size > MAX_BYTES:
        print(f"it is over {MAX_BYTES // 1000} KB: choose a smaller --height", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
