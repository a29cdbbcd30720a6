"""The ``dateline`` command: thin commands over the library.

Exit status: 0 when every document was analyzed; 1 when any document failed (each failure
is one ``input_id: CODE message`` line on standard error) or the command could not run
(``Error: CODE message``); 2 for a usage error (bad option or argument).
"""

from __future__ import annotations

from dateline.cli import documents, export, measure, query, serve, spark, watch
from dateline.cli.base import cli

__all__ = ["cli", "main"]

del documents, export, measure, query, serve, spark, watch  # imported to register their commands


def main(argv: list[str] | None = None) -> None:
    """The console script."""
    cli.main(args=argv, prog_name="dateline")


if __name__ == "__main__":
    main()
