"""Dates: the one a page shows its reader next to the headline, and choosing the
published date from it and the page's machine-readable stamps.

Stamps (JSON-LD, ``article:published_time``) are often not the date a reader sees: a stamp
in UTC falls on the next or previous day in the publisher's own time zone, and pages that
were revised or republished show that date while a stamp keeps an older one. The date shown
in the short lines around the page's ``<h1>`` ("By Jane Doe · March 4, 2024") is what a
reader, a citation and the development sets' gold give, so it is preferred — except when it
is labelled as a revision ("Updated on ...", data file ``date_labels.txt``) and the page
declares when it was first published: ``published`` is the first publication. Month names
come from ``months.txt``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import NamedTuple

from lxml import etree
from lxml.html import HtmlElement

from dateline.extract.html_rules import data_lines, norm, squash

#: text lines after the headline that are read before giving up
_FOLLOWING = etree.XPath("following::text()[position() <= 200]", smart_strings=True)
_SKIP_PARENTS = frozenset({"script", "style", "noscript", "template", "option", "textarea"})
#: a line longer than this is prose (the story has begun), not a dateline or byline
_SHORT_LINE = 100
#: text besides the date in a line (labels, author, time of day); more and it is a sentence
_OTHER_TEXT = 60
#: the story's paragraphs after the headline: past this many, a date is no longer the page's
_PROSE_LINES = 3
_YEAR = re.compile(r"(?:19|20)\d\d")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b")
#: 12/22/2023 (US order) or 22/12/2023: read month first unless the first number is no month
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b")


@cache
def _months() -> dict[str, int]:
    out: dict[str, int] = {}
    for line in data_lines("months.txt"):
        name, _, number = line.rpartition(" ")
        out[name.strip()] = int(number)
    return out


@cache
def _written() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted((re.escape(n) for n in _months()), key=len, reverse=True))
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


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if 1990 <= found.year <= datetime.now().year + 1 else None


def text_date(text: str) -> tuple[date, int] | None:
    """The first date written in ``text`` and the length of its match."""
    best: tuple[int, date, int] | None = None
    for pattern in _written():
        for match in pattern.finditer(text):
            month = _months().get(match["month"].lower())
            found = _valid(int(match["year"]), month, int(match["day"])) if month else None
            if found and (best is None or match.start() < best[0]):
                best = (match.start(), found, len(match[0]))
            if found:
                break
    for pattern, order in ((_ISO, (0, 1, 2)), (_DOTTED, (2, 1, 0)), (_SLASHED, (2, 0, 1))):
        numeric = pattern.search(text)
        if numeric and (best is None or numeric.start() < best[0]):
            parts = [int(g) for g in numeric.groups()]
            if pattern is _SLASHED and parts[0] > 12:
                order = (2, 1, 0)
            found = _valid(parts[order[0]], parts[order[1]], parts[order[2]])
            if found:
                best = (numeric.start(), found, len(numeric[0]))
    return (best[1], best[2]) if best else None


_ALL_TEXT = etree.XPath("//body//text()", smart_strings=True)


def _headline(tree: HtmlElement, title: str | None) -> etree._Element | None:
    """The page's headline: the <h1> showing the title, else any element showing exactly
    the title (pages that style a <div> as their headline), else the first <h1>."""
    key = norm(title)
    first = None
    for h1 in tree.iterfind(".//h1"):
        text = norm(h1.text_content())
        if not text:
            continue
        if first is None:
            first = h1
        if key and (text == key or key in text or (len(text) > 15 and text in key)):
            return h1
    if key and len(key) > 15:
        for node in _ALL_TEXT(tree):
            if len(node) >= len(key) and norm(node) == key:
                parent = node.getparent()
                if parent is not None and parent.tag not in {"title", "script", "a"}:
                    return parent
    return first


_CAPTION = re.compile(r"caption|credit", re.IGNORECASE)
_PROSE_BLOCKS = frozenset({"p", "li", "blockquote"})


def _in_prose_or_caption(parent: etree._Element) -> bool:
    """A line inside a paragraph of story text (split by links) or a photo caption."""
    element: etree._Element | None = parent
    for _ in range(4):
        if element is None:
            return False
        if element.tag in {"figure", "figcaption"} or _CAPTION.search(element.get("class") or ""):
            return True
        if element.tag in _PROSE_BLOCKS:
            return len(squash(element.text_content())) > _SHORT_LINE
        element = element.getparent()
    return False


def _time_stamp(node: etree._ElementUnicodeResult) -> str | None:
    """The ``datetime`` of a <time> element around a line."""
    parent = node.getparent()
    for element in (parent, parent.getparent() if parent is not None else None):
        if element is not None and element.tag == "time":
            return element.get("datetime") or None
    return None


class Shown(NamedTuple):
    day: date
    stamp: str | None  # the datetime attribute of the <time> element showing it
    line: str
    revised: bool = False  # labelled as a revision date ("Updated on", class="modified")
    published: bool = False  # labelled as the publication date ("First published")


_REVISED_CLASS = re.compile(r"modified", re.IGNORECASE)


def _line_date(node: etree._ElementUnicodeResult) -> Shown | None:
    """The date a short text line shows."""
    parent = node.getparent()
    if parent is None or not isinstance(parent.tag, str) or parent.tag in _SKIP_PARENTS:
        return None
    text = squash(str(node))
    if not text or len(text) > _SHORT_LINE or not _YEAR.search(text):
        return None  # (every written date this module reads has a four-digit year)
    found = text_date(text)
    if found is None or len(text) - found[1] > _OTHER_TEXT or _in_prose_or_caption(parent):
        return None
    return Shown(found[0], _time_stamp(node), text)


def _stamp_day(stamp: str) -> date | None:
    match = _ISO.search(stamp)
    return _valid(*(int(g) for g in match.groups())) if match else None


@cache
def _label(kind: str) -> re.Pattern[str]:
    """The date labels of one kind (``revised``, ``published``) as one pattern."""
    found = []
    for line in data_lines("date_labels.txt"):
        name, _, pattern = line.partition(":")
        if name.strip() == kind:
            found.append(pattern.strip())
    return re.compile("|".join(found), re.IGNORECASE)


def _labelled(line: Shown, node: etree._ElementUnicodeResult, before: str) -> Shown:
    """Read a shown date's label from its own line, the short label line before it
    ("Updated on" / "December 2, 2025"), or (revisions) its element's class."""
    label = line.line if len(before) >= 40 else before + " " + line.line
    if _label("published").search(label):
        return line._replace(published=True)
    if _label("revised").search(label):
        return line._replace(revised=True)
    parent = node.getparent()
    for element in (parent, parent.getparent() if parent is not None else None):
        if element is not None and _REVISED_CLASS.search(element.get("class") or ""):
            return line._replace(revised=True)
    return line


def _shown(tree: HtmlElement, title: str | None) -> list[Shown]:
    """Dates shown in the lines after the headline, before the story text gets going."""
    h1 = _headline(tree, title)
    if h1 is None:
        return []
    prose = 0
    found: list[Shown] = []
    before = ""
    for node in _FOLLOWING(h1):
        if len(node) > 200 and len(squash(node)) > 200:
            parent = node.getparent()
            if parent is not None and parent.tag not in _SKIP_PARENTS:
                prose += 1
                if prose >= _PROSE_LINES:
                    break
            continue
        line = _line_date(node)
        if line is None and node.strip() and (stamp := _time_stamp(node)):
            day = _stamp_day(stamp)
            line = Shown(day, stamp, squash(node)) if day else None
        if line is not None:
            found.append(_labelled(line, node, before))
            if len(found) >= 3:
                break
        if node.strip():
            before = squash(node)
    return found


def shown_date(tree: HtmlElement, title: str | None) -> Shown | None:
    """The date written near the page's headline (with the ``datetime`` stamp that goes with
    it when the page gives one); None when the page shows no date by its headline. When it
    shows a revision date and another one, the other one is the publication date."""
    found = _shown(tree, title)
    if not found:
        return None
    if found[0].revised:
        return next((line for line in found if line.published), found[0])
    return found[0]


# -- choosing -----------------------------------------------------------------------------------


def iso_date(value: str | None) -> str | None:
    """ISO form of a date string: a datetime when a time is given, else a date."""
    if not value:
        return None
    match = _ISO_DATE.search(value)
    if not match:
        return None
    y, m, d, hh, mm, ss = match.groups()
    try:
        day = date(int(y), int(m), int(d))
    except ValueError:
        return None
    if not 1990 <= day.year <= datetime.now().year + 1:
        return None
    if hh is None:
        return day.isoformat()
    try:
        stamp = datetime(day.year, day.month, day.day, int(hh), int(mm), int(ss or 0))
    except ValueError:
        return day.isoformat()
    return stamp.isoformat()


def prefer_shown(shown: Shown | None, declared: str | None, *, declared_strong: bool) -> str | None:
    """The date the page shows by its headline over the declared stamp, the
    stamp's time kept when it falls on the shown day — except a shown revision date
    ("Updated on ...") when the page declares when it was first published."""
    if shown is None:
        return declared
    day = shown.day
    if declared and declared[:10] in {day.isoformat(), _swapped(day)}:
        return declared  # the same day (a 03/05/2024 read month-first, swapped, included)
    if shown.revised and declared and declared_strong and not _next_day(declared, day):
        return declared  # (a day apart is the same moment in another time zone)
    from_stamp = iso_date(shown.stamp)
    if from_stamp and from_stamp[:10] == day.isoformat():
        return from_stamp
    return day.isoformat()


def _next_day(stamp: str, day: date) -> bool:
    """``stamp`` falls a day before or after ``day``."""
    try:
        other = date.fromisoformat(stamp[:10])
    except ValueError:
        return False
    return abs((other - day).days) == 1


def _swapped(day: date) -> str | None:
    try:
        return date(day.year, day.day, day.month).isoformat()
    except ValueError:
        return None
