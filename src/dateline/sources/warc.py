"""WARC archives (``.warc``, ``.warc.gz``, or any file that starts like one) as Documents.

Read with FastWARC, record by record, so memory stays flat whatever the archive's size. Every
``response`` record of an HTTP 200 answer whose payload is HTML or text becomes a Document;
other records (requests, metadata, redirects, errors, images, scripts) are not documents and
are passed over silently, as a crawl is full of them.

- ``input_id`` is ``<path>#<WARC-Record-ID>`` (the ``urn:uuid:...`` without its angle
  brackets), or ``<path>@<offset>`` for a record without an id.
- ``url`` is the record's ``WARC-Target-URI``.
- ``published`` is left unset: ``WARC-Date`` is when the page was crawled, not when it was
  written, and a Document's date overrides the page's own, so the page metadata decides.
- The payload is decoded with the HTTP ``Content-Type`` charset when the bytes agree with
  it, else from the content (see ``decode_bytes``); ``Content-Encoding`` and chunked
  transfer are undone.

A damaged record (cut-off HTTP headers, a payload shorter than its declared length) is a
SourceFailure (E109) in its place. Damaged bytes between records (garbage, a broken gzip
member, a wrong Content-Length) are one SourceFailure for the stretch skipped; reading goes
on from the next record that starts cleanly (the next ``WARC/1.x`` line, or gzip member).
"""

from __future__ import annotations

import shutil
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from dateline.options import Options
from dateline.sources.base import SourceFailure, SourceItem, http_document
from dateline.sources.urls import usable_url

#: File name endings that mean WARC whatever the content looks like.
WARC_SUFFIXES = (".warc", ".warc.gz")
#: Payload media types that hold a page; anything else in a crawl is not a document.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})

_GZIP_MAGIC = b"\x1f\x8b"
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_LINE = b"WARC/1."
_SCAN_CHUNK = 1 << 20
_SPOOL_IN_MEMORY = 16 << 20


def looks_like_warc(head: bytes) -> bool:
    """Whether ``head`` (the first bytes of a file, compressed or not) starts a WARC file."""
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith(_WARC_LINE)


def read_warc_file(path: Path, options: Options | None = None) -> Iterator[SourceItem]:
    """The documents of the WARC file at ``path``."""
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield SourceFailure(name, "E100", f"could not read {name}: {exc.strerror or exc}")
        return
    with handle:
        yield from read_warc(handle, name, options)


def read_warc(stream: BinaryIO, name: str, options: Options | None = None) -> Iterator[SourceItem]:
    """The documents of a WARC stream named ``name``.

    FastWARC needs a seekable stream (and so does skipping damage); a pipe such as standard
    input is first spooled to a temporary file, never held whole in memory.
    """
    options = options or Options()
    if not _seekable(stream):
        with tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY) as spool:
            shutil.copyfileobj(stream, spool)
            spool.seek(0)
            yield from read_warc(spool, name, options)  # type: ignore[arg-type]
        return
    base = stream.tell()
    gzipped = stream.read(2) == _GZIP_MAGIC
    position = base
    seen = False
    pending: tuple[int, str] | None = None  # a damaged stretch (start, what) not reported
    while True:
        stream.seek(position)
        last: int | None = None
        error: str | None = None
        distrust = False
        for outcome in _records(stream):
            if isinstance(outcome, str):
                error = outcome
                break
            last, seen = outcome.stream_pos, True
            if pending is not None:
                yield _damage(name, *pending, resumed_at=last)
                pending = None
            item = _record_item(outcome, name, options)
            if item is not None:
                yield item
            if isinstance(item, SourceFailure) and item.code in ("E109", "E113"):
                # A record whose length is wrong, or whose payload was left half inflated,
                # leaves the reader out of step with the file: look for the next record from
                # here rather than trust what follows.
                distrust = True
                break
        if error is None and not distrust:
            return
        failed_after = last if last is not None else position
        if error is not None and pending is None:
            where = f"after the record at offset {last}" if last is not None else "at offset"
            if last is None:
                where += f" {position}"
            pending = (failed_after, f"{where} ({error})")
        resume = _next_start(stream, failed_after + 1, gzipped)
        if resume is None:
            if pending is not None and not seen:
                yield SourceFailure(
                    name,
                    "E109",
                    f"not a readable WARC file: damage {pending[1]}; check that it is a WARC or "
                    "WARC.gz archive and that it was copied whole",
                )
            elif pending is not None:
                yield _damage(name, *pending, resumed_at=None)
            return
        position = resume


def _seekable(stream: BinaryIO) -> bool:
    try:
        return stream.seekable()
    except (AttributeError, OSError, ValueError):
        return False


def _records(stream: BinaryIO) -> Iterator[WarcRecord | str]:
    """The response records from the stream's position on, then a reason string if it broke.

    FastWARC signals damage with OSError or ValueError, and, on some inputs, a Rust panic
    that Python sees as a BaseException; none may escape into the caller's stream.
    """
    try:
        records = ArchiveIterator(
            stream,
            record_types=WarcRecordType.response,
            parse_http=True,
            auto_decode="all",
            fsspec_args=False,
        )
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # see the docstring
        yield str(exc) or type(exc).__name__
        return
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except (KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except BaseException as exc:  # see the docstring
            yield str(exc) or type(exc).__name__
            return
        yield record


def _damage(name: str, start: int, what: str, resumed_at: int | None) -> SourceFailure:
    if resumed_at is None:
        rest = "the rest of the file could not be read (is it truncated?)"
    else:
        rest = f"skipped to the next intact record at offset {resumed_at}"
    return SourceFailure(
        f"{name}@{start}",
        "E109",
        f"damaged WARC data {what}; {rest}. Re-copy or re-crawl the archive to recover "
        "what is missing",
    )


def _next_start(stream: BinaryIO, start: int, gzipped: bool) -> int | None:
    """The offset of the next place a record may start cleanly, at or after ``start``."""
    # Records follow a line break; gzip members follow each other directly.
    marker = _GZIP_MEMBER if gzipped else b"\n" + _WARC_LINE
    skip = 0 if gzipped else 1
    stream.seek(start)
    offset = start  # file offset of data[0]
    data = b""
    while True:
        chunk = stream.read(_SCAN_CHUNK)
        if not chunk:
            return None
        data += chunk
        at = data.find(marker)
        if at != -1:
            return offset + at + skip
        keep = len(marker) - 1
        offset += len(data) - keep
        data = data[-keep:]


def _target(uri: str | None) -> str | None:
    """The record's URL; a malformed one (crawlers record what they were given) is left out
    rather than passed on to stages that would choke on it."""
    return uri if uri and usable_url(uri) else None


def _record_item(record: WarcRecord, name: str, options: Options) -> SourceItem | None:
    """One response record as a Document, a SourceFailure, or None when it is no page."""
    record_id = (record.record_id or "").strip().strip("<>")
    input_id = f"{name}#{record_id}" if record_id else f"{name}@{record.stream_pos}"
    if record.headers.get("Content-Length") is None:
        return SourceFailure(
            input_id,
            "E109",
            "the record's WARC headers are cut off (no Content-Length); the archive was cut "
            "short or damaged",
        )
    if not record.is_http:
        return None
    http = record.http_headers
    if http is None or http.status_code is None:
        return SourceFailure(
            input_id,
            "E109",
            "the record's HTTP headers are cut off or malformed; the archive is damaged",
        )
    if http.status_code != 200:
        return None
    media_type = (record.http_content_type or "").split(";")[0].strip().lower()
    if media_type and media_type not in PAGE_TYPES:
        return None
    declared = record.content_length
    if declared > options.max_bytes:
        return SourceFailure(
            input_id,
            "E106",
            f"the record's payload is {declared} bytes, over the limit of {options.max_bytes}; "
            "raise --max-bytes (Options.max_bytes) to read it",
        )
    try:
        body = record.reader.read(options.max_bytes + 1)
    except (OSError, ValueError) as exc:
        return SourceFailure(
            input_id, "E109", f"the record's payload could not be read ({exc}); it is damaged"
        )
    encoded = http.get("Content-Encoding") or http.get("Transfer-Encoding")
    if not encoded and len(body) < declared:
        return SourceFailure(
            input_id,
            "E109",
            f"the record is truncated: {len(body)} of {declared} payload bytes; the archive "
            "was cut short or damaged",
        )
    if len(body) > options.max_bytes and encoded:
        return SourceFailure(
            input_id,
            "E113",
            f"the record's {encoded} payload ({declared} bytes) inflates to more than the limit "
            f"of {options.max_bytes} bytes (a compression bomb?); the rest was not inflated. "
            "Raise max_bytes to read it",
        )
    if len(body) > options.max_bytes:
        return SourceFailure(
            input_id,
            "E106",
            f"the record's payload is over the limit of {options.max_bytes} bytes; raise "
            "max_bytes to read it",
        )
    return http_document(
        input_id,
        body,
        kind=options.kind,
        media_type=media_type,
        charset=record.http_charset,
        url=_target(record.headers.get("WARC-Target-URI")),
    )
