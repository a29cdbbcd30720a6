"""HTML pages to Articles: trafilatura for the main text, the page's own metadata for the rest.

The page is parsed once with lxml; the tree is read for metadata and page signals (figure
captions, bylines marked by class names) and handed to trafilatura, which copies
it before cleaning. trafilatura's XML body keeps the structure we need (``<head>`` for
sub-headings, ``<graphic>`` where a figure was, ``<ref>`` for links); each piece then gets a
role (:mod:`dateline.extract.blocks`), and only lead and paragraph pieces make the ``body``.
This module parses the page (dropping what libxml2 cannot take), runs those steps and
assembles the Article.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from dateline.errors import ExtractionError
from dateline.extract.blocks import classify, page_signals, raw_blocks
from dateline.extract.html_rules import (
    byline_place,
    clean_authors,
    credited_names,
    find_dateline,
    squash,
)
from dateline.extract.main_text import NEWS_KINDS, main_text
from dateline.extract.metadata import PageMeta, complete_metadata, read_metadata
from dateline.model import Article, Block, Caption

#: fewer words of story text than this and the page has no article (a login page, a menu)
MIN_WORDS = 12
#: An attribute value this long (an inline data: image, a serialised app state) is dropped
#: before parsing: libxml2 takes minutes over a 10 MB attribute, and none holds article text.
MAX_ATTRIBUTE = 65_536
_HUGE_ATTRIBUTE = re.compile(r"""(=\s*)(["'])[^"']{""" + str(MAX_ATTRIBUTE) + r""",}\2""")
#: Scripts without spaces (Chinese, Japanese, Thai ...): words are counted by characters.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


#: Layout elements dropped from a page nested deeper than libxml2 parses (see extract_html).
_WRAPPERS = re.compile(r"</?(?:div|span|section|article|main|aside|font|center)\b[^>]*>", re.I)
_DEPTH_LIMIT = 255


def _too_deep(html: str) -> bool:
    """Whether the page nests layout wrappers past libxml2's depth limit (a cheap upper
    bound first: more opening wrappers than the limit)."""
    if len(_WRAPPERS.findall(html, 0, 2_000_000)) <= _DEPTH_LIMIT:
        return False
    depth = deepest = 0
    for match in _WRAPPERS.finditer(html):
        depth += -1 if match.group().startswith("</") else 1
        deepest = max(deepest, depth)
        if deepest > _DEPTH_LIMIT:
            return True
    return False


def _adopt_stray_roots(tree: HtmlElement) -> None:
    """Move into the page's <body> what libxml2 put beside its root: markup that goes on after
    a premature ``</html>`` becomes a second root element, which trafilatura (it walks the
    first) never reads, though the browser shows it as part of the page."""
    strays = [node for node in tree.itersiblings() if isinstance(node.tag, str)]
    if not strays:
        return
    body = tree.find("body")
    if body is None:
        body = etree.SubElement(tree, "body")
    for stray in strays:
        for child in list(stray):
            if child.tag == "body":
                body.extend(list(child))
            elif child.tag != "head":
                body.append(child)


def word_count(text: str) -> int:
    """Words of ``text``: space-separated ones, with two characters of an unspaced script
    counted as one word (about the length of a Chinese word)."""
    unspaced = len(_UNSPACED.findall(text))
    return len(text.split()) + unspaced // 2


def extract_html(html: str, *, url: str | None = None) -> Article:
    """Clean one HTML page into an Article; ExtractionError E202/E201 when it cannot."""
    if len(html) > MAX_ATTRIBUTE:
        html = _HUGE_ATTRIBUTE.sub(r"\1\2\2", html)
    try:
        tree = load_html(html)
    except Exception as exc:  # lxml raises several error types on broken input
        raise ExtractionError(f"HTML could not be parsed: {exc}", code="E202") from exc
    if tree is None or not isinstance(tree, HtmlElement):
        raise ExtractionError(
            "HTML could not be parsed (empty or not markup); pass it --as text", code="E202"
        )
    _adopt_stray_roots(tree)
    meta = read_metadata(tree, url)
    signals = page_signals(tree)
    if not meta.authors:
        meta.authors = clean_authors(signals.bylines[:3], meta.site_names)
    if not meta.authors:
        meta.authors = credited_names([*meta.credits, *signals.bylines[:1]], meta.site_names)
    complete_metadata(meta, tree, url)
    news = not NEWS_KINDS.isdisjoint(meta.kinds)
    body = main_text(tree, len(meta.article_body or ""), meta.title, news=news)
    raw = raw_blocks(body) if body is not None else []
    blocks, captions, editors = classify(raw, meta, signals)
    words = sum(word_count(b.text) for b in blocks if b.role == "paragraph")
    if words < MIN_WORDS:
        if meta.article_body:
            blocks = [Block("paragraph", p) for p in _paragraphs(meta.article_body)]
        elif _too_deep(html):
            # libxml2 drops what lies below 256 nested elements; layout wrappers carry no
            # text, so the page without them is the same story, shallow enough to parse
            return extract_html(_WRAPPERS.sub(" ", html), url=url)
        else:
            raise ExtractionError(
                "no article text found in the page (is it an index or a login page?)",
                code="E201",
            )
    return _assemble(meta, blocks, captions, editors, url, signals.bylines)


def _paragraphs(text: str) -> list[str]:
    return [squash(p) for p in re.split(r"\n\s*\n|\n", text) if squash(p)]


def _assemble(
    meta: PageMeta,
    blocks: list[Block],
    captions: list[Caption],
    editors: list[str],
    url: str | None,
    bylines_seen: list[str],
) -> Article:
    lead_index = next(i for i, b in enumerate(blocks) if b.role == "paragraph")
    blocks[lead_index] = Block("lead", blocks[lead_index].text)
    lead = blocks[lead_index].text
    dateline = None
    found = find_dateline(lead)
    if found:
        dateline = found[0]
    else:
        bylines = [b.text for b in blocks[:lead_index] if b.role == "byline"]
        for text in bylines + bylines_seen:
            if place := byline_place(text):
                dateline = place
                break
    if meta.title:
        blocks.insert(0, Block("title", meta.title)) if blocks[0].role != "title" else None
    body = "\n\n".join(b.text for b in blocks if b.role in {"lead", "paragraph"})
    return Article(
        url=meta.url or url,
        outlet=meta.outlet,
        title=meta.title,
        authors=meta.authors,
        editors=editors,
        published=meta.published,
        language=meta.language,
        dateline=dateline,
        section=meta.section,
        topics=meta.topics,
        lead=lead,
        headings=[b.text for b in blocks if b.role == "heading"],
        captions=captions,
        body=body,
        blocks=blocks,
    )
