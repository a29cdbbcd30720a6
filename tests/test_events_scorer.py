"""The event scorer: numpy inference equals scikit-learn's, the shipped weights load, and the
selection keeps one type per predicate with the probability as confidence."""

from __future__ import annotations

import numpy as np
import pytest

from dateline.events.features import Candidate
from dateline.events.model import Event, Participant
from dateline.events.scorer import EventScorer, shipped_scorer


def test_numpy_inference_equals_scikit_learn_predict_proba() -> None:
    sklearn = pytest.importorskip("sklearn.linear_model")
    rng = np.random.default_rng(7)
    x = (rng.random((300, 12)) < 0.3).astype(float)
    y = (x[:, 0] + x[:, 3] - x[:, 5] + rng.normal(0, 0.5, 300) > 0.3).astype(int)
    lr = sklearn.LogisticRegression(C=0.5, max_iter=1000).fit(x, y)
    names = [f"f{i}" for i in range(12)]
    ours = EventScorer(names, lr.coef_[0].astype(float), float(lr.intercept_[0]))
    # through the JSON the package ships, and through named feature dicts
    ours = EventScorer.from_json(ours.to_json())
    rows = [{names[j]: v for j, v in enumerate(r) if v} for r in x]
    np.testing.assert_allclose(
        ours.predict_proba(ours.matrix(rows)), lr.predict_proba(x)[:, 1], atol=1e-5
    )


def test_shipped_scorer_loads_with_its_fit_and_threshold() -> None:
    scorer = shipped_scorer()
    assert len(scorer.names) == len(scorer.weights) > 50
    assert 0 < scorer.threshold < 1
    assert "out_of_fold" in scorer.meta


def _candidate(token: int, plover: str, feature: str) -> Candidate:
    src = Participant("Chile", "Chile", "CHL", None, "CHL", 0, 5)
    event = Event(
        cameo="040",
        cameo_root="04",
        plover=plover,
        plover_mode=None,
        quad_class=1,
        goldstein=1.0,
        source=src,
        target=None,
        date=None,
        location=None,
        sentence="s",
        start=0,
        end=1,
        confidence=0.0,
        rule="r",
    )
    return Candidate(event, {feature: 1.0}, (token, "CHL", None))


def test_select_keeps_the_best_type_of_a_predicate_above_the_threshold() -> None:
    scorer = EventScorer(["good", "fair", "bad"], np.array([3.0, 1.0, -3.0]), 0.0, 0.5)
    chosen = scorer.select(
        [
            _candidate(1, "CONSULT", "good"),
            _candidate(1, "ACCUSE", "fair"),  # same predicate, lower: another type loses
            _candidate(2, "ASSAULT", "bad"),  # below the threshold
        ]
    )
    assert [(e.plover, e.confidence) for e in chosen] == [("CONSULT", 0.953)]
