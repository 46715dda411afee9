"""Confidence: how likely an event is right, from the evidence that asserts it.

An event's evidence is described by features from a closed set (knowledge.schema.EVIDENCE_FEATURES):
the frame and trigger that fired; how each party was found (a role row's reason, a context reading,
a pronoun, a group, a list, the article's main pair); how each actor's mention named it (full name,
short form, title, epithet, state); the window's precision and why it is what it is; how many
sentences assert the event; whether it is background, quoted, multilateral or in the lead; where the
article's report day came from. A logistic model fitted on the labelled devset
(scripts/fit_confidence.py) weighs them: confidence = sigmoid(intercept + the weights of the features
present). The weights are data (data/confidence.csv, read through knowledge like every table), so a
refit changes no code, and each event names the features that moved it most. No learning library is
imported here: the runtime only adds numbers.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from ..knowledge.schema import INTERCEPT, ClauseKind, ContextReason, DateBasis, Reference, RoleReason, feature_name
from ..knowledge.tables import Table, read_table
from ..model import DateWindow
from ..temporal.grammar import parse_expression
from .cast import Placed
from .drafts import Draft
from .frames import Frame, is_verb

LEAD_SENTENCES = 3  # the headline and the lead: where an article states its news
LONG_SENTENCE = 40  # tokens: past this, a sentence's parse goes wrong more often
DRIVERS = 3  # how many features an event names as having moved its confidence most
_SYNTAX = frozenset(RoleReason)
_OWN_DATE_BASES = frozenset({DateBasis.EXPRESSION, DateBasis.RELATIVE, DateBasis.STATEMENT, DateBasis.CONTINUED,
                             DateBasis.REPEATED, DateBasis.EARLIER})


@dataclass(frozen=True, slots=True)
class ArticleEvidence:
    """What the whole article tells about the evidence of each of its events."""

    report_day_source: str  # a REPORT_DAY_SOURCES value: where the article's "now" came from
    most_named: frozenset[str]  # the (at most) two states the article names most
    named_once: frozenset[str]  # states the article names once
    states: int = 0  # how many states the article names (a crowded article confuses its parties more often)


NO_ARTICLE = ArticleEvidence("none", frozenset(), frozenset())


def article_evidence(mentions: Iterable[Placed], report_day_source: str) -> ArticleEvidence:
    """Salience of the article's states, counted over every actor mention, and its report day's source."""
    counts = Counter(m.actor.country for m in mentions if m.actor.country)
    return ArticleEvidence(report_day_source, frozenset(c for c, _ in counts.most_common(2)),
                           frozenset(c for c, n in counts.items() if n == 1), len(counts))


def evidence_features(d: Draft, article: ArticleEvidence, has_quotes: bool) -> tuple[str, ...]:
    """The closed-set description of a merged draft's evidence, in a stable order."""
    parties = [a for a in (d.source, d.target, *d.participants) if a is not None and a.country]
    countries = {a.country for a in parties}
    out = [feature_name("frame", d.frame.trigger.frame), feature_name("trigger", d.frame.trigger.pos),
           feature_name("type", d.type)]
    if d.medium and d.type in ("message", "call", "relations"):  # the event's own medium (model.Event)
        out.append(feature_name("medium", d.medium))
    out += _party_features(d, countries)
    out += sorted({feature_name("actor", a.basis) for a in parties if a.basis})
    out += [feature_name("date", d.window.precision), feature_name("date", _date_basis(d))]
    sentences = len(set(d.evidence))
    out.append(feature_name("sentences", str(sentences) if sentences < 3 else "3+"))
    out.append(feature_name("clause", clause_kind(d.frame)))
    flags = {"background": d.background, "quotes": has_quotes, "multilateral": len(countries) > 2,
             "lead": d.sentence < LEAD_SENTENCES, "sentence.long": len(d.frame.token.doc) > LONG_SENTENCE,
             "parties.most_named": bool(countries) and countries <= article.most_named,
             "party.named_once": bool(countries & article.named_once), "article.crowded": article.states >= 5,
             "article.crowded8": article.states >= 8, "article.one_pair": article.states <= 2}
    out += [name for name, is_set in flags.items() if is_set]
    out.append(feature_name("report_day", article.report_day_source))
    return tuple(dict.fromkeys(out))


def _party_features(d: Draft, countries: set[str]) -> list[str]:
    """How each role was found, how its words pointed, and whether the syntax of a sentence
    that asserts the event named every party."""
    out: list[str] = []
    direct: set[str] = set()
    for note in d.found:
        if note.role == "carrier":
            continue  # who handed a message over is no party of it
        out.append(feature_name(note.role, note.how))
        if note.reference:
            out.append(feature_name("party", note.reference))
        if note.how == ContextReason.MAIN_PAIR:
            out.append("party.borrowed")
        elif note.how not in _SYNTAX:
            out.append("party.context")
        elif note.reference in ("", Reference.LIST):
            direct |= {a.country for a in note.actors}
    if countries and countries <= direct:
        out.append("parties.direct")
    return sorted(set(out))


_CLAUSES = {"ccomp": ClauseKind.COMPLEMENT, "xcomp": ClauseKind.COMPLEMENT, "csubj": ClauseKind.COMPLEMENT,
            "advcl": ClauseKind.ADVERBIAL, "pcomp": ClauseKind.ADVERBIAL, "relcl": ClauseKind.RELATIVE,
            "acl": ClauseKind.RELATIVE}
_MODIFIER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})


def _is_oblique(noun: Token) -> bool:
    """"the summit plans", "plans for the summit", "the details of his call": a noun trigger that
    modifies another noun or hangs on its preposition, rather than being a verb's own argument."""
    if noun.dep_ in _MODIFIER_DEPS:
        return True
    return noun.dep_ == "pobj" and noun.head.head.i != noun.head.i and not is_verb(noun.head.head)


def clause_kind(frame: Frame) -> ClauseKind:
    """Where a frame is told: a noun trigger inside another noun's phrase is oblique; else the
    clause its anchor (its verb, or a noun trigger with none) is in: the first clause-opening verb
    on the way up to the root says which; none means the main clause (a phrase with no verb)."""
    anchor = frame.anchor
    if frame.trigger.pos == "noun" and _is_oblique(frame.token):
        return ClauseKind.OBLIQUE
    t, has_verb = anchor, is_verb(anchor)
    while t.head.i != t.i:
        if is_verb(t) and t.dep_ in _CLAUSES:
            return _CLAUSES[t.dep_]
        t = t.head
        has_verb = has_verb or is_verb(t)
    return ClauseKind.MAIN if has_verb else ClauseKind.PHRASE


def window_basis(window: DateWindow, own: bool, expressions: list[str], marks_anniversary: bool,
                 on_occasion: bool) -> DateBasis:
    """Why dating.frame_window gave a frame this window, from what it was given: its own
    expressions (named years, or counted from the report day), or, own but with none, the dated
    statement it was made in; else the anniversary it marks, the occasion it follows or another
    event's bound (a first day); else the report day."""
    if own and expressions:
        parsed = [parse_expression(text) for text in expressions]
        is_absolute = all(p is not None and p.rule.basis == "absolute" for p in parsed)
        return DateBasis.EXPRESSION if is_absolute else DateBasis.RELATIVE
    if own:
        return DateBasis.STATEMENT
    if window.start is None:
        return DateBasis.REPORT_DAY
    if marks_anniversary:
        return DateBasis.ANNIVERSARY
    return DateBasis.OCCASION if on_occasion else DateBasis.BOUND


def _date_basis(d: Draft) -> str:
    """A window the assembler took from another act (a continuation, a group's occasion) is
    continued, whatever the sentence alone gave."""
    if d.has_own_date and d.date_basis not in _OWN_DATE_BASES:
        return DateBasis.CONTINUED
    return d.date_basis


@dataclass(frozen=True, slots=True)
class Scored:
    """A confidence and the features that moved it most (feature, weight), strongest first."""

    confidence: float
    drivers: tuple[tuple[str, float], ...]

    def explain(self) -> str:
        """"confidence 0.91: +0.84 parties.direct, +0.62 date.day, -0.40 actor.short_form"."""
        moved = ", ".join(f"{w:+.2f} {f}" for f, w in self.drivers) or "no weighed feature"
        return f"confidence {self.confidence:.2f}: {moved}"


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """The fitted weights: an intercept and one weight per evidence feature (absent: 0)."""

    intercept: float
    weights: dict[str, float]

    @classmethod
    def load(cls, folder: str | Path | None = None) -> "ConfidenceModel":
        """The packaged weights; a row of the user's data folder replaces the packaged one of its feature."""
        return _model_of(read_table("confidence", folder))

    def score(self, features: Iterable[str]) -> Scored:
        weighed = [(f, self.weights[f]) for f in dict.fromkeys(features) if self.weights.get(f)]
        total = self.intercept + sum(w for _, w in weighed)
        drivers = sorted(weighed, key=lambda fw: (-abs(fw[1]), fw[0]))[:DRIVERS]
        return Scored(_sigmoid(total), tuple(drivers))


@lru_cache(maxsize=8)
def _model_of(table: Table) -> ConfidenceModel:
    weights = {row["feature"]: float(row["weight"]) for row in table.rows}  # later rows win
    return ConfidenceModel(weights.pop(INTERCEPT, 0.0), weights)


def _sigmoid(x: float) -> float:
    """The logistic function, kept within [0.001, 0.999] so that no event is ever certain or
    impossible, not even once rounded to the flat format's three decimals."""
    return min(0.999, max(0.001, 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))))
