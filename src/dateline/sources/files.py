"""Files, directories and standard input as Documents.

A path names a file (HTML or text; which one is decided later, from the content, unless
``Options.kind`` says), a directory (read recursively in sorted order, hidden files and web
page assets skipped), or ``-`` for standard input. A file is JSON Lines when its name ends in
``.jsonl``/``.ndjson`` or its content looks like it. Gzip-compressed input is read
transparently. Nothing here raises for a bad input: it yields a SourceFailure in its place.
"""

from __future__ import annotations

import gzip
import io
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from dateline.errors import SourceError
from dateline.model import Document
from dateline.options import Options
from dateline.sources.base import SourceFailure, SourceItem
from dateline.sources.decode import decode_bytes
from dateline.sources.jsonl import JSONL_SUFFIXES, iter_jsonl, sniff

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
) -> Iterator[SourceItem]:
    """Every document under ``paths``, in order: one item per input document.

    ``-`` reads ``stdin`` (default: the process's standard input, as bytes).
    """
    options = options or Options()
    for raw in paths:
        name = os.fspath(raw)
        if name == "-":
            yield from read_stream(
                stdin if stdin is not None else sys.stdin.buffer, STDIN_ID, options
            )
            continue
        path = Path(name)
        if path.is_dir():
            for child in walk(path):
                yield from read_file(child, options)
        elif path.exists():
            yield from read_file(path, options)
        else:
            yield SourceFailure(name, "E101", f"{name} does not exist; check the path")


def walk(root: Path) -> list[Path]:
    """The document files under ``root``, sorted by their path relative to it."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            if filename.startswith(".") or Path(filename).suffix.lower() in ASSET_SUFFIXES:
                continue
            found.append(Path(dirpath, filename))
    found.sort(key=lambda p: p.relative_to(root).parts)
    return found


def read_file(path: Path, options: Options | None = None) -> Iterator[SourceItem]:
    """The document in a file, or each document of a JSON Lines file."""
    options = options or Options()
    name = str(path)
    try:
        with path.open("rb") as handle:
            yield from read_stream(handle, name, options)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield SourceFailure(name, "E100", f"could not read {name}: {reason}")


def read_stream(
    stream: BinaryIO, name: str, options: Options | None = None
) -> Iterator[SourceItem]:
    """The document(s) in a byte stream named ``name`` (a path, or ``<stdin>``)."""
    options = options or Options()
    try:
        if not hasattr(stream, "peek"):
            stream = cast(BinaryIO, io.BufferedReader(cast(Any, stream)))
        head = cast(Any, stream).peek(2)[:2]
        if head == _GZIP_MAGIC or name.lower().endswith(".gz"):
            stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
        by_name = name.lower().endswith(JSONL_SUFFIXES)
        is_jsonl, consumed = sniff(stream, options.max_bytes)
        if by_name or is_jsonl:
            yield from iter_jsonl(itertools.chain(consumed, stream), name, options)
            return
        remaining = max(0, options.max_bytes + 1 - sum(map(len, consumed)))
        data = b"".join(consumed) + stream.read(remaining)
    except (OSError, EOFError) as exc:
        yield SourceFailure(name, "E100", f"could not read {name}: {exc}")
        return
    yield document_from_bytes(data, name, options)


def document_from_bytes(data: bytes, input_id: str, options: Options | None = None) -> SourceItem:
    """Decode one document's bytes (encoding detected) into a Document."""
    options = options or Options()
    if len(data) > options.max_bytes:
        return SourceFailure(
            input_id,
            "E106",
            f"the document is over the limit of {options.max_bytes} bytes; raise max_bytes "
            "or split the input",
        )
    hint = {"html": True, "text": False}.get(options.kind)
    try:
        decoded = decode_bytes(data, is_html=hint)
    except SourceError as exc:
        return SourceFailure.from_error(input_id, exc)
    return Document(
        input_id=input_id, content=decoded.text, kind=options.kind, encoding=decoded.encoding
    )
