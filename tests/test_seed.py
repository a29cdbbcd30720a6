"""The seed document end to end through ``analyze``: people, quotes and events as its gold
says (../shared/seed/gold.json; skipped when ../shared is absent).

Matching follows the gold file's own rule: a quote matches when most of its words agree, an
event when its sentence, type and actor countries agree.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import require_shared
from dateline import analyze
from dateline.model import Document

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


@pytest.fixture(autouse=True)
def _seed() -> None:
    require_shared("seed", "gold.json")


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return dict(json.loads((SEED / "gold.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def record(gold: dict[str, Any]) -> dict[str, Any]:
    path = SEED / gold["document"]
    result = analyze(Document(input_id=path.name, content=path.read_text(encoding="utf-8")))
    assert result.ok, result.error
    return result.to_dict()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def agrees(want: str, got: str) -> bool:
    """Most of the wanted quote's words are in the found one."""
    w, g = words(want), set(words(got))
    return bool(w) and sum(x in g for x in w) / len(w) > 0.5


def test_every_person_with_role_country_and_sector(
    gold: dict[str, Any], record: dict[str, Any]
) -> None:
    people = {e["name"]: e for e in record["entities"] if e["type"] == "PERSON"}
    for person in gold["people"]:
        found = people.get(person["name"])
        assert found is not None, person["name"]
        if person.get("role"):
            assert (found["role"] or "").lower() == person["role"].lower(), person["name"]
        assert found["country"] == person["country"], person["name"]
        assert found["sector"] == person["sector"], person["name"]


def test_every_required_quote_with_its_speaker_and_no_false_quote(
    gold: dict[str, Any], record: dict[str, Any]
) -> None:
    body_quotes = [q for q in record["quotes"] if not q.get("in_caption")]
    for want in gold["quotes"]:
        if not want.get("required"):
            continue
        matching = [q for q in body_quotes if agrees(want["text"], q["text"])]
        assert matching, want["text"]
        speakers = {(q["speaker"] or {}).get("name", "").lower() for q in matching}
        assert want["speaker"].lower() in speakers, (want["text"], speakers)
    for text in gold["not_quotes"]:  # the found text is essentially this one, both ways
        assert not any(
            agrees(text, q["text"]) and agrees(q["text"], text) for q in record["quotes"]
        ), text


def _event_ok(want: dict[str, Any], event: dict[str, Any]) -> bool:
    if want["sentence_contains"] not in event["sentence"]:
        return False
    if event["plover"] not in want["plover"] or event["cameo_root"] not in want["cameo_root"]:
        return False
    for side in ("source", "target"):
        expected = want.get(f"{side}_country")  # "ALB|UKR": either
        actor = event[side] or {}
        if expected is not None and actor.get("country") not in expected.split("|"):
            return False
    if want.get("date") and event["date"] != want["date"]:
        return False
    place = event["location"] or {}
    return not want.get("location_country") or place.get("country") == want["location_country"]


def test_every_required_event_and_nothing_that_must_not_be(
    gold: dict[str, Any], record: dict[str, Any]
) -> None:
    for want in gold["events"]:
        if want.get("required"):
            assert any(_event_ok(want, e) for e in record["events"]), want["id"]
    must_not = gold["must_not"]
    for text in must_not["event_sentences_containing"]:
        assert not any(text in e["sentence"] for e in record["events"]), text
    for day in must_not.get("event_dates", []):  # background dates are not event dates
        assert not any(e["date"] == day for e in record["events"]), day
    for name in must_not.get("event_location_names", []):
        assert not any((e["location"] or {}).get("name") == name for e in record["events"])
