"""Plain-text page dumps to Articles (placeholder; replaced by the line classifier)."""

from __future__ import annotations

from dateline.errors import ExtractionError
from dateline.model import Article, Block


def extract_text(text: str, *, url: str | None = None) -> Article:
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if not paragraphs:
        raise ExtractionError("no article text found in the document", code="E201")
    return Article(
        url=url,
        body="\n\n".join(paragraphs),
        blocks=[Block("paragraph", p) for p in paragraphs],
    )
