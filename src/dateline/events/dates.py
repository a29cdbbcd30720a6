"""Event dates: date expressions resolved against the article's publication date.

    >>> from datetime import date
    >>> resolve("on Wednesday", date(2024, 2, 29)).value.isoformat()   # a Thursday
    '2024-02-28'

A resolved expression is a :class:`DateRef`: the first day it covers, its precision (day,
week, month, year), the last day it covers, and its relation to the act ("at"; "since"/"until"
mark a period, which is background, not the day of an event). Rules:

- weekdays point back to the latest such day on or before publication ("on Thursday" in an
  article of Thursday is that day); in a future clause, forward to the next one;
- "today", "tonight", "this morning" = publication day; "yesterday" = the day before;
  "last week/month/year", "this week/month/year", "N days/weeks ago", "earlier this month";
- "March 3", "3 March", "March 3, 2024", "March 2024", "2018", "the 1990s" (a year range);
  a month and day without a year take the publication year unless that lands more than a
  week after publication, then the year before (the article reports the past).

What counts as background (:func:`is_background`): a year before the publication year, or a
period that ended more than :data:`BACKGROUND_DAYS` before publication. What counts as future
(:func:`is_future`): a period starting after the day after publication.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise

from dateline.dates import months

#: A dated act that ended this many days or more before publication is background: the gold
#: conventions leave "background from earlier periods" uncoded, and a news story's reported
#: period is its days and weeks ("last month" stays news; "in September" of a December story
#: does not). A year (the old value) kept acts of the spring in an autumn story.
BACKGROUND_DAYS = 60

WEEKDAYS = {
    name: i
    for i, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
#: English month names (dateline.dates reads them, with every other language's, from one file)
MONTHS = months("English")
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": 3,
    "few": 3,
}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
#: Years a month named without one is shifted by, from the word before "year".
_YEAR_STEPS = {"last": -1, "past": -1, "next": 1, "this": 0}
_WORD = re.compile(r"[a-z]+|\d+(?:st|nd|rd|th)?|'\d\d")


@dataclass(frozen=True, slots=True)
class DateRef:
    value: date  # the first day covered
    precision: str  # "day", "week", "month", "year", "decade"
    last: date  # the last day covered
    relation: str = "at"  # "at", "since", "until"
    text: str = ""

    def iso(self) -> str:
        """ISO form at the expression's precision: a day, else the first day of the period."""
        return self.value.isoformat()


def parse_published(published: str | None) -> date | None:
    """The publication day from an ISO date or datetime string; None when absent or bad."""
    if not published:
        return None
    text = published.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _month_last(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _day(d: date, text: str) -> DateRef:
    return DateRef(d, "day", d, text=text)


def _month(year: int, month: int, text: str) -> DateRef:
    return DateRef(date(year, month, 1), "month", _month_last(year, month), text=text)


def _year(year: int, text: str) -> DateRef:
    return DateRef(date(year, 1, 1), "year", date(year, 12, 31), text=text)


def _shift_month(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def resolve(
    text: str, published: date | None, *, future: bool = False, past: bool = False
) -> DateRef | None:
    """Resolve one date expression; None when it is not one we can place on the calendar.

    ``future``: the clause speaks of the future (weekdays count forward); ``past``: of the
    past (a month and day without a year fall on or before publication)."""
    words = _WORD.findall(text.lower())
    if not words:
        return None
    relation = "at"
    if words[0] in ("since", "from"):
        relation = "since"
    elif words[0] in ("until", "till", "by", "through"):
        relation = "until"
    ref = _absolute(words, published, text, past) or (
        _relative(words, published, text, future) if published else None
    )
    if ref is None:
        return None
    return DateRef(ref.value, ref.precision, ref.last, relation, text)


def _absolute(
    words: list[str], published: date | None, text: str, past: bool = False
) -> DateRef | None:
    year = next((int(w) for w in words if w.isdigit() and len(w) == 4), None)
    month = next((MONTHS[w] for w in words if w in MONTHS and w != "may"), None)
    if (
        month is None
        and "may" in words
        and (year is not None or _day_number(words) or _year_step(words) is not None)
    ):
        month = 5
    if year is not None and not 1800 <= year <= 2200:
        return None
    day = _day_number(words)
    if month is not None:
        if year is None:
            if published is None:
                return None
            year = published.year
            shift = _year_step(words)
            if shift is not None:
                year += shift  # "in January last year", "in May next year"
            else:
                probe = date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))
                if probe > published + timedelta(days=0 if past else 7):
                    year -= 1
        if day is not None and day <= calendar.monthrange(year, month)[1]:
            return _day(date(year, month, day), text)
        return _month(year, month, text)
    if year is not None:
        if any(w.startswith(str(year)) and w.endswith("s") for w in text.lower().split()):
            return DateRef(date(year, 1, 1), "decade", date(year + 9, 12, 31), text=text)
        return _year(year, text)
    return None


def _year_step(words: list[str]) -> int | None:
    """The year a month without one falls in, told by the words after it, relative to the
    publication year: "January *last year*" -1, "May *next year*" +1, "June *this year*" 0."""
    for a, b in pairwise(words):
        if b == "year" and a in _YEAR_STEPS:
            return _YEAR_STEPS[a]
    return None


def _day_number(words: list[str]) -> int | None:
    for w in words:
        digits = w.rstrip("stndrh")
        if digits.isdigit() and len(digits) <= 2 and 1 <= int(digits) <= 31:
            return int(digits)
    return None


def _relative(words: list[str], pub: date, text: str, future: bool) -> DateRef | None:
    joined = " ".join(words)
    if any(w in words for w in ("today", "tonight")) or re.search(
        r"\bthis (morning|afternoon|evening)\b", joined
    ):
        return _day(pub, text)
    if "yesterday" in words:
        return _day(pub - timedelta(days=1), text)
    if "tomorrow" in words:
        return _day(pub + timedelta(days=1), text)
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    if weekday is not None:
        if "next" in words or (future and "last" not in words):
            delta = (weekday - pub.weekday()) % 7 or 7
            return _day(pub + timedelta(days=delta), text)
        delta = (pub.weekday() - weekday) % 7
        if "last" in words and delta == 0:
            delta = 7
        return _day(pub - timedelta(days=delta), text)
    match = re.search(r"\b(\w+) (day|week|month|year)s? ago\b", joined)
    if match:
        n = int(match.group(1)) if match.group(1).isdigit() else _NUMBERS.get(match.group(1))
        if n is None:
            return None
        return _day(pub - timedelta(days=n * _UNIT_DAYS[match.group(2)]), text)
    unit = next((w for w in ("week", "month", "year") if w in words), None)
    if unit is None:
        return None
    step = -1 if "last" in words or "past" in words else 1 if "next" in words else 0
    if step == 0 and "this" not in words and "earlier" not in words and "later" not in words:
        return None
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        return DateRef(monday, "week", monday + timedelta(days=6), text=text)
    if unit == "month":
        y, m = _shift_month(pub, step)
        return _month(y, m, text)
    return _year(pub.year + step, text)


def is_background(ref: DateRef, published: date | None) -> bool:
    """A period of the past the article mentions as history, not as the news of the day."""
    if published is None:
        return False
    if ref.relation == "since":
        return (published - ref.value).days > 31
    if ref.precision in ("year", "decade") and ref.last.year < published.year:
        return True
    return (published - ref.last).days >= BACKGROUND_DAYS


def is_future(ref: DateRef, published: date | None) -> bool:
    """A period that starts after the day after publication (a plan, a deadline)."""
    if published is None:
        return False
    if ref.relation == "until" and ref.last > published:
        return True
    return ref.value > published + timedelta(days=1)
