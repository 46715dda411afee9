"""The extractor: from a grounded article (its "now" and its actor mentions) to the events it asserts.

The earlier stages have found the article's reference date and every actor mention (see
missive.pipeline); the work here, per article, in order:
1. a lexical pass picks the sentences that hold a trigger word (the rest is never parsed);
2. the candidates of a whole batch of articles are parsed together (one nlp.pipe call);
3. each trigger is read into a Frame (parties from syntax), filtered (negation, modality...),
   dated (expressions attached to the innermost frame) and turned into Drafts;
4. drafts borrow missing parties from context, merge, and become Events with evidence spans
   into the ORIGINAL text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from time import process_time

from spacy.language import Language
from spacy.tokens import Doc

from ..actors.mention_pass import Mention
from ..actors.resolver import ActorResolver
from ..budget import Budget
from ..documents.date_candidates import dateline_end
from ..knowledge.schema import PARTY_COUNTS, DateBasis, FilterReason
from ..model import CalendarFact, DateWindow, Document, Event
from ..settings import Settings, default_settings
from ..temporal.anniversaries import Anniversary, anniversary_date, find_anniversaries
from ..temporal.reference_date import ReferenceDate
from ..temporal.expressions import year_less_fact
from .assemble import (date_simultaneous, fill_exchanges, fill_parties, fold_said_in_calls, home_of, merge_drafts,
                       signing_meetings, to_event)
from .background import mark_background
from .deliveries import delivery_meetings
from .cast import LIST_JOINT, ActorFinder, Cast, Placed, is_person_like
from .confidence import ArticleEvidence, ConfidenceModel, article_evidence, window_basis
from .context import (continue_group_occasion, counted_participants, party_count, summit_participants,
                      counterpart_from_governing_clause, gathering_participants,
                      note_sentence_subject, other_person_of_sentence, people_of_sentence, posting_from_context,
                      signing_presence, listed_senders, orient_interaction, visitor_from_abroad,
                      gapped_counterparts)
from .dating import (Statement, attach_expressions, bound_by_earlier, bound_by_occasions, continue_occasions,
                     date_the_same_day, frame_window, intersect, link_measured, occasion_days, performed_by_the_text,
                     place_year_less, resolve, sentence_occasion, yearless_days)
from .drafts import Draft, drafts_of, since_first
from .filters import FilterTable, filter_rows
from .frames import Frame, find_triggers
from .lexicon import AFTER_CALL, APART, Lexicon, build_trigger_matcher, load_lexicon
from .nlp import for_parsing, LEMMAS_PIPE, Sentence, load_nlp, split_sentences, with_lemmas, words_of
from .occasion import find_occasion_text, medium_of
from .parallel_lists import respective_messages
from .quotes import attach_quotes, fill_from_quotations, voice_letters, voice_quotations
from .replies import link_replies, link_reply_ids, link_unlinked_replies, quotes_of
from .roles import GUEST_FRAMES, RoleReader, RoleTable, role_rows
from .summits import ArticleSummits, find_summits, is_summit_word, join_summit, span_summits, summits_under_way


@dataclass(frozen=True, slots=True)
class Grounded:
    """An article with what the earlier stages found: its "now" and every actor mention in it."""

    doc: Document
    reference: ReferenceDate
    mentions: list[Mention]


@dataclass
class Explained:
    """What `missive extract --explain` prints: per trigger, what fired and why."""

    events: list[Event]
    report_day: DateWindow
    lines: list[str] = field(default_factory=list)
    conflicts: tuple[str, ...] = ()


@dataclass
class _DocWork:
    doc: Document
    sentences: list[Sentence]
    candidates: list[int]
    report_day: DateWindow
    cast: Cast
    article: ArticleEvidence
    conflicts: tuple[str, ...] = ()
    parses: dict[int, Doc] = field(default_factory=dict)
    frames: dict[int, list[Frame]] = field(default_factory=dict)
    after_call: frozenset[int] = frozenset()  # sentences within CALL_CONTEXT after one that tells a call
    apart: bool = False  # the article tells no meeting in person (lexicon.APART)
    statement: Statement | None = None  # the last sentence's dated statement ("Xi said on Sunday")
    held_on: list[Anniversary] = field(default_factory=list)  # anniversaries of origins the text dates elsewhere
    year_less: tuple[int, int] | None = None  # a dateline's month and day when no year was found
    summits: ArticleSummits = field(default_factory=ArticleSummits)  # its organisations' summits and their rosters
    pending: list[Draft] = field(default_factory=list)  # "is hosting the summit", undated: kept if it is under way


class Extractor:
    """Holds the model, the gazetteer and the trigger lexicon; loads each once."""

    def __init__(self, nlp: Language | None = None, resolver: ActorResolver | None = None,
                 lexicon: Lexicon | None = None, settings: Settings | None = None,
                 filters: FilterTable | None = None):
        """`filters`: the filter rows to apply (default: the packaged ones and the user's); the
        confidence fit passes an empty table to read the candidates the filters refuse."""
        self._nlp = nlp
        self.settings = settings or default_settings()
        self.resolver = resolver or ActorResolver.default()
        self.lex = lexicon or load_lexicon()
        self._matcher = None
        self._roles: RoleTable | None = None
        self._filters = filters
        self.confidence = ConfidenceModel.load()
        self._party_words = {n: self.lex.group(g) for g, n in PARTY_COUNTS.items()}

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp()
        with_lemmas(self._nlp).get_pipe(LEMMAS_PIPE).lemmas = self.lex.lemmas
        return self._nlp

    @property
    def matcher(self):
        if self._matcher is None:
            self._matcher = build_trigger_matcher(self.nlp.vocab, self.lex)
        return self._matcher

    @property
    def roles(self) -> RoleTable:
        if self._roles is None:
            self._roles = RoleTable(self.nlp.vocab, self.lex, role_rows())
        return self._roles

    @property
    def filters(self) -> FilterTable:
        if self._filters is None:
            self._filters = FilterTable(self.nlp.vocab, self.lex, filter_rows())
        return self._filters

    def explain_batch(self, batch: list[Grounded]) -> list[Explained]:
        """The events of each article with the trace of every trigger; the candidate sentences
        of the whole batch are parsed in one call."""
        works = [self._prepare(grounded) for grounded in batch]
        self._parse(works)
        return [self._assemble(work) for work in works]

    def explain_isolated(self, batch: list[Grounded], budgets: list[Budget]) -> list[Explained | Exception]:
        """explain_batch where one article's failure or overrun is its own result, not the batch's:
        each article's stages run within its budget (the batched parse charged by its share)."""
        results: list[Explained | Exception | None] = [None] * len(batch)
        works: dict[int, _DocWork] = {}
        for k, (grounded, budget) in enumerate(zip(batch, budgets)):
            try:
                with budget.running("choosing sentences"):
                    works[k] = self._prepare(grounded)
            except Exception as exc:  # noqa: BLE001 - one broken article must not stop a batch
                results[k] = exc
        _ = (self.nlp, self.matcher)  # loaded before the clock starts: loading is no article's cost
        started = process_time()
        self._parse(list(works.values()))
        self._charge_parse(works, budgets, process_time() - started, results)
        for k, work in works.items():
            if results[k] is None:
                try:
                    with budgets[k].running("extraction"):
                        results[k] = self._assemble(work, budgets[k])
                except Exception as exc:  # noqa: BLE001
                    results[k] = exc
        return [r if r is not None else RuntimeError("not processed") for r in results]

    @staticmethod
    def _charge_parse(works: dict[int, "_DocWork"], budgets: list[Budget], seconds: float,
                      results: list) -> None:
        sizes = {k: sum(len(w.sentences[i].text) for i in w.candidates) for k, w in works.items()}
        total = sum(sizes.values()) or 1
        for k in works:
            try:
                budgets[k].charge(seconds * sizes[k] / total, "parsing")
            except Exception as exc:  # noqa: BLE001
                results[k] = exc

    # -- stages ---------------------------------------------------------------------------------
    def _prepare(self, grounded: Grounded) -> _DocWork:
        doc, reference = grounded.doc, grounded.reference
        sentences = [_mask_dateline(s, doc.cleaned) for s in split_sentences(doc.cleaned)]
        words = [words_of(s.text) for s in sentences]
        after_call = _after_call(words, self.lex)
        together = self.lex.group("in_person") | self.lex.group("met_in_article")
        apart = not any(w & together for w in words)
        for i in range(len(words)):
            words[i] = words[i] | _context_of(i, after_call, apart)
        longest = self.settings.max_sentence_chars
        candidates = [i for i, s in enumerate(sentences) if len(s.text) <= longest
                      and (self.lex.is_candidate(words[i]) or _PRO_VERB.search(s.text)
                           or _states_what_follows(words, i, self.lex))]
        candidates = candidates[:self.settings.max_parsed_sentences]
        masked = [(s.start, s.start + len(s.text) - len(s.text.lstrip())) for s in sentences if s.text[:1] == " "]
        mentions = _credible(venue_lists([Placed(m.start, m.end, m.actor, is_venue(doc.cleaned, m.start))
                                          for m in grounded.mentions if not _inside(masked, m.start)], doc.cleaned),
                             doc.cleaned, self.lex.common_surnames)
        cast = Cast(mentions, [s.start for s in sentences])
        article = article_evidence(mentions, reference.source)
        return _DocWork(doc, sentences, candidates, reference.window, cast, article, tuple(reference.conflicts),
                        after_call=after_call, apart=apart, year_less=reference.year_less)

    def _parse(self, batch: list[_DocWork]) -> None:
        keys = [(w, i) for w in batch for i in w.candidates]
        texts = [for_parsing(w.sentences[i].text) for w, i in keys]
        for (work, i), parsed in zip(keys, self.nlp.pipe(texts, batch_size=64)):
            work.parses[i] = parsed

    def _assemble(self, work: _DocWork, budget: Budget | None = None) -> Explained:
        explained = Explained([], work.report_day, conflicts=work.conflicts)
        report_day = self._refine_report_day(work, explained)
        explained.report_day = report_day
        work.held_on = _anniversaries_held_on(work.doc.cleaned, report_day)
        work.summits = find_summits(work.doc.cleaned, work.sentences,
                                    {i: self._frames(work.parses[i], work, i) for i in work.candidates},
                                    work.cast, self.lex, self.filters.refusal)
        drafts: list[Draft] = []
        anchor: DateWindow | None = None
        previous: list[Draft] = []
        for i in work.candidates:
            if budget:
                budget.check()
            sentence_drafts = self._read_sentence(work, i, report_day, anchor, explained)
            if not sentence_drafts and previous and _PRO_VERB.search(work.sentences[i].text):
                sentence_drafts = self._repeat(work, i, previous, report_day, anchor, explained)
            previous = sentence_drafts or previous
            for d in sentence_drafts:
                if d.has_own_date:
                    anchor = d.window
            drafts += sentence_drafts
            follow = i + 1
            if follow < len(work.sentences) and follow not in work.candidates:
                drafts += listed_senders(sentence_drafts, work.sentences[follow], follow, work.cast,
                                         self.lex.group("listing"))
        voiced = voice_quotations(work.doc.cleaned, work.sentences, work.cast, drafts)
        voiced += voice_letters(work.doc.cleaned, work.cast, self.lex.group("honorific"))
        fill_from_quotations(drafts, work.sentences, voiced, lambda e: resolve(e, report_day, None))
        continue_occasions(drafts)
        bound_by_occasions(drafts, occasion_days([s.text for s in work.sentences], report_day, self.lex), self.lex)
        bound_by_earlier(drafts)
        date_the_same_day(drafts)
        continue_group_occasion(drafts)
        fill_parties(drafts)
        drafts = [d for d in fill_exchanges(drafts) if d.is_complete]
        span_summits(drafts, self.lex)
        under_way = summits_under_way(work.pending, drafts, report_day)
        explained.lines += [f"[{d.frame.pattern}] kept: the summit it tells is under way on the report day "
                            f"({d.window.iso()})" for d in under_way]
        drafts = sorted(drafts + under_way, key=lambda d: d.sentence)
        merged = fold_said_in_calls(merge_drafts(drafts, self.lex.group("summit")), self.lex.group("spoken"),
                                    self.lex.group("written"))
        date_simultaneous(drafts)
        place_year_less(merged)
        link_measured(drafts)
        mark_background(merged, drafts, work.sentences, work.doc.cleaned, report_day, self.lex.group("receive"))
        merged += signing_meetings(merged, self.lex.group("signing"))
        merged += delivery_meetings(merged)
        _default_sources(merged, work.doc)
        quotes = attach_quotes(drafts, work.sentences, lambda d: not home_of(d).background)
        events = {id(d): to_event(d, work.doc, quotes_of(d, drafts, quotes), work.article, self.confidence)
                  for d in merged}
        explained.events = link_unlinked_replies(link_reply_ids(drafts, events, [id(d) for d in merged]))
        return explained

    def _refine_report_day(self, work: _DocWork, explained: Explained) -> DateWindow:
        """The report day: "KCNA reported on Thursday" in the lead narrows the article's now."""
        for i in work.candidates[:3]:
            doc = work.parses[i]
            frames = self._frames(doc, work, i)
            for dated in attach_expressions(doc, frames, self.lex):
                if dated.dates_report_day:
                    window = resolve(dated.expression, work.report_day, None)
                    narrowed = intersect(work.report_day, window) if window else None
                    if narrowed:
                        explained.lines.append(f"report day: '{dated.expression.text}' -> {narrowed.iso()}")
                        return DateWindow(narrowed.start, narrowed.end, narrowed.precision,
                                          f"reported '{dated.expression.text}': {narrowed.reason}")
        if work.report_day.start is None and work.report_day.end is None:
            return self._after_told_acts(work, explained)
        return work.report_day

    def _after_told_acts(self, work: _DocWork, explained: Explained) -> DateWindow:
        """An undated article is written once the acts it tells as done have begun: "recalled his
        visit in February 2019" puts its now on or after 2019-02-01, so its "last year" means 2018
        or later. Only expressions that need no now count, and only of frames that assert an act."""
        latest: DateWindow | None = None
        for i in work.candidates:
            frames = self._frames(work.parses[i], work, i)
            for dated in attach_expressions(work.parses[i], frames, self.lex):
                f = dated.frame
                if f is None or dated.dates_report_day or dated.bound or self.filters.refusal(f) \
                        or not (f.agents or f.recipients or f.participants):
                    continue
                window = resolve(dated.expression, work.report_day, None)
                if window and window.start and (latest is None or window.start > latest.start):
                    latest = window
        if latest is None:
            return work.report_day
        explained.lines.append(f"report day: on or after {latest.start} (an act told as done: {latest.reason})")
        return DateWindow(latest.start, None, "range",
                          f"on or after {latest.start}, when an act the article tells as done began ({latest.reason})")

    def _frames(self, doc: Doc, work: _DocWork, i: int) -> list[Frame]:
        """The sentence's frames, read once (the report-day pass and the sentence pass share them)."""
        if i not in work.frames:
            work.frames[i] = self._read_frames(doc, work, i)
        return work.frames[i]

    def _read_frames(self, doc: Doc, work: _DocWork, i: int) -> list[Frame]:
        base = work.sentences[i].start
        finder = ActorFinder(work.cast, base, self.lex.group("state_nouns"))
        reader = RoleReader(finder, self.lex, self.roles)
        note_sentence_subject(doc, finder, work.cast, base)
        frames = []
        context = _context_of(i, work.after_call, work.apart)
        for tok, trig in find_triggers(doc, self.lex, self.matcher, context):
            frame = reader.read(tok, trig)
            if trig.frame in GUEST_FRAMES and not frame.agents:
                continue
            if trig.by_context and not _told_apart(frame, work.sentences[i].text, self.lex):
                continue
            for agent in frame.agents[:1]:
                work.cast.note_agent(base + tok.idx, agent)
            parties = list({a.country: a for a in [*frame.agents, *frame.recipients, *frame.participants]
                            if a.country}.values())
            if len(parties) == 2:
                work.cast.note_pair(base + tok.idx, parties)
            frames.append(frame)
        return frames

    def _read_sentence(self, work: _DocWork, i: int, report_day: DateWindow, anchor: DateWindow | None,
                       explained: Explained) -> list[Draft]:
        doc, sentence = work.parses[i], work.sentences[i]
        frames = self._frames(doc, work, i)
        finder = ActorFinder(work.cast, sentence.start, self.lex.group("state_nouns"))
        dated = attach_expressions(doc, frames, self.lex,
                                   lambda tok: frozenset(a.country for a in finder.actors_of(tok) if a.country))
        for f in frames:
            f.dated = any(d.frame is f and not d.dates_report_day and not d.bound for d in dated)
            f.drop = self.filters.refusal(f)
        sentence_report_day = report_day
        statement, work.statement = work.statement, None
        for d in dated:
            if d.dates_report_day and (w := resolve(d.expression, report_day, anchor)):
                if w.end and (report_day.end is None or w.end <= report_day.end):
                    sentence_report_day = intersect(report_day, w) or w
                    work.statement = Statement(w, d.speakers) if d.speakers else work.statement
        occasion = find_occasion_text(sentence.text)
        one_off = sentence_occasion(sentence.text, sentence_report_day)
        anniversary = _anniversary(sentence.text, work.cast.within(sentence.start, sentence.end), report_day)
        media = [m.name for m in self.resolver.find_media(sentence.text)]
        out: list[Draft] = []
        by_frame: dict[int, list[Draft]] = {}
        windows: dict[int, tuple[DateWindow, bool]] = {}
        for f in frames:
            if f.drop and _in_progress(f, frame_window(f, dated, sentence_report_day, anchor, None), sentence_report_day):
                f.drop = ""
                f.remarks.append("present progressive dated on the report day: in progress")
            explained.lines.append(_explain_frame(f, sentence))
            summit = work.summits.of_frame(f, work.cast, sentence.start, self.lex) \
                if f.trigger.frame in ("meet", "host", "sign") else None
            # "X is hosting the G7 summit with ...", undated: under way if the summit is (pending_summits)
            pending = bool(f.drop) and summit is not None and not f.dated and f.drop.startswith(FilterReason.ARRANGED.value)
            if f.drop and not pending:
                continue
            medium = medium_of(f, self.lex)
            marks = anniversary if _owns_anniversary(f, frames, doc) and medium != "reply" else None
            window, own = frame_window(f, dated, sentence_report_day, anchor, marks, statement,
                                       self.lex.group("remark"), one_off)
            performed = None if own else performed_by_the_text(f, sentence_report_day, self.lex.group("performative"))
            if performed is not None:
                window, own = performed, True
            own_texts = [d.expression.text for d in dated if d.frame is f and not d.dates_report_day and not d.bound]
            basis = window_basis(window, own, own_texts, marks is not None,
                                 one_off is not None and f.trigger.type in ("message", "call"))
            if not own and f.trigger.type != "message" and _owns_anniversary(f, frames, doc):
                held = _held_on(work.held_on, sentence, report_day)
                if held:
                    (window, own), basis = held, DateBasis.ANNIVERSARY
            sibling = windows.get(f.anchor.head.i) if f.anchor.dep_ == "conj" else None
            if not own and sibling and sibling[1]:
                window, own, basis = sibling[0], True, DateBasis.CONTINUED
            windows[f.anchor.i] = (window, own)
            facts = yearless_days(own_texts) if window.start is None and window.end is None else []
            size = party_count(f, self._party_words) if f.trigger.frame in ("meet", "sign") else 0
            if size:
                counted_participants(f, size, work.cast, work.sentences, i, work.doc.cleaned)
            if summit is not None:
                join_summit(f, summit)
            if f.trigger.frame == "meet":
                following = work.sentences[i + 1] if i + 1 < len(work.sentences) else None
                gathering_participants(f, finder, work.cast, following)
            if f.trigger.frame == "meet":
                summit_participants(f, work.cast, work.sentences, work.doc.cleaned, self.lex.group("summit"))
            # (an organisation's summit is not the two people of its sentence: they met on its sidelines)
            if f.trigger.frame in ("meet", "call") and len({a.country for a in f.participants}) < 2 and (
                    summit is None or not is_summit_word(f.token, self.lex)):
                f.participants = people_of_sentence(work.cast, sentence, f) or f.participants
            if f.trigger.type == "message" and len(f.agents) + len(f.recipients) == 1:
                other_person_of_sentence(work.cast, sentence, f)
            visitor_from_abroad(f, finder)
            if f.trigger.frame in ("relations", "sign"):
                counterpart_from_governing_clause(f, ActorFinder(work.cast, sentence.start, self.lex.group("state_nouns")))
            made = drafts_of(f, medium, i, self.lex.group("earlier"), self.lex.group("reciprocal"),
                             self.lex.group("pairwise"))
            made = respective_messages(f, made, work.cast, sentence, self.lex.group("respectively"))
            orient_interaction(f, made, finder, work.cast, sentence)
            for d in made:
                d.summit = summit.organisation if summit is not None else ""
            if f.trigger.frame in ("envoy", "mission") and f.agents and not f.recipients:
                posting_from_context(made, work.cast, sentence.start + f.token.idx)
            in_person, present = signing_presence(f, finder) if f.trigger.frame == "sign" else (False, [])
            calendar = _calendar_facts(own_texts, window, work.year_less)
            for d in made:
                d.window, d.has_own_date, d.date_basis = window, own, basis
                d.calendar = list(dict.fromkeys([*facts, *calendar]))
                d.found = (*f.notes, *d.found)
                d.in_person, d.present = in_person, present
                d.evidence = [(sentence.start, sentence.end)]
                d.occasion = occasion if d.type == "message" else ""
                d.reported_by = list(media)
                d.reasons = [f"pattern {f.pattern}", *map(str, f.notes), *f.remarks, f"date: {window.reason}"]
            if pending:
                work.pending += made
                continue
            by_frame[f.token.i] = made
            out += made + since_first(f, made, sentence_report_day)
            out += gapped_counterparts(made, sentence, work.cast, lambda e: resolve(e, sentence_report_day, anchor))
        out += link_replies(frames, by_frame, self.lex,
                             ActorFinder(work.cast, sentence.start, self.lex.group("state_nouns")))
        return out

    def _repeat(self, work: _DocWork, i: int, previous: list[Draft], report_day: DateWindow,
                anchor: DateWindow | None, explained: Explained) -> list[Draft]:
        """"They did so in April and in September": the last interaction again, once per date."""
        doc, sentence = work.parses[i], work.sentences[i]
        out: list[Draft] = []
        for dated in attach_expressions(doc, [], self.lex):
            window = resolve(dated.expression, report_day, anchor)
            if window is None or any(intersect(window, d.window) for d in out):
                continue
            for d in previous:
                copy = replace(d, window=window, has_own_date=True, date_basis=DateBasis.REPEATED,
                               evidence=[(sentence.start, sentence.end)],
                               reasons=[*d.reasons, f"'{_PRO_VERB.search(sentence.text).group()}' repeats it on {window.iso()}"])
                out.append(copy)
        explained.lines.append(f"[pro-verb] {len(out)} repeated drafts | {sentence.text[:160]}")
        return out

# How many sentences after a call a bare "spoke with" may still be one (lexicon.AFTER_CALL).
CALL_CONTEXT = 6


def _context_of(i: int, after_call: frozenset[int], apart: bool) -> frozenset[str]:
    """What the article says around sentence i that a trigger row may require (lexicon.CONTEXT_WORDS)."""
    return frozenset(w for w, holds in ((AFTER_CALL, i in after_call), (APART, apart)) if holds)


def _after_call(words: list[set[str]], lex: Lexicon) -> frozenset[int]:
    """The sentences that follow one telling a call by its own words, within CALL_CONTEXT."""
    told = [k for k, w in enumerate(words) if lex.tells_call(w)]
    return frozenset(i for i in range(len(words)) if any(0 < i - k <= CALL_CONTEXT for k in told))


def _told_apart(frame: Frame, text: str, lex: Lexicon) -> bool:
    """"On the same day, X spoke with Y", "the two leaders last spoke on 4 July": after a call (or in
    an article that tells no meeting in person), a conversation with no phone word is a call when
    its own sentence names both sides, people of two states, and nothing of meeting in person (the
    word group 'in_person': "on the sidelines", "during his visit")."""
    parties = [a for a in frame.participants if a.country]
    if len({a.country for a in parties}) < 2 or not all(is_person_like(a) for a in parties):
        return False
    return not words_of(text) & lex.group("in_person")


def _in_progress(frame: Frame, dated: tuple[DateWindow, bool], report_day: DateWindow) -> bool:
    """"Leaders are meeting on Sunday" in Sunday's report: a present progressive whose own date is
    the report day tells what is under way, not what is arranged."""
    window, own = dated
    return (frame.drop.startswith(FilterReason.ARRANGED.value) and own and report_day.start is not None
            and window.start == window.end == report_day.start == report_day.end)


def _calendar_facts(own_texts: list[str], window: DateWindow, dateline: tuple[int, int] | None) -> tuple[CalendarFact, ...]:
    """An open window's own expressions read without a year ("on Tuesday" under "BOGOTA, May 4"):
    what consolidation can still match against another report's dated window."""
    if window.start is not None or window.end is not None or dateline is None:
        return ()  # a day the text names without a year: dating.yearless_days
    facts = (year_less_fact(text, dateline) for text in own_texts)
    return tuple(dict.fromkeys(f for f in facts if f is not None))


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether pos falls in one of the sorted, disjoint [start, end) spans (a bisect, not a scan)."""
    k = bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


_VENUE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")


def is_venue(text: str, start: int) -> bool:
    """"signed in Washington", "talks at the Kremlin": a place named after in/at is where."""
    return bool(_VENUE_BEFORE.search(text[max(0, start - 12):start]))


def venue_lists(mentions: list[Placed], text: str) -> list[Placed]:
    """"conflicts in Syria and Yemen", "talks in Paris, Berlin or Rome": the places listed after a
    venue are venues too (a person never is one)."""
    out: list[Placed] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (not m.is_venue and m.actor.kind != "person" and prev is not None and prev.is_venue
                and LIST_JOINT.fullmatch(text[prev.end:m.start])):
            m = Placed(m.start, m.end, m.actor, True)
        out.append(m)
    return out


_PRO_VERB = re.compile(r"\b(?:did|do|does|done)\s+(?:so|the same)\b", re.IGNORECASE)
def _mask_dateline(sentence: Sentence, text: str) -> Sentence:
    """"SEOUL, Sept. 9 (UPI) —", "(AP) ACCRA —" are where and when, not who: blanked (same length)
    before parsing."""
    before = text[:sentence.start].rstrip(" \t\u00a0")
    opens = not before or before.endswith("\n")
    end = dateline_end(sentence.text, opens_paragraph=opens)
    if not end:
        return sentence
    return Sentence(sentence.start, sentence.end, " " * end + sentence.text[end:])


def _states_what_follows(words: list[set[str]], i: int, lex: Lexicon) -> bool:
    """"Xi said on Sunday ... . Xi made the remarks while exchanging messages": the statement the
    next sentence's remark refers to dates it, so its sentence is read too."""
    return i + 1 < len(words) and bool(words[i] & lex.group("report")) and bool(
        words[i + 1] & lex.group("remark")) and lex.is_candidate(words[i + 1])


def _default_sources(drafts: list[Draft], doc: Document) -> None:
    """The news peg is reported by the media the article cites ("KCNA said"), even in sentences
    that do not name them again; background mentions keep only what their own sentence cites."""
    cited = list(dict.fromkeys([*doc.metadata.state_media, *doc.metadata.agencies]))
    for d in drafts:
        if not d.background and not d.reported_by and cited:
            d.reported_by = cited[:2]


def _owns_anniversary(frame: Frame, frames: list[Frame], doc: Doc) -> bool:
    """An anniversary named in the sentence dates the innermost frame above it ("sent the letter
    on the occasion of the 76th anniversary"), not every message of the sentence."""
    word = next((t for t in doc if t.lower_ == "anniversary"), None)
    if word is None:
        return False
    anchors = {f.token.i: f for f in frames} | {f.anchor.i: f for f in frames}
    for t in word.ancestors:
        if t.i in anchors:
            return anchors[t.i] is frame
    return len(frames) == 1


def _credible(mentions: list[Placed], text: str, common: frozenset[str]) -> list[Placed]:
    """A bare common surname ("Morrison", "Kim") stands for a leader only in an article that also
    names that leader's country or the leader in full: a US impeachment story's "Morrison" is not
    Australia's prime minister. Distinctive ones ("Putin", "Zelensky") need no such support."""
    def is_short(m: Placed) -> bool:
        surface = text[m.start:m.end].strip()
        return (m.actor.kind == "person" and " " not in surface and surface != m.actor.name
                and surface.lower() in common)
    present = {m.actor.country for m in mentions if not is_short(m)}
    return [m for m in mentions if not is_short(m) or m.actor.country in present]


def _anniversary(text: str, mentions: list[Placed], report_day: DateWindow) -> date | None:
    """The day of an anniversary the sentence names, read with the sentence's countries
    ("the founding of the country" is the founding of the state named beside it) and nearest
    the report: a message marks an anniversary of its own weeks, not one decades away."""
    countries = list(dict.fromkeys(m.actor.country for m in mentions if m.actor.country))
    try:
        found = anniversary_date(text, countries, report_day)
    except Exception:  # noqa: BLE001 - an odd phrase must not stop the article
        return None
    return found[0] if found else None


_ON_THE = re.compile(r"\bon\s+(?:the\s+)?$", re.I)


def _anniversaries_held_on(text: str, report_day: DateWindow) -> list[Anniversary]:
    """"talks on the first anniversary of the Ankara Declaration", whose signing the article dates
    in another sentence: the anniversaries of origins the text itself dates, held "on" them."""
    try:
        found = find_anniversaries(text, (), report_day)
    except Exception:  # noqa: BLE001 - an odd phrase must not stop the article
        return []
    return [a for a in found if a.last is not None and _ON_THE.search(text[max(0, a.start - 12):a.start])]


def _held_on(held: list[Anniversary], sentence: Sentence, report_day: DateWindow) -> tuple[DateWindow, bool] | None:
    """A meeting, call, signing or relations act held on such an anniversary falls within its days."""
    a = next((a for a in held if sentence.start <= a.start < sentence.end), None)
    if a is None or (report_day.end and a.day > report_day.end):
        return None
    end = min(a.last, report_day.end) if report_day.end else a.last
    precision = "day" if a.day == end else "range"
    return DateWindow(a.day, end, precision, f"held on {a.reason}"), True


def _explain_frame(f: Frame, sentence: Sentence) -> str:
    status = f"DROPPED ({f.drop})" if f.drop else "kept"
    roles = "; ".join([*map(str, f.notes), *f.remarks]) or "no parties found in the sentence"
    return f"[{f.pattern}] {status}: {roles} | {sentence.text[:160]}"
