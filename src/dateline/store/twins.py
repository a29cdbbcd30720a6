"""Finding the stored article a new one duplicates (see ``dedup`` for what counts)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, or_, select

from dateline.store import schema
from dateline.store.dedup import BANDS, from_signed, near, same_text


def twin_of(
    connection: Connection,
    article_id: str,
    title: str | None,
    body: str,
    dedup: dict[str, Any],
) -> str | None:
    """The id of the stored article this one is: the same content hash, else the same
    canonical URL with the same title or text, else a body whose SimHash is within
    ``NEAR_BITS`` (candidates share a band, so this is an index lookup); None when new."""
    t = schema.articles
    if connection.execute(select(t.c.id).where(t.c.id == article_id)).first() is not None:
        return article_id
    mine = from_signed(dedup["simhash"]) if dedup["simhash"] is not None else None
    if dedup["canonical_url"]:
        # the same page (not a page that has since become another story): same title or text
        rows = connection.execute(
            select(t.c.id, t.c.title, t.c.simhash, t.c.body)
            .where(t.c.canonical_url == dedup["canonical_url"])
            .order_by(t.c.seq)
        )
        for row in rows:
            same_title = bool(title) and _norm(row.title) == _norm(title)
            if same_title or _same(mine, row, body):
                return str(row.id)
    if mine is None:
        return None
    shares_a_band = or_(*(t.c[f"band{n}"] == dedup[f"band{n}"] for n in range(BANDS)))
    candidates = connection.execute(
        select(t.c.id, t.c.simhash, t.c.body).where(shares_a_band).order_by(t.c.seq)
    )
    for candidate in candidates:
        if _same(mine, candidate, body):
            return str(candidate.id)
    return None


def _same(mine: int | None, row: Any, body: str) -> bool:
    if mine is None or row.simhash is None or not near(mine, from_signed(row.simhash)):
        return False
    return same_text(body, row.body or "")


def _norm(title: str | None) -> str:
    return " ".join((title or "").lower().split())
