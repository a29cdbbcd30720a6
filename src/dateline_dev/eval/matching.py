"""Token-level matching shared by the gold-set scorers: where a phrase lies in a text, how
much of a gold span a prediction covers, one-to-one pairing, and name comparison.

Tokens are ``\\w+`` runs, case-folded. A prediction is scored against the *gold text*: when the
text we analysed differs from it (the extractor dropped a line, normalised a space), a
:class:`TextMap` carries the analysed text's character offsets over to gold token positions
through the longest common token subsequences, so a match is about the same words in the same
place, never about common words elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

TOKEN = re.compile(r"\w+", re.UNICODE)

Positions = frozenset[int]


def words(text: str | None) -> list[str]:
    """The case-folded ``\\w+`` tokens of ``text``."""
    return [m.group().casefold() for m in TOKEN.finditer(text or "")]


def bag_share(gold: str | None, predicted: str | None) -> float:
    """Share of the gold phrase's tokens (as a multiset) that the predicted phrase holds."""
    want = Counter(words(gold))
    if not want:
        return 0.0
    got = Counter(words(predicted))
    return sum((want & got).values()) / sum(want.values())


def share(gold: Positions, predicted: Positions) -> float:
    """Share of the gold positions the prediction covers (0 for an empty gold)."""
    return len(gold & predicted) / len(gold) if gold else 0.0


class TextMap:
    """Token positions of a reference (gold) text, and of another version of it mapped in."""

    def __init__(self, reference: str, analysed: str | None = None) -> None:
        self.reference = reference
        self._ref = [(m.start(), m.end()) for m in TOKEN.finditer(reference)]
        self._ref_ends = [e for _, e in self._ref]
        analysed = reference if analysed is None else analysed
        self._other = [(m.start(), m.end()) for m in TOKEN.finditer(analysed)]
        self._other_ends = [e for _, e in self._other]
        if analysed == reference:
            self._to_ref: dict[int, int] = {i: i for i in range(len(self._ref))}
        else:
            a = [reference[s:e].casefold() for s, e in self._ref]
            b = [analysed[s:e].casefold() for s, e in self._other]
            matcher = SequenceMatcher(None, a, b, autojunk=False)
            self._to_ref = {}
            for block in matcher.get_matching_blocks():
                for k in range(block.size):
                    self._to_ref[block.b + k] = block.a + k

    @staticmethod
    def _covered(spans: Sequence[tuple[int, int]], ends: Sequence[int], a: int, b: int) -> range:
        from bisect import bisect_right

        first = bisect_right(ends, a)  # the first token ending after a
        last = first
        while last < len(spans) and spans[last][0] < b:
            last += 1
        return range(first, last)

    def reference_span(self, start: int, end: int) -> Positions:
        """Positions of the reference tokens overlapping ``[start, end)`` of the reference."""
        return frozenset(self._covered(self._ref, self._ref_ends, start, end))

    def analysed_span(self, start: int, end: int) -> Positions:
        """Reference positions of the analysed text's tokens in ``[start, end)`` (tokens the
        reference does not have are left out)."""
        idx = self._covered(self._other, self._other_ends, start, end)
        return frozenset(self._to_ref[i] for i in idx if i in self._to_ref)

    def occurrences(self, phrase: str) -> list[Positions]:
        """The positions of every occurrence of ``phrase`` (an exact substring) in the
        reference; empty when it does not occur."""
        out: list[Positions] = []
        if not phrase:
            return out
        at = self.reference.find(phrase)
        while at >= 0:
            span = self.reference_span(at, at + len(phrase))
            if span:
                out.append(span)
            at = self.reference.find(phrase, at + 1)
        return out


def best_share(occurrences: Iterable[Positions], predicted: Positions) -> float:
    """The best share any occurrence of a gold phrase gets from one prediction."""
    return max((share(g, predicted) for g in occurrences), default=0.0)


def pair_greedily(candidates: Iterable[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one pairs from ``(score, gold, predicted)`` candidates, best score first (ties
    by order of gold, then prediction): gold index -> predicted index."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in out and p not in used:
            out[g] = p
            used.add(p)
    return out


_LEADING = ("the", "a", "an")


def name_key(name: str | None) -> str:
    """A name compared loosely: case, punctuation, a leading article and a possessive go."""
    toks = words((name or "").replace("\u2019", "'"))
    if toks and toks[0] in _LEADING:
        toks = toks[1:]
    if len(toks) > 1 and toks[-1] == "s" and "'s" in (name or "").replace("\u2019", "'"):
        toks = toks[:-1]
    return " ".join(toks)


def prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0 when undefined)."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def ratio(right: int, total: int) -> float:
    return right / total if total else 0.0
