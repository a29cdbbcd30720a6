"""Train the line model from development pages rendered to text (``dateline train lines``).

Labels come for free: a rendered line is *body* when its words appear in the page's gold
body (word 4-gram shingles for longer lines, an exact gold line for short ones). Every page
is rendered twice (inscriptis, html-text). Lines are weighted so each page counts once and,
within a page, half by line and half by words — the body measure is word-based but short
lines (headings, bylines) should still be learned. Training is deterministic (fixed seeds,
sorted inputs). The NAEB set is held out from the shipped model so ``dateline eval`` can
report a figure on pages the model never saw; leave-one-set-out scores are reported too.

The model has two stages (see ``model.py``). Stage two must learn from stage-one scores like
those it will see at run time, so its training scores are out-of-fold: each page is scored
by a stage-one model fitted without that page.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dateline.extract.lines.features import Line, features, probability_context, split_lines
from dateline.extract.lines.model import LineModel, Trees
from dateline_dev.eval.datasets import SETS
from dateline_dev.eval.metrics import body_f1
from dateline_dev.eval.textdump import RENDERERS, render

HOLD_OUT = ("naeb",)
INNER_FOLDS = 3
SEED = 20240229
PARAMS: dict[str, Any] = {
    "max_iter": 150,
    "learning_rate": 0.1,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 30,
    "l2_regularization": 1.0,
}
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(slots=True)
class Dump:
    set: str
    key: str
    renderer: str
    lines: list[Line]
    x: np.ndarray
    y: np.ndarray
    weight: np.ndarray
    gold: str


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text)]


def label(lines: Sequence[Line], gold: str) -> np.ndarray:
    toks = _tokens(gold)
    grams = {tuple(toks[i : i + 4]) for i in range(len(toks) - 3)}
    gold_lines = {" ".join(_tokens(g)) for g in gold.splitlines() if g.strip()}
    out = np.zeros(len(lines), dtype=int)
    for i, line in enumerate(lines):
        t = _tokens(line.bare)
        if len(t) >= 4:
            mine = [tuple(t[j : j + 4]) for j in range(len(t) - 3)]
            out[i] = int(sum(g in grams for g in mine) >= 0.5 * len(mine))
        elif t:
            out[i] = int(" ".join(t) in gold_lines)
    return out


def _weights(lines: Sequence[Line]) -> np.ndarray:
    n = len(lines)
    words = np.array([len(_TOKEN.findall(line.bare)) for line in lines], dtype=float)
    return 0.5 / n + 0.5 * words / max(words.sum(), 1.0)


def _dump(args: tuple[str, str, str, str, str]) -> Dump | None:
    name, key, renderer, html, gold = args
    lines = split_lines(render(html, renderer))
    if not lines or not gold.strip():
        return None
    return Dump(
        name, key, renderer, lines, features(lines), label(lines, gold), _weights(lines), gold
    )


def load_dumps(root: Path, limit: int | None = None) -> list[Dump]:
    jobs: list[tuple[str, str, str, str, str]] = []
    for name, reader in SETS.items():
        for i, page in enumerate(reader(root)):
            if limit is not None and i >= limit:
                break
            for renderer in RENDERERS:
                jobs.append((name, page.key, renderer, page.html, page.body or ""))
    return [d for d in map(_dump, jobs) if d is not None]


def _fit_trees(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> Trees:
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(**PARAMS, early_stopping=False, random_state=SEED)
    clf.fit(x, y, sample_weight=w / w.mean())
    return _export(clf)


def _export(clf: Any) -> Trees:
    """Copy a fitted HistGradientBoostingClassifier's trees into flat arrays."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    leaf: list[bool] = []
    roots: list[int] = []
    for (predictor,) in clf._predictors:  # one predictor per iteration (binary task)
        start = len(feature)
        roots.append(start)
        for node in predictor.nodes:
            is_leaf = bool(node["is_leaf"])
            idx = len(feature)
            leaf.append(is_leaf)
            feature.append(int(node["feature_idx"]))
            threshold.append(float(node["num_threshold"]))
            left.append(idx if is_leaf else start + int(node["left"]))
            right.append(idx if is_leaf else start + int(node["right"]))
            value.append(float(node["value"]) if is_leaf else 0.0)  # shrinkage included
    return Trees(
        baseline=float(np.ravel(clf._baseline_prediction)[0]),
        roots=np.array(roots, dtype=np.int64),
        feature=np.array(feature, dtype=np.int64),
        threshold=np.array(threshold),
        left=np.array(left, dtype=np.int64),
        right=np.array(right, dtype=np.int64),
        value=np.array(value),
        is_leaf=np.array(leaf, dtype=bool),
    )


def _stack(dumps: Sequence[Dump], x: Sequence[np.ndarray]) -> Trees:
    return _fit_trees(
        np.concatenate(list(x)),
        np.concatenate([d.y for d in dumps]),
        np.concatenate([d.weight for d in dumps]),
    )


def _fold(d: Dump, folds: int) -> int:
    return int(hashlib.sha1(f"{d.set}/{d.key}".encode()).hexdigest(), 16) % folds


def fit(dumps: Sequence[Dump], inner_folds: int = INNER_FOLDS) -> LineModel:
    """Both stages on ``dumps``; stage two on out-of-fold stage-one scores."""
    first = _stack(dumps, [d.x for d in dumps])
    oof = [first.predict_proba(d.x) for d in dumps]  # replaced below wherever a fold allows
    for k in range(inner_folds):
        rest = [d for d in dumps if _fold(d, inner_folds) != k]
        held = [i for i, d in enumerate(dumps) if _fold(d, inner_folds) == k]
        if not rest or not held:  # tiny runs (--limit): a fold can be empty
            continue
        first_k = _stack(rest, [d.x for d in rest])
        for i in held:
            oof[i] = first_k.predict_proba(dumps[i].x)
    second_x = [
        np.concatenate([d.x, probability_context(p)], axis=1)
        for d, p in zip(dumps, oof, strict=True)
    ]
    return LineModel(first=first, second=_stack(dumps, second_x))


def score(model: LineModel, dumps: Iterable[Dump]) -> dict[str, Any]:
    """Body F1 of the model's body lines alone (the full extractor is scored by
    ``dateline_dev.eval.textdump``) and line accuracy, per renderer."""
    out: dict[str, Any] = {}
    by_renderer: dict[str, list[Dump]] = {}
    for d in dumps:
        by_renderer.setdefault(d.renderer, []).append(d)
    for renderer, group in sorted(by_renderer.items()):
        pairs, hits, total = [], 0, 0
        for d in group:
            keep = model.predict_proba(d.x) >= 0.5
            kept = (ln.bare for ln, k in zip(d.lines, keep, strict=True) if k)
            pairs.append((d.gold, "\n\n".join(kept)))
            hits += int((keep == d.y.astype(bool)).sum())
            total += len(d.y)
        out[renderer] = {
            "body": body_f1(pairs).as_dict(),
            "line_accuracy": round(hits / max(total, 1), 4),
        }
    return out


def train(
    root: Path, out: Path, limit: int | None = None, *, crossval: bool = True
) -> dict[str, Any]:
    """Fit the line model on the development sets under ``root`` and write it to ``out``.

    The shipped model is fitted without the NAEB set and scored on it. With ``crossval``,
    each other set is also scored by a model fitted on the remaining two (leave one set
    out), so every figure in the report is on pages its model never saw.
    """
    dumps = load_dumps(root, limit)
    sets = sorted({d.set for d in dumps})
    shipped = [d for d in dumps if d.set not in HOLD_OUT]
    model = fit(shipped)
    report: dict[str, Any] = {"params": PARAMS, "lines": int(sum(len(d.y) for d in dumps))}
    loso: dict[str, Any] = {}
    for name in sets:
        test = [d for d in dumps if d.set == name]
        if name in HOLD_OUT:
            loso[name] = score(model, test)
        elif crossval:
            others = [d for d in dumps if d.set != name]
            loso[name] = score(fit(others, inner_folds=2), test)
    report["held_out"] = {n: loso[n] for n in HOLD_OUT if n in loso}
    report["leave_one_set_out"] = loso
    model.meta = {
        "trained_on": sorted({d.set for d in shipped}),
        "held_out": list(HOLD_OUT),
        "pages": len({(d.set, d.key) for d in shipped}),
        "renderers": list(RENDERERS),
        "seed": SEED,
        "params": PARAMS,
        # Body lines straight from the model (before the role rules), each set scored by a
        # model fitted without it; ``dateline_dev.eval.textdump`` scores the whole extractor.
        "leave_one_set_out": loso,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    report["model"] = str(out)
    report["trained_on"] = model.meta["trained_on"]
    return report
