"""The write side of ``dateline serve``: analysis on request, ingest with a token, body limits,
and the URL fetcher's refusal of non-public addresses (invented content)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[dev]')")

from fastapi.testclient import TestClient

from dateline.store import Store
from dateline.web import create_app
from web_store import GRAIN_TEXT, STRIKE_TEXT, TOKEN, build_test_store

warnings.filterwarnings("ignore", message=".*httpx2.*")


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("web") / "web.db"
    return path, build_test_store(path)


@pytest.fixture(scope="module")
def client(web_db: tuple[Path, dict[str, str]]) -> Iterator[TestClient]:
    with TestClient(create_app(web_db[0])) as test_client:
        yield test_client


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    """A client of a fresh, writable store."""
    path = tmp_path / "write.db"
    Store.open(path).close()
    with TestClient(create_app(path, token=TOKEN, max_body=50_000)) as test_client:
        yield test_client


# -- analysis and writes ------------------------------------------------------------------


def test_analyze_text_without_storing(client: TestClient) -> None:
    record = client.post("/api/analyze", json={"text": STRIKE_TEXT, "nlp": False}).json()
    assert record["article"]["body"].startswith("Port workers walked out")
    assert client.get("/api/stats").json()["articles"] == 22  # nothing stored
    html = "<html><body><article><h1>Strike</h1><p>" + GRAIN_TEXT.replace("\n\n", "</p><p>")
    assert (
        "harvest forecast"
        in client.post("/api/analyze", json={"html": html, "nlp": False}).json()["article"]["body"]
    )


@pytest.mark.parametrize(
    "body",
    [{}, {"text": "a", "html": "<p>b</p>"}, {"text": ""}, {"text": "x", "nlp": "perhaps"}],
)
def test_analyze_needs_exactly_one_input(client: TestClient, body: dict[str, Any]) -> None:
    answer = client.post("/api/analyze", json=body)
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "E606"


def test_analyze_of_empty_text_says_it_is_empty(client: TestClient) -> None:
    # it used to ask for "exactly one of text, html or url", which the caller had given
    for name in ("text", "html"):
        error = client.post("/api/analyze", json={name: ""}).json()["error"]
        assert error["message"].endswith(f'"{name}" is empty; nothing to analyze'), error


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/secret",
        "http://localhost/admin",
        "http://10.0.0.1/",
        "file:///etc/passwd",
    ],
)
def test_analyze_refuses_non_public_urls(client: TestClient, url: str) -> None:
    record = client.post("/api/analyze", json={"url": url}).json()
    assert record["error"]["code"] == "E107"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("169.254.169.254", False),
        ("::1", False),
        ("::ffff:127.0.0.1", False),
        ("fd00::1", False),
        ("93.184.216.34", True),
        ("2606:4700::1", True),
    ],
)
def test_only_public_addresses_are_fetched(address: str, public: bool) -> None:
    from dateline.web.security import is_public_address

    assert is_public_address(address) is public


def test_every_hop_of_a_fetch_is_checked() -> None:
    """A redirect to the loopback is refused by the transport itself."""
    import httpx

    from dateline.errors import SourceError
    from dateline.web.security import PublicOnlyTransport

    with pytest.raises(SourceError) as caught:
        PublicOnlyTransport().handle_request(httpx.Request("GET", "http://127.0.0.1:9/"))
    assert caught.value.code == "E107" and "public" in caught.value.message


class _Rebinding:
    """A resolver stub: the loopback first, then an address the check refuses (a name whose
    DNS answer changes between the check and the connection)."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        return ["127.0.0.1"] if len(self.calls) == 1 else ["10.9.9.9"]


def test_the_fetcher_connects_to_the_address_it_checked() -> None:
    """DNS rebinding: the name is resolved once; robots.txt and the page are fetched from
    the address that was checked, with the name in the Host header."""
    import http.server
    import threading

    from dateline.model import Document
    from dateline.options import Options
    from dateline.sources.web import Fetcher, fetch_document
    from dateline.web.security import PublicOnlyTransport

    hosts: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hosts.append(self.headers.get("Host", ""))
            body = b"<html><body><article><p>The harbour reopened on Monday.</p></article>"
            self.send_response(404 if self.path == "/robots.txt" else 200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    resolver = _Rebinding()
    # the loopback stands for "public" here: the test has no other address to reach
    transport = PublicOnlyTransport(resolver, allowed=lambda address: address == "127.0.0.1")
    try:
        url = f"http://rebind.invalid:{port}/story"
        transport.check(url)
        with Fetcher(Options(host_interval=0, retries=0), transport=transport) as fetcher:
            item = fetch_document(url, fetcher)
    finally:
        server.shutdown()
        server.server_close()
    assert isinstance(item, Document), item
    assert "harbour reopened" in item.content
    assert resolver.calls == ["rebind.invalid"]  # one resolution: check and connections
    assert hosts == [f"rebind.invalid:{port}"] * 2  # robots.txt, then the page


def test_a_name_resolving_to_the_loopback_is_refused_before_any_connection() -> None:
    from dateline.model import Document
    from dateline.options import Options
    from dateline.sources.web import Fetcher, fetch_document
    from dateline.web.security import PublicOnlyTransport

    def loopback(_host: str, _port: int) -> list[str]:
        return ["127.0.0.1"]

    transport = PublicOnlyTransport(loopback)
    with Fetcher(Options(host_interval=0, retries=0), transport=transport) as fetcher:
        item = fetch_document("http://inside.invalid:9/x", fetcher)
    assert not isinstance(item, Document)
    assert item.code in {"E107", "E108"} and "not a public address" in item.message


def test_a_loopback_server_answers_only_to_loopback_host_names(
    web_db: tuple[Path, dict[str, str]],
) -> None:
    from dateline.cli.serve import LOOPBACK

    with TestClient(create_app(web_db[0], allowed_hosts=LOOPBACK)) as local:
        for host in ("127.0.0.1:8000", "localhost", "LOCALHOST:80", "[::1]:8000"):
            assert local.get("/api/health", headers={"Host": host}).status_code == 200, host
        for host in ("rebound.example", "127.0.0.1.example:8000", "[::2]", ""):
            refused = local.get("/api/health", headers={"Host": host})
            assert refused.status_code == 400, host
            assert refused.headers["x-frame-options"] == "DENY"  # still inside the headers


def test_token_comparison() -> None:
    from dateline.web.security import bearer, token_matches

    assert token_matches("abc", "abc") and not token_matches("abc", "abd")
    assert (
        not token_matches(None, "") and not token_matches("", "") and not token_matches("a", None)
    )
    assert bearer("Bearer  tok ", None) == "tok" and bearer("Basic xyz", "h") == "h"


def test_analyze_says_when_url_fetching_is_unavailable(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dateline.web.analysis.url_fetching_available", lambda: False)
    record = client.post("/api/analyze", json={"url": "https://example.com/"}).json()
    assert "not available" in record["error"]["message"]


def test_analyze_with_the_full_pipeline_gives_a_record(client: TestClient) -> None:
    text = 'Harbour minister Lena Morgan visited Latvia on Monday. "It is over," Morgan said.'
    answer = client.post("/api/analyze", json={"text": text})
    assert answer.status_code == 200
    record = answer.json()
    assert record["input_id"] and ("article" in record or "error" in record)


def test_ingest_is_refused_on_a_read_only_server(client: TestClient) -> None:
    answer = client.post("/api/ingest", json={"text": "x", "nlp": False})
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "E602"


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"X-Dateline-Token": ""}],
)
def test_ingest_needs_the_token(writer: TestClient, headers: dict[str, str]) -> None:
    answer = writer.post("/api/ingest", json={"text": "Some text.", "nlp": False}, headers=headers)
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "E601"
    assert writer.get("/api/stats").json()["articles"] == 0


def test_ingest_stores_and_is_idempotent(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    doc = {"text": STRIKE_TEXT, "nlp": False}
    first = writer.post("/api/ingest", json=doc, headers=auth).json()
    assert first["inserted"] == 1 and first["records"][0]["outcome"] == "inserted"
    article_id = first["records"][0]["id"]
    assert writer.get(f"/api/articles/{article_id}").status_code == 200
    again = writer.post("/api/ingest", json=doc, headers={"X-Dateline-Token": TOKEN}).json()
    assert again["skipped"] == 1
    batch = {"documents": [{"text": GRAIN_TEXT, "nlp": False}, doc]}
    both = writer.post("/api/ingest", json=batch, headers=auth).json()
    assert (both["inserted"], both["skipped"]) == (1, 1)
    assert writer.get("/api/stats").json()["articles"] == 2
    assert writer.get("/api/stats").json()["read_only"] is False


def test_request_bodies_are_limited(writer: TestClient) -> None:
    big = {"text": "x" * 60_000, "nlp": False}
    answer = writer.post("/api/analyze", json=big)
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "E605"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        yield b'{"text": "'
        for _ in range(100):
            yield b"y" * 1000
        yield b'"}'

    streamed = writer.post(
        "/api/analyze", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    small = writer.post("/api/analyze", json={"text": "fits " * 100, "nlp": False})
    assert small.status_code == 200
