"""The extraction scorer and benchmark on a handful of development pages (structure only:
quality is measured by `dateline eval extraction`, speed by `dateline bench extraction`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require_shared
from dateline_dev.eval.bench import bench_extraction, report_bench
from dateline_dev.eval.datasets import Page
from dateline_dev.eval.extraction import (
    Prediction,
    date_on_page,
    evaluate,
    page_recall,
    report,
    score,
)

ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "extraction"

shared = pytest.mark.shared


def needs_shared() -> None:
    require_shared("data", "extraction")


def test_score_counts_exact_matches() -> None:
    pages = [
        Page(
            "a",
            "",
            body="one two three four five",
            title="A title",
            authors=["Jo Ann"],
            date="2024-01-02",
        ),
        Page("b", "", body="six seven eight nine ten", title=None, authors=[], date=None),
    ]
    preds = [
        Prediction("one two three four five", "a  TITLE", ["jo ann"], "2024-01-02T10:00:00"),
        Prediction("", None, ["Somebody"], None, failed="E201"),
    ]
    result = score(pages, preds)
    assert result["title_exact"] == 1.0  # page b has no gold title
    assert result["authors_exact"] == 0.5  # page b's gold says nobody
    assert result["date_exact"] == 1.0
    assert result["failures"] == 1
    assert result["body"]["pages"] == 2


@shared
def test_evaluate_structure() -> None:
    needs_shared()
    result = evaluate(ROOT, sets=("scrapinghub", "naeb", "wcxb"), limit=5, progress=False)
    assert "headings" in result["scored"]
    for name in ("scrapinghub", "naeb", "wcxb"):
        figures = result["sets"][name]
        for system in ("dateline", "trafilatura"):
            s = figures[system]
            assert s["pages"] == 5
            assert 0.0 <= s["body"]["f1"] <= 1.0
            assert set(s) >= {"title_exact", "authors_exact", "date_exact", "failures"}
        halves = figures["halves"]
        assert halves["tune"]["dateline"]["pages"] + halves["check"]["dateline"]["pages"] == 5
        assert all(0 < row["ratio"] < 1 for row in figures["below_trafilatura"])
    assert result["sets"]["scrapinghub"]["dateline"]["title_exact"] is None  # no gold titles
    table = report(result, pages=3)
    assert table.startswith("| set | half | system |")
    assert "| naeb | all | dateline | 5 |" in table
    assert "| naeb | check | trafilatura |" in table
    assert "pages with less recall than trafilatura" in table


def test_page_recall_lists_pages_where_we_keep_less() -> None:
    gold = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
    pages = [Page("less", "", body=gold), Page("same", "", body=gold)]
    mine = [Prediction("alpha beta gamma delta epsilon"), Prediction(gold)]
    base = [Prediction(gold), Prediction(gold)]
    rows = page_recall(pages, mine, base, "wcxb")
    assert [r["key"] for r in rows] == ["less"]
    assert rows[0]["ratio"] < 0.5 and rows[0]["trafilatura_recall"] == 1.0
    assert rows[0]["half"] in {"tune", "check"}


def test_date_on_page_reads_the_usual_forms() -> None:
    assert date_on_page("<time>March 4, 2024</time>", "2024-03-04T10:00:00")
    assert date_on_page("<p>4 Mar 2024</p>", "2024-03-04")
    assert date_on_page('<meta content="2024-03-04T09:00">', "2024-03-04")
    assert not date_on_page("<p>March 5, 2024</p>", "2024-03-04")
    assert not date_on_page("<p>no date</p>", None)
    assert date_on_page("<span>Jan 23rd 2024 at 11:15am</span>", "2024-01-23")
    assert date_on_page('<a href="/news/2024/jan/23/x">', "2024-01-23")
    assert date_on_page('<img src="/img/20240123_x.jpg">', "2024-01-23")
    # a unix time, read in UTC as ISO stamps are: 1706011200 is 2024-01-23T12:00:00Z
    assert date_on_page('{"published": 1706011200}', "2024-01-23")
    assert date_on_page('{"published": 1706011200000}', "2024-01-23")
    assert not date_on_page('{"published": 1706011200}', "2024-01-24")


def test_evaluate_missing_root_is_skipped_not_raised(tmp_path: Path) -> None:
    result = evaluate(tmp_path, sets=("naeb",), limit=1, progress=False)
    assert "skipped" in result["sets"]["naeb"]
    assert "skipped" in report(result)


@shared
def test_bench_structure() -> None:
    needs_shared()
    result = bench_extraction(ROOT, limit=1, passes=1)
    assert result["pages"] == 3
    assert set(result["systems"]) == {"trafilatura", "dateline"}
    assert result["ratio"] > 0
    assert "Throughput ratio" in report_bench(result)


def test_bench_without_pages(tmp_path: Path) -> None:
    assert "skipped" in bench_extraction(tmp_path, limit=1)
