"""Which stretches of text in different articles say the same thing.

Words are compared as *content tokens*: lower-cased words and numbers, spaCy's English stop
words left out, a plural ``s`` dropped ("dollars" and "dollar" meet). Numbers count: "1.4
billion" and "2029" are what makes two sentences about a deal's cost and date the same claim.

Two sentences are counterparts when their content tokens overlap by ``SIMILARITY`` (Jaccard,
the measure and threshold stories use to decide that two event sentences report one event).
Two quotes are the same quote when they share ``QUOTE_SHARED`` of the shorter one's tokens
(and at least ``QUOTE_MIN_SHARED`` of them) and come from the same speaker, or share
``QUOTE_SHARED_OTHER_SPEAKER`` when the speakers differ (one outlet credits "officials",
another the minister); how each outlet *cut* it is then read from a word-level diff.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from dateline.export.records import sentence_starts
from dateline.store.stories import SIMILARITY

#: Share of the shorter quote's content tokens two quotes of one speaker need in common.
QUOTE_SHARED = 0.5
#: ... and of quotes credited to different speakers (rewording is less likely to collide).
QUOTE_SHARED_OTHER_SPEAKER = 0.7
#: The fewest content tokens two quotes must share to be one quote.
QUOTE_MIN_SHARED = 2

_TOKEN = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*", re.UNICODE)


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word.isalpha():
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The words of ``text`` as they appear (for diffs and display)."""
    return _TOKEN.findall(text)


def tokens(text: str) -> frozenset[str]:
    """The content tokens of ``text``."""
    stop = _stop_words()
    out = set()
    for word in _TOKEN.findall(text):
        low = word.lower().replace("’", "'")
        if low in stop or (len(low) < 3 and not low.isdigit()):
            continue
        out.add(_stem(low))
    return frozenset(out)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def counterparts(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sentences (as content tokens) say the same thing."""
    return jaccard(a, b) >= SIMILARITY


def same_quote(a: frozenset[str], b: frozenset[str], same_speaker: bool) -> float:
    """How well two quotes match (0 when they are not the same quote)."""
    shared = len(a & b)
    if shared < QUOTE_MIN_SHARED:
        return 0.0
    share = shared / min(len(a), len(b))
    needed = QUOTE_SHARED if same_speaker else QUOTE_SHARED_OTHER_SPEAKER
    return share if share >= needed else 0.0


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@functools.lru_cache(maxsize=64)
def sentences(body: str) -> tuple[Sentence, ...]:
    """The sentences of an article body with their offsets (blank stretches left out)."""
    starts = sentence_starts(body)
    out = []
    for start, end in zip(starts, [*starts[1:], len(body)], strict=True):
        piece = body[start:end]
        lead = len(piece) - len(piece.lstrip())
        text = piece.strip()
        if text:
            out.append(Sentence(start + lead, start + lead + len(text), text))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Cut:
    """How one version of a quote compares with the longest version of it."""

    relation: str  # "full", "same", "shorter" (a stretch of the full one) or "reworded"
    left_out: tuple[str, ...]  # passages of the full version this one leaves out
    own: tuple[str, ...]  # passages this one has that the full version lacks


def _norm(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in words(text)]


def cut(text: str, full: str) -> Cut:
    """How ``text`` (one outlet's version of a quote) cuts ``full`` (the longest version)."""
    mine, theirs = _norm(text), _norm(full)
    if mine == theirs:
        return Cut("same" if text is not full else "full", (), ())
    shown_mine, shown_theirs = words(text), words(full)
    matcher = difflib.SequenceMatcher(a=theirs, b=mine, autojunk=False)
    left_out, own = [], []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op in ("delete", "replace") and a1 > a0:
            left_out.append(" ".join(shown_theirs[a0:a1]))
        if op in ("insert", "replace") and b1 > b0:
            own.append(" ".join(shown_mine[b0:b1]))
    contained = not own and " ".join(mine) in " ".join(theirs)
    return Cut("shorter" if contained else "reworded", tuple(left_out), tuple(own))
