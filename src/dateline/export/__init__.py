"""Exports of a store in the formats event-data users already read.

    with Store.open("dateline.db", create=False) as store:
        result = export(store, "gdelt", "out/", since="2024-03-01")
        print(result.paths, result.rows)

Formats and what ``out`` is for each:

=========  ==========================================================================
gdelt      a directory: ``PREFIX.export.CSV`` (61 columns) and ``PREFIX.mentions.CSV``
           (16 columns), tab-separated, no header (see ``dateline.export.gdelt``)
plover     a file (``plover.jsonl`` inside ``out`` when it is a directory) or a text
           stream: PLOVER event records, JSON Lines (``dateline.export.plover``)
parquet    a directory: ``articles``, ``entities``, ``quotes``, ``events`` ``.parquet``
csv        a directory: the same four tables as ``.csv`` with a header row
jsonl      a file (``records.jsonl`` inside a directory) or a text stream: the full
           analysis records, one per line
=========  ==========================================================================

Every format makes the directories it writes into when they are missing (a file in the
way is refused with E503). Filters (``since``, ``until``, ``country``, ``code``) are
described in ``dateline.export.records``. Tone comes from the stored record when it has one
(``article.tone``, ``event.tone``), else it is computed here with ``dateline.tone``.
"""

from __future__ import annotations

import functools
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from dateline.errors import StoreError, UsageError
from dateline.export.gdelt import Stories
from dateline.export.records import article_selected, iter_records, parse_filters
from dateline.store import Store

FORMATS: tuple[str, ...] = ("gdelt", "plover", "parquet", "csv", "jsonl")
#: Formats written as one file (or to a stream), with the file name used inside a directory.
SINGLE_FILE = {"plover": "plover.jsonl", "jsonl": "records.jsonl"}
_COUNTED = {"plover": "events", "jsonl": "records"}


class ExportError(StoreError):
    """The export's output cannot be written (E503)."""

    code = "E503"


@dataclass(slots=True)
class ExportResult:
    format: str
    paths: list[Path] = field(default_factory=list)
    #: rows written: events for gdelt and plover, records for jsonl, per table otherwise
    rows: dict[str, int] = field(default_factory=dict)


def _directory(out: Path) -> Path:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create the output directory {out}: {exc.strerror}") from None
    if not out.is_dir():
        raise ExportError(f"{out} is a file; give a directory for this format")
    try:  # fail before the work, with the reason, not halfway through the files
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise ExportError(f"cannot write into {out}: {exc.strerror}") from None
    return out


def _file(raw: str, name: str) -> Path:
    out = Path(raw)
    if out.is_dir() or raw.endswith(("/", os.sep)):
        out = _directory(out) / name
    elif not out.parent.is_dir():
        # as the directory formats do: a missing directory is made, a file in the way refused
        _make_parent(out)
    if not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise ExportError(f"cannot write {out}: permission denied")
    return out


def _make_parent(out: Path) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create the directory for {out}: {exc.strerror or exc}") from None


def load_stories(store: Store) -> Stories | None:
    """The store's stories for the GDELT export, or None when it keeps none."""
    if not callable(getattr(store, "stories", None)):
        return None
    try:
        of = {
            (str(row["article_id"]), int(row["n"])): int(row["story_id"])
            for row in store.events(limit=None)
            if row.get("story_id") is not None
        }
        if not of:
            return None
        counts = {
            int(row["id"]): (
                int(row["num_mentions"]),
                int(row["num_sources"]),
                int(row["num_articles"]),
            )
            for row in store.stories(limit=None)
        }
    except (StoreError, KeyError, TypeError, ValueError):
        return None  # a store without (working) stories: count per article
    return Stories(of, counts)


def export(
    store: Store,
    fmt: str,
    out: str | os.PathLike[str] | TextIO,
    *,
    prefix: str | None = None,
    stories: bool = True,
    **filters: Any,
) -> ExportResult:
    """Export the stored records in format ``fmt`` to ``out``; see the module docs.

    ``prefix`` names the GDELT files (default: the newest DATEADDED, YYYYMMDDHHMMSS). With
    ``stories`` (the default) a GDELT event row stands for one story, however many articles
    report it, when the store groups events into stories; without, one row per article.
    """
    from dateline.export import gdelt, plover, tables

    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if prefix is not None and (not prefix.strip(".") or any(c in prefix for c in "/\\\0")):
        # a name, not a path: '../x' would write beside the output directory
        raise UsageError(f"the GDELT file prefix {prefix!r} must be a file name, not a path")
    selected = parse_filters(**filters)
    records = iter_records(store, selected)
    result = ExportResult(fmt)
    if fmt in SINGLE_FILE:
        if fmt == "plover":
            write = plover.write_plover
        else:
            write = tables.write_jsonl
            records = (r for r in records if article_selected(r, selected))
        if not isinstance(out, str | os.PathLike):
            result.rows[_COUNTED[fmt]] = write(records, out)
            return result
        path = _file(os.fspath(out), SINGLE_FILE[fmt])
        try:
            with path.open("w", encoding="utf-8") as handle:
                result.rows[_COUNTED[fmt]] = write(records, handle)
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc.strerror}") from None
        result.paths.append(path)
        return result
    if not isinstance(out, str | os.PathLike):
        raise ExportError(f"the {fmt} export writes several files; give a directory")
    directory = _directory(Path(out))
    try:
        if fmt == "gdelt":
            grouped = load_stories(store) if stories else None
            result.paths, result.rows = gdelt.write_gdelt(records, directory, prefix, grouped)
        else:
            keep = functools.partial(article_selected, filters=selected)
            result.paths, result.rows = tables.write_tables(records, directory, fmt, keep)
    except OSError as exc:
        raise ExportError(f"cannot write into {directory}: {exc.strerror}") from None
    return result


__all__ = ["FORMATS", "ExportError", "ExportResult", "export", "load_stories"]
