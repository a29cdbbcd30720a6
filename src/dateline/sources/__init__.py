"""Sources: where documents come from (files, directories, standard input, JSON Lines,
RSS/Atom feeds, WARC archives, URLs, and ``@FILE`` lists of any of these).

Every source yields ``Document | SourceFailure`` items, one per input document and in input
order; a document that cannot be read is a SourceFailure in its place, so a batch never stops
on one bad input. ``dateline.pipeline.analyze_all`` turns the stream into analysis records.

The readers of each kind live in their modules: ``sources.feeds`` (RSS/Atom),
``sources.warc`` (WARC archives), ``sources.web`` (URLs: the polite ``Fetcher``) and
``sources.lists`` (``@FILE`` lists); ``iter_documents`` dispatches to them.
"""

from __future__ import annotations

from dateline.dates import stated_date
from dateline.sources.base import SourceFailure, SourceItem
from dateline.sources.decode import Decoded, decode_bytes
from dateline.sources.files import (
    STDIN_ID,
    document_from_bytes,
    iter_documents,
    read_file,
    read_stream,
    walk,
)
from dateline.sources.jsonl import iter_jsonl, parse_record

__all__ = [
    "STDIN_ID",
    "Decoded",
    "SourceFailure",
    "SourceItem",
    "decode_bytes",
    "document_from_bytes",
    "iter_documents",
    "iter_jsonl",
    "parse_record",
    "read_file",
    "read_stream",
    "stated_date",
    "walk",
]
