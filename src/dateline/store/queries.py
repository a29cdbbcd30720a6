"""Queries over the facts tables: quotes, actors and events across stored articles.

Each returns plain dicts (one per row) ready for ``dateline.output`` writers; ``Store`` wraps
them as methods. Filters combine with AND; text filters are case-insensitive substrings.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select

from dateline.store import schema


def _like(column: Any, value: str) -> ColumnElement[bool]:
    return func.lower(column).contains(value.lower(), autoescape=True)


def quotes(
    connection: Connection,
    *,
    speaker: str | None = None,
    article_id: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes, newest article first, in text order within an article."""
    q, a = schema.quotes, schema.articles
    query = (
        select(
            q.c.article_id,
            a.c.published,
            a.c.title,
            q.c.speaker,
            q.c.speaker_entity,
            q.c.speaker_text,
            q.c.kind,
            q.c.cue,
            q.c.text,
            q.c.sentence,
            q.c.start,
            q.c.end,
            q.c.in_caption,
        )
        .join(a, a.c.id == q.c.article_id)
        .order_by(a.c.published.is_(None), a.c.published.desc(), a.c.seq, q.c.n)
        .offset(offset)
    )
    if speaker:
        query = query.where(or_(_like(q.c.speaker, speaker), _like(q.c.speaker_text, speaker)))
    if article_id:
        query = query.where(q.c.article_id == article_id)
    if limit is not None:
        query = query.limit(limit)
    return [_bools(row._mapping, "in_caption") for row in connection.execute(query)]


def actors(
    connection: Connection,
    *,
    name: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Actors across articles (one row per name, type, country, sector and code), the most
    written-about first: how many articles name them and how many mentions in all."""
    e = schema.entities
    keys = (e.c.name, e.c.type, e.c.country, e.c.sector, e.c.code)
    query = (
        select(
            *keys,
            func.max(e.c.role).label("role"),
            func.count(func.distinct(e.c.article_id)).label("articles"),
            func.sum(e.c.mentions).label("mentions"),
        )
        .group_by(*keys)
        .order_by(func.count(func.distinct(e.c.article_id)).desc(), func.sum(e.c.mentions).desc())
        .order_by(e.c.name)
        .offset(offset)
    )
    conditions = []
    if name:
        conditions.append(_like(e.c.name, name))
    if country:
        conditions.append(e.c.country == country.upper())
    if kind:
        conditions.append(e.c.type == kind.upper())
    if conditions:
        query = query.where(and_(*conditions))
    if limit is not None:
        query = query.limit(limit)
    return [dict(row._mapping) for row in connection.execute(query)]


def events(
    connection: Connection,
    *,
    actor: str | None = None,
    country: str | None = None,
    code: str | None = None,
    plover: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events, newest first. ``actor`` matches a CAMEO actor code prefix on either side
    (UKR, UKRGOV); ``country`` an ISO3 code on either side; ``code`` a CAMEO code prefix
    (04, 042); ``since``/``until`` are inclusive ISO dates on the event's date."""
    ev, a = schema.events, schema.articles
    query = (
        select(ev, a.c.title)  # the events table carries the article's url itself
        .join(a, a.c.id == ev.c.article_id)
        .order_by(*_newest_first(connection, ev.c.date), ev.c.article_id, ev.c.n)
        .offset(offset)
    )
    conditions: list[ColumnElement[bool]] = []
    if actor:
        prefix = actor.upper()
        conditions.append(
            or_(ev.c.source_code.startswith(prefix), ev.c.target_code.startswith(prefix))
        )
    if country:
        iso = country.upper()
        conditions.append(or_(ev.c.source_country == iso, ev.c.target_country == iso))
    if code:
        conditions.append(ev.c.cameo.startswith(code))
    if plover:
        conditions.append(ev.c.plover == plover.upper())
    if since:
        conditions.append(ev.c.date >= since)
    if until:
        # dates may carry a time; anything on the until day is in
        conditions.append(ev.c.date < until + "\uffff")
    if conditions:
        query = query.where(and_(*conditions))
    if limit is not None:
        query = query.limit(limit)
    return [dict(row._mapping) for row in connection.execute(query)]


def _newest_first(connection: Connection, column: Any) -> list[Any]:
    """Newest first, undated last, in a form the date index can serve: SQLite already sorts
    NULL last in descending order; PostgreSQL needs NULLS LAST (which SQLite would not
    serve from the index)."""
    if connection.dialect.name == "sqlite":
        return [column.desc()]
    return [column.desc().nulls_last()]


def _bools(mapping: Any, *names: str) -> dict[str, Any]:
    row = dict(mapping)
    for name in names:
        row[name] = bool(row[name])
    return row
