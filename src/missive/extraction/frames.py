"""Frames: a trigger in a parsed sentence, and the parse helpers that reading its roles needs.

A frame is the raw reading of one trigger ("sent", "letter", "summit"); roles.py fills its
parties from the rows of role_patterns.jsonl, filters.py says whether it asserts an event, and
the assembler turns frames into events, fills missing roles from context and merges frames
about the same interaction. Here: which trigger rows fire on a sentence (the Matcher of
lexicon.py, then each row's required context), and the climbs through the parse that several
readings share (the governing verb, a clause's subject, a preposition's objects).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from ..model import Actor
from .lexicon import Lexicon, Trigger

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLIMB_DEPS = ("xcomp", "advcl", "conj", "pcomp", "ccomp", "acl", "relcl", "prep", "pobj", "dobj", "attr")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


@dataclass(frozen=True, slots=True)
class PartyNote:
    """How some parties of a frame were found: their role, the role row's reason or the context
    reading (a RoleReason or a ContextReason), and how the words pointed at them when they did not
    name them (a Reference: pronoun, group, list). The confidence weighs it; --explain prints it."""

    role: str  # agent | recipient | participant
    how: str
    actors: tuple[Actor, ...]
    reference: str = ""
    says: str = ""  # what --explain prints, when more than "how: names"

    def __str__(self) -> str:
        return self.says or f"{self.how}: {', '.join(a.name for a in self.actors)}"


@dataclass
class Frame:
    """One trigger's reading: parties by role, plus what the filters and dating need."""

    trigger: Trigger
    token: Token
    verb: Token | None
    agents: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    participants: list[Actor] = field(default_factory=list)
    counterparts: list[Actor] = field(default_factory=list)  # participants named as the other side ("with X")
    carriers: list[Actor] = field(default_factory=list)  # who handed a message over ("delivered by the envoy")
    pattern: str = ""
    notes: list[PartyNote] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)  # other decisions on it ("at the request of X")
    drop: str = ""  # why the frame asserts no event (negated, planned...), empty when it does
    dated: bool = False  # a date expression of the sentence belongs to it
    has_other_subject: bool = False  # a subject that is not an actor ("the drills sent a message")

    @property
    def anchor(self) -> Token:
        return self.token if self.trigger.pos == "verb" or self.verb is None else self.verb


def is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a noun ("came" for "letter" in "came in a letter to Kim")."""
    t = token
    while t.head.i != t.i:
        t = t.head
        if is_verb(t):
            return t
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, climbing through "while exchanging", "decided to shut", relative clauses."""
    t = verb
    for _ in range(6):
        agent = next((c for c in t.children if c.dep_ == "agent"), None)
        if agent is not None:  # a passive's doer: "were delivered by Song Tao"
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        subj = next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and not (t.dep_ == "relcl" and subj.lower_ in RELATIVE_PRONOUNS):
            return subj
        if t.dep_ == "relcl":
            # "... replied to Hipkins, who wrote to him": a "who" is its antecedent, even after a
            # preposition; but "Lam was among the leaders who visited": the subject is one of them
            is_member = t.head.head.lower_ in ("among", "of")
            if t.head.dep_ != "pobj" or (subj is not None and subj.lower_ == "who" and not is_member):
                return t.head
            t = t.head.head
            continue
        if t.dep_ == "acl" and t.tag_ == "VBG":
            # "a letter from Li congratulating him", "the envoy carrying a message": the participle's
            # doer is the noun it describes (a message's sender), not the subject of the clause above
            senders = children_by_prep(t.head, "from")
            return senders[0] if senders else t.head
        if t.dep_ == "advcl" and t.tag_ == "VBG":
            # the same participle parsed as the verb's: "received a letter from Li, congratulating him"
            senders = [g for o in t.head.children if o.dep_ == "dobj" for g in children_by_prep(o, "from")]
            if senders:
                return senders[0]
        if t.dep_ not in CLIMB_DEPS or t.head.i == t.i:
            return None
        t = t.head
    return None


def told_as_event(tok: Token) -> bool:
    """"the summit opened", "held talks", "at the summit": the gathering itself, not a noun's
    modifier ("hopes for a meeting", "the summit declaration")."""
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and is_verb(tok.head):
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and is_verb(tok.head.head)


def children_by_prep(token: Token, prep: str) -> list[Token]:
    """Objects of a preposition hanging off a token: "to" -> [Kim] for "letter to Kim"."""
    out = []
    for c in token.children:
        if c.dep_ in ("prep", "dative") and c.lower_ == prep:
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return out


def _context_words(token: Token) -> set[str]:
    """Words around a trigger, as written and as lemmas: its head, children, grandchildren, the
    noun an "of" of a grandchild names ("handed his letter of credence", "an exchange of
    ambassadors"), and the few words before it ("the Treaty of Friendship signed ...", whatever
    the parse made of it)."""
    near = [token, token.head, *token.doc[max(0, token.i - 4):token.i]]
    for t in (token, token.head):
        near += list(t.children)
        for c in t.children:
            near += list(c.children)
            near += [o for g in c.children if g.dep_ == "prep" and g.lower_ == "of" for o in g.children]
    return {t.lower_ for t in near} | {t.lemma_ for t in near if t.lemma_}


def find_triggers(doc: Doc, lexicon: Lexicon, matcher: Matcher,
                  context: frozenset[str] = frozenset()) -> list[tuple[Token, Trigger]]:
    """Tokens the trigger patterns match, each read by the first of its rows (in file order)
    whose required context is there: near the trigger, or in the article (`context`, lexicon.AFTER_CALL
    after a call); a row the article's context alone admits is marked by_context."""
    order = {word: n for n, word in enumerate(lexicon.triggers)}
    rows: dict[int, list[Trigger]] = {}
    for match_id, start, _ in matcher(doc):
        rows.setdefault(start, []).append(lexicon.triggers[doc.vocab.strings[match_id]])
    out = []
    for i in sorted(rows):
        token = doc[i]
        near = _context_words(token)
        trig = next((t for t in sorted(rows[i], key=lambda t: order[t.word])
                     if not t.requires or t.requires & (near | context)), None)
        if trig is None:
            continue
        if trig.requires and not trig.requires & near:
            trig = replace(trig, by_context=True)
        if trig.pos == "verb" and lexicon.in_group(token, "object_calls") and not _calls_someone(token, lexicon):
            continue  # "called for talks", "called on Beijing", "called it a provocation"
        if trig.type == "call" and any(c.lower_ in lexicon.group("meeting_calls") for c in token.children):
            trig = replace(trig, type="meeting", medium="", frame="meet", requires=frozenset())  # "a courtesy call on X"
        if trig.type in ("message", "call") and trig.pos == "noun" and any(
                c.lower_ in lexicon.group("not_diplomatic") for c in token.children if c.dep_ in ("amod", "compound")):
            continue  # "text messages", "a clear message to Beijing", "a conference call with investors"
        out.append((token, trig))
    return out


def _calls_someone(verb: Token, lexicon: Lexicon) -> bool:
    """"Modi called Trump on Monday": an object that is called, not "called on Japan", "called for
    talks", "called off the visit" or "called Trump a dotard"."""
    children = list(verb.children)
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.lower_ in lexicon.group("not_a_call") and following.dep_ in ("prt", "prep"):
        return False
    if any(c.dep_ == "prt" for c in children):
        return False
    objects = [c for c in children if c.dep_ in ("dobj", "attr")]
    # "called Ukrainian President Volodymyr Zelensky": the parser often reads the titled name as
    # a naming complement; a proper name with no object beside it is the one called
    named = [c for c in children if c.dep_ == "oprd"]
    if named and (objects or named[0].tag_ not in ("NNP", "NNPS")):
        return False  # "called Trump a dotard", "called it a provocation"
    objects += named
    return len(objects) == 1 and objects[0].lower_ not in lexicon.group("not_a_call")  # two: "called X a Y"


TAKING_PART_PREPS = frozenset("during at in after on before following since".split())


def subject_takes_part(tok: Token) -> bool:
    """"X held talks", "X met", "during a meeting, X ...": yes; "X responded to a summit": no."""
    if is_verb(tok) or tok.dep_ in ("dobj", "nsubj", "nsubjpass", "conj", "ROOT", "attr"):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "dobj":
        return True  # "X held a series of meetings", "X began a round of talks"
    return tok.dep_ == "pobj" and tok.head.lower_ in TAKING_PART_PREPS


def _unique(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if a not in out:
            out.append(a)
    return out
