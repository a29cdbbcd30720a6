"""``spark``: analyze a manifest of inputs on a Spark cluster into Parquet tables."""

from __future__ import annotations

import json
import sys

import click

from dateline.cli.base import (
    EXIT_FAILED,
    cli,
    handle_errors,
    kind_option,
    model_option,
    no_nlp_option,
)


@cli.command()
@click.option(
    "--input",
    "manifest",
    required=True,
    help="Manifest: one input a line (WARC, WARC.gz, JSON Lines, HTML/text file; a local "
    "path or an object-storage URI); # starts a comment line.",
)
@click.option(
    "--output", required=True, help="Output directory (local path or object-storage URI)."
)
@click.option(
    "--master",
    default=None,
    help="Spark master (like local[2] or yarn); default: what spark-submit set, else local[*].",
)
@no_nlp_option
@model_option
@kind_option
@handle_errors
def spark(
    manifest: str, output: str, master: str | None, no_nlp: bool, model: str | None, kind: str
) -> None:
    """Analyze every input of a manifest with Spark, one task per input, into Parquet.

    Writes the tables articles, entities, quotes and events under OUTPUT, and
    OUTPUT/counters.json; prints the counters. Inputs already in OUTPUT are skipped, so
    running the command again finishes an interrupted job. Exit status 1 when a document or
    an input failed. See docs/spark.md for running it on a cluster with spark-submit.
    """
    from dateline.options import Options
    from dateline.spark import run

    options = Options(kind=kind, model=model, nlp=not no_nlp)  # type: ignore[arg-type]
    counters = run(manifest, output, options=options, master=master)
    click.echo(json.dumps(counters.to_dict(), indent=2))
    for entry, error in counters.input_errors.items():
        click.echo(f"{entry}: {error}", err=True)
    if counters.documents_failed or counters.inputs_failed:
        sys.exit(EXIT_FAILED)
