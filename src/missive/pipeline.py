"""The main job: paths or texts in, events out (and into the store), one model load per run.

A batch never stops on a broken article: every input becomes either a Document with its
events or a Skip with a reason, in input order, and finished work is stored as it completes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .extraction import BATCH_DOCS, Explained, Extractor
from .ingest import build_document, read_documents
from .model import Document, Event, Skip
from .store import Store

Result = tuple[Document, Explained] | Skip
# Consolidation is brought up to date once per this many stored articles (and at the end), not
# per article: a pair's recomputation costs in proportion to its reports.
CONSOLIDATE_EVERY = 64


def process(inputs: Iterable[Document | Skip], extractor: Extractor | None = None) -> Iterator[Result]:
    """Documents through the extractor in batches; Skips pass straight through, in order."""
    extractor = extractor or Extractor()
    pending: list[Document | Skip] = []
    for item in inputs:
        pending.append(item)
        if sum(isinstance(p, Document) for p in pending) >= BATCH_DOCS:
            yield from _flush(pending, extractor)
            pending = []
    yield from _flush(pending, extractor)


def _flush(pending: list[Document | Skip], extractor: Extractor) -> Iterator[Result]:
    docs = [p for p in pending if isinstance(p, Document)]
    done = iter(extractor.explain_documents(docs))
    for item in pending:
        yield item if isinstance(item, Skip) else next(done)


def extract(text_or_path: str | Path, extractor: Extractor | None = None) -> list[Event]:
    """Events of one article, given as its text or as a path to a .txt/.html file."""
    items = _as_inputs(text_or_path)
    events: list[Event] = []
    for result in process(items, extractor):
        if isinstance(result, Skip):
            from .errors import InputError

            raise InputError(result.message())
        events += result[1].events
    return events


def _as_inputs(text_or_path: str | Path) -> list[Document | Skip]:
    if isinstance(text_or_path, Path) or ("\n" not in text_or_path and len(text_or_path) < 4096
                                           and Path(text_or_path).is_file()):
        return list(read_documents([text_or_path]))
    built = build_document("text", str(text_or_path))
    return [built]


@dataclass
class IngestReport:
    """What one ingest run did, for the CLI's summary line and for tests."""

    documents: int = 0
    unchanged: int = 0
    events: int = 0
    skips: list[Skip] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.documents + self.unchanged


def ingest(paths: Iterable[str | Path], store: Store, extractor: Extractor | None = None,
           on_item: Callable[[str], None] | None = None, force: bool = False) -> IngestReport:
    """Store every article under the paths with its events; unchanged content is not redone
    unless `force` (after an upgrade of Missive or of its data files), which replaces its events."""
    report = IngestReport()

    def fresh() -> Iterator[Document | Skip]:
        for item in read_documents(paths):
            if isinstance(item, Document) and not force and store.has_document(item.content_hash):
                report.unchanged += 1
                if on_item:
                    on_item(item.path)
                continue
            yield item

    pending: set[str] = set()
    for result in process(fresh(), extractor):
        if isinstance(result, Skip):
            store.save_skip(result)
            report.skips.append(result)
            if on_item:
                on_item(result.path)
            continue
        doc, explained = result
        pending |= store.save_document(doc, explained.events, explained.report, explained.conflicts,
                                       consolidate=False)
        report.documents += 1
        report.events += len(explained.events)
        if report.documents % CONSOLIDATE_EVERY == 0:
            store.reconsolidate(pending)
            pending = set()
        if on_item:
            on_item(doc.path)
    store.reconsolidate(pending)
    return report
