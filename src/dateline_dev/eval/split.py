"""The fixed tune/check split of every development set.

Every development set is cut in two halves by a hash of the set's name and the item's id, so
the split never depends on file order, on which items a run reads, or on the Python version:

- *tune*: the half rules, lexicon rows, features and fitted weights may be written from;
- *check*: the half only scorers read. Its figure is the one reported against a goal.

Items that belong together share one id: a PLV sentence on several rows is one ``sentence_id``;
a PolNeAR document is its file stem; an article is its NAEB id; an extraction page its key. A
learned component fitted on several sets fits on the tune half of each and reports out-of-fold
figures inside it (:func:`folds`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from typing import Literal, TypeVar

Half = Literal["tune", "check"]
HALVES: tuple[Half, Half] = ("tune", "check")

#: The development sets the split covers, by the name each scorer passes.
SETS = (
    "articles-gold-dev",  # key: the article's NAEB id ("126")
    "plover-gsr",  # key: the record's id ("PLOVER-GSR01-...")
    "plv",  # key: the sentence_id column
    "polnear",  # key: the document's file stem
    "scrapinghub",  # key: the page key
    "naeb",  # key: html_file
    "wcxb",  # key: file_id
    "examples",  # key: the example's "document" in examples/expected.json; "seed" for the seed
)

T = TypeVar("T")


#: Part of every hash. Chosen once, by counts alone (no item read), among the first salts the
#: one that halves the two small sets evenly (articles-gold-dev 9 of 18, PolNeAR dev 44 of 84).
#: Changing it moves items between halves: rules already written from the tune half would then
#: have seen check items, so it never changes.
SALT = "dateline-split-v8"


def _digest(set_name: str, key: str) -> bytes:
    return hashlib.sha256(f"{SALT}\0{set_name}\0{key}".encode()).digest()


def half_of(set_name: str, key: object) -> Half:
    """Which half of ``set_name`` the item with id ``key`` belongs to."""
    if set_name not in SETS:
        raise ValueError(f"unknown development set {set_name!r}; known: {', '.join(SETS)}")
    return "check" if _digest(set_name, str(key))[0] & 1 else "tune"


def is_tune(set_name: str, key: object) -> bool:
    return half_of(set_name, key) == "tune"


def select(
    set_name: str, items: Iterable[T], key: Callable[[T], object], half: Half | None
) -> Iterator[T]:
    """The items of one half (all of them when ``half`` is None), in their order."""
    for item in items:
        if half is None or half_of(set_name, key(item)) == half:
            yield item


def folds(set_name: str, key: object, k: int = 5) -> int:
    """The cross-validation fold (0..k-1) of a tune-half item, for out-of-fold figures."""
    if k < 2:
        raise ValueError("k must be at least 2")
    return int.from_bytes(_digest(set_name, str(key))[1:5], "big") % k
