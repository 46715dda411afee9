"""How long `missive --help` takes to answer, against a bare Python start, in one run.

Median of N runs (default 5) of three commands in fresh processes: `python -c pass`, `missive --help`
and `python -c "import missive; missive.Extractor"` (the model's libraries, what every command paid
before the heavy imports moved into the commands). Wall and user CPU time are printed; on a shared
machine the user CPU time is the steadier figure. The last line is `ratio_help_to_model X`.

    .venv/bin/python benchmarks/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

MISSIVE = str(Path(sys.executable).with_name("missive"))
COMMANDS = {
    "python_start": [sys.executable, "-c", "pass"],
    "missive_help": [MISSIVE, "--help"],
    "model_libraries": [sys.executable, "-c", "import missive; missive.Extractor"],
}


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall seconds and the child's user CPU seconds of one run."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    return wall, os.times().children_user - before.children_user


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    medians = {}
    for name, command in COMMANDS.items():
        times = [run_once(command) for _ in range(runs)]
        medians[name] = (statistics.median(t[0] for t in times), statistics.median(t[1] for t in times))
        print(f"{name:16} wall {medians[name][0]:.3f} s   user {medians[name][1]:.3f} s   (median of {runs})")
    print(f"ratio_help_to_model {medians['missive_help'][0] / medians['model_libraries'][0]:.3f}")


if __name__ == "__main__":
    main()
