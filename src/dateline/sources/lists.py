"""Lists of inputs: an ``@FILE`` argument names a file with one URL or path per line.

``dateline ingest @urls.txt`` reads every line of ``urls.txt`` as if it had been given on
the command line: a URL, a file, a directory, a WARC archive or a feed. Blank lines and
lines whose first non-blank character is ``#`` are skipped (only whole lines: a ``#`` inside
a URL is its fragment). Relative paths are relative to the list file's directory, so a list
can travel with the files it names. ``@-`` reads the list from standard input (paths then
relative to the working directory). Lists do not nest: a line starting with ``@`` is a path.
A file whose name starts with ``@`` is given as ``./@name``.

The list is read lazily, line by line, so a list of millions of URLs costs no memory.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from dateline.sources.base import SourceFailure
from dateline.sources.web import is_url

LIST_PREFIX = "@"


def is_list_argument(name: str) -> bool:
    return name.startswith(LIST_PREFIX) and len(name) > len(LIST_PREFIX)


def read_list(argument: str, stdin: BinaryIO | None = None) -> Iterator[str | SourceFailure]:
    """The entries named by an ``@FILE`` argument, or a SourceFailure for the list itself."""
    name = argument[len(LIST_PREFIX) :]
    if name == "-":
        yield from _entries(stdin if stdin is not None else sys.stdin.buffer, argument, None)
        return
    path = Path(name)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        yield SourceFailure(
            argument, "E101", f"the list file {name} does not exist; check the path after @"
        )
        return
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield SourceFailure(argument, "E100", f"could not read the list file {name}: {reason}")
        return
    with handle:
        yield from _entries(handle, argument, path.parent)


def _entries(stream: BinaryIO, argument: str, base: Path | None) -> Iterator[str | SourceFailure]:
    try:
        for number, raw in enumerate(stream, start=1):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                line = raw.decode("utf-8").strip()
            except UnicodeDecodeError:
                yield SourceFailure(
                    f"{argument}:{number}",
                    "E104",
                    "the line is not UTF-8; save the list file as UTF-8",
                )
                continue
            if not line or line.startswith("#"):
                continue
            if is_url(line) or line == "-" or base is None or Path(line).is_absolute():
                yield line
            else:
                yield str(base / line)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield SourceFailure(argument, "E100", f"could not read the list {argument}: {reason}")
