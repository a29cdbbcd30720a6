"""The ``dateline`` command: thin commands over the library.

Exit status: 0 when every document was analyzed; 1 when any document failed (each failure
is one ``input_id: CODE message`` line on standard error) or the command could not run
(``Error: CODE message``); 2 for a usage error (bad option or argument).
"""

from __future__ import annotations

import functools
import io
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO, TypeVar, cast

import click

from dateline import __version__
from dateline.errors import DatelineError, UsageError
from dateline.model import Analysis

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "dateline.db"
EXTRACTION_SETS = ("scrapinghub", "naeb", "wcxb", "text")
EXIT_FAILED = 1


class _Stdout(io.TextIOBase):
    """Standard output looked up at each write, so a live progress bar can redirect it."""

    def write(self, text: str) -> int:
        return sys.stdout.write(text)

    def flush(self) -> None:
        sys.stdout.flush()


def _out() -> TextIO:
    return cast(TextIO, _Stdout())


def show_progress(quiet: bool) -> bool:
    """Progress bars only for a person watching: not with --quiet, not when piped."""
    return not quiet and sys.stderr.isatty()


@contextmanager
def progress_bar(
    label: str, enabled: bool, total: int | None = None
) -> Iterator[Callable[[], None]]:
    """A rich progress bar on standard error; yields the function that advances it."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn()]
    count = MofNCompleteColumn() if total else TextColumn("{task.completed} documents")
    with Progress(
        *columns, count, TimeElapsedColumn(), console=Console(stderr=True), transient=True
    ) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


def handle_errors(func: F) -> F:
    """One error shape: a DatelineError ends the command with ``Error: CODE message``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UsageError as exc:
            raise click.UsageError(f"{exc.code} {exc.message}") from None
        except DatelineError as exc:
            raise click.ClickException(f"{exc.code} {exc.message}") from None

    return wrapper  # type: ignore[return-value]


def report_failure(record: Analysis) -> None:
    if record.error is not None:
        click.echo(f"{record.input_id}: {record.error.code} {record.error.message}", err=True)


def warn_nothing_found(paths: Iterable[str]) -> None:
    # Not a failure (an empty drop folder is normal in a cron job), but worth saying.
    click.echo(f"warning: no documents found in {' '.join(paths)}", err=True)


def _published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from dateline.sources.dates import iso_date

    normalised = iso_date(value)
    if normalised is None:
        raise click.BadParameter(
            f"{value!r} is not a whole date; give an ISO date or date-time (like 2024-03-01 "
            "or 2024-03-01T09:30:00+01:00)"
        )
    return normalised


def _not_negative(_ctx: click.Context, _param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 0:
        raise click.BadParameter("must be zero or more")
    return value


quiet_option = click.option(
    "--quiet", "-q", is_flag=True, help="No progress bar (also off when stderr is not a TTY)."
)
db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    help="SQLite database file (or a SQLAlchemy URL).",
)


def input_options(func: F) -> F:
    """The options that say how to read documents (shared by analyze and ingest)."""
    func = click.option(
        "--published",
        callback=_published,
        help="Publication date (ISO) for documents that do not give one.",
    )(func)
    func = click.option("--url", help="URL for documents that do not give one.")(func)
    func = click.option(
        "--as",
        "kind",
        type=click.Choice(["auto", "html", "text"]),
        default="auto",
        show_default=True,
        help="Read files as HTML or plain text instead of deciding from the content.",
    )(func)
    return click.argument("paths", nargs=-1, required=True)(func)


def format_option(choices: Iterable[str], default: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="Output format.",
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="dateline")
def cli() -> None:
    """Turn news into event data: clean articles, actors, quotes and events.

    PATH arguments are files, directories (read recursively), JSON Lines files, or - for
    standard input. Exit status: 0 all ok, 1 some document failed, 2 usage error.
    """


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

    options = Options(kind=kind, url=url, published=published)  # type: ignore[arg-type]
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
    db: str,
    quiet: bool,
) -> None:
    """Analyze documents and store them in a database (re-ingesting changes nothing)."""
    from dateline.options import Options
    from dateline.pipeline import analyze_all
    from dateline.sources import iter_documents
    from dateline.store import Store

    options = Options(kind=kind, url=url, published=published)  # type: ignore[arg-type]
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


def _load(module: str, *names: str) -> list[Any]:
    """Import the functions of a heavy or optional module only when its command runs."""
    import importlib

    try:
        loaded = importlib.import_module(module)
        return [getattr(loaded, name) for name in names]
    except (ImportError, AttributeError) as exc:
        raise click.ClickException(
            f"E900 cannot load {module} ({exc}); the eval extra may be missing: "
            "pip install 'dateline[eval]'"
        ) from None


def _data_root(value: Path | None) -> Path:
    if value is not None:
        return value
    from dateline.eval.datasets import default_root

    return default_root()


def _sets(_ctx: click.Context, _param: click.Parameter, value: str) -> list[str]:
    chosen = [s.strip() for s in value.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in EXTRACTION_SETS]
    if unknown or not chosen:
        raise click.BadParameter(
            f"unknown set {', '.join(unknown) or '(none)'}; choose from {','.join(EXTRACTION_SETS)}"
        )
    return chosen


data_option = click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Directory of the development sets (default: ../shared/data/extraction).",
)
limit_option = click.option(
    "--limit", type=int, default=None, callback=_not_negative, help="At most N pages per set."
)


@cli.group("eval")
def eval_group() -> None:
    """Measure quality against gold sets."""


@eval_group.command("extraction")
@data_option
@click.option(
    "--sets",
    default=",".join(EXTRACTION_SETS),
    show_default=True,
    callback=_sets,
    help="Comma-separated sets to score.",
)
@limit_option
@quiet_option
@handle_errors
def eval_extraction(data: Path | None, sets: list[str], limit: int | None, quiet: bool) -> None:
    """Score article extraction on the development sets."""
    evaluate, report = _load("dateline.eval.extraction", "evaluate", "report")
    result = evaluate(_data_root(data), sets, limit, show_progress(quiet))
    click.echo(report(result))


@cli.group()
def bench() -> None:
    """Measure speed."""


@bench.command("extraction")
@data_option
@limit_option
@handle_errors
def bench_extraction(data: Path | None, limit: int | None) -> None:
    """Extraction throughput against bare trafilatura on the same pages."""
    run, report_bench = _load("dateline.eval.bench", "bench_extraction", "report_bench")
    click.echo(report_bench(run(_data_root(data), limit)))


@cli.group()
def train() -> None:
    """Fit the models dateline ships."""


@train.command("lines")
@data_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the model (default: the one shipped in the package).",
)
@limit_option
@handle_errors
def train_lines(data: Path | None, out: Path | None, limit: int | None) -> None:
    """Train the line classifier for plain-text page dumps; print its scores."""
    from dateline.output import dumps

    [model_file] = _load("dateline.extract.lines.model", "MODEL_FILE")
    [run] = _load("dateline.extract.lines.train", "train")
    if out is None:
        out = Path(__file__).resolve().parent / "data" / "lines" / model_file
    click.echo(dumps(run(_data_root(data), out, limit), pretty=True))


def main(argv: list[str] | None = None) -> None:
    """The console script."""
    cli.main(args=argv, prog_name="dateline")


if __name__ == "__main__":
    main()
