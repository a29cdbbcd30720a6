"""HTML pages to Articles (placeholder body; replaced by the full extractor)."""

from __future__ import annotations

import trafilatura

from dateline.errors import ExtractionError
from dateline.model import Article, Block


def extract_html(html: str, *, url: str | None = None) -> Article:
    text = trafilatura.extract(html, url=url)
    if not text:
        raise ExtractionError("no article text found in the page", code="E201")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    return Article(
        url=url,
        body="\n\n".join(paragraphs),
        blocks=[Block("paragraph", p) for p in paragraphs],
    )
