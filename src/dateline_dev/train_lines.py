"""Train the line model from development pages rendered to text (``dateline train lines``).

Labels come for free: a rendered line is *body* when its words appear in the page's gold
body (word 4-gram shingles for longer lines, an exact gold line for short ones). Every page
is rendered twice (inscriptis, html-text). Lines are weighted so each page counts once and,
within a page, half by line and half by words — the body measure is word-based but short
lines (headings, bylines) should still be learned.

Only *tune* halves are read for fitting (``dateline_dev.eval.split``): the shipped model is
fitted on the tune halves of ``FIT_SETS``, so every check half stays unseen and
``dateline eval extraction --sets text`` reports honest check figures. The report gives, on
tune halves only, each set scored by a model fitted without it (leave one set out).

The fit is reproducible byte for byte: fixed seeds, pages sorted by set, key and renderer,
one OpenMP thread (a multi-threaded histogram sum may add in another order from run to run and
machine to machine), and the model's metadata records the seed, the halves and pages fitted on
and the versions of the libraries the result depends on.

The model has two stages (see ``model.py``). Stage two must learn from stage-one scores like
those it will see at run time, so its training scores are out-of-fold: each page is scored
by a stage-one model fitted without that page.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dateline.extract.lines.features import Line, features, probability_context, split_lines
from dateline.extract.lines.model import LineModel, Trees
from dateline_dev.eval.datasets import SETS
from dateline_dev.eval.metrics import body_f1
from dateline_dev.eval.split import Half, folds, half_of
from dateline_dev.eval.textdump import RENDERERS, render

#: The sets whose tune halves the shipped model is fitted on. NAEB's tune half is in: fitted
#: without it, the model scored 0.872 / 0.866 on NAEB check (inscriptis / html-text), with it
#: 0.878 / 0.876, and the other sets' check figures did not drop (BENCHMARKS.md, issue 14).
FIT_SETS = ("naeb", "scrapinghub", "wcxb")
#: The only half ever fitted on.
FIT_HALF: Half = "tune"
INNER_FOLDS = 3
SEED = 20240229
#: Distributions whose versions can change the fitted model: the fit itself and the renderers
#: that turn pages into the training dumps.
LIBRARIES = ("scikit-learn", "numpy", "scipy", "inscriptis", "html-text", "lxml")
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
    half: Half
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


def make_dump(name: str, key: str, renderer: str, text: str, gold: str) -> Dump | None:
    """One page's dump (``renderer`` made ``text``), its lines' features, labels and
    weights; None when the dump has no line or the page no gold body."""
    lines = split_lines(text)
    if not lines or not gold.strip():
        return None
    return Dump(
        name,
        key,
        half_of(name, key),
        renderer,
        lines,
        features(lines),
        label(lines, gold),
        _weights(lines),
        gold,
    )


def load_dumps(root: Path, limit: int | None = None) -> list[Dump]:
    """Every tune-half page of every set rendered by every renderer, sorted by set, key and
    renderer. Check-half pages are skipped before rendering: nothing here sees their text."""
    out: list[Dump] = []
    for name, reader in SETS.items():
        for i, page in enumerate(reader(root)):
            if limit is not None and i >= limit:
                break
            for renderer in RENDERERS:
                if half_of(name, page.key) != FIT_HALF:
                    continue
                text = render(page.html, renderer)
                dump = make_dump(name, page.key, renderer, text, page.body or "")
                if dump is not None:
                    out.append(dump)
    return sorted(out, key=lambda d: (d.set, d.key, d.renderer))


@contextmanager
def _one_thread() -> Iterator[None]:
    """scikit-learn's histogram gradient boosting sums gradients over OpenMP threads; with one
    thread the sums, and so the trees, are the same on every run and machine."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield


def _fit_trees(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> Trees:
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(**PARAMS, early_stopping=False, random_state=SEED)
    with _one_thread():
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


def _fold(d: Dump, k: int) -> int:
    return folds(d.set, d.key, k)


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


def _pages(dumps: Iterable[Dump]) -> list[tuple[str, str]]:
    return sorted({(d.set, d.key) for d in dumps})


def _versions() -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str | None] = {}
    for name in LIBRARIES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def build(
    dumps: Sequence[Dump], fit_sets: Sequence[str] = FIT_SETS, *, crossval: bool = True
) -> tuple[LineModel, dict[str, Any]]:
    """The shipped model fitted on the tune-half dumps of ``fit_sets``, and the figures.

    Figures, on tune halves only (``leave_one_set_out``): a set outside ``fit_sets`` is scored
    by the shipped model; with ``crossval``, each fit set by a model fitted on the others.
    """
    tune = [d for d in dumps if d.half == FIT_HALF]
    if len(tune) != len(dumps):
        raise ValueError("the line model is fitted on tune halves only")
    shipped = [d for d in tune if d.set in fit_sets]
    model = fit(shipped)
    sets = sorted({d.set for d in tune})
    loso: dict[str, Any] = {}
    for name in sets:
        test = [d for d in tune if d.set == name]
        if name not in fit_sets:
            loso[name] = score(model, test)
        elif crossval:
            others = [d for d in shipped if d.set != name]
            if others:
                loso[name] = score(fit(others, inner_folds=2), test)
    pages = _pages(shipped)
    model.meta = {
        "trained_on": sorted(set(fit_sets)),
        "halves": [FIT_HALF],
        "held_out": sorted({d.set for d in tune} - set(fit_sets)),
        "pages": len(pages),
        "pages_by_set": {n: sum(1 for s, _ in pages if s == n) for n in sorted(set(fit_sets))},
        # sha256 of the sorted "set/key" lines of the pages fitted on: a refit on other pages
        # shows here even when the counts agree.
        "pages_digest": hashlib.sha256(
            "".join(f"{s}/{k}\n" for s, k in pages).encode()
        ).hexdigest(),
        "renderers": list(RENDERERS),
        "seed": SEED,
        "threads": 1,
        "params": PARAMS,
        "inner_folds": INNER_FOLDS,
        "libraries": _versions(),
        # Body lines straight from the model (before the role rules), on tune halves only;
        # ``dateline_dev.eval.textdump`` scores the whole extractor on both halves.
        "leave_one_set_out": loso,
    }
    report: dict[str, Any] = {
        "params": PARAMS,
        "lines": int(sum(len(d.y) for d in tune)),
        "trained_on": model.meta["trained_on"],
        "halves": model.meta["halves"],
        "pages": model.meta["pages_by_set"],
        "leave_one_set_out": loso,
    }
    return model, report


def write_model(model: LineModel, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model.to_json(), separators=(",", ":"), sort_keys=False) + "\n"
    out.write_text(text, encoding="utf-8")


def train(
    root: Path, out: Path, limit: int | None = None, *, crossval: bool = True
) -> dict[str, Any]:
    """Fit the line model on the tune halves of ``FIT_SETS`` under ``root``, write it to
    ``out`` and return the tune-half figures (see :func:`build`)."""
    model, report = build(load_dumps(root, limit), crossval=crossval)
    write_model(model, out)
    report["model"] = str(out)
    return report
