"""``analyze`` and ``ingest``: documents in, analysis records out (printed or stored)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

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
    workers_option,
)
from dateline.model import Analysis

if TYPE_CHECKING:
    from dateline.options import Options


@cli.command()
@input_options
@format_option(["json", "jsonl", "table"], "json")
@workers_option
@quiet_option
@handle_errors
def analyze(
    paths: tuple[str, ...],
    kind: str,
    url: str | None,
    published: str | None,
    model: str | None,
    no_nlp: bool,
    all_modalities: bool,
    max_bytes: int,
    max_seconds: float,
    fmt: str,
    workers: int,
    quiet: bool,
) -> None:
    """Analyze documents and print one record per document, in input order.

    json prints one (pretty) JSON object per document, jsonl one per line, table a summary
    line per document. Failed documents also get an "input_id: CODE message" line on stderr.
    """
    from dateline.batch import analyze_stream
    from dateline.output import SUMMARY_COLUMNS, make_writer, summary
    from dateline.sources import iter_documents

    options = _options(kind, url, published, model, no_nlp, all_modalities, max_bytes, max_seconds)
    items = iter_documents(paths, options)
    writer = make_writer(fmt, _out(), SUMMARY_COLUMNS, json_array=False)
    failed = seen = 0
    with progress_bar("Analyzing", show_progress(quiet)) as advance:
        for record in analyze_stream(items, options, workers):
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
@workers_option
@quiet_option
@handle_errors
def ingest(
    paths: tuple[str, ...],
    kind: str,
    url: str | None,
    published: str | None,
    model: str | None,
    no_nlp: bool,
    all_modalities: bool,
    max_bytes: int,
    max_seconds: float,
    db: str,
    workers: int,
    quiet: bool,
) -> None:
    """Analyze documents and store them in a database.

    Documents already stored (same content) are skipped before analysis, so re-running an
    interrupted ingest with the same arguments finishes the rest; each document is saved in
    one transaction. --workers N analyzes in N processes (same records as one).
    """
    from dateline.batch import ingest as run_ingest
    from dateline.sources import iter_documents
    from dateline.store import Store

    options = _options(kind, url, published, model, no_nlp, all_modalities, max_bytes, max_seconds)
    items = iter_documents(paths, options)
    with Store.open(db) as store, progress_bar("Ingesting", show_progress(quiet)) as advance:

        def on_record(record: Analysis, _inserted: bool) -> None:
            report_failure(record)
            advance()

        counts = run_ingest(
            items,
            store,
            options,
            workers=workers,
            on_record=on_record,
            on_skip=lambda _d: advance(),
        )
    click.echo(
        f"{counts.inserted} inserted, {counts.skipped} skipped, {counts.failed} failed ({db})"
    )
    if not counts.total:
        warn_nothing_found(paths)
    if counts.failed:
        sys.exit(EXIT_FAILED)


def _options(
    kind: str,
    url: str | None,
    published: str | None,
    model: str | None,
    no_nlp: bool,
    all_modalities: bool,
    max_bytes: int,
    max_seconds: float,
) -> Options:
    """The Options the shared input options of analyze and ingest ask for."""
    from dateline.options import Options

    return Options(
        kind=kind,  # type: ignore[arg-type]
        url=url,
        published=published,
        model=model,
        nlp=not no_nlp,
        all_modalities=all_modalities,
        max_bytes=max_bytes,
        max_seconds=max_seconds,
    )
