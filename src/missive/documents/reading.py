"""Reading articles: files, folders and corpora in, article texts (or Skips with a reason) out.

A batch must never stop because one input is broken or hostile, so every failure becomes a Skip
that names the file (and the corpus row) and a reason from the closed set (model.SkipReason);
callers store it and carry on. Nothing here reads more than the Settings allow: a file past its
size cap is never read, decompression stops at its output cap (a gzip bomb), a corpus line past
its cap is read past, not kept, and FIFOs, devices and symlink loops are never opened. An HTML page
is read through trafilatura here, so what leaves this module is always the plain text that
evidence spans index; cleaning and metadata are the next stages (see missive.pipeline).

A corpus (JSONL, NDJSON or Parquet, one article a row) is streamed: JSONL line by line,
Parquet batch by batch (pyarrow ``iter_batches``), so memory stays flat however long it is.
The row's columns are named in ROW_COLUMNS; any other column is kept, as given, on the
document's metadata.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import stat
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from ..model import Metadata, Skip, SkipReason
from ..settings import Settings, default_settings
from .date_candidates import Published

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}
CORPUS_SUFFIXES = JSONL_SUFFIXES | PARQUET_SUFFIXES
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES
# The columns of a corpus row Missive reads (the README documents them); `text` is used when it
# holds something, else `html`; `published` is preferred to `date`. Other columns are kept as given.
ROW_COLUMNS = ("id", "text", "html", "url", "published", "date", "title", "outlet")
# Rows decoded at once from a Parquet file: enough to amortise pyarrow, small enough to stay flat.
PARQUET_BATCH_ROWS = 256
# Formats that are not text, by their first bytes (a PDF or an image renamed .txt is no article).
MAGIC = ((b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
         (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive"), (b"\x1f\x8b", "gzip data without .gz"))
READ_CHUNK = 1 << 20


def display_path(path: str | os.PathLike[str]) -> str:
    """The path as printable, storable text: bytes of a name that are not UTF-8 shown as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def article_suffix(path: Path) -> str:
    """The suffix that says what a file holds, looking through a .gz ("page.html.gz" -> ".html")."""
    suffixes = [x.lower() for x in path.suffixes]
    if suffixes[-1:] == [".gz"] and len(suffixes) >= 2:
        return suffixes[-2]
    return path.suffix.lower()


def article_stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes[-2:] if path.suffix.lower() == ".gz" else path.suffixes[-1:]):
        name = name[: -len(suffix)]
    return display_path(name)


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | Skip]:
    """Expand folders (recursively, sorted, symlinked folders not followed) into article files;
    a missing path, a FIFO, a symlink loop or a file of another type is a Skip saying so."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _folder_files(path)
        else:
            yield _regular_file(path)


def _folder_files(folder: Path) -> Iterator[Path | Skip]:
    found = 0
    for top, dirs, files in os.walk(folder, onerror=None):
        dirs.sort()
        for name in sorted(files):
            item = _regular_file(Path(top) / name)
            if isinstance(item, Path) and article_suffix(item) not in ARTICLE_SUFFIXES:
                item = Skip(display_path(item), SkipReason.UNSUPPORTED_TYPE,
                            "not an article format (.txt, .md, .html, .jsonl, .ndjson, .parquet; optionally .gz)")
            found += isinstance(item, Path)
            yield item
    if not found:
        yield Skip(display_path(folder), SkipReason.NO_TEXT, "folder holds no .txt, .html, .jsonl or .parquet articles")


def _regular_file(path: Path) -> Path | Skip:
    """The path if it is a regular file (through symlinks), else the Skip that says what it is."""
    shown = display_path(path)
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Skip(shown, SkipReason.NOT_A_FILE, "a symlink loop")
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return Skip(shown, SkipReason.MISSING, "no such file or folder")
        return Skip(shown, SkipReason.UNREADABLE, exc.strerror or str(exc))
    if stat.S_ISREG(mode):
        return path
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device or special file"
    return Skip(shown, SkipReason.NOT_A_FILE, f"{kind}, not a regular file: never opened")


def decode_bytes(data: bytes, path: str) -> str | Skip:
    """The text of a file (UTF-8, or UTF-16 with its byte-order mark), or why it is not text."""
    if not data.strip():
        return Skip(path, SkipReason.EMPTY, "the file is empty")
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return Skip(path, SkipReason.BINARY, f"the file is {kind}, not text")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = "\x00"  # not UTF-16 after all: judged as bytes below
        if "\x00" not in text:
            return text
    nul = data.find(b"\x00")
    if nul >= 0:
        return Skip(path, SkipReason.BINARY, f"the file holds binary data (a NUL byte at {nul})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skip(path, SkipReason.NOT_UTF8, f"not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r})")


@dataclass(frozen=True, slots=True)
class ArticleText:
    """An article as read: its plain text (the original that evidence spans index) and where it came from."""

    doc_id: str
    text: str
    path: str = ""
    url: str = ""
    html_meta: dict[str, Any] | None = field(default=None, hash=False)
    fields: tuple[tuple[str, str], ...] = ()  # a corpus row's columns besides id, text and html
    source_key: str = ""  # what makes a later input the same article (model.Document.source_key)
    published: Published = None  # the publication date given with it (a row's `published`, else `date`)


def article_text(doc_id: str, text: str, *, path: str = "", url: str = "", is_html: bool = False,
                 fields: tuple[tuple[str, str], ...] = (), source_key: str = "",
                 settings: Settings | None = None, published: Published = None) -> ArticleText | Skip:
    """The article's plain text; HTML goes through trafilatura first. Both are size-capped. `url`
    and `published` (a date, datetime or text) are what the caller knows of the article; both become
    date candidates."""
    settings = settings or default_settings()
    where = path or doc_id
    html_meta: dict | None = None
    if is_html:
        if len(text) > settings.max_html_chars:
            return Skip(where, SkipReason.TOO_LONG, f"{len(text):,} characters of HTML, above the cap of "
                                                    f"{settings.max_html_chars:,} (MISSIVE_MAX_HTML_CHARS)")
        from .html import extract_html

        text, html_meta = extract_html(text, url)
        if not text or not text.strip():
            return Skip(where, SkipReason.NO_TEXT, "no article text found in the HTML")
    if not text.strip():
        return Skip(where, SkipReason.EMPTY, "the article has no text")
    if len(text) > settings.max_article_chars:
        return Skip(where, SkipReason.TOO_LONG, f"{len(text):,} characters of text, above the cap of "
                                                f"{settings.max_article_chars:,} (MISSIVE_MAX_ARTICLE_CHARS)")
    return ArticleText(doc_id, text, path, url, html_meta, fields, source_key, published)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</p>" in text[:200_000].lower())


def read_file(path: Path, settings: Settings | None = None) -> Iterator[ArticleText | Skip]:
    """One file: a text or HTML article, or a corpus of rows (see read_corpus)."""
    settings = settings or default_settings()
    if article_suffix(path) in CORPUS_SUFFIXES:
        yield from read_corpus(path, settings)
        return
    name = display_path(path)
    try:
        with _open_file(path) as handle:
            data = _read_capped(handle, path, settings)
    except OSError as exc:
        yield Skip(name, SkipReason.UNREADABLE, exc.strerror or str(exc))
        return
    except (EOFError, zlib.error) as exc:
        yield Skip(name, SkipReason.MALFORMED, f"broken or truncated gzip data ({exc})")
        return
    if isinstance(data, Skip):
        yield data
        return
    text = decode_bytes(data, name)
    if isinstance(text, Skip):
        yield text
        return
    is_html = article_suffix(path) in HTML_SUFFIXES or looks_like_html(text)
    yield safe_article_text(article_stem(path), text, path=name, is_html=is_html,
                            source_key=display_path(os.path.abspath(path)), settings=settings)


def _open_file(path: Path) -> IO[bytes]:
    # O_NONBLOCK: a file swapped for a FIFO after it was listed must not block the batch.
    handle: IO[bytes] = os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb")
    if path.suffix.lower() == ".gz":
        return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]
    return handle


def _read_capped(handle: IO[bytes], path: Path, settings: Settings) -> bytes | Skip:
    """The file's bytes (decompressed), or too_long once the cap is passed: never more in memory."""
    is_gz = path.suffix.lower() == ".gz"
    cap = settings.max_decompressed_bytes if is_gz else settings.max_file_bytes
    env = "MISSIVE_MAX_DECOMPRESSED_BYTES" if is_gz else "MISSIVE_MAX_FILE_BYTES"
    size = None if is_gz else os.fstat(handle.fileno()).st_size
    if size is not None and size > cap:
        return Skip(display_path(path), SkipReason.TOO_LONG, f"{size:,} bytes, above the cap of {cap:,} ({env})")
    data = handle.read(cap + 1)
    if len(data) > cap:
        what = "decompresses to more than" if is_gz else "is larger than"
        return Skip(display_path(path), SkipReason.TOO_LONG, f"{what} the cap of {cap:,} bytes ({env})")
    return data


# ---------------------------------------------------------------- corpora: one article a row
def read_corpus(path: Path, settings: Settings | None = None) -> Iterator[ArticleText | Skip]:
    """Every row of a JSONL/NDJSON (also gzipped) or Parquet corpus, streamed, as texts or Skips."""
    if article_suffix(path) in PARQUET_SUFFIXES:
        yield from read_parquet_rows(path, settings=settings)
    else:
        yield from read_jsonl_rows(path, settings=settings)


def read_jsonl_rows(path: Path, start: int = 0, stop: int | None = None, first_row: int = 1,
                    settings: Settings | None = None) -> Iterator[ArticleText | Skip]:
    """The rows of a JSONL file line by line, from byte `start` up to byte `stop` (a line that
    starts before `stop` is read whole); `first_row` is the number of the line at `start`. A line
    longer than the row cap is read past in chunks, never held, and is a too_long Skip."""
    settings = settings or default_settings()
    name = display_path(path)
    try:
        handle = open_jsonl(path)
        handle.seek(start)
    except (OSError, EOFError, zlib.error) as exc:
        yield Skip(name, SkipReason.UNREADABLE, getattr(exc, "strerror", None) or str(exc))
        return
    with handle:
        position, n = start, first_row
        try:
            while line := handle.readline(settings.max_row_bytes + 1):
                if stop is not None and position >= stop:
                    return
                position += len(line)
                if len(line) > settings.max_row_bytes and not line.endswith(b"\n"):
                    position += _read_past_line(handle)
                    yield long_row_skip(f"{name} row {n}", settings)
                elif line.strip():
                    yield jsonl_row(line, name, n, article_stem(path), settings)
                n += 1
        except (OSError, EOFError, zlib.error) as exc:
            yield Skip(f"{name} row {n}", SkipReason.MALFORMED, f"the file breaks off here: {exc}")


def long_row_skip(where: str, settings: Settings) -> Skip:
    return Skip(where, SkipReason.TOO_LONG, f"the line is longer than {settings.max_row_bytes:,} bytes"
                                            " (MISSIVE_MAX_ROW_BYTES)")


def _read_past_line(handle: IO[bytes]) -> int:
    """Read to the end of the current line in chunks; the bytes read (none kept)."""
    skipped = 0
    while chunk := handle.readline(READ_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def open_jsonl(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")


def jsonl_row(line: bytes, name: str, n: int, stem: str, settings: Settings | None = None) -> ArticleText | Skip:
    """One JSONL line: a JSON object with the ROW_COLUMNS, or the reason it is not an article
    (JSON nested past Python's recursion limit, integers past its digit limit and lone surrogate
    escapes included: each is this row's Skip, never the batch's end)."""
    where = f"{name} row {n}"
    try:
        row = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return Skip(where, SkipReason.NOT_UTF8, f"not UTF-8 text (byte {exc.start})")
    except RecursionError:
        return Skip(where, SkipReason.MALFORMED, "not a JSON object: nested too deep")
    except ValueError as exc:
        return Skip(where, SkipReason.MALFORMED, f"not a JSON object: {str(exc)[:200]}")
    if not isinstance(row, dict):
        return Skip(where, SkipReason.MALFORMED, f"not a JSON object but a JSON {type(row).__name__}")
    return row_article(row, where, f"{stem}-{n}", settings)


def read_parquet_rows(path: Path, row_groups: list[int] | None = None, first_row: int = 1,
                      settings: Settings | None = None) -> Iterator[ArticleText | Skip]:
    """The rows of a Parquet file, PARQUET_BATCH_ROWS at a time (all row groups, or the ones
    given; `first_row` numbers the first row read)."""
    import pyarrow.parquet as pq

    name, n = display_path(path), first_row
    try:
        parquet = pq.ParquetFile(path, pre_buffer=False)  # pre-buffering reads whole files ahead
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, row_groups=row_groups):
            for row in batch.to_pylist():
                yield row_article(row, f"{name} row {n}", f"{article_stem(path)}-{n}", settings)
                n += 1
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds on a broken file
        where = name if n == first_row else f"{name} row {n}"
        yield Skip(where, SkipReason.MALFORMED, f"not a readable Parquet file: {type(exc).__name__}: {str(exc)[:200]}")


def row_article(row: Mapping[str, Any], where: str, default_id: str,
                settings: Settings | None = None) -> ArticleText | Skip:
    """A corpus row as an article: `text` (else `html`) is its body, `id` its id (else the file
    name and row number), `url` feeds the metadata; the other columns travel as fields."""
    body, is_html = row.get("text"), False
    if body is None or (isinstance(body, str) and not body.strip()):
        body, is_html = row.get("html"), True
    if body is None or (isinstance(body, str) and not body.strip()):
        return Skip(where, SkipReason.NO_TEXT, "the row has no text (no 'text' or 'html' value)")
    if not isinstance(body, str):
        return Skip(where, SkipReason.MALFORMED, f"the {'html' if is_html else 'text'} value is a "
                                                 f"{type(body).__name__}, not a string")
    if not _is_unicode(body):
        return Skip(where, SkipReason.MALFORMED, "the text holds a lone surrogate escape (\\ud800-\\udfff)")
    given = row.get("id")
    has_id = given is not None and str(given).strip() != ""
    doc_id = _printable(str(given)[:200]) if has_id else default_id
    fields = tuple((str(k), _field_text(v)) for k, v in row.items()
                   if k not in ("id", "text", "html") and v is not None and v != "")
    fields = tuple((_printable(k), _printable(v)) for k, v in fields)
    url = dict(fields).get("url", "")
    return safe_article_text(doc_id, body, path=where, url=url, is_html=is_html, fields=fields,
                             source_key=f"id:{doc_id}" if has_id else where, settings=settings,
                             published=row.get("published") or row.get("date") or None)


def _is_unicode(text: str) -> bool:
    """Whether the text encodes as UTF-8 (a JSON lone surrogate escape does not)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _field_text(value: Any) -> str:
    """A row value as text: dates in ISO 8601, structures as JSON, the rest as written."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def row_metadata(metadata: Metadata, fields: tuple[tuple[str, str], ...]) -> Metadata:
    """The metadata of a corpus row's article: the row's title and outlet win over what is read
    from the text (the corpus owner knows them), and every column travels on as `corpus_fields`.
    (The row's `published` (else `date`) and `url` are date candidates: see ArticleText.published.)
    """
    if not fields:
        return metadata
    given = dict(fields)
    return replace(metadata, title=given.get("title") or metadata.title,
                   outlet=given.get("outlet") or metadata.outlet, corpus_fields=fields)


def safe_article_text(doc_id: str, text: str, **kwargs: Any) -> ArticleText | Skip:
    """article_text, with any unexpected failure turned into a Skip naming the input."""
    try:
        return article_text(doc_id, text, **kwargs)
    except Exception as exc:  # noqa: BLE001 - one broken article must not stop a batch
        return Skip(kwargs.get("path") or doc_id, SkipReason.FAILED, f"{type(exc).__name__}: {str(exc)[:200]}")


def read_articles(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[ArticleText | Skip]:
    """Every article under the given paths, in a stable order, as texts or Skips."""
    settings = settings or default_settings()
    for item in iter_paths(paths):
        if isinstance(item, Skip):
            yield item
        else:
            yield from read_file(item, settings)
