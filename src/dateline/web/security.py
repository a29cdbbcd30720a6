"""What keeps the web app safe to expose: headers, body limits, tokens and URL checks.

- Every answer carries a strict Content-Security-Policy (scripts only from /static, no
  inline script or style), nosniff, no framing and no referrer.
- Request bodies over ``max_body`` bytes are refused with 413, whether or not the client
  sent a Content-Length (the stream is counted as it arrives).
- Write tokens are compared in constant time (``hmac.compare_digest``).
- URLs given to /api/analyze are fetched only from public addresses: every connection the
  fetcher opens (redirects and robots.txt included) goes to an address that was resolved
  once and checked, never to a name resolved again, so the server cannot be turned on the
  loopback or the private network it sits in (not even by a name that rebinds its DNS).
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import socket
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

import httpcore
import httpx
from httpcore import SOCKET_OPTION as SocketOption

from dateline.errors import SourceError, http_code

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)


class SecurityHeaders:
    """Adds ``HEADERS`` to every HTTP answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [h for h in HEADERS if h[0] not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies larger than ``limit`` bytes with 413 and the JSON error shape.

    A declared Content-Length over the limit is refused before reading; otherwise the body
    is read (at most ``limit`` bytes are kept) before the app sees it, so a chunked upload
    cannot get past the limit either.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.limit + 1
                if declared > self.limit:
                    await self._refuse(send)
                    return
        if scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            seen += len(body)
            if seen > self.limit:
                await self._refuse(send)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps(
            {
                "error": {
                    "code": http_code(413),
                    "message": f"request body larger than {self.limit} bytes",
                }
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def token_matches(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; no token configured never matches."""
    if not expected or given is None:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def bearer(authorization: str | None, header_token: str | None) -> str | None:
    """The token a request carries: ``Authorization: Bearer T`` or ``X-Dateline-Token: T``."""
    if authorization:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
    return header_token


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


#: ``resolve(host, port)``: the addresses a host name stands for (a stub in tests).
Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, in the resolver's order (SourceError E107)."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as exc:
        raise SourceError(f"cannot resolve {host}: {exc}", code="E107") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def checked_addresses(
    host: str,
    port: int,
    resolver: Resolver = resolve,
    allowed: Callable[[str], bool] = is_public_address,
) -> list[str]:
    """``host``'s addresses, resolved once; SourceError (E107) unless every one is allowed."""
    addresses = resolver(host, port)
    if not addresses:
        raise SourceError(f"cannot resolve {host}: no address", code="E107")
    for address in addresses:
        if not allowed(address):
            raise SourceError(
                f"{host} is not a public address; this server fetches public URLs only",
                code="E107",
            )
    return addresses


class PinnedBackend(httpcore.SyncBackend):
    """Opens every connection to an address it checked, never to a name.

    Checking a name's addresses and then letting the HTTP client resolve the name again is a
    DNS-rebinding hole: a name with a short TTL can answer a public address to the check and
    the loopback to the connection. Here each host is resolved once, every address checked,
    and the sockets opened to those addresses only (the answer is kept for the backend's
    life: one fetch); TLS still verifies the certificate against the name, which httpcore
    passes as the server name.
    """

    def __init__(
        self, resolver: Resolver = resolve, allowed: Callable[[str], bool] = is_public_address
    ) -> None:
        self.resolver = resolver
        self.allowed = allowed
        self._checked: dict[tuple[str, int], list[str]] = {}

    def addresses(self, host: str, port: int) -> list[str]:
        """``host``'s checked addresses (SourceError E107 when one is not allowed)."""
        key = (host.lower(), port)
        if key not in self._checked:
            self._checked[key] = checked_addresses(host, port, self.resolver, self.allowed)
        return self._checked[key]

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        failure: Exception | None = None
        for address in self.addresses(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:  # the next checked address, if any
                failure = exc
        assert failure is not None
        raise failure


class PublicOnlyTransport(httpx.HTTPTransport):
    """An httpx transport that connects only to public addresses, and only to the addresses
    it checked (``PinnedBackend``); redirects and robots.txt are connections, checked too."""

    def __init__(
        self, resolver: Resolver = resolve, allowed: Callable[[str], bool] = is_public_address
    ) -> None:
        super().__init__()
        self.backend = PinnedBackend(resolver, allowed)
        # httpx takes no network backend argument: the pool it builds, with the pinning one
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=self.backend
        )

    def check(self, url: str) -> None:
        """Resolve and check ``url``'s host now (SourceError E107), for an early, clear
        refusal; the connection then uses these very addresses."""
        parts = httpx.URL(url)
        self.backend.addresses(parts.host, parts.port or (443 if parts.scheme == "https" else 80))
