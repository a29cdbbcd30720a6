"""Build ``dateline/data/actors/first_names.tsv``: first names that tell a person's gender.

    python -m dateline_dev.build_first_names MALE_FILE FEMALE_FILE \
        > src/dateline/data/actors/first_names.tsv

The inputs are the 1990 US Census first-name frequency lists (public domain; the files
``dist.male.first`` and ``dist.female.first``, as shipped for example in the ``names`` package
on PyPI): one name a line, then its percentage of the people of that sex. A name goes in with
a gender when the other sex's share is at most a quarter of it; names given to both about as
often ("Leslie", "Robin") are left out. ``_MASCULINE_ABROAD`` holds names the census lists as
women's that are men's in Italian or French news ("Andrea", "Jean"), and ``_FAMILY_FIRST``
East Asian family names that news writes first ("Kim", "Li"): left out too.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

#: How many times more often one sex has the name than the other, at least.
RATIO = 4.0
_MASCULINE_ABROAD = frozenset({"ANDREA", "NICOLA", "JEAN", "SIMONE", "MICHELE", "DANIELE"})
_FAMILY_FIRST = frozenset(
    {"CHANG", "HA", "HAN", "JIN", "JUNG", "KIM", "LE", "LI", "LIN", "MA", "MIN", "MOON"}
    | {"SHIN", "SONG", "SUN", "TRAN", "YANG", "YU"}
)

HEADER = """# First names that tell a person's gender ("he" cannot be a woman named so), for the
# actors' and the quotes' pronoun resolution. Built by dateline_dev.build_first_names from the
# 1990 US Census first-name lists (public domain): a name one sex has at least four times as
# often as the other. Extend freely; a name missing here has no gender.
name\tgender
"""


def _shares(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split()
        if len(cells) >= 2:
            out[cells[0].upper()] = float(cells[1])
    return out


def build(male: Path, female: Path) -> str:
    m, f = _shares(male), _shares(female)
    rows = []
    for name in sorted(set(m) | set(f)):
        if name in _MASCULINE_ABROAD or name in _FAMILY_FIRST:
            continue
        a, b = m.get(name, 0.0), f.get(name, 0.0)
        if a >= RATIO * b:
            rows.append(f"{name.title()}\tm")
        elif b >= RATIO * a:
            rows.append(f"{name.title()}\tf")
    return HEADER + "\n".join(rows) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print(
            "usage: python -m dateline_dev.build_first_names MALE_FILE FEMALE_FILE", file=sys.stderr
        )
        return 2
    sys.stdout.write(build(Path(args[0]), Path(args[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
