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

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from dateline.events.model import DEFAULT_MODALITIES
from dateline.store import Store
from dateline.store.facts import (
    Sentences,
    article_tone,
    event_date,
    event_id,
    event_key,
    event_tone,
    sentence_number,
    sentence_starts,
)

# ids, dates, tone and sentences come from the store's one definition of the facts
# (dateline.store.facts) and are re-exported here for the export formats (see __all__)


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
    _sentences: Sentences | None = field(default=None, repr=False)
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
            self._tone = article_tone(self.record)
        return self._tone

    @property
    def sentences(self) -> Sentences:
        if self._sentences is None:
            self._sentences = Sentences(self.body)
        return self._sentences

    def sentence_number(self, fact: dict[str, Any], offset: int | None = None) -> int | None:
        """The 1-based sentence number of a quote or event (see ``Sentences``); ``offset``
        defaults to the fact's start."""
        if offset is None and isinstance(fact.get("start"), int):
            offset = fact["start"]
        return self.sentences.number(offset, fact)


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
    "Sentences",
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
