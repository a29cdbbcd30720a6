"""The HTML pages: server-rendered Jinja2 templates (autoescaped), enhanced by the scripts
in /static when JavaScript runs. Every page works without JavaScript except the drawing of
the network graph, which falls back to its table."""

from __future__ import annotations

import math
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from dateline.errors import StoreError
from dateline.store.watch import Stamp, WatchState
from dateline.web import geo, views
from dateline.web.analysis import AnalyzeInput, analyze_input, url_fetching_available
from dateline.web.api import EventFilters, story_comparison
from dateline.web.apidocs import describe
from dateline.web.context import ApiError, Context, get_context
from dateline.web.highlight import actor_href, article_html, sentence_href
from dateline.web.paths import TEMPLATES

router = APIRouter(include_in_schema=False)
Ctx = Annotated[Context, Depends(get_context)]
PAGE = 50
MARKS = ("\x02", "\x03")


def safe_url(url: Any) -> str | None:
    """An http(s) URL to link to, or None (no javascript:, data: or relative tricks)."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def snippet(text: str) -> Markup:
    """A search snippet with its matches in ``<mark>``, everything else escaped."""
    out = []
    for n, piece in enumerate(text.replace(MARKS[1], MARKS[0]).split(MARKS[0])):
        out.append(Markup("<mark>{}</mark>").format(piece) if n % 2 else escape(piece))
    return Markup("").join(out)


def query_string(params: dict[str, Any], **changes: Any) -> str:
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def lag(minutes: int) -> str:
    """A delay in minutes as people say it: "40 min", "2 h 05 min", "3 days"."""
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60:02d} min"
    return f"{round(minutes / 1440)} days"


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    env.filters["safe_url"] = safe_url
    env.filters["snippet"] = snippet
    env.filters["lag"] = lag
    env.filters["quad"] = lambda q: views.QUAD_CLASSES.get(q or 0, "unknown")
    env.globals["actor_href"] = actor_href
    env.globals["sentence_href"] = sentence_href
    env.globals["qs"] = query_string
    return env


templates = Jinja2Templates(env=_environment())


def render(request: Request, name: str, code: int = 200, **context: Any) -> HTMLResponse:
    ctx: Context = request.app.state.dateline
    context.setdefault("title", "dateline")
    return templates.TemplateResponse(
        request,
        name,
        {
            "read_only": ctx.read_only,
            "has_stories": ctx.has_stories,
            "stamp": _stamp(ctx),
            **context,
        },
        status_code=code,
    )


def _stamp(ctx: Context) -> Stamp | None:
    """The store's last-update stamp for the footer; None when it cannot be read (an error
    page must still render)."""
    try:
        return WatchState(ctx.store).stamp()
    except StoreError:
        return None


def error_page(request: Request, status: int, message: str) -> Response:
    return render(
        request, "error.html", status, title=f"Error {status}", status=status, message=message
    )


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    ctx: Ctx,
    q: Annotated[str, Query(max_length=500)] = "",
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> HTMLResponse:
    q = q.strip()
    if q:
        page = views.search(ctx.store, q, PAGE, offset, MARKS)
        return render(request, "search.html", q=q, page=page, hits=True, title=f"{q} · dateline")
    page = views.articles(ctx.store, PAGE, offset)
    return render(
        request, "search.html", q="", page=page, hits=False, stats=ctx.stats.get(ctx.store)
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    ctx: Ctx,
    article_id: str,
    hl: Annotated[str, Query(max_length=24, pattern=r"^(\d{1,9}-\d{1,9})?$")] = "",
) -> HTMLResponse:
    record = ctx.store.get(article_id[:64])
    if record is None:
        raise ApiError(404, "no such article")
    data = record.to_dict()
    start, _, end = hl.partition("-")
    target = (int(start), int(end)) if hl else None
    return render(
        request,
        "article.html",
        title=(data["article"] or {}).get("title") or "article",
        record=data,
        body=article_html(data, target),
        urls=ctx.store.urls(article_id),
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request,
    ctx: Ctx,
    name: Annotated[str, Query(max_length=200)] = "",
    country: Annotated[str, Query(max_length=3)] = "",
    kind: Annotated[str, Query(max_length=32)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    params = {"name": name.strip(), "country": country.strip(), "kind": kind.strip()}
    filters = {k: v for k, v in params.items() if v}
    page = views.actors(ctx.store, filters, PAGE, offset)
    return render(request, "actors.html", title="Actors", page=page, params=params)


def timeline_chart(
    months: list[dict[str, Any]], width: int = 720, height: int = 160
) -> dict[str, Any]:
    """Bar geometry for a stacked monthly timeline (drawn as SVG by the template)."""
    if not months:
        return {"bars": [], "width": width, "height": height, "top": 0}
    top = max(m["events"] for m in months)
    slot = width / len(months)
    bar = min(slot * 0.8, 48.0)
    bars = []
    for n, month in enumerate(months):
        y = float(height)
        stack = []
        for quad in ("1", "2", "3", "4", "0"):
            count = month["by_quad_class"].get(quad, 0)
            if count:
                h = height * count / top
                y -= h
                stack.append({"quad": quad, "y": round(y, 1), "h": round(h, 1), "count": count})
        bars.append(
            {
                "x": round(n * slot + (slot - bar) / 2, 1),
                "w": round(bar, 1),
                "month": month,
                "stack": stack,
            }
        )
    return {"bars": bars, "width": width, "height": height, "top": top}


@router.get("/actor", response_class=HTMLResponse)
def actor_page(
    request: Request,
    ctx: Ctx,
    name: Annotated[str, Query(min_length=1, max_length=200)],
    code: Annotated[str, Query(max_length=32)] = "",
) -> HTMLResponse:
    found = views.actor(ctx.store, name, code or None, 200)
    if not found["rows"] and not found["events"] and not found["quotes"]:
        raise ApiError(404, "no such actor")
    chart = timeline_chart(found["timeline"])
    return render(request, "actor.html", title=name, actor=found, chart=chart)


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request, ctx: Ctx, filters: EventFilters, offset: Annotated[int, Query(ge=0)] = 0
) -> HTMLResponse:
    page = views.events(ctx.store, filters, PAGE, offset)
    return render(request, "events.html", title="Events", page=page, params=filters)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    ctx: Ctx,
    speaker: Annotated[str, Query(max_length=200)] = "",
    q: Annotated[str, Query(max_length=200)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    params = {"speaker": speaker.strip(), "q": q.strip()}
    page = views.quotes(
        ctx.store, params["speaker"] or None, None, params["q"] or None, PAGE, offset
    )
    return render(request, "quotes.html", title="Quotes", page=page, params=params)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, ctx: Ctx, filters: EventFilters) -> HTMLResponse:
    graph = views.network(ctx.store, filters, 200)
    return render(
        request,
        "network.html",
        title="Network",
        graph=graph,
        params=filters,
        api=query_string(filters),
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request,
    ctx: Ctx,
    filters: EventFilters,
    place: Annotated[str | None, Query(max_length=200)] = None,
    lat: Annotated[float | None, Query(ge=-90, le=90)] = None,
    lon: Annotated[float | None, Query(ge=-180, le=180)] = None,
) -> HTMLResponse:
    """Country outlines, one circle per place (area ~ events, colour = the most frequent
    QuadClass); ``place``/``lat``/``lon`` list one place's events (what a click on a
    circle shows; map.js shows it without a reload and adds the time slider)."""
    found = views.places(ctx.store, filters, 1000)
    top = max((p["events"] for p in found["places"]), default=1)
    for spot in found["places"]:
        spot["r"] = round(1.2 + 4 * math.sqrt(spot["events"] / top), 2)
        spot["y"] = -spot["lat"]
        spot["months"] = " ".join(
            f"{month}:{quad}:{count}"
            for month, counts in spot["by_month"].items()
            for quad, count in counts.items()
        )
        spot["href"] = "/map?" + query_string(
            filters, place=spot["name"], lat=spot["lat"], lon=spot["lon"]
        )
    chosen = None
    if place is not None and lat is not None and lon is not None:
        chosen = views.place_events(ctx.store, filters, place, lat, lon, 200)
    months = sorted({m for p in found["places"] for m in p["by_month"] if m != "undated"})
    return render(
        request,
        "map.html",
        title="Map",
        places=found["places"],
        params=filters,
        countries=geo.countries(),
        months=months,
        chosen=chosen,
    )


@router.get("/stories", response_class=HTMLResponse)
def stories_page(
    request: Request,
    ctx: Ctx,
    min_articles: Annotated[int, Query(ge=1, le=10_000)] = 1,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    if not ctx.has_stories:
        raise ApiError(404, "this store does not group events into stories")
    found = ctx.store.stories(  # type: ignore[attr-defined,unused-ignore]
        min_articles=min_articles, limit=PAGE + 1, offset=offset
    )
    rows = [r if isinstance(r, dict) else r.to_dict() for r in found]
    page = views.paged(rows, PAGE, offset)
    columns = list(page.items[0]) if page.items else []
    params = {"min_articles": min_articles}
    return render(
        request, "stories.html", title="Stories", page=page, columns=columns, params=params
    )


@router.get("/stories/{story_id}/compare", response_class=HTMLResponse)
def compare_page(
    request: Request, ctx: Ctx, story_id: Annotated[int, Path(ge=1, le=2**62)]
) -> HTMLResponse:
    if not ctx.has_stories:
        raise ApiError(404, "this store does not group events into stories")
    found = story_comparison(ctx, story_id)
    return render(
        request,
        "compare.html",
        title=f"Story {story_id}: how outlets told it",
        c=found,
        data=found.to_dict(),
        story_id=story_id,
    )


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    return render(
        request,
        "analyze.html",
        title="Analyze",
        result=None,
        form={},
        fetching=url_fetching_available(),
    )


@router.post("/analyze", response_class=HTMLResponse)
def analyze_page(
    request: Request,
    content: Annotated[str, Form(max_length=1_000_000)] = "",
    kind: Annotated[str, Form(pattern="^(text|html|url)$")] = "text",
    nlp: Annotated[bool, Form()] = False,
) -> HTMLResponse:
    form = {"content": content, "kind": kind, "nlp": nlp}
    fetching = url_fetching_available()
    if not content.strip():
        return render(
            request,
            "analyze.html",
            422,
            title="Analyze",
            result=None,
            form=form,
            fetching=fetching,
            message="paste some text, HTML or a URL",
        )
    data = AnalyzeInput(**{kind: content.strip() if kind == "url" else content}, nlp=nlp)
    record = analyze_input(data).to_dict()
    body = article_html(record) if record.get("article") else None
    return render(
        request,
        "analyze.html",
        title="Analysis",
        result=record,
        body=body,
        form=form,
        fetching=fetching,
    )


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    return render(request, "apidocs.html", title="API", operations=describe(request.app))
