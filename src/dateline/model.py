"""Typed values passed between the stages, and their JSON form (the analysis record).

Every stage takes and returns these dataclasses; ``to_dict`` gives the contract's JSON shape
(see ``dateline/schema/analysis.schema.json``). Nothing here does I/O.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

InputKind = Literal["auto", "html", "text"]

#: Roles a block of a page can have, in the order a reader meets them on a typical page.
BLOCK_ROLES: tuple[str, ...] = (
    "boilerplate",  # navigation, menus, share buttons, cookie notices, footers
    "section",  # the section / topic line above a title ("PoliticsAlbania")
    "title",
    "byline",  # who wrote it (may carry the dateline: "Jane Doe in Tirana")
    "date",
    "dateline",  # "TIRANA, Feb 28 (Reuters) -" or a bare place line
    "lead",  # standfirst / first paragraph set apart from the body
    "paragraph",
    "heading",  # sub-heading inside the body
    "caption",
    "credit",  # photo credit ("Image: AP Photo")
    "alt",  # image alt text rendered as a line by a scraper
    "url",  # a short link or permalink line
    "teaser",  # a related-story link or promo
    "editor",  # "Edited by: …"
    "bio",  # author biography
)


@dataclass(slots=True)
class Document:
    """One input document as read from a source, before any analysis."""

    input_id: str
    content: str
    kind: InputKind = "auto"
    url: str | None = None
    published: str | None = None
    title: str | None = None
    encoding: str | None = None  # the encoding the bytes were decoded with, when known

    @property
    def id(self) -> str:
        """Content hash: the same bytes give the same id, so re-ingest is idempotent."""
        return content_id(self.content)


def arrival_urls(input_id: str, url: str | None) -> list[str]:
    """The URLs a document arrived under: the URL it was asked for when its input id is one
    (a URL argument; a redirect then leads to ``url``), and ``url``."""
    asked = (
        input_id if input_id.startswith(("http://", "https://")) and "#" not in input_id else None
    )
    return list(dict.fromkeys(u for u in (asked, url) if u))


def content_id(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(slots=True)
class Block:
    role: str
    text: str


@dataclass(slots=True)
class Caption:
    text: str
    credit: str | None = None


@dataclass(slots=True)
class Article:
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    published: str | None = None
    language: str | None = None
    dateline: str | None = None
    section: str | None = None
    topics: list[str] = field(default_factory=list)
    lead: str | None = None
    headings: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    body: str = ""
    blocks: list[Block] = field(default_factory=list)
    #: GDELT-style tone of the body (set by the NLP stages; None when they did not run)
    tone: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        data = dict(data)
        data["captions"] = [Caption(**c) for c in data.get("captions") or []]
        data["blocks"] = [Block(**b) for b in data.get("blocks") or []]
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(slots=True)
class ErrorInfo:
    code: str
    message: str


@dataclass(slots=True)
class Analysis:
    """The analysis record: one per input document, in input order."""

    id: str
    input_id: str
    article: Article | None = None
    #: the URL the document arrived under (a JSON Lines record's url, the address fetched,
    #: a WARC record's target); ``article.url`` is the page's own canonical URL
    input_url: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    error: ErrorInfo | None = None
    #: what the reader should know about a record that was analyzed only in part
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "input_id": self.input_id}
        if self.input_url:
            out["input_url"] = self.input_url
        if self.error is not None:
            out["error"] = asdict(self.error)
            return out
        out["article"] = self.article.to_dict() if self.article else None
        out["entities"] = self.entities
        out["quotes"] = self.quotes
        out["events"] = self.events
        if self.warnings:
            out["warnings"] = self.warnings
        return out
