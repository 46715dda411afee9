"""`missive serve` keeps answering while `missive ingest` writes the same store; error pages
reveal nothing of the machine. Real processes: a uvicorn on 127.0.0.1, an ingest, a DuckDB file."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.model
MISSIVE = str(Path(sys.executable).parent / "missive")
PAGES = ("/", "/index.json", "/pair/CHN/PRK", "/pair/CHN/PRK.json", "/search.json?q=Xi")


def _env(**extra: str) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "COLUMNS": "200", **extra}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`missive serve` on a free local port, stopped (by its own PID) when the block ends."""

    def __init__(self, db: Path, **env: str) -> None:
        self.port = _free_port()
        self.proc = subprocess.Popen([MISSIVE, "serve", "--db", str(db), "--port", str(self.port)],
                                     env=_env(**env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Server":
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(self.url + "/static/missive.css", timeout=2)
                return self
            except httpx.TransportError:
                time.sleep(0.2)
        raise RuntimeError(f"serve did not start: {self.proc.stderr.read() if self.proc.poll() is not None else ''}")

    def __exit__(self, *exc: object) -> None:
        self.proc.kill()
        self.proc.wait()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    db = tmp_path_factory.mktemp("served") / "served.duckdb"
    subprocess.run([MISSIVE, "ingest", str(examples), "--db", str(db)], env=_env(), check=True,
                   capture_output=True, timeout=300)
    return db


def _more_articles(folder: Path, examples: Path, copies: int) -> Path:
    """Distinct articles (each example under a different opening line), to give an ingest work."""
    folder.mkdir()
    for n in range(copies):
        for article in sorted(examples.glob("*.txt")):
            text = article.read_text(encoding="utf-8")
            (folder / f"{n:03d}-{article.name}").write_text(f"Edition {n} of the newsletter.\n\n{text}",
                                                            encoding="utf-8")
    return folder


def test_pages_answer_while_an_ingest_writes_the_store(store: Path, tmp_path: Path, examples: Path):
    db = tmp_path / "busy.duckdb"
    shutil.copy(store, db)
    batch = _more_articles(tmp_path / "more", examples, copies=6)
    statuses: Counter[int] = Counter()
    slowest = 0.0
    with Server(db) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        ingest = subprocess.Popen([MISSIVE, "ingest", str(batch), "--db", str(db)], env=_env(MISSIVE_BATCH_DOCS="3"),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 300
            while ingest.poll() is None and time.monotonic() < deadline:
                for page in PAGES:
                    started = time.monotonic()
                    statuses[client.get(page).status_code] += 1
                    slowest = max(slowest, time.monotonic() - started)
        finally:
            if ingest.poll() is None:
                ingest.kill()
            _, err = ingest.communicate()
        assert ingest.returncode == 0, err
        assert "30 new articles" in err
        home = client.get("/index.json").json()
    assert sum(statuses.values()) >= 20, statuses  # the pages were asked throughout the ingest
    assert statuses == Counter({200: sum(statuses.values())}), statuses
    assert home["counts"]["documents"] == 35
    print(f"\n{sum(statuses.values())} page loads during the ingest, {dict(statuses)}, slowest {slowest:.2f} s")


def _reveals_nothing(body: str, db: Path, pid: int) -> None:
    for secret in (str(db), str(db.parent), "Traceback", "python", sys.prefix, f"PID {pid}", str(pid)):
        assert secret not in body, secret


def test_error_pages_say_what_happened_and_reveal_no_path(store: Path, tmp_path: Path):
    db = tmp_path / "held.duckdb"
    shutil.copy(store, db)
    with Server(db, MISSIVE_READ_WAIT_SECONDS="0.5") as server:
        missing = httpx.get(server.url + "/event/no-such-event")
        assert missing.status_code == 404 and "No event" in missing.text
        _reveals_nothing(missing.text, db, server.proc.pid)
        holder = subprocess.Popen([sys.executable, "-c", "import duckdb, time\n"
                                   f"c = duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(60)"],
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "held"
            for page in ("/", "/index.json", "/pair/CHN/PRK"):
                busy = httpx.get(server.url + page)
                assert busy.status_code == 503 and "busy" in busy.text and busy.headers["retry-after"]
                _reveals_nothing(busy.text, db, server.proc.pid)
                _reveals_nothing(busy.text, db, holder.pid)
        finally:
            holder.kill()
            holder.wait()
        again = httpx.get(server.url + "/")
        assert again.status_code == 200
    for response in (missing, busy, again):
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"


def test_serve_says_why_when_the_store_does_not_exist(tmp_path: Path):
    run = subprocess.run([MISSIVE, "serve", "--db", str(tmp_path / "gone.duckdb")], env=_env(),
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "no such store" in run.stderr
    assert not (tmp_path / "gone.duckdb").exists()
    assert os.listdir(tmp_path) == []
