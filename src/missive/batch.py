"""Ingesting a corpus across processes or machines with Dask; the only module that imports dask.

One process parses about 17 articles a second and leaves a second core idle; spaCy's cost is
per article, so articles spread over processes. Dask (distributed) runs the workers: a
LocalCluster for `--workers N`, or a cluster the user already runs (`--scheduler tcp://...`).

- Workers receive portions (missive.documents.portions), not texts, where they can read the
  files themselves, and load the model once each (a worker plugin warms `worker_extractor`).
- Workers return documents with their events as the rows the store writes (store.ArticleRows:
  JSON and near-duplicate signatures built on the worker); the client process is the
  ONE writer, so the DuckDB file never sees two, and it only writes: its cost per article must stay
  a small part of a worker's, or the second worker waits on it. A finished shard is stored with its
  checkpoint in one transaction of a few set-based statements (Store.save_shard): a killed run
  resumes after the last stored shard, losing and duplicating nothing.
- The pairs a shard touches are reconsolidated once for several shards (CONSOLIDATE_EVERY) and at
  the end, not in each shard's transaction: a pair with many reports is recomputed less often. A
  run killed in between leaves reports in no consolidated event, which the next run's `stale_pairs`
  finds and consolidates first. A `force` run (re-extracted reports keep their ids, so staleness
  could not be seen) consolidates in each shard's transaction as before.
- The events are those of the one-process path: each worker runs the same `pipeline.process`.
- Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 in its workers, which slows spaCy by 15-25%
  (STACK.md); the local cluster is started without it. Its workers' statistical profiler (for a
  dashboard, which the local cluster does not serve) keeps one profile a second for the last 1,000
  seconds, about 0.13 MB each with spaCy's stacks: a worker grew with the run's length (378 MB after
  2 minutes, 419 after 7, 555 after 12 at 16,000 articles); the local cluster runs without it.
"""

from __future__ import annotations

import logging
import os
import resource
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import dask
from distributed import Client, Future, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from .documents.portions import Portion, plan_portions, read_portion
from .documents.reading import ArticleText
from .extraction.extractor import Extractor
from .model import Skip
from .pipeline import IngestSummary, build_document, describe_article, process
from .settings import Settings, default_settings
from .store.database import ArticleRows, Sessions, Store, article_rows

# Articles per shard: the unit a worker processes, the client stores and a re-run skips.
SHARD_SIZE = 64
# Shards in flight per worker: enough to keep a worker busy while the client stores, few enough
# that shipped rows and returned documents stay bounded in memory.
SHARDS_IN_FLIGHT_PER_WORKER = 2
# Shards stored between two reconsolidations of the pairs they touched (readers see consolidated
# events that lag by at most this many shards; the reports themselves are stored at once).
CONSOLIDATE_EVERY = 8
_LOCAL_CLUSTER = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                  "distributed.worker.profile.enabled": False}


@dataclass(frozen=True, slots=True)
class ShardResult:
    """What a worker sends back for one portion: its articles with events, its skips, its costs."""

    key: str
    label: str
    articles: tuple[ArticleRows, ...]  # the rows the client stores: it only writes
    skips: tuple[Skip, ...]
    seconds: float
    cpu_seconds: float  # the worker's CPU time for the shard (benchmarks compare the client's with it)
    worker_pid: int
    worker_peak_kb: int


@dataclass
class CorpusSummary(IngestSummary):
    """An ingest summary plus the shards: stored now, found stored by an earlier run, failed."""

    shards: int = 0
    resumed_shards: int = 0
    resumed_inputs: int = 0
    failures: list[str] = field(default_factory=list)
    worker_peaks_kb: dict[int, int] = field(default_factory=dict)  # worker pid -> its peak memory
    worker_cpu_seconds: float = 0.0  # the workers' CPU time for the shards stored

    @property
    def processed(self) -> int:
        return self.documents + self.redone + self.unchanged + self.resumed_inputs


WARM_UP = "The foreign minister of France met the foreign minister of Japan in Paris on Monday."


@lru_cache(maxsize=2)
def worker_extractor(settings: Settings) -> Extractor:
    """The model and knowledge of this process, loaded once (the model loads lazily: one short
    article through every stage loads it and the tables each stage reads)."""
    extractor = Extractor(settings=settings)
    list(process([build_document("warm-up", WARM_UP)], extractor))
    return extractor


class ModelPreload(WorkerPlugin):
    """Loads the model when a worker joins, so every worker holds it once before its first shard."""

    name = "missive-model"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker) -> None:  # noqa: ANN001 - a distributed.Worker
        worker_extractor(self.settings)


def run_shard(portion: Portion, settings: Settings) -> ShardResult:
    """Read, describe and extract one portion (on a worker), in input order, with the client's settings."""
    started, cpu = time.perf_counter(), time.process_time()
    items = (describe_article(a, settings) if isinstance(a, ArticleText) else a
             for a in read_portion(portion, settings))
    articles, skips = [], []
    for result in process(items, worker_extractor(settings)):
        if isinstance(result, Skip):
            skips.append(result)
        else:
            doc, explained = result
            articles.append(article_rows(doc, explained.events, explained.report_day, explained.conflicts))
    return ShardResult(portion.key, portion.label, tuple(articles), tuple(skips), time.perf_counter() - started,
                       time.process_time() - cpu, os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


@contextmanager
def dask_client(workers: int = 2, scheduler: str | None = None) -> Iterator[Client]:
    """A client of the cluster at `scheduler`, else of a local cluster of `workers` processes
    (one thread each: spaCy holds the GIL), with no dashboard, no profiler and no trim threshold."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with dask.config.set(_LOCAL_CLUSTER), LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                 dashboard_address=None, scheduler_port=0,
                                                 silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def ingest_corpus(paths: Iterable[str | Path], store: Store | str | Path, workers: int = 2,
                  scheduler: str | None = None, shard_size: int = SHARD_SIZE, force: bool = False,
                  on_shard: Callable[[ShardResult | str, CorpusSummary], None] | None = None,
                  on_skip: Callable[[Skip], None] | None = None, settings: Settings | None = None) -> CorpusSummary:
    """Every article under the paths, extracted by Dask workers and stored here, shard by shard.

    Shards stored by an earlier run are skipped (unless `force`); an article whose content is
    already stored is counted unchanged and not written again. Given a path, the store is opened
    for each shard's write only (pages and read commands answer between them) and the ingest lock
    keeps a second ingest out, as in pipeline.ingest. `on_shard` hears of each stored shard (or,
    as a string, of a failed one), `on_skip` of each input stored as a Skip.
    """
    settings = settings or default_settings()
    summary, sessions = CorpusSummary(), Sessions(store)
    if scheduler:  # workers elsewhere know no working folder of ours: give them absolute paths
        paths = [Path(p).resolve() for p in paths]
    with sessions.exclusive(), dask_client(workers, scheduler) as client:
        with sessions.open() as s:
            s.reconsolidate(s.stale_pairs())  # what an ingest killed before consolidating left
            summary.held_before = s.counts()["documents"]
            done = set() if force else s.finished_shards()
        client.register_plugin(ModelPreload(settings))
        window = max(2, SHARDS_IN_FLIGHT_PER_WORKER * len(client.scheduler_info()["workers"]))
        todo = _fresh(plan_portions(paths, shard_size, settings), done, sessions, summary, on_skip)
        submit = lambda portion: client.submit(run_shard, portion, settings, pure=False)  # noqa: E731
        pending: set[str] = set()  # pairs stored and not yet reconsolidated
        for n, future in enumerate(_in_input_order(todo, submit, window), 1):
            outcome = _finish_shard(future, sessions, summary, force, pending, n % CONSOLIDATE_EVERY == 0)
            for skip in outcome.skips if on_skip and isinstance(outcome, ShardResult) else ():
                on_skip(skip)
            if on_shard:
                on_shard(outcome, summary)
        with sessions.open() as s:
            s.reconsolidate(pending)
            summary.held_after = s.counts()["documents"]
    return summary


def _finish_shard(future: Future, sessions: Sessions, summary: CorpusSummary, force: bool, pending: set[str],
                  consolidate_now: bool) -> ShardResult | str:
    """Store a finished shard, its pairs added to `pending` (reconsolidated, with the others pending,
    when `consolidate_now`); a shard that failed (on its worker, or in the store) is a line saying
    so, and stays to do for the next run."""
    try:
        result = future.result()
        with sessions.open() as s:
            pending |= _store_shard(s, result, summary, force)
            if consolidate_now:
                s.reconsolidate(pending)
                pending.clear()
        return result
    except Exception as exc:  # noqa: BLE001 - a shard that fails is retried by a re-run
        summary.failures.append(f"a shard failed ({type(exc).__name__}: {str(exc)[:300]}); re-run to retry it")
        return summary.failures[-1]
    finally:
        future.release()


def _in_input_order(todo: Iterator[Portion], submit: Callable[[Portion], Future], window: int) -> Iterator[Future]:
    """The shards' futures, finished, in input order, with `window` shards kept running.

    Stored in input order, a corpus ends as the one-process path leaves it even where a later row
    is a new version of an earlier one (the same id twice: the later wins), and a killed run has
    stored a prefix of the shards, so a re-run never stores an older version over a newer one.
    A shard done early waits (at most `window` of them) for those before it; its worker goes on.
    """
    queue: deque[Future] = deque()
    done: set[Future] = set()
    pending = as_completed()

    def refill() -> None:
        while len(queue) - len(done) < window and len(done) < window and (more := _take(todo, 1)):
            queue.append(submit(more[0]))
            pending.add(queue[-1])

    refill()
    while queue:
        while queue[0] not in done:
            done.add(next(pending))
            refill()
        head = queue.popleft()
        done.discard(head)
        refill()
        yield head


def _take(items: Iterator[Portion], n: int) -> list[Portion]:
    return [p for _, p in zip(range(n), items)]


def _fresh(portions: Iterator[Portion | Skip], done: set[str], sessions: Sessions, summary: CorpusSummary,
           on_skip: Callable[[Skip], None] | None) -> Iterator[Portion]:
    """The portions still to do; inputs that cannot be read are stored as Skips on the way."""
    for item in portions:
        if isinstance(item, Skip):
            with sessions.open() as s:
                s.save_skip(item)
            summary.skips.append(item)
            if on_skip:
                on_skip(item)
        elif item.key in done:
            summary.resumed_shards += 1
            summary.resumed_inputs += item.size
        else:
            yield item


def _store_shard(store: Store, result: ShardResult, summary: CorpusSummary, force: bool) -> set[str]:
    """One transaction for the shard; the counts as pipeline.ingest keeps them (new, and of those the
    earlier versions replaced; re-extracted; unchanged: content stored already or twice in the
    shard); the pairs left to reconsolidate."""
    known = store.known_hashes([a.content_hash for a in result.articles])
    seen: set[str] = set()
    fresh = []
    for article in result.articles:
        h = article.content_hash
        if h not in seen and (force or h not in known):
            fresh.append(article)
        seen.add(h)
    keys, replaced = store.save_shard(result.key, result.label, fresh, result.skips, consolidate=force)
    summary.shards += 1
    summary.replaced += replaced
    summary.redone += sum(a.content_hash in known for a in fresh)
    summary.documents += sum(a.content_hash not in known for a in fresh)
    summary.unchanged += len(result.articles) - len(fresh)
    summary.events += sum(a.n_events for a in fresh)
    summary.skips += result.skips
    summary.worker_cpu_seconds += result.cpu_seconds
    summary.worker_peaks_kb[result.worker_pid] = max(result.worker_peak_kb,
                                                    summary.worker_peaks_kb.get(result.worker_pid, 0))
    return set() if force else keys
