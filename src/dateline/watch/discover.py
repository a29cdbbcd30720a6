"""What a watched source's answer lists: feed entries, sitemap URLs, a list of URLs, or the
page itself.

A source is recognised by its content, as ``ingest`` recognises a feed:

- an RSS, RDF or Atom feed: one candidate per entry (its link, else ``<feed>#<entry id>``);
  an entry with an article-length body of its own needs no fetch (``sources.feeds``);
- a sitemap (``<urlset>``, the sitemaps.org protocol, Google News extensions read for the
  title and publication date): one candidate per ``<loc>``; a sitemap index
  (``<sitemapindex>``) lists more sitemaps, which are watched as sources of their own;
- plain text whose lines are all http(s) URLs (blank and ``#`` lines skipped): one
  candidate per URL;
- anything else is a page: the source itself is one article.

A candidate carries its key (what ``watch_items`` remembers it by) and how to get its
document, so nothing is fetched until the watcher knows it has not seen the key.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree

from dateline.dates import stated_date
from dateline.errors import SourceError
from dateline.model import Document
from dateline.options import Options
from dateline.sources.base import SourceFailure, SourceItem
from dateline.sources.compressed import Inflated
from dateline.sources.feeds import entry_document, entry_link, looks_like_feed, parse_entries
from dateline.sources.urls import usable_url
from dateline.sources.web import Fetched, Fetcher, fetch_document, is_url, page_document

#: Media types a watched source may answer with (pages, feeds, sitemaps, text lists).
SOURCE_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        # a gzip-compressed sitemap (sitemap.xml.gz), as the sitemaps protocol allows
        "application/gzip",
        "application/x-gzip",
    }
)
_GZIP_MAGIC = b"\x1f\x8b"

_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# A sitemap is data from the network: no entities, no DTDs, no network, no huge trees.
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
)


@dataclass(slots=True, frozen=True)
class Candidate:
    """One article a source lists; ``fetch`` gives its document (fetching it if need be)."""

    key: str
    fetch: Callable[[], SourceItem]


@dataclass(slots=True)
class Listing:
    """What one answer of a source holds."""

    kind: str  # feed, sitemap, list or page
    candidates: list[Candidate] = field(default_factory=list)
    #: more sources to watch (the sitemaps of a sitemap index)
    sources: list[str] = field(default_factory=list)
    #: the answer is not what it claims to be (an unreadable feed or sitemap)
    failure: SourceFailure | None = None
    #: the validators of the answer (for the next conditional GET)
    etag: str | None = None
    last_modified: str | None = None
    digest: str | None = None


def listing(
    fetched: Fetched, source: str, options: Options, fetcher: Fetcher, kind: str | None = None
) -> Listing:
    """The candidates of a source's answer (``kind``: what it was last time, if known)."""
    if fetched.body.startswith(_GZIP_MAGIC):
        inflated = _inflate(fetched, source, options)
        if isinstance(inflated, SourceFailure):
            return Listing(kind or "sitemap", failure=inflated)
        fetched = replace(fetched, body=inflated, media_type="application/xml")
    head = fetched.body[:4096]
    if kind == "feed" or (fetched.media_type != "text/plain" and looks_like_feed(head)):
        return _feed(fetched, source, options, fetcher)
    if kind == "sitemap" or (fetched.media_type != "text/plain" and _looks_like_sitemap(head)):
        return _sitemap(fetched, source, options, fetcher)
    if kind == "list" or (fetched.media_type == "text/plain" and _url_lines(fetched.body)):
        urls = _url_lines(fetched.body)
        return Listing("list", [_page(url, options, fetcher) for url in urls])
    page = page_document(fetched, source, options)
    return Listing("page", [Candidate(source, lambda: page)])


def _inflate(fetched: Fetched, source: str, options: Options) -> bytes | SourceFailure:
    """A gzip-compressed answer's bytes, held to ``max_fetch_bytes`` and the bomb ratio."""
    limit = options.max_fetch_bytes
    try:
        data = Inflated(io.BytesIO(fetched.body), source, options.max_inflate_ratio).read(limit + 1)
    except SourceError as exc:
        return SourceFailure.from_error(source, exc)
    if len(data) > limit:
        return SourceFailure(
            source,
            "E106",
            f"the gzip-compressed answer inflates past max_fetch_bytes ({limit}); raise "
            "max_fetch_bytes to read it",
        )
    return data


def _page(
    url: str,
    options: Options,
    fetcher: Fetcher,
    title: str | None = None,
    published: str | None = None,
) -> Candidate:
    def fetch() -> SourceItem:
        item = fetch_document(url, fetcher, options)
        if isinstance(item, Document):  # what the sitemap states wins, as a feed's does
            item = replace(item, title=title or item.title, published=published or item.published)
        return item

    return Candidate(url, fetch)


def _feed(fetched: Fetched, source: str, options: Options, fetcher: Fetcher) -> Listing:
    entries = parse_entries(fetched.body, source, base_url=fetched.url)
    if isinstance(entries, SourceFailure):
        return Listing("feed", failure=entries)
    candidates = []
    for number, entry in enumerate(entries, start=1):
        link = entry_link(entry)
        key = link if link and is_url(link) and usable_url(link) else None
        if key is None:
            entry_id = entry.get("id") or str(number)
            key = f"{source}#{entry_id}"
        candidates.append(Candidate(key, _entry(entry, source, number, options, fetcher)))
    return Listing("feed", candidates)


def _entry(
    entry: Any, source: str, number: int, options: Options, fetcher: Fetcher
) -> Callable[[], SourceItem]:
    return lambda: entry_document(entry, source, number, options, fetcher)


def _looks_like_sitemap(head: bytes) -> bool:
    text = head.decode("utf-8", "ignore")
    return "<urlset" in text or "<sitemapindex" in text


def _sitemap(fetched: Fetched, source: str, options: Options, fetcher: Fetcher) -> Listing:
    try:
        root = etree.fromstring(fetched.body, _PARSER)
    except etree.XMLSyntaxError as exc:
        failure = SourceFailure(
            source, "E110", f"not a readable sitemap ({exc}); check that the URL is a sitemap"
        )
        return Listing("sitemap", failure=failure)
    name = etree.QName(root).localname
    if name == "sitemapindex":
        locs = [_text(node) for node in root.iter(f"{{{_SITEMAP_NS}}}loc", "loc")]
        return Listing("sitemap", sources=[loc for loc in locs if loc and is_url(loc)])
    candidates = []
    for node in root.iter(f"{{{_SITEMAP_NS}}}url", "url"):
        loc = _text(node.find(f"{{{_SITEMAP_NS}}}loc")) or _text(node.find("loc"))
        if not loc or not is_url(loc) or not usable_url(loc):
            continue
        news = node.find(f"{{{_NEWS_NS}}}news")
        title = published = None
        if news is not None:
            title = _text(news.find(f"{{{_NEWS_NS}}}title"))
            published = stated_date(_text(news.find(f"{{{_NEWS_NS}}}publication_date")) or "")
        candidates.append(_page(loc, options, fetcher, title, published))
    return Listing("sitemap", candidates)


def _text(node: Any) -> str | None:
    if node is None or node.text is None:
        return None
    return str(node.text).strip() or None


def _url_lines(body: bytes) -> list[str]:
    """The URLs of a plain-text list, or [] when any line is not a URL."""
    urls = []
    for raw in body.decode("utf-8", "replace").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line) or " " in line:
            return []
        urls.append(line)
    return urls
