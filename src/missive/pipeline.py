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
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from .actors.resolver import ActorResolver
from .budget import Budget
from .documents.clean import clean_text
from .documents.metadata import extract_metadata
from .documents.reading import ArticleText, article_text, read_articles, row_metadata
from .errors import ArticleTimeout, InputError, StoreError
from .extraction.extractor import Explained, Extractor, Grounded
from .model import Document, Event, Skip, SkipReason
from .settings import Settings, default_settings
from .store.database import Sessions, Store
from .temporal.reference_date import infer_reference_date

Result = tuple[Document, Explained] | Skip


@dataclass(frozen=True, slots=True)
class Budgeted:
    """A described article with the time budget it has left for the later stages."""

    doc: Document
    budget: Budget


def read_documents(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Document | Skip]:
    """Every article under the paths, read, cleaned and described, in a stable order."""
    for item in read_budgeted(paths, settings):
        yield item.doc if isinstance(item, Budgeted) else item


def read_budgeted(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Budgeted | Skip]:
    """read_documents, each article with the budget it has left (what `process` should be given)."""
    settings = settings or default_settings()
    for item in read_articles(paths, settings):
        yield item if isinstance(item, Skip) else describe_article(item, settings)


def build_document(doc_id: str, text: str, *, path: str = "", url: str = "", is_html: bool = False,
                   published: date | datetime | str | None = None) -> Document | Skip:
    """One article given as its text (HTML goes through trafilatura first), cleaned and described.
    `url` and `published` are what the caller knows of it: each becomes a publication-date candidate
    (provenance `url`, `row`), weighed against the text's own dates like a header line."""
    article = article_text(doc_id, text, path=path, url=url, is_html=is_html, published=published)
    if isinstance(article, Skip):
        return article
    described = describe_article(article)
    return described.doc if isinstance(described, Budgeted) else described


def describe_article(article: ArticleText, settings: Settings | None = None) -> Budgeted | Skip:
    """Stages 2 and 3 within the article's time budget; a failure is a Skip naming the input, so
    the batch goes on."""
    settings = settings or default_settings()
    budget = Budget(settings.article_seconds)
    try:
        with budget.running("cleaning and metadata"):
            doc = _describe(article)
    except Exception as exc:  # noqa: BLE001 - one broken article must not stop a batch
        return failure_skip(article.path or article.doc_id, exc)
    return Budgeted(doc, budget) if isinstance(doc, Document) else doc


def failure_skip(where: str, exc: BaseException) -> Skip:
    """The Skip of an article whose stage failed or ran out of time."""
    if isinstance(exc, ArticleTimeout):
        return Skip(where, SkipReason.TIMED_OUT, str(exc))
    return Skip(where, SkipReason.FAILED, f"{type(exc).__name__}: {str(exc)[:200]}")


def _describe(article: ArticleText) -> Document | Skip:
    result = clean_text(article.text)
    metadata = row_metadata(extract_metadata(article.text, result.cleaned, url=article.url,
                                             html_meta=article.html_meta, path=article.path,
                                             published=article.published), article.fields)
    if metadata.language not in ("en", "unknown", ""):
        return Skip(article.path or article.doc_id, SkipReason.NOT_ENGLISH,
                    f"the article is in '{metadata.language}', not English")
    return Document(doc_id=article.doc_id, original=article.text, cleaned=result.cleaned, offsets=result.offsets,
                    metadata=metadata, removals=result.removals, path=article.path, source_key=article.source_key)


def ground(doc: Document, resolver: ActorResolver) -> Grounded:
    """Stages 4 and 5: the article's "now", then every actor mention as of that day."""
    reference = infer_reference_date(doc)
    window = reference.window
    mentions = resolver.find_mentions(doc.cleaned, window.end or window.start)
    return Grounded(doc, reference, mentions)


def process(inputs: Iterable[Budgeted | Document | Skip], extractor: Extractor | None = None) -> Iterator[Result]:
    """Documents through stages 4-6 in batches; Skips pass straight through, in order."""
    extractor = extractor or Extractor()
    pending: list[Budgeted | Skip] = []
    for item in inputs:
        pending.append(Budgeted(item, Budget(extractor.settings.article_seconds)) if isinstance(item, Document)
                       else item)
        if sum(isinstance(p, Budgeted) for p in pending) >= extractor.settings.batch_docs:
            yield from _extract_batch(pending, extractor)
            pending = []
    yield from _extract_batch(pending, extractor)


def _extract_batch(pending: list[Budgeted | Skip], extractor: Extractor) -> Iterator[Result]:
    """One batch; an article that fails or runs out of time is a Skip, the others go on."""
    outcome: dict[int, Result] = {}
    grounded: list[Grounded] = []
    budgets: list[Budget] = []
    for k, entry in enumerate(pending):
        if isinstance(entry, Skip):
            continue
        item, budget = entry.doc, entry.budget
        try:
            with budget.running("dating and actors"):
                article = ground(item, extractor.resolver)
        except Exception as exc:  # noqa: BLE001 - one broken article must not stop a batch
            outcome[k] = failure_skip(item.path or item.doc_id, exc)
        else:  # both or neither: the budget's check as the stage ends may raise after grounding
            grounded.append(article)
            budgets.append(budget)
    explained = iter(extractor.explain_isolated(grounded, budgets))
    for k, entry in enumerate(pending):
        if isinstance(entry, Skip):
            yield entry
        elif k in outcome:
            yield outcome[k]
        else:
            result, doc = next(explained), entry.doc
            yield (doc, result) if isinstance(result, Explained) else failure_skip(doc.path or doc.doc_id, result)


def extract(text_or_path: str | Path, extractor: Extractor | None = None, *, url: str = "",
            published: date | datetime | str | None = None) -> list[Event]:
    """Events of one article, given as its text or as a path to a .txt/.html file; `url` and
    `published` (when the caller knows them) help date it."""
    events: list[Event] = []
    for result in process(_as_inputs(text_or_path, url, published), extractor):
        if isinstance(result, Skip):
            raise InputError(result.message())
        events += result[1].events
    return events


def _as_inputs(text_or_path: str | Path, url: str = "",
               published: date | datetime | str | None = None) -> list[Document | Skip]:
    if isinstance(text_or_path, Path) or _names_a_file(text_or_path):
        return [item if isinstance(item, Skip) else describe_article(
                    replace(item, url=url or item.url, published=published or item.published))
                for item in read_articles([text_or_path])]
    return [build_document("text", str(text_or_path), url=url, published=published)]


def _names_a_file(text: str) -> bool:
    """A one-line string that is an existing file's path; a one-line article longer than the
    system allows a file name to be ("File name too long") is text, not an error."""
    if "\n" in text or len(text) >= 4096:
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False


@dataclass
class IngestSummary:
    """What one ingest run did, for the CLI's summary line and for tests; the numbers add up:
    inputs = documents + redone + unchanged + skipped, and held_after = held_before + documents - replaced."""

    documents: int = 0  # new content stored
    replaced: int = 0  # earlier versions (same file or corpus id) those replaced
    redone: int = 0  # stored content extracted again (--force)
    unchanged: int = 0  # content already stored (or twice in this run): nothing to do
    events: int = 0
    skips: list[Skip] = field(default_factory=list)
    held_before: int = 0
    held_after: int = 0

    @property
    def processed(self) -> int:
        return self.documents + self.redone + self.unchanged

    @property
    def inputs(self) -> int:
        return self.processed + len(self.skips)


def ingest(paths: Iterable[str | Path], store: Store | str | Path, extractor: Extractor | None = None,
           on_item: Callable[[str], None] | None = None, force: bool = False,
           on_skip: Callable[[Skip], None] | None = None) -> IngestSummary:
    """Stages 1-7: store every article under the paths with its events; unchanged content is not
    redone unless `force` (after an upgrade of Missive or of its data files), which replaces its events.

    Given a path, the store is opened for each batch's writes only (pages and read commands answer
    between them) and an ingest lock keeps a second ingest out. Each article is stored in its own
    transaction, so a run killed at any point loses no stored article; each batch's pairs are
    reconsolidated before its connection closes, and every run first reconsolidates the pairs whose
    stored reports and consolidated events disagree (what a killed run left).
    """
    summary = IngestSummary()
    extractor = extractor or Extractor()
    settings = extractor.settings
    sessions = Sessions(store)
    with sessions.exclusive():
        with sessions.open() as s:
            s.reconsolidate(s.stale_pairs())  # what a run killed before consolidating left
            summary.held_before = s.counts()["documents"]
        for chunk in _chunks(read_budgeted(paths, settings), settings.batch_docs):
            with sessions.open() as s:
                todo = _fresh(chunk, s, force, summary, on_item)
            results = list(process(todo, extractor))
            with sessions.open() as s:
                touched: set[str] = set()
                for result in results:
                    touched |= _store_result(result, s, summary, on_skip)
                    if on_item:
                        on_item(result.path if isinstance(result, Skip) else result[0].path)
                s.reconsolidate()  # every queued pair: this batch's and what a killed run left
        with sessions.open() as s:
            summary.held_after = s.counts()["documents"]
    return summary


def _chunks(items: Iterable[Budgeted | Skip], size: int) -> Iterator[list[Budgeted | Skip]]:
    """Items in runs holding `size` articles each (Skips ride along)."""
    chunk: list[Budgeted | Skip] = []
    for item in items:
        chunk.append(item)
        if sum(isinstance(c, Budgeted) for c in chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _fresh(chunk: list[Budgeted | Skip], store: Store, force: bool, summary: IngestSummary,
           on_item: Callable[[str], None] | None) -> list[Budgeted | Skip]:
    """The chunk without articles whose content is stored already (or earlier in the chunk)."""
    hashes = [c.doc.content_hash for c in chunk if isinstance(c, Budgeted)]
    known = set() if force else store.known_hashes(hashes)
    seen: set[str] = set()
    todo: list[Budgeted | Skip] = []
    for item in chunk:
        if isinstance(item, Budgeted):
            h = item.doc.content_hash
            if h in known or h in seen:
                summary.unchanged += 1
                if on_item:
                    on_item(item.doc.path)
                continue
            seen.add(h)
        todo.append(item)
    return todo


def _store_result(result: Result, store: Store, summary: IngestSummary,
                  on_skip: Callable[[Skip], None] | None) -> set[str]:
    """Store one result; the country pairs it touched (to reconsolidate)."""
    if not isinstance(result, Skip):
        doc, explained = result
        try:
            had = store.has_document(doc.content_hash)
            replaced = len(store.older_versions(doc))
            keys = store.save_document(doc, explained.events, explained.report_day, explained.conflicts,
                                       consolidate=False)
        except StoreError as exc:
            result = Skip(doc.path or doc.doc_id, SkipReason.FAILED, str(exc))
        else:
            if had:
                summary.redone += 1
            else:
                summary.documents += 1
                summary.replaced += replaced
            summary.events += len(explained.events)
            return keys
    store.save_skip(result)
    summary.skips.append(result)
    if on_skip:
        on_skip(result)
    return set()
