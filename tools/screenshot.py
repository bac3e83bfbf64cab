"""Take the README's pictures: the example site's reference list in headless Chromium.

    ./run screenshots            (or: .venv/bin/python tools/screenshot.py [--page ...])

Builds example_site/ into a temporary folder with the installed plugin (once as it is, once
with the MkDocs theme's dark colour mode), opens one page in Debian's `chromium` and writes
docs/images/example-site.png (desktop, light), example-site-dark.png (desktop, dark) and
example-site-phone.png (420 px wide). Rerun it whenever the page's look changes, look at the
pictures, and commit them. CJK text and emoji need
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
OUTPUT = ROOT / "docs" / "images"
# name -> (width, height, dark)
SHOTS = {
    "example-site.png": (1280, 900, False),
    "example-site-dark.png": (1280, 900, True),
    "example-site-phone.png": (420, 900, False),
}
# The README links to a picture small enough to keep in the repository's history.
MAX_BYTES = 300_000


def build_site(destination: Path, *, dark: bool) -> None:
    """Build a copy of the example site into `destination` with the MkDocs of this
    interpreter; `dark` sets the MkDocs theme's colour mode to dark."""
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "example_site"
        shutil.copytree(ROOT / "example_site", source, ignore=shutil.ignore_patterns("site"))
        config = source / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        if dark:
            text = text.replace(
                "theme:\n  name: mkdocs\n", "theme:\n  name: mkdocs\n  color_mode: dark\n"
            )
            if "color_mode: dark" not in text:
                sys.exit("example_site/mkdocs.yml no longer starts its theme with `name: mkdocs`")
        config.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
        command += ["--config-file", str(config), "--site-dir", str(destination)]
        subprocess.run(command, check=True, cwd=source)


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
    parser.add_argument("--page", default="minecraft-agents", help="page of the site to show")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="folder for the PNGs")
    options = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("tools/screenshot.py needs Debian's chromium: apt-get install chromium")
    options.output.mkdir(parents=True, exist_ok=True)
    status = 0
    with tempfile.TemporaryDirectory() as work:
        sites = {}
        for dark in (False, True):
            sites[dark] = Path(work) / ("dark" if dark else "light")
            build_site(sites[dark], dark=dark)
        for name, (width, height, dark) in SHOTS.items():
            page = sites[dark] / options.page / "index.html"
            if not page.is_file():
                sys.exit(f"the example site has no page {options.page!r} ({page} is missing)")
            output = options.output / name
            screenshot(chromium, page, output, width, height)
            size = output.stat().st_size
            print(f"wrote {output} ({size // 1000} KB)")
            if size > MAX_BYTES:
                print(f"{name} is over {MAX_BYTES // 1000} KB: make it smaller", file=sys.stderr)
                status = 1
    print("look at them, then commit")
    return status


if __name__ == "__main__":
    sys.exit(main())
