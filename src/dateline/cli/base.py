"""The ``dateline`` command group and what its commands share (options, output, errors).

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
from typing import Any, TextIO, TypeVar, cast

import click

from dateline.errors import DatelineError, UsageError
from dateline.model import Analysis
from dateline.options import Options
from dateline.version import __version__

#: The library's defaults, which the command-line options show and keep.
_DEFAULTS = Options()

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
    from dateline.dates import stated_date

    normalised = stated_date(value)
    if normalised is None:
        raise click.BadParameter(
            f"{value!r} is not a whole date; give an ISO date or date-time (like 2024-03-01 "
            "or 2024-03-01T09:30:00+01:00)"
        )
    return normalised


def _url(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    # as a JSON Lines record's "url" is checked (E105): one that does not split into parts
    # would be stored and break what reads it later (the GDELT export's host column)
    from dateline.sources.urls import usable_url

    if value is not None and not usable_url(value):
        raise click.BadParameter(
            f"{value[:200]!r} is not a URL (check the brackets of an IPv6 host and the port)"
        )
    return value


def _country(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    # stored countries are ISO 3166-1 alpha-3: a name or a two-letter code would select
    # nothing without a word
    if value is None:
        return None
    if not (len(value) == 3 and value.isascii() and value.isalpha()):
        raise click.BadParameter(
            f"{value!r} is no ISO 3166-1 alpha-3 code; give three letters, like UKR or BRA"
        )
    return value.upper()


def _cameo_code(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    # CAMEO event codes are 2 to 4 digits ("04", "042", "0421"): "4" or "consult" would
    # select nothing without a word
    if value is None:
        return None
    if not (2 <= len(value) <= 4 and value.isascii() and value.isdigit()):
        raise click.BadParameter(
            f"{value!r} is no CAMEO event code; give its 2 to 4 digits, like 04 or 042 "
            "(--plover takes an event type)"
        )
    return value


def _plover_type(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    # a name that is no PLOVER type ("MEET") would select nothing without a word; the older
    # names of the manual's drafts ("DEMAND", "FIGHT") select their PLOVER 2 type
    if value is None:
        return None
    from dateline.events.ontology import PLOVER_TYPES, normalize_plover

    name = normalize_plover(value)
    if name not in PLOVER_TYPES:
        raise click.BadParameter(
            f"{value!r} is no PLOVER event type; give one of {', '.join(PLOVER_TYPES)}"
        )
    return name


def _not_negative(_ctx: click.Context, _param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 0:
        raise click.BadParameter("must be zero or more")
    return value


quiet_option = click.option(
    "--quiet", "-q", is_flag=True, help="No progress bar (also off when stderr is not a TTY)."
)
workers_option = click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Analyze in N processes, each loading the model once (same records as one).",
)
db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    help="SQLite database file (or a SQLAlchemy URL).",
)


#: How to read documents, and whether and with which model to run the NLP stages (shared by
#: analyze, ingest and spark).
kind_option = click.option(
    "--as",
    "kind",
    type=click.Choice(["auto", "html", "text"]),
    default="auto",
    show_default=True,
    help="Read files as HTML or plain text instead of deciding from the content.",
)
no_nlp_option = click.option(
    "--no-nlp",
    "no_nlp",
    is_flag=True,
    help="Extract articles only: no entities, quotes or events (much faster).",
)
all_modalities_option = click.option(
    "--all-modalities",
    is_flag=True,
    help="Keep negated, hypothetical, planned, quoted, ongoing, agentless, reflexive and "
    "background events in the record too (each with its modality); by default only "
    "asserted events.",
)
model_option = click.option(
    "--model",
    default=None,
    help="spaCy pipeline (package or directory) for the NLP stages; default: "
    "$DATELINE_SPACY_MODEL, else the installed English model.",
)


def input_options(func: F) -> F:
    """The options that say how to read documents (shared by analyze and ingest)."""
    func = click.option(
        "--published",
        callback=_published,
        help="Publication date (ISO) for documents that do not give one.",
    )(func)
    func = model_option(no_nlp_option(all_modalities_option(func)))
    func = click.option(
        "--max-seconds",
        type=click.FloatRange(min=0),
        default=_DEFAULTS.max_seconds,
        show_default=True,
        help="Give a document up (E304) after this many seconds of extraction, and again of "
        "entities, quotes and events; 0: no limit.",
    )(func)
    func = click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=_DEFAULTS.max_bytes,
        show_default=True,
        help="Refuse a document larger than this many bytes (E106).",
    )(func)
    func = click.option("--url", callback=_url, help="URL for documents that do not give one.")(
        func
    )
    func = kind_option(func)
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
