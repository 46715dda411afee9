"""Commands over articles: extract, ingest, list stored events, the demo, clean, actors.

Each command parses its arguments and calls one library function; errors a user can cause (a
missing file, a broken article, a bad date) print one line naming the file and the reason on
stderr, and the exit code is non-zero only when nothing could be done.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from ..errors import MissiveError
from ..model import Skip, event_to_flat
from .listing import print_events
from .output import err, fail, out, parse_day, progress_bar, warn_skip, write_rows

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"  # the five seed articles, shipped in the package
DEMO_DB = Path("missive-demo.duckdb")


def extract(
    paths: list[Path] = typer.Argument(..., help="Article files (.txt, .html, .jsonl) or folders."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl or csv."),
    explain: bool = typer.Option(False, "--explain", help="Print, per trigger, the sentence, the pattern and the reasons."),
) -> None:
    """Extract events from articles and write them in the flat event format."""
    from ..pipeline import process, read_budgeted

    if fmt not in ("jsonl", "csv"):
        fail(f"--format '{fmt}' is not one of jsonl, csv")
    rows, n_docs, n_skips = [], 0, 0
    with progress_bar("extracting", _count_inputs(paths)) as advance:
        for result in process(read_budgeted(paths)):
            advance()
            if isinstance(result, Skip):
                n_skips += 1
                warn_skip(result)
                continue
            doc, explained = result
            n_docs += 1
            rows += [event_to_flat(e) for e in explained.events]
            if explain:
                _print_explanation(doc.doc_id, explained)
    dest = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        write_rows(rows, fmt, dest)
    finally:
        if output:
            dest.close()
    err.print(f"{n_docs} articles, {len(rows)} events, {n_skips} skipped", highlight=False)
    if n_docs == 0:
        raise typer.Exit(1)


def _print_explanation(doc_id: str, explained) -> None:
    err.print(f"[bold]{doc_id}[/bold]: report day {explained.report_day.iso()} ({explained.report_day.reason})",
              highlight=False, soft_wrap=True)
    for c in explained.conflicts:
        err.print(f"  conflict: {c}", highlight=False, soft_wrap=True, markup=False)
    for line in explained.lines:
        err.print(f"  {line}", highlight=False, soft_wrap=True, markup=False)
    for e in explained.events:
        err.print(f"  EVENT {e.type} {e.source.name if e.source else ''} -> {e.target.name if e.target else ''}"
                  f" {e.when.iso()}: {'; '.join(e.reasons)}", highlight=False, soft_wrap=True, markup=False)


def _ingest(paths: list[Path], db: Optional[Path], force: bool = False) -> "object":
    from ..pipeline import ingest as run_ingest
    from ..store.database import default_db_path

    target = db or default_db_path()
    with progress_bar("ingesting", _count_inputs(paths)) as advance:
        summary = run_ingest(paths, target, on_item=advance, force=force, on_skip=warn_skip)
    err.print(summary_line(summary), highlight=False, soft_wrap=True)
    return summary


def summary_line(summary) -> str:  # noqa: ANN001 - pipeline.IngestSummary, imported lazily
    """The ingest's numbers, written so that they add up."""
    redone = f"{summary.redone} re-extracted, " if summary.redone else ""
    replacing = f" ({summary.replaced} replacing an earlier version)" if summary.replaced else ""
    return (f"{summary.inputs} inputs: {summary.documents} new articles{replacing}, {redone}{summary.unchanged} "
            f"unchanged, {len(summary.skips)} skipped; {summary.events} events; the store holds "
            f"{summary.held_after} articles (was {summary.held_before})")


def _ingest_in_parallel(paths: list[Path], db: Optional[Path], force: bool, workers: int,
                        scheduler: Optional[str], shard_size: int) -> "object":
    """The corpus ingest of missive.batch: a line per stored shard on stderr (a long run is followed
    in its log), each skip's line, then the summary, with the shards an earlier run had stored."""
    from ..batch import ingest_corpus
    from ..store.database import default_db_path

    summary = ingest_corpus(paths, db or default_db_path(), workers=workers, scheduler=scheduler,
                            shard_size=shard_size, force=force, on_shard=_print_shard, on_skip=warn_skip)
    resumed = (f"{summary.resumed_shards} shards ({summary.resumed_inputs} inputs) were stored by an earlier run; "
               if summary.resumed_shards else "")
    failed = f"{len(summary.failures)} shards failed (re-run to retry them); " if summary.failures else ""
    err.print(f"{summary.shards} shards stored; {resumed}{failed}{summary_line(summary)}", highlight=False,
              soft_wrap=True)
    return summary


def _print_shard(outcome: "object", summary: "object") -> None:  # a batch.ShardResult or a failure's line
    if isinstance(outcome, str):
        err.print(outcome, highlight=False, markup=False, soft_wrap=True)
        return
    err.print(f"shard {summary.shards} stored: {outcome.label} ({len(outcome.articles)} articles, "
              f"{sum(a.n_events for a in outcome.articles)} events, {len(outcome.skips)} skipped; "
              f"{outcome.seconds:.1f} s in worker {outcome.worker_pid})", highlight=False, markup=False,
              soft_wrap=True)


def _count_inputs(paths: list[Path]) -> int:
    from ..documents.reading import iter_paths

    return sum(1 for _ in iter_paths(paths))


def ingest(
    paths: list[Path] = typer.Argument(..., help="Article files, folders or corpora (.jsonl, .ndjson, .parquet)."),
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB file (default: $MISSIVE_DB or ./missive.duckdb)."),
    force: bool = typer.Option(False, "--force", help="Extract again articles already stored (after an upgrade)."),
    workers: int = typer.Option(0, "--workers", help="Extract in N local processes (a Dask LocalCluster); "
                                                     "0 extracts in this process."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Extract on a running Dask cluster, e.g. "
                                                                       "tcp://10.0.0.5:8786."),
    shard_size: int = typer.Option(64, "--shard-size", help="Articles per shard with --workers or --scheduler: "
                                                            "the unit sent to a worker and checkpointed."),
) -> None:
    """Store articles and their events; re-ingesting the same content adds nothing."""
    if workers < 0 or shard_size < 1:
        fail("--workers must be 0 or more and --shard-size 1 or more")
    try:
        if workers or scheduler:
            summary = _ingest_in_parallel(paths, db, force, workers or 2, scheduler, shard_size)
        else:
            summary = _ingest(paths, db, force)
    except MissiveError as exc:
        fail(str(exc))
    if summary.processed == 0:
        raise typer.Exit(1)


def demo(
    db: Path = typer.Option(DEMO_DB, "--db", help="DuckDB file for the demo (its own, never $MISSIVE_DB)."),
    articles: Path = typer.Option(EXAMPLES, "--articles", help="Folder of example articles."),
    force: bool = typer.Option(False, "--force", help="Add the examples to an existing store given with --db."),
) -> None:
    """Ingest the bundled example articles into the demo's own store and print their events.

    The demo never deletes or replaces a store: by default it writes ./missive-demo.duckdb (again
    and again: ingesting the same articles adds nothing), and another existing file given with
    --db is only added to with --force."""
    from ..store.database import Store
    from ..store.queries import Reader

    if db != DEMO_DB and db.exists() and not force:
        fail(f"{db} exists; the demo writes only its own store ({DEMO_DB}). Pass --force to add the example "
             "articles to it (nothing is deleted)")
    try:
        _ingest([articles], db)
        with Store.open(db, read_only=True) as store:
            rows = Reader(store).events(order="-date")
    except MissiveError as exc:
        fail(str(exc))
    print_events(rows, f"Missive demo: {len(rows)} events from the bundled articles ({db}); "
                       f"see them with `missive serve --db {db}`")


def clean(
    file: Path = typer.Argument(..., help="An article (.txt or .html)."),
    as_json: bool = typer.Option(False, "--json", help="Cleaned text with metadata and every removal with its reason."),
) -> None:
    """Print an article's cleaned text (or, with --json, what cleaning kept, removed and why)."""
    from ..documents.clean import cleaning_trace
    from ..pipeline import read_documents

    results = list(read_documents([file]))
    docs = [r for r in results if not isinstance(r, Skip)]
    for r in results:
        if isinstance(r, Skip):
            warn_skip(r)
    if not docs:
        raise typer.Exit(1)
    if as_json:
        out.print_json(json.dumps(cleaning_trace(docs[0]), ensure_ascii=False, default=str))
    else:
        sys.stdout.write(docs[0].cleaned + "\n")


def actors(
    text: str = typer.Argument(..., help="A sentence."),
    on: Optional[str] = typer.Option(None, "--date", help="The article's date, YYYY-MM-DD (titles depend on it)."),
) -> None:
    """Print the actors resolved in a sentence, with the reason for each."""
    from ..actors.resolver import ActorResolver

    day = parse_day(on, "--date")
    table = Table(title=f"actors{' on ' + day.isoformat() if day else ''}")
    for col in ("mention", "actor", "country", "kind", "role", "reason"):
        table.add_column(col, overflow="fold")
    for m in ActorResolver.default().find_mentions(text, day):
        a = m.actor
        table.add_row(m.text, a.name, a.country, a.kind, a.role, a.reason)
    out.print(table)
