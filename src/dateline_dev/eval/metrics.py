"""The measures the extraction benchmarks report, implemented from their definitions.

Body quality is the ScrapingHub article-extraction-benchmark measure: the body is split into
``\\w+`` tokens (case kept), word 4-gram shingles are counted on each side, per-page TP/FP/FN
are normalised to sum to one so long pages weigh no more than short ones, precision and recall
are averaged over pages (a page with nothing predicted does not count toward precision), and F1
is taken from the two averages.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)

Counts = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_counts(gold: str, predicted: str, n: int = 4) -> Counts:
    """Normalised (tp, fp, fn) of one page."""
    g, p = shingles(gold, n), shingles(predicted, n)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float
    pages: int

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "pages": self.pages,
        }


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def aggregate(pages: Sequence[Counts]) -> PRF:
    precisions = [_precision(*c) for c in pages if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in pages if c[0] + c[2] > 0]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f1, len(pages))


def body_f1(pairs: Iterable[tuple[str, str]], n: int = 4) -> PRF:
    """Score (gold, predicted) body pairs with the benchmark's measure."""
    return aggregate([shingle_counts(g, p, n) for g, p in pairs])


def normalise(text: str | None) -> str:
    """Case-, width- and whitespace-normalised form used for exact title/author matches."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(text.casefold().split())
