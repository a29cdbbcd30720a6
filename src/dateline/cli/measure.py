"""``eval``, ``bench`` and ``train``: measuring quality and speed, fitting shipped models."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from dateline.cli.base import (
    EXTRACTION_SETS,
    _not_negative,
    cli,
    handle_errors,
    quiet_option,
    show_progress,
)

F = TypeVar("F", bound=Callable[..., Any])


#: What a command needs that a plain ``pip install .`` leaves out, and how to get it.
_NO_TOOLS = (
    "E002 eval, bench and train need dateline's development tools (the dateline_dev package: "
    "scorers, benchmarks, model fitting), which `pip install .` leaves out. Install from a "
    "source checkout: pip install -e '.[dev]' (make test does this)"
)
_NO_EXTRA = "E002 {module} needs {missing}, which is not installed: pip install -e '.[dev]'"


def _load(module: str, *names: str) -> list[Any]:
    """Import the functions of a tooling module only when its command runs, or say what to
    install: the dateline_dev package (source checkouts only) or an extra it needs."""
    import importlib

    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and exc.name.split(".")[0] == "dateline_dev":
            raise click.ClickException(_NO_TOOLS) from None
        raise click.ClickException(
            _NO_EXTRA.format(module=module, missing=exc.name or "a package")
        ) from None
    return [getattr(loaded, name) for name in names]


def _data_root(value: Path | None) -> Path:
    if value is not None:
        return value
    [default_root] = _load("dateline_dev.eval.datasets", "default_root")
    path: Path = default_root()
    return path


def _sets(_ctx: click.Context, _param: click.Parameter, value: str) -> list[str]:
    chosen = [s.strip() for s in value.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in EXTRACTION_SETS]
    if unknown or not chosen:
        raise click.BadParameter(
            f"unknown set {', '.join(unknown) or '(none)'}; choose from {','.join(EXTRACTION_SETS)}"
        )
    return chosen


def _path_option(flag: str, help: str, *, directory: bool) -> Callable[[F], F]:
    """An optional path option: a directory, or a file when ``directory`` is False."""
    kind = click.Path(file_okay=not directory, dir_okay=directory, path_type=Path)
    return click.option(flag, type=kind, default=None, help=help)


data_option = click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Directory of the development sets (default: ../shared/data/extraction).",
)
out_option = click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the model (default: the one shipped in the package).",
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
@click.option(
    "--pages",
    type=int,
    default=0,
    callback=_not_negative,
    help="Also list the N pages where we keep least of the gold body against trafilatura "
    "(our recall over its recall); pages under half of its recall are always listed.",
)
@quiet_option
@handle_errors
def eval_extraction(
    data: Path | None, sets: list[str], limit: int | None, pages: int, quiet: bool
) -> None:
    """Score article extraction on the development sets, whole and in their tune and check
    halves, beside bare trafilatura with our settings (include_comments=False)."""
    evaluate, report = _load("dateline_dev.eval.extraction", "evaluate", "report")
    result = evaluate(_data_root(data), sets, limit, show_progress(quiet))
    click.echo(report(result, pages))


def _shared_default(*parts: str) -> Path:
    [default_root] = _load("dateline_dev.eval.datasets", "default_root")
    # default_root() is .../shared/data/extraction; the other gold sets sit beside it
    return default_root().parent.joinpath(*parts)


@eval_group.command("quotes")
@_path_option(
    "--polnear",
    "PolNeAR directory with train/ and dev/ (default: ../shared/data/quotes/polnear).",
    directory=True,
)
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True)
@click.option("--limit", type=int, default=None, callback=_not_negative, help="At most N texts.")
@handle_errors
def eval_quotes(polnear: Path | None, split: str, limit: int | None) -> None:
    """Score quotes and speakers against PolNeAR's brat attributions."""
    evaluate, report = _load("dateline_dev.eval.quotes", "evaluate", "report")
    root = polnear or _shared_default("quotes", "polnear")
    if not (root / split).is_dir():
        raise click.ClickException(f"E101 no PolNeAR {split} split under {root}; pass --polnear")
    click.echo(report(evaluate(root, split, limit)))


@eval_group.command("events")
@_path_option(
    "--plover",
    "PLOVER gold sentences (default: ../shared/data/events/plover-gsr/dev.json).",
    directory=False,
)
@_path_option(
    "--seed",
    "Directory with gold.json and its document (default: ../shared/seed when present).",
    directory=True,
)
@click.option(
    "--plv",
    "plv",
    is_flag=True,
    help="Score PLV sentences instead (type, top type, marked source/target, per-type F1).",
)
@_path_option(
    "--plv-file",
    "The PLV TSV file for --plv (default: ../shared/data/events/plv/train.tsv).",
    directory=False,
)
@click.option("--limit", type=int, default=None, callback=_not_negative, help="At most N rows.")
@click.option("--explain", is_flag=True, help="With --plv: list the tune-half rows missed.")
@handle_errors
def eval_events(
    plover: Path | None,
    seed: Path | None,
    plv: bool,
    plv_file: Path | None,
    limit: int | None,
    explain: bool,
) -> None:
    """Score event types and actor countries against PLOVER gold sentences; the false-event
    rate over the bundled examples and the seed; the event stage's time against the NLP's.
    With --plv, score PLV sentences. Figures for the tune and check halves and all."""
    if plv or plv_file is not None:
        evaluate_plv, report_plv = _load("dateline_dev.eval.plv", "evaluate", "report")
        path = plv_file or _shared_default("events", "plv", "train.tsv")
        if not path.is_file():
            raise click.ClickException(f"E101 no PLV file at {path}; pass --plv-file")
        click.echo(report_plv(evaluate_plv(path, limit), explain=explain))
        return
    evaluate, examples, speed, report = _load(
        "dateline_dev.eval.events", "evaluate", "evaluate_examples", "speed", "report"
    )
    path = plover or _shared_default("events", "plover-gsr", "dev.json")
    if not path.is_file():
        raise click.ClickException(f"E101 no PLOVER gold file at {path}; pass --plover")
    candidate = seed or _shared_default("..", "seed")
    seed_dir = candidate if (candidate / "gold.json").is_file() else None
    click.echo(report(evaluate(path)))
    click.echo(report(examples(seed_dir)))
    click.echo(report(speed(seed_dir)))


@eval_group.command("articles")
@_path_option(
    "--gold",
    "Directory of naeb-*.json gold articles (default: ../shared/data/articles-gold-dev).",
    directory=True,
)
@click.option("--ids", default=None, help="Comma-separated article ids to score (default: all).")
@click.option(
    "--all-modalities",
    is_flag=True,
    help="Count every event, not only those the record exports by default (asserted).",
)
@click.option(
    "--explain",
    is_flag=True,
    help="List missed quotes and events, false ones and wrong speakers (see --half).",
)
@click.option(
    "--half",
    type=click.Choice(["tune", "check", "all"]),
    default="tune",
    show_default=True,
    help="Whose misses --explain lists: the check half is read as figures, not as errors to fix.",
)
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@handle_errors
def eval_articles(
    gold: Path | None,
    ids: str | None,
    all_modalities: bool,
    explain: bool,
    half: str,
    as_json: bool,
) -> None:
    """Score whole articles: direct and indirect quotes with speakers, events with their sides,
    dates and places, people with country and sector; per article, per half and in total."""
    evaluate, report, counted = _load(
        "dateline_dev.eval.articles", "evaluate", "report", "COUNTED_MODALITIES"
    )
    root = gold or _shared_default("articles-gold-dev")
    if not root.is_dir():
        raise click.ClickException(f"E101 no gold articles under {root}; pass --gold")
    chosen = [i.strip() for i in ids.split(",") if i.strip()] if ids else None
    result = evaluate(root, ids=chosen, modalities=None if all_modalities else counted)
    if as_json:
        from dateline.output import dumps

        click.echo(dumps(result, pretty=True))
        return
    if explain and half != "all":
        for article in result["per_article"]:
            if article["half"] != half:
                article["explain"] = []
    click.echo(report(result, explain=explain))


@cli.group()
def bench() -> None:
    """Measure speed."""


@bench.command("extraction")
@data_option
@limit_option
@handle_errors
def bench_extraction(data: Path | None, limit: int | None) -> None:
    """Extraction throughput against bare trafilatura on the same pages."""
    run, report_bench = _load("dateline_dev.eval.bench", "bench_extraction", "report_bench")
    click.echo(report_bench(run(_data_root(data), limit)))


@bench.command("nlp")
@click.option(
    "--polnear",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="PolNeAR directory whose dev texts are timed (default: ../shared/data/quotes/polnear;"
    " the bundled examples are always timed).",
)
@click.option("--limit", type=int, default=None, callback=_not_negative, help="At most N texts.")
@click.option(
    "--repeat", type=int, default=3, show_default=True, help="Runs per step (fastest counts)."
)
@handle_errors
def bench_nlp(polnear: Path | None, limit: int | None, repeat: int) -> None:
    """What actors, quotes and events add to the NLP stage's time on the same text."""
    run, report_nlp = _load("dateline_dev.eval.bench_nlp", "bench_nlp", "report_nlp")
    root = polnear or _shared_default("quotes", "polnear")
    click.echo(report_nlp(run(root if root.is_dir() else None, limit, repeat)))


@bench.command("pipeline")
@data_option
@limit_option
@click.option(
    "--memory-pages",
    type=int,
    default=2000,
    show_default=True,
    help="Pages of the large run compared with a 200-page run for flat memory "
    "(200 or fewer: no memory runs, the speed runs only).",
)
@click.option(
    "--memory-only",
    is_flag=True,
    help="Only the flat-memory runs: one worker over 200, 1,000 and --memory-pages pages.",
)
@handle_errors
def bench_pipeline(
    data: Path | None, limit: int | None, memory_pages: int, memory_only: bool
) -> None:
    """End to end (HTML to SQLite) against trafilatura + spaCy alone; 1 vs 2 workers; memory."""
    if memory_only:
        run_memory, report_memory = _load(
            "dateline_dev.eval.bench_pipeline", "bench_memory", "report_memory"
        )
        click.echo(report_memory(run_memory(_data_root(data), (200, 1000, memory_pages))))
        return
    run, report = _load("dateline_dev.eval.bench_pipeline", "bench_pipeline", "report_pipeline")
    click.echo(report(run(_data_root(data), limit, memory_pages)))


@bench.command("web")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite store to serve (default: a temporary one with --events events built in it).",
)
@click.option("--events", type=int, default=10_000, show_default=True, help="Events to build.")
@click.option("--clients", type=int, default=20, show_default=True)
@click.option("--seconds", type=float, default=20.0, show_default=True)
@handle_errors
def bench_web(db: Path | None, events: int, clients: int, seconds: float) -> None:
    """A bounded loopback load test of the events API: latency percentiles and errors."""
    import tempfile

    from dateline.output import dumps

    [run_load] = _load("dateline_dev.loadtest", "run_load")
    with tempfile.TemporaryDirectory(prefix="dateline-load-") as tmp:
        target = db or Path(tmp) / "load.db"
        build = events if db is None or not db.exists() else None
        click.echo(dumps(run_load(target, clients, seconds, build_events=build), pretty=True))


@bench.command("watch")
@click.option("--sources", type=click.IntRange(1), default=20, show_default=True)
@click.option("--items", type=click.IntRange(1), default=30, show_default=True, help="Per feed.")
@click.option("--hosts", type=click.IntRange(1), default=4, show_default=True)
@click.option("--cycles", type=click.IntRange(1), default=10, show_default=True)
@handle_errors
def bench_watch(sources: int, items: int, hosts: int, cycles: int) -> None:
    """Share of a watch cycle spent outside fetching and analysis when nothing is new."""
    from dateline.output import dumps

    [run] = _load("dateline_dev.eval.bench_watch", "bench_watch")
    click.echo(dumps(run(sources, items, hosts, cycles), pretty=True))


@cli.group()
def train() -> None:
    """Fit the models dateline ships."""


@train.command("lines")
@data_option
@out_option
@limit_option
@handle_errors
def train_lines(data: Path | None, out: Path | None, limit: int | None) -> None:
    """Train the line classifier for plain-text page dumps; print its scores."""
    from dateline.output import dumps

    [model_file] = _load("dateline.extract.lines.model", "MODEL_FILE")
    [run] = _load("dateline_dev.train_lines", "train")
    if out is None:
        out = Path(__file__).resolve().parent.parent / "data" / "lines" / model_file
    click.echo(dumps(run(_data_root(data), out, limit), pretty=True))


@train.command("events")
@click.option(
    "--shared",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The shared data directory holding events/ and articles-gold-dev/ "
    "(default: ../shared/data).",
)
@out_option
@click.option(
    "--cache",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A JSON Lines file of gathered candidates: read when it exists, else written "
    "(refitting without parsing again; delete it after changing the features).",
)
@limit_option
@handle_errors
def train_events(
    shared: Path | None, out: Path | None, cache: Path | None, limit: int | None
) -> None:
    """Fit the event scorer on the tune halves; print its out-of-fold figures."""
    from dateline.output import dumps

    [run] = _load("dateline_dev.train_events", "train")
    click.echo(dumps(run(shared, out, limit, cache), pretty=True))


@train.command("quote-edges")
@_path_option(
    "--polnear",
    "PolNeAR directory with train/ (default: ../shared/data/quotes/polnear).",
    directory=True,
)
@out_option
@limit_option
@handle_errors
def train_quote_edges(polnear: Path | None, out: Path | None, limit: int | None) -> None:
    """Fit the attribution content-edge chooser on PolNeAR train; print its out-of-fold
    figures."""
    from dateline.output import dumps

    [run] = _load("dateline_dev.train_quote_edges", "train")
    click.echo(dumps(run(polnear, out, limit), pretty=True))
