"""The driver script for spark-submit: ``spark-submit [...] spark_submit.py --input M --output D``.

spark-submit runs a file, not a module; this file is that file (``python -c "import
dateline.spark_submit as s; print(s.__file__)"`` prints its path), and ``python -m
dateline.spark_submit`` runs it as a module. It takes the options of ``dateline spark``: it is
a face, like the CLI it calls; the library job (``dateline.spark``) knows neither. See
docs/spark.md.
"""

import os
import sys

# Run as a script, Python puts this file's directory (the dateline package itself) first on
# sys.path, where its modules would shadow top-level ones: take it off before importing.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]

from dateline.cli import cli  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    """The ``dateline spark`` command, with the arguments spark-submit passed."""
    cli.main(args=["spark", *(argv if argv is not None else sys.argv[1:])], prog_name="dateline")


if __name__ == "__main__":
    main()
