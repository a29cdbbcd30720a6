"""The tune/check split is fixed: the same id always falls in the same half."""

from __future__ import annotations

from collections import Counter

import pytest

from dateline_dev.eval.split import folds, half_of, select


def test_split_is_stable_and_roughly_even() -> None:
    halves = Counter(half_of("plv", str(i)) for i in range(2000))
    assert 900 < halves["check"] < 1100
    assert half_of("plv", "17") == half_of("plv", 17)


def test_split_is_pinned() -> None:
    # frozen: moving an item between halves would let rules written from the tune half see
    # check items, so the assignment of these ids never changes
    assert "".join(half_of("plover-gsr", str(i))[0] for i in range(8)) == "cttttctt"


def test_select_and_folds() -> None:
    items = [str(i) for i in range(50)]
    tune = list(select("polnear", items, str, "tune"))
    check = list(select("polnear", items, str, "check"))
    assert sorted(tune + check, key=int) == items
    assert list(select("polnear", items, str, None)) == items
    assert {folds("plv", i) for i in range(200)} == set(range(5))


def test_unknown_set_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown development set"):
        half_of("no-such-set", "1")
