"""The article body as HTML with entity mentions, quotes and event sentences marked.

Article text is untrusted: every segment of it is escaped on its own, and the only markup
in the result is the ``<span>``/``<a>`` elements built here (their attribute values come
from numbers and from URLs built with ``urlencode``). Offsets index into ``article.body``;
spans that do not fit the body are left out rather than trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # "ent", "quote", "event", or "target" (the stretch a link points at)
    index: int  # position in the record's entities / quotes / events list
    href: str | None = None


def actor_href(name: str | None, code: str | None = None) -> str | None:
    """The actor page of a name (and code), or None without a name."""
    if not name:
        return None
    query = {"name": name, **({"code": code} if code else {})}
    return "/actor?" + urlencode(query)


def _bounds(item: dict[str, Any], length: int) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
        return None
    if isinstance(end, bool) or not 0 <= start < end <= length:
        return None
    return start, end


def spans(record: dict[str, Any]) -> list[Span]:
    """Every span of a record's facts that fits its body."""
    body = (record.get("article") or {}).get("body") or ""
    out: list[Span] = []
    for n, entity in enumerate(record.get("entities") or []):
        href = actor_href(entity.get("name"), entity.get("code"))
        for mention in entity.get("mentions") or []:
            if isinstance(mention, dict) and (b := _bounds(mention, len(body))):
                out.append(Span(b[0], b[1], "ent", n, href))
    for kind, key in (("quote", "quotes"), ("event", "events")):
        for n, item in enumerate(record.get(key) or []):
            if isinstance(item, dict) and (b := _bounds(item, len(body))):
                out.append(Span(b[0], b[1], kind, n))
    return out


def highlight(body: str, marks: list[Span]) -> Markup:
    """``body`` as escaped HTML, each stretch wrapped in the marks that cover it.

    Marks may overlap (a mention inside a quote inside an event sentence): the body is cut
    at every mark boundary and each piece carries the classes of all marks over it.
    """
    cuts = sorted({0, len(body), *(s.start for s in marks), *(s.end for s in marks)})
    parts: list[str] = []
    anchored = False
    for start, end in pairwise(cuts):
        text = escape(body[start:end])
        over = [s for s in marks if s.start <= start and end <= s.end]
        if not over:
            parts.append(text)
            continue
        classes = sorted({f"mark-{s.kind}" for s in over})
        data = []
        for kind in ("quote", "event"):
            ids = sorted({s.index for s in over if s.kind == kind})
            if ids:
                data.append(f' data-{kind}="{" ".join(str(i) for i in ids)}"')
        if not anchored and any(s.kind == "target" for s in over):
            data.append(' id="hl"')  # the first piece of the linked stretch: /articles/ID?hl=S-E#hl
            anchored = True
        inner = Markup('<span class="{}"{}>{}</span>').format(
            " ".join(classes), Markup("".join(data)), text
        )
        link = next((s.href for s in over if s.kind == "ent" and s.href), None)
        if link:
            inner = Markup('<a class="ent-link" href="{}">{}</a>').format(link, inner)
        parts.append(inner)
    return Markup("").join(parts)


def article_html(record: dict[str, Any], target: tuple[int, int] | None = None) -> Markup:
    """The highlighted body of an analysis record (``Analysis.to_dict()``); ``target`` is a
    stretch of the body a link points at (a sentence of a comparison), marked and anchored
    as ``#hl`` when it fits the body."""
    body = (record.get("article") or {}).get("body") or ""
    marks = spans(record)
    if target and 0 <= target[0] < target[1] <= len(body):
        marks.append(Span(target[0], target[1], "target", 0))
    return highlight(body, marks)


def sentence_href(article_id: str, start: int | None, end: int | None) -> str:
    """A link to a stretch of an article's body, marked on its page."""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
        return f"/articles/{article_id}?hl={start}-{end}#hl"
    return f"/articles/{article_id}"
