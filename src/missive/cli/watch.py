"""The command `missive watch` (registered by missive.cli.app): follow feeds and pages as they publish.

Thin: it parses SOURCES and options and calls missive.following. Standard output gets one line
per new consolidated event, id first, so a script can read it; standard error gets one line per
page taken, per failure (with its reason) and per round.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table

from ..errors import MissiveError
from .listing import event_line
from .output import err, fail, out

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(s|m|h|d)")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def parse_every(value: str) -> timedelta:
    """'30s', '15m', '2h' or '1d' as a timedelta (one unit, above zero)."""
    found = _DURATION.fullmatch(value.strip().lower())
    interval = timedelta(**{_UNITS[found.group(2)]: float(found.group(1))}) if found else timedelta(0)
    if interval <= timedelta(0):
        fail(f"--every '{value}' is not a duration such as 30s, 15m, 2h or 1d")
    return interval


def watch(
    sources: Optional[list[str]] = typer.Argument(
        None, help="Feed or page URLs (http/https), or files listing them one a line (# starts a comment)."),
    every: str = typer.Option("15m", "--every", help="How often each source is polled: 30s, 15m, 2h, 1d."),
    once: bool = typer.Option(False, "--once", help="One round over every source, then exit (for cron and CI)."),
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB file (default: $MISSIVE_DB or ./missive.duckdb)."),
    list_: bool = typer.Option(False, "--list", help="Show each watched source's state, then exit."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Also fetch from private-network addresses (an intranet, a local server)."),
) -> None:
    """Follow news feeds and pages: new articles are stored with their events, new events printed."""
    if list_:
        _print_sources(db, sources or [])
        return
    if not sources:
        fail("name at least one feed or page URL, or a file listing them (missive watch --help)")
    interval = parse_every(every)
    from ..following import follow, follow_once
    from ..settings import default_settings
    from ..watch.fetch import FetchSettings

    try:
        fetch_settings = FetchSettings.from_settings(default_settings(), allow_private=allow_private)
        if once:
            followed = follow_once(sources, db, every=interval, fetch_settings=fetch_settings,
                                   on_event=_print_event, on_page=_print_page)
            _print_round(followed)
            if not (followed.report.read or followed.report.unchanged or followed.report.not_due):
                raise typer.Exit(1)
            return
        err.print(f"watching {len(sources)} source argument(s) every {every}; Ctrl+C stops", highlight=False)
        follow(sources, db, every=interval, fetch_settings=fetch_settings, on_round=_print_round,
               on_event=_print_event, on_page=_print_page, on_error=lambda message: err.print(
                   message, highlight=False, markup=False, soft_wrap=True))
    except MissiveError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        err.print("stopped; every article stored so far is kept", highlight=False)


def _print_event(event: dict[str, Any]) -> None:
    print(f"new  {event_line(event)}", flush=True)


def _print_page(result: Any) -> None:  # watch.state.PageResult, imported lazily
    err.print(result.message, highlight=False, markup=False, soft_wrap=True)


def _print_round(followed: Any) -> None:  # following.FollowedRound, imported lazily
    from ..watch.state import ItemOutcome

    report = followed.report
    for failure in report.failures:
        err.print(failure.message, highlight=False, markup=False, soft_wrap=True)
    stored = len(report.outcomes(ItemOutcome.STORED))
    waiting = f", {len(report.not_due)} not due" if report.not_due else ""
    err.print(f"round at {report.started:%Y-%m-%d %H:%M:%S %Z}: {len(report.read)} sources read, "
              f"{len(report.unchanged)} unchanged, {len(report.failed)} failed{waiting}; {len(report.pages)} new "
              f"pages ({stored} stored), {len(report.failures)} failures; {len(followed.new_events)} new events",
              highlight=False, soft_wrap=True)


def _print_sources(db: Optional[Path], named: list[str]) -> None:
    """One row per source: what it is, when it was polled, its failures, what its items became."""
    from ..following import watched_sources
    from ..watch.sources import parse_sources

    try:
        known = watched_sources(db)
    except MissiveError as exc:
        fail(str(exc))
    polled = {state.url for state, _ in known}
    fresh = [source.url for source in parse_sources(named)[0] if source.url not in polled]
    table = Table(title=f"{len(known)} watched sources" + (f", {len(fresh)} never polled" if fresh else ""))
    for column in ("source", "kind", "last polled", "last success", "failures", "validators", "items"):
        table.add_column(column, overflow="fold")
    for state, items in known:
        failures = (f"{state.consecutive_failures}: {state.last_failure.value} {state.last_failure_detail}".strip()
                    if state.last_failure else "0")
        validators = ", ".join(name for name, value in (("ETag", state.etag), ("Last-Modified", state.last_modified))
                               if value) or "none"
        table.add_row(state.url, state.kind.value, _moment(state.last_round), _moment(state.last_success), failures,
                      validators, ", ".join(f"{n} {outcome}" for outcome, n in sorted(items.items())) or "none")
    for url in fresh:
        table.add_row(url, "?", "never", "never", "0", "none", "none")
    out.print(table)


def _moment(value: Any) -> str:
    return f"{value:%Y-%m-%d %H:%M:%S %Z}".strip() if value else "never"
