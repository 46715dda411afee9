"""Shared fixtures: the bundled example articles, the devset beside the checkout, temp stores, the
local news server of the watch tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from news_server import news_site

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "missive" / "examples"
# ../shared beside the checkout; a git worktree one level deeper (wt/NAME) finds it one level up.
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "devset").is_dir()), ROOT.parent / "shared")
DEVSET = SHARED / "devset"


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def devset() -> Path:
    if not (DEVSET / "docs").is_dir():
        pytest.skip("../shared/devset is not beside this checkout")
    return DEVSET


@pytest.fixture(scope="session")
def extractor():
    from missive import Extractor

    return Extractor()


@pytest.fixture
def server():
    """The local news server of the watch tests (tests/news_server.py), started and stopped with the test."""
    news = news_site()
    yield news
    news.stop()
