"""Dates: the one a page shows its reader next to the headline, and choosing the
published date from it and the page's machine-readable stamps.

Stamps (JSON-LD, ``article:published_time``) are often not the date a reader sees: a stamp
in UTC falls on the next or previous day in the publisher's own time zone, and pages that
were revised or republished show that date while a stamp keeps an older one. The date shown
in the short lines around the page's ``<h1>`` ("By Jane Doe · March 4, 2024") is what a
reader, a citation and the development sets' gold give, so it is preferred — except when it
is labelled as a revision ("Updated on ...", data file ``date_labels.txt``) and the page
declares when it was first published: ``published`` is the first publication. Dates written
in a line and stamps are read by :mod:`dateline.dates`, as everywhere.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import NamedTuple

from lxml import etree
from lxml.html import HtmlElement

from dateline.dates import Written, stamp_date, written_date
from dateline.extract.html_rules import data_lines, norm, squash

#: text lines after the headline that are read before giving up
_FOLLOWING = etree.XPath("following::text()[position() <= 200]", smart_strings=True)
#: text nodes before the headline (a kicker line over it: "March 4, 2024"); lxml gives them in
#: document order, so the nearest is last
_PRECEDING = etree.XPath("preceding::text()[position() <= 12]", smart_strings=True)
#: the lines over the headline that are read when none after it shows a date
_LINES_BEFORE = 2
_SKIP_PARENTS = frozenset({"script", "style", "noscript", "template", "option", "textarea"})
#: a line longer than this is prose (the story has begun), not a dateline or byline
_SHORT_LINE = 100
#: text besides the date in a line (labels, author, time of day); more and it is a sentence
_OTHER_TEXT = 60
#: the story's paragraphs after the headline: past this many, a date is no longer the page's
_PROSE_LINES = 3
_YEAR = re.compile(r"(?:19|20)\d\d")
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
    found = written_date(text)
    if found is None or _too_much_else(text, found) or _in_prose_or_caption(parent):
        return None
    return Shown(found.day, _time_stamp(node), text)


def _too_much_else(text: str, found: Written) -> bool:
    return len(text) - (found.end - found.start) > _OTHER_TEXT


def _stamp_day(stamp: str) -> date | None:
    found = stamp_date(stamp)
    return date.fromisoformat(found[:10]) if found else None


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


def date_over_headline(tree: HtmlElement, title: str | None) -> Shown | None:
    """A date on one of the short lines right over the headline, where some pages set it (a
    kicker: "March 4, 2024" above the title). Read only when the page neither shows a date
    under its headline nor declares one: over the headline, a line is as often a revision
    stamp or another story's date, and the declared date is the better guess. A line
    labelled as a revision ("Updated: ...") is passed over."""
    h1 = _headline(tree, title)
    if h1 is None:
        return None
    lines = 0
    for node in reversed(_PRECEDING(h1)):
        if not node.strip():
            continue
        line = _line_date(node)
        if line is not None and not _labelled(line, node, "").revised:
            return line  # (a revision stamp is passed over: the next line may be the date)
        lines += 1
        if lines >= _LINES_BEFORE or len(node) > _SHORT_LINE:
            break
    return None


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


def prefer_shown(
    shown: Shown | None,
    declared: str | None,
    *,
    declared_strong: bool,
    url_day: date | None = None,
) -> str | None:
    """The date the page shows by its headline over the declared stamp, the
    stamp's time kept when it falls on the shown day — except a shown revision date
    ("Updated on ...") when the page declares when it was first published. A day the page's
    address gives (``url_day``) overrules both when they are more than a day from it: the
    CMS wrote it when the story was first published, and a date far from it belongs to
    something else (a fact-check's claim, a related story, a revision)."""
    chosen = _prefer_shown(shown, declared, declared_strong=declared_strong)
    if url_day is None or chosen is None or _near(chosen, url_day):
        return chosen
    if declared and _near(declared, url_day):
        return declared
    return url_day.isoformat()


def _prefer_shown(
    shown: Shown | None, declared: str | None, *, declared_strong: bool
) -> str | None:
    if shown is None:
        return declared
    day = shown.day
    if declared and declared[:10] in {day.isoformat(), _swapped(day)}:
        return declared  # the same day (a 03/05/2024 read month-first, swapped, included)
    if shown.revised and declared and declared_strong and not _next_day(declared, day):
        return declared  # (a day apart is the same moment in another time zone)
    from_stamp = stamp_date(shown.stamp)
    if from_stamp and from_stamp[:10] == day.isoformat():
        return from_stamp
    return day.isoformat()


def _near(stamp: str, day: date) -> bool:
    """``stamp`` falls on ``day`` or a day either side (another time zone)."""
    return stamp[:10] == day.isoformat() or _next_day(stamp, day)


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
