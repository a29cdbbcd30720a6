"""What every export format shares: reading stored records, filters, ids, sentences, tone.

Records are read through ``Store`` (``articles()`` then ``get(id)``), oldest publication date
first, so an export is the same file for the same database. Filters:

- ``since``/``until`` (inclusive ISO dates): on the event's date (the article's publication
  date when the event has none) for event rows; on the article's publication date for
  article rows (undated articles are left out when either is given);
- ``country`` (ISO alpha-3, either side of an event) and ``code`` (CAMEO event code prefix)
  select events; article-level outputs then keep only articles with a selected event.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from dateline.events.model import DEFAULT_MODALITIES
from dateline.store import Store
from dateline.tone import tone


@dataclass(frozen=True, slots=True)
class Filters:
    since: str | None = None
    until: str | None = None
    country: str | None = None
    code: str | None = None
    #: events of every modality (negated, hypothetical, planned, quoted), not only asserted
    all_modalities: bool = False

    @property
    def selects_events(self) -> bool:
        return bool(self.country or self.code)

    def date_ok(self, date: str | None) -> bool:
        if not (self.since or self.until):
            return True
        if not date:
            return False
        day = date[:10]
        return (not self.since or day >= self.since[:10]) and (
            not self.until or day <= self.until[:10]
        )

    def event_ok(self, event: dict[str, Any], published: str | None) -> bool:
        if not self.all_modalities and event.get("modality", "asserted") not in DEFAULT_MODALITIES:
            return False
        if not self.date_ok(event.get("date") or published):
            return False
        if self.code and not str(event.get("cameo") or "").startswith(self.code):
            return False
        if self.country:
            iso = self.country.upper()
            sides = (event.get("source") or {}, event.get("target") or {})
            if not any((side.get("country") or "").upper() == iso for side in sides):
                return False
        return True


@dataclass(slots=True)
class StoredRecord:
    """One stored analysis record (its JSON form) with what the store knows besides."""

    record: dict[str, Any]
    ingested_at: str | None
    #: (index in the record's events, event) for the events the filters select
    events: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    _sentences: list[int] | None = field(default=None, repr=False)
    _tone: float | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        return str(self.record["id"])

    @property
    def article(self) -> dict[str, Any]:
        return self.record.get("article") or {}

    @property
    def body(self) -> str:
        return str(self.article.get("body") or "")

    @property
    def tone(self) -> float:
        """The article's tone: ``article.tone`` when stored, else computed from the body."""
        if self._tone is None:
            stored = self.article.get("tone")
            self._tone = float(stored) if stored is not None else tone(self.body)
        return self._tone

    def sentence_number(self, offset: int | None) -> int | None:
        if offset is None:
            return None
        if self._sentences is None:
            self._sentences = sentence_starts(self.body)
        return sentence_number(self._sentences, offset)


def parse_filters(**filters: Any) -> Filters:
    unknown = set(filters) - {"since", "until", "country", "code", "all_modalities"}
    if unknown:
        raise TypeError(f"unknown export filter(s): {', '.join(sorted(unknown))}")
    every = bool(filters.pop("all_modalities", False))
    return Filters(**{k: (str(v) if v else None) for k, v in filters.items()}, all_modalities=every)


def iter_records(store: Store, filters: Filters) -> Iterator[StoredRecord]:
    """Stored records that pass the filters, oldest publication first (undated last)."""
    rows = store.articles(limit=None)
    rows.sort(key=lambda r: (r.published is None, r.published or "", r.ingested_at, r.id))
    for row in rows:
        analysis = store.get(row.id)
        if analysis is None or analysis.article is None:
            continue
        record = analysis.to_dict()
        published = record["article"].get("published")
        events = [
            (n, e)
            for n, e in enumerate(record.get("events") or [])
            if filters.event_ok(e, published)
        ]
        yield StoredRecord(record, row.ingested_at, events)


def article_selected(item: StoredRecord, filters: Filters) -> bool:
    """Whether article-level outputs (articles, entities, quotes, JSONL) keep this record."""
    if not filters.date_ok(item.article.get("published")):
        return False
    return bool(item.events) if filters.selects_events else True


def event_id(article_id: str, n: int) -> int:
    """A stable 60-bit integer id for event ``n`` of an article (GDELT's GLOBALEVENTID)."""
    digest = hashlib.sha256(f"{article_id}/{n}".encode()).hexdigest()
    return int(digest[:15], 16) or 1


def event_key(article_id: str, n: int) -> str:
    """The readable id of an event in the PLOVER and table exports: article id and index."""
    return f"{article_id}-{n}"


def event_tone(event: dict[str, Any]) -> float:
    """An event's tone: ``event.tone`` when stored, else the tone of its sentence."""
    stored = event.get("tone")
    return float(stored) if stored is not None else tone(event.get("sentence"))


def event_date(event: dict[str, Any], published: str | None) -> str | None:
    """The event's ISO date (YYYY-MM-DD): its own, else the article's publication date."""
    for value in (event.get("date"), published):
        if value and re.match(r"\d{4}-\d{2}-\d{2}", str(value)):
            return str(value)[:10]
    return None


# A sentence ends at . ! ? (and closing quotes or brackets after it) followed by white space
# and a capital, digit or opening quote, unless the word before is a known abbreviation or an
# initial ("Mr.", "U.S.", "J."); a paragraph break always ends one. The same simple rule for
# every record, so SentenceID is reproducible from the stored body alone.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n\s*")
_ABBREVIATIONS = frozenset(
    {
        *("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "adm"),
        *("rep", "sen", "gov", "st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs"),
        *("jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "u.s"),
        *("u.k", "u.n", "e.u", "a.m", "p.m", "e.g", "i.e", "etc", "approx"),
    }
)


def _after_abbreviation(body: str, end: int) -> bool:
    words = body[max(0, end - 12) : end].split()
    word = words[-1].rstrip(".").lower() if words else ""
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_starts(body: str) -> list[int]:
    """Offsets at which the sentences of ``body`` start (the first is always 0)."""
    starts = [0]
    for match in _SENTENCE_END.finditer(body):
        if "\n" not in match.group() and _after_abbreviation(body, match.start()):
            continue
        if match.end() < len(body):
            starts.append(match.end())
    return starts


def sentence_number(starts: list[int], offset: int) -> int:
    """1-based number of the sentence holding ``offset``."""
    return max(bisect.bisect_right(starts, offset), 1)


def timestamp(value: str | None) -> str:
    """An ISO date or date-time as YYYYMMDDHHMMSS in UTC ("" when missing or unreadable)."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y%m%d%H%M%S")


__all__ = [
    "Filters",
    "StoredRecord",
    "article_selected",
    "event_date",
    "event_id",
    "event_key",
    "event_tone",
    "iter_records",
    "parse_filters",
    "sentence_number",
    "sentence_starts",
    "timestamp",
]
