"""A page's events as a file: CSV, JSON lines or Parquet, at the page's own address with a suffix.

/pair/CHN/PRK.csv?type=message holds the events /pair/CHN/PRK?type=message shows, in the same
order: the rows come from the same EventFilter and order (store.filters) through the export's
row builder and writers (missive.export), so a download has the columns, CAMEO/PLOVER codes
and types of `missive export`. A page that shows its events a page at a time downloads all of them.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from fastapi.responses import Response

from ..export.codes import CodeTable
from ..export.rows import EVENT_COLUMNS, event_row
from ..export.writers import write_csv, write_jsonl, write_parquet
from ..store.exports import consolidated_chunks
from ..store.filters import EventFilter
from ..store.queries import Reader

DOWNLOADS = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}


def _rows(reader: Reader, f: EventFilter, order: str) -> Iterator[list[dict]]:
    table = CodeTable.load()
    for chunk in consolidated_chunks(reader.store, f, order):
        yield [event_row(flat, table) for flat in chunk]


def download(reader: Reader, f: EventFilter, order: str, fmt: str, name: str) -> Response:
    """The filtered events as a file named `name`.`fmt` (an attachment: the browser saves it)."""
    if fmt == "parquet":
        body: bytes = _parquet(_rows(reader, f, order))
    else:
        text = io.StringIO()
        if fmt == "csv":
            write_csv(_rows(reader, f, order), [c.name for c in EVENT_COLUMNS], text)
        else:
            write_jsonl(_rows(reader, f, order), text)
        body = text.getvalue().encode("utf-8")
    return Response(body, media_type=DOWNLOADS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


def _parquet(chunks: Iterator[list[dict]]) -> bytes:
    sink = io.BytesIO()
    write_parquet(chunks, EVENT_COLUMNS, sink)
    return sink.getvalue()
