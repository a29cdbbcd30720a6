"""Dates, parsed in one place: month names, dates written out in text, stamps, stated dates.

Every stage that reads a date uses these: the sources (a date the caller states with a
document or a feed gives), extraction (the date a page shows and its machine-readable stamps;
the date lines of text dumps) and the event coder (month names in date expressions). Month
names come from one data file, ``data/dates/months.txt``, by language.

- :func:`stated_date`: a whole date or date-time a person or feed states, in any common form,
  as ISO ("5 March 2024", "Tue, 05 Mar 2024 09:30:00 GMT"); None for a partial one.
- :func:`stamp_date`: the ISO date or date-time inside a machine-readable stamp
  ("2024-03-05T09:30:00+01:00"), within the years news can have.
- :func:`written_date`: the first calendar date written in running text, in words or numbers,
  with where it stands.
- :func:`url_date`: the day a page's address gives it ("/2024/03/05/", "/2024/mar/05/",
  "/2024-03-05-slug", "?date=2024-03-05").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from urllib.parse import parse_qsl, urlsplit

from dateutil import parser

#: The years a news page's own date can fall in (a date outside is a typo or another thing).
FIRST_YEAR = 1990


@cache
def months(language: str | None = None) -> dict[str, int]:
    """Month names and abbreviations -> number; one language's (``"English"``) or all."""
    text = (resources.files("dateline") / "data" / "dates" / "months.txt").read_text("utf-8")
    out: dict[str, int] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("# language:"):
            current = line.partition(":")[2].strip()
        if line.startswith("#"):
            continue
        if line and (language is None or current == language):
            name, _, number = line.rpartition(" ")
            out[name.strip()] = int(number)
    return out


# -- stated dates and stamps ------------------------------------------------------------------


def stated_date(value: str) -> str | None:
    """``value`` as an ISO date or date-time, or None when it is not a whole date."""
    text = value.strip()
    if not text:
        return None
    for kind in (date, datetime):
        try:
            return kind.fromisoformat(text).isoformat()
        except ValueError:
            pass
    # Parse twice with different defaults: whatever the text does not say comes out
    # different, which tells a date-time from a date and a date from a partial one.
    try:
        first = parser.parse(text, default=datetime(2000, 1, 1, 0, 0, 0))
        second = parser.parse(text, default=datetime(2001, 2, 2, 12, 30, 30))
    except (ValueError, OverflowError):
        return None
    if first.date() != second.date():
        return None
    if first.time() != second.time():
        return first.date().isoformat()
    return first.isoformat()


_STAMP = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def plausible(year: int, month: int, day: int) -> date | None:
    """The date, when it exists and falls in the years a news page can have."""
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if FIRST_YEAR <= found.year <= datetime.now().year + 1 else None


def stamp_date(value: str | None) -> str | None:
    """ISO form of a machine-readable stamp: a date-time when it gives a time, else a date."""
    if not value:
        return None
    match = _STAMP.search(value)
    if not match:
        return None
    y, m, d, hh, mm, ss = match.groups()
    day = plausible(int(y), int(m), int(d))
    if day is None:
        return None
    if hh is None:
        return day.isoformat()
    try:
        stamp = datetime(day.year, day.month, day.day, int(hh), int(mm), int(ss or 0))
    except ValueError:
        return day.isoformat()
    return stamp.isoformat()


# -- dates written in text --------------------------------------------------------------------

_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b")
#: 12/22/2023 (US order) or 22/12/2023: read month first unless the first number is no month
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b")


@cache
def _in_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted((re.escape(n) for n in months()), key=len, reverse=True))
    month_day_year = re.compile(
        rf"\b(?P<month>{names})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
        r"(?P<year>(?:19|20)\d{2})\b",
        re.IGNORECASE,
    )
    day_month_year = re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(?P<month>{names})\.?,?\s+"
        r"(?:de\s+)?(?P<year>(?:19|20)\d{2})\b",
        re.IGNORECASE,
    )
    return month_day_year, day_month_year


@dataclass(frozen=True, slots=True)
class Written:
    """A date written in text and where it stands."""

    day: date
    start: int
    end: int


def written_date(text: str) -> Written | None:
    """The first calendar date written in ``text`` ("March 4, 2024", "4 March 2024",
    "2024-03-04", "04.03.2024", "03/04/2024"), or None."""
    if not any(c.isdigit() for c in text):
        return None
    best: Written | None = None
    names = months()
    for pattern in _in_words():
        for match in pattern.finditer(text):
            month = names.get(match["month"].lower())
            found = plausible(int(match["year"]), month, int(match["day"])) if month else None
            if found:
                if best is None or match.start() < best.start:
                    best = Written(found, match.start(), match.end())
                break
    for pattern, order in ((_ISO, (0, 1, 2)), (_DOTTED, (2, 1, 0)), (_SLASHED, (2, 0, 1))):
        numeric = pattern.search(text)
        if numeric and (best is None or numeric.start() < best.start):
            parts = [int(g) for g in numeric.groups()]
            if pattern is _SLASHED and parts[0] > 12:
                order = (2, 1, 0)
            found = plausible(parts[order[0]], parts[order[1]], parts[order[2]])
            if found:
                best = Written(found, numeric.start(), numeric.end())
    return best


# -- dates in a page's address ------------------------------------------------------------------

#: a date as whole path segments (/2024/03/05/, /2024/mar/05/) or at the start of one
#: (/2024-03-05/, /2024-03-05-slug, /20240305/); a date inside a slug ("...-2024-03-05") is
#: often the date of what the story is about, not of the story
_URL_DAY = re.compile(
    r"/((?:19|20)\d\d)(?:/(\d{1,2}|[a-z]{3,9})/(\d{1,2})(?=/|$|\.)"
    r"|-(\d\d)-(\d\d)(?=/|$|[-_.])"
    r"|(\d\d)(\d\d)(?=/|$|[-_.]))",
    re.IGNORECASE,
)


def url_date(url: str | None) -> date | None:
    """The day a page's address dates it by (publishers' CMSs put the day of first
    publication in the path), or None when the address gives no whole date."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    for key, value in parse_qsl(parts.query):
        if key.lower() in {"date", "pubdate", "published"} and (found := stamp_date(value)):
            return date.fromisoformat(found[:10])
    match = _URL_DAY.search(parts.path)
    if not match:
        return None
    year, month, day = match[1], match[2] or match[4] or match[6], match[3] or match[5] or match[7]
    number = int(month) if month.isdigit() else months().get(month.lower())
    return plausible(int(year), number, int(day)) if number else None


__all__ = [
    "FIRST_YEAR",
    "Written",
    "months",
    "plausible",
    "stamp_date",
    "stated_date",
    "url_date",
    "written_date",
]
