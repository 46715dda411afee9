"""The command `missive serve` (registered by missive.cli.app): the read-only web pages."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .output import err, fail


def serve(
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB file (default: $MISSIVE_DB or ./missive.duckdb)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on; the default keeps it on this machine."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
) -> None:
    """Serve read-only pages over the store: pairs, timelines, events with their evidence, articles."""
    import uvicorn

    from ..errors import MissiveError
    from ..store.database import Store, default_db_path
    from ..web.app import create_app

    target = db or default_db_path()
    if not target.is_file():
        fail(f"{target}: no such store; create one with `missive ingest FILES --db {target}` or `missive demo`")
    try:
        Store.open_for_reading(target).close()  # a store of an older Missive is brought up to date once, here
    except MissiveError as exc:
        fail(str(exc))
    err.print(f"Missive serving {target} on http://{host}:{port}/ (read-only; Ctrl+C stops)", highlight=False)
    uvicorn.run(create_app(target), host=host, port=port, log_level="warning")
