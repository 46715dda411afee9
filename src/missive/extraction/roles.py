"""Roles: who did what to whom, read off the parse by the rows of role_patterns.jsonl.

Each row says, for some frame kinds, where one role (agent, recipient, participant; carrier: who
handed a message over for its sender) is found:
a DependencyMatcher pattern from the trigger or its verb, or a named reading for what no pattern
expresses (ROLE_FUNCTIONS: climbing to a clause's subject, "thanked X for sending", the to-phrase
rules of senders). Rows of the best rank that find any party win; rows of one rank add up
(a meeting's subject, with-phrase and object all take part); a row that "add"s always does.
Coverage grows by adding rows; a row naming an unknown function fails at load.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token
from spacy.vocab import Vocab

from ..knowledge.records import read_records
from ..knowledge.tables import Row
from ..knowledge.schema import FRAME_KINDS, Reference, RoleReason
from ..model import Actor
from .cast import FORMER_WORDS, PERSON_PRONOUNS, ActorFinder, is_pronoun
from .frames import (SUBJECT_DEPS, Frame, PartyNote, children_by_prep, governing_verb, is_verb, subject_of,
                     subject_takes_part)
from .lexicon import Lexicon, Trigger
from .patterns import AnchoredMatcher, checked_source

# Parties found this way are the other side of the frame's doers ("A and B restored ties with C").
COUNTERPART_REASONS = frozenset({RoleReason.WITH_PHRASE})
# A host's guest is the visitor: "Putin hosted Xi" reads Xi first.
GUEST_FIRST_FRAMES = frozenset({"host"})
# A receiving verb is a meeting only with a guest ("received Xi"); with none ("received a letter",
# "received calls from A and B") it is no frame at all, and leaves the sentence's dates to the others.
GUEST_FRAMES = frozenset({"receive"})
ENVOY_WORDS = frozenset("ambassador ambassadors envoy envoys diplomats".split())


@dataclass(frozen=True, slots=True)
class RoleSource:
    """One row of role_patterns.jsonl."""

    id: str
    role: str  # agent | recipient | participant
    rank: int
    reason: RoleReason
    anchor: str  # trigger | verb
    function: str = ""
    trigger_pos: str = ""
    types: frozenset[str] = frozenset()
    actor_kinds: frozenset[str] = frozenset()
    combine: str = "first"
    foreign: bool = False  # only actors of another country than the first agent
    settles: bool = False  # finding any token ends the search, even with no actor in it


class RoleTable:
    """The role rows by frame kind, and their dependency patterns in one matcher."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon, rows: tuple[Row, ...]):
        self.matcher = AnchoredMatcher(vocab, lexicon, node="party")
        self.by_kind: dict[str, list[RoleSource]] = {kind: [] for kind in FRAME_KINDS}
        for row in rows:
            checked_source(row, ROLE_FUNCTIONS)
            if "pattern" in row:
                self.matcher.add(row)
            source = RoleSource(row["id"], row["role"], row["rank"], RoleReason(row["reason"]), row["anchor"],
                                row.get("function", ""), row.get("trigger_pos", ""), frozenset(row.get("types", ())),
                                frozenset(row.get("actor_kinds", ())), row.get("combine", "first"),
                                row.get("foreign", False), row.get("settles", False))
            for kind in row["frames"]:
                self.by_kind[kind].append(source)
        for sources in self.by_kind.values():
            sources.sort(key=lambda s: s.rank)  # stable: file order within a rank

    def sources(self, kind: str, role: str) -> list[RoleSource]:
        return [s for s in self.by_kind.get(kind, []) if s.role == role]


def role_rows(data_dir: str | Path | None = None) -> tuple[Row, ...]:
    return read_records("role_patterns", data_dir).rows


class RoleReader:
    """Reads the parties of a frame from the parse, following the rows of its frame kind."""

    def __init__(self, finder: ActorFinder, lexicon: Lexicon, table: RoleTable):
        self.finder, self.lex, self.table = finder, lexicon, table

    def read(self, token: Token, trig: Trigger) -> Frame:
        verb = token if trig.pos == "verb" else governing_verb(token)
        frame = Frame(trig, token, verb, pattern=f"{trig.frame}:{token.lower_}")
        frame.agents = self._role(frame, "agent")
        frame.recipients = self._role(frame, "recipient")
        frame.participants = self._role(frame, "participant")
        frame.carriers = self._role(frame, "carrier")
        if trig.type == "message":
            self._sender_abroad(frame)
        if trig.frame in GUEST_FIRST_FRAMES:
            frame.participants.reverse()
        return frame

    def _sender_abroad(self, frame: Frame) -> None:
        """"In a separate letter to premier Li, he wrote": a message goes from one state to
        another, so a pronoun sender that resolved to a compatriot of every addressee points past
        that state's people to the person named before them."""
        countries = {a.country for a in frame.recipients}
        subject = subject_of(frame.verb) if frame.verb is not None else None
        if (not countries or not frame.agents or any(a.country not in countries for a in frame.agents)
                or subject is None or subject.lower_ not in PERSON_PRONOUNS or not is_pronoun(subject)):
            return
        compatriots = {m.actor.name for m in self.finder.cast.mentions if m.actor.country in countries}
        found = [a for a in self.finder.actors_of(subject, compatriots) if a.country not in countries]
        if found:
            frame.agents = found
            frame.notes = [n for n in frame.notes if n.role != "agent"] + [
                PartyNote("agent", RoleReason.SUBJECT.value, tuple(found), Reference.PRONOUN)]
            frame.remarks.append(f"a pronoun sender is no compatriot of the addressee: {found[0].name}")

    def _role(self, frame: Frame, role: str) -> list[Actor]:
        sources = self.table.sources(frame.trigger.frame, role)
        found: list[Actor] = []
        read: set[int] = set()  # a token two rows find is read once ("meeting with him": one person)
        for rank in sorted({s.rank for s in sources if s.combine == "first"}):
            settled = False
            for source in (s for s in sources if s.rank == rank and s.combine == "first"):
                tokens = self.tokens_of(frame, source)
                settled |= source.settles and bool(tokens)
                found += [a for a in self._read_source(frame, source, _unread(tokens, read), found) if a not in found]
            if found or settled:
                break
        for source in (s for s in sources if s.combine == "add"):
            found += [a for a in self._read_source(frame, source, _unread(self.tokens_of(frame, source), read), found)
                      if a not in found]
        return found

    def tokens_of(self, frame: Frame, source: RoleSource) -> list[Token]:
        """The tokens one row finds for a frame (before they are read as actors)."""
        trig = frame.trigger
        if (source.trigger_pos and source.trigger_pos != trig.pos) or (source.types and trig.type not in source.types):
            return []
        anchor = frame.token if source.anchor == "trigger" else frame.verb
        if anchor is None:
            return []
        if source.function:
            return list(dict.fromkeys(ROLE_FUNCTIONS[source.function](self, frame, anchor)))
        # a pattern that climbs from the trigger may come back down to it ("sent a letter": the
        # verb's object is the trigger): the trigger is never its own party
        doc = anchor.doc
        return [doc[i] for i in self.table.matcher.found(doc, source.id, anchor.i) if i != frame.token.i]

    def _read_source(self, frame: Frame, source: RoleSource, tokens: list[Token],
                     found: list[Actor] = ()) -> list[Actor]:
        actors = self._actors(tokens, frame, source.role, source.reason, {a.name for a in found})
        if source.actor_kinds:
            actors = [a for a in actors if a.kind in source.actor_kinds]
        if source.foreign and frame.agents:
            actors = [a for a in actors if a.country != frame.agents[0].country]
        if source.reason in COUNTERPART_REASONS:
            frame.counterparts += [a for a in actors if a not in frame.counterparts]
        return actors

    def _actors(self, tokens: list[Token], frame: Frame, role: str, reason: RoleReason,
                others: set[str] = frozenset()) -> list[Actor]:
        """The actors of the tokens; a subject with none stands for its possessive or its
        from-phrase when it is a noun a state acts through ("the leaders of ... from Cuba", not
        "two reporters from Cuba"). Each token's find is noted with how its words pointed (a
        pronoun, a group, a list)."""
        found: list[Actor] = []
        for t in tokens:
            # a pronoun is not the party already found for the frame ("Castillo, who telephoned him")
            words = [t]
            actors = self.finder.actors_of(t, {a.name for a in frame.agents} | others)
            if not actors and t.dep_ in SUBJECT_DEPS and self.finder.is_state_noun(t):
                words = [next((c for c in t.children if c.dep_ == "poss"), t)]
                actors = self.finder.actors_of(words[0], set())
                if not actors:
                    words = children_by_prep(t, "from")
                    actors = [a for g in words for a in self.finder.actors_of(g, set())]
            if actors:
                reference = next(filter(None, map(self.finder.reference_of, words)), "") or (
                    Reference.LIST if len(actors) > 1 else "")
                frame.notes.append(PartyNote(role, reason.value, tuple(actors), reference))
            found += [a for a in actors if a not in found]
        return found


def _unread(tokens: list[Token], read: set[int]) -> list[Token]:
    out = [t for t in tokens if t.i not in read]
    read.update(t.i for t in out)
    return out


# -- named readings: what no dependency pattern expresses ------------------------------------------

def read_subject(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """The anchor's subject, climbing through "while exchanging", "decided to shut", relative clauses."""
    subj = subject_of(anchor)
    return [subj] if subj is not None else []


def read_subject_taking_part(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """"X held talks", "during a meeting, X ...": the subject takes part; "X responded to a summit": no;
    nor "Norway praised the progress at last week's talks between Armenia and Azerbaijan": a
    gathering whose between-phrase names its parties has no others."""
    if frame.trigger.pos == "noun" and children_by_prep(frame.token, "between"):
        return []
    return read_subject(reader, frame, anchor) if subject_takes_part(frame.token) else []


def read_subject_unless_receiving(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """The sender is the subject, unless the verb receives or the trigger itself is the subject
    ("the letter said"); a subject that is no actor ("the drills sent a message") is noted."""
    if reader.lex.in_group(anchor, "receive"):
        return []
    if frame.token.dep_ in ("nsubj", "nsubjpass") and frame.token.head == anchor:
        return []
    if _from_someone(reader, frame.token, anchor):
        return []  # "the ministers read letters from their presidents": they only carry them
    subj = subject_of(anchor)
    if subj is not None and not reader.finder.actors_of(subj):
        frame.has_other_subject = subj.tag_.startswith("NN") and not reader.lex.is_trigger_word(subj)
    return [subj] if subj is not None else []


def _from_someone(reader: RoleReader, trigger: Token, verb: Token) -> bool:
    """"a letter from their respective presidents", "a message from the king": the trigger names
    its sender by a from-phrase (a person, or a state noun), so whoever holds, reads or hands it
    over is not the sender. A place ("a letter from Pyongyang") is not someone."""
    for obj in children_by_prep(trigger, "from") + (children_by_prep(verb, "from") if verb != trigger else []):
        singular = obj.lower_[:-1] if obj.tag_ == "NNS" else obj.lower_  # the parse leaves "presidents" as its lemma
        if reader.lex.in_group(obj, "state_nouns") or singular in reader.lex.group("state_nouns") or any(
                a.kind == "person" for a in reader.finder.actors_of(obj)):
            return True
    return False


def read_receiver_subject(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """"Kim received a letter", "the messages received by Kim": the subject of a receiving verb,
    or the doer of a receiving clause on the trigger, is the recipient."""
    own = read_subject(reader, frame, anchor) if reader.lex.in_group(anchor, "receive") else []
    return own + [s for s in _clause_subjects(frame.token) if reader.lex.in_group(_clause_verb(s), "receive")]


def read_carrier_subject(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """"the ambassador delivered a message from the king to him", "the letter was handed over by
    the envoy": the doer of a hand-over verb (the word group 'hand_over') governing the trigger
    (the assembler keeps the doer as a carrier only when the message names another sender)."""
    return read_subject(reader, frame, anchor) if reader.lex.in_group(anchor, "hand_over") else []


def read_carrier_clause(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """"a message from the emir that was delivered by his special envoy": the doer of a hand-over
    clause on the trigger."""
    return [s for s in _clause_subjects(anchor) if reader.lex.in_group(_clause_verb(s), "hand_over")]


def read_clause_subject(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """"the letter that Kim sent": the subject of a clause on the trigger ("the messages
    received by Kim" name the recipient: read_receiver_subject)."""
    return [s for s in _clause_subjects(anchor) if not reader.lex.in_group(_clause_verb(s), "receive")]


def _clause_subjects(trigger: Token) -> list[Token]:
    return [s for c in trigger.children if c.dep_ in ("relcl", "acl")
            and (s := subject_of(c)) is not None and s != trigger]


def _clause_verb(subject: Token) -> Token:
    """The verb a clause subject belongs to (through "by" for a passive's doer)."""
    return subject.head.head if subject.dep_ == "pobj" and subject.head.dep_ == "agent" else subject.head


def _thanked(reader: RoleReader, frame: Frame) -> tuple[Token | None, list[Token]] | None:
    """"expressed thanks to X for sending felicitations": the felicitations went from X to the thanker."""
    verb = frame.verb
    if verb is None or verb.dep_ != "pcomp" or verb.head.lower_ != "for":
        return None
    thank = verb.head.head
    if not reader.lex.in_group(thank, "thank"):
        thank = next((c for c in thank.children if c.dep_ == "dobj" and reader.lex.in_group(c, "thank")), None)
        if thank is None:
            return None
    doer = thank if is_verb(thank) else governing_verb(thank)
    thanker = subject_of(doer) if doer is not None else None
    return thanker, children_by_prep(thank, "to") + [c for c in thank.children if c.dep_ == "dobj"]


def read_thanked_for_sending(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    thanked = _thanked(reader, frame)
    return thanked[1] if thanked else []


def read_thanker(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    thanked = _thanked(reader, frame)
    return [thanked[0]] if thanked and thanked[0] is not None else []


def read_from_phrases(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """"messages for the anniversary from Putin": "from" on the trigger, its phrase or its verb."""
    tok, verb = frame.token, frame.verb
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


def read_to_phrases(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """The addressee: "to" on the trigger, its of-phrase or apposition, or on the sending verb."""
    tok, verb = frame.token, frame.verb
    out = children_by_prep(tok, "to")
    for c in tok.children:
        if (c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "appos":
            for g in (c.children if c.dep_ == "prep" else [c]):
                out += children_by_prep(g, "to")
    if verb is not None and not reader.lex.in_group(verb, "send"):
        # "made the remarks in a message to Xi": the parser may hang "to Xi" on the verb;
        # only a person is taken there ("travelled to China in a message" is not a recipient)
        out += [t for t in children_by_prep(verb, "to")
                if t != tok and any(a.kind == "person" for a in reader.finder.actors_of(t))]
    if not out:
        # "the cable of condolences sent by the minister to the people of Fiji": the participle of
        # the trigger (or of its of-noun) sends it; "Li, conveying to Yoon regards from Xi, ...": a
        # heavy object shifted past its to-phrase leaves the conveying verb beside the trigger, not
        # above it, and only a person is taken there
        own = [c for n in (tok, *[g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children])
               for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN" and reader.lex.in_group(c, "send")]
        out += [t for c in own for t in children_by_prep(c, "to")]
        beside = [c for c in (*tok.children, *tok.head.children) if c != tok and c != verb and c not in own
                  and is_verb(c) and c.dep_ in ("acl", "advcl", "relcl") and reader.lex.in_group(c, "send")]
        out += [t for c in beside for t in children_by_prep(c, "to")
                if any(a.kind == "person" for a in reader.finder.actors_of(t))]
    if verb is not None and reader.lex.in_group(verb, "send"):
        found = children_by_prep(verb, "to")
        # "sent a message to A, first secretary of ..., and B": the parser often hangs B on the verb
        found += [c for c in verb.children if found and c.dep_ == "conj" and c.tag_ == "NNP"]
        out += found
    return out


def read_main_clause_doers(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """"Kenya and Tanzania pledged to honour a pact that had been signed in 2012", "reaffirmed
    their commitment to an agreement which was signed in March": a passive signing with no doer,
    told of a noun the main clause acts on, was signed by that clause's subject."""
    is_passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in anchor.children)
    if not is_passive or any(c.dep_ == "agent" for c in anchor.children) or anchor.dep_ not in ("relcl", "acl"):
        return []
    governing = governing_verb(anchor.head)
    subj = subject_of(governing) if governing is not None else None
    return [subj] if subj is not None else []


def read_fronted_subject(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """"Having met King Abdullah in Amman, Sisi telephoned the emir": a fronted phrase parsed on its
    own (nlp.for_parsing) has no subject; its doer is the subject of the main clause after it."""
    sent, doc = anchor.sent, anchor.doc
    if sent.end >= len(doc) or any(t.dep_ in ("nsubj", "nsubjpass") for t in sent):
        return []
    main = doc[sent.end].sent
    subj = next((c for c in main.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:  # the main clause misparsed too: its first named actor leads it
        subj = next((t for t in main if _mention_start(reader, t) is not None), None)
        subj = _mention_start(reader, subj) if subj is not None else None
    return [subj] if subj is not None else []


def _mention_start(reader: RoleReader, token: Token) -> Token | None:
    """The first token of the actor mention that covers a token (its phrase lookup starts there)."""
    cast, base = reader.finder.cast, reader.finder.base
    m = cast.covering(base + token.idx)
    if m is None:
        return None
    return next((t for t in token.doc if base + t.idx >= m.start), token)


def read_sides_of_a_misparsed_verb(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """"Egyptian President Sisi telephoned Qatari Emir Sheikh Tamim on Monday", parsed as one noun
    phrase with the verb as a modifier: the actor named right before the verb and the one right
    after it are the parties (only when the parser has hidden the verb inside a phrase)."""
    if not is_verb(anchor) or anchor.dep_ not in ("amod", "compound", "nmod"):
        return []
    before = next((t for t in reversed(anchor.doc[anchor.sent.start:anchor.i]) if _mention_start(reader, t)), None)
    after = next((t for t in anchor.doc[anchor.i + 1:anchor.sent.end] if _mention_start(reader, t)), None)
    return [_mention_start(reader, t) for t in (before, after) if t is not None]


def read_listed_callers(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """"received telephone calls from H.E. A, President of X; H.E. B, President of Y; and H.E. C,
    President of Z, congratulating him": a list of callers the parser breaks up at its semicolons.
    Every actor named from "from" on, up to the next verb or preposition (other than "of"), for
    calls in the plural only (one caller is what the from-phrase row reads)."""
    if frame.token.tag_ != "NNS":
        return []
    froms = [c for h in (frame.token, frame.verb) if h is not None for c in h.children
             if c.dep_ == "prep" and c.lower_ == "from"]
    if not froms:
        return []
    out: list[Token] = []
    for t in anchor.doc[froms[0].i + 1:anchor.sent.end]:
        if is_verb(t) or (t.tag_ == "IN" and t.lower_ != "of") or t.dep_ == "mark":
            break
        start = _mention_start(reader, t)
        before = start.doc[start.i - 1].lower_ if start is not None and start.i else ""
        if start is not None and start not in out and before not in FORMER_WORDS:  # "Former Nepali PM X" acts for no state
            out.append(start)
    return out


def read_received_guest(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """"Lula received Chinese President Xi", "received the visiting prime minister", "received him",
    "Xi was received by Lula": the one received, only when the object's head word itself names an
    actor (it lies in an actor mention, or is a personal pronoun). "received a letter from Xi",
    "received Putin's letter", "received a Chinese delegation" receive a thing: no guest."""
    passive = any(c.dep_ == "auxpass" for c in anchor.children)
    received = [c for c in anchor.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    return [t for t in received if reader.finder.cast.covering(reader.finder.base + t.idx) is not None
            or (is_pronoun(t) and t.lower_ in PERSON_PRONOUNS)]


def read_envoys(reader: RoleReader, frame: Frame, anchor: Token) -> list[Token]:
    """The envoys the verb governs ("summoned the Chinese ambassador"): their own country."""
    return [n for n in anchor.subtree if n.lower_ in ENVOY_WORDS]


RoleFunction = Callable[[RoleReader, Frame, Token], list[Token]]
# The named readings a row may reference by its `function` field.
ROLE_FUNCTIONS: dict[str, RoleFunction] = {
    "subject": read_subject,
    "subject_taking_part": read_subject_taking_part,
    "subject_unless_receiving": read_subject_unless_receiving,
    "receiver_subject": read_receiver_subject,
    "clause_subject": read_clause_subject,
    "carrier_subject": read_carrier_subject,
    "carrier_clause": read_carrier_clause,
    "thanked_for_sending": read_thanked_for_sending,
    "thanker": read_thanker,
    "from_phrases": read_from_phrases,
    "to_phrases": read_to_phrases,
    "envoys": read_envoys,
    "received_guest": read_received_guest,
    "listed_callers": read_listed_callers,
    "main_clause_doers": read_main_clause_doers,
    "fronted_subject": read_fronted_subject,
    "sides_of_a_misparsed_verb": read_sides_of_a_misparsed_verb,
}
