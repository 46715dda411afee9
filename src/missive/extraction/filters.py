"""Filters: a trigger that asserts no interaction (negated, planned, hoped for, asked about).

"no visits were exchanged", "will join", "is sending an official to visit", "Will North Korea
follow China?" all carry trigger words; the record must hold none of them. Each refusal
returns its reason so `--explain` can show why a sentence gave no event.
"""

from __future__ import annotations

from spacy.tokens import Token

from .frames import Frame, is_verb
from .lexicon import Lexicon


def refusal(frame: Frame, lex: Lexicon) -> str:
    """Why the frame asserts no event, or "" when it does."""
    for check in (_question, _negated, _not_yet, _hypothetical, _counterfactual, _modal, _planned,
                  _generic_plural):
        reason = check(frame, lex)
        if reason:
            return reason
    return ""


def _question(frame: Frame, lex: Lexicon) -> str:
    return "a question, not an assertion" if frame.token.sent.text.rstrip().endswith("?") else ""


def _negated(frame: Frame, lex: Lexicon) -> str:
    tok, verb = frame.token, frame.verb
    neg = lex.group("negation")
    if any(c.dep_ in ("neg", "det") and c.lower_ in neg for c in tok.children):
        return f"negated ('{tok.text}' with a negation)"
    if verb is not None and verb != tok and tok.dep_ in ("dobj", "attr", "nsubjpass"):
        if any(c.dep_ == "neg" for c in verb.children):
            return f"negated verb '{verb.text}'"
    return ""


def _not_yet(frame: Frame, lex: Lexicon) -> str:
    """"a planned visit", "an upcoming summit", "cancelled a visit": no interaction took place."""
    tok, verb = frame.token, frame.verb
    if any(c.dep_ in ("amod", "compound") and c.lower_ in lex.group("not_yet") for c in tok.children):
        return f"'{tok.text}' is only planned or expected"
    if verb is not None and verb != tok and verb.lower_ in lex.group("cancel") and tok.head == verb:
        return f"'{verb.text}': called off"
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lower_ in lex.group("intent"):
        return f"'{tok.head.head.text} for {tok.text}': asked for, not held"
    if tok.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ in ("acomp", "attr") and c.lower_ in lex.group("unreal") for c in tok.head.children):
        return f"'{tok.text}' is said to be {next(c.text for c in tok.head.children if c.lower_ in lex.group('unreal'))}"
    return ""


def _hypothetical(frame: Frame, lex: Lexicon) -> str:
    anchor = frame.anchor
    for t in [anchor, *anchor.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
            return "hypothetical ('if' clause)"
    return ""


def _modal(frame: Frame, lex: Lexicon) -> str:
    anchor = frame.anchor
    modal = next((c for c in anchor.children if c.dep_ == "aux" and c.lower_ in lex.group("modal")), None)
    if modal is None:
        if frame.trigger.pos == "noun" and frame.token.dep_ in ("nsubj", "nsubjpass"):
            modal = next((c for c in anchor.children if c.dep_ == "aux" and c.lower_ in ("will", "shall")), None)
        if modal is None:
            return ""
    if modal.lower_ == "would" and frame.trigger.type == "relations" and _under_report(anchor, lex):
        return ""  # "confirmed that X would close its consulate": an announced decision
    return f"modal '{modal.text}': not asserted as done"


def _counterfactual(frame: Frame, lex: Lexicon) -> str:
    """"he would then have claimed that Obama in the call ...": a clause under "would have"."""
    for t in frame.anchor.ancestors:
        auxes = {c.lower_ for c in t.children if c.dep_ == "aux"}
        if auxes & {"would", "could", "might"} and "have" in auxes:
            return f"under '{' '.join(sorted(auxes))} {t.text}': counterfactual"
    return ""


def _planned(frame: Frame, lex: Lexicon) -> str:
    anchor = frame.anchor
    if not is_verb(anchor):
        return ""
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
    head = anchor.head
    if has_to and head != anchor:
        if head.lower_ in lex.group("commit"):
            return ""
        return f"infinitive under '{head.text}': planned or purpose, not done"
    if head.lower_ in lex.group("intent") and anchor.dep_ in ("xcomp", "ccomp"):
        return f"under '{head.text}': intended, not done"
    if anchor.tag_ == "VBG" and any(c.lower_ in ("is", "are", "am") for c in anchor.children if c.dep_ == "aux"):
        return "present progressive: arranged, not yet done"
    return ""


def _generic_plural(frame: Frame, lex: Lexicon) -> str:
    """"trade talks with partners", "his meetings with Kim in recent years": plural and unanchored
    (no article, possessive or number, and no verb saying they took place) is not one event."""
    tok = frame.token
    if frame.trigger.pos != "noun" or tok.tag_ != "NNS" or frame.trigger.type not in ("meeting", "call"):
        return ""
    if any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return ""
    verb = frame.verb
    if verb is not None and verb.lower_ in lex.group("occur") and tok.head == verb:
        return ""
    if frame.dated:
        return ""
    return f"uncounted plural '{tok.text}' with no date: not one event"


def _under_report(token: Token, lex: Lexicon) -> bool:
    return any(t.lower_ in lex.group("report") or t.lower_ in lex.group("commit") for t in token.ancestors)
