"""The published JSON Schema of the analysis record, and analyze output against it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.model import BLOCK_ROLES, Analysis, Article
from dateline.output import analysis_schema
from dateline.pipeline import analyze_all
from dateline.sources import iter_documents


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = analysis_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(validator: jsonschema.Draft202012Validator, record: dict[str, Any]) -> list[str]:
    return [e.message for e in validator.iter_errors(record)]


FULL_RECORD: dict[str, Any] = {
    "id": "3f2a9c0d4b5e6f708192a3b4c5d6e7f8",
    "input_id": "wire-1",
    "article": {
        "url": "https://aw.example/politics/grid-summit",
        "outlet": "Adriatic Wire",
        "title": "Balkan leaders pledge grid link",
        "authors": ["Mira Kola"],
        "editors": ["Arta Leka"],
        "published": "2024-03-05T09:30:00+01:00",
        "language": "en",
        "dateline": "Tirana",
        "section": "Politics",
        "topics": ["Energy", "Albania"],
        "lead": "Leaders agreed to connect their grids.",
        "headings": ["Doubts over financing"],
        "captions": [{"text": "Pylons near Elbasan.", "credit": "AW/Arben Hoxha"}],
        "body": "Leaders agreed to connect their grids.\n\nLupu said it was concrete.",
        "blocks": [{"role": "title", "text": "Balkan leaders pledge grid link"}],
    },
    "entities": [
        {
            "id": "e1",
            "name": "Ana Lupu",
            "type": "person",
            "role": "prime minister",
            "country": "ALB",
            "sector": "GOV",
            "aliases": ["Lupu"],
            "mentions": [{"text": "Lupu", "start": 40, "end": 44, "sentence": 1}],
        }
    ],
    "quotes": [
        {
            "text": "it was concrete",
            "kind": "indirect",
            "speaker": {"name": "Ana Lupu", "entity": "e1", "text": "Lupu"},
            "cue": "said",
            "sentence": "Lupu said it was concrete.",
            "start": 50,
            "end": 65,
        }
    ],
    "events": [
        {
            "cameo": "057",
            "cameo_root": "05",
            "plover": "AGREE",
            "plover_mode": None,
            "quad_class": 1,
            "goldstein": 8.0,
            "source": {
                "name": "Albania",
                "text": "Leaders",
                "country": "ALB",
                "sector": "GOV",
                "code": "ALBGOV",
            },
            "target": None,
            "date": "2024-03-05",
            "location": {"name": "Tirana", "country": "ALB", "lat": 41.33, "lon": 19.82},
            "sentence": "Leaders agreed to connect their grids.",
            "start": 0,
            "end": 38,
            "confidence": 0.8,
            "rule": "agree-to-verb",
            "modality": "asserted",
        }
    ],
}


def test_a_full_record_is_valid(validator: jsonschema.Draft202012Validator) -> None:
    assert errors(validator, FULL_RECORD) == []


def test_an_error_record_is_valid(validator: jsonschema.Draft202012Validator) -> None:
    record = {"id": "ab" * 16, "input_id": "x.html", "error": {"code": "E102", "message": "bin"}}
    assert errors(validator, record) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("article", "authors"), "Mira Kola"),
        (("article", "published"), "last Tuesday"),
        (("quotes", 0, "kind"), "shouted"),
        (("events", 0, "quad_class"), 5),
        (("entities", 0, "country"), "AL"),
        (("events", 0, "sentence"), ""),
        (("error",), {"code": "E1", "message": "x"}),
    ],
)
def test_bad_records_are_invalid(
    validator: jsonschema.Draft202012Validator, path: tuple[str | int, ...], value: object
) -> None:
    record = copy.deepcopy(FULL_RECORD)
    target: Any = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert errors(validator, record)


def test_missing_article_field_is_invalid(validator: jsonschema.Draft202012Validator) -> None:
    record = copy.deepcopy(FULL_RECORD)
    del record["article"]["body"]
    assert errors(validator, record)


def test_model_defaults_are_valid(validator: jsonschema.Draft202012Validator) -> None:
    record = Analysis(id="cd" * 16, input_id="a", article=Article())
    assert errors(validator, record.to_dict()) == []


def test_block_roles_match_the_model() -> None:
    enum = analysis_schema()["$defs"]["block"]["properties"]["role"]["enum"]
    assert tuple(enum) == BLOCK_ROLES


def test_analyze_output_is_valid(
    validator: jsonschema.Draft202012Validator, tmp_path: Path, corpus: Path
) -> None:
    (tmp_path / "empty.txt").write_text("")
    records = [r.to_dict() for r in analyze_all(iter_documents([corpus, tmp_path / "empty.txt"]))]
    assert len(records) == 4
    for record in records:
        assert errors(validator, record) == [], record["input_id"]


def test_cli_jsonl_output_is_valid(
    validator: jsonschema.Draft202012Validator, corpus: Path
) -> None:
    result = CliRunner().invoke(cli, ["analyze", str(corpus), "--format", "jsonl"])
    for line in result.stdout.splitlines():
        assert errors(validator, json.loads(line)) == []
