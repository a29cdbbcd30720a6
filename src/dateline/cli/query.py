"""Commands that read a store: articles, search, get, and the schema."""

from __future__ import annotations

import click

from dateline.cli.base import _not_negative, _out, cli, db_option, format_option, handle_errors


@cli.command()
@db_option
@format_option(["table", "json", "jsonl", "csv"], "table")
@click.option("--limit", type=int, default=50, show_default=True, callback=_not_negative)
@click.option("--offset", type=int, default=0, callback=_not_negative)
@handle_errors
def articles(db: str, fmt: str, limit: int, offset: int) -> None:
    """List stored articles, newest first."""
    from dateline.output import make_writer
    from dateline.store import Store

    with Store.open(db, create=False) as store:
        rows = store.articles(limit=limit, offset=offset)
    table_columns = ("id", "published", "outlet", "title", "authors")
    writer = make_writer(fmt, _out(), table_columns if fmt == "table" else None)
    for row in rows:
        writer.write(row.to_dict())
    writer.close()


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
    from dateline.output import make_writer
    from dateline.store import Store

    with Store.open(db, create=False) as store:
        hits = store.search(query, limit=limit, raw=raw)
    table_columns = ("id", "published", "title", "snippet")
    writer = make_writer(fmt, _out(), table_columns if fmt == "table" else None)
    for hit in hits:
        writer.write(hit.to_dict())
    writer.close()


@cli.command()
@click.argument("article_id")
@db_option
@handle_errors
def get(article_id: str, db: str) -> None:
    """Print the full analysis record stored for an article id."""
    from dateline.output import dumps
    from dateline.store import Store

    with Store.open(db, create=False) as store:
        record = store.get(article_id)
    if record is None:
        raise click.ClickException(f"E500 no article with id {article_id} in {db}")
    click.echo(dumps(record.to_dict(), pretty=True))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the analysis record."""
    from dateline.output import analysis_schema, dumps

    click.echo(dumps(analysis_schema(), pretty=True))
