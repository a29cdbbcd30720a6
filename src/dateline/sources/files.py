"""Inputs as Documents: files, directories, standard input, URLs and lists of them.

An input is a file (HTML or text; which one is decided later, from the content, unless
``Options.kind`` says), a directory (read recursively in sorted order, hidden files and web
page assets skipped), ``-`` for standard input, an ``http(s)://`` URL (``sources.web``), or
``@FILE``, a list of inputs one a line (``sources.lists``). A file is JSON Lines when its
name ends in ``.jsonl``/``.ndjson`` or its content looks like it, a WARC archive when it
ends in ``.warc``/``.warc.gz`` or starts like one (``sources.warc``), and an RSS/Atom feed
when its root element says so (``sources.feeds``); a whole JSON document of such records
(an array of them, or one written over several lines) gives its records as JSON Lines
would (``sources.jsonl.json_records``). Gzip-compressed input is read
transparently. Everything is streamed: one document at a time. Nothing here raises for a
bad input: it yields a SourceFailure in its place.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from dateline.errors import SourceError
from dateline.model import Document
from dateline.options import Options
from dateline.sources.base import SourceFailure, SourceItem
from dateline.sources.compressed import Inflated, bounded_lines, skip_rest_of_line
from dateline.sources.decode import decode_bytes
from dateline.sources.feeds import looks_like_feed, read_feed
from dateline.sources.jsonl import JSONL_SUFFIXES, iter_jsonl, json_records, sniff
from dateline.sources.lists import is_list_argument, read_list
from dateline.sources.warc import WARC_SUFFIXES, looks_like_warc, read_warc
from dateline.sources.web import FEED_TYPES, PAGE_TYPES, Fetcher, is_url, page_document

STDIN_ID = "<stdin>"

#: Files a saved web page drags along; a directory walk skips them rather than report each.
ASSET_SUFFIXES = frozenset(
    {
        ".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif",
        ".svg", ".ico", ".bmp", ".tif", ".tiff", ".woff", ".woff2", ".ttf", ".otf", ".eot",
        ".mp3", ".mp4", ".webm", ".wav", ".ogg",
    }
)  # fmt: skip
_GZIP_MAGIC = b"\x1f\x8b"


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    options: Options | None = None,
    *,
    stdin: BinaryIO | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[SourceItem]:
    """Every document under ``paths``, in order: one item per input document.

    ``-`` reads ``stdin`` (default: the process's standard input, as bytes). URLs, feed
    entries' links and lists share one ``fetcher`` (made here when not given), so robots.txt
    is read once per host and the per-host pace holds across the whole run.
    """
    options = options or Options()
    web = fetcher or Fetcher(options)
    try:
        for raw in paths:
            name = os.fspath(raw)
            if is_list_argument(name):
                for entry in read_list(name, stdin):
                    if isinstance(entry, SourceFailure):
                        yield entry
                    else:
                        yield from _read_input(entry, options, stdin, web)
            else:
                yield from _read_input(name, options, stdin, web)
    finally:
        if fetcher is None:
            web.close()


def _read_input(
    name: str, options: Options, stdin: BinaryIO | None, fetcher: Fetcher
) -> Iterator[SourceItem]:
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from read_stream(stream, STDIN_ID, options, fetcher)
        return
    if is_url(name):
        yield from read_url(name, options, fetcher)
        return
    path = Path(name)
    if path.is_dir():
        for child in walk(path):
            yield from read_file(child, options, fetcher)
    elif path.exists():
        yield from read_file(path, options, fetcher)
    else:
        shown = path_id(name)
        yield SourceFailure(shown, "E101", f"{shown} does not exist; check the path")


def read_url(url: str, options: Options, fetcher: Fetcher) -> Iterator[SourceItem]:
    """The documents at a URL argument: one page, or every entry of a feed (told by the
    content type, else by the content)."""
    try:
        fetched = fetcher.get(url, PAGE_TYPES | FEED_TYPES)
    except SourceError as exc:
        yield SourceFailure.from_error(url, exc)
        return
    if fetched.media_type in FEED_TYPES or (
        fetched.media_type != "text/plain" and looks_like_feed(fetched.body[:4096])
    ):
        yield from read_feed(fetched.body, url, options, fetcher, base_url=fetched.url)
        return
    yield page_document(fetched, url, options)


def path_id(name: str) -> str:
    """A file name as an input id that can be printed and stored: the bytes of a name that
    is not UTF-8 (which Python keeps as lone surrogates, and no JSON writer or database
    takes) written as ``\\xe9``."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def walk(root: Path) -> list[Path]:
    """The document files under ``root``, sorted by their path relative to it."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            if filename.startswith(".") or Path(filename).suffix.lower() in ASSET_SUFFIXES:
                continue
            path = Path(dirpath, filename)
            if _special(path):
                continue
            found.append(path)
    found.sort(key=lambda p: p.relative_to(root).parts)
    return found


def _special(path: Path) -> bool:
    """A named pipe, socket or device found in a directory is no document: reading a pipe
    nobody writes to would hang the whole batch. (A pipe named on the command line, as
    ``<(zcat pages.gz)`` makes, is read.) A name that cannot be looked at, such as a
    dangling link, is kept so that reading it reports why."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


def read_file(
    path: Path, options: Options | None = None, fetcher: Fetcher | None = None
) -> Iterator[SourceItem]:
    """The document in a file, or each document of a JSON Lines file, WARC archive or feed."""
    options = options or Options()
    name = path_id(str(path))
    try:
        with path.open("rb") as handle:
            if not handle.seekable():  # a pipe named as a path: <(zcat pages.gz), /dev/stdin
                yield from read_stream(handle, name, options, fetcher)
                return
            if name.lower().endswith(WARC_SUFFIXES) or looks_like_warc(handle.read(4096)):
                handle.seek(0)
                yield from read_warc(handle, name, options)
                return
            handle.seek(0)
            yield from read_stream(handle, name, options, fetcher)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield SourceFailure(name, "E100", f"could not read {name}: {reason}")


def read_stream(
    stream: BinaryIO, name: str, options: Options | None = None, fetcher: Fetcher | None = None
) -> Iterator[SourceItem]:
    """The document(s) in a byte stream named ``name`` (a path, or ``<stdin>``)."""
    options = options or Options()
    gzipped = False
    try:
        if not hasattr(stream, "peek"):
            stream = cast(BinaryIO, io.BufferedReader(cast(Any, stream)))
        peeked = cast(Any, stream).peek(4096)
        if looks_like_warc(peeked):
            yield from read_warc(stream, name, options)
            return
        head = peeked[:2]
        if head == _GZIP_MAGIC or name.lower().endswith(".gz"):
            gzipped = True
            stream = cast(BinaryIO, Inflated(stream, name, options.max_inflate_ratio))
        by_name = name.lower().endswith(JSONL_SUFFIXES)
        is_jsonl, consumed = sniff(stream, options.max_bytes)
        if by_name or is_jsonl:
            yield from iter_jsonl(_jsonl_lines(consumed, stream, options), name, options)
            return
        remaining = max(0, options.max_bytes + 1 - sum(map(len, consumed)))
        data = b"".join(consumed) + stream.read(remaining)
    except SourceError as exc:
        yield SourceFailure.from_error(name, exc)
        return
    except (OSError, EOFError) as exc:
        yield SourceFailure(name, "E100", f"could not read {name}: {exc}")
        return
    if gzipped and len(data) > options.max_bytes:
        yield SourceFailure(
            name,
            "E113",
            f"{name} inflates to more than the limit of {options.max_bytes} bytes for one "
            "document (a compression bomb?); raise the limit (--max-bytes, Options.max_bytes) "
            "or split the input",
        )
        return
    if looks_like_feed(data[:4096]) and len(data) <= options.max_bytes:
        yield from read_feed(data, name, options, fetcher)
        return
    records = json_records(data, name, options) if len(data) <= options.max_bytes else None
    if records is not None:  # a .json file of records, not one line each
        yield from records
        return
    yield document_from_bytes(data, name, options)


def _jsonl_lines(consumed: list[bytes], stream: BinaryIO, options: Options) -> Iterator[bytes]:
    """The lines sniffing took, then the rest, none held longer than ``max_bytes + 1``."""
    for line in consumed:
        if len(line) > options.max_bytes and not line.endswith(b"\n"):
            skip_rest_of_line(stream)
        yield line
    yield from bounded_lines(stream, options.max_bytes)


def document_from_bytes(data: bytes, input_id: str, options: Options | None = None) -> SourceItem:
    """Decode one document's bytes (encoding detected) into a Document."""
    options = options or Options()
    if len(data) > options.max_bytes:
        return SourceFailure(
            input_id,
            "E106",
            f"the document is over the limit of {options.max_bytes:,} bytes; raise the limit "
            "(--max-bytes, Options.max_bytes) or split the input",
        )
    hint = {"html": True, "text": False}.get(options.kind)
    try:
        decoded = decode_bytes(data, is_html=hint)
    except SourceError as exc:
        return SourceFailure.from_error(input_id, exc)
    return Document(
        input_id=input_id, content=decoded.text, kind=options.kind, encoding=decoded.encoding
    )
