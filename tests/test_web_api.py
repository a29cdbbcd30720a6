"""The HTTP API and pages of ``dateline serve`` over a real SQLite store of hand-built records
(invented content; no NLP model needed except where a test says so): reading, errors and security,
the command. Writes and URL fetching are in test_web_writes.py."""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[dev]')")

from click.testing import CliRunner
from fastapi.testclient import TestClient

from dateline.cli import cli
from dateline.store import Store
from dateline.web import create_app
from web_store import XSS_IMG, XSS_SCRIPT, build_test_store, harbour_record

warnings.filterwarnings("ignore", message=".*httpx2.*")


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("web") / "web.db"
    return path, build_test_store(path)


@pytest.fixture(scope="module")
def ids(web_db: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return web_db[1]


@pytest.fixture(scope="module")
def client(web_db: tuple[Path, dict[str, str]]) -> Iterator[TestClient]:
    with TestClient(create_app(web_db[0])) as test_client:
        yield test_client


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# -- reading ------------------------------------------------------------------------------


def test_health_and_stats(client: TestClient) -> None:
    assert client.get("/api/health").json() == {"status": "ok"}
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 22 and stats["events"] == 63 and stats["quotes"] == 23
    assert stats["read_only"] is True
    assert stats["stories"] is callable(getattr(Store, "stories", None))
    assert set(stats["by_quad_class"]) <= {"1", "2", "3", "4"}


def test_articles_are_paged(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and first["next_offset"] == 5
    rest = client.get("/api/articles", params={"limit": 100, "offset": 5}).json()
    assert len(rest["items"]) == 17 and rest["next_offset"] is None
    ids = [a["id"] for a in first["items"] + rest["items"]]
    assert len(set(ids)) == 22
    assert client.get("/api/articles", params={"offset": 1000}).json()["items"] == []


@pytest.mark.parametrize(
    "params", [{"limit": 0}, {"limit": 10_001}, {"offset": -1}, {"limit": "many"}]
)
def test_bad_paging_is_a_422_in_the_error_shape(client: TestClient, params: dict[str, Any]) -> None:
    answer = client.get("/api/articles", params=params)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "E606"
    assert "limit" in error["message"] or "offset" in error["message"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles",
        "/api/search?q=Valport",
        "/api/events",
        "/api/quotes",
        "/api/actors",
        "/api/network",
        "/api/places",
    ],
)
def test_every_list_downloads_as_csv(client: TestClient, path: str) -> None:
    sep = "&" if "?" in path else "?"
    by_param = client.get(f"{path}{sep}format=csv")
    base, _, query = path.partition("?")
    by_suffix = client.get(f"{base}.csv" + (f"?{query}" if query else ""))
    for answer in (by_param, by_suffix):
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/csv")
        assert answer.headers["content-disposition"].startswith("attachment")
        assert len(rows_of(answer.text)) >= 1
    assert by_param.text == by_suffix.text


def test_search(client: TestClient, ids: dict[str, str]) -> None:
    found = client.get("/api/search", params={"q": "strike Valport"}).json()["items"]
    assert found[0]["id"] == ids["harbour"] and "[" in found[0]["snippet"]
    assert client.get("/api/search", params={"q": "zzzunknownword"}).json()["items"] == []
    assert client.get("/api/search").status_code == 422
    odd = client.get("/api/search", params={"q": '"unbalanced AND ( OR *'})
    assert odd.status_code == 200


def test_one_article_with_its_analysis(client: TestClient, ids: dict[str, str]) -> None:
    record = client.get(f"/api/articles/{ids['harbour']}").json()
    assert record["article"]["title"] == "Harbour strike ends in Valport"
    assert [e["cameo"] for e in record["events"]] == ["042", "112"]
    assert record["quotes"][0]["speaker"]["name"] == "Lena Morgan"
    assert record["urls"] == ["https://harbour.example/valport-strike"]
    missing = client.get("/api/articles/0123456789abcdef")
    assert missing.status_code == 404
    assert missing.json() == {
        "error": {"code": "E603", "message": "no article with id 0123456789abcdef"}
    }
    assert client.get("/api/articles/" + "a" * 65).status_code == 422


def test_an_article_is_found_by_any_url_it_arrived_under(tmp_path: Path) -> None:
    record = harbour_record()
    record.input_url = "http://www.harbour.example/valport-strike?comments=1"
    with Store.open(tmp_path / "urls.db") as store:
        store.ingest([record])
    with TestClient(create_app(tmp_path / "urls.db")) as reader:
        for url in (record.input_url, "https://harbour.example/valport-strike"):
            found = reader.get("/api/articles/by-url", params={"url": url})
            assert found.status_code == 200, found.text
            assert found.json()["id"] == record.id
            assert found.json()["input_url"] == record.input_url
            assert found.json()["urls"] == sorted(
                [record.input_url, "https://harbour.example/valport-strike"]
            )
        missing = reader.get("/api/articles/by-url", params={"url": "https://x.example/"})
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "E603"
        assert reader.get("/api/articles/by-url").status_code == 422


def test_event_filters(client: TestClient, ids: dict[str, str]) -> None:
    def events(**params: Any) -> list[dict[str, Any]]:
        answer = client.get("/api/events", params={"limit": 1000, **params})
        assert answer.status_code == 200
        items: list[dict[str, Any]] = answer.json()["items"]
        return items

    everything = events()
    assert len(everything) == 63
    assert [e["date"] for e in everything] == sorted((e["date"] for e in everything), reverse=True)
    mine = events(actor="ESTGOV")
    assert mine and all("ESTGOV" in (e["source_code"], e["target_code"]) for e in mine)
    assert all(e["cameo"].startswith("04") for e in events(code="04"))
    assert all(e["plover"] == "ACCUSE" for e in events(plover="accuse"))
    assert all("EST" in (e["source_country"], e["target_country"]) for e in events(country="est"))
    may = events(since="2024-05-01", until="2024-05-31")
    assert may and all("2024-05-01" <= e["date"] <= "2024-05-31" for e in may)
    assert {e["article_id"] for e in events(since="2024-05-06", until="2024-05-07")} >= {
        ids["harbour"]
    }
    page = client.get("/api/events", params={"limit": 10, "offset": 60}).json()
    assert len(page["items"]) == 3 and page["next_offset"] is None
    assert client.get("/api/events", params={"country": "ESTONIA"}).status_code == 422


@pytest.mark.parametrize(
    "path", ["/api/events", "/api/network", "/api/places", "/api/stories", "/events"]
)
def test_a_date_filter_that_is_no_date_is_a_422_not_an_empty_answer(
    client: TestClient, path: str
) -> None:
    if path == "/api/stories" and not callable(getattr(Store, "stories", None)):
        pytest.skip("this store has no stories")
    for bad in ("notadate", "03/01/2024", "2024-3-1"):
        answer = client.get(path, params={"since": bad})
        assert answer.status_code == 422, (path, bad)
    answer = client.get("/api/events", params={"until": "yesterday"})
    assert answer.json()["error"]["code"] == "E606" and "until" in answer.json()["error"]["message"]
    # a year, a month (the map's time slider) and a date-time stay valid
    for good in ("2024", "2024-05", "2024-05-06", "2024-05-06T09:30:00+02:00"):
        assert client.get(path, params={"since": good}).status_code == 200, (path, good)


def test_events_csv_carries_the_filters_and_defuses_formulas(client: TestClient) -> None:
    rows = rows_of(client.get("/api/events.csv", params={"actor": "LVABUS"}).text)
    assert len(rows) == 1 and rows[0]["cameo"] == "112" and rows[0]["goldstein"] == "-2.000"
    quotes = rows_of(client.get("/api/quotes.csv", params={"speaker": "Formula"}).text)
    assert quotes[0]["text"] == "'=HYPERLINK(1)"


def test_quotes(client: TestClient, ids: dict[str, str]) -> None:
    by_speaker = client.get("/api/quotes", params={"speaker": "lena morgan"}).json()["items"]
    assert any(q["article_id"] == ids["harbour"] for q in by_speaker)
    assert all(q["speaker"] == "Lena Morgan" for q in by_speaker)
    by_words = client.get("/api/quotes", params={"q": "strike over"}).json()["items"]
    assert [q["text"] for q in by_words] == ["The strike is over,"]
    of_article = client.get("/api/quotes", params={"article": ids["hostile"]}).json()["items"]
    assert len(of_article) == 2
    paged = client.get("/api/quotes", params={"limit": 5, "offset": 5}).json()
    assert len(paged["items"]) == 5 and paged["next_offset"] == 10


def test_actors(client: TestClient) -> None:
    people = client.get("/api/actors", params={"kind": "person", "limit": 100}).json()["items"]
    assert people and all(a["type"] == "PERSON" for a in people)
    morgan = client.get("/api/actors", params={"name": "morgan"}).json()["items"]
    assert morgan[0]["name"] == "Lena Morgan" and morgan[0]["articles"] >= 1
    assert all(a["country"] == "LVA" for a in client.get("/api/actors?country=lva").json()["items"])


def test_one_actor(client: TestClient) -> None:
    found = client.get("/api/actor", params={"name": "Lena Morgan", "code": "ESTGOV"}).json()
    assert found["event_count"] >= 1
    assert all("Lena Morgan" in (e["source_name"], e["target_name"]) for e in found["events"])
    assert sum(m["events"] for m in found["timeline"]) == found["event_count"]
    assert any(q["text"] == "The strike is over," for q in found["quotes"])
    assert client.get("/api/actor", params={"name": "Nobody Atall"}).status_code == 404


def test_network_and_places(client: TestClient) -> None:
    graph = client.get("/api/network").json()
    names = {n["id"] for n in graph["nodes"]}
    assert graph["edges"] and all(
        e["source"] in names and e["target"] in names for e in graph["edges"]
    )
    assert all(e["quad_class"] in (1, 2, 3, 4) for e in graph["edges"])
    visit = client.get("/api/network", params={"actor": "ESTGOV", "code": "042"}).json()
    assert any(e["source"] == "Lena Morgan" and e["target"] == "Latvia" for e in visit["edges"])
    places = client.get("/api/places").json()["places"]
    assert places and all(-90 <= p["lat"] <= 90 for p in places)
    assert any(p["name"] == "Valport" and p["lat"] == 56.9 for p in places)


def test_places_by_month_and_one_place_events(client: TestClient) -> None:
    places = client.get("/api/places").json()["places"]
    osaka = next(p for p in places if p["name"] == "Osaka")
    assert sum(sum(q.values()) for q in osaka["by_month"].values()) == osaka["events"]
    assert all(len(month) == 7 for month in osaka["by_month"])  # YYYY-MM
    params = {"name": "Osaka", "lat": osaka["lat"], "lon": osaka["lon"]}
    found = client.get("/api/places/events", params=params).json()
    assert found["events"] == osaka["events"] == len(found["items"])
    assert all("Osaka" in e["sentence"] for e in found["items"])
    first_quarter = client.get(
        "/api/places/events", params={**params, "since": "2024-01", "until": "2024-03"}
    ).json()
    months = {m for m in osaka["by_month"] if m <= "2024-03"}
    expected = sum(sum(osaka["by_month"][m].values()) for m in months)
    assert first_quarter["events"] == expected < osaka["events"]
    assert client.get("/api/places/events", params={**params, "lat": 91}).status_code == 422
    nowhere = client.get("/api/places/events", params={**params, "lat": 0.5}).json()
    assert nowhere["events"] == 0


def test_map_draws_countries_and_lists_a_place(client: TestClient) -> None:
    page = client.get("/map").text
    assert page.count('<path class="country"') == 177
    assert "<title>Japan</title>" in page and 'id="timeline"' in page
    osaka = next(p for p in client.get("/api/places").json()["places"] if p["name"] == "Osaka")
    listed = client.get(
        "/map", params={"place": "Osaka", "lat": osaka["lat"], "lon": osaka["lon"]}
    ).text
    assert listed.count('class="sentence-link"') == osaka["events"]
    assert "/articles/" in listed and "?hl=" in listed


def test_stories_only_when_the_store_has_them(
    client: TestClient, web_db: tuple[Path, dict[str, str]]
) -> None:
    if callable(getattr(Store, "stories", None)):
        page = client.get("/api/stories", params={"limit": 3, "min_articles": 1}).json()
        assert len(page["items"]) == 3 and page["next_offset"] == 3
        assert client.get("/api/stories.csv").status_code == 200
        assert client.get("/stories").status_code == 200
    else:
        assert client.get("/api/stories").status_code == 404
        assert client.get("/stories").status_code == 404

    class StoryStore(Store):
        def stories(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
            return [{"id": f"s{n}", "events": n} for n in range(3)][offset : offset + limit]

    store = StoryStore.open(web_db[0], create=False)
    with TestClient(create_app(store)) as with_stories:
        page = with_stories.get("/api/stories", params={"limit": 2}).json()
        assert [s["id"] for s in page["items"]] == ["s0", "s1"] and page["next_offset"] == 2
        assert rows_of(with_stories.get("/api/stories.csv").text)[2]["id"] == "s2"
        assert "/api/stories" in with_stories.get("/api/openapi.json").json()["paths"]

    class NoStories(Store):
        stories = None  # type: ignore[assignment]

    plain = NoStories.open(web_db[0], create=False)
    with TestClient(create_app(plain)) as without:
        assert without.get("/api/stories").status_code == 404
        assert without.get("/api/stats").json()["stories"] is False
        assert without.get("/stories").status_code == 404
        assert 'href="/stories"' not in without.get("/").text


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/events", "/api/events.csv", "/api/quotes", "/api/actors"):
        assert "get" in paths[path]
    assert "post" in paths["/api/analyze"] and "post" in paths["/api/ingest"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "E603" in docs.text and "E606" in docs.text  # the codes a client meets
    assert client.get("/docs").status_code == 404  # no CDN-loaded Swagger UI


# -- errors and security ------------------------------------------------------------------


def test_unknown_paths_are_404_json_or_html(client: TestClient) -> None:
    api = client.get("/api/nothing-here")
    assert api.status_code == 404 and api.json()["error"]["code"] == "E603"
    page = client.get("/nothing-here")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert client.get("/articles/ffff").status_code == 404
    assert client.get("/actor", params={"name": "Nobody Atall"}).status_code == 404
    refused = client.delete("/api/events")
    assert refused.status_code == 405 and refused.json()["error"]["code"] == "E604"


def test_every_error_code_has_one_meaning_and_is_listed() -> None:
    """Each code the package raises or the API answers is in errors.CODES and README's table,
    and no code stands for two things: the API's own refusals are E6xx, not E4xx (event data)."""
    import re

    from dateline.errors import CODES, HTTP_CODES, http_code

    src = Path(__file__).resolve().parents[1] / "src" / "dateline"
    used = {
        code
        for path in src.rglob("*.py")
        for code in re.findall(r"[\"']((?:E\d{3}))[\"']", path.read_text(encoding="utf-8"))
    }
    assert used <= set(CODES), sorted(used - set(CODES))
    readme = (src.parents[1] / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| (E\d{3}) \|", readme, flags=re.M))
    assert listed == set(CODES), sorted(set(CODES) ^ listed)
    assert sorted(HTTP_CODES.values()) == [f"E60{n}" for n in range(1, 7)]
    assert http_code(418) == "E600" and all(not c.startswith("E4") for c in HTTP_CODES.values())


def test_no_stack_trace_reaches_the_client(
    web_db: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("secret internal detail /etc/dateline")

    app = create_app(web_db[0])
    monkeypatch.setattr(app.state.dateline.store, "events", broken)
    with TestClient(app, raise_server_exceptions=False) as failing:
        for path in ("/api/events", "/events"):
            answer = failing.get(path)
            assert answer.status_code == 500
            assert "secret" not in answer.text and "Traceback" not in answer.text
            assert "content-security-policy" in answer.headers
        assert failing.get("/api/events").json() == {
            "error": {"code": "E900", "message": "internal server error"}
        }


@pytest.mark.parametrize("path", ["/", "/api/events", "/static/style.css", "/nothing", "/events"])
def test_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


PAGES = [
    "/",
    "/?q=Valport",
    "/?q=Hostile",
    "/events",
    "/events?actor=LVABUS",
    "/actors",
    "/quotes",
    "/quotes?q=painted",
    "/network",
    "/map",
    "/map?place=%3Cscript%3Ealert(1)%3C%2Fscript%3E&lat=57.0&lon=24.0",
    "/analyze",
    "/api/docs",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_and_escape_hostile_content(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    assert "<script>alert" not in answer.text and "<img src=x" not in answer.text
    assert "onerror=alert(1)>" not in answer.text.replace("&gt;", "")  # only escaped forms


def test_hostile_article_page_is_all_text(client: TestClient, ids: dict[str, str]) -> None:
    page = client.get(f"/articles/{ids['hostile']}").text
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert (
        "javascript:" not in page.split("<main>")[1].split("source")[0]
        or 'href="javascript' not in page
    )
    assert 'href="javascript' not in page
    actor = client.get("/actor", params={"name": f"Evil Corp {XSS_IMG}", "code": "LVABUS"})
    assert actor.status_code == 200 and "<img" not in actor.text


def test_article_page_highlights_entities_quotes_and_events(
    client: TestClient, ids: dict[str, str]
) -> None:
    page = client.get(f"/articles/{ids['harbour']}").text
    assert '<span class="mark-quote" data-quote="0">The strike is over,</span>' in page
    assert 'class="mark-ent mark-event" data-event="0">Lena Morgan</span>' in page
    assert 'href="/actor?name=Lena+Morgan&amp;code=ESTGOV"' in page
    assert "curated:visit" in page and "Valport" in page and "2024-05-06" in page
    assert 'href="https://harbour.example/valport-strike"' in page


def test_actor_page_has_a_timeline_and_quotes(client: TestClient) -> None:
    page = client.get("/actor", params={"name": "Lena Morgan", "code": "ESTGOV"}).text
    assert '<svg id="timeline"' in page and 'class="q1"' in page
    assert "The strike is over," in page


def test_analyze_page_round_trip(client: TestClient) -> None:
    text = f"The council met in Valport on Monday. {XSS_SCRIPT}"
    page = client.post("/analyze", data={"content": text, "kind": "text"})
    assert page.status_code == 200 and "The council met in Valport" in page.text
    assert "<script>alert" not in page.text
    assert client.post("/analyze", data={"content": "  "}).status_code == 422


# -- the command and the load test --------------------------------------------------------


def test_serve_command_builds_the_app(
    web_db: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.setenv("DATELINE_TOKEN", "from-env")
    result = CliRunner().invoke(cli, ["serve", "--db", str(web_db[0]), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert seen["app"].state.dateline.token == "from-env"
    with TestClient(seen["app"], base_url="http://127.0.0.1:8123") as served:
        assert served.get("/api/health").status_code == 200
        assert served.get("/api/health", headers={"Host": "localhost:8123"}).status_code == 200
        rebound = served.get("/api/health", headers={"Host": "attacker.example:8123"})
        # Starlette's TrustedHostMiddleware answers before routing, in plain text
        assert rebound.status_code == 400 and rebound.text == "Invalid host header"
    # --port 0 (any free port) names the port chosen, not 0, even under --quiet
    free = CliRunner().invoke(cli, ["serve", "--db", str(web_db[0]), "--port", "0", "-q"])
    assert free.exit_code == 0 and seen["port"] > 0
    assert f"at http://127.0.0.1:{seen['port']}/" in free.stderr
    missing = CliRunner().invoke(cli, ["serve", "--db", str(web_db[0].parent / "none.db")])
    assert missing.exit_code == 1 and "no database" in missing.output


def test_load_test_smoke(web_db: tuple[Path, dict[str, str]]) -> None:
    from dateline_dev.loadtest import run_load

    result = run_load(web_db[0], clients=2, seconds=2)
    assert result["requests"] > 0 and result["errors"] == 0
    assert 0 < result["p50_ms"] <= result["p99_ms"]


def test_a_record_analyzed_in_part_says_so_on_its_page_and_in_the_api(
    tmp_path: Path, analysis_factory: Any
) -> None:
    # a non-English article is stored without entities, quotes or events: its page showed
    # empty lists with no word why, and the API lost the record's warning
    record = analysis_factory("Hafen wieder offen", "Der Hafen ist seit Montag wieder offen.")
    record.warnings = ["the article is in 'de'; entities, quotes and events are only found"]
    with Store.open(tmp_path / "w.db") as store:
        store.save(record)
    with TestClient(create_app(tmp_path / "w.db")) as local:
        assert local.get(f"/api/articles/{record.id}").json()["warnings"] == record.warnings
        page = local.get(f"/articles/{record.id}").text
    assert '<p class="warning">the article is in &#39;de&#39;; entities' in page
