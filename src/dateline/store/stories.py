"""One story per real-world event: events of different articles that report the same thing.

GDELT counts reports, not events; its users' most common complaint. Here an event joins an
existing story when an event of *another* article has the same CAMEO root, the same source
and target (by actor code, else country, else name), a day within one day of its own (the
event's date, else the article's publication date), and a sentence that shares enough of its
content words (``SIMILARITY``). Otherwise it starts a story. Only asserted events join stories
(records analysed with ``all_modalities`` also hold negated, hypothetical, planned and quoted
ones). A story's counts follow GDELT's
names: NumMentions (events), NumArticles (distinct articles), NumSources (distinct outlets).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    bindparam,
    func,
    insert,
    select,
    update,
)

#: Share of content words (Jaccard) two event sentences need to report the same event.
SIMILARITY = 0.2
#: Days apart two reports of one event may be dated.
WINDOW_DAYS = 1

_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
SIDES = ("source", "target")


def stories_table(md: MetaData) -> Table:
    """The stories table (schema version 5)."""
    return Table(
        "stories",
        md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("cameo_root", String(2), nullable=False),
        Column("source_key", Text, nullable=False),
        Column("target_key", Text, nullable=False),
        Column("day", String(10), nullable=False),
        Column("sentence", Text, nullable=False),
    )


def actor_key(code: str | None, country: str | None, name: str | None) -> str:
    return code or country or (name or "").strip().lower()


#: An actor key that is a CAMEO actor code or a country code (a name key is lower case).
_CODE_KEY = re.compile(r"[A-Z0-9]+")


def _side_name(events: Table, stories: Table, side: str) -> Any:
    """The name the story's events give most for one side (ties: the first in order)."""
    member = events.alias(f"{side}_member")
    name = member.c[f"{side}_name"]
    return (
        select(name)
        .where(member.c.story_id == stories.c.id, name.is_not(None), name != "")
        .group_by(name)
        .order_by(func.count().desc(), name)
        .limit(1)
        .correlate(stories)
        .scalar_subquery()
    )


def _sides(story: dict[str, Any]) -> dict[str, Any]:
    """A story's source and target as CAMEO actor codes ("" when the actors were grouped by
    name, having no code) beside ``source_name``/``target_name``, the names its events give:
    the key the store groups by is a code for some stories and a lower-cased name for
    others, which is no column to read."""
    out: dict[str, Any] = {}
    for key, value in story.items():
        if key in ("source_key", "target_key"):
            side = key.removesuffix("_key")
            out[side] = value if value and _CODE_KEY.fullmatch(value) else ""
            out[f"{side}_name"] = story.get(f"{side}_name")
        elif key not in ("source_name", "target_name"):
            out[key] = value
    return out


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _words(sentence: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(sentence))


def similar(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= SIMILARITY


def assign(
    connection: Connection,
    events: Table,
    stories: Table,
    article_id: str,
    published: str | None,
) -> None:
    """Give every event of one stored article its story (the caller holds the transaction)."""
    rows = connection.execute(
        select(events).where(events.c.article_id == article_id).order_by(events.c.n)
    ).all()
    # The statements are built once per article and run with parameters for each event:
    # building a SQLAlchemy statement costs more than SQLite's running it.
    candidates_query = (
        select(stories.c.id, stories.c.sentence)
        .where(
            and_(
                stories.c.cameo_root == bindparam("b_root"),
                stories.c.source_key == bindparam("b_source"),
                stories.c.target_key == bindparam("b_target"),
                stories.c.day.between(bindparam("b_lo"), bindparam("b_hi")),
            )
        )
        .order_by(stories.c.id)
    )
    others_query = select(events.c.sentence).where(
        events.c.story_id == bindparam("b_story"), events.c.article_id != article_id
    )
    assigned: list[dict[str, Any]] = []
    for row in rows:
        if (getattr(row, "modality", None) or "asserted") != "asserted":
            continue  # a negated, hypothetical, planned or quoted act is no reported event
        day = _day(row.date) or _day(published)
        if day is None:
            continue
        source = actor_key(row.source_code, row.source_country, row.source_name)
        target = actor_key(row.target_code, row.target_country, row.target_name)
        lo = (day - timedelta(days=WINDOW_DAYS)).isoformat()
        hi = (day + timedelta(days=WINDOW_DAYS)).isoformat()
        candidates = connection.execute(
            candidates_query,
            {
                "b_root": row.cameo_root,
                "b_source": source,
                "b_target": target,
                "b_lo": lo,
                "b_hi": hi,
            },
        ).all()
        story_id = None
        for candidate in candidates:
            others = connection.execute(others_query, {"b_story": candidate.id}).scalars()
            if any(similar(row.sentence, s) for s in [candidate.sentence, *others]):
                story_id = candidate.id
                break
        if story_id is None:
            # max + 1 under the writer's lock, not a sequence: a PostgreSQL sequence is not
            # rolled back with a killed transaction, so a re-run would number stories apart
            story_id = connection.execute(
                select(func.coalesce(func.max(stories.c.id), 0) + 1)
            ).scalar()
            connection.execute(
                insert(stories),
                {
                    "id": story_id,
                    "cameo_root": row.cameo_root,
                    "source_key": source,
                    "target_key": target,
                    "day": day.isoformat(),
                    "sentence": row.sentence,
                },
            )
        assigned.append({"b_article": article_id, "b_n": row.n, "b_story": story_id})
    if assigned:
        # one statement for the article's events; the queries above read other articles'
        # events only, so setting these at the end finds the same stories
        connection.execute(
            update(events)
            .where(events.c.article_id == bindparam("b_article"), events.c.n == bindparam("b_n"))
            .values(story_id=bindparam("b_story")),
            assigned,
        )


def query(
    connection: Connection,
    events: Table,
    stories: Table,
    articles: Table,
    *,
    min_articles: int = 1,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stories with their counts, the most widely reported first."""
    num_articles = func.count(func.distinct(events.c.article_id))
    query = (
        select(
            stories.c.id,
            stories.c.day,
            stories.c.cameo_root,
            stories.c.source_key,
            _side_name(events, stories, "source").label("source_name"),
            stories.c.target_key,
            _side_name(events, stories, "target").label("target_name"),
            stories.c.sentence,
            func.count().label("num_mentions"),
            num_articles.label("num_articles"),
            func.count(func.distinct(articles.c.outlet)).label("num_sources"),
        )
        .join(events, events.c.story_id == stories.c.id)
        .join(articles, articles.c.id == events.c.article_id)
        .group_by(stories.c.id)
        .having(num_articles >= min_articles)
        .order_by(num_articles.desc(), stories.c.day.desc(), stories.c.id)
        .offset(offset)
    )
    if since:
        query = query.where(stories.c.day >= since[:10])
    if until:
        query = query.where(stories.c.day <= until[:10])
    if limit is not None:
        query = query.limit(limit)
    return [_sides(dict(row._mapping)) for row in connection.execute(query)]


def members(
    connection: Connection,
    events: Table,
    stories: Table,
    story_id: int,
) -> dict[str, Any] | None:
    """One story: its row, the articles that report it, and the story of every event of
    those articles (as ``(article_id, n, story_id)``), so a comparison can tell which of
    their events are the same event. None when there is no such story."""
    sides = (_side_name(events, stories, side).label(f"{side}_name") for side in SIDES)
    row = connection.execute(select(stories, *sides).where(stories.c.id == story_id)).first()
    if row is None:
        return None
    article_ids = list(
        connection.execute(
            select(events.c.article_id)
            .where(events.c.story_id == story_id)
            .group_by(events.c.article_id)
            .order_by(func.min(events.c.n), events.c.article_id)
        ).scalars()
    )
    facts = connection.execute(
        select(events.c.article_id, events.c.n, events.c.story_id)
        .where(events.c.article_id.in_(article_ids))
        .order_by(events.c.article_id, events.c.n)
    ).all()
    story = _sides(dict(row._mapping))
    return {
        **story,
        "num_articles": len(article_ids),
        "articles": article_ids,
        "events": [(f.article_id, f.n, f.story_id) for f in facts],
    }
