"""Frames: a trigger word in a parsed sentence, with who did what to whom read off the parse.

A frame is the raw reading of one trigger ("sent", "letter", "summit"); the assembler turns
frames into events, fills missing roles from context and merges frames about the same
interaction. Roles come from syntax: subjects, "to"/"from"/"with"/"between" phrases,
possessives, passives, datives and objects, following the frame kind's reading
(a subject sends, but receives under "receive").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from ..model import Actor
from .cast import ActorFinder
from .lexicon import Lexicon, Trigger

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLIMB_DEPS = ("xcomp", "advcl", "conj", "pcomp", "ccomp", "acl", "relcl", "prep", "pobj", "dobj", "attr")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
MISSION_WORDS = frozenset("embassy embassies consulate consulates mission missions".split())
ENVOY_WORDS = frozenset("ambassador ambassadors envoy envoys diplomats".split())


@dataclass
class Frame:
    """One trigger's reading: parties by role, plus what the filters and dating need."""

    trigger: Trigger
    token: Token
    verb: Token | None
    agents: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    participants: list[Actor] = field(default_factory=list)
    pattern: str = ""
    notes: list[str] = field(default_factory=list)
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
            if t.head.dep_ != "pobj":
                return t.head
            t = t.head.head
            continue
        if t.dep_ not in CLIMB_DEPS or t.head.i == t.i:
            return None
        t = t.head
    return None


def children_by_prep(token: Token, prep: str) -> list[Token]:
    """Objects of a preposition hanging off a token: "to" -> [Kim] for "letter to Kim"."""
    out = []
    for c in token.children:
        if c.dep_ in ("prep", "dative") and c.lower_ == prep:
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return out


def _context_words(token: Token) -> set[str]:
    """Words around a trigger: its head, children, grandchildren, and the few words before it
    ("the Treaty of Friendship signed ...", whatever the parse made of the participle)."""
    words = {token.lower_, token.head.lower_}
    words.update(t.lower_ for t in token.doc[max(0, token.i - 4):token.i])
    for t in (token, token.head):
        words.update(c.lower_ for c in t.children)
        for c in t.children:
            words.update(g.lower_ for g in c.children)
    return words


def find_triggers(doc: Doc, lexicon: Lexicon, matcher: Matcher) -> list[tuple[Token, Trigger]]:
    """Tokens the trigger patterns match, kept when the context the trigger needs is there."""
    out = []
    for match_id, start, _ in matcher(doc):
        token, trig = doc[start], lexicon.triggers[doc.vocab.strings[match_id]]
        if trig.requires and not (trig.requires & _context_words(token)):
            continue
        if token.lower_ in lexicon.group("object_calls") and not _calls_someone(token, lexicon):
            continue  # "called for talks", "called on Beijing", "called it a provocation"
        if trig.type == "call" and any(c.lower_ in lexicon.group("meeting_calls") for c in token.children):
            trig = Trigger(trig.word, "meeting", "", trig.pos, "meet", frozenset())  # "a courtesy call on X"
        if trig.type in ("message", "call") and trig.pos == "noun" and any(
                c.lower_ in lexicon.group("not_diplomatic") for c in token.children if c.dep_ in ("amod", "compound")):
            continue  # "text messages", "a clear message to Beijing", "a conference call with investors"
        out.append((token, trig))
    return sorted(out, key=lambda pair: pair[0].i)


def _calls_someone(verb: Token, lexicon: Lexicon) -> bool:
    """"Modi called Trump on Monday": an object that is called, not "called on Japan", "called for
    talks", "called off the visit" or "called Trump a dotard"."""
    children = list(verb.children)
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.lower_ in lexicon.group("not_a_call") and following.dep_ in ("prt", "prep"):
        return False
    if any(c.dep_ in ("prt", "oprd") for c in children):
        return False
    objects = [c for c in children if c.dep_ in ("dobj", "attr")]
    return len(objects) == 1 and objects[0].lower_ not in lexicon.group("not_a_call")  # two: "called X a Y"


class RoleReader:
    """Reads the parties of a frame from the parse, following the frame kind."""

    def __init__(self, finder: ActorFinder, lexicon: Lexicon):
        self.finder, self.lex = finder, lexicon

    def read(self, token: Token, trig: Trigger) -> Frame:
        verb = token if trig.pos == "verb" else governing_verb(token)
        frame = Frame(trig, token, verb, pattern=f"{trig.frame}:{token.lower_}")
        ROLE_READINGS[trig.frame](self, frame)
        return frame

    # -- readings (ROLE_READINGS says which frame kind uses each) --------------------------
    def read_message(self, f: Frame) -> None:
        tok, verb = f.token, f.verb
        thanked = self._thanked_for(f)
        if thanked is not None:
            thanker, thanked_tokens = thanked
            f.agents = self._actors(thanked_tokens, f, "thanked for sending")
            f.recipients = self._actors([thanker] if thanker is not None else [], f, "thanker")
            return
        f.agents = self._first(
            ("possessive", lambda: [c for c in tok.children if c.dep_ == "poss"]),
            ("from-phrase", lambda: self._from_phrases(f)),
            ("subject", lambda: self._subject_unless_receive(f)),
            ("clause subject", lambda: [s for c in tok.children if c.dep_ in ("relcl", "acl") and (s := subject_of(c)) is not None and s != tok]),
            frame=f,
        )
        f.recipients = self._first(
            ("to-phrase", lambda: self._to_phrases(f)),
            ("dative", lambda: [c for c in (verb.children if verb is not None else [])
                                if c.dep_ == "dative" or (c.dep_ in ("dobj", "npadvmod") and c != tok and tok.head == verb)]),
            ("receiver subject", lambda: self._receiver(f)),
            frame=f,
        )

    def read_congratulate(self, f: Frame) -> None:
        verb = f.token
        subj = subject_of(verb)
        f.agents = self._actors([subj] if subj is not None else [], f, "subject")
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        f.recipients = self._actors(objs, f, "object") or self._actors(self._to_phrases(f), f, "to-phrase")

    def read_exchange(self, f: Frame) -> None:
        verb = f.token
        parties = self._first(
            ("between-phrase", lambda: children_by_prep(verb, "between") + children_by_prep(verb.head, "between")),
            ("subject", lambda: [s] if (s := subject_of(verb)) is not None else []),
            frame=f,
        )
        parties += [a for a in self._actors(children_by_prep(verb, "with"), f, "with-phrase") if a not in parties]
        f.participants = parties

    def read_meet(self, f: Frame) -> None:
        tok, verb = f.token, f.verb
        heads = [tok] + ([verb] if verb is not None else [])
        heads += [c for c in tok.children if c.dep_ == "dobj"]  # "established relations with China"
        found: list[Actor] = []
        if _subject_takes_part(tok):  # the subject first: "X held talks with Y" reads X -> Y
            subj = subject_of(verb) if verb is not None else None
            found += self._actors([subj] if subj is not None else [], f, "subject")
        preps = ("with", "between", "among", "from") if f.trigger.type == "call" else ("with", "between", "among")
        for h in heads:
            for prep in preps:
                found += self._actors(children_by_prep(h, prep), f, f"{prep}-phrase")
        found += self._actors([c for c in tok.children if c.dep_ in ("poss", "compound")], f, "modifier")
        if is_verb(tok):
            found += self._actors([c for c in tok.children if c.dep_ == "dobj"], f, "object")
        f.participants = _unique(found)

    def read_host(self, f: Frame) -> None:
        """"Putin hosted Xi": the guest is the visitor, so the guest comes first."""
        self.read_meet(f)
        f.participants.reverse()

    def read_visit(self, f: Frame) -> None:
        tok = f.token
        if is_verb(tok):
            subj = subject_of(tok)
            f.agents = self._actors([subj] if subj is not None else [], f, "visitor subject")
            f.recipients = self._actors([c for c in tok.children if c.dep_ == "dobj"], f, "visited place")
        else:
            f.agents = self._actors([c for c in tok.children if c.dep_ == "poss"], f, "possessive visitor")
            if not f.agents and f.verb is not None:
                subj = subject_of(f.verb)
                f.agents = self._actors([subj] if subj is not None else [], f, "visitor subject")
            places = children_by_prep(tok, "to") + [g for c in tok.children if c.dep_ == "appos"
                                                     for g in children_by_prep(c, "to")]  # "his first to Russia"
            f.recipients = self._actors(places, f, "to-phrase")
            if not f.recipients and f.verb is not None:  # "arrived in Moscow on a state visit"
                places = children_by_prep(f.verb, "in") + children_by_prep(f.verb, "to")
                f.recipients = [a for a in self._actors(places, f, "visited place") if a.kind == "state"]

    def read_mission(self, f: Frame) -> None:
        verb = f.token
        subj = subject_of(verb)
        f.agents = self._actors([subj] if subj is not None else [], f, "subject")
        places: list[Token] = []
        for noun in verb.subtree:
            if noun.lower_ in MISSION_WORDS:
                places += children_by_prep(noun, "in") + children_by_prep(noun, "to")
        places += children_by_prep(verb, "in")
        f.recipients = self._actors(places, f, "mission location", exclude_agents=True)

    def read_envoy(self, f: Frame) -> None:
        verb = f.token
        subj = subject_of(verb)
        f.agents = self._actors([subj] if subj is not None else [], f, "subject")
        places: list[Token] = []
        for noun in verb.subtree:
            if noun.lower_ in ENVOY_WORDS:
                for prep in ("to", "in", "from"):
                    places += children_by_prep(noun, prep)
        for prep in ("to", "from"):
            places += children_by_prep(verb, prep)
        f.recipients = self._actors(places, f, "envoy's posting", exclude_agents=True)
        if not f.recipients:  # "summoned the Chinese ambassador": the envoy's own country
            envoys = [n for n in verb.subtree if n.lower_ in ENVOY_WORDS]
            f.recipients = [a for a in self._actors(envoys, f, "envoy's country")
                            if not f.agents or a.country != f.agents[0].country]

    # -- helpers ----------------------------------------------------------------------------
    def _first(self, *steps, frame: Frame) -> list[Actor]:
        """The actors of the first role source that yields any, noting which one it was."""
        for label, tokens in steps:
            found = self._actors(tokens(), frame, label)
            if found:
                return found
        return []

    def _actors(self, tokens: list[Token], frame: Frame, label: str, exclude_agents: bool = False) -> list[Actor]:
        exclude = {a.name for a in frame.agents} if exclude_agents else set()
        found: list[Actor] = []
        for t in tokens:
            if t is None:
                continue
            actors = self.finder.actors_of(t, exclude | {a.name for a in frame.agents})
            if not actors and t.dep_ in SUBJECT_DEPS:
                actors = self.finder.actors_of(next((c for c in t.children if c.dep_ == "poss"), t), exclude)
                if not actors:
                    actors = [a for g in children_by_prep(t, "from") for a in self.finder.actors_of(g, exclude)]
            if actors:
                frame.notes.append(f"{label}: {', '.join(a.name for a in actors)}")
            found += [a for a in actors if a not in found]
        return found

    def _subject_unless_receive(self, f: Frame) -> list[Token]:
        verb = f.verb
        if verb is None or verb.lower_ in self.lex.group("receive"):
            return []
        if f.token.dep_ in ("nsubj", "nsubjpass") and f.token.head == verb:
            return []  # "the letter said": the letter is the subject, not its sender
        subj = subject_of(verb)
        if subj is not None and not self.finder.actors_of(subj):
            f.has_other_subject = subj.tag_.startswith("NN") and not subj.lower_ in self.lex.triggers
        return [subj] if subj is not None else []

    def _receiver(self, f: Frame) -> list[Token]:
        verb = f.verb
        if verb is None or verb.lower_ not in self.lex.group("receive"):
            return []
        subj = subject_of(verb)
        return [subj] if subj is not None else []

    def _thanked_for(self, f: Frame) -> tuple[Token | None, list[Token]] | None:
        """"expressed thanks to X for sending felicitations": the felicitations went from X to the thanker."""
        verb = f.verb
        if verb is None or verb.dep_ != "pcomp" or verb.head.lower_ != "for":
            return None
        thank = verb.head.head
        if thank.lower_ not in self.lex.group("thank"):  # "expressed thanks to X for sending"
            thank = next((c for c in thank.children if c.dep_ == "dobj" and c.lower_ in self.lex.group("thank")), None)
            if thank is None:
                return None
        doer = thank if is_verb(thank) else governing_verb(thank)
        thanker = subject_of(doer) if doer is not None else None
        thanked = children_by_prep(thank, "to") + [c for c in thank.children if c.dep_ == "dobj"]
        return thanker, thanked

    def _from_phrases(self, f: Frame) -> list[Token]:
        """"messages for the anniversary from Putin": "from" on the trigger, its phrase or its verb."""
        tok, verb = f.token, f.verb
        out = []
        for t in [tok, *[c for c in tok.subtree if c.head == tok or c.head.head == tok]]:
            out += children_by_prep(t, "from")
        if verb is not None:
            out += children_by_prep(verb, "from")
            for c in verb.children:  # "received messages for the anniversary from Putin"
                if c.dep_ == "prep":
                    for g in c.children:
                        out += children_by_prep(g, "from") if g.dep_ == "pobj" else []
        return out

    def _to_phrases(self, f: Frame) -> list[Token]:
        tok, verb = f.token, f.verb
        out = children_by_prep(tok, "to")
        for c in tok.children:
            if (c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "appos":
                for g in (c.children if c.dep_ == "prep" else [c]):
                    out += children_by_prep(g, "to")
        if verb is not None and verb.lower_ not in self.lex.group("send"):
            # "made the remarks in a message to Xi": the parser may hang "to Xi" on the verb;
            # only a person is taken there ("travelled to China in a message" is not a recipient)
            out += [t for t in children_by_prep(verb, "to")
                    if t != tok and any(a.kind == "person" for a in self.finder.actors_of(t))]
        if verb is not None and verb.lower_ in self.lex.group("send"):
            found = children_by_prep(verb, "to")
            # "sent a message to A, first secretary of ..., and B": the parser often hangs B on the verb
            found += [c for c in verb.children if found and c.dep_ == "conj" and c.tag_ == "NNP"]
            out += found
        return out


# Which reading finds the parties of each frame kind (the `frame` column of triggers.csv);
# several kinds share one reading.
ROLE_READINGS: dict[str, Callable[[RoleReader, Frame], None]] = {
    "message": RoleReader.read_message,
    "message_weak": RoleReader.read_message,
    "express": RoleReader.read_message,
    "congratulate": RoleReader.read_congratulate,
    "exchange": RoleReader.read_exchange,
    "meet": RoleReader.read_meet,
    "host": RoleReader.read_host,
    "visit": RoleReader.read_visit,
    "call": RoleReader.read_meet,
    "sign": RoleReader.read_meet,
    "relations": RoleReader.read_meet,
    "mission": RoleReader.read_mission,
    "envoy": RoleReader.read_envoy,
}


TAKING_PART_PREPS = frozenset("during at in after on before following since".split())


def _subject_takes_part(tok: Token) -> bool:
    """"X held talks", "X met", "during a meeting, X ...": yes; "X responded to a summit": no."""
    if is_verb(tok) or tok.dep_ in ("dobj", "nsubj", "nsubjpass", "conj", "ROOT", "attr"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in TAKING_PART_PREPS


def _unique(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if a not in out:
            out.append(a)
    return out
