"""Inference for the shipped line model: two stages of gradient-boosted trees stored as
JSON and evaluated with numpy alone (scikit-learn is needed only to train, see ``train.py``).

Stage one scores each line from its features; stage two re-scores it from the same features
plus stage one's scores around it (``features.probability_context``).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from dateline.errors import ExtractionError
from dateline.extract.lines.features import context_names, feature_names, probability_context

MODEL_FILE = "model.json"
FORMAT = "dateline-line-gbdt/2"


@dataclass(slots=True)
class Trees:
    """Additive trees: score = baseline + the leaf value each tree reaches.

    All trees are packed into flat node arrays; ``roots`` holds each tree's first node.
    A node goes left when ``x[feature] <= threshold``; leaves point to themselves.
    """

    baseline: float
    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    is_leaf: np.ndarray

    def decision(self, x: np.ndarray) -> np.ndarray:
        if x.shape[0] == 0:
            return np.zeros(0)
        rows = np.arange(x.shape[0])[:, None]
        node = np.broadcast_to(self.roots, (x.shape[0], len(self.roots))).copy()
        while True:
            leaf = self.is_leaf[node]
            if leaf.all():
                break
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(leaf, node, np.where(go_left, self.left[node], self.right[node]))
        return self.baseline + self.value[node].sum(axis=1)

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.decision(x)))

    def to_json(self) -> dict[str, Any]:
        trees = []
        bounds = [*self.roots.tolist(), len(self.feature)]
        for start, end in itertools.pairwise(bounds):
            sl = slice(start, end)
            trees.append(
                {
                    "feature": [int(f) for f in self.feature[sl]],
                    "threshold": [round(float(t), 6) for t in self.threshold[sl]],
                    "left": [int(v) - start for v in self.left[sl]],
                    "right": [int(v) - start for v in self.right[sl]],
                    "value": [round(float(v), 6) for v in self.value[sl]],
                    "leaf": [int(v) for v in self.is_leaf[sl]],
                }
            )
        return {"baseline": self.baseline, "trees": trees}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Trees:
        feature: list[int] = []
        threshold: list[float] = []
        value: list[float] = []
        left: list[int] = []
        right: list[int] = []
        leaf: list[bool] = []
        roots: list[int] = []
        for tree in data["trees"]:
            start = len(left)
            roots.append(start)
            for i, is_leaf in enumerate(tree["leaf"]):
                leaf.append(bool(is_leaf))
                left.append(start + (i if is_leaf else tree["left"][i]))
                right.append(start + (i if is_leaf else tree["right"][i]))
            feature += tree["feature"]
            threshold += tree["threshold"]
            value += tree["value"]
        return cls(
            baseline=float(data["baseline"]),
            roots=np.array(roots, dtype=np.int64),
            feature=np.array(feature, dtype=np.int64),
            threshold=np.array(threshold, dtype=float),
            left=np.array(left, dtype=np.int64),
            right=np.array(right, dtype=np.int64),
            value=np.array(value, dtype=float),
            is_leaf=np.array(leaf, dtype=bool),
        )


@dataclass(slots=True)
class LineModel:
    """P(line is article body) for every line of a dump, from its feature matrix."""

    first: Trees
    second: Trees | None
    feature_names: list[str] = field(default_factory=feature_names)
    context_names: list[str] = field(default_factory=context_names)
    meta: dict[str, Any] = field(default_factory=dict)

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        p = self.first.predict_proba(x)
        if self.second is None:
            return p
        return self.second.predict_proba(np.concatenate([x, probability_context(p)], axis=1))

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "about": "P(line is article body). Stage 1 reads feature_names; stage 2 reads "
            "feature_names + context_names (stage 1's scores around the line). Each stage: "
            "sigmoid(baseline + sum over trees of the leaf reached); a node goes left when "
            "x[feature] <= threshold.",
            "meta": self.meta,
            "feature_names": self.feature_names,
            "context_names": self.context_names,
            "stages": [s.to_json() for s in (self.first, self.second) if s is not None],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineModel:
        if data.get("format") != FORMAT:
            raise ExtractionError(
                "unknown line-model format; retrain with `dateline train lines`", code="E200"
            )
        stages = [Trees.from_json(s) for s in data["stages"]]
        return cls(
            first=stages[0],
            second=stages[1] if len(stages) > 1 else None,
            feature_names=list(data["feature_names"]),
            context_names=list(data.get("context_names", [])),
            meta=dict(data.get("meta", {})),
        )


def read_model(path: Path) -> LineModel:
    return LineModel.from_json(json.loads(path.read_text(encoding="utf-8")))


@cache
def shipped_model() -> LineModel:
    """The model in ``dateline/data/lines/model.json`` (trained by ``dateline train lines``)."""
    ref = resources.files("dateline").joinpath("data", "lines", MODEL_FILE)
    try:
        model = LineModel.from_json(json.loads(ref.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise ExtractionError(
            "the line model is missing; run `dateline train lines` to build it", code="E200"
        ) from exc
    if model.feature_names != feature_names() or model.context_names != context_names():
        raise ExtractionError(
            "the line model was trained on other features; retrain with `dateline train lines`",
            code="E200",
        )
    return model
