"""Hostile and broken inputs, built at run time in a folder (none is stored in the repository).

Used by tests/test_bad_inputs.py (all cases in one batch beside the good articles) and by
benchmarks/bad_inputs.py (each case alone under /usr/bin/time -v). Each case is a name, a way
to build it, and what the user must get: the reason of its Skip, or "stored".
"""

from __future__ import annotations

import gzip
import json
import os
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ARTICLE = ("BEIJING, March 3 (Xinhua) -- Chinese President Xi Jinping sent a letter to Vietnamese President "
           "Vo Van Thuong on Monday, congratulating him on the anniversary of diplomatic ties between the two "
           "countries. Xi said the two sides should deepen cooperation in trade and investment.\n")
MB = 1_000_000


@dataclass(frozen=True)
class Case:
    name: str  # the file (or folder entry) it builds; a name with \\x escapes is written as bytes
    expect: str  # a SkipReason value, or "stored"
    build: Callable[[Path], Path]
    big: bool = False


def _write(name: str | bytes, data: bytes) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        raw = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else name.encode())
        with open(raw, "wb") as handle:
            handle.write(data)
        return Path(os.fsdecode(raw))
    return build


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _loop(folder: Path) -> Path:
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    return folder / "loop-a.txt"


def _big_line(folder: Path) -> Path:
    path = folder / "line10m.txt"
    sentence = ARTICLE.replace("\n", " ")
    with open(path, "w", encoding="utf-8") as handle:
        for _ in range(10 * MB // len(sentence) + 1):
            handle.write(sentence)
    return path


def _big_text(folder: Path) -> Path:
    path = folder / "text50m.txt"
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(50 * MB // len(ARTICLE) + 1):
            handle.write(f"{n} {ARTICLE}")
    return path


def _big_html(folder: Path) -> Path:
    path = folder / "page50m.html"
    para = f"<p>{ARTICLE.strip()}</p>\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("<!DOCTYPE html><html><head><title>Big</title></head><body><article>")
        for _ in range(50 * MB // len(para) + 1):
            handle.write(para)
        handle.write("</article></body></html>")
    return path


def many_lines(folder: Path, size: int = 1_900_000) -> Path:
    """An article of `size` bytes in short numbered lines (1.9 MB: about 31,000 lines): under the
    2 MB cap, so only the time budget can end it."""
    path = folder / "lines31k.txt"
    sentences = ARTICLE.replace(". ", ".\n").splitlines()
    with open(path, "w", encoding="utf-8") as handle:
        n = 0
        while handle.tell() < size:
            handle.write(f"{n} {sentences[n % len(sentences)]}\n")
            n += 1
    return path


def _nested_divs(folder: Path) -> Path:
    html = ("<!DOCTYPE html><html><body>" + "<div>" * 10_000 + f"<p>{ARTICLE}</p>" + "</div>" * 10_000
            + "</body></html>")
    return _write("nested-divs.html", html.encode())(folder)


def _scripts(folder: Path) -> Path:
    script = "<script>document.write('<p>Kim sent a letter to Putin</p>'); var x = 1;</script>"
    html = ("<!DOCTYPE html><html><head><title>Xi writes to Vo Van Thuong</title>" + script * 50
            + "</head><body><article><h1>Xi writes to Vo Van Thuong</h1>" + script * 20
            + "".join(f"<p>{ARTICLE}</p>{script}" for _ in range(3))
            + "<img src=x onerror=alert(1)><iframe src='javascript:alert(1)'></iframe></article></body></html>")
    return _write("scripts.html", html.encode())(folder)


def _bomb(folder: Path) -> Path:
    """A .gz whose 200 MB of output (zeros) is far past the decompression cap, built in chunks."""
    path = folder / "bomb.txt.gz"
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(MB)
    with open(path, "wb") as handle:
        for _ in range(200):
            handle.write(packer.compress(chunk))
        handle.write(packer.flush())
    return path


def _corpus(folder: Path) -> Path:
    rows = [
        json.dumps({"id": "row-good", "text": ARTICLE}),
        "{this is not json",
        "[" * 100_000 + "]" * 100_000,
        '{"id": ' + "9" * 50_000 + ', "text": "x"}',
        '{"id": "surrogate", "text": "Xi wrote to Kim \\ud800 on Monday."}',
        json.dumps(["a", "list"]),
        json.dumps({"id": "twice", "text": ARTICLE.replace("Monday", "Tuesday")}),
        json.dumps({"id": "twice", "text": ARTICLE.replace("Monday", "Wednesday")}),
        json.dumps({"id": "huge-line", "text": "word " * (17 * MB // 5)}),
        json.dumps({"id": "number-text", "text": 12}),
    ]
    return _write("corpus.jsonl", ("\n".join(rows) + "\n").encode())(folder)


# Corpus rows: (row number, expected) — checked by the test through the row-numbered Skip lines.
CORPUS_ROWS = {2: "malformed", 3: "malformed", 4: "malformed", 5: "malformed", 6: "malformed", 9: "too_long",
               10: "malformed"}
CORPUS_STORED = {"row-good", "twice"}


def cases() -> list[Case]:
    rng = random.Random(17)
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    png = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(512))
    return [
        Case("empty.txt", "empty", _write("empty.txt", b"")),
        Case("whitespace.txt", "empty", _write("whitespace.txt", b" \n\t\n   \r\n")),
        Case("random.txt", "binary", _write("random.txt", rng.randbytes(8192))),
        Case("image.png", "unsupported_type", _write("image.png", png)),
        Case("png-named.txt", "binary", _write("png-named.txt", png)),
        Case("scan.pdf", "unsupported_type", _write("scan.pdf", pdf)),
        Case("pdf-named.txt", "binary", _write("pdf-named.txt", pdf)),
        Case("latin1.txt", "not_utf8", _write("latin1.txt", ("Le président a écrit à Séoul. " * 20).encode("latin-1"))),
        Case("utf16.txt", "stored", _write("utf16.txt", ARTICLE.replace("Monday", "Thursday").encode("utf-16"))),
        Case("nul.txt", "binary", _write("nul.txt", ARTICLE.encode() + b"\x00" + ARTICLE.encode())),
        Case("control.txt", "stored", _write("control.txt", ("\x01\x07\x1b[31m" + ARTICLE + "\x0b\x0c\x7f").encode())),
        Case("rtl.txt", "not_english", _write("rtl.txt", ("\u200fكتب الرئيس الصيني رسالة إلى رئيس فيتنام يوم الاثنين "
                                                          "وقال إن البلدين يجب أن يعمقا التعاون في التجارة. " * 10
                                                          ).encode())),
        Case("french.txt", "not_english", _write("french.txt", ("Le président chinois a envoyé une lettre au président "
                                                                "vietnamien lundi, et il a dit que les deux pays "
                                                                "doivent renforcer leur coopération. " * 5).encode())),
        Case("line10m.txt", "too_long", _big_line, big=True),
        Case("text50m.txt", "too_long", _big_text, big=True),
        Case("page50m.html", "too_long", _big_html, big=True),
        Case("nested-divs.html", "no_text", _nested_divs),
        Case("scripts.html", "stored", _scripts),
        Case("truncated.txt.gz", "malformed", _write("truncated.txt.gz", gzip.compress(ARTICLE.encode() * 50)[:200])),
        Case("bomb.txt.gz", "too_long", _bomb, big=True),
        Case("corpus.jsonl", "rows", _corpus, big=True),
        Case("pipe.txt", "not_a_file", _fifo),
        Case("loop-a.txt", "not_a_file", _loop),
        Case("caf\\xe9-\\xff.txt", "stored", _write(b"caf\xe9-\xff.txt", ARTICLE.replace("Monday", "Friday").encode())),
    ]


def build_all(folder: Path, include_big: bool = True) -> dict[str, Case]:
    folder.mkdir(parents=True, exist_ok=True)
    built = {}
    for case in cases():
        if case.big and not include_big:
            continue
        case.build(folder)
        built[case.name] = case
    if "loop-a.txt" in built:
        built["loop-b.txt"] = Case("loop-b.txt", "not_a_file", lambda f: f / "loop-b.txt")
    return built
