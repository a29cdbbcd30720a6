"""The bundled example articles: well-formed, consistent with expected.json, and extracted well.

``dateline/examples/expected.json`` is our own gold for our own invented articles. These tests
check that the gold is internally sound (every string it cites occurs in its source, every code
is a real code) and that article extraction meets it for title, authors, published date,
dateline, body inclusions and exclusions. Entities, quotes and events in expected.json are
checked by ``dateline eval`` once those stages exist, not here.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from dateline import Document, analyze, examples
from dateline.extract import detect_kind
from dateline.model import Article, InputKind

PLOVER_TYPES = frozenset(
    {
        *("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"),
        *("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
    }
)
CAMEO_ROOTS = frozenset(f"{n:02d}" for n in range(1, 21))
QUOTE_KINDS = frozenset({"direct", "indirect", "mixed"})
#: Actor sectors (CAMEO-style agent codes) that expected.json may use.
SECTORS = frozenset(
    {
        *("GOV", "MIL", "JUD", "LEG", "OPP", "REB", "IGO", "NGO", "BUS", "MED", "CVL"),
        *("COP", "PTY", "EDU", "AGR", "LAB", "REF", "ELI", "SPY", "CRM", "HLH"),
    }
)
ISO3 = re.compile(r"^[A-Z]{3}(\|[A-Z]{3})*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ARTICLE_KEYS = frozenset(
    {
        "title",
        "authors",
        "published",
        "dateline",
        "url",
        "outlet",
        "editors",
        "body_must_include",
        "not_body",
    }
)

#: Extraction checks that fail with the extractor as it stands; each names why. Kept short:
#: a check that starts passing is reported as XPASS, and then its entry should go.
# (document, field) pairs the extractor is known to get wrong; each entry needs a reason.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


# -- loading ---------------------------------------------------------------------------------


@cache
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(examples.expected().read_text(encoding="utf-8"))
    return data


@cache
def jsonl_records() -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for line in examples.jsonl().read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[record["id"]] = record
    return records


def entries() -> list[dict[str, Any]]:
    return list(expected()["examples"])


def entry_ids() -> list[str]:
    return [e["document"] for e in entries()]


def document_for(entry: dict[str, Any]) -> Document:
    """The input Document an entry describes, built the way the CLI would build it."""
    name: str = entry["document"]
    if "#" in name:
        record = jsonl_records()[name.split("#", 1)[1]]
        kind: InputKind = "html" if "html" in record else "text"
        return Document(
            input_id=record["id"],
            content=record[kind],
            kind=kind,
            url=record.get("url"),
            published=record.get("published"),
            title=record.get("title"),
        )
    path = examples.path() / name
    return Document(input_id=str(path), content=path.read_text(encoding="utf-8"))


def visible_text(content: str) -> str:
    """The source with tags dropped, entities decoded and whitespace collapsed."""
    content = re.sub(r"<(script|style)\b.*?</\1>", " ", content, flags=re.S | re.I)
    content = html.unescape(re.sub(r"<[^>]+>", " ", content))
    return re.sub(r"\s+", " ", content)


@cache
def analyzed(name: str) -> Article:
    entry = next(e for e in entries() if e["document"] == name)
    record = analyze(document_for(entry))
    assert record.error is None, f"{name}: {record.error}"
    assert record.article is not None
    return record.article


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


# -- the files themselves ----------------------------------------------------------------------


def test_examples_directory_and_files() -> None:
    assert examples.path().is_dir()
    files = examples.files()
    assert [p.suffix for p in files].count(".html") == 5
    assert [p.suffix for p in files].count(".txt") == 5
    assert all(p.parent == examples.path() / "articles" for p in files)
    assert examples.jsonl().is_file()
    assert examples.expected().is_file()


@pytest.mark.parametrize("path", examples.files(), ids=lambda p: p.name)
def test_article_file_is_utf8_and_detected_by_content(path: Path) -> None:
    content = path.read_bytes().decode("utf-8")
    assert "\x00" not in content
    assert detect_kind(content) == path.suffix.lstrip(".").replace("txt", "text")


@pytest.mark.parametrize("path", examples.files(), ids=lambda p: p.name)
def test_article_page_length(path: Path) -> None:
    """Stories run 400 to 900 words; with menus, captions and bios a page stays under 1500."""
    entry = next(e for e in entries() if e["document"] == f"articles/{path.name}")
    words = len(visible_text(path.read_text(encoding="utf-8")).split())
    assert 400 <= words <= 1500, (entry["document"], words)


@pytest.mark.parametrize(
    "path", [p for p in examples.files() if p.suffix == ".html"], ids=lambda p: p.name
)
def test_html_example_has_page_metadata(path: Path) -> None:
    content = path.read_text(encoding="utf-8")
    assert content.lstrip().lower().startswith("<!doctype html")
    assert re.search(r"<title>[^<]+ [|-] [^<]+</title>", content), "title with outlet suffix"
    assert 'rel="canonical"' in content
    assert 'property="og:title"' in content
    assert "<figcaption>" in content or "caption" in content


def test_jsonl_records_follow_the_input_format() -> None:
    lines = [ln for ln in examples.jsonl().read_text(encoding="utf-8").splitlines() if ln]
    assert len(lines) == 3
    for line in lines:
        record = json.loads(line)
        assert set(record) <= {"id", "url", "html", "text", "published", "title"}
        assert ("html" in record) != ("text" in record), record["id"]
        assert record["id"] and record["url"].startswith("https://")
        assert ISO_DATE.match(record["published"])


# -- expected.json is sound --------------------------------------------------------------------


def test_expected_covers_every_example_once() -> None:
    names = entry_ids()
    assert len(names) == len(set(names))
    wanted = {f"articles/{p.name}" for p in examples.files()}
    wanted |= {f"examples.jsonl#{rid}" for rid in jsonl_records()}
    assert set(names) == wanted


@pytest.mark.parametrize("entry", entries(), ids=entry_ids())
def test_expected_entry_structure(entry: dict[str, Any]) -> None:
    assert entry["format"] in {"html", "text"}
    article = entry["article"]
    assert set(article) >= ARTICLE_KEYS, ARTICLE_KEYS - set(article)
    assert ISO_DATE.match(article["published"])
    assert all(isinstance(a, str) and a for a in article["authors"])
    for caption in article.get("captions", []):
        assert set(caption) == {"text_starts", "credit"}
    for person in entry["people"]:
        assert {"name", "role", "country", "sector"} <= set(person)
        assert person["country"] is None or ISO3.match(person["country"])
        assert set(person["sector"].split("|")) <= SECTORS, person
    for quote in entry["quotes"]:
        assert quote["kind"] in QUOTE_KINDS and quote["speaker"] and quote["text"]
    event_ids = [e["id"] for e in entry["events"]]
    assert len(event_ids) == len(set(event_ids))
    assert any(e["required"] for e in entry["events"])
    for event in entry["events"]:
        assert event["plover"] and set(event["plover"]) <= PLOVER_TYPES, event["id"]
        assert event["cameo_root"] and set(event["cameo_root"]) <= CAMEO_ROOTS, event["id"]
        for side in ("source_country", "target_country", "location_country"):
            assert event[side] is None or ISO3.match(event[side]), (event["id"], side)
        assert event["date"] is None or ISO_DATE.match(event["date"])
    must_not = entry["must_not"]
    assert must_not["event_sentences_containing"]
    assert all(ISO_DATE.match(d) for d in must_not["event_dates"])


@pytest.mark.parametrize("entry", entries(), ids=entry_ids())
def test_expected_strings_occur_in_the_source(entry: dict[str, Any]) -> None:
    """Gold that cites text the article does not hold would test nothing."""
    source = visible_text(document_for(entry).content)
    article = entry["article"]
    cited = [
        *article["body_must_include"],
        *article["not_body"],
        *article.get("headings", []),
        *(c["text_starts"] for c in article.get("captions", [])),
        *(c["credit"] for c in article.get("captions", [])),
        *(e["sentence_contains"] for e in entry["events"]),
        *entry["must_not"]["event_sentences_containing"],
        *(q["text"].rstrip(",") for q in entry["quotes"]),
        *entry["not_quotes"],
    ]
    missing = [s for s in cited if s not in source]
    assert not missing


@pytest.mark.parametrize("entry", entries(), ids=entry_ids())
def test_expected_events_and_exclusions_do_not_overlap(entry: dict[str, Any]) -> None:
    for text in entry["must_not"]["event_sentences_containing"]:
        for event in entry["events"]:
            assert text not in event["sentence_contains"], (event["id"], text)
            assert event["sentence_contains"] not in text, (event["id"], text)


def test_expected_exercises_treaty_title_and_scare_quote() -> None:
    not_quotes = [q for e in entries() for q in e["not_quotes"]]
    assert any(q.startswith("Comprehensive Economic Partnership Agreement") for q in not_quotes)
    assert any(len(q.split()) == 1 for q in not_quotes)


# -- extraction meets expected.json ------------------------------------------------------------


def field_cases() -> list[Any]:
    cases = []
    for name in entry_ids():
        for field_name in ("title", "authors", "published", "dateline", "body", "not_body"):
            marks = []
            reason = KNOWN_GAPS.get((name, field_name))
            if reason:
                marks.append(pytest.mark.xfail(strict=False, reason=reason))
            cases.append(pytest.param(name, field_name, marks=marks, id=f"{name}-{field_name}"))
    return cases


@pytest.mark.parametrize(("name", "field_name"), field_cases())
def test_extraction_meets_expected(name: str, field_name: str) -> None:
    want = next(e for e in entries() if e["document"] == name)["article"]
    got = analyzed(name)
    if field_name == "title":
        assert norm(got.title) == norm(want["title"])
    elif field_name == "authors":
        assert [norm(a) for a in got.authors] == [norm(a) for a in want["authors"]]
    elif field_name == "published":
        assert (got.published or "")[:10] == want["published"]
    elif field_name == "dateline":
        assert norm(got.dateline) == norm(want["dateline"])
    elif field_name == "body":
        body = norm(got.body)
        missing = [s for s in want["body_must_include"] if norm(s) not in body]
        assert not missing
    else:
        body = norm(got.body)
        leaked = [s for s in want["not_body"] if norm(s) in body]
        assert not leaked
