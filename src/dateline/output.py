"""Writing records for people and programs: ``--format json|jsonl|table|csv``.

Writers stream: each record is written as it comes (a table is the exception: it needs every
row to size its columns). Records are plain dicts; lists are kept in JSON and joined with
``"; "`` in tables and CSV. CSV cells that would start a spreadsheet formula are escaped
(``formula_safe``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any, Protocol, TextIO

from rich.box import Box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.model import Analysis

FORMATS = ("table", "json", "jsonl", "csv")

#: Columns of ``dateline analyze --format table``.
SUMMARY_COLUMNS = ("input_id", "status", "published", "words", "title / error")


class Writer(Protocol):
    def write(self, row: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


def dumps(obj: Any, *, pretty: bool = False) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)


class JsonStreamWriter:
    """One pretty JSON object per record (what ``dateline analyze`` prints by default)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, row: dict[str, Any]) -> None:
        self.out.write(dumps(row, pretty=True) + "\n")
        self.out.flush()

    def close(self) -> None:
        pass


class JsonArrayWriter:
    """A JSON array of records, streamed (query results: ``articles``, ``search``)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def write(self, row: dict[str, Any]) -> None:
        self.out.write(("[\n" if self.count == 0 else ",\n") + _indent(dumps(row, pretty=True)))
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")


class JsonLinesWriter:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, row: dict[str, Any]) -> None:
        self.out.write(dumps(row) + "\n")
        self.out.flush()

    def close(self) -> None:
        pass


class CsvWriter:
    def __init__(self, out: TextIO, columns: Sequence[str] | None = None) -> None:
        self.out = out
        self.columns = list(columns) if columns else None
        self.writer: Any = None

    def write(self, row: dict[str, Any]) -> None:
        if self.writer is None:
            self.columns = self.columns or list(row)
            self.writer = csv.writer(self.out, lineterminator="\n")
            self.writer.writerow(self.columns)
        assert self.columns is not None
        self.writer.writerow([csv_cell(row.get(c)) for c in self.columns])

    def close(self) -> None:
        if self.writer is None and self.columns:
            csv.writer(self.out, lineterminator="\n").writerow(self.columns)


#: A plain table: a rule of dashes under the header, columns two spaces apart, no frame.
_PLAIN = Box("    \n    \n -  \n    \n    \n    \n    \n    \n", ascii=True)


class TableWriter:
    """A plain-text table with aligned columns, laid out by rich.

    Long cells are cut to ``width`` characters, except identifiers (``KEEP_WHOLE``), which a
    reader needs whole to look a row up. Cells are text, never rich markup.
    """

    KEEP_WHOLE = frozenset({"id", "input_id", "url"})

    def __init__(self, out: TextIO, columns: Sequence[str] | None = None, width: int = 60) -> None:
        self.out = out
        self.columns = list(columns) if columns else None
        self.width = width
        self.rows: list[list[str]] = []

    def write(self, row: dict[str, Any]) -> None:
        self.columns = self.columns or list(row)
        self.rows.append(
            [
                cell(row.get(c), limit=100_000 if c in self.KEEP_WHOLE else self.width)
                for c in self.columns
            ]
        )

    def close(self) -> None:
        if not self.columns:
            return
        table = Table(box=_PLAIN, show_edge=False, pad_edge=False, header_style="", expand=False)
        for name in self.columns:
            table.add_column(Text(name), no_wrap=True, overflow="ignore")
        for row in self.rows:
            table.add_row(*(Text(value) for value in row))
        # as wide as the table needs: rows are cut by cell, never wrapped by the terminal
        console = Console(width=1_000_000, color_system=None, highlight=False, emoji=False)
        with console.capture() as captured:
            console.print(table)
        lines = [line.rstrip() for line in captured.get().splitlines()]
        self.out.write("\n".join(lines) + "\n")


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def cell(value: Any, *, limit: int | None) -> str:
    """One value as table or CSV text."""
    if value is None:
        text = ""
    elif isinstance(value, list | tuple):
        text = "; ".join(cell(v, limit=None) for v in value)
    elif isinstance(value, dict):
        text = dumps(value)
    elif isinstance(value, float):
        text = f"{value:.3f}"
    else:
        text = str(value)
    if limit is not None:
        text = " ".join(text.split())
        if len(text) > limit:
            text = text[: limit - 1] + "…"
    return text


#: Leading characters a spreadsheet reads as the start of a formula (CSV injection): a cell
#: of article text such as ``=HYPERLINK(...)`` would run when the file is opened.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(text: str) -> str:
    """Text for a CSV cell that a spreadsheet shows as text: one that starts like a formula
    gets a leading apostrophe (what spreadsheets themselves use to mark text). Every CSV
    dateline writes (``--format csv``, ``export --format csv``, the API's ``.csv``) uses it."""
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_cell(value: Any) -> str:
    """One value as CSV text (see ``cell``), made ``formula_safe`` unless it is a number: a
    negative number is a number, not a formula."""
    text = cell(value, limit=None)
    return text if isinstance(value, int | float) else formula_safe(text)


def make_writer(
    fmt: str, out: TextIO, columns: Sequence[str] | None = None, *, json_array: bool = True
) -> Writer:
    """A writer for ``fmt``; ``json_array=False`` writes json as one object per record."""
    if fmt == "json":
        return JsonArrayWriter(out) if json_array else JsonStreamWriter(out)
    if fmt == "jsonl":
        return JsonLinesWriter(out)
    if fmt == "csv":
        return CsvWriter(out, columns)
    if fmt == "table":
        return TableWriter(out, columns)
    raise ValueError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")


def summary(record: Analysis) -> dict[str, Any]:
    """The one-line view of an analysis record for ``--format table``."""
    if record.error is not None:
        return {
            "input_id": record.input_id,
            "status": record.error.code,
            "published": None,
            "words": None,
            "title / error": record.error.message,
        }
    article = record.article
    return {
        "input_id": record.input_id,
        "status": "ok",
        "published": article.published if article else None,
        "words": len(article.body.split()) if article else 0,
        "title / error": article.title if article else None,
    }


def analysis_schema() -> dict[str, Any]:
    """The JSON Schema of the analysis record, as published in the package."""
    text = (resources.files("dateline") / "schema" / "analysis.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
