"""The time budget of one article: seconds it may spend in the stages before it becomes a Skip.

Signals cannot bound a stage in a batch (they reach only the main thread, and a worker of a
pool or a web request is not it), so the budget is counted, not enforced from outside: the time
an article spends in each stage is added up (time it waits in a batch for others is not), and
the stages check it between steps and inside their long loops. Every step they run is linear in
its input and the inputs are capped (see missive.settings), so no check is ever far away.

The seconds are CPU seconds of this process (time.process_time), not wall-clock ones: on a
machine busy with other work a good article must not time out because it waited for a core.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from time import process_time

from .errors import ArticleTimeout


class Budget:
    """Seconds left to one article; `running(stage)` counts a stage, `check()` raises past it."""

    __slots__ = ("seconds", "used", "stage", "_since")

    def __init__(self, seconds: float) -> None:
        self.seconds, self.used, self.stage = seconds, 0.0, ""
        self._since: float | None = None

    @contextmanager
    def running(self, stage: str) -> Iterator["Budget"]:
        self.stage, self._since = stage, process_time()
        try:
            yield self
        finally:
            self.used += process_time() - self._since
            self._since = None
        self.check()

    def charge(self, seconds: float, stage: str) -> None:
        """Add a share of work done for several articles at once (a batched parse)."""
        self.stage = stage
        self.used += seconds
        self.check()

    def check(self) -> None:
        used = self.used + (process_time() - self._since if self._since is not None else 0.0)
        if used > self.seconds:
            raise ArticleTimeout(f"past the budget of {self.seconds:g} CPU seconds per article (in {self.stage}; "
                                 "MISSIVE_ARTICLE_SECONDS)")
