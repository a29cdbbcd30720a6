"""Exports: PLOVER JSON Lines, Parquet, CSV and JSONL, their filters and errors, and the CLI;
sentence numbers of the stored records. The GDELT tables are in ``test_export_gdelt.py``.

Records are built by hand (invented people and outlets, ``export_helpers``), so these tests do
not depend on the extractor, the actor finder or the event coder.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.errors import UsageError
from dateline.events import ontology
from dateline.export import ExportError, export
from dateline.export.plover import CODER
from dateline.export.records import StoredRecord, sentence_number, sentence_starts
from dateline.export.tables import TABLES, arrow_schema
from dateline.store import Store
from export_helpers import MEETING, Factory, db, event, read_gdelt, run_export, side, summit

__all__ = ["db"]  # the fixture, shared from export_helpers


def test_sentence_numbers() -> None:
    body = "Mr. Olsen came. He left at 5 p.m. Friday!\n\nNew paragraph here. (Fine.) End"
    starts = sentence_starts(body)
    assert [body[s : s + 3] for s in starts] == ["Mr.", "He ", "New", "(Fi", "End"]
    assert sentence_number(starts, 0) == 1 and sentence_number(starts, body.index("New")) == 3
    assert sentence_number(starts, len(body)) == 5


def test_sentence_ids_come_from_the_parsers_split_not_a_second_one() -> None:
    body = "He left at 3 p.m. Talks began at noon. The talks ended."
    talks = body.index("Talks")
    # the parser put "Talks began" in a sentence of its own (index 1); splitting the body
    # again by rule would keep it with "He left at 3 p.m." (sentence 1)
    assert sentence_number(sentence_starts(body), talks) == 1
    event = {"start": talks, "sentence_index": 1}
    item = StoredRecord({"id": "x", "article": {"body": body}, "events": [event]}, None)
    assert item.sentence_number(event) == 2
    # a record stored before sentence_index was kept: the body is split as before
    assert item.sentence_number({"start": body.index("The talks")}) == 2


def test_parquet_tables_read_back_with_pyarrow_and_duckdb(db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "parquet"
    result = run_export(db, "parquet", out)
    assert result.rows == {"articles": 3, "entities": 1, "quotes": 1, "events": 6}
    for name in TABLES:
        table = pq.read_table(out / f"{name}.parquet")
        assert table.schema.equals(arrow_schema(name)), name
    events = pq.read_table(out / "events.parquet").to_pylist()
    assert [e["cameo"] for e in events] == ["042", "042", "173", "01", "190", "0231"]
    assert events[4]["tone"] == -7.5 and str(events[0]["event_date"]) == "2024-05-06"
    connection = duckdb.connect()
    path = str(out / "events.parquet")
    described = connection.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
    types = {row[0]: row[1] for row in described}
    assert types["cameo"] == "VARCHAR" and types["gdelt_id"] == "BIGINT"
    assert types["event_date"] == "DATE" and types["goldstein"] == "DOUBLE"
    rows = connection.execute(
        f"SELECT cameo, quad_class FROM read_parquet('{path}') WHERE cameo_root = '04'"
    ).fetchall()
    assert rows == [("042", 1), ("042", 1)]
    articles = str(out / "articles.parquet")
    authors = connection.execute(f"SELECT authors FROM read_parquet('{articles}')").fetchall()
    assert authors[0] == (["Mira Kola"],)
    joined = connection.execute(
        f"SELECT count(*) FROM read_parquet('{path}') e "
        f"JOIN read_parquet('{articles}') a ON a.id = e.article_id"
    ).fetchone()
    assert joined == (6,)


def test_csv_tables(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    result = run_export(db, "csv", out)
    assert sorted(p.name for p in result.paths) == [
        "articles.csv",
        "entities.csv",
        "events.csv",
        "quotes.csv",
    ]
    with (out / "events.csv").open(encoding="utf-8", newline="") as handle:
        events = list(csv.DictReader(handle))
    assert list(events[0]) == [name for name, _ in TABLES["events"]]
    assert [e["cameo"] for e in events] == ["042", "042", "173", "01", "190", "0231"]
    assert events[2]["sentence_id"] == "3" and events[2]["target_country"] == ""
    with (out / "entities.csv").open(encoding="utf-8", newline="") as handle:
        (entity,) = csv.DictReader(handle)
    assert json.loads(entity["aliases"]) == ["Vessel"] and entity["author"] == "false"


def test_plover_json_lines(db: Path, tmp_path: Path, analysis_factory: Factory) -> None:
    """The records carry the PLOVER manual's field names (Table 6.1 and the entity, text,
    citation and location objects), with dateline's own fields beside them."""
    out = tmp_path / "events.jsonl"
    result = run_export(db, "plover", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert result.rows == {"events": 6} and len(lines) == 6
    first = lines[0]
    record_id = summit(analysis_factory).id
    assert list(first) == [
        *("id", "date", "event", "mode", "context", "actor", "recipient", "quad_code"),
        *("event_scale", "event_loc", "event_text", "text_info", "cite_info", "coder"),
        *("cameo", "tone", "confidence", "rule"),
    ]
    assert first["id"] == f"{record_id}-0" and first["date"] == "2024-05-06"
    assert (first["event"], first["mode"], first["cameo"]) == (["CONSULT"], ["visit"], "042")
    assert (first["quad_code"], first["event_scale"], first["coder"]) == (1, 1.0, CODER)
    assert first["actor"] == [
        {
            "code": "DEU",
            "sector": "GOV",
            "entity_text": "Arno Vessel",
            "identifier_id": "Q99999901",
            "identifier_text": "Arno Vessel",
            "cameo_code": "DEUGOV",
        }
    ]
    assert first["recipient"][0]["identifier_id"] is None
    assert first["recipient"][0]["entity_text"] == "Ukrainian envoys"
    assert first["event_loc"] == {
        "resolved_place": "Berlin",
        "country_code": "DEU",
        "lat": 52.52437,
        "lon": 13.41053,
    }
    assert first["context"] == [] and first["event_text"] == [MEETING]
    assert first["text_info"] == {"sequence": 1, "start": 0, "end": len(MEETING)}
    assert first["cite_info"] == {
        "url": "https://www.borealis-post.example/world/envoys",
        "title": "Envoys meet in Berlin",
        "publication": "Adriatic Wire",
        "language": "en",
        "published": "2024-05-06T09:30:00+02:00",
        "article_id": record_id,
    }
    assert first["rule"] == "test"
    shelling = lines[4]
    assert shelling["actor"] == [] and shelling["tone"] == -7.5
    assert shelling["date"] == "2024-06-10" and shelling["cite_info"]["url"] is None


def test_plover_codes_by_the_manual(tmp_path: Path, analysis_factory: Factory) -> None:
    """quad_code follows the PLOVER type (manual Table 7.2), not the CAMEO root; an
    international actor's code is its Table 5.1 code; contexts come from the CAMEO code's
    mapping; an event PLOVER does not code (a plain statement) is left out."""
    body = "Crowds marched past the United Nations office.\n\nThe mayor spoke."
    march, spoke = body.split("\n\n")
    record = analysis_factory("March", body, published="2024-05-06")
    un = side("United Nations", "the United Nations office", None, None, "IGOUNO")
    record.events = [
        event(body, march, "1413", plover="PROTEST", quad_class=3, target=un),
        event(body, spoke, "010", plover=None),
    ]
    db = tmp_path / "p.db"
    with Store.open(db) as store:
        store.save(record)
    result = run_export(db, "plover", tmp_path / "p.jsonl")
    (line,) = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert result.rows == {"events": 1}
    assert (line["event"], line["quad_code"], line["cameo"]) == (["PROTEST"], 4, "1413")
    assert line["recipient"][0]["code"] == "UNO" and line["mode"] == []
    assert line["context"] == list(ontology.code("1413").plover_context) == ["rights_freedoms"]


def test_jsonl_round_trip(db: Path, tmp_path: Path) -> None:
    result = run_export(db, "jsonl", tmp_path)  # a directory: records.jsonl inside
    (path,) = result.paths
    assert path.name == "records.jsonl"
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    with Store.open(db) as store:
        for line in lines:
            stored = store.get(line["id"])
            assert stored is not None and line == stored.to_dict()
    assert [line["article"]["title"] for line in lines] == [
        "Envoys meet in Berlin",
        "Night of shelling",
        "No events here",  # undated: last
    ]


def test_filters(db: Path, tmp_path: Path) -> None:
    result = run_export(db, "plover", tmp_path / "a.jsonl", since="2024-05-07")
    assert result.rows["events"] == 3  # the arrest and the June events
    result = run_export(db, "plover", tmp_path / "b.jsonl", until="2024-05-06")
    assert result.rows["events"] == 3
    result = run_export(db, "csv", tmp_path / "c", country="srb")
    assert result.rows == {"articles": 1, "entities": 1, "quotes": 1, "events": 1}
    result = run_export(db, "jsonl", tmp_path / "d.jsonl", code="19")
    assert result.rows["records"] == 1
    result = run_export(db, "plover", f"{tmp_path}/new/", code="19")  # a new directory
    assert result.paths == [tmp_path / "new" / "plover.jsonl"] and result.rows["events"] == 1
    result = run_export(db, "jsonl", tmp_path / "e.jsonl", since="2024-06-01")
    assert result.rows["records"] == 1  # the undated article is left out
    with pytest.raises(TypeError), Store.open(db) as store:
        export(store, "jsonl", tmp_path / "f.jsonl", actor="UKR")


def test_export_errors(db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with Store.open(db) as store:
        with pytest.raises(ExportError) as info:
            export(store, "gdelt", blocker)
        assert info.value.code == "E503"
        with pytest.raises(ExportError):
            export(store, "parquet", blocker / "sub")
        with pytest.raises(ExportError):
            export(store, "jsonl", blocker / "sub" / "x.jsonl")
        with pytest.raises(UsageError):
            export(store, "xml", tmp_path)
        for prefix in ("../beside", "a/b", "..", ""):
            with pytest.raises(UsageError, match="prefix"):
                export(store, "gdelt", tmp_path / "g", prefix=prefix)
        assert not list(tmp_path.glob("beside*"))


@pytest.mark.parametrize("fmt", ["gdelt", "plover", "parquet", "csv", "jsonl"])
def test_every_format_makes_missing_directories(db: Path, tmp_path: Path, fmt: str) -> None:
    """A file format (plover, jsonl) makes the directories of its --out path, as the
    directory formats make theirs, rather than refusing."""
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    single = fmt in ("plover", "jsonl")
    out = tmp_path / "not" / "yet" / ("events.jsonl" if single else "dir")
    result = CliRunner().invoke(
        cli, ["export", "--db", str(db), "--format", fmt, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.is_file() if single else len(list(out.iterdir())) >= 2


def test_cli_export(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "gdelt"
    args = ["export", "--db", str(db), "--format", "gdelt", "--out", str(out)]
    result = runner.invoke(cli, [*args, "--prefix", "20240101000000", "--no-stories"])
    assert result.exit_code == 0, result.output
    assert (out / "20240101000000.export.CSV").exists()
    assert "20240101000000.mentions.CSV" in result.output
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "jsonl", "--out", "-"])
    assert result.exit_code == 0 and len(result.output.splitlines()) == 3
    result = runner.invoke(
        cli, ["export", "--db", str(tmp_path / "none.db"), "--format", "csv", "--out", str(out)]
    )
    assert result.exit_code == 1 and "E500" in result.output
    assert not (tmp_path / "none.db").exists()
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = runner.invoke(
        cli, ["export", "--db", str(db), "--format", "csv", "--out", str(blocker)]
    )
    assert result.exit_code == 1 and "E503" in result.output
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "xml", "--out", "x"])
    assert result.exit_code == 2
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "csv", "--out", "-"])
    assert result.exit_code == 2
    result = runner.invoke(cli, [*args, "--since", "not a date"])
    assert result.exit_code == 2


def test_every_csv_output_defuses_formulas(tmp_path: Path, analysis_factory: Factory) -> None:
    """A cell of article text that starts like a spreadsheet formula (= + - @) gets a leading
    apostrophe in every CSV dateline writes (export tables and GDELT files, the query
    commands' --format csv), as the API's .csv did alone; numbers stay numbers."""
    body = "Protesters chanted =SUM(A1) at the gate on Monday.\n\nThey left at noon."
    sentence = body.split("\n\n")[0]
    record = analysis_factory("@Harbour news", body, published="2024-05-06")
    formula = side("=HYPERLINK(1)", "=HYPERLINK(1)", None, None, "")
    record.events = [event(body, sentence, "141", source=formula, goldstein=-6.5)]
    record.quotes = [
        {
            "text": "+1 for the gate",
            "kind": "direct",
            "speaker": {"name": "-Anonymous", "entity": None, "text": "-Anonymous"},
            "cue": "said",
            "sentence": sentence,
            "start": 0,
            "end": 10,
        }
    ]
    db = tmp_path / "formula.db"
    with Store.open(db) as store:
        store.save(record)
    run_export(db, "csv", tmp_path / "csv")

    def rows(path: Path) -> list[dict[str, str]]:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    (article,) = rows(tmp_path / "csv" / "articles.csv")
    (quote,) = rows(tmp_path / "csv" / "quotes.csv")
    (exported,) = rows(tmp_path / "csv" / "events.csv")
    assert article["title"] == "'@Harbour news"
    assert (quote["text"], quote["speaker"]) == ("'+1 for the gate", "'-Anonymous")
    assert exported["source_name"] == "'=HYPERLINK(1)" and exported["goldstein"] == "-6.5"
    run_export(db, "gdelt", tmp_path / "gdelt")
    frame, _, _, _ = read_gdelt(tmp_path / "gdelt")
    assert frame.iloc[0]["Actor1Name"] == "'=HYPERLINK(1)"
    assert frame.iloc[0]["GoldsteinScale"] == "-6.5"
    runner = CliRunner()
    for command, column, expected in (
        ("quotes", "text", "'+1 for the gate"),
        ("events", "source_name", "'=HYPERLINK(1)"),
        ("articles", "title", "'@Harbour news"),
    ):
        result = runner.invoke(cli, [command, "--db", str(db), "--format", "csv"])
        assert result.exit_code == 0, result.output
        (row,) = list(csv.DictReader(result.stdout.splitlines()))
        assert row[column] == expected, (command, row)
