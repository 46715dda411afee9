"""Throughput of the full extraction against a bare spaCy parse of the same texts, in one run.

Two corpora of at least 500 article texts each: diplomatic (the bundled example articles,
repeated) and general news (the article bodies of ../shared/peer/article-extraction-benchmark,
read at run time, repeated). For each, articles per second of (a) the full extraction, text to
events (cleaning, metadata, dates, actors, the lexical pass, parsing the candidate sentences,
assembly) and (b) the bare en_core_web_sm parse (nlp.pipe, full default pipeline), both in one
process. The last two lines are `ratio_diplomatic X` and `ratio_general Y`.

    .venv/bin/python benchmarks/throughput.py [--n 500]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from missive.extraction.extractor import Extractor
from missive.extraction.nlp import MODEL_NAMES
from missive.pipeline import build_document, process

ROOT = Path(__file__).resolve().parents[1]
ZYTE = ROOT.parent / "shared" / "peer" / "article-extraction-benchmark" / "ground-truth.json"


def diplomatic_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "src" / "missive" / "examples").glob("*.txt"))]


def general_texts() -> list[str]:
    data = json.loads(ZYTE.read_text(encoding="utf-8"))
    return [item["articleBody"] for item in data.values() if item.get("articleBody", "").strip()]


def repeat_to(texts: list[str], n: int) -> list[str]:
    return [texts[i % len(texts)] for i in range(max(n, len(texts)))]


def full_extraction(texts: list[str], extractor: Extractor) -> float:
    start = time.perf_counter()
    docs = (build_document(f"t{i}", t) for i, t in enumerate(texts))
    n_events = sum(len(explained.events) for _, explained in process((d for d in docs if not hasattr(d, "reason")), extractor))
    elapsed = time.perf_counter() - start
    print(f"  full extraction: {len(texts)} texts, {n_events} events, {elapsed:.1f} s")
    return len(texts) / elapsed


def bare_parse(texts: list[str], nlp) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    elapsed = time.perf_counter() - start
    print(f"  bare parse: {len(texts)} texts, {elapsed:.1f} s")
    return len(texts) / elapsed


def load_full_model():
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no English spaCy model installed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500, help="texts per corpus (sources are repeated)")
    args = ap.parse_args()
    if not ZYTE.exists():
        raise SystemExit(f"{ZYTE}: not found (../shared must be beside the checkout)")
    extractor, nlp = Extractor(), load_full_model()
    list(process([build_document("warm", diplomatic_texts()[0])], extractor))  # load once, outside timing
    ratios = {}
    for name, texts in (("diplomatic", diplomatic_texts()), ("general", general_texts())):
        corpus = repeat_to(texts, args.n)
        print(f"{name}: {len(texts)} distinct texts, {len(corpus)} in the run")
        full = full_extraction(corpus, extractor)
        bare = bare_parse(corpus, nlp)
        ratios[name] = full / bare
        print(f"  articles/s: full {full:.1f}, bare parse {bare:.1f}")
    print(f"ratio_diplomatic {ratios['diplomatic']:.2f}")
    print(f"ratio_general {ratios['general']:.2f}")


if __name__ == "__main__":
    main()
