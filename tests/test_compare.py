"""How outlets told it: the three-outlet wire story of tests/fixtures/stories through the real
pipeline, compared by the library, the CLI and the API. The outlets publish at different
times (one with a UTC offset), quote one minister cut three ways, and one outlet adds a
sentence of its own."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dateline.batch import ingest
from dateline.cli import cli
from dateline.compare import COLUMNS, Comparison, compare, compare_story, rows
from dateline.compare.align import cut, sentences, tokens
from dateline.errors import UsageError
from dateline.options import Options
from dateline.store import Store
from test_stories_pipeline import OUTLETS, page

#: When each outlet published (Savanna Daily's 11:02 at +03:00 is 08:02 UTC: first).
PUBLISHED = {
    "lakeside-wire": "2024-03-05T09:40:00Z",
    "coastline-times": "2024-03-05T08:15:00Z",
    "savanna-daily": "2024-03-05T11:02:00+03:00",
}


def build_story_store(path: Path) -> dict[str, str]:
    """The three outlets' articles stored; their ids by outlet fixture name."""
    documents = []
    for name in OUTLETS:
        document = page(name, f"https://{name}.example/kenya-tanzania-rail")
        document.published = PUBLISHED[name]
        documents.append(document)
    with Store.open(path) as store:
        counts = ingest(documents, store, Options())
        assert (counts.inserted, counts.failed) == (3, 0)
        return {a.input_id: a.id for a in store.articles()}


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("compare") / "story.db"
    return path, build_story_store(path)


@pytest.fixture(scope="module")
def comparison(story_db: tuple[Path, dict[str, str]]) -> Comparison:
    with Store.open(story_db[0], create=False) as store:
        [story] = store.stories(min_articles=2)
        return compare_story(store, story["id"])


@pytest.fixture(scope="module")
def bodies(story_db: tuple[Path, dict[str, str]]) -> dict[str, str]:
    with Store.open(story_db[0], create=False) as store:
        out = {}
        for article_id in story_db[1].values():
            record = store.get(article_id)
            assert record is not None and record.article is not None
            out[article_id] = record.article.body
        return out


def test_outlets_in_publication_order_with_tone(
    comparison: Comparison, story_db: tuple[Path, dict[str, str]]
) -> None:
    ids = story_db[1]
    order = [o.article_id for o in comparison.outlets]
    assert order == [ids["savanna-daily"], ids["coastline-times"], ids["lakeside-wire"]]
    assert [o.rank for o in comparison.outlets] == [1, 2, 3]
    assert [o.minutes_after_first for o in comparison.outlets] == [0, 13, 98]
    names = [o.outlet for o in comparison.outlets]
    assert names == ["Savanna Daily", "Coastline Times", "Lakeside Wire"]
    assert comparison.outlets[2].title == "Kenya and Tanzania sign railway deal"
    assert all(-100 <= o.tone <= 100 and o.words > 20 for o in comparison.outlets)
    assert len({round(o.tone, 2) for o in comparison.outlets}) == 3  # each its own tone


def test_the_same_quote_cut_three_ways(
    comparison: Comparison, story_db: tuple[Path, dict[str, str]], bodies: dict[str, str]
) -> None:
    ids = story_db[1]
    [minister] = [g for g in comparison.quotes if g.label == "Amina Wekesa"]
    assert len(minister.articles) == 3
    cuts = {item.article_id: item.fields for item in minister.items}
    assert cuts[ids["lakeside-wire"]]["cut"] == "full"
    assert cuts[ids["coastline-times"]]["cut"] == "shorter"
    assert cuts[ids["coastline-times"]]["left_out"] == ["and create thousands of jobs"]
    # the quoted words of a reported sentence are a stretch of the full quote: a shorter cut
    assert cuts[ids["savanna-daily"]]["cut"] == "shorter"
    assert cuts[ids["savanna-daily"]]["left_out"] == [
        "This line will bring our two economies closer than ever before and"
    ]
    for item in minister.items:
        assert item.start is not None and item.end is not None
        assert bodies[item.article_id][item.start : item.end] == item.text


def test_events_shared_by_story_and_by_rule(
    comparison: Comparison, story_db: tuple[Path, dict[str, str]]
) -> None:
    [signing] = comparison.events
    assert len(signing.articles) == 3
    assert {i.fields["cameo"] for i in signing.items} == {"057"}
    assert {i.fields["story_id"] for i in signing.items} == {comparison.story["id"]}  # type: ignore[index]
    with Store.open(story_db[0], create=False) as store:
        records = [store.get(i).to_dict() for i in story_db[1].values()]  # type: ignore[union-attr]
    by_rule = compare(records)  # no store: the stories' rule matches the events
    assert [len(g.articles) for g in by_rule.events] == [3]


def test_actors_side_by_side(comparison: Comparison, story_db: tuple[Path, dict[str, str]]) -> None:
    ids = story_db[1]
    groups = {g.label: g for g in comparison.actors}
    assert all(len(groups[name].articles) == 3 for name in ("Kenya", "Tanzania", "Mombasa"))
    # one outlet names the minister by surname only: still the same person
    assert len(groups["Amina Wekesa"].articles) == 3
    assert groups["Nairobi"].articles == [ids["lakeside-wire"]]


def test_claims_only_one_outlet_makes(
    comparison: Comparison, story_db: tuple[Path, dict[str, str]], bodies: dict[str, str]
) -> None:
    ids = story_db[1]
    claim, detail = comparison.claims
    assert claim.article_id == ids["savanna-daily"]
    assert claim.fields["kind"] == "sentence"
    assert claim.text.startswith("Opposition lawmakers")
    assert claim.fields["carries"] == ["quote: Opposition lawmakers"]
    assert claim.start is not None and claim.end is not None
    assert bodies[claim.article_id][claim.start : claim.end] == claim.text
    # a sentence the others have too, with a place and an origin only the wire gives
    assert detail.article_id == ids["lakeside-wire"] and detail.fields["kind"] == "detail"
    assert detail.fields["details"] == ["Kenyan", "Nairobi"]
    assert detail.start is not None and detail.end is not None
    assert bodies[detail.article_id][detail.start : detail.end] == detail.text
    # the wire's indirect quote of "officials" restates what the others report as fact
    officials = [g for g in comparison.quotes if g.label == "officials"]
    assert officials and len(officials[0].articles) == 1


def test_rows_and_json_are_complete(comparison: Comparison) -> None:
    table = list(rows(comparison))
    assert all(tuple(row) == COLUMNS for row in table)
    sections = [row["section"] for row in table]
    assert sections.count("outlet") == 3 and sections.count("claim") == 2
    assert next(r for r in table if r["label"] == "detail")["details"] == "Kenyan | Nairobi"
    assert sum(1 for row in table if row["section"] == "quote" and row["cut"] == "shorter") == 2
    data = json.loads(json.dumps(comparison.to_dict()))
    assert set(data) == {"story", "outlets", "actors", "quotes", "events", "claims"}
    assert data["outlets"][0]["first"] is True


def test_at_most_max_articles_are_compared(
    story_db: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.compare import story as module

    monkeypatch.setattr(module, "MAX_ARTICLES", 2)
    with Store.open(story_db[0], create=False) as store:
        found = compare_story(store, 1)
    assert [o.outlet for o in found.outlets] == ["Savanna Daily", "Coastline Times"]
    assert found.story is not None and (found.story["compared"], found.story["num_articles"]) == (
        2,
        3,
    )


def test_fewer_than_two_articles_is_refused(story_db: tuple[Path, dict[str, str]]) -> None:
    with Store.open(story_db[0], create=False) as store:
        record = store.get(next(iter(story_db[1].values())))
        assert record is not None
        with pytest.raises(UsageError, match="two or more articles"):
            compare([record.to_dict()])
        with pytest.raises(UsageError, match="no story 999"):
            compare_story(store, 999)


def test_cli_compare(story_db: tuple[Path, dict[str, str]]) -> None:
    runner = CliRunner()
    db = str(story_db[0])
    answer = runner.invoke(cli, ["compare", "1", "--db", db, "--format", "csv"])
    assert answer.exit_code == 0, answer.output
    found = list(csv.DictReader(io.StringIO(answer.output)))
    assert tuple(found[0]) == COLUMNS
    assert next(r["outlet"] for r in found if r["section"] == "outlet") == "Savanna Daily"
    answer = runner.invoke(cli, ["compare", "1", "--db", db, "--format", "json"])
    assert answer.exit_code == 0 and len(json.loads(answer.output)["outlets"]) == 3
    answer = runner.invoke(cli, ["compare", "1", "--db", db])
    assert answer.exit_code == 0 and "shorter" in answer.output
    answer = runner.invoke(cli, ["compare", "42", "--db", db])
    assert answer.exit_code != 0 and "no story 42" in answer.output


# -- the text alignment --------------------------------------------------------------------


def test_cut_relations() -> None:
    full = "We will rebuild the bridge, and we will do it this year."
    assert cut(full, full).relation == "full"
    assert cut(full.upper(), full).relation == "same"
    shorter = cut("We will rebuild the bridge", full)
    assert shorter.relation == "shorter" and shorter.left_out == ("and we will do it this year",)
    reworded = cut("We shall rebuild the bridge this year", full)
    assert reworded.relation == "reworded" and reworded.own == ("shall",)


def test_sentences_and_tokens() -> None:
    body = "Talks resumed in Geneva.  Both sides said little.\n\nA deal worth 2.5 billion dollars."
    found = sentences(body)
    assert [body[s.start : s.end] for s in found] == [s.text for s in found]
    assert len(found) == 3
    assert tokens(found[2].text) == {"deal", "worth", "2.5", "billion", "dollar"}


# -- the API and the pages -----------------------------------------------------------------


@pytest.fixture(scope="module")
def client(story_db: tuple[Path, dict[str, str]]) -> Iterator[Any]:
    testclient = pytest.importorskip("fastapi.testclient")
    from dateline.web import create_app

    with testclient.TestClient(create_app(story_db[0])) as test_client:
        yield test_client


def test_api_compare_json_and_csv(client: Any, comparison: Comparison) -> None:
    answer = client.get("/api/stories/1/compare")
    assert answer.status_code == 200
    assert answer.json() == json.loads(json.dumps(comparison.to_dict()))
    download = client.get("/api/stories/1/compare.csv")
    assert download.headers["content-type"].startswith("text/csv")
    assert 'filename="story-1.csv"' in download.headers["content-disposition"]
    found = list(csv.DictReader(io.StringIO(download.text)))
    assert len(found) == len(list(rows(comparison)))
    assert client.get("/api/stories/1/compare?format=csv").text == download.text
    missing = client.get("/api/stories/77/compare")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E603"
    assert client.get("/api/stories/0/compare").status_code == 422


def test_page_links_each_item_to_its_sentence(client: Any, comparison: Comparison) -> None:
    html = client.get("/stories/1/compare").text
    claim = comparison.claims[0]
    href = f"/articles/{claim.article_id}?hl={claim.start}-{claim.end}#hl"
    assert href in html
    article = client.get(href.split("#")[0]).text
    assert 'id="hl"' in article and "mark-target" in article
    assert client.get(f"/articles/{claim.article_id}?hl=oops").status_code == 422
    assert "/stories/1/compare" in client.get("/stories").text


def _record(n: int, body: str, published: str | None, **facts: Any) -> dict[str, Any]:
    article = {"title": f"T{n}", "outlet": f"Outlet {n}", "published": published, "body": body}
    return {"id": f"a{n}", "input_id": str(n), "article": article, **facts}


def test_day_only_dates_tie_and_undated_come_last() -> None:
    body = "Ministers met in the capital on Monday to discuss the harvest."
    found = compare(
        [
            _record(1, body, None),
            _record(2, body, "2024-05-02"),
            _record(3, body, "2024-05-02T10:00:00Z"),
            _record(4, body, "2024-05-01"),
        ]
    )
    assert [(o.outlet, o.rank) for o in found.outlets] == [
        ("Outlet 4", 1),
        ("Outlet 2", 2),
        ("Outlet 3", 2),  # the same day as a date without a time: neither was first
        ("Outlet 1", 4),
    ]
    assert [o.minutes_after_first for o in found.outlets] == [None, None, None, None]


def test_odd_records_do_not_break_a_comparison() -> None:
    """Missing offsets, speakers, sides and bodies; an error record; a duplicate."""
    odd_quote = {"text": "We will not leave", "speaker": None, "start": None, "end": "x"}
    odd_event = {"cameo": None, "source": "not a dict", "target": None, "sentence": None}
    records = [
        _record(1, "", "not a date", quotes=[odd_quote], events=[odd_event]),
        _record(2, "Strikers said: We will not leave.", "2024-01-01", quotes=[odd_quote]),
        {"id": "bad", "input_id": "x", "error": {"code": "E201", "message": "no text"}},
        _record(2, "Strikers said: We will not leave.", "2024-01-01"),
        _record(3, "Police arrived.", None, entities=[{"name": "Police", "mentions": [None]}]),
    ]
    found = compare(records)
    assert len(found.outlets) == 3
    [quote] = [g for g in found.quotes if len(g.articles) == 2]
    assert quote.label == "unknown speaker"
    assert list(rows(found)) and json.dumps(found.to_dict())
