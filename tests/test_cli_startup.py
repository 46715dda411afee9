"""`missive --help` answers at once: the heavy libraries load only inside the commands that use them.

Measured, not timed (speed goals live in benchmarks/): a fresh interpreter that builds the command
line and prints its help must not have imported spaCy, DuckDB, FastAPI, trafilatura or Dask.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "duckdb", "fastapi", "uvicorn", "trafilatura", "dask", "pyarrow", "datasketch", "dateparser")
PROBE = """
import contextlib, io, json, sys
from missive.cli.app import app
with contextlib.redirect_stdout(io.StringIO()):
    try:
        app(ARGS)
    except SystemExit:
        pass
print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))
"""


def _modules_after(args: list[str]) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE.replace("ARGS", repr(args))], capture_output=True, text=True,
                          timeout=120, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [["--help"], ["events", "--help"], ["serve", "--help"], ["ingest", "--help"]])
def test_help_loads_no_heavy_library(args: list[str]):
    assert _modules_after(args) & set(HEAVY) == set()


def test_importing_missive_loads_no_model_until_a_name_is_used():
    probe = ("import sys, missive; before = 'spacy' in sys.modules; missive.Event; "
             "print(before, 'spacy' in sys.modules, set(missive.__all__) <= set(dir(missive)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["False", "False", "True"]
