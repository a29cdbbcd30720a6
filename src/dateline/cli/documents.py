"""``analyze`` and ``ingest``: documents in, analysis records out (printed or stored)."""

from __future__ import annotations

import sys

import click

from dateline.cli.base import (
    EXIT_FAILED,
    _out,
    cli,
    db_option,
    format_option,
    handle_errors,
    input_options,
    progress_bar,
    quiet_option,
    report_failure,
    show_progress,
    warn_nothing_found,
)
from dateline.model import Analysis


@cli.command()
@input_options
@format_option(["json", "jsonl", "table"], "json")
@quiet_option
@handle_errors
def analyze(
    paths: tuple[str, ...],
    kind: str,
    url: str | None,
    published: str | None,
    model: str | None,
    no_nlp: bool,
    fmt: str,
    quiet: bool,
) -> None:
    """Analyze documents and print one record per document, in input order.

    json prints one (pretty) JSON object per document, jsonl one per line, table a summary
    line per document. Failed documents also get an "input_id: CODE message" line on stderr.
    """
    from dateline.options import Options
    from dateline.output import SUMMARY_COLUMNS, make_writer, summary
    from dateline.pipeline import analyze_all
    from dateline.sources import iter_documents

    options = Options(
        kind=kind,  # type: ignore[arg-type]
        url=url,
        published=published,
        model=model,
        nlp=not no_nlp,
    )
    items = iter_documents(paths, options)
    writer = make_writer(fmt, _out(), SUMMARY_COLUMNS, json_array=False)
    failed = seen = 0
    with progress_bar("Analyzing", show_progress(quiet)) as advance:
        for record in analyze_all(items, options):
            writer.write(summary(record) if fmt == "table" else record.to_dict())
            seen += 1
            if record.error is not None:
                failed += 1
                report_failure(record)
            advance()
    writer.close()
    if not seen:
        warn_nothing_found(paths)
    if failed:
        sys.exit(EXIT_FAILED)


@cli.command()
@input_options
@db_option
@quiet_option
@handle_errors
def ingest(
    paths: tuple[str, ...],
    kind: str,
    url: str | None,
    published: str | None,
    model: str | None,
    no_nlp: bool,
    db: str,
    quiet: bool,
) -> None:
    """Analyze documents and store them in a database (re-ingesting changes nothing)."""
    from dateline.options import Options
    from dateline.pipeline import analyze_all
    from dateline.sources import iter_documents
    from dateline.store import Store

    options = Options(
        kind=kind,  # type: ignore[arg-type]
        url=url,
        published=published,
        model=model,
        nlp=not no_nlp,
    )
    items = iter_documents(paths, options)
    with Store.open(db) as store, progress_bar("Ingesting", show_progress(quiet)) as advance:

        def on_record(record: Analysis, _inserted: bool) -> None:
            report_failure(record)
            advance()

        counts = store.ingest(analyze_all(items, options), on_record)
    click.echo(
        f"{counts.inserted} inserted, {counts.skipped} skipped, {counts.failed} failed ({db})"
    )
    if not counts.total:
        warn_nothing_found(paths)
    if counts.failed:
        sys.exit(EXIT_FAILED)
