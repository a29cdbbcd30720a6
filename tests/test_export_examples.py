"""Acceptance: a GDELT export of the bundled examples (and the seed, when ../shared is there)
reads back with pandas under GDELT's column names, 61 fields a row, codes with their zeros.

The articles are extracted by the real pipeline (without the NLP stage); the events are the
hand-written gold events of ``expected.json`` / ``gold.json`` placed on the extracted body, so
this does not depend on how well the event coder does.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import require_shared
from dateline import Document, Options, analyze, examples
from dateline.export import export
from dateline.export.countries import cameo_country, fips_table
from dateline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS
from dateline.export.records import sentence_starts
from dateline.model import Analysis
from dateline.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
REFERENCE = SHARED / "data" / "events" / "reference"


def _document(name: str, base: Path) -> Document:
    if "#" in name:
        wanted = name.split("#", 1)[1]
        for line in examples.jsonl().read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else {}
            if record.get("id") == wanted:
                kind = "html" if "html" in record else "text"
                return Document(
                    input_id=wanted,
                    content=record[kind],
                    kind=kind,
                    url=record.get("url"),
                    published=record.get("published"),
                    title=record.get("title"),
                )
        raise AssertionError(f"no {wanted} in examples.jsonl")
    path = base / name
    return Document(input_id=str(path), content=path.read_text(encoding="utf-8"))


def _actor(country: str | None, name: str | None) -> dict[str, Any] | None:
    if not country:
        return {"name": name, "text": name, "country": None, "sector": "IGO", "code": "IGO"}
    code = cameo_country(country.split("|")[0])
    return {
        "name": name or code,
        "text": name,
        "country": country[:3],
        "sector": None,
        "code": code,
    }


def with_gold_events(record: Analysis, gold: list[dict[str, Any]]) -> Analysis:
    """The record with the gold events whose sentence the extracted body has."""
    assert record.article is not None, record.error
    body = record.article.body
    starts = [*sentence_starts(body), len(body)]
    events = []
    for item in gold:
        at = body.find(item["sentence_contains"])
        if at < 0:
            continue
        start = max(s for s in starts if s <= at)
        end = min(s for s in starts if s > at)
        root = item["cameo_root"][0]
        place = item.get("location_country")
        events.append(
            {
                "cameo": root + "0",
                "cameo_root": root,
                "plover": item["plover"][0],
                "plover_mode": None,
                "quad_class": 1,
                "goldstein": 0.0,
                "source": _actor(item.get("source_country"), item.get("source_name")),
                "target": _actor(item.get("target_country"), item.get("target_name")),
                "date": item.get("date"),
                "location": {"name": place, "country": place, "lat": None, "lon": None}
                if place
                else None,
                "sentence": body[start:end].strip(),
                "start": start,
                "end": end,
                "confidence": 0.9,
                "rule": "gold",
            }
        )
    record.events = events
    return record


def column_names() -> tuple[list[str], list[str]]:
    """GDELT's published column names (from ../shared when there, else our copy)."""
    events_file = REFERENCE / "gdelt-GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
    if not events_file.exists():
        return list(EVENT_COLUMNS), list(MENTION_COLUMNS)
    with events_file.open(encoding="utf-8") as handle:
        names = [row[0] for row in csv.reader(handle)][1:]
    return names, list(MENTION_COLUMNS)


def check_gdelt(db: Path, out: Path, expected_events: int) -> None:
    pd = pytest.importorskip("pandas")
    with Store.open(db, create=False) as store:
        result = export(store, "gdelt", out)
    # the same event coded twice in an article is one row with NumMentions 2
    assert 0 < result.rows["events"] <= result.rows["mentions"] == expected_events
    events_path, mentions_path = result.paths
    lines = events_path.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert all(len(line.split("\t")) == 16 for line in mentions_path.read_text().splitlines())
    names, mention_names = column_names()
    options = {"sep": "\t", "header": None, "dtype": str, "keep_default_na": False}
    frame = pd.read_csv(events_path, names=names, **options)
    mentions = pd.read_csv(mentions_path, names=mention_names, **options)
    assert len(frame) == len(lines) and len(mentions) == expected_events
    assert sum(int(n) for n in frame["NumMentions"]) == expected_events
    assert set(mentions["GLOBALEVENTID"]) == set(frame["GLOBALEVENTID"])
    assert all(len(code) == 2 and code.isdigit() for code in frame["EventRootCode"])
    assert all(
        code.startswith(root)
        for code, root in zip(frame["EventCode"], frame["EventRootCode"], strict=True)
    )
    assert any(code.startswith("0") for code in frame["EventCode"])  # zeros kept
    assert all(len(day) == 8 for day in frame["SQLDATE"])
    valid = set(fips_table().values()) | {""}
    assert set(frame["ActionGeo_CountryCode"]) <= valid
    assert all(int(s) >= 1 for s in mentions["SentenceID"])


def test_gdelt_export_of_the_bundled_examples(tmp_path: Path) -> None:
    data = json.loads(examples.expected().read_text(encoding="utf-8"))
    db = tmp_path / "examples.db"
    total = 0
    with Store.open(db) as store:
        for entry in data["examples"]:
            document = _document(entry["document"], examples.path())
            record = with_gold_events(analyze(document, Options(nlp=False)), entry["events"])
            total += len(record.events)
            store.save(record)
    check_gdelt(db, tmp_path / "gdelt", total)
    pq = pytest.importorskip("pyarrow.parquet")
    with Store.open(db) as store:
        result = export(store, "parquet", tmp_path / "parquet")
    assert result.rows["events"] == total and result.rows["articles"] == len(data["examples"])
    assert pq.read_table(tmp_path / "parquet" / "events.parquet").num_rows == total


@pytest.mark.shared
def test_gdelt_export_of_the_seed(tmp_path: Path) -> None:
    gold_path = require_shared("seed", "gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    document = _document(gold["document"], gold_path.parent)
    record = with_gold_events(analyze(document, Options(nlp=False)), gold["events"])
    db = tmp_path / "seed.db"
    with Store.open(db) as store:
        store.save(record)
    check_gdelt(db, tmp_path / "gdelt", len(record.events))
