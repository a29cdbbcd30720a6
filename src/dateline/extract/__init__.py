"""Extraction: a Document (HTML or a plain-text page dump) becomes an Article with roles."""

from __future__ import annotations

from dateline.extract.detect import detect_kind
from dateline.extract.html import extract_html
from dateline.extract.text import extract_text
from dateline.model import Article, Document
from dateline.options import Options

__all__ = ["detect_kind", "extract", "extract_html", "extract_text"]


def extract(document: Document, options: Options | None = None) -> Article:
    """Clean one document into an Article. Raises ExtractionError with a stable code."""
    options = options or Options()
    kind: str = document.kind if document.kind != "auto" else options.kind
    if kind == "auto":
        kind = detect_kind(document.content)
    url = document.url or options.url
    if kind == "html":
        article = extract_html(document.content, url=url)
    else:
        article = extract_text(document.content, url=url)
    # What the input record states about its document (JSON Lines fields) beats what we
    # infer from the page; the batch-wide --url/--published only fill what the page lacks.
    if document.url and not article.url:
        article.url = document.url
    if document.published:
        article.published = document.published
    if document.title:
        article.title = document.title
    if options.url and not article.url:
        article.url = options.url
    if options.published and not article.published:
        article.published = options.published
    return article
