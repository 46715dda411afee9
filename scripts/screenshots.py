"""Screenshots of the pair, country, event and article pages for the README, taken with Debian's chromium.

    .venv/bin/python scripts/screenshots.py [--db demo.duckdb] [--pair CHN PRK] [--out docs/screenshots]

Builds the demo store when --db does not exist (`missive demo`), starts `missive serve` on a free
local port, and saves each page at a desktop width (NAME-desktop.png, 1200 px) and a phone width
(NAME-phone.png, 390 px). Never runs `playwright install`: it drives /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
MISSIVE = [sys.executable, "-c", "from missive.cli.app import app; app()"]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen | None = None, timeout: float = 180.0) -> None:
    """Poll the server's page until it answers (the browser tests start `missive serve` the same way);
    a server reniced on a shared machine took over 60 s to import its libraries."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            raise RuntimeError(f"missive serve exited with {server.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as fh:
        return json.load(fh)


def pick_event(pair: dict) -> dict:
    """The most reported message that is not background, else the first event."""
    events = [e for g in pair["timeline"] for e in g["events"]]
    foreground = [e for e in events if e["type"] == "message" and not e.get("background")] or events
    return max(foreground, key=lambda e: (e.get("n_reports", 1), e.get("n_sources", 1), e["date_max"] or ""))


VIEWPORTS = {"desktop": {"width": 1200, "height": 1400}, "phone": {"width": 390, "height": 844}}


def shoot(base: str, a: str, b: str, out: Path) -> list[Path]:
    pair = get_json(f"{base}/pair/{a}/{b}.json")
    event = pick_event(pair)
    shots = [(f"/pair/{a}/{b}", "pair"), (f"/country/{b}", "country"), (f"/event/{event['event_id']}", "event"),
             (f"/article/{event['doc']}", "article")]
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for width, viewport in VIEWPORTS.items():
            page = browser.new_page(viewport=viewport, device_scale_factor=1)
            for path, name in shots:
                page.goto(base + path)
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=False)
                saved.append(target)
            page.close()
        browser.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "demo.duckdb")
    parser.add_argument("--pair", nargs=2, default=["CHN", "PRK"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if not args.db.exists():
        subprocess.run([*MISSIVE, "demo", "--db", str(args.db)], check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen([*MISSIVE, "serve", "--db", str(args.db), "--port", str(port)])
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/")
        for path in shoot(base, *args.pair, args.out):
            print(path)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
