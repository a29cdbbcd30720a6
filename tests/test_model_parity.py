"""The numpy tree inference the package ships equals scikit-learn's on fitted models.

The line model is fitted with scikit-learn (``dateline train lines``) but read at run time with
numpy alone; its trees are copied out of scikit-learn's private structures, so a scikit-learn
release that changed them would silently change every prediction. These tests fit small models
on generated data and compare the two inferences, before and after the JSON round trip.
"""

from __future__ import annotations

import numpy as np
import pytest

sklearn_ensemble = pytest.importorskip(
    "sklearn.ensemble", reason="scikit-learn is not installed (pip install 'dateline[eval]')"
)

from dateline.extract.lines.model import Trees  # noqa: E402
from dateline_dev.train_lines import PARAMS, _export  # noqa: E402


def _data(seed: int, rows: int = 600, features: int = 7) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, features))
    x[:, 3] = rng.integers(0, 4, size=rows)  # a small-integer feature, as counts are
    logit = 1.5 * x[:, 0] - x[:, 1] * x[:, 2] + 0.8 * (x[:, 3] == 2) + rng.normal(0, 0.5, rows)
    return x, (logit > 0).astype(int)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_numpy_trees_equal_predict_proba(seed: int) -> None:
    x, y = _data(seed)
    clf = sklearn_ensemble.HistGradientBoostingClassifier(
        **PARAMS, early_stopping=False, random_state=seed
    )
    clf.fit(x, y)
    trees = _export(clf)
    fresh, _ = _data(seed + 100)
    expected = clf.predict_proba(fresh)[:, 1]
    np.testing.assert_allclose(trees.predict_proba(fresh), expected, rtol=0, atol=1e-9)
    # the shipped form: JSON with values rounded to six decimals
    shipped = Trees.from_json(trees.to_json())
    np.testing.assert_allclose(shipped.predict_proba(fresh), expected, rtol=0, atol=1e-4)


def test_weighted_fit_matches_too() -> None:
    x, y = _data(7)
    weights = np.where(y == 1, 3.0, 1.0)
    clf = sklearn_ensemble.HistGradientBoostingClassifier(
        **PARAMS, early_stopping=False, random_state=7
    )
    clf.fit(x, y, sample_weight=weights / weights.mean())
    np.testing.assert_allclose(
        _export(clf).predict_proba(x), clf.predict_proba(x)[:, 1], rtol=0, atol=1e-9
    )
