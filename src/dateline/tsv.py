"""The one reader of the package's tab-separated data files (lexicons, gazetteer, tables).

Every table has the same shape: ``#`` comment lines and blank lines, a header line, then one
row a line, its cells split on tabs. :func:`rows` reads one; a row of the wrong width (or with
an empty cell that must be filled) raises :class:`TableError`, naming the file and the line,
which each stage turns into its own error where it has one.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal


class TableError(ValueError):
    """A row of a table with the wrong number of cells, or an empty cell that must be filled."""

    def __init__(self, path: Path | Traversable, number: int, line: str, cells: list[str]) -> None:
        self.path = path
        self.number = number  # the line's number in the file, from 1 (comments counted)
        self.line = line
        self.cells = cells
        super().__init__(f"{path}, line {number}: malformed row {line!r} ({len(cells)} cells)")


def rows(
    path: Path | Traversable,
    ncols: int | None = None,
    *,
    strip: bool = False,
    filled: tuple[int, ...] = (),
    header: Literal["skip", "keep", "check"] = "skip",
) -> Iterator[list[str]]:
    """The rows of the table at ``path``, read as they are asked for (so the first bad line
    of the file is the one reported). The file is read at the call; an ``OSError`` is the
    caller's to report.

    ``ncols``: the number of cells every row must have (None: any); ``strip``: strip each
    cell's spaces; ``filled``: the indexes of cells that must not be empty; ``header``: what
    becomes of the header line: left out (``skip``), given as the first row as it is
    (``keep``), or given as the first row and checked like the others (``check``).
    """
    text = path.read_text(encoding="utf-8")
    return _rows(path, text, ncols, strip, filled, header)


def _rows(
    path: Path | Traversable,
    text: str,
    ncols: int | None,
    strip: bool,
    filled: tuple[int, ...],
    header: str,
) -> Iterator[list[str]]:
    unchecked_header = header != "check"
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if strip:
            cells = [c.strip() for c in cells]
        if unchecked_header:
            unchecked_header = False
            if header == "keep":
                yield cells
            continue
        if (ncols is not None and len(cells) != ncols) or not all(cells[i] for i in filled):
            raise TableError(path, number, line, cells)
        yield cells
