"""Reading articles: files, folders and JSONL corpora in, article texts (or Skips with a reason) out.

A batch must never stop because one input is broken, so every failure becomes a Skip that
names the file and the reason; callers store it and carry on. An HTML page is read through
trafilatura here, so what leaves this module is always the plain text that evidence spans
index; cleaning and metadata are the next stages (see missive.pipeline).
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Skip

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
CORPUS_SUFFIXES = {".jsonl"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES


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
                yield Skip(str(path), "no_text", "folder holds no .txt, .html or .jsonl articles")
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


def article_text(doc_id: str, text: str, *, path: str = "", url: str = "",
                 is_html: bool = False) -> ArticleText | Skip:
    """The article's plain text; HTML goes through trafilatura first."""
    html_meta: dict | None = None
    if is_html:
        from .html import extract_html

        text, html_meta = extract_html(text, url)
        if not text or not text.strip():
            return Skip(path or doc_id, "no_text", "no article text found in the HTML")
    if not text.strip():
        return Skip(path or doc_id, "empty", "the article has no text")
    return ArticleText(doc_id, text, path, url, html_meta)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</p>" in text.lower())


def read_file(path: Path) -> Iterator[ArticleText | Skip]:
    """One file: a text or HTML article, or a JSONL corpus of {"id", "text"|"html", "url"} rows."""
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
    suffix = article_suffix(path)
    if suffix in CORPUS_SUFFIXES:
        yield from read_corpus_lines(text, name)
        return
    is_html = suffix in HTML_SUFFIXES or looks_like_html(text)
    yield safe_article_text(article_stem(path), text, path=name, is_html=is_html)


def read_corpus_lines(text: str, name: str) -> Iterator[ArticleText | Skip]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            row = json.loads(line)
            doc_id = str(row.get("id") or row.get("doc") or f"{Path(name).stem}-{n}")
            body = row.get("html") or row.get("text") or ""
        except (json.JSONDecodeError, AttributeError) as exc:
            yield Skip(where, "unreadable", f"not a JSON object: {exc}")
            continue
        yield safe_article_text(doc_id, body, path=where, url=row.get("url", ""), is_html=bool(row.get("html")))


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
