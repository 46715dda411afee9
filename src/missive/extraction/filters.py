"""Filters: a trigger that asserts no interaction (negated, planned, hoped for, asked about).

"no visits were exchanged", "will join", "is sending an official to visit", "Will North Korea
follow China?" all carry trigger words; the record must hold none of them. Each case is a row of
filter_patterns.jsonl (a DependencyMatcher pattern, or a named check for what no pattern
expresses) with a reason code from a closed set (knowledge.schema.FilterReason), so `--explain`
shows why a sentence gave no event, and a new construction is a new row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.vocab import Vocab

from ..errors import DataFileError
from ..knowledge.records import read_records
from ..knowledge.tables import Row
from ..knowledge.schema import FilterReason
from .frames import Frame
from .lexicon import Lexicon
from .patterns import AnchoredMatcher, checked_source


@dataclass(frozen=True, slots=True)
class FilterRow:
    """One row of filter_patterns.jsonl."""

    id: str
    reason: FilterReason
    anchor: str  # trigger | anchor (the verb carrying the trigger, or the trigger)
    is_exemption: bool = False
    function: str = ""
    trigger_pos: str = ""
    types: frozenset[str] = frozenset()
    unless: tuple[str, ...] = ()


class FilterTable:
    """The filter rows in file order, their patterns in one matcher."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon, rows: tuple[Row, ...]):
        self.matcher = AnchoredMatcher(vocab, lexicon)
        self.lexicon = lexicon
        self.rows: list[FilterRow] = []
        for row in rows:
            checked_source(row, FILTER_FUNCTIONS)
            if "pattern" in row:
                self.matcher.add(row)
            self.rows.append(FilterRow(row["id"], FilterReason(row["reason"]), row["anchor"],
                                       row.get("effect") == "exempt", row.get("function", ""),
                                       row.get("trigger_pos", ""), frozenset(row.get("types", ())),
                                       tuple(row.get("unless", ()))))
        self.by_id = {r.id: r for r in self.rows}
        for row, record in zip(self.rows, rows):
            unknown = [u for u in row.unless if u not in self.by_id]
            if unknown:
                raise DataFileError(f"{record.where}: unless names no row {unknown[0]!r}")

    def refusal(self, frame: Frame) -> str:
        """Why the frame asserts no event ("<reason> (<row>)"), or "" when it does."""
        for row in self.rows:
            if not row.is_exemption and self.holds(row, frame) \
                    and not any(self.holds(self.by_id[u], frame) for u in row.unless):
                return f"{row.reason.value} ({row.id}: '{frame.token.text}')"
        return ""

    def holds(self, row: FilterRow, frame: Frame) -> bool:
        trig = frame.trigger
        if (row.trigger_pos and row.trigger_pos != trig.pos) or (row.types and trig.type not in row.types):
            return False
        anchor = frame.token if row.anchor == "trigger" else frame.anchor
        if row.function:
            return FILTER_FUNCTIONS[row.function](frame, self.lexicon)
        return bool(self.matcher.found(anchor.doc, row.id, anchor.i))


def filter_rows(data_dir: str | Path | None = None) -> tuple[Row, ...]:
    return read_records("filter_patterns", data_dir).rows


# -- named checks: what no dependency pattern expresses --------------------------------------------

def ends_with_question_mark(frame: Frame, lex: Lexicon) -> bool:
    """"Will North Korea follow China?": a question asserts nothing."""
    return frame.token.sent.text.rstrip().endswith("?")


def uncounted_plural(frame: Frame, lex: Lexicon) -> bool:
    """"trade talks with partners", "his meetings with Kim in recent years": plural and unanchored
    (no article or number, no verb saying they took place, no date) is not one event; a
    possessive does not anchor it ("his meetings" are many)."""
    tok, verb = frame.token, frame.verb
    if tok.tag_ != "NNS" or any(c.dep_ in ("det", "nummod") for c in tok.children):
        return False
    if verb is not None and verb.lower_ in lex.group("occur") and tok.head == verb:
        return False
    return not frame.dated


def thanks_to_states(frame: Frame, lex: Lexicon) -> bool:
    """"expressed his gratitude to Qatar and Egypt for their mediation": thanks addressed to
    states, not to a leader, are said in public, not sent. Thanks to a leader ("to Chairman Kim
    for his condolences") stay a reply."""
    if not lex.in_group(frame.token, "thank"):
        return False
    named = [a for n in frame.notes if n.role == "recipient" for a in n.actors]
    return bool(named) and all(a.kind == "state" for a in named)


def modal_above_participle(frame: Frame, lex: Lexicon) -> bool:
    """"They will announce a declaration adopted during their summit": a gathering told in a
    participle phrase of a noun that a modal verb governs is as far ahead as that verb, unless
    it has a date of its own ("will sign the accord reached at the talks held in May")."""
    verb = frame.verb
    if frame.dated or verb is None or verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    above = verb.head.head
    return above.tag_.startswith("VB") and any(c.dep_ == "aux" and c.lower_ in lex.group("modal") for c in above.children)


FILTER_FUNCTIONS: dict[str, Callable[[Frame, Lexicon], bool]] = {
    "ends_with_question_mark": ends_with_question_mark,
    "uncounted_plural": uncounted_plural,
    "thanks_to_states": thanks_to_states,
    "modal_above_participle": modal_above_participle,
}
