"""Quotes: the words of a message, as the article quotes them, attached to that message.

Wire reports quote letters in the sentences after the news ("Xi wrote", "he said, according to
KCNA", "the message said"). A quotation belongs to the message whose sender the sentence names
(by name, by a pronoun subject of a reporting verb, or by the message itself), from the
message's first sentence until another sender's message begins. Comparing the wording of two
letters (`missive compare`) reads these spans.
"""

from __future__ import annotations

import re

from ..documents.quotations import find_quotations
from .nlp import Sentence
from .drafts import Draft

_PRONOUN_REPORT = re.compile(r"\b(?:he|she)\s+(?:said|wrote|added|noted|stressed|stated|told)\b|"
                             r"\b(?:said|wrote|added|noted|stressed)\s+(?:he|she)\b", re.IGNORECASE)
_MESSAGE_REPORT = re.compile(r"\b(?:letter|message|cable|telegram|missive|note)\b[^.]{0,40}\b(?:said|says|read|reads|stated)\b",
                             re.IGNORECASE)


QUOTE_REACH = 40  # a message's quotes follow it within this many sentences (a bound, not a scan to the end)


def attach_quotes(drafts: list[Draft], sentences: list[Sentence], is_news) -> dict[int, list[tuple[int, int]]]:
    """Quote spans (cleaned-text offsets) per message draft, keyed by id(draft). A news message
    takes the quotes up to the sentence where another sender's event begins; a background
    mention only those of its own sentence."""
    senders = sorted(((d.sentence, d) for d in drafts if d.source), key=lambda pair: pair[0])
    out: dict[int, list[tuple[int, int]]] = {}
    for first, draft in senders:
        if draft.type != "message" or draft.weak:
            continue
        stop = first + 1
        if is_news(draft):
            stop = next((i for i, other in senders if i > first and other.source.name != draft.source.name),
                        len(sentences))
        spans = []
        for sentence in sentences[first:min(stop, first + QUOTE_REACH)]:
            if _attributed(sentence.text, draft):
                spans += [(sentence.start + q.start_char, sentence.start + q.end_char)
                          for q in find_quotations(sentence.text) if q.is_passage]
        out[id(draft)] = spans
    return out


def _attributed(text: str, draft: Draft) -> bool:
    names = {w for w in draft.source.name.split() if len(w) > 1 and w[0].isupper()}
    # the sender's name, not part of another's ("Kim" is not "Sung Kim")
    if any(re.search(rf"(?<![A-Z][a-z]\s)(?<![A-Z][a-z]{{2}}\s)\b{re.escape(w)}\b", text) for w in names):
        return True
    return bool(_PRONOUN_REPORT.search(text) or _MESSAGE_REPORT.search(text))
