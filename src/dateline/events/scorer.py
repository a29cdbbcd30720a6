"""The event scorer: which proposed events to keep, of which type, with what confidence.

The lexicons over the parse propose candidates (high recall, each with its rule); the scorer
gives each candidate the probability that it is a real event of its type, from the candidate's
named features (:mod:`~dateline.events.features`). It is a logistic regression stored as JSON
in ``dateline/data/events/scorer.json`` and evaluated with numpy alone (scikit-learn fits it:
``dateline train events``, :mod:`dateline_dev.train_events`).

Selection (:meth:`EventScorer.select`): for each predicate the type whose best candidate
scores highest; of that type, every source-target pair scoring at least ``threshold``. The
probability is the event's ``confidence``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from dateline.errors import EventDataError
from dateline.events.features import Candidate
from dateline.events.model import Event

MODEL_FILE = "scorer.json"
FORMAT = "dateline-event-scorer/1"


@dataclass(slots=True)
class EventScorer:
    """P(candidate is a real event of its type) = sigmoid(intercept + weights . x)."""

    names: list[str]
    weights: np.ndarray
    intercept: float
    threshold: float = 0.5
    meta: dict[str, Any] = field(default_factory=dict)
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {n: i for i, n in enumerate(self.names)}

    def matrix(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        """The feature matrix of named feature dicts (names the model lacks are dropped)."""
        x = np.zeros((len(rows), len(self.names)))
        for r, feats in enumerate(rows):
            for name, value in feats.items():
                j = self._index.get(name)
                if j is not None:
                    x[r, j] = value
        return x

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        z = x @ self.weights + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def score(self, candidates: Sequence[Candidate]) -> np.ndarray:
        if not candidates:
            return np.zeros(0)
        return self.predict_proba(self.matrix([c.features for c in candidates]))

    def select(self, candidates: Sequence[Candidate]) -> list[Event]:
        """The kept events with the scorer's probability as ``confidence``."""
        probs = self.score(candidates)
        best_type: dict[int, tuple[float, str]] = {}
        for cand, p in zip(candidates, probs, strict=True):
            tok = cand.group[0]
            if tok not in best_type or p > best_type[tok][0]:
                best_type[tok] = (float(p), cand.event.plover)
        out: list[Event] = []
        for cand, p in zip(candidates, probs, strict=True):
            if cand.event.plover == best_type[cand.group[0]][1] and p >= self.threshold:
                out.append(replace(cand.event, confidence=round(float(p), 3)))
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "about": "P(a candidate event is real, of its type) = 1 / (1 + exp(-(intercept + "
            "sum of weights[i] * x[name i]))); x holds the candidate's named features "
            "(dateline.events.features), 0 for names it lacks. Kept when >= threshold.",
            "meta": self.meta,
            "threshold": self.threshold,
            "intercept": self.intercept,
            "features": {
                n: round(float(w), 6) for n, w in zip(self.names, self.weights, strict=True)
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventScorer:
        if data.get("format") != FORMAT:
            raise EventDataError(
                "unknown event-scorer format; refit it with `dateline train events`"
            )
        feats: dict[str, float] = data["features"]
        return cls(
            names=list(feats),
            weights=np.array(list(feats.values()), dtype=float),
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            meta=dict(data.get("meta", {})),
        )

    @classmethod
    def keep_all(cls) -> EventScorer:
        """A scorer that keeps every candidate (probability 0.5): to gather candidates."""
        return cls(names=[], weights=np.zeros(0), intercept=0.0, threshold=0.0)


def read_scorer(path: Path) -> EventScorer:
    return EventScorer.from_json(json.loads(path.read_text(encoding="utf-8")))


@cache
def shipped_scorer() -> EventScorer:
    """The scorer in ``dateline/data/events/scorer.json`` (fitted by ``dateline train events``)."""
    ref = resources.files("dateline").joinpath("data", "events", MODEL_FILE)
    try:
        return EventScorer.from_json(json.loads(ref.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise EventDataError(
            "the event scorer is missing; run `dateline train events` to fit it"
        ) from exc
