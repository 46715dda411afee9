"""English word forms from a lemma: what lets one row ("restore", a verb) stand for every form of it.

Trigger, role and filter rows name lemmas ("restore", "meeting", "speak") so that "restoring",
"meetings" and "spoken" are covered by one row. The parser's own lemmatizer (with the attribute
ruler it needs) costs about half as much again as the parse of our candidate sentences, so the
pipeline runs without it; instead the forms of the lemmas the knowledge names are derived here
(regular rules, plus irregular_forms.csv) and a small component (extraction.nlp) sets `lemma_`
for them. The same
forms feed the lexical pre-filter, which must know every surface form a row can match before
anything is parsed. Over-generation ("visitted") is harmless: a form that is no English word
never occurs; under-generation loses matches, so the irregular table lists what rules miss.
"""

from __future__ import annotations

from collections.abc import Iterable

from .tables import Table

VOWELS = frozenset("aeiou")
SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


def regular_forms(lemma: str, pos: str) -> set[str]:
    """The lemma and its regular inflections: plural for a noun; -s, -ed, -ing for a verb
    (both spellings where English doubles a final consonant or not: "cancelled"/"canceled")."""
    word = lemma.lower()
    if " " in word or not word.isalpha():
        return {word}
    if pos == "NOUN":
        return {word, _plural(word)} | ({word[:-1] + "ves", word[:-2] + "ves"} if word.endswith(("f", "fe")) else set())
    return {word, _plural(word), *_past(word), *_gerund(word)}


def _plural(word: str) -> str:
    if word.endswith(SIBILANT_ENDINGS):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _doubles(word: str) -> bool:
    """Consonant-vowel-consonant at the end ("expel", "ship", "cancel"): English may double it."""
    return (len(word) >= 3 and word[-1] not in VOWELS | {"w", "x", "y"} and word[-2] in VOWELS
            and word[-3] not in VOWELS)


def _past(word: str) -> set[str]:
    if word.endswith("e"):
        return {word + "d"}
    if word.endswith("y") and word[-2] not in VOWELS:
        return {word[:-1] + "ied"}
    return {word + "ed"} | ({word + word[-1] + "ed"} if _doubles(word) else set())


def _gerund(word: str) -> set[str]:
    if word.endswith("ie"):
        return {word[:-2] + "ying"}
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return {word[:-1] + "ing"}
    return {word + "ing"} | ({word + word[-1] + "ing"} if _doubles(word) else set())


def irregular_forms(table: Table) -> dict[tuple[str, str], frozenset[str]]:
    """(lemma, pos) -> the forms no rule gives, from the rows of irregular_forms.csv."""
    out: dict[tuple[str, str], frozenset[str]] = {}
    for row in table.rows:
        key = (row["lemma"].lower(), row["pos"])
        out[key] = out.get(key, frozenset()) | {f.strip().lower() for f in row["forms"].split(";") if f.strip()}
    return out


def forms_of(lemma: str, pos: str, irregular: dict[tuple[str, str], frozenset[str]]) -> frozenset[str]:
    """Every surface form of a lemma as the given part of speech (VERB or NOUN)."""
    return frozenset(regular_forms(lemma, pos) | irregular.get((lemma.lower(), pos), frozenset()))


def lemma_table(lemmas: Iterable[tuple[str, str]], irregular: dict[tuple[str, str], frozenset[str]],
                context_words: Iterable[tuple[str, str]] = ()) -> dict[tuple[str, str], str]:
    """(form, VERB|NOUN) -> lemma for every form of the given lemmas. A lemma is its own lemma
    even where another lemma's rule generates the same form ("meeting" the noun is not "meet").
    Context words (a trigger's required words, read as either part of speech) only fill forms
    no lemma of the rows claims: "meeting" required near "attend" leaves the verb "meeting" to "meet"."""
    table: dict[tuple[str, str], str] = {}
    pairs = sorted(set((lemma.lower(), pos) for lemma, pos in lemmas))
    for lemma, pos in pairs:
        for form in forms_of(lemma, pos, irregular):
            table.setdefault((form, pos), lemma)
    for lemma, pos in pairs:
        table[(lemma, pos)] = lemma
    for lemma, pos in sorted(set((w.lower(), pos) for w, pos in context_words)):
        for form in sorted(forms_of(lemma, pos, irregular) | {lemma}):
            table.setdefault((form, pos), lemma)
    return table
