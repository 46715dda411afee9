"""Portions of the inputs that a worker process reads on its own, for parallel ingests.

A parallel ingest sends workers portions, not texts, wherever the worker can find the texts
itself: a list of article files, a byte range of a JSONL file, a run of a Parquet file's row
groups. Only where seeking is impossible (a gzipped JSONL file, a Parquet file whose row groups
are too large to split) does the client read the rows and ship them, raw, in the portion.

Each portion has a `key` that says what it holds (the file and the bytes of its rows, or the
file's size, time and row groups), so the store can record it as done and a re-run can skip
it; and a `label` that tells a person which rows it is ("wire.jsonl rows 65-128").

Planning is a generator: portions are made as the caller takes them, so a corpus of any size is
planned in flat memory.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..model import Skip, SkipReason
from ..settings import Settings, default_settings
from .reading import (JSONL_SUFFIXES, PARQUET_SUFFIXES, READ_CHUNK, ArticleText, article_stem, article_suffix,
                      display_path, iter_paths, jsonl_row, long_row_skip, open_jsonl, read_file, read_jsonl_rows,
                      read_parquet_rows, row_article)

# A Parquet file whose row groups hold more rows than this many portions' worth is read by the
# client and shipped (reading a slice of a row group means decoding it from its start).
ROW_GROUP_PORTIONS = 4


@dataclass(frozen=True, slots=True)
class Portion:
    """Inputs a worker can read on its own, and the key that says what they are."""

    key: str
    label: str
    kind: str  # files | jsonl | parquet | rows
    size: int  # inputs (files or rows) it holds
    path: str = ""  # the corpus file (jsonl, parquet, rows)
    start: int = 0  # jsonl: first byte; parquet: first row group
    stop: int = 0  # jsonl: the byte after the last row; parquet: the row group after the last
    first_row: int = 1
    paths: tuple[str, ...] = ()  # files: the article files
    # rows: (row number, a raw JSON line's bytes (None: past the row cap) or a Parquet row's dict)
    rows: tuple[tuple[int, Any], ...] = ()


def plan_portions(paths: Iterable[str | Path], size: int,
                  settings: Settings | None = None) -> Iterator[Portion | Skip]:
    """Portions of about `size` articles covering every input under the paths, in input order;
    an input that cannot be read is a Skip."""
    settings = settings or default_settings()
    files: list[Path] = []
    for item in iter_paths(paths):
        if isinstance(item, Skip):
            yield item
        elif article_suffix(item) in PARQUET_SUFFIXES:
            yield from _flush(files)
            yield from _parquet_portions(item, size)
        elif article_suffix(item) in JSONL_SUFFIXES:
            yield from _flush(files)
            yield from _jsonl_portions(item, size, settings.max_row_bytes)
        else:
            files.append(item)
            if len(files) >= size:
                yield from _flush(files)
    yield from _flush(files)


def read_portion(portion: Portion, settings: Settings | None = None) -> Iterator[ArticleText | Skip]:
    """The articles (or Skips) of a portion, as reading them in one process would give them."""
    settings = settings or default_settings()
    if portion.kind == "files":
        for path in portion.paths:
            yield from read_file(Path(path), settings)
    elif portion.kind == "jsonl":
        yield from read_jsonl_rows(Path(portion.path), portion.start, portion.stop, portion.first_row, settings)
    elif portion.kind == "parquet":
        yield from read_parquet_rows(Path(portion.path), list(range(portion.start, portion.stop)), portion.first_row,
                                     settings)
    else:
        name, stem = display_path(portion.path), article_stem(Path(portion.path))
        for n, raw in portion.rows:
            if raw is None:
                yield long_row_skip(f"{name} row {n}", settings)
            elif isinstance(raw, bytes):
                yield jsonl_row(raw, name, n, stem, settings)
            else:
                yield row_article(raw, f"{name} row {n}", f"{stem}-{n}", settings)


def _flush(files: list[Path]) -> Iterator[Portion]:
    if not files:
        return
    digest = hashlib.sha1()
    for path in files:
        stat = path.stat()
        digest.update(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    first, last = display_path(files[0]), display_path(files[-1].name)
    label = first if len(files) == 1 else f"{first} … {last} ({len(files)} files)"
    yield Portion(digest.hexdigest(), label, "files", len(files), paths=tuple(str(p) for p in files))
    files.clear()


def _jsonl_portions(path: Path, size: int, cap: int) -> Iterator[Portion | Skip]:
    """Byte ranges of `size` rows (a plain file), or the rows themselves (a gzipped one)."""
    try:
        handle = open_jsonl(path)
    except OSError as exc:
        yield Skip(display_path(path), SkipReason.UNREADABLE, exc.strerror or str(exc))
        return
    is_seekable = path.suffix.lower() != ".gz"
    with handle:
        start, first, position, n = 0, 1, 0, 1
        digest, rows = _digest(path), []
        try:
            for raw, length, line_hash in _scan_lines(handle, cap):
                position += length
                digest.update(line_hash)
                if not is_seekable and (raw is None or raw.strip()):
                    rows.append((n, raw))
                if n - first + 1 >= size:
                    yield _jsonl_portion(path, digest, start, position, first, n, rows)
                    start, first, digest, rows = position, n + 1, _digest(path), []
                n += 1
        except (OSError, EOFError, zlib.error) as exc:
            yield Skip(f"{display_path(path)} row {n}", SkipReason.MALFORMED, f"the file breaks off here: {exc}")
        if n > first:
            yield _jsonl_portion(path, digest, start, position, first, n - 1, rows)


def _scan_lines(handle: IO[bytes], cap: int) -> Iterator[tuple[bytes | None, int, bytes]]:
    """Each line: its bytes (None when longer than `cap`: read past in chunks, never held), its
    length and the SHA-1 of its bytes."""
    parts: list[bytes] = []
    length, line_hash = 0, hashlib.sha1()
    while chunk := handle.readline(READ_CHUNK):
        length += len(chunk)
        line_hash.update(chunk)
        if length <= cap:
            parts.append(chunk)
        elif parts:
            parts = []  # past the cap: the line is read past, not kept
        if chunk.endswith(b"\n"):
            yield (b"".join(parts) if length <= cap else None), length, line_hash.digest()
            parts, length, line_hash = [], 0, hashlib.sha1()
    if length:
        yield (b"".join(parts) if length <= cap else None), length, line_hash.digest()


def _digest(path: Path) -> Any:
    return hashlib.sha1(f"{path.resolve()}\n".encode())


def _jsonl_portion(path: Path, digest: Any, start: int, stop: int, first: int, last: int,
                   rows: list[tuple[int, bytes | None]]) -> Portion:
    label = f"{display_path(path)} rows {first}-{last}"
    if path.suffix.lower() == ".gz":
        return Portion(digest.hexdigest(), label, "rows", len(rows), str(path), rows=tuple(rows))
    return Portion(digest.hexdigest(), label, "jsonl", last - first + 1, str(path), start, stop, first)


def _parquet_portions(path: Path, size: int) -> Iterator[Portion | Skip]:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path, pre_buffer=False).metadata
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds on a broken file
        yield Skip(display_path(path), SkipReason.MALFORMED,
                   f"not a readable Parquet file: {type(exc).__name__}: {str(exc)[:200]}")
        return
    groups = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    if groups and max(groups) > size * ROW_GROUP_PORTIONS:
        yield from _shipped_parquet_rows(path, size)
        return
    stat = path.stat()
    start, first, rows = 0, 1, 0
    for g, count in enumerate(groups):
        rows += count
        if rows >= size or g == len(groups) - 1:
            key = hashlib.sha1(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{start}-{g + 1}".encode())
            yield Portion(key.hexdigest(), f"{display_path(path)} rows {first}-{first + rows - 1}", "parquet", rows,
                          str(path),
                          start, g + 1, first)
            start, first, rows = g + 1, first + rows, 0


def _shipped_parquet_rows(path: Path, size: int) -> Iterator[Portion | Skip]:
    """Rows of a file with huge row groups, read here (streamed) and shipped `size` at a time."""
    import pyarrow.parquet as pq

    n, rows = 1, []
    try:
        for batch in pq.ParquetFile(path, pre_buffer=False).iter_batches(batch_size=size):
            for row in batch.to_pylist():
                rows.append((n, row))
                n += 1
                if len(rows) >= size:
                    yield _rows_portion(path, rows)
                    rows = []
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds on a broken file
        yield Skip(f"{display_path(path)} row {n}", SkipReason.MALFORMED,
                   f"the file breaks off here: {type(exc).__name__}: {exc}")
    if rows:
        yield _rows_portion(path, rows)


def _rows_portion(path: Path, rows: list[tuple[int, dict]]) -> Portion:
    digest = _digest(path)
    for n, row in rows:
        digest.update(json.dumps([n, row], sort_keys=True, default=str).encode())
    label = f"{display_path(path)} rows {rows[0][0]}-{rows[-1][0]}"
    return Portion(digest.hexdigest(), label, "rows", len(rows), str(path), rows=tuple(rows))
