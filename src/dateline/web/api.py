"""The JSON API under /api: every list is paged (``limit``, ``offset``) and downloadable as
CSV (``?format=csv`` or the same path with ``.csv``). Writes need the server's token."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from dateline.compare import Comparison, compare_story, rows
from dateline.errors import UsageError
from dateline.store.watch import WatchState
from dateline.web import views
from dateline.web.analysis import AnalyzeInput, analyze_input, url_fetching_available
from dateline.web.context import ApiError, Context, csv_response, get_context
from dateline.web.security import bearer, token_matches

router = APIRouter(prefix="/api")

Ctx = Annotated[Context, Depends(get_context)]
Limit = Annotated[int, Query(ge=1, le=10_000, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=100_000_000, description="Rows to skip.")]
Format = Annotated[
    Literal["json", "csv"], Query(description="json, or csv for a download of the page.")
]
Text = Annotated[str | None, Query(max_length=200)]


def _wants_csv(request: Request, fmt: str) -> bool:
    return fmt == "csv" or request.url.path.endswith(".csv")


def _answer(request: Request, fmt: str, page: views.Page, name: str) -> Response:
    if _wants_csv(request, fmt):
        return csv_response(page.items, name)
    # rows are plain JSON values already: skip FastAPI's per-value encoder
    return JSONResponse(page.to_dict())


def event_filters(
    actor: Annotated[
        str | None, Query(max_length=32, description="CAMEO actor code prefix.")
    ] = None,
    country: Annotated[str | None, Query(max_length=3, description="ISO 3166 alpha-3.")] = None,
    code: Annotated[str | None, Query(max_length=8, description="CAMEO code prefix.")] = None,
    plover: Annotated[str | None, Query(max_length=32, description="PLOVER event type.")] = None,
    since: Annotated[str | None, Query(max_length=40, description="ISO date, inclusive.")] = None,
    until: Annotated[str | None, Query(max_length=40, description="ISO date, inclusive.")] = None,
) -> dict[str, Any]:
    """The filters of ``dateline events``, as query parameters."""
    given = dict(actor=actor, country=country, code=code, plover=plover, since=since, until=until)
    filters = {k: v.strip() for k, v in given.items() if v and v.strip()}
    _check_dates(filters)
    return filters


#: What ``since``/``until`` may be: an ISO date, or its year or month alone (the map's time
#: slider asks by month), or a date-time. They are compared as text with the stored dates,
#: so anything else ('notadate', '03/01/2024') would match nothing without a word.
_ISO_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2}([T ][0-9:.+\-Z]*)?)?)?")


def _check_dates(filters: dict[str, Any]) -> None:
    for name in ("since", "until"):
        value = filters.get(name)
        if value is not None and not _ISO_PREFIX.fullmatch(value):
            raise ApiError(
                422,
                f"invalid request: query.{name}: {value[:40]!r} is not an ISO date; give "
                "2024-03-01, a month (2024-03) or a year (2024)",
            )


EventFilters = Annotated[dict[str, Any], Depends(event_filters)]


@router.get("/health", summary="Liveness check")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/updated", summary="When the store last changed (poll it for new records)")
def updated(ctx: Ctx) -> dict[str, Any]:
    """``last_seq`` (the newest article's number: it changes exactly when articles are
    added), ``updated_at`` (when that article was stored) and ``checked_at`` (when
    ``dateline watch`` last finished a cycle), all null/0 for an empty store."""
    return WatchState(ctx.store).stamp().to_dict()


@router.get("/stats", summary="Counts over the store")
def stats(ctx: Ctx) -> dict[str, Any]:
    return {
        **ctx.stats.get(ctx.store),
        "read_only": ctx.read_only,
        "url_fetching": url_fetching_available(),
        "stories": ctx.has_stories,
    }


@router.get("/articles", summary="Stored articles, newest first")
@router.get("/articles.csv", summary="Stored articles as CSV")
def articles(
    request: Request, ctx: Ctx, limit: Limit = 50, offset: Offset = 0, format: Format = "json"
) -> Any:
    return _answer(request, format, views.articles(ctx.store, limit, offset), "articles")


@router.get("/search", summary="Full-text search over titles and bodies, best first")
@router.get("/search.csv", summary="Search results as CSV")
def search(
    request: Request,
    ctx: Ctx,
    q: Annotated[
        str, Query(min_length=1, max_length=500, description='Words; "phrases", prefix*.')
    ],
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    format: Format = "json",
) -> Any:
    return _answer(request, format, views.search(ctx.store, q, limit, offset), "search")


@router.get(
    "/articles/by-url",
    summary="The article ingested under a URL (or whose canonical URL it is), full record",
)
def article_by_url(
    ctx: Ctx,
    url: Annotated[str, Query(min_length=1, max_length=4000, description="A URL.")],
) -> dict[str, Any]:
    article_id = ctx.store.find(url)
    if article_id is None or len(article_id) > 64:
        raise ApiError(404, f"no article was ingested under {url}")
    return article(ctx, article_id)


@router.get("/articles/{article_id}", summary="One article with its full analysis record")
def article(ctx: Ctx, article_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    record = ctx.store.get(article_id)
    if record is None:
        raise ApiError(404, f"no article with id {article_id}")
    return {**record.to_dict(), "urls": ctx.store.urls(article_id)}


@router.get("/events", summary="Events, newest first, with the filters of `dateline events`")
@router.get("/events.csv", summary="Events as CSV")
def events(
    request: Request,
    ctx: Ctx,
    filters: EventFilters,
    limit: Limit = 100,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    return _answer(request, format, views.events(ctx.store, filters, limit, offset), "events")


@router.get("/quotes", summary="Quotes by speaker, article or words of the quote")
@router.get("/quotes.csv", summary="Quotes as CSV")
def quotes(
    request: Request,
    ctx: Ctx,
    speaker: Text = None,
    article: Annotated[str | None, Query(max_length=64, description="An article id.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the quote.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    page = views.quotes(ctx.store, speaker, article, q, limit, offset)
    return _answer(request, format, page, "quotes")


@router.get("/actors", summary="Actors with the number of articles and mentions")
@router.get("/actors.csv", summary="Actors as CSV")
def actors(
    request: Request,
    ctx: Ctx,
    name: Text = None,
    country: Annotated[str | None, Query(max_length=3)] = None,
    kind: Annotated[str | None, Query(max_length=32, description="PERSON, ORG, GPE…")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    filters = {k: v for k, v in dict(name=name, country=country, kind=kind).items() if v}
    return _answer(request, format, views.actors(ctx.store, filters, limit, offset), "actors")


@router.get("/actor", summary="One actor: its events, monthly timeline and quotes")
def actor(
    ctx: Ctx,
    name: Annotated[str, Query(min_length=1, max_length=200)],
    code: Annotated[str | None, Query(max_length=32)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    found = views.actor(ctx.store, name, code, limit)
    if not found["rows"] and not found["events"] and not found["quotes"]:
        raise ApiError(404, f"no actor named {name}")
    return found


@router.get("/network", summary="Actor interactions: nodes and edges by QuadClass")
@router.get("/network.csv", summary="Network edges as CSV")
def network(
    request: Request,
    ctx: Ctx,
    filters: EventFilters,
    limit: Annotated[int, Query(ge=1, le=2000, description="Most edges.")] = 200,
    format: Format = "json",
) -> Any:
    graph = views.network(ctx.store, filters, limit)
    if _wants_csv(request, format):
        return csv_response(graph["edges"], "network")
    return graph


@router.get("/places", summary="Event locations with coordinates and event counts")
@router.get("/places.csv", summary="Event locations as CSV")
def places(
    request: Request,
    ctx: Ctx,
    filters: EventFilters,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    format: Format = "json",
) -> Any:
    found = views.places(ctx.store, filters, limit)
    if _wants_csv(request, format):
        return csv_response(found["places"], "places")
    return found


@router.get("/places/events", summary="The events of one place of the map, newest first")
def place_events(
    ctx: Ctx,
    filters: EventFilters,
    name: Annotated[str, Query(max_length=200, description="The place's name, as /api/places.")],
    lat: Annotated[float, Query(ge=-90, le=90)],
    lon: Annotated[float, Query(ge=-180, le=180)],
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> dict[str, Any]:
    return views.place_events(ctx.store, filters, name, lat, lon, limit)


#: Mounted only when the store can list stories (``Store.stories``).
stories_router = APIRouter(prefix="/api")


@stories_router.get("/stories", summary="Stories: one real-world event across articles")
@stories_router.get("/stories.csv", summary="Stories as CSV")
def stories(
    request: Request,
    ctx: Ctx,
    min_articles: Annotated[int | None, Query(ge=1, le=10_000)] = None,
    since: Annotated[str | None, Query(max_length=40, description="ISO date, inclusive.")] = None,
    until: Annotated[str | None, Query(max_length=40, description="ISO date, inclusive.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "json",
) -> Response:
    """Stories, widest first (the store's own grouping of events across articles)."""
    given = dict(min_articles=min_articles, since=since, until=until)
    filters = {k: v for k, v in given.items() if v is not None and v != ""}
    _check_dates(filters)
    found = ctx.store.stories(**filters, limit=limit + 1, offset=offset)  # type: ignore[attr-defined,unused-ignore]
    rows = [r if isinstance(r, dict) else r.to_dict() for r in found]
    return _answer(request, format, views.paged(rows, limit, offset), "stories")


def story_comparison(ctx: Context, story_id: int) -> Comparison:
    """How the outlets of a story told it: 404 for no such story, 422 for a story only one
    article reports."""
    if ctx.store.story(story_id) is None:
        raise ApiError(404, f"no story {story_id}")
    try:
        return compare_story(ctx.store, story_id)
    except UsageError as exc:
        raise ApiError(422, exc.message, code=exc.code) from None


@stories_router.get("/stories/{story_id}/compare", summary="How outlets told a story, side by side")
@stories_router.get("/stories/{story_id}/compare.csv", summary="A story's comparison as CSV")
def compare(
    request: Request,
    ctx: Ctx,
    story_id: Annotated[int, Path(ge=1, le=2**62)],
    format: Format = "json",
) -> Response:
    """The articles of one story side by side: each outlet's headline, publication time,
    tone, actors, quotes (and how each cut them), events, and the claims only one makes.
    Offsets (``start``, ``end``) index the body of the article named by ``article_id``."""
    found = story_comparison(ctx, story_id)
    if _wants_csv(request, format):
        return csv_response(rows(found), f"story-{story_id}")
    return JSONResponse(found.to_dict())


# -- analysis and writes -------------------------------------------------------------------


class IngestBatch(BaseModel):
    documents: list[AnalyzeInput] = Field(..., min_length=1, max_length=100)


def require_token(
    ctx: Ctx,
    authorization: Annotated[str | None, Header()] = None,
    x_dateline_token: Annotated[str | None, Header()] = None,
) -> None:
    """Writes need ``Authorization: Bearer TOKEN`` (or ``X-Dateline-Token``)."""
    if ctx.read_only:
        raise ApiError(403, "this server is read-only; start it with --token to allow writes")
    if not token_matches(ctx.token, bearer(authorization, x_dateline_token)):
        raise ApiError(401, "a valid token is required: Authorization: Bearer TOKEN")


@router.post("/analyze", summary="Analyze text, HTML or a URL; nothing is stored")
def analyze(data: AnalyzeInput) -> dict[str, Any]:
    return analyze_input(data).to_dict()


@router.post(
    "/ingest",
    summary="Analyze and store one document or a batch (token required)",
    dependencies=[Depends(require_token)],
)
def ingest(ctx: Ctx, data: AnalyzeInput | IngestBatch) -> dict[str, Any]:
    documents = data.documents if isinstance(data, IngestBatch) else [data]
    results = []
    counts = {"inserted": 0, "skipped": 0, "failed": 0}
    for document in documents:
        record = analyze_input(document)
        stored = ctx.store.save(record)
        outcome = "failed" if record.error else "inserted" if stored else "skipped"
        counts[outcome] += 1
        results.append(
            {
                "id": record.id,
                "input_id": record.input_id,
                "outcome": outcome,
                "error": record.to_dict().get("error"),
            }
        )
    ctx.stats.clear()
    return {**counts, "records": results}
