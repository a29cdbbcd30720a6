"""``dateline export``: write a store out as GDELT, PLOVER, Parquet, CSV or JSON Lines."""

from __future__ import annotations

import click

from dateline.cli.base import (
    _cameo_code,
    _country,
    _out,
    _published,
    cli,
    db_option,
    handle_errors,
)


@cli.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gdelt", "plover", "parquet", "csv", "jsonl"]),
    required=True,
    help="gdelt: GDELT 2.0 event and mentions tables; plover: JSON Lines with the PLOVER "
    "manual's field names (id, date, event, actor, recipient...); "
    "parquet/csv: articles, entities, quotes and events tables; jsonl: full records.",
)
@click.option(
    "--out",
    required=True,
    help="Output directory (gdelt, parquet, csv) or file (plover, jsonl; - for standard "
    "output; a directory gets plover.jsonl or records.jsonl). Missing directories are made.",
)
@click.option("--since", callback=_published, help="Events (articles) on or after this date.")
@click.option("--until", callback=_published, help="Events (articles) on or before this date.")
@click.option(
    "--country",
    callback=_country,
    help="Only events with this ISO 3166-1 alpha-3 country on a side.",
)
@click.option(
    "--code", callback=_cameo_code, help="Only events with this CAMEO event code (prefix): 04, 042."
)
@click.option("--prefix", help="Name of the GDELT files (default: newest DATEADDED).")
@click.option(
    "--all-modalities",
    is_flag=True,
    help="Export negated, hypothetical, planned, quoted and the other non-asserted events too "
    "(stored when analyzed with --all-modalities); by default only asserted events.",
)
@click.option(
    "--stories/--no-stories",
    default=True,
    show_default=True,
    help="gdelt: one event row per story (the same event in several articles), with its "
    "article and outlet counts; --no-stories: one per article, as GDELT counts reports.",
)
@handle_errors
def export_command(
    db: str,
    fmt: str,
    out: str,
    since: str | None,
    until: str | None,
    country: str | None,
    code: str | None,
    prefix: str | None,
    all_modalities: bool,
    stories: bool,
) -> None:
    """Export the stored records for the tools event-data users already have.

    Dates filter events by their date and articles by their publication date; --country
    and --code select events (and the articles that have one). Prints what was written.
    """
    from dateline.export import SINGLE_FILE, export
    from dateline.store import Store

    if out == "-" and fmt not in SINGLE_FILE:
        raise click.UsageError(f"--out - works for plover and jsonl; {fmt} writes a directory")
    filters = {
        "since": since,
        "until": until,
        "country": country,
        "code": code,
        "all_modalities": all_modalities,
    }
    with Store.open(db, create=False) as store:
        target = _out() if out == "-" else out
        result = export(store, fmt, target, prefix=prefix, stories=stories, **filters)
    if out != "-":
        counts = ", ".join(f"{n} {name}" for name, n in result.rows.items())
        for path in result.paths:
            click.echo(str(path))
        click.echo(f"exported {counts}", err=True)
