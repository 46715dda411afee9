"""Reading articles: files, folders and corpora in, article texts (or Skips with a reason) out.

A batch must never stop because one input is broken, so every failure becomes a Skip that
names the file (and the corpus row) and the reason; callers store it and carry on. An HTML page
is read through trafilatura here, so what leaves this module is always the plain text that
evidence spans index; cleaning and metadata are the next stages (see missive.pipeline).

A corpus (JSONL, NDJSON or Parquet, one article a row) is streamed: JSONL line by line,
Parquet batch by batch (pyarrow ``iter_batches``), so memory stays flat however long it is.
The row's columns are named in ROW_COLUMNS; any other column is kept, as given, on the
document's metadata.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from ..model import Metadata, Skip

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
    return name


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | Skip]:
    """Expand folders (recursively, sorted) into article files; a missing path is a Skip."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and article_suffix(p) in ARTICLE_SUFFIXES)
            if not found:
                yield Skip(str(path), "no_text", "folder holds no .txt, .html, .jsonl or .parquet articles")
            yield from found
        elif path.is_file():
            yield path
        else:
            yield Skip(str(path), "missing", "no such file or folder")


def decode_bytes(data: bytes, path: str) -> str | Skip:
    """UTF-8 text, or the reason it is not an article."""
    if not data.strip():
        return Skip(path, "empty", "the file is empty")
    if b"\x00" in data[:4096]:
        return Skip(path, "binary", "the file holds binary data (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skip(path, "not_utf8", f"not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r})")


@dataclass(frozen=True, slots=True)
class ArticleText:
    """An article as read: its plain text (the original that evidence spans index) and where it came from."""

    doc_id: str
    text: str
    path: str = ""
    url: str = ""
    html_meta: dict[str, Any] | None = field(default=None, hash=False)
    fields: tuple[tuple[str, str], ...] = ()  # a corpus row's columns besides id, text and html


def article_text(doc_id: str, text: str, *, path: str = "", url: str = "", is_html: bool = False,
                 fields: tuple[tuple[str, str], ...] = ()) -> ArticleText | Skip:
    """The article's plain text; HTML goes through trafilatura first."""
    html_meta: dict | None = None
    if is_html:
        from .html import extract_html

        text, html_meta = extract_html(text, url)
        if not text or not text.strip():
            return Skip(path or doc_id, "no_text", "no article text found in the HTML")
    if not text.strip():
        return Skip(path or doc_id, "empty", "the article has no text")
    return ArticleText(doc_id, text, path, url, html_meta, fields)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</p>" in text.lower())


def read_file(path: Path) -> Iterator[ArticleText | Skip]:
    """One file: a text or HTML article, or a corpus of rows (see read_corpus)."""
    if article_suffix(path) in CORPUS_SUFFIXES:
        yield from read_corpus(path)
        return
    name = str(path)
    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".gz":
            data = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        yield Skip(name, "unreadable", getattr(exc, "strerror", None) or str(exc))
        return
    text = decode_bytes(data, name)
    if isinstance(text, Skip):
        yield text
        return
    is_html = article_suffix(path) in HTML_SUFFIXES or looks_like_html(text)
    yield safe_article_text(article_stem(path), text, path=name, is_html=is_html)


# ---------------------------------------------------------------- corpora: one article a row
def read_corpus(path: Path) -> Iterator[ArticleText | Skip]:
    """Every row of a JSONL/NDJSON (also gzipped) or Parquet corpus, streamed, as texts or Skips."""
    if article_suffix(path) in PARQUET_SUFFIXES:
        yield from read_parquet_rows(path)
    else:
        yield from read_jsonl_rows(path)


def read_jsonl_rows(path: Path, start: int = 0, stop: int | None = None,
                    first_row: int = 1) -> Iterator[ArticleText | Skip]:
    """The rows of a JSONL file line by line, from byte `start` up to byte `stop` (a line that
    starts before `stop` is read whole); `first_row` is the number of the line at `start`."""
    name = str(path)
    try:
        handle = _open_jsonl(path)
        handle.seek(start)
    except (OSError, EOFError, zlib.error) as exc:
        yield Skip(name, "unreadable", getattr(exc, "strerror", None) or str(exc))
        return
    with handle:
        position, n = start, first_row
        try:
            for line in handle:
                if stop is not None and position >= stop:
                    return
                position += len(line)
                if line.strip():
                    yield jsonl_row(line, name, n, article_stem(path))
                n += 1
        except (OSError, EOFError, zlib.error) as exc:
            yield Skip(f"{name} row {n}", "unreadable", f"the file breaks off here: {exc}")


def _open_jsonl(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")


def jsonl_row(line: bytes, name: str, n: int, stem: str) -> ArticleText | Skip:
    """One JSONL line: a JSON object with the ROW_COLUMNS, or the reason it is not an article."""
    where = f"{name} row {n}"
    try:
        row = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return Skip(where, "not_utf8", f"not UTF-8 text (byte {exc.start})")
    except (ValueError, RecursionError) as exc:
        return Skip(where, "unreadable", f"not a JSON object: {str(exc)[:200]}")
    if not isinstance(row, dict):
        return Skip(where, "unreadable", f"not a JSON object but a JSON {type(row).__name__}")
    return row_article(row, where, f"{stem}-{n}")


def read_parquet_rows(path: Path, row_groups: list[int] | None = None,
                      first_row: int = 1) -> Iterator[ArticleText | Skip]:
    """The rows of a Parquet file, PARQUET_BATCH_ROWS at a time (all row groups, or the ones
    given; `first_row` numbers the first row read)."""
    import pyarrow.parquet as pq

    name, n = str(path), first_row
    try:
        parquet = pq.ParquetFile(path, pre_buffer=False)  # pre-buffering reads whole files ahead
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, row_groups=row_groups):
            for row in batch.to_pylist():
                yield row_article(row, f"{name} row {n}", f"{article_stem(path)}-{n}")
                n += 1
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds on a broken file
        where = name if n == first_row else f"{name} row {n}"
        yield Skip(where, "unreadable", f"not a readable Parquet file: {type(exc).__name__}: {str(exc)[:200]}")


def row_article(row: Mapping[str, Any], where: str, default_id: str) -> ArticleText | Skip:
    """A corpus row as an article: `text` (else `html`) is its body, `id` its id (else the file
    name and row number), `url` feeds the metadata; the other columns travel as fields."""
    body, is_html = row.get("text"), False
    if body is None or (isinstance(body, str) and not body.strip()):
        body, is_html = row.get("html"), True
    if body is None or (isinstance(body, str) and not body.strip()):
        return Skip(where, "no_text", "the row has no text (no 'text' or 'html' value)")
    if not isinstance(body, str):
        return Skip(where, "unreadable", f"the {'html' if is_html else 'text'} value is a "
                                         f"{type(body).__name__}, not a string")
    doc_id = row.get("id")
    doc_id = default_id if doc_id is None or str(doc_id).strip() == "" else str(doc_id)
    fields = tuple((str(k), _field_text(v)) for k, v in row.items()
                   if k not in ("id", "text", "html") and v is not None and v != "")
    url = dict(fields).get("url", "")
    return safe_article_text(doc_id, body, path=where, url=url, is_html=is_html, fields=fields)


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

    TODO(dates): the row's `published` (else `date`) and `url` are to become publication-date
    candidates with their provenance through the date-candidate hook (branch `dates`); until it
    lands they are carried here unread, and the text's own dates decide.
    """
    if not fields:
        return metadata
    given = dict(fields)
    return replace(metadata, title=given.get("title") or metadata.title,
                   outlet=given.get("outlet") or metadata.outlet, corpus_fields=fields)


def safe_article_text(doc_id: str, text: str, **kwargs) -> ArticleText | Skip:
    """article_text, with any unexpected failure turned into a Skip naming the input."""
    try:
        return article_text(doc_id, text, **kwargs)
    except Exception as exc:  # noqa: BLE001 - one broken article must not stop a batch
        return Skip(kwargs.get("path") or doc_id, "unreadable", f"{type(exc).__name__}: {exc}")


def read_articles(paths: Iterable[str | Path]) -> Iterator[ArticleText | Skip]:
    """Every article under the given paths, in a stable order, as texts or Skips."""
    for item in iter_paths(paths):
        if isinstance(item, Skip):
            yield item
        else:
            yield from read_file(item)
