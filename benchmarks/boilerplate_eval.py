"""Does our cleaning help or hurt on public boilerplate benchmarks? Prints one table per benchmark.

Runs, on each page, trafilatura alone (the baseline) and our HTML path (html.extract_html, then
clean.clean_text), and scores both as each benchmark defines it:

- article-extraction-benchmark (Zyte): token 4-gram shingles of the predicted vs the true
  article body, precision/recall per page (normalised so long pages weigh no more), averaged;
  F1 from the averages.
- trafilatura-eval-en: per page, handcrafted 'with' snippets that must appear and 'without'
  snippets that must not; precision/recall/F1 over all snippets.

The data stays in ../shared/peer (read at run time, never copied). Usage:
    python benchmarks/boilerplate_eval.py [--peer ../shared/peer] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from missive.documents.clean import clean_text
from missive.documents.html import extract_html

Extractor = Callable[[str, str], str]
TOKEN = re.compile(r"\w+")


def trafilatura_alone(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url or None, include_comments=False) or ""


def missive_html_path(html: str, url: str) -> str:
    text, _ = extract_html(html, url)
    return clean_text(text).cleaned if text else ""


EXTRACTORS: dict[str, Extractor] = {"trafilatura alone": trafilatura_alone, "missive (html + clean)": missive_html_path}


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens[i:i + size])


def shingle_counts(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised to sum 1 so every page weighs the same."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp, fn = sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))


def _recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))


def score_shingles(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    precision = statistics.mean(_precision(*r) for r in rows if r[0] + r[1] > 0)
    recall = statistics.mean(_recall(*r) for r in rows if r[0] + r[2] > 0)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


def zyte_pages(root: Path, limit: int) -> Iterator[tuple[str, str, str]]:
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in list(truth.items())[:limit or None]:
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        yield html, item.get("url", ""), item.get("articleBody", "")


def run_zyte(root: Path, limit: int) -> dict[str, dict[str, float]]:
    rows: dict[str, list[tuple[float, float, float]]] = {name: [] for name in EXTRACTORS}
    for html, url, body in zyte_pages(root, limit):
        for name, extract in EXTRACTORS.items():
            rows[name].append(shingle_counts(body, extract(html, url)))
    return {name: score_shingles(r) for name, r in rows.items()}


def _normalise(text: str) -> str:
    return " ".join(text.split())


def run_trafilatura_eval(root: Path, limit: int) -> dict[str, dict[str, float]]:
    cases = json.loads((root / "evaldata_en.json").read_text(encoding="utf-8"))
    counts = {name: Counter() for name in EXTRACTORS}
    for url, case in list(cases.items())[:limit or None]:
        path = root / "html" / f"{case['file']}.gz"
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        for name, extract in EXTRACTORS.items():
            found = _normalise(extract(html, url))
            for snippet in case.get("with", []):
                counts[name]["tp" if _normalise(snippet) in found else "fn"] += 1
            for snippet in case.get("without", []):
                counts[name]["fp" if _normalise(snippet) in found else "tn"] += 1
    return {name: _snippet_scores(c) for name, c in counts.items()}


def _snippet_scores(c: Counter) -> dict[str, float]:
    precision = c["tp"] / ((c["tp"] + c["fp"]) or 1)
    recall = c["tp"] / ((c["tp"] + c["fn"]) or 1)
    accuracy = (c["tp"] + c["tn"]) / (sum(c.values()) or 1)
    f1 = 2 * precision * recall / ((precision + recall) or 1)
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}


def print_table(title: str, scores: dict[str, dict[str, float]], seconds: float) -> None:
    print(f"\n{title}  ({seconds:.0f} s)")
    for name, s in scores.items():
        print(f"  {name:<24} " + "  ".join(f"{k}={v:.3f}" for k, v in s.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "peer")
    parser.add_argument("--limit", type=int, default=0, help="pages per benchmark (0 = all)")
    args = parser.parse_args()
    benches = {"article-extraction-benchmark (Zyte), 4-gram shingles": (args.peer / "article-extraction-benchmark", run_zyte),
               "trafilatura-eval-en, with/without snippets": (args.peer / "trafilatura-eval-en", run_trafilatura_eval)}
    ran = False
    for title, (root, run) in benches.items():
        if not root.exists():
            print(f"{title}: {root} not found, skipped")
            continue
        started = time.perf_counter()
        print_table(title, run(root, args.limit), time.perf_counter() - started)
        ran = True
    return 0 if ran else 1


if __name__ == "__main__":
    sys.exit(main())
