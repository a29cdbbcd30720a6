"""Sources: WARC and WARC.gz archives, written by the tests byte by byte, damaged ones too."""

from __future__ import annotations

import gzip
import hashlib
import io
from pathlib import Path
from typing import Any

import pytest

from dateline.model import Document
from dateline.options import Options
from dateline.sources import SourceFailure, iter_documents
from dateline.sources.base import SourceItem
from dateline.sources.warc import looks_like_warc, read_warc, read_warc_file


def page(text: str) -> bytes:
    return f"<html><body><article><p>{text}</p></article></body></html>".encode()


def record(
    uri: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    warc_type: str = "response",
    record_id: str | None = "auto",
    extra_http: str = "",
) -> bytes:
    """One WARC/1.0 record with an HTTP block, as a crawler writes it."""
    http = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{extra_http}"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    if record_id == "auto":
        record_id = f"<urn:uuid:{hashlib.md5(uri.encode() + body).hexdigest()}>"
    header = f"WARC/1.0\r\nWARC-Type: {warc_type}\r\n"
    if record_id:
        header += f"WARC-Record-ID: {record_id}\r\n"
    header += (
        "WARC-Date: 2024-03-05T10:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype={warc_type}\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    )
    return header.encode() + http + b"\r\n\r\n"


ONE = record("https://news.example/one", page("First story"), record_id="<urn:uuid:one>")
TWO = record("https://news.example/two", page("Second story"), record_id="<urn:uuid:two>")
THREE = record("https://news.example/three", page("Third story"), record_id="<urn:uuid:three>")


def read(path: Path, options: Options | None = None) -> list[SourceItem]:
    return list(read_warc_file(path, options))


def summary(items: list[SourceItem]) -> list[tuple[str, str]]:
    return [(item.input_id, "doc" if isinstance(item, Document) else item.code) for item in items]


@pytest.fixture
def warc(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.warc"
    path.write_bytes(ONE + TWO + THREE)
    return path


def test_response_records_become_documents(warc: Path) -> None:
    items = read(warc)
    assert summary(items) == [
        (f"{warc}#urn:uuid:one", "doc"),
        (f"{warc}#urn:uuid:two", "doc"),
        (f"{warc}#urn:uuid:three", "doc"),
    ]
    first = items[0]
    assert isinstance(first, Document)
    assert first.url == "https://news.example/one"
    assert "First story" in first.content and first.kind == "html"
    assert first.published is None  # WARC-Date is the crawl date, not the publication date


def test_gzip_per_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in (ONE, TWO, THREE)))
    assert [i.input_id.split("#")[1] for i in read(path)] == [
        "urn:uuid:one",
        "urn:uuid:two",
        "urn:uuid:three",
    ]


def test_gzip_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(ONE + TWO + THREE))
    assert [i.code if isinstance(i, SourceFailure) else "doc" for i in read(path)] == ["doc"] * 3


def test_records_that_are_not_pages_are_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc"
    path.write_bytes(
        record("https://news.example/", b"GET / HTTP/1.1\r\n\r\n", warc_type="request")
        + ONE
        + record("https://news.example/old", b"", status="301 Moved Permanently")
        + record("https://news.example/gone", page("gone"), status="404 Not Found")
        + record("https://news.example/logo.png", b"\x89PNG\r\n", content_type="image/png")
        + record("https://news.example/s.css", b"body{}", content_type="text/css")
        + record("https://news.example/notes.txt", b"Plain notes.", content_type="text/plain")
    )
    items = read(path)
    assert [i.url for i in items if isinstance(i, Document)] == [
        "https://news.example/one",
        "https://news.example/notes.txt",
    ]
    assert isinstance(items[1], Document) and items[1].kind == "text"


def test_http_charset_is_respected(tmp_path: Path) -> None:
    russian = "Министр заявил в среду, что переговоры возобновятся."
    body = f"<html><body><p>{russian}</p></body></html>".encode("cp1251")
    path = tmp_path / "ru.warc"
    path.write_bytes(
        record("https://ru.example/", body, content_type="text/html; charset=windows-1251")
    )
    (item,) = read(path)
    assert isinstance(item, Document) and russian in item.content
    assert item.encoding == "cp1251"


def test_content_encoding_is_undone(tmp_path: Path) -> None:
    path = tmp_path / "gz-payload.warc"
    body = gzip.compress(page("Zipped story"))
    path.write_bytes(
        record("https://news.example/z", body, extra_http="Content-Encoding: gzip\r\n")
    )
    (item,) = read(path)
    assert isinstance(item, Document) and "Zipped story" in item.content


def test_chunked_transfer_is_undone_and_not_mistaken_for_truncation(tmp_path: Path) -> None:
    path = tmp_path / "chunked.warc"
    body = b"1a\r\n<html><body><p>Chunked</p>\r\n10\r\n <p>story</p></b\r\n0\r\n\r\n"
    http = b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ntransfer-encoding: chunked\r\n\r\n"
    block = http + body
    path.write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:c>\r\n"
        b"WARC-Target-URI: https://news.example/c\r\nContent-Type: application/http\r\n"
        + f"Content-Length: {len(block)}\r\n\r\n".encode()
        + block
        + b"\r\n\r\n"
    )
    (item,) = read(path)
    assert isinstance(item, Document)
    assert item.content == "<html><body><p>Chunked</p> <p>story</p></b"


def test_record_without_id_is_named_by_offset(tmp_path: Path) -> None:
    path = tmp_path / "noid.warc"
    path.write_bytes(ONE + record("https://news.example/x", page("x"), record_id=None))
    assert [i.input_id for i in read(path)] == [f"{path}#urn:uuid:one", f"{path}@{len(ONE)}"]


def test_record_over_max_bytes(warc: Path) -> None:
    items = read(warc, Options(max_bytes=20))
    assert {i.code for i in items if isinstance(i, SourceFailure)} == {"E106"}
    assert len(items) == 3


# -- damage ------------------------------------------------------------------------------------


def test_truncated_file_keeps_what_came_before(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    path.write_bytes(ONE + TWO + THREE[: len(THREE) - 30])
    items = read(path)
    assert summary(items) == [
        (f"{path}#urn:uuid:one", "doc"),
        (f"{path}#urn:uuid:two", "doc"),
        (f"{path}#urn:uuid:three", "E109"),
    ]
    assert "truncated" in items[2].message  # type: ignore[union-attr]


def test_file_cut_inside_headers(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    path.write_bytes(ONE + THREE[:120])
    items = read(path)
    assert summary(items)[0] == (f"{path}#urn:uuid:one", "doc")
    assert [i.code for i in items[1:] if isinstance(i, SourceFailure)] == ["E109"]
    assert "cut off" in items[1].message  # type: ignore[union-attr]


def test_garbage_between_records_is_skipped_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(ONE + b"\x00\x13garbage that is no record\r\n\r\n" + TWO + THREE)
    items = read(path)
    assert summary(items) == [
        (f"{path}#urn:uuid:one", "doc"),
        (f"{path}@0", "E109"),
        (f"{path}#urn:uuid:two", "doc"),
        (f"{path}#urn:uuid:three", "doc"),
    ]
    message = items[1].message  # type: ignore[union-attr]
    assert "damaged WARC data after the record at offset 0" in message
    assert "skipped to the next intact record" in message


def test_wrong_content_length_does_not_swallow_the_next_record(tmp_path: Path) -> None:
    path = tmp_path / "badlen.warc"
    broken = TWO.replace(b"Content-Length: ", b"Content-Length: 9", 1)
    path.write_bytes(ONE + broken + THREE)
    assert summary(read(path)) == [
        (f"{path}#urn:uuid:one", "doc"),
        (f"{path}#urn:uuid:two", "E109"),
        (f"{path}#urn:uuid:three", "doc"),
    ]


def test_corrupt_gzip_member_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.gz"
    two = gzip.compress(TWO)
    damaged = two[:20] + b"\x00" * 10 + two[30:]
    path.write_bytes(gzip.compress(ONE) + damaged + gzip.compress(THREE))
    items = read(path)
    assert summary(items) == [
        (f"{path}#urn:uuid:one", "doc"),
        (f"{path}@0", "E109"),
        (f"{path}#urn:uuid:three", "doc"),
    ]
    assert "Re-copy or re-crawl" in items[1].message  # type: ignore[union-attr]


def test_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    path.write_bytes((gzip.compress(ONE) + gzip.compress(TWO))[:-25])
    items = read(path)
    assert summary(items)[0] == (f"{path}#urn:uuid:one", "doc")
    assert [i.code for i in items[1:]] == ["E109"]  # type: ignore[union-attr]


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"just some text, not an archive\n" * 5)
    (item,) = read(path)
    assert isinstance(item, SourceFailure) and item.code == "E109"
    assert item.input_id == str(path) and "not a readable WARC file" in item.message


# -- detection and wiring ----------------------------------------------------------------------


def test_looks_like_warc() -> None:
    assert looks_like_warc(ONE[:100])
    assert looks_like_warc(gzip.compress(ONE)[:200])
    assert not looks_like_warc(b"<html>WARC/1.0</html>")
    assert not looks_like_warc(gzip.compress(b"<html></html>"))


def test_iter_documents_detects_warc_by_content_and_walks_directories(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "crawl-0001").write_bytes(gzip.compress(ONE))  # no extension
    (tmp_path / "a" / "page.html").write_bytes(page("A page"))
    items = list(iter_documents([tmp_path / "a"], Options()))
    assert [type(i).__name__ for i in items] == ["Document", "Document"]
    assert items[0].input_id.endswith("crawl-0001#urn:uuid:one")


class Pipe(io.RawIOBase):
    """A stream that cannot seek, as standard input from a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_warc_from_standard_input() -> None:
    data = gzip.compress(ONE) + gzip.compress(TWO)
    items = list(iter_documents(["-"], stdin=io.BufferedReader(Pipe(data))))
    assert [i.input_id for i in items] == ["<stdin>#urn:uuid:one", "<stdin>#urn:uuid:two"]


def test_read_warc_is_lazy(tmp_path: Path) -> None:
    """Records come one at a time: the first is there before the file has been read."""
    path = tmp_path / "big.warc"
    filler = record("https://news.example/f", page("filler " * 20_000))
    path.write_bytes(ONE + filler * 40)  # ~5 MB
    with path.open("rb") as handle:
        items = read_warc(handle, "big", Options())
        assert isinstance(next(items), Document)
        assert handle.tell() < path.stat().st_size // 2
