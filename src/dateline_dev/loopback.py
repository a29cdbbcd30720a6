"""A newsroom on the loopback: feeds, sitemaps and article pages served from 127.0.0.1, for
``dateline bench watch`` and the watch tests. Nothing here touches the network.

Each ``Host`` is its own server (its own port, so its own host to the fetcher's pace),
serving routes the caller sets and changes between cycles. Answers carry an ETag (the
body's hash) and a Last-Modified (when the route last changed) and honour
``If-None-Match``/``If-Modified-Since`` with 304 unless ``validators`` is off. A route can
be made to fail (``fail``: the status to answer) or to answer slowly (``delay``).

Articles are invented: ``article_page(n)`` is a short news page whose words are drawn from
``n``, so no two are near-duplicates of each other.
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

_COUNTRIES = (
    *(("Romanian", "Hungary"), ("Serbian", "Croatia"), ("Bulgarian", "Greece")),
    *(("Polish", "Lithuania"), ("Czech", "Austria"), ("Slovak", "Slovenia")),
)
_TOWNS = ("Varno", "Teslic", "Mirna", "Ostra", "Belun", "Kavar", "Dolsk", "Pernik", "Zavod")
_PLACES = (
    *("harbour", "council hall", "bridge", "ferry terminal", "school", "clinic", "market"),
    *("orchard", "quarry", "tunnel", "mill", "station", "library", "brewery", "foundry"),
)
_WORDS = (
    *("river", "winter", "budget", "contract", "railway", "grain", "copper", "timber"),
    *("festival", "archive", "reservoir", "pension", "tariff", "vineyard", "harvest"),
    *("shipyard", "motorway", "pipeline", "academy", "museum", "stadium", "hospital"),
)


def article_page(n: int) -> str:
    """An invented news article as an HTML page (an arrest and a condemnation to code)."""
    rng = random.Random(n)
    town = _TOWNS[n % len(_TOWNS)]
    place = _PLACES[n % len(_PLACES)]
    extra = " ".join(rng.choices(_WORDS, k=30))
    people, critic = _COUNTRIES[n % len(_COUNTRIES)]
    title = f"Police arrest protest leaders in {town} after march {n}"
    paragraphs = [
        f"{town.upper()}, March {1 + n % 28} — {people} police arrested {n + 2} protest "
        f"leaders in {town} on Tuesday after a march against the closure of the {place}.",
        f"{critic} condemned the arrests, and its foreign ministry summoned the ambassador.",
        f'"We will not be silenced," said a teacher who led the march. The interior ministry '
        f"said it would investigate the police response in {town}.",
        f"Residents said the dispute over the {place} had lasted months. Notes: {extra}.",
    ]
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<html><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f'<meta property="article:published_time" content="2024-03-{1 + n % 28:02d}T09:00:00Z">'
        f"</head><body><article><h1>{escape(title)}</h1>{body}</article></body></html>"
    )


def rss(items: list[tuple[str, str]], title: str = "Wire") -> str:
    """An RSS 2.0 feed of (link, title) items, each with a one-line teaser."""
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<guid>{escape(link)}</guid><description>Read the full story.</description></item>"
        for link, t in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link>{entries}</channel></rss>"
    )


def sitemap(urls: list[str]) -> str:
    """A sitemaps.org urlset of ``urls``."""
    locs = "".join(f"<url><loc>{escape(url)}</loc></url>" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    )


@dataclass
class Route:
    body: bytes
    content_type: str
    modified: float = field(default_factory=time.time)
    fail: int = 0  # answer this status instead (0: answer normally)
    delay: float = 0.0


class Host:
    """One loopback HTTP server with routes that can change while it runs."""

    def __init__(self, *, validators: bool = True, robots: str = "User-agent: *\n") -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.log: list[tuple[str, float, int]] = []  # path, monotonic time, status
        self.validators = validators
        self.delay = 0.0  # every answer of the host waits this long: a slow host
        #: called with each path before it is answered (tests stop a client from here)
        self.on_request: Callable[[str], None] | None = None
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.set("/robots.txt", robots, "text/plain")
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, body: str | bytes, content_type: str = "text/html") -> str:
        """Serve ``body`` at ``path`` (its Last-Modified now when it changed); its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self._lock:
            old = self.routes.get(path)
            if old is None or old.body != data or old.content_type != content_type:
                # whole seconds, as HTTP dates; a change within a second still shows
                stamp = float(int(time.time()))
                if old is not None and stamp <= old.modified:
                    stamp = old.modified + 1
                self.routes[path] = Route(data, content_type, stamp)
        return self.url(path)

    def fail(self, path: str, status: int) -> None:
        self.routes[path].fail = status

    def recover(self, path: str) -> None:
        self.routes[path].fail = 0

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> Host:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _handler(host: Host) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path
            host.hits[path] += 1
            if host.on_request is not None:
                host.on_request(path)
            route = host.routes.get(path)
            if host.delay or (route and route.delay):
                time.sleep(host.delay + (route.delay if route else 0.0))
            if route is None:
                self._send(404, b"not found", {"Content-Type": "text/plain"})
            elif route.fail:
                self._send(route.fail, b"failing on purpose", {"Content-Type": "text/plain"})
            else:
                self._answer(route)

        def _answer(self, route: Route) -> None:
            etag = '"' + hashlib.md5(route.body).hexdigest() + '"'
            modified = formatdate(route.modified, usegmt=True)
            charset = "" if "gzip" in route.content_type else "; charset=utf-8"
            headers = {"Content-Type": route.content_type + charset}
            if host.validators:
                headers |= {"ETag": etag, "Last-Modified": modified}
                if self.headers.get("If-None-Match") == etag or self._not_since(route):
                    self._send(304, b"", {"ETag": etag, "Last-Modified": modified})
                    return
            self._send(200, route.body, headers)

        def _not_since(self, route: Route) -> bool:
            since = self.headers.get("If-Modified-Since")
            if not since or self.headers.get("If-None-Match"):
                return False  # RFC 9110: If-None-Match wins when both are sent
            try:
                return route.modified <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            host.log.append((self.path, time.monotonic(), status))
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler
