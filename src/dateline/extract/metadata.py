"""A page's own metadata: JSON-LD, OpenGraph, meta tags, ``<time>``, with htmldate last.

Everything here reads an already-parsed lxml tree and never modifies it, so the extractor
parses a page once and shares the tree. Sources are tried strongest first: what the
publisher declares for machines (JSON-LD, OpenGraph, article:* meta) beats what a heuristic
finds in the visible page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from dateline.dates import stamp_date, url_date
from dateline.extract.dates import date_over_headline, prefer_shown, shown_date
from dateline.extract.html_rules import clean_authors, split_title
from dateline.sources.urls import usable_url

#: JSON-LD types that describe the page's main story.
_ARTICLE_TYPE = re.compile(r"(Article|BlogPosting|Posting|Report|Review|Recipe)$")

#: meta names/properties carrying the publication date, strongest first
_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "article.published",
    "cxenseparse:recs:publishtime",
)
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "twitter:creator:name",
)


def squash(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


@dataclass(slots=True)
class PageMeta:
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    language: str | None = None
    section: str | None = None
    topics: list[str] = field(default_factory=list)
    description: str | None = None
    article_body: str | None = None
    site_names: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # JSON-LD @types on the page
    credits: list[str] = field(default_factory=list)  # raw author strings, organisations too


# -- JSON-LD -----------------------------------------------------------------------------------


def json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, with @graph and nested lists flattened."""
    found: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))
    return found


def _types(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        return [kind]
    return [k for k in kind if isinstance(k, str)] if isinstance(kind, list) else []


def _article_node(items: list[dict[str, Any]]) -> dict[str, Any]:
    candidates = [i for i in items if any(_ARTICLE_TYPE.search(t) for t in _types(i))]
    with_headline = [i for i in candidates if i.get("headline")]
    if with_headline:
        return with_headline[0]
    return candidates[0] if candidates else {}


def _names(value: Any, *, persons_only: bool = False) -> list[str]:
    """Names in a JSON-LD person/organisation value (string, dict or list of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [n for v in value for n in _names(v, persons_only=persons_only)]
    if isinstance(value, dict):
        if persons_only and any("Organization" in t for t in _types(value)):
            return []
        name = value.get("name")
        if isinstance(name, str):
            return [name]
        if isinstance(name, list):
            return [n for n in name if isinstance(n, str)]
    return []


def _text_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list):
        return [t for v in value for t in _text_list(v)]
    return []


# -- meta tags ---------------------------------------------------------------------------------


def meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """meta name/property/itemprop (lower-cased) -> contents, in page order."""
    out: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = meta.get(attr)
            if key:
                out.setdefault(key.strip().lower(), []).append(squash(content))
    return out


def _first(meta: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        for value in meta.get(key, ()):
            if value:
                return value
    return None


# -- dates -------------------------------------------------------------------------------------


def _time_element_date(tree: HtmlElement) -> str | None:
    for node in tree.iterfind(".//time[@datetime]"):
        if node.get("pubdate") is not None or node.get("itemprop") == "datePublished":
            return stamp_date(node.get("datetime"))
    for node in tree.iterfind(".//*[@itemprop='datePublished']"):
        found = stamp_date(node.get("content") or node.get("datetime") or node.text_content())
        if found:
            return found
    first = tree.find(".//time[@datetime]")
    return stamp_date(first.get("datetime")) if first is not None else None


def declared_published(meta: dict[str, list[str]], article: dict[str, Any]) -> str | None:
    """The publication date the page declares for machines (JSON-LD, meta tags)."""
    for raw in (article.get("datePublished"), article.get("dateCreated")):
        if isinstance(raw, str) and (found := stamp_date(raw)):
            return found
    for key in _DATE_KEYS:
        for value in meta.get(key, ()):
            if found := stamp_date(value):
                return found
    return None


# -- assembling --------------------------------------------------------------------------------


def host_names(url: str | None) -> list[str]:
    """Site names derivable from a host: 'www.bbc.co.uk' -> ['bbc.co.uk', 'bbc']."""
    if not url:
        return []
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # a malformed URL names no site
        return []
    host = host.removeprefix("www.")
    if not host:
        return []
    labels = host.split(".")
    core = labels[-3] if len(labels) >= 3 and len(labels[-2]) <= 3 else labels[-2:][0]
    return [host, core]


#: marked-up bylines: rel=author, schema.org microdata, links to an author's page
_BYLINE_XPATH = etree.XPath(
    "//*[@rel='author'] | //*[@itemprop='author']//*[@itemprop='name']"
    " | //*[@itemprop='author'][not(*)]"
)
#: the first link to an author page, when nothing is marked up (later ones are often the
#: bylines of related stories)
_AUTHOR_LINK_XPATH = etree.XPath(
    "(//a[contains(@href,'/author/') or contains(@href,'/authors/')"
    " or contains(@href,'/profile/') or contains(@href,'/staff/')][normalize-space()])[1]"
)


def _dom_byline(tree: HtmlElement) -> list[str]:
    names: list[str] = []
    for node in _BYLINE_XPATH(tree)[:4] or _AUTHOR_LINK_XPATH(tree):
        text = squash(node.get("content") or node.text_content())
        if text and len(text) < 80 and text not in names:
            names.append(text)
    return names


def _language(tree: HtmlElement, meta: dict[str, list[str]]) -> str | None:
    root = tree.getroottree().getroot()
    lang = root.get("lang") or root.get("xml:lang") or _first(meta, "og:locale", "language")
    if not lang:
        return None
    code = lang.strip().replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def _breadcrumb_section(items: list[dict[str, Any]]) -> str | None:
    for item in items:
        if "BreadcrumbList" not in _types(item):
            continue
        crumbs = item.get("itemListElement")
        if not isinstance(crumbs, list) or len(crumbs) < 2:
            continue
        names = []
        for crumb in crumbs:
            if isinstance(crumb, dict):
                inner = crumb.get("item")
                name = crumb.get("name") or (inner.get("name") if isinstance(inner, dict) else None)
                if isinstance(name, str):
                    names.append(squash(name))
        # [Home, Section, ..., this story]: the first crumb after home
        if len(names) >= 2:
            return names[1] if names[0].lower() in {"home", "start", "news"} else names[0]
    return None


def _canonical(
    tree: HtmlElement, meta: dict[str, list[str]], article: dict[str, Any]
) -> str | None:
    for link in tree.iterfind(".//link[@rel]"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return str(link.get("href")).strip()
    og = _first(meta, "og:url")
    if og:
        return og
    main = article.get("mainEntityOfPage")
    if isinstance(main, dict) and isinstance(main.get("@id"), str):
        return str(main["@id"])
    return article.get("url") if isinstance(article.get("url"), str) else None


def _absolute(found: str | None, base: str | None) -> str | None:
    """``found`` made absolute against ``base``; a URL that does not parse is no URL."""
    if not found or not usable_url(found):
        return base
    if found.startswith(("http://", "https://")):
        return found
    if base:
        try:
            return urljoin(base, found)
        except ValueError:
            return base
    return found if found.startswith("//") is False else "https:" + found


def headline_candidates(tree: HtmlElement) -> Iterator[str]:
    for node in tree.iterfind(".//h1"):
        text = squash(node.text_content())
        if text:
            yield text


def read_metadata(tree: HtmlElement, url: str | None = None) -> PageMeta:
    items = json_ld(tree)
    article = _article_node(items)
    meta = meta_tags(tree)
    page = PageMeta(kinds=[k for i in items for k in _types(i)])
    page.url = _absolute(_canonical(tree, meta, article), url)

    publisher = (
        _names(article.get("publisher"))
        or [n for i in items if "Organization" in " ".join(_types(i)) for n in _names(i)][:1]
    )
    page.outlet = _first(meta, "og:site_name", "application-name") or (
        squash(publisher[0]) if publisher else None
    )
    page.site_names = [
        n for n in [page.outlet, *(squash(p) for p in publisher), *host_names(page.url or url)] if n
    ]
    if not page.outlet:
        hosts = host_names(page.url or url)
        page.outlet = hosts[0] if hosts else None

    title_tag = tree.find(".//title")
    headline = article.get("headline") if isinstance(article.get("headline"), str) else None
    page.title = split_title(
        h1s=list(headline_candidates(tree))[:3],
        declared=[
            t
            for t in (
                headline,
                _first(meta, "og:title", "twitter:title", "title", "headline"),
                squash(title_tag.text_content()) if title_tag is not None else None,
            )
            if t
        ],
        site_names=page.site_names,
    )

    raw_authors = _names(article.get("author"), persons_only=True)
    meta_authors = [
        v
        for key in _AUTHOR_KEYS
        for v in meta.get(key, ())
        if not v.startswith(("http://", "https://", "@"))
    ][:4]
    if not raw_authors:
        raw_authors = meta_authors
    if not raw_authors:
        raw_authors = _dom_byline(tree)
    page.authors = clean_authors(raw_authors, page.site_names)
    # what the page credits when no person is named: a desk, an agency, the outlet itself
    page.credits = [*_names(article.get("author")), *raw_authors, *meta_authors]

    declared = declared_published(meta, article)
    shown = shown_date(tree, page.title)
    stamped = declared or _time_element_date(tree)
    if shown is None and stamped is None:
        shown = date_over_headline(tree, page.title)
    page.published = prefer_shown(
        shown,
        stamped,
        declared_strong=declared is not None,
        url_day=url_date(url) or url_date(page.url),
    )
    page.language = _language(tree, meta)

    section = article.get("articleSection")
    if isinstance(section, list):
        section = next((s for s in section if isinstance(s, str)), None)
    page.section = (
        _first(meta, "article:section", "og:article:section", "section", "parsely-section")
        or (squash(section) if isinstance(section, str) and section.strip() else None)
        or _breadcrumb_section(items)
    )
    topics: list[str] = []
    for value in [
        *meta.get("article:tag", ()),
        *meta.get("news_keywords", ()),
        *meta.get("keywords", ()),
        *_text_list(article.get("keywords")),
    ]:
        for topic in value.split(","):
            topic = squash(topic)
            if topic and len(topic) < 60 and topic.lower() not in {t.lower() for t in topics}:
                topics.append(topic)
    page.topics = topics[:30]
    page.description = _first(meta, "og:description", "description", "twitter:description")
    body = article.get("articleBody")
    page.article_body = body if isinstance(body, str) and body.strip() else None
    return page


def complete_metadata(page: PageMeta, tree: HtmlElement, url: str | None = None) -> None:
    """Fill what the page did not declare from the visible page (htmldate for the date)."""
    if not page.published:
        from htmldate import find_date

        # the quick search (markup and URL) only: the extensive one reads the page's text
        # with dateparser, costs ten times more and found the right date on about one
        # development page in a hundred
        try:
            page.published = find_date(
                tree, url=page.url or url, original_date=True, extensive_search=False
            )
        except Exception:  # htmldate raises a variety of errors on odd pages
            page.published = None
