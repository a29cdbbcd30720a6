"""Audit the provenance column of the event coder's and the quote finder's shipped tables and
of the actors stage's sector words (run by the test suite).

Development tooling: it reads the tune/check split (:mod:`dateline_dev.eval.split`), which an
analysis never needs. The column's format is :mod:`dateline.events.provenance`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from dateline.events import ontology
from dateline.events.provenance import ProvenanceError, parse
from dateline_dev.eval.split import half_of


def tables() -> list[Path]:
    """The shipped knowledge tables the event coder and the quote finder read, each with a
    provenance column (the actors stage's sector words among them)."""
    data = Path(str(resources.files("dateline").joinpath("data")))
    root = data / "events"
    events = sorted(p for d in ("lexicon", "frames", "coder") for p in (root / d).glob("*.tsv"))
    return [*events, data / "actors" / "sectors.tsv", *sorted((data / "quotes").glob("*.tsv"))]


def audit(path: Path) -> list[str]:
    """What is wrong with the provenance of one table (empty when nothing): no provenance
    column, a row without provenance, an unknown kind, an unknown CAMEO code, or a
    development item from the check half."""
    onto = ontology.default()
    problems: list[str] = []
    column: int | None = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        where = f"{path.name}:{lineno}"
        if column is None:
            if "provenance" not in cells:
                return [f"{where}: the header has no provenance column"]
            column = cells.index("provenance")
            continue
        cell = cells[column].strip() if column < len(cells) else ""
        try:
            sources = parse(cell)
        except ProvenanceError as exc:
            problems.append(f"{where}: {exc}")
            continue
        if not sources:
            problems.append(f"{where}: no provenance for {cells[0]!r}")
        for source in sources:
            if source.kind == "cameo" and source.value not in onto:
                problems.append(f"{where}: {source} is not a CAMEO code")
            if source.is_dev_item and half_of(source.kind, source.value) != "tune":
                problems.append(f"{where}: {source} is a check-half item (only scorers read it)")
    return problems
