"""The tables of facts: one definition of their columns and rows for every place that writes them.

The record (``articles.record``) stays the source of truth. Its facts — the article's summary
row, one row per entity, quote and event — are written in three places that must never drift
apart: the store's SQL tables (its queryable index, written in the same transaction as the
article), the Parquet/CSV exports (``dateline.export.tables``) and the Spark job's Parquet
tables (``dateline.spark_tables``). All three take their columns from :data:`COLUMNS` and their
rows from the builders below; ``tests/test_tables.py`` compares them.

Column kinds: ``text``, ``int`` (32-bit), ``bigint``, ``float``, ``bool``, ``date`` and
``list`` (of strings: a JSON array in SQL and CSV). Keys: ``article_id`` joins every table to
the article; ``events.event_id`` is ``<article id>-<n>`` (the PLOVER export's id) and
``events.gdelt_id`` the GLOBALEVENTID of the GDELT export.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    insert,
)

from dateline.model import Analysis
from dateline.tone import tone

#: Table -> (column, kind) in order. The single definition of the facts tables.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        *(("id", "text"), ("input_id", "text"), ("url", "text"), ("outlet", "text")),
        *(("title", "text"), ("authors", "list"), ("editors", "list")),
        *(("published", "text"), ("published_date", "date"), ("language", "text")),
        *(("dateline", "text"), ("section", "text"), ("topics", "list")),
        *(("lead", "text"), ("body", "text"), ("tone", "float")),
        *(("entities", "int"), ("quotes", "int"), ("events", "int")),
        ("ingested_at", "text"),
    ),
    "entities": (
        *(("article_id", "text"), ("entity_id", "text"), ("name", "text")),
        *(("type", "text"), ("role", "text"), ("country", "text"), ("sector", "text")),
        *(("code", "text"), ("aliases", "list"), ("mentions", "int")),
        *(("first_start", "int"), ("author", "bool"), ("caption_only", "bool")),
        ("kb", "text"),
    ),
    "quotes": (
        *(("article_id", "text"), ("n", "int"), ("text", "text"), ("kind", "text")),
        *(("speaker", "text"), ("speaker_entity", "text"), ("speaker_text", "text")),
        *(("cue", "text"), ("sentence", "text"), ("sentence_id", "int")),
        *(("start", "int"), ("end", "int"), ("in_caption", "bool")),
    ),
    "events": (
        *(("event_id", "text"), ("gdelt_id", "bigint"), ("article_id", "text")),
        *(("n", "int"), ("date", "text"), ("event_date", "date"), ("cameo", "text")),
        *(("cameo_root", "text"), ("plover", "text"), ("plover_mode", "text")),
        *(("modality", "text"), ("quad_class", "int"), ("goldstein", "float")),
        ("tone", "float"),
        *((f"source_{k}", "text") for k in ("name", "text", "country", "sector", "code")),
        *((f"target_{k}", "text") for k in ("name", "text", "country", "sector", "code")),
        *(("location_name", "text"), ("location_country", "text")),
        *(("lat", "float"), ("lon", "float"), ("sentence", "text")),
        *(("sentence_id", "int"), ("start", "int"), ("end", "int")),
        *(("confidence", "float"), ("rule", "text"), ("url", "text")),
    ),
}
FACT_TABLES = ("entities", "quotes", "events")
#: Each facts table's primary key in SQL (the article table's is the store's own).
_KEYS = {
    "entities": ("article_id", "entity_id"),
    "quotes": ("article_id", "n"),
    "events": ("article_id", "n"),
}
_INDEXES = {
    "entities": (("entities_name", "name"), ("entities_country", "country")),
    "quotes": (("quotes_speaker", "speaker"),),
    "events": (
        *(("events_date", "date"), ("events_cameo", "cameo")),
        *(("events_source_code", "source_code"), ("events_target_code", "target_code")),
    ),
}
_SQL_TYPES: dict[str, Any] = {
    "text": Text,
    "int": Integer,
    "bigint": BigInteger,
    "float": Float,
    "bool": Integer,  # 0/1, as the tables have stored them since version 3
    "date": Text,  # ISO 8601, as every date the store keeps
    "list": JSON,
}


def fact_tables(md: MetaData) -> tuple[Table, Table, Table]:
    """The entities, quotes and events tables on ``md``, from :data:`COLUMNS`."""
    tables = []
    for name in FACT_TABLES:
        key = _KEYS[name]
        columns: list[Any] = []
        for column, kind in COLUMNS[name]:
            if column == "article_id":
                columns.append(
                    Column(
                        column,
                        Text,
                        ForeignKey("articles.id", ondelete="CASCADE"),
                        primary_key=True,
                    )
                )
            else:
                pk = column in key
                columns.append(
                    Column(column, _SQL_TYPES[kind], primary_key=pk, autoincrement=False)
                )
        columns += [Index(index, column) for index, column in _INDEXES[name]]
        tables.append(Table(name, md, *columns))
    entities, quotes, events = tables
    return entities, quotes, events


# -- ids, dates, tone and sentences of a record's facts ------------------------------------


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


def article_tone(record: dict[str, Any]) -> float:
    """The article's tone: ``article.tone`` when stored, else computed from the body."""
    article = record.get("article") or {}
    stored = article.get("tone")
    return float(stored) if stored is not None else tone(article.get("body") or "")


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


class Sentences:
    """1-based sentence numbers of one record's quotes and events: the parser's sentence
    (the fact's ``sentence_index`` + 1); for a record stored before facts carried it, the
    sentence holding ``offset`` in the body, split by the rule above once when asked."""

    def __init__(self, body: str) -> None:
        self.body = body
        self._starts: list[int] | None = None

    def number(self, offset: int | None, fact: dict[str, Any] | None = None) -> int | None:
        index = (fact or {}).get("sentence_index")
        if isinstance(index, int) and not isinstance(index, bool) and index >= 0:
            return index + 1
        if offset is None:
            return None
        if self._starts is None:
            self._starts = sentence_starts(self.body)
        return sentence_number(self._starts, offset)


# -- rows ---------------------------------------------------------------------------------


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _strings(values: Any) -> list[str]:
    return [str(v) for v in values or []]


def article_row(record: dict[str, Any], ingested_at: str | None) -> dict[str, Any]:
    a = record.get("article") or {}
    return {
        "id": record["id"],
        "input_id": record.get("input_id"),
        **{k: a.get(k) for k in ("url", "outlet", "title", "published", "language")},
        **{k: a.get(k) for k in ("dateline", "section", "lead")},
        **{k: _strings(a.get(k)) for k in ("authors", "editors", "topics")},
        "published_date": _date(a.get("published")),
        "body": str(a.get("body") or ""),
        "tone": article_tone(record),
        **{k: len(record.get(k) or []) for k in ("entities", "quotes", "events")},
        "ingested_at": ingested_at,
    }


def entity_rows(article_id: str, record: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for n, e in enumerate(record.get("entities") or []):
        mentions = e.get("mentions") or []
        starts = [m["start"] for m in mentions if _int(m.get("start")) is not None]
        rows.append(
            {
                "article_id": article_id,
                "entity_id": str(e.get("id") or f"e{n + 1}"),
                "name": e.get("name") or "",
                **{k: e.get(k) for k in ("type", "role", "country", "sector", "code")},
                "aliases": _strings(e.get("aliases")),
                "mentions": len(mentions),
                "first_start": min(starts) if starts else None,
                "author": bool(e.get("author")),
                "caption_only": bool(e.get("caption_only")),
                "kb": str(e["kb"]) if e.get("kb") else None,
            }
        )
    return rows


def _sentences(record: dict[str, Any], sentences: Sentences | None) -> Sentences:
    return sentences or Sentences(str((record.get("article") or {}).get("body") or ""))


def quote_rows(
    article_id: str, record: dict[str, Any], sentences: Sentences | None = None
) -> list[dict[str, Any]]:
    sentences = _sentences(record, sentences)
    rows = []
    for n, q in enumerate(record.get("quotes") or []):
        speaker = q.get("speaker") or {}
        start = _int(q.get("start"))
        rows.append(
            {
                "article_id": article_id,
                "n": n,
                "text": q.get("text") or "",
                "kind": q.get("kind") or "direct",
                "speaker": speaker.get("name"),
                "speaker_entity": speaker.get("entity"),
                "speaker_text": speaker.get("text"),
                "cue": q.get("cue"),
                "sentence": q.get("sentence"),
                "sentence_id": sentences.number(start, q),
                "start": start,
                "end": _int(q.get("end")),
                "in_caption": bool(q.get("in_caption")),
            }
        )
    return rows


def event_rows(
    article_id: str,
    record: dict[str, Any],
    sentences: Sentences | None = None,
    selected: Iterable[tuple[int, dict[str, Any]]] | None = None,
) -> list[dict[str, Any]]:
    """The events' rows: every event of the record, or the ``(index, event)`` pairs given."""
    sentences = _sentences(record, sentences)
    article = record.get("article") or {}
    published = article.get("published")
    chosen = enumerate(record.get("events") or []) if selected is None else selected
    rows = []
    for n, e in chosen:
        place = e.get("location") or {}
        start = _int(e.get("start"))
        sides = {
            f"{side}_{k}": (e.get(side) or {}).get(k)
            for side in ("source", "target")
            for k in ("name", "text", "country", "sector", "code")
        }
        rows.append(
            {
                "event_id": event_key(article_id, n),
                "gdelt_id": event_id(article_id, n),
                "article_id": article_id,
                "n": n,
                "date": e.get("date"),
                "event_date": _date(event_date(e, published)),
                "cameo": e.get("cameo") or "",
                "cameo_root": e.get("cameo_root") or "",
                **{k: e.get(k) for k in ("plover", "plover_mode")},
                "modality": e.get("modality") or "asserted",
                "quad_class": _int(e.get("quad_class")),
                "goldstein": e.get("goldstein"),
                "tone": event_tone(e),
                **sides,
                "location_name": place.get("name"),
                "location_country": place.get("country"),
                "lat": place.get("lat"),
                "lon": place.get("lon"),
                "sentence": e.get("sentence") or "",
                "sentence_id": sentences.number(start, e),
                "start": start,
                "end": _int(e.get("end")),
                "confidence": e.get("confidence"),
                "rule": e.get("rule"),
                "url": article.get("url"),
            }
        )
    return rows


def insert_facts(
    connection: Connection,
    tables: tuple[Table, Table, Table],
    article_id: str,
    record: dict[str, Any] | Analysis,
) -> None:
    """Write the facts of one record (the caller holds the transaction)."""
    data = record.to_dict() if isinstance(record, Analysis) else record
    entities, quotes, events = tables
    sentences = _sentences(data, None)
    for table, rows in (
        (entities, entity_rows(article_id, data)),
        (quotes, quote_rows(article_id, data, sentences)),
        (events, event_rows(article_id, data, sentences)),
    ):
        if rows:
            # the names once per table: testing each value's name against table.columns
            # (a ColumnCollection) was a tenth of the store's time
            names = frozenset(table.columns.keys())
            connection.execute(insert(table), [sql_row(table, row, names) for row in rows])


def sql_row(
    table: Table, row: dict[str, Any], columns: frozenset[str] | None = None
) -> dict[str, Any]:
    """``row`` as ``table`` takes it: only its columns (an older migration's table has fewer;
    ``columns``: their names, when the caller has them), booleans as 0/1."""
    names = columns if columns is not None else frozenset(table.columns.keys())
    return {k: int(v) if isinstance(v, bool) else v for k, v in row.items() if k in names}
