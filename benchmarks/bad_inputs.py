"""Time and peak memory of each hostile input alone, beside the five good articles.

For every case of tests/hostile.py, runs `missive extract` and `missive ingest` on a folder
holding only that case plus the bundled articles, under /usr/bin/time -v, and prints a
Markdown table (wall seconds, peak resident MB, the case's own stderr line). The limits the
issue sets: no case above 60 s or 1 GB. Each run loads the model once (a few seconds of it).

    python benchmarks/bad_inputs.py [--out FILE]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile import cases  # noqa: E402

MISSIVE = str(Path(sys.executable).parent / "missive")
LIMIT_SECONDS, LIMIT_MB = 60, 1000


def timed(args: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stderr without the time report) of one command."""
    run = subprocess.run(["/usr/bin/time", "-v", *args], capture_output=True, text=True, timeout=900)
    report = run.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", report)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    seconds = int(wall[1] or 0) * 3600 + int(wall[2]) * 60 + float(wall[3])
    own = report.split("\tCommand being timed")[0]
    return seconds, int(rss[1]) / 1000, own


def line_of(stderr: str, name: str) -> str:
    hits = [line for line in stderr.splitlines() if ": skipped (" in line and name.split(".")[0] in line]
    if not hits:
        return "stored"
    reasons = sorted({re.search(r"skipped \((\w+)\)", h)[1] for h in hits})
    return f"{len(hits)} line{'s' * (len(hits) > 1)}: " + ", ".join(reasons)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the table here too")
    args = parser.parse_args()
    rows = ["| case | extract s | extract MB | ingest s | ingest MB | outcome |", "|---|---|---|---|---|---|"]
    worst = (0.0, 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "good"
        shutil.copytree(ROOT / "src" / "missive" / "examples", good)
        all_cases = [(c.name, c.build) for c in cases()] + [("missing path", None)]
        for n, (name, build) in enumerate(all_cases):
            folder = Path(tmp) / f"case{n}"
            folder.mkdir()
            target = str(build(folder).parent) if build else "/no/such/article.txt"
            ex_s, ex_mb, ex_err = timed([MISSIVE, "extract", target, str(good), "-o", str(Path(tmp) / "ev.jsonl")])
            in_s, in_mb, in_err = timed([MISSIVE, "ingest", target, str(good), "--db", str(Path(tmp) / f"s{n}.duckdb")])
            worst = (max(worst[0], ex_s, in_s), max(worst[1], ex_mb, in_mb))
            outcome = line_of(in_err, name if build else "no/such")
            rows.append(f"| {name} | {ex_s:.1f} | {ex_mb:.0f} | {in_s:.1f} | {in_mb:.0f} | {outcome} |")
            print(rows[-1], flush=True)
            shutil.rmtree(folder, ignore_errors=True)
    rows.append(f"\nworst: {worst[0]:.1f} s, {worst[1]:.0f} MB (limits {LIMIT_SECONDS} s, {LIMIT_MB} MB): "
                f"{'within' if worst[0] <= LIMIT_SECONDS and worst[1] <= LIMIT_MB else 'OVER'}")
    table = "\n".join(rows)
    print(rows[-1])
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
