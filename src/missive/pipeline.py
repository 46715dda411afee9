"""The main job: paths or texts in, events out (and into the store), one model load per run.

Reading this module shows the stages in order:
1. read      files, folders and corpora -> article texts (missive.documents.reading)
2. clean     boilerplate and repeats out, with an offset map back (missive.documents.clean)
3. metadata  title, outlet, cited media, date candidates (missive.documents.metadata)
4. now       the article's reference date (missive.temporal.reference_date)
5. actors    every actor mention, resolved on that date (missive.actors.resolver)
6. extract   events from the parse of trigger sentences (missive.extraction.extractor)
7. store     events stored and consolidated across articles (missive.store.database)

A batch never stops on a broken article: every input becomes either a Document with its
events or a Skip with a reason, in input order, and finished work is stored as it completes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .actors.resolver import ActorResolver
from .documents.clean import clean_text
from .documents.metadata import extract_metadata
from .documents.reading import ArticleText, article_text, read_articles, row_metadata
from .errors import InputError
from .extraction.extractor import Explained, Extractor, Grounded
from .model import Document, Event, Skip
from .store.database import Store
from .temporal.reference_date import infer_reference_date

Result = tuple[Document, Explained] | Skip
# Articles parsed together: their candidate sentences go through the model in one call.
BATCH_DOCS = 32
# Consolidation is brought up to date once per this many stored articles (and at the end), not
# per article: a pair's recomputation costs in proportion to its reports.
CONSOLIDATE_EVERY = 64


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | Skip]:
    """Every article under the paths, read, cleaned and described, in a stable order."""
    for item in read_articles(paths):
        yield item if isinstance(item, Skip) else describe_article(item)


def build_document(doc_id: str, text: str, *, path: str = "", url: str = "",
                   is_html: bool = False) -> Document | Skip:
    """One article given as its text (HTML goes through trafilatura first), cleaned and described."""
    article = article_text(doc_id, text, path=path, url=url, is_html=is_html)
    return article if isinstance(article, Skip) else _describe(article)


def describe_article(article: ArticleText) -> Document | Skip:
    """Stages 2 and 3; an unexpected failure is a Skip naming the input, so the batch goes on."""
    try:
        return _describe(article)
    except Exception as exc:  # noqa: BLE001 - one broken article must not stop a batch
        return Skip(article.path or article.doc_id, "unreadable", f"{type(exc).__name__}: {exc}")


def _describe(article: ArticleText) -> Document | Skip:
    result = clean_text(article.text)
    metadata = row_metadata(extract_metadata(article.text, result.cleaned, url=article.url,
                                             html_meta=article.html_meta, path=article.path), article.fields)
    if metadata.language not in ("en", "unknown", ""):
        return Skip(article.path or article.doc_id, "not_english",
                    f"the article is in '{metadata.language}', not English")
    return Document(doc_id=article.doc_id, original=article.text, cleaned=result.cleaned, offsets=result.offsets,
                    metadata=metadata, removals=result.removals, path=article.path)


def ground(doc: Document, resolver: ActorResolver) -> Grounded:
    """Stages 4 and 5: the article's "now", then every actor mention as of that day."""
    reference = infer_reference_date(doc)
    window = reference.window
    mentions = resolver.find_mentions(doc.cleaned, window.end or window.start)
    return Grounded(doc, reference, mentions)


def process(inputs: Iterable[Document | Skip], extractor: Extractor | None = None) -> Iterator[Result]:
    """Documents through stages 4-6 in batches; Skips pass straight through, in order."""
    extractor = extractor or Extractor()
    pending: list[Document | Skip] = []
    for item in inputs:
        pending.append(item)
        if sum(isinstance(p, Document) for p in pending) >= BATCH_DOCS:
            yield from _extract_batch(pending, extractor)
            pending = []
    yield from _extract_batch(pending, extractor)


def _extract_batch(pending: list[Document | Skip], extractor: Extractor) -> Iterator[Result]:
    docs = [p for p in pending if isinstance(p, Document)]
    explained = iter(extractor.explain_batch([ground(doc, extractor.resolver) for doc in docs]))
    for item in pending:
        yield item if isinstance(item, Skip) else (item, next(explained))


def extract(text_or_path: str | Path, extractor: Extractor | None = None) -> list[Event]:
    """Events of one article, given as its text or as a path to a .txt/.html file."""
    events: list[Event] = []
    for result in process(_as_inputs(text_or_path), extractor):
        if isinstance(result, Skip):
            raise InputError(result.message())
        events += result[1].events
    return events


def _as_inputs(text_or_path: str | Path) -> list[Document | Skip]:
    if isinstance(text_or_path, Path) or ("\n" not in text_or_path and len(text_or_path) < 4096
                                           and Path(text_or_path).is_file()):
        return list(read_documents([text_or_path]))
    return [build_document("text", str(text_or_path))]


@dataclass
class IngestSummary:
    """What one ingest run did, for the CLI's summary line and for tests."""

    documents: int = 0
    unchanged: int = 0
    events: int = 0
    skips: list[Skip] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.documents + self.unchanged


def ingest(paths: Iterable[str | Path], store: Store, extractor: Extractor | None = None,
           on_item: Callable[[str], None] | None = None, force: bool = False) -> IngestSummary:
    """Stages 1-7: store every article under the paths with its events; unchanged content is not
    redone unless `force` (after an upgrade of Missive or of its data files), which replaces its events."""
    summary = IngestSummary()

    def fresh() -> Iterator[Document | Skip]:
        for item in read_documents(paths):
            if isinstance(item, Document) and not force and store.has_document(item.content_hash):
                summary.unchanged += 1
                if on_item:
                    on_item(item.path)
                continue
            yield item

    pending: set[str] = set()
    for result in process(fresh(), extractor):
        if isinstance(result, Skip):
            store.save_skip(result)
            summary.skips.append(result)
            if on_item:
                on_item(result.path)
            continue
        doc, explained = result
        pending |= store.save_document(doc, explained.events, explained.report_day, explained.conflicts,
                                       consolidate=False)
        summary.documents += 1
        summary.events += len(explained.events)
        if summary.documents % CONSOLIDATE_EVERY == 0:
            store.reconsolidate(pending)
            pending = set()
        if on_item:
            on_item(doc.path)
    store.reconsolidate(pending)
    return summary
