"""What the export tests share: records built by hand (invented people and outlets), a summit
with one event given twice, an arrest, a statement, an entity and a quote, and a night of
shelling with no URL; a store holding them beside an article with no events; short ways to
export it and to read GDELT files back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dateline.export import export
from dateline.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS
from dateline.model import Analysis
from dateline.store import Store

Factory = Callable[..., Analysis]

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
