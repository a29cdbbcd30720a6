"""``analyze``: the one function the CLI, the web app and the Spark job all call."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from dateline.errors import DatelineError
from dateline.extract import extract
from dateline.extract.language import detect_language
from dateline.model import Analysis, Document, ErrorInfo
from dateline.options import Options
from dateline.sources.base import SourceFailure

log = logging.getLogger(__name__)


def analyze(document: Document, options: Options | None = None) -> Analysis:
    """Analyze one document. Never raises for a bad document: the record carries the error."""
    options = options or Options()
    record = Analysis(id=document.id, input_id=document.input_id)
    try:
        article = extract(document, options)
        if not article.language:
            article.language = detect_language(article.body)
        record.article = article
    except DatelineError as exc:
        record.error = ErrorInfo(exc.code, exc.message)
    except Exception as exc:  # a bug, not a bad document: keep the batch going, say so
        log.exception("internal error on %s", document.input_id)
        record.error = ErrorInfo(
            "E900", f"internal error ({type(exc).__name__}: {exc}); please report this input"
        )
    return record


def analyze_all(
    items: Iterable[Document | SourceFailure], options: Options | None = None
) -> Iterator[Analysis]:
    """Analyze a stream of source items lazily: one record per item, in the same order.

    A SourceFailure (an input that could not be read) becomes a record carrying its error.
    """
    options = options or Options()
    for item in items:
        if isinstance(item, SourceFailure):
            yield Analysis(
                id=item.id, input_id=item.input_id, error=ErrorInfo(item.code, item.message)
            )
        else:
            yield analyze(item, options)
