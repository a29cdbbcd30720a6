"""The store the web tests share: hand-built records with invented content (a harbour strike
with quotes and events, a hostile record full of markup) and 20 sample articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.model import Analysis
from dateline.store import Store
from dateline_dev import sample

TOKEN = "t0ps3cret-token"
STRIKE_TEXT = (
    "Port workers walked out in Valport on Monday over pay and safety, halting grain loading "
    "for a second day and leaving more than forty ships waiting at anchor off the coast.\n\n"
    "The union said talks with the port operator had collapsed after management refused to "
    "discuss night-shift bonuses, and that its members would stay out until someone sat down "
    "with them.\n\nTraders said the stoppage could delay shipments of wheat and maize bound "
    "for the south, and that freight rates on the sea had already risen sharply this week."
)
GRAIN_TEXT = (
    "The agriculture ministry lowered its wheat harvest forecast by twelve percent on Thursday, "
    "blaming the driest spring in forty years for stunted crops across the eastern plains.\n\n"
    "Farmers' associations asked the government for emergency credit lines and a delay on land "
    "tax payments, saying many smallholders would otherwise sell livestock to stay afloat."
)
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'


def _at(body: str, text: str, start: int = 0) -> dict[str, Any]:
    at = body.index(text, start)
    return {"text": text, "start": at, "end": at + len(text)}


def _side(name: str, country: str, code: str) -> dict[str, Any]:
    return {"name": name, "text": name, "country": country, "sector": "GOV", "code": code}


def harbour_record() -> Analysis:
    """A known article: one visit, one accusation, one quote, three entities."""
    body = (
        "Harbour minister Lena Morgan visited the port of Valport on Monday.\n\n"
        '"The strike is over," Morgan said.\n\n'
        "Dockers in Valport accused the port authority of ignoring safety."
    )
    visit = "Harbour minister Lena Morgan visited the port of Valport on Monday."
    accuse = "Dockers in Valport accused the port authority of ignoring safety."
    entities = [
        {
            "id": "e1",
            "name": "Lena Morgan",
            "type": "PERSON",
            "role": "Harbour Minister",
            "country": "EST",
            "sector": "GOV",
            "code": "ESTGOV",
            "aliases": ["Morgan"],
            "mentions": [_at(body, "Lena Morgan"), _at(body, "Morgan", 40)],
        },
        {
            "id": "e2",
            "name": "Valport Dockers",
            "type": "ORG",
            "role": None,
            "country": "LVA",
            "sector": "LAB",
            "code": "LVALAB",
            "aliases": [],
            "mentions": [_at(body, "Dockers")],
        },
    ]
    quote = {
        "text": "The strike is over,",
        "kind": "direct",
        "speaker": {"name": "Lena Morgan", "entity": "e1", "text": "Morgan"},
        "cue": "said",
        "sentence": '"The strike is over," Morgan said.',
        **{k: v for k, v in _at(body, "The strike is over,").items() if k != "text"},
    }
    events = [
        {
            "cameo": "042",
            "cameo_root": "04",
            "plover": "CONSULT",
            "plover_mode": "visit",
            "quad_class": 1,
            "goldstein": 1.9,
            "source": _side("Lena Morgan", "EST", "ESTGOV"),
            "target": _side("Latvia", "LVA", "LVA"),
            "date": "2024-05-06",
            "location": {"name": "Valport", "country": "LVA", "lat": 56.9, "lon": 24.1},
            "sentence": visit,
            "start": 0,
            "end": len(visit),
            "confidence": 0.8,
            "rule": "curated:visit",
        },
        {
            "cameo": "112",
            "cameo_root": "11",
            "plover": "ACCUSE",
            "plover_mode": None,
            "quad_class": 3,
            "goldstein": -2.0,
            "source": _side("Valport Dockers", "LVA", "LVALAB"),
            "target": _side("Port Authority", "LVA", "LVAGOV"),
            "date": "2024-05-07",
            "location": None,
            "sentence": accuse,
            **{k: v for k, v in _at(body, accuse).items() if k != "text"},
            "confidence": 0.7,
            "rule": "curated:accuse",
        },
    ]
    return sample.build(
        "Harbour strike ends in Valport",
        body,
        published="2024-05-06",
        url="https://harbour.example/valport-strike",
        outlet="Baltic Wire",
        entities=entities,
        quotes=[quote],
        events=events,
    )


def hostile_record() -> Analysis:
    """An article whose every field carries markup an attacker would try."""
    body = (
        f"Officials said {XSS_SCRIPT} was painted on the gate.\n\n"
        f"A note read {XSS_IMG} in the margin.\n\n"
        f"{XSS_IMG} Evil Corp accused the Valport council of fraud."
    )
    accuse = f"{XSS_IMG} Evil Corp accused the Valport council of fraud."
    evil = f"Evil Corp {XSS_IMG}"
    entities = [
        {
            "id": "e1",
            "name": evil,
            "type": "ORG",
            "role": XSS_SCRIPT,
            "country": "LVA",
            "sector": "BUS",
            "code": "LVABUS",
            "aliases": [],
            "mentions": [_at(body, XSS_IMG, 60)],
        }
    ]
    quotes = [
        {
            "text": f"{XSS_SCRIPT} was painted",
            "kind": "direct",
            "speaker": {"name": XSS_SCRIPT, "entity": None, "text": "Officials"},
            "cue": XSS_IMG,
            "sentence": f"Officials said {XSS_SCRIPT} was painted on the gate.",
            **{k: v for k, v in _at(body, f"{XSS_SCRIPT} was painted").items() if k != "text"},
        },
        {
            "text": "=HYPERLINK(1)",
            "kind": "direct",
            "speaker": {"name": "Formula Fan", "entity": None, "text": "Fan"},
            "cue": "said",
            "sentence": "=HYPERLINK(1)",
            "start": None,
            "end": None,
        },
    ]
    events = [
        {
            "cameo": "112",
            "cameo_root": "11",
            "plover": "ACCUSE",
            "plover_mode": None,
            "quad_class": 3,
            "goldstein": -2.0,
            "source": _side(evil, "LVA", "LVABUS"),
            "target": _side(f"Council {XSS_SCRIPT}", "LVA", "LVAGOV"),
            "date": "2024-04-01",
            "location": {"name": XSS_SCRIPT, "country": "LVA", "lat": 57.0, "lon": 24.0},
            "sentence": accuse,
            **{k: v for k, v in _at(body, accuse).items() if k != "text"},
            "confidence": 0.5,
            "rule": XSS_IMG,
        }
    ]
    return sample.build(
        f"Hostile {XSS_SCRIPT} {XSS_IMG} headline",
        body,
        published="2024-04-01",
        url="javascript:alert(1)",
        outlet=XSS_IMG,
        entities=entities,
        quotes=quotes,
        events=events,
    )


def build_test_store(path: Path) -> dict[str, str]:
    """The store the web tests share: 20 sample articles, the harbour and hostile ones."""
    harbour, hostile = harbour_record(), hostile_record()
    with Store.open(path) as store:
        store.ingest([harbour, hostile, *(sample.record(n, 3) for n in range(20))])
    return {"harbour": harbour.id, "hostile": hostile.id}
