"""The Python API: ``dateline.analyze`` on a string, ``dateline.open`` over a store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import dateline
from dateline import api
from dateline.model import Analysis, Document
from dateline.options import Options
from test_store_facts import BODY, enrich

Factory = Callable[..., Analysis]

PAGE = """<html><head><title>Ferry service resumes | Coast Herald</title></head><body>
<article><h1>Ferry service resumes</h1>
<p>Ferries between the two islands sailed again on Monday after a week of storms kept the
fleet in port, the operator said, and extra crossings were added for stranded travellers.</p>
<p>Harbour staff worked through the weekend to clear debris from the slipways.</p>
</article></body></html>"""


def test_public_api_is_frozen() -> None:
    assert sorted(dateline.__all__) == [
        "Analysis",
        "Article",
        "Block",
        "Caption",
        "Dataset",
        "Document",
        "Options",
        "Rows",
        "__version__",
        "analyze",
        "open",
    ]
    assert sorted(n for n in dir(dateline.Dataset) if not n.startswith("_")) == [
        "actors",
        "articles",
        "close",
        "events",
        "get",
        "ingest",
        "quotes",
        "search",
        "urls",
    ]


def test_analyze_takes_html_or_text_as_a_string() -> None:
    record = dateline.analyze(PAGE, Options(nlp=False), url="https://coast.example/ferry")
    assert record.ok and record.article is not None
    assert record.article.title == "Ferry service resumes"
    assert record.article.url == "https://coast.example/ferry"
    assert record.to_dict()["input_id"] == "<string>"


def test_analyze_takes_a_json_lines_record() -> None:
    record = dateline.analyze(
        {
            "text": BODY,
            "url": "https://coast.example/f",
            "title": "Ferries",
            "published": "2024-05-03",
        },
        Options(nlp=False),
    )
    assert record.ok and record.article is not None
    assert (record.article.title, record.article.published) == ("Ferries", "2024-05-03")
    assert record.article.url == "https://coast.example/f"
    # a bad record is that document's error, as on a JSON Lines line; nothing is raised
    bad = dateline.analyze({"body": "no text key"}, Options(nlp=False))
    assert bad.error is not None and bad.error.code == "E105"
    assert '"html" nor "text"' in bad.error.message


def test_analyze_takes_bytes_and_refuses_other_types() -> None:
    record = dateline.analyze(PAGE.encode("cp1252"), Options(nlp=False))
    assert record.ok and record.article is not None
    assert record.article.title == "Ferry service resumes"
    binary = dateline.analyze(bytes(range(256)) * 8, Options(nlp=False))
    assert binary.error is not None and binary.error.code == "E102"
    with pytest.raises(TypeError, match="not list"):
        dateline.analyze(["a page"], Options(nlp=False))  # type: ignore[arg-type]


def test_open_lists_and_pages_lazily(
    tmp_path: Path, analysis_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api, "PAGE", 2)  # several round trips for a few rows
    with dateline.open(tmp_path / "api.db") as data:
        for n in range(5):
            data.store.save(
                enrich(
                    analysis_factory(f"Story {n}", BODY + f"\n\n{n}"),
                    published=f"2024-05-0{n + 1}",
                    speaker="Lena Morgan",
                    cameo="042",
                )
            )
        assert len(data) == 5
        assert [a["title"] for a in data.articles()] == [f"Story {n}" for n in range(4, -1, -1)]
        assert len(list(data.articles(limit=3))) == 3
        assert len(data.events(code="04").to_list()) == 5
        assert len(list(data.quotes(speaker="morgan"))) == 5
        assert {a["name"] for a in data.actors()} == {"Lena Morgan", "Latvia"}
        assert data.search("strike")[0]["title"].startswith("Story")
        pandas = pytest.importorskip("pandas")  # optional: only to_pandas needs it
        frame = data.events(since="2024-05-04").to_pandas()
        assert isinstance(frame, pandas.DataFrame)
        assert list(frame["date"]) == ["2024-05-05", "2024-05-04"]


def test_open_ingests_paths_and_documents(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    with dateline.open(tmp_path / "api.db") as data:
        counts = data.ingest(
            [page, Document("note", "A short note about the harbour.\n\n" * 3, kind="text")],
            Options(nlp=False),
        )
        assert (counts.inserted, counts.failed) == (2, 0)
        assert data.ingest([page], Options(nlp=False)).skipped == 1


def test_open_without_create_refuses_a_missing_file(tmp_path: Path) -> None:
    from dateline.errors import StoreError

    with pytest.raises(StoreError):
        dateline.open(tmp_path / "missing.db", create=False)
