"""Reading inputs: every broken input is a Skip naming the file and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from missive.pipeline import read_documents
from missive.model import Document, Skip


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        ("latin1.txt", "Le président a envoyé une lettre à Séoul.".encode("latin-1"), "not_utf8"),
    ],
)
def test_broken_inputs_become_skips_with_reasons(tmp_path: Path, name: str, content: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(content)
    [result] = list(read_documents([path]))
    assert isinstance(result, Skip)
    assert result.reason == reason
    assert str(path) in result.message()


def test_missing_path_and_empty_folder_are_skips(tmp_path: Path):
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    results = list(read_documents([tmp_path / "gone.txt", empty_dir]))
    assert [r.reason for r in results] == ["missing", "no_text"]


def test_a_folder_yields_its_articles_in_order(examples: Path):
    results = list(read_documents([examples]))
    assert all(isinstance(r, Document) for r in results)
    assert [r.doc_id for r in results] == sorted(p.stem for p in examples.glob("*.txt"))
    assert all(r.original == (examples / f"{r.doc_id}.txt").read_text(encoding="utf-8") for r in results)


def test_a_jsonl_corpus_is_read_row_by_row(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a", "text": "Xi sent a letter to Kim."}\nnot json\n{"id": "b", "text": ""}\n')
    results = list(read_documents([corpus]))
    assert isinstance(results[0], Document) and results[0].doc_id == "a"
    assert [r.reason for r in results[1:]] == ["malformed", "no_text"]


def test_gzipped_pages_are_read_through(tmp_path: Path):
    import gzip

    page = tmp_path / "story.html.gz"
    page.write_bytes(gzip.compress(b"<html><body><article><p>Russian President Vladimir Putin met Chinese President "
                                   b"Xi Jinping in Moscow on Tuesday for talks on trade and energy cooperation.</p>"
                                   b"</article></body></html>"))
    [doc] = list(read_documents([tmp_path]))
    assert isinstance(doc, Document) and doc.doc_id == "story"
    assert "Vladimir Putin" in doc.original
