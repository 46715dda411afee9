"""Which dictionary hits of a text stand, before the mention pass reads them.

The surface scan finds every known word, but some of them are parts of other names: "Thai" in
the Vietnamese ambassador "Lai Thai Binh", "Fiji" in "the Fiji Labour Party", "Greece" in "the
Communist Party of Greece", "Kim" in the US envoy "Sung Kim". These steps decide that from the
neighbouring words alone, and add runs of capitalised words no table knows as candidate names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from .surfaces import NAME_GAP_RE, Item, SurfaceIndex, Token

# Particles of Arabic, Romance and Germanic names ('El Sisi', 'bin Salman'): never a name alone.
PARTICLES = frozenset("bin ibn bint binti al el ul de da do dos das di du del della la le van von der den ter abu".split())
ORG_GAP_RE = re.compile(r"[ \t\-'’]{1,3}")  # "Workers' Party", "Social-Democratic Party"
LIST_GAP_RE = re.compile(r"\s*,\s*")
ORG_NAME_WORDS = 4  # words of a name before its head noun ("Social Democratic Liberal Party")


def is_sentence_start(text: str, toks: list[Token], i: int) -> bool:
    return i == 0 or bool(re.search(r"[.!?:\"“\n]\s*$", text[toks[i - 1].end : toks[i].start]))


def is_free_capital(text: str, toks: list[Token], covered: set[int], i: int, j: int) -> bool:
    """Token j is a capitalised word not otherwise recognised, glued to token i by a space."""
    if not 0 <= j < len(toks) or j in covered or not toks[j].raw[:1].isupper():
        return False
    a, b = (i, j) if i < j else (j, i)
    return bool(NAME_GAP_RE.fullmatch(text, toks[a].end, toks[b].start))


def mark_organisations(text: str, toks: list[Token], items: list[Item], heads: Mapping[str, str],
                       surfaces: SurfaceIndex) -> list[Item]:
    """'the Communist Party of Greece', 'Fiji Labour Party', 'the Kenyan National Assembly':
    one organisation item over the name, so the country inside it is not read as the state.
    A title that begins with the head noun ('Party leader') keeps its remaining words."""
    owner = {t: it for it in items for t in range(it.t0, it.t1)}
    out, spans = list(items), []
    for k, tok in enumerate(toks):
        item = owner.get(k)
        head = heads.get(tok.norm) or (heads.get(tok.norm[:-1]) if tok.norm.endswith("s") else None)
        if head is None or (item and (item.kind != "title" or item.t0 != k)):
            continue
        end = _of_place_end(text, toks, owner, k + 1)
        if not tok.raw[:1].isupper() and (end == k + 1 or head != "legislature"):
            continue  # lower case, only 'the parliament(s) of Kenya ...' names an organisation
        start = _name_start(text, toks, owner, k) if tok.raw[:1].isupper() else k
        if start == k and end == k + 1 or (spans and start < spans[-1][1]):
            continue  # a bare 'Party' names nothing
        spans.append((start, end))
        inside = [it for it in out if start <= it.t0 and it.t1 <= end or it is item]
        places = tuple(e for it in inside if it.kind == "place" for e in it.entries)
        out = [it for it in out if not any(it is x for x in inside)]
        out.append(Item("organisation", start, end, places))
        if item is not None and item.t1 > end:  # "Party leader" -> "leader"
            out += [it for it in surfaces.scan(text, toks, start=end, stop=item.t1) if it.kind == "title"]
    return sorted(out, key=lambda it: it.t0)


def _name_start(text: str, toks: list[Token], owner: Mapping[int, Item], k: int) -> int:
    """First word of the capitalised name ending in the head noun at k."""
    start = k
    while start > 0 and k - start < ORG_NAME_WORDS:
        j, item = start - 1, owner.get(start - 1)
        if not toks[j].raw[:1].isupper() or toks[j].norm == "the" or not ORG_GAP_RE.fullmatch(
                text, toks[j].end, toks[start].start):
            break
        if item is not None and item.kind != "place":
            break
        start = item.t0 if item is not None else j
    return start


def _of_place_end(text: str, toks: list[Token], owner: Mapping[int, Item], t: int) -> int:
    """'Party' + 'of [the] Greece': the name runs through the place, and through the places
    listed with it ('the parliaments of Kazakhstan and Turkey' are two legislatures)."""
    if not (t + 1 < len(toks) and toks[t].norm == "of"):
        return t
    end, k = t, t + 1 + (toks[t + 1].norm == "the")
    while (item := owner.get(k)) is not None and item.kind == "place" and item.t0 == k:
        end = item.t1
        if end < len(toks) and toks[end].norm == "and":
            k = end + 1 + (end + 1 < len(toks) and toks[end + 1].norm == "the")
        elif end < len(toks) and LIST_GAP_RE.fullmatch(text, toks[end - 1].end, toks[end].start):
            k = end
        else:
            break
    return end


def demote_places_in_names(text: str, toks: list[Token], items: list[Item]) -> list[Item]:
    """'Lai Thai Binh', 'Ambassador Nguyen Thai Son': a one-word place between a known short
    name (or a titled capitalised word) and another capitalised word is part of a person's name."""
    owner = {t: it for it in items for t in range(it.t0, it.t1)}
    covered = set(owner)
    kept = []
    for item in items:
        left = owner.get(item.t0 - 1)
        is_inside = (item.kind == "place" and item.t1 - item.t0 == 1 and item.t0 > 0
                     and is_free_capital(text, toks, covered, item.t0, item.t1)
                     and NAME_GAP_RE.fullmatch(text, toks[item.t0 - 1].end, toks[item.t0].start) is not None
                     and toks[item.t0 - 1].raw[:1].isupper()
                     and (left is not None and left.kind == "short"
                          or left is None and owner.get(item.t0 - 2, Item("", 0, 0)).kind == "title"))
        if not is_inside:
            kept.append(item)
    return kept


def demote_glued_shorts(text: str, toks: list[Token], items: list[Item], leads_now: Callable[[Item], bool]) -> list[Item]:
    """'Kim' alone may be the leader, but 'Sung Kim' or 'Kim Song' is someone else; after a
    capitalised first word of a sentence ('When Kim met') only a leader in charge stays."""
    covered = {t for it in items for t in range(it.t0, it.t1)}
    kept = []
    for item in items:
        if item.kind == "short":
            before = is_free_capital(text, toks, covered, item.t0, item.t0 - 1) and toks[item.t0 - 1].norm not in PARTICLES
            before = before and not (is_sentence_start(text, toks, item.t0 - 1) and leads_now(item))
            if before or is_free_capital(text, toks, covered, item.t1 - 1, item.t1):
                continue
        kept.append(item)
    return kept


def add_name_runs(text: str, toks: list[Token], items: list[Item]) -> list[Item]:
    """Runs of capitalised words the dictionary does not know: candidate unknown names. A lone
    initial ("N." of "N.V. Pashinyan") is part of the name after it, never a name of its own."""
    covered = {t for it in items for t in range(it.t0, it.t1)}
    runs, start = [], None
    for i, tok in enumerate(toks):
        hyphened = start is not None and text[tok.start - 1 : tok.start] == "-"  # "Kim Yeon-chul"
        ok = i not in covered and (tok.raw[:1].isupper() or hyphened) and not tok.raw.isdigit()
        if ok and start is not None and NAME_GAP_RE.fullmatch(text, toks[i - 1].end, tok.start) and i - start < 5:
            continue
        if start is not None and not _is_initial(text, toks, start, i):
            runs.append(Item("name", start, i))
        start = i if ok else None
    if start is not None and not _is_initial(text, toks, start, len(toks)):
        runs.append(Item("name", start, len(toks)))
    return sorted(items + runs, key=lambda it: it.t0)


def _is_initial(text: str, toks: list[Token], t0: int, t1: int) -> bool:
    """One capital letter with its full stop, followed by more of a name: "N." of "N.V. Pashinyan"."""
    tok = toks[t0]
    return (t1 == t0 + 1 and len(tok.raw) == 1 and text[tok.end : tok.end + 1] == "."
            and t1 < len(toks) and toks[t1].raw[:1].isupper() and toks[t1].start - tok.end <= 2)
