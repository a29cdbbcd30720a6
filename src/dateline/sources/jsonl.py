"""JSON Lines input: one document a line, ``{"id", "url", "html" or "text", "published", "title"}``.

A bad line becomes a SourceFailure for that line (E105, or E103/E106), never a crash: the
rest of the file is still read. Blank lines are not documents and are skipped, but they still
count for the ``<path>:<line>`` ids of the lines after them.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from dateline.dates import stated_date
from dateline.errors import SourceError
from dateline.model import Document, InputKind
from dateline.options import Options
from dateline.sources.base import SourceFailure, SourceItem
from dateline.sources.decode import decode_bytes
from dateline.sources.urls import usable_url

#: File name endings that mean JSON Lines whatever the content looks like.
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def _decode_line(line: bytes) -> str:
    if line.startswith(codecs.BOM_UTF8):
        line = line[len(codecs.BOM_UTF8) :]
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        # JSON is UTF-8 by specification, but files saved by hand are not always.
        return decode_bytes(line, is_html=False).text


def sniff(stream: BinaryIO, limit: int) -> tuple[bool, list[bytes]]:
    """Read the head of ``stream`` and say whether it is JSON Lines.

    Returns the verdict and the lines consumed, which the caller must put back in front of
    the rest of the stream. JSON Lines means: the first non-blank character is ``{`` and the
    first non-blank line is a whole JSON object (a pretty-printed JSON document, or HTML or
    text, never is). Later lines are not required to parse: a bad one is a failed record.
    """
    consumed: list[bytes] = []
    taken = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return False, consumed
        consumed.append(line)
        taken += len(line)
        if taken > limit:  # megabytes of blank lines: not JSON Lines, and not to be kept
            return False, consumed
        stripped = line.strip()
        if stripped.startswith(codecs.BOM_UTF8):
            stripped = stripped[len(codecs.BOM_UTF8) :].strip()
        if stripped:
            break
    if len(line) > limit or not stripped.startswith(b"{"):
        return False, consumed
    try:
        parsed = json.loads(_decode_line(stripped))
    except (ValueError, SourceError):
        return False, consumed
    return isinstance(parsed, dict), consumed


def json_records(data: bytes, name: str, options: Options) -> list[SourceItem] | None:
    """The records of a whole JSON document (a ``.json`` file holding an array of JSON Lines
    records, or one record written over several lines), each as JSON Lines gives it, ids
    defaulting to ``<name>:<n>``; None when ``data`` is no JSON array, nor an object with
    "html" or "text"."""
    stripped = data.strip()
    if stripped.startswith(codecs.BOM_UTF8):
        stripped = stripped[len(codecs.BOM_UTF8) :].strip()
    if stripped[:1] not in (b"[", b"{"):
        return None
    try:
        parsed = json.loads(_decode_line(stripped))
    except (ValueError, SourceError):
        return None
    if isinstance(parsed, dict) and parsed.get("html") is None and parsed.get("text") is None:
        return None  # some other JSON: read as the text it is
    records = parsed if isinstance(parsed, list) else [parsed]
    if not records:
        return [SourceFailure(name, "E103", "the JSON array is empty; nothing to analyze")]
    return [record_document(r, f"{name}:{n}", options) for n, r in enumerate(records, 1)]


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise SourceError(f'"{key}" must be a string, not {type(value).__name__}', code="E105")


def _url(record: dict[str, Any]) -> str | None:
    url = _optional_str(record, "url")
    if url is not None and not usable_url(url):
        raise SourceError(
            f'"url" is {url[:200]!r}, which is not a URL (check the brackets of an IPv6 host)',
            code="E105",
        )
    return url


def parse_record(line: str, default_id: str, options: Options) -> SourceItem:
    """One JSON Lines record to a Document, or a SourceFailure saying what is wrong with it."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        return SourceFailure.from_error(
            default_id,
            SourceError(f"not valid JSON ({exc}); each line must be one JSON object", code="E105"),
        )
    return record_document(record, default_id, options)


def record_document(record: object, default_id: str, options: Options) -> SourceItem:
    """One parsed record (``{"text" or "html": ..., "id", "url", "title", "published"}``) to a
    Document, or a SourceFailure saying what is wrong with it."""
    input_id = default_id
    try:
        if not isinstance(record, dict):
            raise SourceError(
                f"a JSON {type(record).__name__}, not an object; each line must be one JSON "
                'object with "html" or "text"',
                code="E105",
            )
        given = record.get("id")
        if isinstance(given, str | int) and not isinstance(given, bool) and str(given):
            input_id = str(given)
        elif given is not None:
            raise SourceError('"id" must be a non-empty string or an integer', code="E105")
        kind: InputKind
        if record.get("html") is not None:
            key, kind = "html", "html"
        elif record.get("text") is not None:
            key, kind = "text", "text"
        else:
            raise SourceError('the record has neither "html" nor "text"', code="E105")
        content = record[key]
        if not isinstance(content, str):
            raise SourceError(f'"{key}" must be a string', code="E105")
        if not content.strip():
            raise SourceError(f'"{key}" is empty; nothing to analyze', code="E103")
        size = len(content.encode("utf-8", "surrogatepass"))
        if size > options.max_bytes:
            raise SourceError(
                f"the document is {size} bytes, over the limit of {options.max_bytes}",
                code="E106",
            )
        published = _optional_str(record, "published")
        if published is not None:
            stated = published
            published = stated_date(stated)
            if published is None:
                raise SourceError(
                    f'"published" is {stated!r}, not a whole date; give an ISO date such as '
                    "2024-03-05 or 2024-03-05T09:30:00+01:00",
                    code="E105",
                )
        return Document(
            input_id=input_id,
            content=content,
            kind=kind,
            url=_url(record),
            published=published,
            title=_optional_str(record, "title"),
            encoding="utf-8",
        )
    except SourceError as exc:
        return SourceFailure.from_error(input_id, exc)


def iter_jsonl(lines: Iterable[bytes], name: str, options: Options) -> Iterator[SourceItem]:
    """Documents from the lines of a JSON Lines file; ids default to ``<name>:<line>``."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.strip() == codecs.BOM_UTF8:
            continue
        default_id = f"{name}:{number}"
        if len(raw) > options.max_bytes:
            yield SourceFailure(
                default_id,
                "E106",
                f"the line is over the limit of {options.max_bytes} bytes (the rest of it was "
                "skipped, unread); raise --max-bytes (Options.max_bytes) or split the record",
            )
            continue
        try:
            text = _decode_line(raw)
        except SourceError as exc:
            yield SourceFailure.from_error(default_id, exc)
            continue
        yield parse_record(text, default_id, options)
