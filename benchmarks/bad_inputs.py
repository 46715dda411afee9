"""Time and peak memory of each hostile input alone, beside the five good articles.

For every case of tests/hostile.py, runs `missive extract` and `missive ingest` on a folder
holding only that case plus the bundled articles, under /usr/bin/time -v, and prints a
Markdown table (wall seconds, peak resident MB, the case's own stderr line). The limits the
issue sets: no case above 60 s or 1 GB. Each run loads the model once (a few seconds of it).

    python benchmarks/bad_inputs.py [--big] [--out FILE]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile import ARTICLE, cases, many_lines  # noqa: E402

MISSIVE = str(Path(sys.executable).parent / "missive")
LIMIT_SECONDS, LIMIT_MB = 60, 1000


def timed(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds (user + system), peak RSS in MB, stderr without the time report) of
    one command. On a shared machine the wall time is mostly waiting for a core; the CPU seconds
    are the command's own cost."""
    run = subprocess.run(["/usr/bin/time", "-v", *args], capture_output=True, text=True, timeout=900,
                         env={**os.environ, **(env or {})})
    report = run.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", report)
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", report)[1]) for kind in ("User", "System"))
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    seconds = int(wall[1] or 0) * 3600 + int(wall[2]) * 60 + float(wall[3])
    own = report.split("\tCommand being timed")[0]
    return seconds, cpu, int(rss[1]) / 1000, own


def line_of(stderr: str, name: str) -> str:
    hits = [line for line in stderr.splitlines() if ": skipped (" in line and name.split(".")[0] in line]
    if not hits:
        return "stored"
    reasons = sorted({re.search(r"skipped \((\w+)\)", h)[1] for h in hits})
    return f"{len(hits)} line{'s' * (len(hits) > 1)}: " + ", ".join(reasons)


def _one_line(size: int) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / f"line{size // 1_000_000}m-under-cap.txt"
        sentence = ARTICLE.replace("\n", " ")
        path.write_text(sentence * (size // len(sentence)), encoding="utf-8")
        return path
    return build


# Big inputs under the caps (or with the cap raised): the per-article time budget must end them.
BIG = [("baseline: the five good articles only", None, {}),
       ("1.9 MB article of 31,000 lines", many_lines, {}),
       ("1 MB single line", _one_line(1_000_000), {}),
       ("10 MB single line, MISSIVE_MAX_ARTICLE_CHARS=20000000", _one_line(10_000_000),
        {"MISSIVE_MAX_ARTICLE_CHARS": "20000000"})]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the table here too")
    parser.add_argument("--big", action="store_true", help="also the big inputs under the caps (BIG)")
    args = parser.parse_args()
    rows = ["| case | extract wall s | extract CPU s | extract MB | ingest wall s | ingest CPU s | ingest MB | outcome |",
            "|---|---|---|---|---|---|---|---|"]
    worst = (0.0, 0.0, 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "good"
        shutil.copytree(ROOT / "src" / "missive" / "examples", good)
        all_cases = [(c.name, c.build, {}) for c in cases()] + [("missing path", None, {})]
        for n, (name, build, env) in enumerate(all_cases + (BIG if args.big else [])):
            folder = Path(tmp) / f"case{n}"
            folder.mkdir()
            baseline = name.startswith("baseline")
            target = [] if baseline else [str(build(folder).parent) if build else "/no/such/article.txt"]
            ex_s, ex_cpu, ex_mb, _ = timed([MISSIVE, "extract", *target, str(good), "-o", str(Path(tmp) / "ev.jsonl")],
                                           env)
            in_s, in_cpu, in_mb, in_err = timed([MISSIVE, "ingest", *target, str(good), "--db",
                                                 str(Path(tmp) / f"s{n}.duckdb")], env)
            if n < len(all_cases):  # the matrix; the limits are the for these
                worst = (max(worst[0], ex_s, in_s), max(worst[1], ex_cpu, in_cpu), max(worst[2], ex_mb, in_mb))
            outcome = line_of(in_err, name if build else "no/such") if n < len(all_cases) else \
                in_err.strip().splitlines()[-1]
            rows.append(f"| {name} | {ex_s:.1f} | {ex_cpu:.1f} | {ex_mb:.0f} | {in_s:.1f} | {in_cpu:.1f} | {in_mb:.0f} "
                        f"| {outcome} |")
            print(rows[-1], flush=True)
            shutil.rmtree(folder, ignore_errors=True)
    rows.append(f"\nworst of the matrix: {worst[0]:.1f} s wall, {worst[1]:.1f} CPU s, {worst[2]:.0f} MB (limits {LIMIT_SECONDS} s, "
                f"{LIMIT_MB} MB): {'within' if worst[0] <= LIMIT_SECONDS and worst[2] <= LIMIT_MB else 'OVER'}")
    table = "\n".join(rows)
    print(rows[-1])
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
