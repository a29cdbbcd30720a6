"""Commands that read a store: articles, search, get, and the schema."""

from __future__ import annotations

from typing import Any

import click

from dateline.cli.base import (
    _cameo_code,
    _country,
    _not_negative,
    _out,
    _plover_type,
    _published,
    cli,
    db_option,
    format_option,
    handle_errors,
)
from dateline.errors import UsageError


@cli.command()
@db_option
@format_option(["table", "json", "jsonl", "csv"], "table")
@click.option("--limit", type=int, default=50, show_default=True, callback=_not_negative)
@click.option("--offset", type=int, default=0, callback=_not_negative)
@handle_errors
def articles(db: str, fmt: str, limit: int, offset: int) -> None:
    """List stored articles, newest first."""
    from dateline.store import Store

    with Store.open(db, create=False) as store:
        rows = [row.to_dict() for row in store.articles(limit=limit, offset=offset)]
    _write_rows(fmt, rows, ("id", "published", "outlet", "title", "authors"))


@cli.command()
@click.argument("query")
@db_option
@format_option(["table", "json", "jsonl", "csv"], "table")
@click.option("--limit", type=int, default=20, show_default=True, callback=_not_negative)
@click.option("--raw", is_flag=True, help="QUERY is FTS5 syntax (AND, OR, NOT, NEAR, col:).")
@handle_errors
def search(query: str, db: str, fmt: str, limit: int, raw: bool) -> None:
    """Full-text search over stored titles and bodies, best match first.

    Every word must match; "quoted phrases" and prefix* work.
    """
    from dateline.store import Store

    with Store.open(db, create=False) as store:
        hits = [hit.to_dict() for hit in store.search(query, limit=limit, raw=raw)]
    _write_rows(fmt, hits, ("id", "published", "title", "snippet"))


@cli.command()
@click.argument("article")
@db_option
@handle_errors
def get(article: str, db: str) -> None:
    """Print the full analysis record of ARTICLE: its id, or any URL it was ingested under.

    The record gains "urls": every URL the article has been seen at.
    """
    from dateline.output import dumps
    from dateline.store import Store

    with Store.open(db, create=False) as store:
        article_id = store.find(article)
        record = store.get(article_id) if article_id else None
        urls = store.urls(article_id) if article_id else []
    if record is None:
        # an argument that names nothing stored is a usage error, as `compare` with an
        # unknown story is, not a database error (E500)
        raise UsageError(
            f"no article with id or URL {article} in {db}; list them with `dateline articles`"
        )
    click.echo(dumps({**record.to_dict(), "urls": urls}, pretty=True))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the analysis record."""
    from dateline.output import analysis_schema, dumps

    click.echo(dumps(analysis_schema(), pretty=True))


def _write_rows(fmt: str, rows: list[dict[str, Any]], table_columns: tuple[str, ...]) -> None:
    from dateline.output import make_writer

    writer = make_writer(fmt, _out(), table_columns if fmt == "table" else None)
    for row in rows:
        writer.write(row)
    writer.close()


def _store_rows(db: str, method: str, **filters: Any) -> list[dict[str, Any]]:
    from dateline.store import Store

    with Store.open(db, create=False) as store:
        rows: list[dict[str, Any]] = getattr(store, method)(**filters)
    return rows


@cli.command()
@db_option
@click.option("--speaker", help="Only quotes whose speaker name or phrase contains this.")
@click.option("--article", "article_id", help="Only quotes of this article id.")
@format_option(["table", "json", "jsonl", "csv"], "table")
@click.option("--limit", type=int, default=50, show_default=True, callback=_not_negative)
@click.option("--offset", type=int, default=0, callback=_not_negative)
@handle_errors
def quotes(
    db: str,
    speaker: str | None,
    article_id: str | None,
    fmt: str,
    limit: int,
    offset: int,
) -> None:
    """Stored quotes with their speakers, newest article first."""
    rows = _store_rows(
        db, "quotes", speaker=speaker, article_id=article_id, limit=limit, offset=offset
    )
    _write_rows(fmt, rows, ("published", "speaker", "kind", "text"))


@cli.command()
@db_option
@click.option("--name", help="Only actors whose name contains this.")
@click.option(
    "--country", callback=_country, help="Only actors of this ISO 3166-1 alpha-3 country."
)
@click.option("--type", "kind", help="Only this entity type (PERSON, ORG, GPE, ...).")
@format_option(["table", "json", "jsonl", "csv"], "table")
@click.option("--limit", type=int, default=50, show_default=True, callback=_not_negative)
@click.option("--offset", type=int, default=0, callback=_not_negative)
@handle_errors
def actors(
    db: str,
    name: str | None,
    country: str | None,
    kind: str | None,
    fmt: str,
    limit: int,
    offset: int,
) -> None:
    """Stored people, organisations and countries, the most written-about first."""
    rows = _store_rows(
        db, "actors", name=name, country=country, kind=kind, limit=limit, offset=offset
    )
    _write_rows(
        fmt, rows, ("name", "type", "role", "country", "sector", "code", "articles", "mentions")
    )


@cli.command()
@db_option
@click.option("--actor", help="CAMEO actor code (prefix) on either side: UKR, UKRGOV.")
@click.option(
    "--country",
    callback=_country,
    help="ISO 3166-1 alpha-3 country of the source or the target.",
)
@click.option("--code", callback=_cameo_code, help="CAMEO event code (prefix): 04, 042.")
@click.option(
    "--plover",
    callback=_plover_type,
    help="PLOVER event type: CONSULT, REQUEST, ... (older names, DEMAND, read as today's).",
)
@click.option("--since", callback=_published, help="Events on or after this ISO date.")
@click.option("--until", callback=_published, help="Events on or before this ISO date.")
@format_option(["table", "json", "jsonl", "csv"], "table")
@click.option("--limit", type=int, default=100, show_default=True, callback=_not_negative)
@click.option("--offset", type=int, default=0, callback=_not_negative)
@handle_errors
def events(
    db: str,
    actor: str | None,
    country: str | None,
    code: str | None,
    plover: str | None,
    since: str | None,
    until: str | None,
    fmt: str,
    limit: int,
    offset: int,
) -> None:
    """Stored events (who did what to whom, when and where), newest first."""
    rows = _store_rows(
        db,
        "events",
        actor=actor,
        country=country,
        code=code,
        plover=plover,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    _write_rows(
        fmt,
        rows,
        ("date", "cameo", "plover", "source_code", "target_code", "location_name", "sentence"),
    )


@cli.command()
@db_option
@click.option(
    "--min-articles", type=int, default=1, show_default=True, help="Reported by at least N."
)
@click.option("--since", callback=_published, help="Stories on or after this ISO date.")
@click.option("--until", callback=_published, help="Stories on or before this ISO date.")
@format_option(["table", "json", "jsonl", "csv"], "table")
@click.option("--limit", type=int, default=50, show_default=True, callback=_not_negative)
@click.option("--offset", type=int, default=0, callback=_not_negative)
@handle_errors
def stories(
    db: str,
    min_articles: int,
    since: str | None,
    until: str | None,
    fmt: str,
    limit: int,
    offset: int,
) -> None:
    """Real-world events with how many articles and outlets reported them, widest first."""
    rows = _store_rows(
        db,
        "stories",
        min_articles=min_articles,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    _write_rows(
        fmt,
        rows,
        # the id first: `dateline compare STORY` takes it
        # source and target are CAMEO actor codes, the names beside them (the codes alone
        # were a code for some stories and a lower-cased name for others)
        (
            "id",
            "day",
            "cameo_root",
            "source",
            "source_name",
            "target",
            "target_name",
            "num_articles",
            "num_sources",
            "sentence",
        ),
    )


@cli.command()
@click.argument("story_id", metavar="STORY", type=click.IntRange(min=1))
@db_option
@format_option(["table", "json", "csv"], "table")
@handle_errors
def compare(story_id: int, db: str, fmt: str) -> None:
    """How the outlets of STORY told it (an id from `dateline stories`).

    json gives the whole comparison (outlets, actors, quotes with how each outlet cut
    them, events, claims only one outlet makes); csv and table one row per outlet's
    version of each item.
    """
    from dateline.compare import COLUMNS, compare_story, rows
    from dateline.output import dumps
    from dateline.store import Store

    with Store.open(db, create=False) as store:
        found = compare_story(store, story_id)
    if fmt == "json":
        click.echo(dumps(found.to_dict(), pretty=True), file=_out())
        return
    columns = COLUMNS if fmt == "csv" else ("section", "label", "outlet", "cut", "text")
    _write_rows(fmt, [{c: row[c] for c in columns} for row in rows(found)], columns)
