"""A store an analyst would browse, built from real articles and events read by hand (no model).

The articles: the bundled examples, the five reports of one 2019 greeting (tests/fixtures/reports)
and three short articles of our own (tests/fixtures/surfaces): a phone call with a background
meeting and agreement, a summit with a treaty and an older birthday message, and an envoy
appointed on no stated date. The events are read by hand so the page and CLI tests can name
exactly what each filter must keep, whatever the extractor finds this week.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from missive.model import Actor, DateWindow, Document, Event, Span
from missive.pipeline import read_documents
from missive.store.database import Store

HERE = Path(__file__).parent
EXAMPLES = HERE.parent / "src" / "missive" / "examples"
FOLDERS = (EXAMPLES, HERE / "fixtures" / "reports", HERE / "fixtures" / "surfaces")

XI, KIM = Actor("Xi Jinping", "CHN"), Actor("Kim Jong Un", "PRK")
PUTIN = Actor("Vladimir Putin", "RUS")
CHINH, SONEXAY = Actor("Pham Minh Chinh", "VNM"), Actor("Sonexay Siphandone", "LAO")
CUBA = Actor("Cuba", "CUB", kind="state", reason="name 'Cuba' stands for Cuba")
PRK_STATE = Actor("North Korea", "PRK", kind="state", reason="name 'North Korea' stands for North Korea")
PRC70 = "70th anniversary of the founding of the People's Republic of China"

# doc id -> [(label, type, medium, source, target, start, end, reason, phrase, extra)]
READINGS: dict[str, list[tuple]] = {
    "kcna_prc70": [("greeting", "message", "greeting", KIM, XI, "2019-10-01", "2019-10-01", "'Tuesday': a weekday",
                    "on Tuesday sent a message of greeting to Xi Jinping", {"occasion": PRC70})],
    "yonhap_prc70": [("greeting", "message", "message", KIM, XI, "2019-10-01", "2019-10-01", "'Tuesday': a weekday",
                      "sent a congratulatory message to Chinese President Xi Jinping", {"occasion": PRC70})],
    "herald_prc70_copy": [("greeting", "message", "message", KIM, XI, "2019-10-01", "2019-10-01",
                           "'Tuesday': a weekday", "sent a congratulatory message to Chinese President Xi Jinping",
                           {"occasion": PRC70})],
    "kcna_ties70": [
        ("ties", "message", "message", KIM, XI, "2019-10-06", "2019-10-06", "'Sunday': a weekday",
         "on Sunday sent a message to Xi Jinping", {"occasion": "70th anniversary of diplomatic relations"}),
        ("ties reply", "message", "reply", XI, KIM, "2019-10-06", "2019-10-06", "'the same day'",
         "Xi Jinping on the same day sent a reply message to Kim Jong Un", {}),
    ],
    "000_98b24cfb14349093": [
        ("kim letter", "message", "message", KIM, XI, "2023-10-01", "2023-10-31", "'last month': the month before",
         "a congratulatory message from Kim last month", {"background": True}),
        ("xi letter", "message", "letter", XI, KIM, "2023-10-28", "2023-10-28", "'dated Saturday' before the report",
         "Xi Jinping sent a letter to North Korean leader Kim Jong-un", {}),
    ],
    "vnm_lao_call": [
        ("call", "call", "call", CHINH, SONEXAY, "2024-03-02", "2024-03-02", "'on Saturday': a weekday",
         "held a phone call with Lao Prime Minister Sonexay Siphandone on Saturday", {}),
        ("vientiane meeting", "meeting", "", CHINH, SONEXAY, "2024-01-01", "2024-01-31", "'in January'",
         "The two prime ministers last met in Vientiane in January", {"background": True}),
    ],
    "prk_rus_meeting": [
        ("summit", "meeting", "", PUTIN, KIM, "2024-06-19", "2024-06-19", "'on Wednesday': a weekday",
         "held talks in Pyongyang on Wednesday", {}),
        ("treaty", "agreement", "", PUTIN, KIM, "2024-06-19", "2024-06-19", "'on Wednesday': a weekday",
         "signed a treaty on comprehensive strategic partnership", {}),
        ("birthday", "message", "message", KIM, PUTIN, "2023-10-01", "2023-10-31", "'in October'",
         "Kim had sent Putin a birthday message in October", {"background": True, "confidence": 0.6}),
    ],
    "cub_prk_embassy": [
        ("envoy", "relations", "appoint_envoy", CUBA, PRK_STATE, None, None, "no date in the text",
         "Cuba has appointed a new ambassador to North Korea", {}),
    ],
}


def read(doc: Document, reading: tuple) -> Event:
    _, type_, medium, source, target, start, end, reason, phrase, extra = reading
    at = doc.original.index(phrase)
    lo = date.fromisoformat(start) if start else None
    hi = date.fromisoformat(end) if end else None
    return Event(doc_id=doc.doc_id, type=type_, source=source, target=target, medium=medium,
                 when=DateWindow(lo, hi, "day" if lo and lo == hi else ("open" if not lo else "range"), reason),
                 evidence=(Span(doc.doc_id, at, at + len(phrase), phrase),), pattern=f"{type_}:{medium or type_}",
                 reasons=(f"pattern {type_}:{medium or type_}", f"source: {source.name} named in the sentence",
                          f"target: {target.name} named in the sentence"),
                 confidence=extra.get("confidence", 0.85), occasion=extra.get("occasion", ""),
                 background=extra.get("background", False))


def build_store(path: Path) -> Path:
    """The store at `path`, every READINGS article saved with its hand-read events."""
    docs = {d.doc_id: d for d in read_documents(list(FOLDERS)) if isinstance(d, Document)}
    with Store.open(path) as store:
        for doc_id, readings in READINGS.items():
            store.save_document(docs[doc_id], [read(docs[doc_id], r) for r in readings])
    return path


def label_of(event: dict) -> str:
    """The hand-read label of a consolidated event (by its first report's evidence)."""
    phrases = {r[8]: r[0] for rs in READINGS.values() for r in rs}
    texts = [e["text"] for rep in event.get("reports") or [] for e in rep.get("evidence") or []]
    texts += [event.get("evidence") or ""]
    return next((label for phrase, label in phrases.items() if any(phrase in t for t in texts)), "?")
