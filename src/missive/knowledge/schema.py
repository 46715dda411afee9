"""What each knowledge table holds: its columns, and the closed sets some of them draw from.

A knowledge file is data a user can extend, so a typo in it must fail where it is made, with
the file, line and value, rather than be read as something else far downstream (a misspelt frame
kind read as a message, a misspelt role matching no office). Each table declares its required
columns and, per column, the kind of value it takes; the loader checks every row against this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..model import ACTOR_BASES, DATE_SOURCES, EVENT_TYPES, MEDIA, PRECISIONS, RELATION_ACTIONS

# How the parties of a trigger are read from the parse; extraction.frames maps each to a reading.
FRAME_KINDS = ("message", "message_weak", "express", "congratulate", "exchange", "meet", "host", "visit",
               "call", "sign", "relations", "mission", "envoy",
               "receive")  # "X received Y": Y (a person, an office, an envoy) visited X
TRIGGER_POS = ("verb", "noun")
# Parts of speech a word group's lemmas are inflected as (frame_words.csv `pos`; empty: exact words).
LEMMA_POS = ("VERB", "NOUN")
# Word groups of frame_words.csv that the extractor and the reference date consult by name.
WORD_GROUPS = ("send", "receive", "report", "modal", "intent", "commit", "negation", "pair", "response", "thank",
               "venue", "not_diplomatic", "occur", "cancel", "not_yet", "state_nouns", "unreal", "meeting_calls",
               "object_calls", "not_a_call", "remark", "earlier", "listing", "honorific", "occasion_election",
               "occasion_disaster", "greets_occasion", "mourns_occasion", "reciprocal", "dated_origin",
               "origin_nouns",  # what a country's own anniversary is of
               "attend", "pairwise",
               "three_party", "four_party", "spoken", "written", "in_person", "summit", "signing", "performative",
               "hand_over", "respectively",  # what an envoy does with a message it carries
               "met_in_article",  # with 'in_person': an article that names none told no meeting in person
               # an organisation's summit: its chair, its parts, the verbs of its first and last day
               "chair", "summit_parts", "summit_begins", "summit_ends", "first_day", "last_day", "summit_members")
# The word groups that count a gathering's parties ("trilateral talks", "a four-way meeting").
PARTY_COUNTS = {"three_party": 3, "four_party": 4}
OFFICE_ROLES = ("head_of_state", "head_of_government", "party_leader", "foreign_minister", "official", "ambassador")
# A title may also name whoever leads ("leader") or be a form of address ("Mr.", "His Excellency").
TITLE_ROLES = (*OFFICE_ROLES, "leader", "address")
PARAMOUNT_ROLES = ("head_of_state", "head_of_government", "party_leader")
FOUNDING_KINDS = ("state", "party", "army", "treaty", "relations", "organisation", "event", "birth", "death")
OCCASION_KINDS = ("congress", "plenum", "session", "national_day", "holiday", "inauguration", "summit")
# How an epithet picks its state: the one of its countries the article names, or its only one.
EPITHET_RULES = ("named", "always")
# Organisations: parties, legislatures and international bodies are never a state actor, even
# when their name holds a country ('the Communist Party of Greece', 'the Philippine Senate').
ORGANISATION_KINDS = ("party", "legislature", "international")
CHROME_KINDS = ("chrome", "article_end", "comment_prompt", "date_label", "credit", "caption")
CHROME_MATCHES = ("line", "start", "contains")
# PLOVER's event types (CAMEO2PLOVER-2021 and the PLOVER manual), for the event_codes table.
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "DEMAND",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# Spellings a yes/no column accepts; the loader writes them as "1" (yes) or "" (no).
FLAG_SPELLINGS = {"1": "1", "true": "1", "yes": "1", "y": "1", "0": "", "false": "", "no": "", "n": "", "": ""}


@dataclass(frozen=True, slots=True)
class Column:
    """One column: required in the header or not, and the kind of value each cell holds.

    kind: text | choice (one of `choices`) | choices (';'-separated, each one of `choices`) |
    flag (a yes/no spelling) | iso3 / iso3s (country codes of countries.csv, one or ';'-separated) |
    date (YYYY-MM-DD) | day (YYYY-MM-DD, or MM-DD for a day that recurs every year) | number (a finite decimal).
    """

    name: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    is_required: bool = True
    may_be_empty: bool = True


@dataclass(frozen=True, slots=True)
class Schema:
    name: str  # the file is <name>.csv
    columns: tuple[Column, ...] = field(default_factory=tuple)


def _c(name: str, kind: str = "text", choices: tuple[str, ...] = (), *, optional: bool = False,
       filled: bool = False) -> Column:
    return Column(name, kind, choices, is_required=not optional, may_be_empty=not filled)


SCHEMAS: dict[str, Schema] = {s.name: s for s in (
    Schema("countries", (_c("iso3", filled=True), _c("name", filled=True), _c("official_names", optional=True),
                         _c("aliases", optional=True), _c("short_forms", optional=True),
                         _c("demonyms", optional=True), _c("capitals", optional=True),
                         _c("sovereign", "iso3", optional=True), _c("short_name_first", "flag", optional=True),
                         _c("paramount_role", "choice", PARAMOUNT_ROLES, optional=True),
                         _c("bodies", optional=True))),
    Schema("leaders", (_c("iso3", "iso3", filled=True), _c("name", filled=True), _c("aliases"),
                       _c("role", "choice", OFFICE_ROLES, filled=True), _c("title"), _c("start", "date"),
                       _c("end", "date"), _c("is_paramount", "flag"), _c("short_name", optional=True),
                       _c("qid", optional=True))),
    Schema("titles", (_c("title", filled=True), _c("role", "choice", TITLE_ROLES), _c("aliases", optional=True))),
    Schema("media", (_c("name", filled=True), _c("aliases", optional=True), _c("country", "iso3"),
                     _c("is_state_media", "flag"))),
    Schema("foundings", (_c("subject", filled=True), _c("aliases", optional=True),
                         _c("kind", "choice", FOUNDING_KINDS, optional=True), _c("date", "date", filled=True),
                         _c("iso3", "iso3s", optional=True))),
    Schema("occasions", (_c("label", filled=True), _c("aliases", optional=True), _c("keywords", optional=True),
                         _c("cues", optional=True), _c("start", "day", filled=True), _c("end", "day", optional=True),
                         _c("iso3", "iso3s", optional=True), _c("kind", "choice", OCCASION_KINDS, optional=True))),
    Schema("frame_words", (_c("group", "choice", WORD_GROUPS, filled=True), _c("word"),
                           _c("pos", "choice", LEMMA_POS, optional=True))),
    Schema("irregular_forms", (_c("lemma", filled=True), _c("pos", "choice", LEMMA_POS, filled=True),
                               _c("forms", filled=True))),
    Schema("common_surnames", (_c("surname", filled=True),)),
    Schema("event_codes", (_c("type", "choice", EVENT_TYPES, filled=True),
                           _c("medium", "choice", (*MEDIA, *RELATION_ACTIONS)), _c("cue"),
                           _c("cameo", filled=True), _c("cameo_name"), _c("plover_type", "choice", PLOVER_TYPES),
                           _c("plover_mode"), _c("note"))),
    Schema("chrome_phrases", (_c("phrase", filled=True), _c("kind", "choice", CHROME_KINDS, filled=True),
                              _c("match", "choice", CHROME_MATCHES, filled=True))),
    Schema("epithets", (_c("epithet", filled=True), _c("aliases", optional=True), _c("countries", "iso3s"),
                        _c("role", "choice", OFFICE_ROLES), _c("rule", "choice", EPITHET_RULES))),
    Schema("spellings", (_c("pattern", filled=True), _c("replacement"), _c("example", optional=True))),
    Schema("organisations", (_c("name", filled=True), _c("aliases", optional=True),
                             _c("kind", "choice", ORGANISATION_KINDS, filled=True), _c("country", "iso3"))),
    Schema("organisation_heads", (_c("word", filled=True), _c("kind", "choice", ORGANISATION_KINDS, filled=True))),
)}


# -- the pattern files (JSON Lines, read by knowledge.records) ------------------------------------

class RoleReason(StrEnum):
    """How a party of a frame was found: the `reason` of a role_patterns.jsonl line, shown by --explain."""

    POSSESSIVE = "possessive"
    FROM_PHRASE = "from-phrase"
    SUBJECT = "subject"
    CLAUSE_SUBJECT = "clause subject"
    TO_PHRASE = "to-phrase"
    DATIVE = "dative"
    RECEIVER_SUBJECT = "receiver subject"
    THANKED_FOR_SENDING = "thanked for sending"
    THANKER = "thanker"
    OBJECT = "object"
    BETWEEN_PHRASE = "between-phrase"
    WITH_PHRASE = "with-phrase"
    AMONG_PHRASE = "among-phrase"
    MODIFIER = "modifier"
    VISITOR_SUBJECT = "visitor subject"
    POSSESSIVE_VISITOR = "possessive visitor"
    BY_PHRASE = "by-phrase"
    OF_PHRASE = "of-phrase"
    VISITED_PLACE = "visited place"
    MISSION_LOCATION = "mission location"
    ENVOY_POSTING = "envoy's posting"
    ENVOY_COUNTRY = "envoy's country"
    MAIN_CLAUSE_SUBJECT = "main clause subject"
    GUEST = "guest"
    HONOREE = "honoree"
    NEXT_TO_VERB = "next to the verb"
    ON_BEHALF = "on behalf of"


class FilterReason(StrEnum):
    """Why a frame asserts no event (effect "drop"), or why a drop row does not apply (effect
    "exempt"): the `reason` of a filter_patterns.jsonl line."""

    QUESTION = "a question, not an assertion"
    NEGATED = "negated"
    NOT_YET = "only planned or expected"
    CANCELLED = "called off"
    ASKED_FOR = "asked for, not held"
    UNREAL = "said to be possible or expected"
    HYPOTHETICAL = "hypothetical"
    COUNTERFACTUAL = "counterfactual"
    MODAL = "modal: not asserted as done"
    PLANNED = "infinitive: planned or purpose, not done"
    INTENDED = "intended, not done"
    ARRANGED = "present progressive: arranged, not yet done"
    GENERIC_PLURAL = "uncounted plural with no date: not one event"
    AGGREGATE = "a count of several, not one event"
    ONGOING = "an ongoing process, not one act"
    ACTIVITY = "a gerund naming an activity, not an act"
    DENIED = "denied or dismissed, not asserted"
    CREDENCE = "a letter of credence is credentials, not a message"
    TO_THE_PRESS = "said to the press, not a message between states"
    FACTUAL = "the first or only one to do it: a fact"
    OCCASION = "the subject of an anniversary, not the act"
    DOMESTIC = "a domestic meeting, not one between states"
    SUMMONED = "summoning an envoy is a protest, not a change in relations"
    FIRST_TIME = "the first time they did it: the interaction told before, not another"
    ANNOUNCED_DECISION = "an announced decision is an act"
    COMMITTED = "a decided or agreed act"
    BECAUSE_OF = "'thanks to' means 'because of': no thanks are given"
    STANCE = "a stance or a point made, not a message sent"
    PUBLIC_THANKS = "thanks said in public to a country, not a message to it"
    ONE_ACT = "one act told in the plural"
    TOPIC = "the topic of a message, not a meeting of its parties"


ROLES = ("agent", "recipient", "participant", "carrier")  # carrier: who handed over a message for its sender
# Where a role or filter pattern is anchored: the trigger token, or the verb that carries it
# (the trigger itself for a verb; the nearest verb above a noun: "sent" for "letter").
ANCHORS = ("trigger", "verb")
FILTER_ANCHORS = ("trigger", "anchor")
ACTOR_KINDS = ("person", "state", "organisation")
# How a role source adds to the sources of better rank: "first" (only if none of them found a
# party) or "add" (always, after them).
COMBINE = ("first", "add")
EFFECTS = ("drop", "exempt")
# A role row that "settles" its role when it finds any token, even one that names no actor
# ("thanked the general secretary for sending ...": the sender is the general secretary or no one).


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a pattern-file line. kind: text | choice | choices (a list of choices) |
    words (a list of strings) | rank (a whole number) | flag (true or false) |
    pattern (a spaCy pattern: a list of objects)."""

    name: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    is_required: bool = False


_SHARED = (Field("id", "text", is_required=True), Field("note"))
RECORD_SCHEMAS: dict[str, tuple[Field, ...]] = {
    "triggers": (*_SHARED, Field("pattern", "pattern", is_required=True),
                 Field("type", "choice", EVENT_TYPES, is_required=True),
                 Field("medium", "choice", ("", *MEDIA, *RELATION_ACTIONS)),
                 Field("frame", "choice", FRAME_KINDS, is_required=True), Field("requires", "words")),
    "role_patterns": (*_SHARED, Field("frames", "choices", FRAME_KINDS, is_required=True),
                      Field("role", "choice", ROLES, is_required=True), Field("rank", "rank", is_required=True),
                      Field("reason", "choice", tuple(RoleReason), is_required=True),
                      Field("anchor", "choice", ANCHORS, is_required=True), Field("pattern", "pattern"),
                      Field("function"), Field("trigger_pos", "choice", TRIGGER_POS),
                      Field("types", "choices", EVENT_TYPES), Field("actor_kinds", "choices", ACTOR_KINDS),
                      Field("combine", "choice", COMBINE), Field("foreign", "flag"), Field("settles", "flag")),
    "filter_patterns": (*_SHARED, Field("reason", "choice", tuple(FilterReason), is_required=True),
                        Field("effect", "choice", EFFECTS), Field("anchor", "choice", FILTER_ANCHORS, is_required=True),
                        Field("pattern", "pattern"), Field("function"), Field("trigger_pos", "choice", TRIGGER_POS),
                        Field("types", "choices", EVENT_TYPES), Field("unless", "words")),
}


# -- the evidence of an event, which its confidence weighs (extraction.confidence, data/confidence.csv) ---

class ContextReason(StrEnum):
    """How a party the trigger's own syntax did not give was found: the context readings of
    extraction.context and the assembler's borrowing, shown by --explain."""

    SENTENCE_PEOPLE = "sentence people"  # "the June 12 summit": the two people of the trigger's clause
    SPEAKERS = "speakers"  # "At the summit, A said ...; B told ...": the speakers of its sentence
    NEXT_SENTENCE = "next sentence"  # a gathering's participants named in the sentence after it
    COUNTED = "counted"  # "trilateral talks": the nearest sentence naming that many parties
    SUMMIT = "summit"  # "gathered for a two-day summit": the states of the article's sentences on the summit
    ROSTER = "summit roster"  # an organisation's summit: the states named as hosting, attending or chairing it
    OTHER_PERSON = "other person"  # a message's other party: the one other person of its clause
    GOVERNING_CLAUSE = "governing clause"  # "restoring ties with Kenya after severing ...": the clause above
    POSTING = "posting"  # "recalled its ambassador": the state named last before
    MAIN_PAIR = "main pair"  # not named in the sentence: the article's main pair
    CARRIER = "carrier"  # the envoy who handed a message over met its recipient
    RESPECTIVELY = "respectively"  # "A and B respectively wrote to X and Y": the lists pair in order


class Reference(StrEnum):
    """How a role's words pointed at actors they did not name themselves."""

    PRONOUN = "pronoun"  # "he", "its", "they"
    GROUP = "group"  # "the two leaders", "all four governments"
    LIST = "list"  # one of several parties the words list ("A, B and C")


class DateBasis(StrEnum):
    """Why an event's window is what it is, beside its precision."""

    EXPRESSION = "expression"  # a date expression of its own that names its year ("21 June 2019", "in 2016")
    RELATIVE = "relative"  # a date expression of its own counted from the report day ("on Monday", "last month")
    STATEMENT = "statement"  # "made the remarks while exchanging messages": the dated statement's time
    CONTINUED = "continued"  # the date of the act it continues, or of the verb it is a conjunct of
    REPEATED = "repeated"  # "did so in April": a pro-verb repeats the act on a date
    EARLIER = "earlier"  # "the first visit since 2007": the one before was then
    OCCASION = "occasion"  # after a one-off occasion began, by the report day
    ANNIVERSARY = "anniversary"  # in the week before an anniversary it marks
    BOUND = "bound"  # after or before another dated event, by the report day
    SPAN = "span"  # a summit's days: its first and last day, or one of them and its length
    REPORT_DAY = "report day"  # no date of its own: on or before the report day (open without one)


class ClauseKind(StrEnum):
    """The clause a trigger is told in: the sentence's own assertion, or a clause inside another."""

    MAIN = "main"  # the sentence's main clause (or a conjunct of it)
    COMPLEMENT = "complement"  # what a verb says or wants: "said (that) X met Y", "agreed to restore ties"
    ADVERBIAL = "adverbial"  # "after X met Y", "while exchanging messages", "before visiting"
    RELATIVE = "relative"  # "the letter that X sent", "Lam, who visited"
    PHRASE = "phrase"  # a noun phrase with no verb above it: a headline, a caption
    OBLIQUE = "oblique"  # a noun trigger inside another phrase: "plans for the summit", "details of his call"


# Where the article's report day came from: a metadata candidate's source, what the content pins, or nothing.
REPORT_DAY_SOURCES = (*sorted(DATE_SOURCES), "content", "none")
SENTENCE_COUNTS = ("1", "2", "3+")


def feature_name(prefix: str, value: str) -> str:
    """"agent" + "envoy's posting" -> "agent.envoys_posting": one spelling for CSV cells and code."""
    slug = value.replace("'", "").replace(" ", "_").replace("-", "_")
    return f"{prefix}.{slug}"


# The closed set of evidence features an event records (Event.features) and the confidence table
# weighs. Per party: how each role was found (a role row's reason or a context reading) and how its
# words pointed; per actor: how its mention named it; per event: the frame, the window, the support.
EVIDENCE_FEATURES: tuple[str, ...] = tuple(dict.fromkeys((
    *(feature_name("frame", k) for k in FRAME_KINDS), *(feature_name("trigger", p) for p in TRIGGER_POS),
    *(feature_name("type", t) for t in EVENT_TYPES), *(feature_name("medium", m) for m in (*MEDIA, *RELATION_ACTIONS)),
    *(feature_name(role, how) for role in ROLES for how in (*RoleReason, *ContextReason)),
    *(feature_name("party", r) for r in Reference),
    "party.borrowed",  # a party not named in any sentence that asserts it: the article's main pair
    "party.context",  # a party found by a context reading (ContextReason other than the main pair)
    "parties.direct",  # every party named by the syntax of a sentence that asserts the event
    "parties.most_named",  # every party is one of the two states the article names most
    "party.named_once",  # a party's state is named once in the article
    *(feature_name("actor", b) for b in ACTOR_BASES),
    *(feature_name("date", p) for p in PRECISIONS), *(feature_name("date", b) for b in DateBasis),
    *(feature_name("sentences", n) for n in SENTENCE_COUNTS),
    "background",  # context in the article, not its news
    "quotes",  # quoted words of the message come with it
    "multilateral",  # three or more states take part
    "lead",  # asserted in the article's first three sentences
    "article.crowded", "article.crowded8", "article.one_pair",  # five or more, eight or more, at most two states named
    "sentence.long",  # its first sentence is long (parses of long sentences go wrong more often)
    *(feature_name("clause", k) for k in ClauseKind),
    *(feature_name("report_day", s) for s in REPORT_DAY_SOURCES),
)))
INTERCEPT = "intercept"

# The confidence model: a weight per evidence feature and the intercept (scripts/fit_confidence.py).
SCHEMAS["confidence"] = Schema("confidence", (_c("feature", "choice", (INTERCEPT, *EVIDENCE_FEATURES), filled=True),
                                              _c("weight", "number", filled=True)))
