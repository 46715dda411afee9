"""Dependency patterns of the role and filter rows, matched from the anchors frames ask about.

Both tables (role_patterns.jsonl, filter_patterns.jsonl) hold spaCy DependencyMatcher patterns
whose first node, "anchor", is where the row applies (a trigger, or the verb that carries it).
A frame asks one question per row: from this anchor, which tokens does the row reach?
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..errors import DataFileError
from ..knowledge.tables import Row
from .lexicon import Lexicon, expand_groups

ANCHOR_NODE = "anchor"


def checked_source(row: Row, functions: dict[str, Callable[..., Any]]) -> None:
    """A row has a pattern or a named function, not both; the function is one the code knows."""
    if ("pattern" in row) == ("function" in row):
        raise DataFileError(f"{row.where}: a row needs either a pattern or a function")
    name = row.get("function")
    if name is not None and name not in functions:
        raise DataFileError(f"{row.where}: unknown function {name!r} (known: {', '.join(sorted(functions))})")
    pattern = row.get("pattern")
    if pattern is not None and pattern[0].get("RIGHT_ID") != ANCHOR_NODE:
        raise DataFileError(f"{row.where}: the first node of a pattern must be {ANCHOR_NODE!r}")


def _siblings(token: Token) -> list[Token]:
    return list(token.head.children)


# spaCy's DependencyMatcher operators, as its own code reads them: LEFT op RIGHT -> the RIGHT
# tokens for a LEFT token ("<": LEFT is the immediate dependent of RIGHT, so RIGHT is its head).
RELATIONS: dict[str, Callable[[Token], list[Token]]] = {
    "<": lambda t: [t.head] if t.head.i != t.i else [],
    ">": lambda t: list(t.children),
    "<<": lambda t: list(t.ancestors),
    ">>": lambda t: [x for x in t.subtree if x.i != t.i],
    ".": lambda t: [t.doc[t.i + 1]] if t.i + 1 < t.sent.end else [],
    ".*": lambda t: list(t.doc[t.i + 1:t.sent.end]),
    ";": lambda t: [t.doc[t.i - 1]] if t.i > t.sent.start else [],
    ";*": lambda t: list(t.doc[t.sent.start:t.i]),
    "$+": lambda t: [c for c in _siblings(t) if c.i == t.i + 1],
    "$-": lambda t: [c for c in _siblings(t) if c.i == t.i - 1],
    "$++": lambda t: [c for c in _siblings(t) if c.i > t.i],
    "$--": lambda t: [c for c in _siblings(t) if c.i < t.i],
}


# Token attributes a node may test, as spaCy names them in patterns.
ATTRIBUTES: dict[str, Callable[[Token], str]] = {
    "ORTH": lambda t: t.orth_, "TEXT": lambda t: t.text, "LOWER": lambda t: t.lower_, "LEMMA": lambda t: t.lemma_,
    "POS": lambda t: t.pos_, "TAG": lambda t: t.tag_, "DEP": lambda t: t.dep_,
}


@dataclass(frozen=True, slots=True)
class _Test:
    """One attribute test of a node: equal to a value, IN / NOT_IN a set, or a REGEX."""

    read: Callable[[Token], str]
    equals: str | None = None
    among: frozenset[str] | None = None
    not_among: frozenset[str] | None = None
    regex: re.Pattern[str] | None = None

    def accepts(self, token: Token) -> bool:
        value = self.read(token)
        return ((self.equals is None or value == self.equals) and (self.among is None or value in self.among)
                and (self.not_among is None or value not in self.not_among)
                and (self.regex is None or self.regex.search(value) is not None))


@dataclass(frozen=True, slots=True)
class _Node:
    left: int  # index of the node it hangs from (-1 for the anchor)
    op: str
    tests: tuple[_Test, ...]

    def accepts(self, token: Token) -> bool:
        return all(test.accepts(token) for test in self.tests)


def _tests(attrs: dict[str, Any], where: str) -> tuple[_Test, ...]:
    tests = []
    for name, spec in attrs.items():
        if name not in ATTRIBUTES:
            raise DataFileError(f"{where}: the attribute {name!r} is not supported ({', '.join(ATTRIBUTES)})")
        if not isinstance(spec, dict):
            tests.append(_Test(ATTRIBUTES[name], equals=spec))
            continue
        unknown = set(spec) - {"IN", "NOT_IN", "REGEX"}
        if unknown:
            raise DataFileError(f"{where}: the predicate {sorted(unknown)[0]!r} is not supported (IN, NOT_IN, REGEX)")
        tests.append(_Test(ATTRIBUTES[name], among=frozenset(spec["IN"]) if "IN" in spec else None,
                           not_among=frozenset(spec["NOT_IN"]) if "NOT_IN" in spec else None,
                           regex=re.compile(spec["REGEX"]) if "REGEX" in spec else None))
    return tuple(tests)


class AnchoredMatcher:
    """DependencyMatcher patterns evaluated from given anchors only.

    The rows are spaCy DependencyMatcher patterns (checked by spaCy's own DependencyMatcher at
    load), but spaCy's matcher searches every token of a sentence for every pattern, which costs
    about 0.5 ms per pattern and sentence: with ~70 rows, three times the parse itself (measured
    on the dev sentences: 5.5 s against a 1.6 s parse); a token Matcher pass for the nodes alone
    still costs 8 ms a sentence. Here the relations are followed from the few anchors a frame
    asks about and each node's attributes are tested on the tokens reached, so a row costs
    microseconds (tests/test_rows.py checks that spaCy's matcher agrees on every row's case).
    """

    def __init__(self, vocab: Vocab, lexicon: Lexicon, node: str | None = None):
        self.vocab, self.lexicon, self.node = vocab, lexicon, node
        self.patterns: dict[str, list[dict[str, Any]]] = {}
        self._nodes: dict[str, list[_Node]] = {}
        self._target: dict[str, int] = {}

    def add(self, row: Row) -> None:
        pattern = expand_groups(row["pattern"], self.lexicon, row.where)
        names = [node.get("RIGHT_ID") for node in pattern]
        if self.node is not None and self.node not in names:
            raise DataFileError(f"{row.where}: the pattern has no node {self.node!r}")
        try:
            DependencyMatcher(self.vocab).add(row["id"], [pattern])  # spaCy's own check of the pattern
        except (ValueError, KeyError) as exc:
            raise DataFileError(f"{row.where}: not a valid spaCy DependencyMatcher pattern ({exc})") from exc
        nodes = []
        for k, spec in enumerate(pattern):
            op = spec.get("REL_OP", "")
            if k and op not in RELATIONS:
                raise DataFileError(f"{row.where}: the operator {op!r} is not supported ({' '.join(RELATIONS)})")
            nodes.append(_Node(names.index(spec["LEFT_ID"]) if k else -1, op,
                               _tests(spec.get("RIGHT_ATTRS", {}), row.where)))
        self.patterns[row["id"]] = pattern
        self._nodes[row["id"]] = nodes
        self._target[row["id"]] = names.index(self.node) if self.node is not None else 0

    def target_of(self, row_id: str) -> int:
        """The position of the node whose tokens `found` gives (the anchor when none is named)."""
        return self._target[row_id]

    def found(self, doc: Doc, row_id: str, anchor: int) -> list[int]:
        """Token indices of the row's target node in its matches from the anchor, in text order."""
        nodes = self._nodes[row_id]
        if not nodes[0].accepts(doc[anchor]):
            return []
        out: set[int] = set()
        self._search(doc, nodes, [anchor], self._target[row_id], out)
        return sorted(out)

    def _search(self, doc: Doc, nodes: list[_Node], assigned: list[int], target: int, out: set[int]) -> None:
        if len(assigned) == len(nodes):
            out.add(assigned[target])
            return
        node = nodes[len(assigned)]
        for t in RELATIONS[node.op](doc[assigned[node.left]]):
            if node.accepts(t):
                self._search(doc, nodes, [*assigned, t.i], target, out)
