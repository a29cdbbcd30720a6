"""Sources: URLs fetched politely (robots.txt, pace, retries, caps), against a local server.

No test touches the network: ``site`` is a real HTTP server on 127.0.0.1 (port 0) in a
thread. The feed and list tests import it from here.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise

import pytest

from dateline.model import Document
from dateline.options import Options
from dateline.sources import SourceFailure, iter_documents
from dateline.sources.decode import decode_bytes
from dateline.sources.files import read_url
from dateline.sources.web import (
    Fetcher,
    _retry_after,
    default_user_agent,
    fetch_document,
)

PAGE = (
    "<html><head><title>Port talks</title></head><body><article><h1>Port talks</h1>"
    "<p>Negotiators met in the port city on Tuesday to discuss the grain corridor.</p>"
    "</article></body></html>"
)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    chunks: int = 0  # > 0: send the body this many times, without a Content-Length
    delay: float = 0.0


Route = Callable[["Site"], Reply]


@dataclass
class Site:
    """What the server answers, and what it was asked (path, User-Agent, monotonic time)."""

    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, str, float]] = field(default_factory=list)
    hits: Counter[str] = field(default_factory=Counter)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: str = PAGE, content_type: str = "text/html") -> None:
        self.routes[path] = lambda _site: Reply(
            body=body.encode("utf-8"), headers={"Content-Type": content_type}
        )

    def requested(self, path: str) -> int:
        return self.hits[path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.log.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
            site.hits[self.path] += 1
            route = site.routes.get(self.path)
            reply = route(site) if route else Reply(404, b"not found")
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if not reply.chunks:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                for _ in range(max(1, reply.chunks)):
                    self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading, as it should past its size cap

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    site.routes["/robots.txt"] = lambda _s: Reply(
        body=b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


#: Fast and deterministic: no pause between requests, tiny back-off, short timeout.
FAST = Options(host_interval=0.0, retry_backoff=0.01, timeout=2.0, retries=2)


def fetch(site: Site, path: str, options: Options = FAST, **kwargs: object) -> object:
    with Fetcher(options, **kwargs) as fetcher:  # type: ignore[arg-type]
        return fetch_document(site.url(path), fetcher)


# -- pages -----------------------------------------------------------------------------------


def test_page_becomes_a_document_with_a_clear_user_agent(site: Site) -> None:
    site.page("/news/a")
    item = fetch(site, "/news/a")
    assert isinstance(item, Document)
    assert item.input_id == item.url == site.url("/news/a")
    assert item.kind == "html" and "grain corridor" in item.content
    agents = {agent for _path, agent, _t in site.log}
    assert agents == {default_user_agent()}
    assert default_user_agent().startswith("dateline/0.1.0 (+http")


def test_user_agent_option(site: Site) -> None:
    site.page("/a")
    fetch(site, "/a", Options(host_interval=0, user_agent="research-bot/1 (me@example.org)"))
    assert {agent for _p, agent, _t in site.log} == {"research-bot/1 (me@example.org)"}


def test_text_page_is_text_and_charset_header_is_respected(site: Site) -> None:
    russian = "Министр заявил в среду, что переговоры возобновятся."
    site.routes["/ru.txt"] = lambda _s: Reply(
        body=russian.encode("cp1251"), headers={"Content-Type": "text/plain; charset=windows-1251"}
    )
    item = fetch(site, "/ru.txt")
    assert isinstance(item, Document)
    assert item.kind == "text" and item.content == russian and item.encoding == "cp1251"


def test_latin1_label_on_utf8_bytes_reads_utf8(site: Site) -> None:
    site.page("/fr", "<p>Le président a déclaré</p>", "text/html; charset=ISO-8859-1")
    item = fetch(site, "/fr")
    assert isinstance(item, Document) and "président" in item.content


def test_redirects_followed_and_url_is_final(site: Site) -> None:
    site.page("/new")
    site.routes["/old"] = lambda _s: Reply(301, headers={"Location": "/mid"})
    site.routes["/mid"] = lambda _s: Reply(302, headers={"Location": site.url("/new")})
    item = fetch(site, "/old")
    assert isinstance(item, Document)
    assert item.url == site.url("/new") and item.input_id == site.url("/old")


def test_redirect_to_another_scheme_fails_without_retrying(site: Site) -> None:
    site.routes["/ftp"] = lambda _s: Reply(302, headers={"Location": "ftp://files.example/a"})
    sleeps: list[float] = []
    item = fetch(site, "/ftp", sleep=sleeps.append)
    assert isinstance(item, SourceFailure) and item.code == "E107"
    assert "absolute http:// or https:// URL" in item.message and sleeps == []


def test_redirect_loop_fails(site: Site) -> None:
    site.routes["/loop"] = lambda _s: Reply(302, headers={"Location": "/loop"})
    item = fetch(site, "/loop")
    assert isinstance(item, SourceFailure) and item.code == "E107"
    assert "redirects" in item.message


# -- robots.txt ------------------------------------------------------------------------------


def test_robots_disallow_is_a_failure_and_page_is_never_requested(site: Site) -> None:
    site.page("/private/memo")
    item = fetch(site, "/private/memo")
    assert isinstance(item, SourceFailure) and item.code == "E108"
    assert "robots.txt" in item.message and "does not allow" in item.message
    assert site.requested("/private/memo") == 0


def test_robots_read_once_per_host(site: Site) -> None:
    site.page("/a")
    site.page("/b")
    with Fetcher(FAST) as fetcher:
        for path in ("/a", "/b", "/a"):
            assert isinstance(fetch_document(site.url(path), fetcher), Document)
    assert site.requested("/robots.txt") == 1


def test_redirect_into_disallowed_path_is_refused(site: Site) -> None:
    site.page("/private/x")
    site.routes["/go"] = lambda _s: Reply(302, headers={"Location": "/private/x"})
    item = fetch(site, "/go")
    assert isinstance(item, SourceFailure) and item.code == "E108"
    assert site.requested("/private/x") == 0


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/shop/cart", False),  # Disallow: /shop
        ("/shop/catalogue/item", True),  # the longer Allow wins (RFC 9309 longest match)
        ("/shop/catalogue/item/edit", False),  # ... and a longer Disallow beats it again
        ("/files/report.pdf", False),  # * and $: any .pdf, at the end of the path
        ("/files/report.pdf.html", True),  # $ anchors: not a .pdf
        ("/news/2024/draft-7", False),  # * inside a rule
        ("/news/2024/story", True),
        ("/page", True),  # Allow wins a tie of equal length
    ],
)
def test_robots_longest_match_and_wildcards(site: Site, path: str, allowed: bool) -> None:
    rules = (
        "User-agent: *\nDisallow: /\n\n"  # other crawlers: nothing
        "User-agent: dateline\n"
        "Disallow: /shop\nAllow: /shop/catalogue\nDisallow: /shop/catalogue/*/edit\n"
        "Disallow: /*.pdf$\nDisallow: /news/*/draft-\nAllow: /page\nDisallow: /page\n"
    )
    site.routes["/robots.txt"] = lambda _s: Reply(
        body=rules.encode(), headers={"Content-Type": "text/plain"}
    )
    site.page(path)
    item = fetch(site, path)
    assert isinstance(item, Document) is allowed, item
    assert site.requested(path) == (1 if allowed else 0)


def test_robots_missing_allows_everything(site: Site) -> None:
    site.routes["/robots.txt"] = lambda _s: Reply(404, b"no")
    site.page("/private/ok")
    assert isinstance(fetch(site, "/private/ok"), Document)


def test_robots_server_error_means_off_limits(site: Site) -> None:
    site.routes["/robots.txt"] = lambda _s: Reply(503, b"down")
    site.page("/a")
    item = fetch(site, "/a", Options(host_interval=0, retries=0))
    assert isinstance(item, SourceFailure) and item.code == "E108"
    assert "could not be read" in item.message and site.requested("/a") == 0


def test_robots_can_be_switched_off(site: Site) -> None:
    site.page("/private/mine")
    item = fetch(site, "/private/mine", Options(host_interval=0, respect_robots=False))
    assert isinstance(item, Document) and site.requested("/robots.txt") == 0


# -- pace and retries ------------------------------------------------------------------------


def test_per_host_interval_between_requests(site: Site) -> None:
    site.page("/a")
    site.page("/b")
    with Fetcher(Options(host_interval=0.15)) as fetcher:
        fetch_document(site.url("/a"), fetcher)
        fetch_document(site.url("/b"), fetcher)
    times = [t for _p, _a, t in site.log]
    assert [p for p, _a, _t in site.log] == ["/robots.txt", "/a", "/b"]
    gaps = [later - earlier for earlier, later in pairwise(times)]
    assert all(gap >= 0.14 for gap in gaps), gaps


def test_crawl_delay_wins_when_longer(site: Site) -> None:
    site.routes["/robots.txt"] = lambda _s: Reply(
        body=b"User-agent: dateline\nCrawl-delay: 5\n", headers={"Content-Type": "text/plain"}
    )
    site.page("/a")
    site.page("/b")
    sleeps: list[float] = []
    with Fetcher(FAST, sleep=sleeps.append) as fetcher:
        fetch_document(site.url("/a"), fetcher)
        fetch_document(site.url("/b"), fetcher)
    assert len(sleeps) == 2 and all(4.5 < s <= 5 for s in sleeps)


def test_503_then_200_is_retried(site: Site) -> None:
    def flaky(s: Site) -> Reply:
        if s.requested("/flaky") == 1:
            return Reply(503, b"busy")
        return Reply(body=PAGE.encode())

    site.routes["/flaky"] = flaky
    item = fetch(site, "/flaky")
    assert isinstance(item, Document) and site.requested("/flaky") == 2


def test_retry_after_is_honoured(site: Site) -> None:
    def limited(s: Site) -> Reply:
        if s.requested("/limited") == 1:
            return Reply(429, b"slow down", {"Retry-After": "7"})
        return Reply(body=PAGE.encode())

    site.routes["/limited"] = limited
    sleeps: list[float] = []
    item = fetch(site, "/limited", sleep=sleeps.append)
    assert isinstance(item, Document)
    assert sleeps == [7.0]


def test_retry_after_too_long_gives_up(site: Site) -> None:
    site.routes["/later"] = lambda _s: Reply(503, b"", {"Retry-After": "3600"})
    item = fetch(site, "/later", sleep=lambda _s: None)
    assert isinstance(item, SourceFailure) and item.code == "E107"
    assert "3600" in item.message and "max_retry_wait" in item.message
    assert site.requested("/later") == 1


def test_retries_exhausted_on_server_errors(site: Site) -> None:
    site.routes["/down"] = lambda _s: Reply(500, b"boom")
    sleeps: list[float] = []
    item = fetch(site, "/down", sleep=sleeps.append)
    assert isinstance(item, SourceFailure) and item.code == "E107"
    assert "HTTP 500" in item.message and site.requested("/down") == 3
    assert sleeps == [0.01, 0.02]  # exponential back-off


def test_client_error_is_not_retried(site: Site) -> None:
    item = fetch(site, "/missing")
    assert isinstance(item, SourceFailure) and item.code == "E107"
    assert "HTTP 404" in item.message and site.requested("/missing") == 1


def test_connection_refused_after_retries() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with Fetcher(
        Options(retries=1, retry_backoff=0.01, respect_robots=False, host_interval=0)
    ) as fetcher:
        item = fetch_document(f"http://127.0.0.1:{port}/a", fetcher)
    assert isinstance(item, SourceFailure) and item.code == "E107"
    assert "after 2 attempts" in item.message


def test_timeout(site: Site) -> None:
    site.routes["/slow"] = lambda _s: Reply(body=PAGE.encode(), delay=0.5)
    item = fetch(site, "/slow", Options(timeout=0.1, retries=0, host_interval=0))
    assert isinstance(item, SourceFailure) and item.code == "E107"
    assert "timed out" in item.message


# -- size and content type -------------------------------------------------------------------


def test_huge_streamed_body_is_cut_off(site: Site) -> None:
    site.routes["/huge"] = lambda _s: Reply(body=b"<p>" + b"x" * 65_536, chunks=200)
    item = fetch(site, "/huge", Options(host_interval=0, max_fetch_bytes=200_000))
    assert isinstance(item, SourceFailure) and item.code == "E106"
    assert "max_fetch_bytes" in item.message and "stopped reading" in item.message


def test_huge_declared_body_is_refused_before_reading(site: Site) -> None:
    site.routes["/big"] = lambda _s: Reply(body=b"x" * 5000)
    item = fetch(site, "/big", Options(host_interval=0, max_fetch_bytes=1000))
    assert isinstance(item, SourceFailure) and item.code == "E106"
    assert "declares 5000 bytes" in item.message


def test_binary_content_type_is_refused(site: Site) -> None:
    site.routes["/photo"] = lambda _s: Reply(
        body=b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"}
    )
    item = fetch(site, "/photo")
    assert isinstance(item, SourceFailure) and item.code == "E112"
    assert "image/png" in item.message


# -- through iter_documents ------------------------------------------------------------------


def test_urls_are_inputs_of_iter_documents(site: Site, tmp_path: object) -> None:
    site.page("/a")
    items = list(iter_documents([site.url("/a"), site.url("/missing")], FAST))
    assert [type(i).__name__ for i in items] == ["Document", "SourceFailure"]
    assert [i.input_id for i in items] == [site.url("/a"), site.url("/missing")]


def test_read_url_of_a_page(site: Site) -> None:
    site.page("/a")
    with Fetcher(FAST) as fetcher:
        items = list(read_url(site.url("/a"), FAST, fetcher))
    assert len(items) == 1 and isinstance(items[0], Document)


def test_page_over_max_bytes(site: Site) -> None:
    site.page("/a")
    item = fetch(site, "/a", Options(host_interval=0, max_bytes=50))
    assert isinstance(item, SourceFailure) and item.code == "E106"


def test_retry_after_forms() -> None:
    assert _retry_after("12") == 12.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: now
    assert _retry_after("soon") is None and _retry_after(None) is None


def test_transport_charset_decoding() -> None:
    text = "Dışişleri Bakanı açıklama yaptı"
    assert decode_bytes(text.encode("cp1254"), charset="windows-1254").text == text
    # a wrong label the bytes do not decode with is ignored
    assert decode_bytes("naïve café".encode(), charset="shift_jis_2004x").text == "naïve café"
    # ISO-8859-1 is what servers say by default: UTF-8 bytes are still UTF-8, else cp1252
    assert decode_bytes("naïve".encode(), charset="iso-8859-1").text == "naïve"
    assert decode_bytes("“quoted”".encode("cp1252"), charset="iso-8859-1").text == "“quoted”"


def test_nothing_is_fetched_until_asked(site: Site) -> None:
    site.page("/a")
    site.page("/b")
    items = iter_documents([site.url("/a"), site.url("/b")], FAST)
    assert site.log == []
    assert isinstance(next(items), Document)
    assert site.requested("/b") == 0
    items.close()  # type: ignore[attr-defined]
