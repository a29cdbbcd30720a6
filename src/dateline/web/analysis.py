"""Turning what a client posts (text, HTML or a URL) into an analysis record.

Analysis runs the same ``dateline.pipeline.analyze`` as the CLI. The pipeline holds one
spaCy model, so calls are serialised by a lock (they are CPU-bound anyway). URLs are fetched
with ``dateline.sources.web`` when it is installed, through a transport that refuses
non-public addresses (see ``security``).
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import replace
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, model_validator

from dateline.errors import DatelineError, SourceError
from dateline.model import Analysis, Document, ErrorInfo, content_id
from dateline.options import Options
from dateline.web.security import PublicOnlyTransport

_LOCK = threading.Lock()
#: Fetch answers larger than this are abandoned (the request body limit is separate).
MAX_FETCH_BYTES = 5_000_000


class AnalyzeInput(BaseModel):
    """One document to analyze: exactly one of ``text``, ``html`` or ``url``."""

    text: str | None = Field(None, description="Plain text (a page dump or an article).")
    html: str | None = Field(None, description="An HTML page.")
    url: str | None = Field(
        None, description="A public http(s) URL to fetch (when URL fetching is available)."
    )
    id: str | None = Field(None, max_length=500, description="The input id to report.")
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40, description="ISO date of the article.")
    nlp: bool = Field(True, description="Run entities, quotes and events (false: article only).")

    @model_validator(mode="after")
    def _one_input(self) -> AnalyzeInput:
        given = [name for name in ("text", "html", "url") if getattr(self, name)]
        if len(given) != 1:
            empty = [n for n in ("text", "html", "url") if getattr(self, n) == ""]
            if not given and empty:
                # {"text": ""} did give one: say what is wrong with it
                raise ValueError(f'"{empty[0]}" is empty; nothing to analyze')
            raise ValueError("give exactly one of text, html or url")
        return self


def url_fetching_available() -> bool:
    try:
        module = importlib.import_module("dateline.sources.web")
    except ImportError:
        return False
    return hasattr(module, "fetch_document") and hasattr(module, "Fetcher")


def _failed(input_id: str, error: DatelineError) -> Analysis:
    return Analysis(
        id=content_id(f"failed-input:{input_id}"),
        input_id=input_id,
        error=ErrorInfo(error.code, error.message),
    )


def _fetch(url: str, input_id: str, options: Options) -> Document | Analysis:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return _failed(
            input_id, SourceError("give an absolute http:// or https:// URL", code="E107")
        )
    if not url_fetching_available():
        return _failed(
            input_id,
            SourceError(
                "URL fetching is not available on this server; post text or html", code="E107"
            ),
        )
    web: Any = importlib.import_module("dateline.sources.web")
    transport = PublicOnlyTransport()
    try:
        transport.check(url)  # refused here rather than as robots.txt being unreadable
    except SourceError as exc:
        transport.close()
        return _failed(input_id, exc)
    with web.Fetcher(options, transport=transport) as fetcher:
        item = web.fetch_document(url, fetcher, options, input_id)
    if isinstance(item, Document):
        return item
    return _failed(input_id, SourceError(item.message, code=item.code))


def analyze_input(data: AnalyzeInput) -> Analysis:
    """The analysis record for a posted document (errors are in the record, never raised)."""
    from dateline.pipeline import analyze

    kind: Literal["auto", "html", "text"] = "html" if data.html else "text"
    options = Options(nlp=data.nlp, max_fetch_bytes=MAX_FETCH_BYTES, retries=0, timeout=15.0)
    if data.url:
        input_id = data.id or data.url
        fetched = _fetch(data.url, input_id, options)
        if isinstance(fetched, Analysis):
            return fetched
        document = replace(
            fetched,
            title=data.title or fetched.title,
            published=data.published or fetched.published,
        )
    else:
        content = data.html or data.text or ""
        input_id = data.id or content_id(content)
        document = Document(
            input_id=input_id,
            content=content,
            kind=kind,
            title=data.title,
            published=data.published,
        )
    with _LOCK:
        try:
            return analyze(document, options)
        except DatelineError as exc:  # the model itself could not be loaded
            return _failed(input_id, exc)
