"""URLs as Documents: polite fetching with httpx.

Every request a :class:`Fetcher` makes

- says who it is: ``User-Agent: dateline/VERSION (+PROJECT_URL)`` unless Options.user_agent;
- asks robots.txt first (fetched once per host and cached, RFC 9309: a 4xx robots.txt allows
  everything, a 5xx or unreachable one disallows everything); disallowed is E108;
- waits its turn: at least ``Options.host_interval`` seconds (or the robots.txt
  Crawl-delay, when larger) since the last request to the same host;
- retries 429, 5xx, timeouts and connection errors ``Options.retries`` times with
  exponential back-off, honouring Retry-After up to ``Options.max_retry_wait``;
- follows redirects one hop at a time, each hop checked against its host's robots.txt and
  rate limit; the Document's url is the final URL;
- streams the answer and stops past ``Options.max_fetch_bytes`` (E106), and refuses a
  content type that is not HTML, text (or, for a URL argument, a feed) with E112.

Failures are SourceError codes E106/E107/E108/E112, turned into a SourceFailure for the URL.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from dateline.errors import SourceError
from dateline.options import Options
from dateline.sources.base import SourceFailure, SourceItem, http_document
from dateline.sources.urls import usable_url
from dateline.version import __version__

PROJECT_URL = "https://pypi.org/project/dateline/"


def default_user_agent() -> str:
    """``dateline/VERSION (+PROJECT_URL)``: who is asking, and where to read about it."""
    return f"dateline/{__version__} (+{PROJECT_URL})"


#: Media types that hold a page.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
#: Media types that hold a feed.
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 10
#: RFC 9309 asks crawlers to parse at least 500 KiB of robots.txt; more is not read.
MAX_ROBOTS_BYTES = 512 * 1024
#: A robots.txt Crawl-delay longer than this is capped (some sites ask for hours).
MAX_CRAWL_DELAY = 60.0


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


@dataclass(slots=True, frozen=True)
class Fetched:
    """One answer read whole: the final URL after redirects, its media type and body."""

    url: str
    media_type: str  # lower case, without parameters; "" when the server sent none
    charset: str | None
    body: bytes
    #: the validators of the answer, for a conditional GET next time (``Fetcher.get``)
    etag: str | None = None
    last_modified: str | None = None
    #: the server answered 304 to a conditional GET: nothing changed, there is no body
    not_modified: bool = False


@dataclass(slots=True)
class _Robots:
    parser: Protego | None  # None: everything allowed
    refusal: str | None = None  # why everything is disallowed, when it is


class Fetcher:
    """A polite HTTP client, shared by all URLs of one run (robots cache, host clocks).

    The httpx client is made on first use, so making a Fetcher costs nothing. ``transport``,
    ``sleep`` and ``clock`` are for tests.
    """

    def __init__(
        self,
        options: Options | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.options = options or Options()
        self.user_agent = self.options.user_agent or default_user_agent()
        self._transport = transport
        self._sleep = sleep
        self._clock = clock
        self._client: httpx.Client | None = None
        self._robots: dict[str, _Robots] = {}
        self._last: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": self.user_agent},
                timeout=self.options.timeout,
                follow_redirects=False,  # followed by hand: each hop is checked (robots, pace)
                transport=self._transport,
            )
        return self._client

    def get(
        self,
        url: str,
        accept: Collection[str] = PAGE_TYPES,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """GET ``url`` politely; raises SourceError (E106/E107/E108/E112).

        With ``etag`` or ``last_modified`` (the validators of an earlier answer) the GET is
        conditional: an unchanged resource answers 304, a Fetched with ``not_modified`` set.
        """
        conditional = {
            name: value
            for name, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified))
            if value
        }
        for _ in range(MAX_REDIRECTS + 1):
            if not is_url(url):
                raise SourceError(
                    f"cannot fetch {url}: give an absolute http:// or https:// URL", code="E107"
                )
            if not usable_url(url):  # a redirect can lead here too
                raise SourceError(
                    f"cannot fetch {url[:200]}: it is not a well-formed URL (check the brackets "
                    "of an IPv6 host and the port)",
                    code="E107",
                )
            self._check_robots(url)
            outcome = self._fetch(url, accept, self.options.max_fetch_bytes, conditional)
            if isinstance(outcome, Fetched):
                return outcome
            url = outcome
        raise SourceError(
            f"more than {MAX_REDIRECTS} redirects starting from the URL; the site loops",
            code="E107",
        )

    # -- robots.txt ---------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        if not self.options.respect_robots:
            return
        robots = self._robots_for(url)
        if robots.refusal is not None:
            raise SourceError(robots.refusal, code="E108")
        if robots.parser is not None and not robots.parser.can_fetch(url, self.user_agent):
            raise SourceError(
                f"robots.txt of {_origin(url)} does not allow {self.user_agent.split('/')[0]} "
                f"to fetch {url}; respect the site's wishes or ask its owner",
                code="E108",
            )

    def _robots_for(self, url: str) -> _Robots:
        origin = _origin(url)
        if origin in self._robots:
            return self._robots[origin]
        robots_url = origin + "/robots.txt"
        robots = _Robots(parser=None)
        try:
            target = robots_url
            for _ in range(5):  # RFC 9309: follow at least five redirects
                outcome = self._fetch(target, (), MAX_ROBOTS_BYTES, robots=True)
                if isinstance(outcome, Fetched):
                    # protego: RFC 9309's longest match (a longer Disallow beats a shorter
                    # Allow, Allow wins a tie), with the * and $ wildcards
                    robots.parser = Protego.parse(outcome.body.decode("utf-8", "replace"))
                    break
                target = outcome
        except _RobotsMissing:
            pass  # 4xx: "unavailable", the crawler may access everything
        except SourceError as exc:
            robots.refusal = (
                f"robots.txt of {origin} could not be read ({exc.message}); until it can, "
                "the site is treated as off limits (RFC 9309). Try again later"
            )
        self._robots[origin] = robots
        return robots

    def _interval(self, url: str) -> float:
        interval = self.options.host_interval
        robots = self._robots.get(_origin(url))
        if robots is not None and robots.parser is not None:
            delay = robots.parser.crawl_delay(self.user_agent)
            if delay is not None:
                interval = max(interval, min(float(delay), MAX_CRAWL_DELAY))
        return interval

    # -- one request, with pacing and retries --------------------------------------------

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None:
            wait = self._interval(url) - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def _done(self, url: str) -> None:
        # The interval runs from the end of an answer: a slow answer is a busy server.
        self._last[urlsplit(url).netloc.lower()] = self._clock()

    def _fetch(
        self,
        url: str,
        accept: Collection[str],
        limit: int,
        headers: dict[str, str] | None = None,
        *,
        robots: bool = False,
    ) -> Fetched | str:
        """The answer to GET ``url``, or the URL a redirect points to."""
        options = self.options
        attempt = 0
        while True:
            self._wait_turn(url)
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    if status in RETRY_STATUSES and attempt < options.retries:
                        wait = self._retry_wait(response, attempt)
                    else:
                        return _answer(response, url, accept, limit, robots)
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                raise SourceError(
                    f"cannot fetch {url}: {exc}; give an absolute http:// or https:// URL",
                    code="E107",
                ) from None
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                if attempt >= options.retries:
                    raise SourceError(
                        f"could not fetch {url}: {_describe(exc)} (after {attempt + 1} "
                        "attempts); check the address and your connection, or raise timeout",
                        code="E107",
                    ) from None
                wait = options.retry_backoff * 2**attempt
            finally:
                self._done(url)
            attempt += 1
            self._sleep(wait)

    def _retry_wait(self, response: httpx.Response, attempt: int) -> float:
        wait = self.options.retry_backoff * 2**attempt
        asked = _retry_after(response.headers.get("Retry-After"))
        if asked is not None:
            if asked > self.options.max_retry_wait:
                raise SourceError(
                    f"{response.url} answered {response.status_code} and asks to retry after "
                    f"{asked:.0f} s, longer than max_retry_wait "
                    f"({self.options.max_retry_wait:.0f} s); try again later",
                    code="E107",
                )
            wait = asked
        return min(wait, self.options.max_retry_wait)


class _RobotsMissing(Exception):
    """robots.txt answered 4xx: there are no rules."""


def _answer(
    response: httpx.Response, url: str, accept: Collection[str], limit: int, robots: bool
) -> Fetched | str:
    status = response.status_code
    if status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
        return urljoin(url, response.headers["Location"])
    if robots and 400 <= status < 500:
        raise _RobotsMissing
    validators = {
        "etag": response.headers.get("ETag"),
        "last_modified": response.headers.get("Last-Modified"),
    }
    if status == 304:
        return Fetched(str(response.url), "", None, b"", **validators, not_modified=True)
    if status != 200:
        reason = response.reason_phrase or ""
        raise SourceError(
            f"{url} answered HTTP {status} {reason}".rstrip()
            + (
                "; the server kept failing, try again later"
                if status >= 500 or status == 429
                else "; check the URL"
            ),
            code="E107",
        )
    content_type = response.headers.get("Content-Type", "")
    media_type = content_type.split(";")[0].strip().lower()
    if accept and media_type and media_type not in accept:
        raise SourceError(
            f"{url} is {media_type}, not an HTML page or text; only pages, text and feeds "
            "are analyzed",
            code="E112",
        )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_big(url, limit, f"it declares {declared} bytes")
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():  # content-encoding undone, so bombs are capped
            size += len(chunk)
            if size > limit:
                raise _too_big(url, limit, f"stopped reading after {size} bytes")
            chunks.append(chunk)
    except (httpx.DecodingError, httpx.StreamError) as exc:
        raise SourceError(f"could not read the answer from {url}: {exc}", code="E107") from None
    return Fetched(
        str(response.url), media_type, response.charset_encoding, b"".join(chunks), **validators
    )


def _too_big(url: str, limit: int, detail: str) -> SourceError:
    return SourceError(
        f"{url} is larger than max_fetch_bytes ({limit}): {detail}; raise max_fetch_bytes "
        "to read it",
        code="E106",
    )


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _describe(exc: Exception) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    return str(exc) or type(exc).__name__


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def page_document(fetched: Fetched, input_id: str, options: Options) -> SourceItem:
    """A fetched page as a Document (its url the final URL)."""
    if len(fetched.body) > options.max_bytes:
        return SourceFailure(
            input_id,
            "E106",
            f"the page is {len(fetched.body)} bytes, over the limit of {options.max_bytes}; "
            "raise --max-bytes (Options.max_bytes) to read it",
        )
    return http_document(
        input_id,
        fetched.body,
        kind=options.kind,
        media_type=fetched.media_type,
        charset=fetched.charset,
        url=fetched.url,
    )


def fetch_document(
    url: str, fetcher: Fetcher, options: Options | None = None, input_id: str | None = None
) -> SourceItem:
    """The page at ``url`` as a Document, or a SourceFailure saying why not."""
    options = options or fetcher.options
    try:
        fetched = fetcher.get(url, PAGE_TYPES)
    except SourceError as exc:
        return SourceFailure.from_error(input_id or url, exc)
    return page_document(fetched, input_id or url, options)
