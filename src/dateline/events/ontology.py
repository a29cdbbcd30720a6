"""The CAMEO event ontology: codes, roots, Goldstein values, QuadClass and PLOVER types.

Everything comes from ``dateline/data/events/cameo.tsv`` (our own table; see its header for the
columns and for where each PLOVER mapping comes from). The table is read and validated once, on
first use; lookups are dictionary reads.

    >>> from dateline.events import ontology
    >>> ontology.code("057").plover
    'SUPPORT'
    >>> ontology.root_of("1121")
    '11'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from dateline.errors import EventDataError

#: The PLOVER 2 event types, the names our records use.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

#: Older PLOVER names (v0.5/0.8 drafts, the PLOVER gold sentences) and their PLOVER 2 name.
PLOVER_ALIASES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

#: The quad category of each PLOVER type, as the PLOVER manual's Table 7.2 numbers them (1
#: verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict). It
#: follows the PLOVER type, so it may differ from the CAMEO QuadClass of the same event: a
#: CAMEO 14 protest is verbal conflict, a PLOVER PROTEST material conflict.
PLOVER_QUADS: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}

#: QuadClass labels as GDELT names them.
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

_COLUMNS = (
    "code",
    "root",
    "name",
    "goldstein",
    "quad_class",
    "plover",
    "plover_mode",
    "plover_context",
    "mapping",
)


class OntologyError(EventDataError):
    """The ontology table is missing, malformed or inconsistent, or a code is unknown."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with everything an event record needs from it."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...] = ()
    mapping: str = "table"

    @property
    def is_root(self) -> bool:
        return len(self.code) == 2

    def record_fields(self) -> dict[str, str | int | float | None]:
        """The fields an event record takes from its code (see the analysis record in DESIGN)."""
        return {
            "cameo": self.code,
            "cameo_root": self.root,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
        }

    @property
    def parent(self) -> str | None:
        """The code one level up ("0211" -> "021", "021" -> "02", "02" -> None)."""
        if len(self.code) == 2:
            return None
        return self.code[:-1] if len(self.code) == 4 else self.code[:2]


def quad_class_of_root(root: str) -> int:
    """GDELT's QuadClass for a two-digit root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4."""
    r = int(root)
    if not 1 <= r <= 20:
        raise OntologyError(f"no CAMEO root {root!r}; roots run from 01 to 20")
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


def normalize_plover(name: str) -> str:
    """A PLOVER type name in PLOVER 2 spelling ("DEMAND" -> "REQUEST", "fight" -> "ASSAULT")."""
    upper = name.strip().upper()
    return PLOVER_ALIASES.get(upper, upper)


def data_path() -> Path:
    return Path(str(resources.files("dateline").joinpath("data/events/cameo.tsv")))


class Ontology:
    """The loaded table; use :func:`default` rather than building one per call."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    @classmethod
    def from_file(cls, path: Path) -> Ontology:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise OntologyError(f"cannot read the CAMEO table {path}: {exc}") from exc
        return cls(parse_table(text, str(path)))

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def code(self, code: str) -> CameoCode:
        try:
            return self._codes[code.strip()]
        except KeyError:
            raise OntologyError(
                f"unknown CAMEO code {code!r}; see dateline/data/events/cameo.tsv"
            ) from None

    def get(self, code: str) -> CameoCode | None:
        return self._codes.get(code.strip())

    def codes(self) -> list[str]:
        return list(self._codes)

    def children(self, code: str) -> list[CameoCode]:
        return [c for c in self._codes.values() if c.parent == code]


def parse_table(text: str, origin: str = "cameo.tsv") -> dict[str, CameoCode]:
    """Parse and validate the TSV text of the ontology table."""
    codes: dict[str, CameoCode] = {}
    header: list[str] | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = cells
            if tuple(header) != _COLUMNS:
                raise OntologyError(f"{origin}:{lineno}: expected columns {_COLUMNS}, got {cells}")
            continue
        if len(cells) != len(_COLUMNS):
            raise OntologyError(f"{origin}:{lineno}: expected {len(_COLUMNS)} cells")
        row = dict(zip(_COLUMNS, cells, strict=True))
        entry = _row_to_code(row, f"{origin}:{lineno}")
        if entry.code in codes:
            raise OntologyError(f"{origin}:{lineno}: code {entry.code} appears twice")
        codes[entry.code] = entry
    validate(codes, origin)
    return codes


def _row_to_code(row: dict[str, str], where: str) -> CameoCode:
    code = row["code"].strip()
    if not code.isdigit() or len(code) not in (2, 3, 4):
        raise OntologyError(f"{where}: bad CAMEO code {code!r}")
    try:
        goldstein = float(row["goldstein"])
        quad = int(row["quad_class"])
    except ValueError as exc:
        raise OntologyError(f"{where}: bad number: {exc}") from exc
    plover = row["plover"].strip() or None
    return CameoCode(
        code=code,
        name=row["name"].strip(),
        root=row["root"].strip(),
        goldstein=goldstein,
        quad_class=quad,
        plover=normalize_plover(plover) if plover else None,
        plover_mode=row["plover_mode"].strip() or None,
        plover_context=tuple(c for c in row["plover_context"].split(";") if c.strip()),
        mapping=row["mapping"].strip(),
    )


def validate(codes: dict[str, CameoCode], origin: str = "cameo.tsv") -> None:
    """Check that the table is complete and consistent; raise OntologyError otherwise."""
    problems: list[str] = []
    roots = {f"{r:02d}" for r in range(1, 21)}
    missing = sorted(roots - codes.keys())
    if missing:
        problems.append(f"roots missing: {', '.join(missing)}")
    for c in codes.values():
        if c.root != c.code[:2]:
            problems.append(f"{c.code}: root {c.root} is not the code's first two digits")
        if c.parent is not None and c.parent not in codes:
            problems.append(f"{c.code}: parent {c.parent} missing")
        if c.root in roots and c.quad_class != quad_class_of_root(c.root):
            problems.append(f"{c.code}: QuadClass {c.quad_class} disagrees with root {c.root}")
        if not -10.0 <= c.goldstein <= 10.0:
            problems.append(f"{c.code}: Goldstein {c.goldstein} outside -10..10")
        if c.plover is not None and c.plover not in PLOVER_TYPES:
            problems.append(f"{c.code}: unknown PLOVER type {c.plover}")
        if not c.name:
            problems.append(f"{c.code}: empty name")
    for r in roots & codes.keys():
        if not any(c.parent == r for c in codes.values()):
            problems.append(f"root {r} has no sub-codes")
    if problems:
        raise OntologyError(f"{origin}: " + "; ".join(problems))


@cache
def default() -> Ontology:
    """The package's ontology, loaded and validated once."""
    return Ontology.from_file(data_path())


def code(c: str) -> CameoCode:
    """The entry for a CAMEO code; raises OntologyError for an unknown code."""
    return default().code(c)


def is_code(c: str) -> bool:
    return c.strip() in default()


def root_of(c: str) -> str:
    """The two-digit root of a CAMEO code ("0211" -> "02")."""
    return default().code(c).root


def plover_of(c: str) -> str | None:
    """The PLOVER 2 type of a CAMEO code, or None for plain statements PLOVER does not code."""
    return default().code(c).plover


def goldstein_of(c: str) -> float:
    return default().code(c).goldstein


def quad_class_of(c: str) -> int:
    return default().code(c).quad_class


def all_codes() -> list[str]:
    """Every code in the table, roots included, in codebook order."""
    return default().codes()
