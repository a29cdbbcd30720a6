"""Fit the attribution content-edge chooser (``dateline train quote-edges``) on PolNeAR.

Training data: every attribution ``find_quotes(unit="attribution")`` finds with its rules'
edges (``learned_edges=False``) and that matches a gold attribution leniently
(:mod:`dateline_dev.eval.quotes`: half the gold content's tokens), on PolNeAR's *training*
split and the dev split's *tune* half (the check half is never read). Each side of its content
has candidate edges (:func:`dateline.quotes.edges.candidates`); an edge is right when its word
is the gold content's first (or last) word. Sides whose candidates hold no right edge, or only
the rules' edge, teach nothing and are left out of the fit.

Out-of-fold figures (five folds by document on both sets,
:func:`dateline_dev.eval.split.folds`), for the training split and the tune half apart: the
share of sides whose chosen edge is right, and exact and lenient content P/R/F1 with the
rules' edges and with the chosen ones (every quote of a document reshaped, as ``find_quotes``
does). The shipped model is then fitted on every document of both. Deterministic: fixed
solver, documents in name order.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from dateline.quotes.edges import (
    MODEL_FILE,
    Edge,
    EdgeModel,
    banned_tokens,
    candidates,
    choose,
    cue_lemma,
    features,
    reshape,
    word_edges,
)
from dateline.quotes.model import Quote
from dateline_dev.eval.quotes import (
    COUNT_KEYS,
    GoldAttribution,
    Predicted,
    _match,
    _token_index,
    _tokens,
    read_split,
    score_doc,
    summarise,
)
from dateline_dev.eval.split import folds, half_of

#: Inverse regularisation strength of the logistic regression.
C = 0.2
#: A feature must occur in at least this many candidate edges to get a weight.
MIN_COUNT = 5
K = 5


@dataclass(slots=True)
class Side:
    """One side of one predicted content: its candidates, their features, which are right."""

    quote: int  # index into the document's quotes
    edges: list[Edge]
    features: list[dict[str, float]]
    labels: list[int]


@dataclass(slots=True)
class DocRows:
    name: str
    text: str
    gold: list[GoldAttribution]
    quotes: list[Quote]
    doc: Doc
    sides: list[Side] = field(default_factory=list)
    fold: int = 0


def _word_of(index: list[tuple[int, int]], ends: list[int], char: int) -> int:
    """The index of the first ``\\w+`` token ending after ``char``."""
    return bisect.bisect_right(ends, char)


def doc_rows(name: str, text: str, gold: list[GoldAttribution], doc: Doc) -> DocRows:
    """The quotes of one document and the labelled candidate edges of each matched one."""
    from dateline.quotes import find_quotes
    from dateline.quotes.finder import token_quoted
    from dateline.quotes.lexicon import default_lexicon

    quotes = find_quotes(doc, unit="attribution", learned_edges=False)
    cues = default_lexicon().cues
    quoted = token_quoted(doc)
    index = _token_index(text)
    ends = [e for _, e in index]
    gold_t = [_tokens(index, g.content) for g in gold]
    pred_t = [_tokens(index, q.spans or [(q.start, q.end)]) for q in quotes]
    out = DocRows(name, text, gold, quotes, doc, fold=folds("polnear", name, K))
    for g_i, p_i in sorted(_match(gold_t, pred_t).items(), key=lambda x: x[1]):
        quote = quotes[p_i]
        found = word_edges(doc, quote)
        if found is None or not gold_t[g_i]:
            continue
        banned = banned_tokens(doc, quote)
        edges = candidates(doc, *found, banned)
        cue = cue_lemma(doc, quote)
        want = {"start": min(gold_t[g_i]), "end": max(gold_t[g_i])}
        for side in ("start", "end"):
            mine = [e for e in edges if e.side == side]
            labels = []
            for e in mine:
                tok = doc[e.token]
                at = tok.idx if side == "start" else tok.idx + len(tok.text) - 1
                labels.append(int(_word_of(index, ends, at) == want[side]))
            feats = [features(doc, e, cue, quote.kind, quoted, found, banned, cues) for e in mine]
            out.sides.append(Side(p_i, mine, feats, labels))
    return out


def gather(root: Path, split: str = "train", limit: int | None = None) -> list[DocRows]:
    """The rows of a PolNeAR split (``dev``: its tune half only; the check half is never
    read here)."""
    from dateline import nlp

    docs = [
        d
        for d in read_split(root, split, limit)
        if split != "dev" or half_of("polnear", d.name) == "tune"
    ]
    parsed = nlp.parse(d.text for d in docs)
    return [
        doc_rows(g.name, g.text, g.attributions, doc) for g, doc in zip(docs, parsed, strict=True)
    ]


def _pairs(side: Side) -> list[tuple[dict[str, float], int]]:
    """The moved edges of a side whose label differs from the rules' edge, with their label
    (the rules' edge is the first candidate): where moving would win or lose."""
    keep = side.labels[0]
    return [
        (f, lab) for f, lab in zip(side.features[1:], side.labels[1:], strict=True) if lab != keep
    ]


def vocabulary(rows: Iterable[dict[str, float]]) -> list[str]:
    counts: dict[str, int] = {}
    for feats in rows:
        for name in feats:
            counts[name] = counts.get(name, 0) + 1
    return sorted(n for n, c in counts.items() if c >= MIN_COUNT)


def fit(docs: list[DocRows]) -> EdgeModel:
    """The logistic regression of "this moved edge is right" over the moved edges whose label
    differs from the rules' edge (a pairwise comparison with the rules' edge)."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    pairs = [p for d in docs for s in d.sides for p in _pairs(s)]
    names = vocabulary(f for f, _ in pairs)
    index = {n: i for i, n in enumerate(names)}
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for r, (feats, _) in enumerate(pairs):
        for name, value in feats.items():
            if name in index:
                rows.append(r)
                cols.append(index[name])
                values.append(value)
    x = sparse.csr_matrix((values, (rows, cols)), shape=(len(pairs), len(names)))
    y = np.array([lab for _, lab in pairs])
    lr = LogisticRegression(C=C, max_iter=3000, solver="lbfgs")
    lr.fit(x, y)
    weights = {n: float(w) for n, w in zip(names, lr.coef_[0], strict=True)}
    return EdgeModel(weights, float(lr.intercept_[0]))


def _chosen(side: Side, model: EdgeModel) -> int:
    """The index of the side's chosen candidate: the best moved edge if it scores above 0,
    else the rules' edge (index 0)."""
    if len(side.edges) < 2:
        return 0
    scores = model.scores(side.features[1:])
    k = int(np.argmax(scores))
    return k + 1 if scores[k] > 0 else 0


def figures(docs: list[DocRows], models: dict[int, EdgeModel]) -> dict[str, Any]:
    """Sides right with the rules' edges and with the chosen ones, and exact content over
    the documents with each: every quote of a document reshaped by its fold's model, as
    ``find_quotes`` does."""
    from dateline.quotes.finder import token_quoted
    from dateline.quotes.lexicon import default_lexicon

    cues = default_lexicon().cues
    right_rules = right_chosen = n_sides = 0
    before = dict.fromkeys(COUNT_KEYS, 0)
    after = dict.fromkeys(COUNT_KEYS, 0)
    for d in docs:
        model = models[d.fold]
        for s in d.sides:
            k = _chosen(s, model)
            n_sides += 1
            right_rules += s.labels[0]
            right_chosen += s.labels[k]
        preds = [Predicted(q.spans or [(q.start, q.end)], None, q.kind) for q in d.quotes]
        for key, v in score_doc(d.text, d.gold, preds).items():
            before[key] += v
        quoted = token_quoted(d.doc)
        quotes = [replace(q, spans=list(q.spans)) for q in d.quotes]
        for quote in quotes:
            found = choose(d.doc, quote, quoted, model, cues)
            if found is not None:
                reshape(d.doc, d.text, quote, *found)
        preds = [Predicted(q.spans or [(q.start, q.end)], None, q.kind) for q in quotes]
        for key, v in score_doc(d.text, d.gold, preds).items():
            after[key] += v
    return {
        "documents": len(docs),
        "sides": n_sides,
        "sides_right_rules": round(right_rules / (n_sides or 1), 4),
        "sides_right_chosen": round(right_chosen / (n_sides or 1), 4),
        "exact_content_rules": summarise(before, len(docs))["exact_content"],
        "exact_content_chosen": summarise(after, len(docs))["exact_content"],
        "lenient_content_rules": summarise(before, len(docs))["content"],
        "lenient_content_chosen": summarise(after, len(docs))["content"],
    }


def out_of_fold(train_docs: list[DocRows], tune_docs: list[DocRows]) -> dict[str, Any]:
    """Figures on each set with each document's edges chosen by a model fitted without its
    fold (folds by document, on both sets)."""
    models = {k: fit([d for d in (*train_docs, *tune_docs) if d.fold != k]) for k in range(K)}
    return {"train": figures(train_docs, models), "dev_tune": figures(tune_docs, models)}


def train(
    root: Path | None = None, out: Path | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Gather candidate edges on PolNeAR train and the dev split's tune half, report
    out-of-fold figures on each, fit on both and write the shipped model."""
    from dateline_dev.eval.datasets import default_root

    root = root or default_root().parent / "quotes" / "polnear"
    train_docs = gather(root, "train", limit)
    tune_docs = gather(root, "dev", limit)
    oof = out_of_fold(train_docs, tune_docs)
    docs = train_docs + tune_docs
    model = fit(docs)
    model.meta = {
        "fitted_on": "PolNeAR train split and the dev split's tune half: lenient matches of "
        "find_quotes(unit='attribution')",
        "documents": len(docs),
        "sides": sum(len(d.sides) for d in docs),
        "pairs": sum(len(_pairs(s)) for d in docs for s in d.sides),
        "out_of_fold": oof,
        "C": C,
    }
    path = out or Path(str(resources.files("dateline").joinpath("data", "quotes", MODEL_FILE)))
    path.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    return {"path": str(path), **model.meta}
