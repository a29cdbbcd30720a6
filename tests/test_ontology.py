"""The CAMEO ontology table: complete, consistent, and in step with the published codebook."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from conftest import require_shared
from dateline.events import ontology
from dateline.events.ontology import CameoCode, Ontology, OntologyError, parse_table

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "events" / "reference"
shared = pytest.mark.shared


def _reference(name: str) -> Path:
    return require_shared("data", "events", "reference", name)


def test_loads_once_and_has_every_root() -> None:
    onto = ontology.default()
    assert onto is ontology.default()
    roots = [c.code for c in onto if c.is_root]
    assert roots == [f"{r:02d}" for r in range(1, 21)]
    assert len(onto) > 300


def test_typed_lookups() -> None:
    sign = ontology.code("057")
    assert isinstance(sign, CameoCode)
    assert (sign.root, sign.goldstein, sign.quad_class, sign.plover) == ("05", 8.0, 1, "SUPPORT")
    assert ontology.root_of("1121") == "11"
    assert ontology.plover_of("1121") == "ACCUSE"
    assert ontology.code("041").plover_mode == "phone"
    assert ontology.code("0211").parent == "021"
    assert ontology.code("021").parent == "02"
    assert ontology.code("02").parent is None
    assert ontology.code("042").record_fields() == {
        "cameo": "042",
        "cameo_root": "04",
        "plover": "CONSULT",
        "plover_mode": "visit",
        "quad_class": 1,
        "goldstein": 1.9,
    }


def test_unknown_code_raises_with_a_hint() -> None:
    with pytest.raises(OntologyError, match="unknown CAMEO code"):
        ontology.code("999")
    assert not ontology.is_code("999")


@pytest.mark.parametrize(
    ("code", "quad"),
    [
        ("010", 1),
        ("057", 1),
        ("061", 2),
        ("0871", 2),
        ("094", 2),
        ("100", 3),
        ("145", 3),
        ("150", 4),
        ("173", 4),
        ("195", 4),
        ("2042", 4),
    ],
)
def test_quad_class_follows_the_root(code: str, quad: int) -> None:
    assert ontology.quad_class_of(code) == quad


@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("010", None),
        ("0233", "REQUEST"),  # appeals are requests in PLOVER 2
        ("036", "AGREE"),
        ("042", "CONSULT"),
        ("043", "CONSULT"),
        ("057", "SUPPORT"),
        ("062", "COOPERATE"),
        ("073", "AID"),
        ("0832", "CONCEDE"),
        ("0813", "CONCEDE"),  # the PLOVER manual: removing curfews is a concession
        ("0814", "CONCEDE"),
        ("0831", "RETREAT"),  # the PLOVER manual: RETREAT covers resignations
        ("0841", "RETREAT"),
        ("0871", "RETREAT"),
        ("091", "ACCUSE"),  # INVESTIGATE -> ACCUSE
        ("1053", "REQUEST"),  # DEMAND -> REQUEST
        ("111", "ACCUSE"),  # DISAPPROVE -> ACCUSE
        ("1246", "REJECT"),
        ("138", "THREATEN"),
        ("141", "PROTEST"),
        ("154", "MOBILIZE"),
        ("161", "SANCTION"),
        ("163", "SANCTION"),
        ("173", "COERCE"),
        ("1712", "ASSAULT"),
        ("182", "ASSAULT"),
        ("191", "COERCE"),
        ("192", "ASSAULT"),  # occupying territory is military force (CAMEO root 19)
        ("195", "ASSAULT"),  # FIGHT -> ASSAULT
        ("202", "ASSAULT"),
    ],
)
def test_plover_mapping(code: str, plover: str | None) -> None:
    assert ontology.plover_of(code) == plover


def test_every_plover_type_is_used_and_names_are_plover_2() -> None:
    used = {c.plover for c in ontology.default() if c.plover}
    assert used == set(ontology.PLOVER_TYPES)
    assert ontology.normalize_plover("fight") == "ASSAULT"
    assert ontology.normalize_plover("DEMAND") == "REQUEST"
    assert ontology.normalize_plover("INVESTIGATE") == "ACCUSE"
    assert ontology.normalize_plover("DISAPPROVE") == "ACCUSE"


def test_validation_catches_inconsistent_rows() -> None:
    text = ontology.data_path().read_text(encoding="utf-8")
    broken = text.replace("057\t05\t", "057\t06\t", 1)
    with pytest.raises(OntologyError, match="057"):
        parse_table(broken)
    missing_root = re.sub(r"(?m)^20\t.*\n", "", text)
    with pytest.raises(OntologyError, match="roots missing: 20"):
        parse_table(missing_root)
    assert len(Ontology(parse_table(text))) == len(ontology.default())


@shared
def test_every_codebook_code_matches_the_reference() -> None:
    path = _reference("cameo-codes.csv")
    with path.open(encoding="utf-8", errors="replace") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 300
    for row in rows:
        ours = ontology.code(row["code"])
        assert ours.goldstein == pytest.approx(float(row["goldstein"])), row["code"]
        assert ours.root == row["root_code"], row["code"]


@shared
def test_plover_types_follow_the_conversion_table() -> None:
    path = _reference("CAMEO2PLOVER-2021.txt")
    checked = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*)", line)
        if not m:
            continue
        code, plover, mode = m.group(1), m.group(2), m.group(3).strip()
        ours = ontology.code(code)
        if ours.mapping == "table":
            assert ours.plover == ontology.normalize_plover(plover), code
            assert (ours.plover_mode or "") == mode.replace(" ", ""), code
            checked += 1
    assert checked > 250
