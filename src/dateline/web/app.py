"""The FastAPI application: ``create_app(db)`` serves a store read-only (writes need a
token given at start-up), its JSON API under /api and its HTML pages.

Errors never show a stack trace: API paths answer ``{"error": {"code", "message"}}``, pages
an HTML error page; anything unexpected is logged and answered as a generic 500.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Collection
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dateline.errors import DatelineError, http_code
from dateline.store import Store
from dateline.version import __version__
from dateline.web import api, pages
from dateline.web.context import ApiError, Context
from dateline.web.paths import STATIC
from dateline.web.security import BodyLimit, SecurityHeaders

log = logging.getLogger("dateline.web")

#: The largest request body accepted (an HTML page to analyze fits well within it).
MAX_BODY = 2_000_000


def create_app(
    db: str | os.PathLike[str] | Store,
    *,
    token: str | None = None,
    max_body: int = MAX_BODY,
    allowed_hosts: Collection[str] | None = None,
) -> FastAPI:
    """The web app over a store (a path, a URL or an open ``Store``).

    Without ``token`` the app is read-only: POST /api/ingest answers 403. With one, writes
    need it as ``Authorization: Bearer TOKEN``. With ``allowed_hosts``, requests naming any
    other Host are refused (``dateline serve`` on the loopback allows only loopback names).
    """
    store = db if isinstance(db, Store) else Store.open(db, create=False)
    context = Context(
        store=store,
        token=token or None,
        max_body=max_body,
        allowed_hosts=tuple(allowed_hosts) if allowed_hosts else None,
    )
    app = _App(
        title="dateline",
        version=__version__,
        description="News as event data: articles, actors, quotes and CAMEO/PLOVER events, "
        "each tied to its sentence. Lists are paged (limit, offset) and downloadable as CSV.",
        docs_url=None,  # Swagger UI loads from a CDN; /api/docs is a local page instead
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.dateline = context
    app.include_router(api.router)
    if context.has_stories:
        app.include_router(api.stories_router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _error_handlers(app)
    return app


class _App(FastAPI):
    """FastAPI with the security headers and body limit outside every other layer, so even
    the last-resort 500 answer carries the headers."""

    def build_middleware_stack(self) -> Any:
        context: Context = self.state.dateline
        app: Any = BodyLimit(super().build_middleware_stack(), context.max_body)
        if context.allowed_hosts:
            # a server on the loopback cannot then be read by a page that rebinds its own
            # DNS name to it; IPv6 literals are matched in brackets, as Host headers carry them
            hosts = [f"[{h.strip('[]')}]" if ":" in h else h for h in context.allowed_hosts]
            app = TrustedHostMiddleware(app, allowed_hosts=hosts, www_redirect=False)
        return SecurityHeaders(app)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _error(request: Request, status: int, code: str, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    return pages.error_page(request, status, message)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _error(request, exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {404: "not found", 405: "method not allowed"}
        message = messages.get(exc.status_code, str(exc.detail))
        return _error(request, exc.status_code, http_code(exc.status_code), message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
            problems.append(f"{where}: {error.get('msg', 'invalid')}" if where else error["msg"])
        message = "invalid request: " + "; ".join(problems)[:1000]
        return _error(request, 422, http_code(422), message)

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError) -> Response:
        log.warning("request %s failed: %s %s", request.url.path, exc.code, exc.message)
        if exc.code == "E502":  # a search the full-text index cannot parse
            return _error(request, 400, exc.code, "the search query could not be understood")
        return _error(request, 500, exc.code, "the server could not read its database")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _error(request, 500, "E900", "internal server error")
