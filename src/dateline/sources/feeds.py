"""RSS and Atom feeds as Documents, one per entry (parsed with feedparser).

A feed is recognised by its content (the root element is ``<rss>``, ``<feed>`` or
``<rdf:RDF>``), whatever the file is called, or by a feed content type at a URL.

Each entry becomes one Document:

- its own full text (``content:encoded``, Atom ``content``) when that holds an article, at
  least ``FULL_TEXT_MIN_WORDS`` words;
- otherwise the page its link points to, fetched politely (see ``sources.web``) when
  ``Options.fetch_links`` is on; with fetching off, an entry with a link but only a teaser
  is a SourceFailure (E111), as a teaser analyzed as an article gives false events; an entry
  without a link gives what text it has.

``input_id`` is ``<feed>#<entry id>``: the entry's guid/id, else its link, else its position
(1-based). ``url`` is the entry's link (the final URL when fetched), ``title`` the entry's
title and ``published`` its published (else updated) date as ISO, the publisher's own
statement, which the extraction stage prefers to what it finds in the page.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXException

import feedparser

from dateline.dates import stated_date
from dateline.model import Document, InputKind
from dateline.options import Options
from dateline.sources.base import SourceFailure, SourceItem
from dateline.sources.urls import usable_url
from dateline.sources.web import Fetcher, fetch_document, is_url

#: An entry's own text counts as the article when it has at least this many words; shorter
#: is a summary or teaser, and the article is at the entry's link.
FULL_TEXT_MIN_WORDS = 150

_ROOT = re.compile(
    r"""\A\s*(?:<\?xml[^>]*\?>\s*)?
    (?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*)*
    <(?:[A-Za-z_][\w.-]*:)?(?:rss|feed|RDF)[\s>/]""",
    re.DOTALL | re.VERBOSE,
)
_TAG = re.compile(r"<[^>]*>")


def looks_like_feed(head: bytes) -> bool:
    """Whether ``head`` (the first few KB of a document) is an RSS, RDF or Atom feed."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", "ignore")
    else:
        text = head.decode("latin-1").removeprefix("\xef\xbb\xbf")
    return _ROOT.match(text) is not None


def read_feed(
    data: bytes,
    name: str,
    options: Options | None = None,
    fetcher: Fetcher | None = None,
    *,
    base_url: str | None = None,
) -> Iterator[SourceItem]:
    """The documents of a feed's bytes; ``name`` is the feed's path or URL.

    A feed that is not well-formed XML is still read as far as feedparser's lenient parser
    gets; it is a failure (E110) only when no entry comes out of it.
    """
    options = options or Options()
    entries = parse_entries(data, name, base_url=base_url)
    if isinstance(entries, SourceFailure):
        yield entries
        return
    own = fetcher is None
    web = fetcher or Fetcher(options)
    try:
        for number, entry in enumerate(entries, start=1):
            yield entry_document(entry, name, number, options, web)
    finally:
        if own:
            web.close()


def parse_entries(
    data: bytes, name: str, *, base_url: str | None = None
) -> list[Any] | SourceFailure:
    """The entries of a feed's bytes (feedparser's), or a SourceFailure (E110) when no entry
    comes out of bytes that are not a feed."""
    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    entries: list[Any] = list(parsed.get("entries") or [])
    problem = parsed.get("bozo_exception")
    if not entries and (not parsed.get("version") or isinstance(problem, SAXException)):
        return SourceFailure(
            name,
            "E110",
            f"not a readable RSS or Atom feed ({problem or 'no feed element found'}); check "
            "that the file or URL is a feed",
        )
    return entries


def entry_link(entry: Any) -> str | None:
    """The entry's link, as the entry states it."""
    return _text(entry.get("link"))


def entry_document(
    entry: Any, feed: str, number: int, options: Options, fetcher: Fetcher
) -> SourceItem:
    """One feed entry as a Document: its own full text, or the page it links to."""
    link = entry_link(entry)
    entry_id = _text(entry.get("id")) or link or str(number)
    input_id = f"{feed}#{entry_id}"
    title = _text(entry.get("title"))
    published = _published(entry)
    body, media_type = _body(entry)
    if _words(body) < FULL_TEXT_MIN_WORDS and link:
        if not is_url(link):
            return SourceFailure(
                input_id,
                "E107",
                f"the entry has only a teaser and its link {link!r} is not an absolute http(s) "
                "URL that can be fetched",
            )
        if not options.fetch_links:
            return SourceFailure(
                input_id,
                "E111",
                f"the entry has only a teaser ({_words(body)} words) and fetching links is "
                f"off; turn fetch_links on to read the article at {link}",
            )
        item = fetch_document(link, fetcher, options, input_id=input_id)
        if isinstance(item, Document):
            item = replace(item, title=title or item.title, published=published)
        return item
    if not body.strip():
        return SourceFailure(input_id, "E103", "the entry has no text and no link; nothing to read")
    kind: InputKind = options.kind
    if kind == "auto":
        kind = "text" if media_type == "text/plain" else "html"
    if kind == "html" and media_type != "text/plain":
        # A bare fragment; a page around it lets extraction treat it as the article.
        heading = f"<title>{html.escape(title)}</title>" if title else ""
        body = f"<html><head>{heading}</head><body><article>{body}</article></body></html>"
    return Document(
        input_id=input_id,
        content=body,
        kind=kind,
        url=link if link and usable_url(link) else None,
        published=published,
        title=title,
        encoding="utf-8",
    )


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _body(entry: Any) -> tuple[str, str]:
    """The entry's longest text (full content, else summary) and its media type."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        value = content.get("value")
        if isinstance(value, str):
            candidates.append((value, str(content.get("type") or "text/html")))
    summary = entry.get("summary")
    if isinstance(summary, str):
        detail = entry.get("summary_detail") or {}
        candidates.append((summary, str(detail.get("type") or "text/html")))
    if not candidates:
        return "", "text/html"
    return max(candidates, key=lambda candidate: _words(candidate[0]))


def _words(markup: str) -> int:
    return len(html.unescape(_TAG.sub(" ", markup)).split())


def _published(entry: Any) -> str | None:
    for key in ("published", "updated"):
        stated = _text(entry.get(key))
        if stated:
            normalised = stated_date(stated)
            if normalised:
                return normalised
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            year, month, day, hour, minute, second = parsed[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
    return None
