"""Tone on GDELT's AvgTone scale: (positive words - negative words) / all words * 100.

GDELT scores a document's tone by counting the words of a sentiment dictionary: the share of
positive words minus the share of negative words, in percent, so the scale runs from -100
(every word negative) to +100 (every word positive) and news mostly falls between -10 and
+10. GDELT's own dictionary (its "V2Tone" engine) is not published, so our figures share
GDELT's formula and scale but not its word list, and are not interchangeable with its values.

We count with VADER's word list (C.J. Hutto's lexicon, about 7,500 entries rated by people from
-4 to +4; vendored under ``data/tone/`` with its MIT licence, so the unmaintained
``vaderSentiment`` package is not a dependency): a word rated above zero counts as positive,
below zero as negative. A rated word within three words after a negation ("not", "never",
"didn't", ...) counts for the other side, as VADER itself does. Only the ratings' signs are
used, never VADER's compound score.

    >>> round(tone("Talks failed and the ceasefire collapsed."), 1)
    -33.3
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

#: Words as GDELT-style counting sees them: letters with inner apostrophes or hyphens.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: How many words back a negation reaches.
_NEGATION_SCOPE = 3


@dataclass(frozen=True, slots=True)
class ToneScore:
    """The counts behind a tone score (GDELT's V2Tone has the same first four parts)."""

    tone: float  # positive - negative, in percent of all words
    positive: float  # percent of words that are positive
    negative: float  # percent of words that are negative
    polarity: float  # positive + negative: how emotionally charged the text is
    words: int


def _data_lines(name: str) -> list[str]:
    text = (resources.files("dateline") / "data" / "tone" / name).read_text("utf-8")
    # comments start "# ": the lexicon has tokens that begin with "#" (emoticons)
    return [line for line in text.splitlines() if line and not line.startswith("# ")]


@functools.cache
def _lexicon() -> tuple[dict[str, float], frozenset[str]]:
    lexicon: dict[str, float] = {}
    for line in _data_lines("vader_lexicon.tsv"):
        word, _, rating = line.partition("\t")
        lexicon[word.lower()] = float(rating)
    return lexicon, frozenset(w.strip().lower() for w in _data_lines("negations.txt"))


def _is_negation(word: str) -> bool:
    _, negations = _lexicon()
    return word in negations or word.endswith("n't")


def tone_score(text: str | None) -> ToneScore:
    """The tone of ``text`` with its positive and negative shares (all zero for no words)."""
    lexicon, _ = _lexicon()
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text or "")]
    if not words:
        return ToneScore(0.0, 0.0, 0.0, 0.0, 0)
    positive = negative = 0
    for i, word in enumerate(words):
        value = lexicon.get(word)
        if not value:
            continue
        if any(_is_negation(w) for w in words[max(0, i - _NEGATION_SCOPE) : i]):
            value = -value
        if value > 0:
            positive += 1
        else:
            negative += 1
    n = len(words)
    pos, neg = positive / n * 100, negative / n * 100
    return ToneScore(pos - neg, pos, neg, pos + neg, n)


def tone(text: str | None) -> float:
    """GDELT-style tone of ``text``: about -100..+100, 0 for neutral or empty text."""
    return tone_score(text).tone


__all__ = ["ToneScore", "tone", "tone_score"]
