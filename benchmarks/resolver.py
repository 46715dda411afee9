"""How fast the actor resolver reads sentences, against spaCy's tokenizer on the same sentences, in one run.

The resolver's `find_mentions` runs on every sentence of every article, so it must stay a small
share of the model's cost. The sentences are those of the bundled example articles, read three
times; the reference is the English model's tokenizer alone over the same sentences (the cheapest
thing the pipeline does to each of them). The last line is `ratio_resolver_to_tokenizer X`
(sentences/s of the resolver over the tokenizer's: 0.36 measured on the shared 2-core
machine at load 14, 563 against 1,558 sentences/s).

    .venv/bin/python benchmarks/resolver.py
"""

from __future__ import annotations

import re
import time
from datetime import date
from importlib.resources import files

from missive.actors.resolver import ActorResolver
from missive.extraction.nlp import load_nlp


def sentences() -> list[str]:
    """The example articles' sentences, split at sentence ends and line breaks."""
    folder = files("missive") / "examples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir(), key=lambda p: p.name)
             if p.name.endswith(".txt")]
    return [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()]


def rate(work, items: list[str]) -> float:
    """Items per second of `work` over the items read three times."""
    started = time.perf_counter()
    for item in items * 3:
        work(item)
    return 3 * len(items) / (time.perf_counter() - started)


def main() -> None:
    items = sentences()
    resolver = ActorResolver.default()
    resolver.find_mentions(items[0], date(2023, 11, 2))  # tables loaded outside the measure
    tokenizer = load_nlp().tokenizer
    resolver_rate = rate(lambda s: resolver.find_mentions(s, date(2023, 11, 2)), items)
    tokenizer_rate = rate(tokenizer, items)
    print(f"{len(items)} sentences x 3")
    print(f"resolver  {resolver_rate:10.0f} sentences/s")
    print(f"tokenizer {tokenizer_rate:10.0f} sentences/s")
    print(f"ratio_resolver_to_tokenizer {resolver_rate / tokenizer_rate:.2f}")


if __name__ == "__main__":
    main()
