"""Sources: ``@FILE`` lists of URLs and paths, one a line."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from dateline.model import Document
from dateline.sources import SourceFailure, iter_documents
from dateline.sources.lists import is_list_argument, read_list
from test_sources_web import FAST, Site
from test_sources_web import site as site  # the local HTTP server, a fixture


def page(text: str) -> str:
    return f"<html><body><p>{text}</p></body></html>"


def test_list_of_urls_and_paths(tmp_path: Path, site: Site) -> None:
    site.page("/a")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "one.html").write_text(page("One"))
    (tmp_path / "pages" / "two.html").write_text(page("Two"))
    (tmp_path / "feed.xml").write_text(
        '<rss version="2.0"><channel><item><title>T</title><guid isPermaLink="false">g1</guid>'
        "<description>Only a line.</description></item></channel></rss>"
    )
    listing = tmp_path / "inputs.txt"
    listing.write_text(
        "# what to read today\n"
        "\n"
        f"{site.url('/a')}#section-2\n"
        "   pages/one.html   \n"
        f"{tmp_path / 'pages' / 'two.html'}\n"
        "  # an indented comment\n"
        "feed.xml\n"
        "missing.html\n"
    )
    items = list(iter_documents([f"@{listing}"], FAST))
    assert [i.input_id for i in items] == [
        f"{site.url('/a')}#section-2",  # a fragment is part of the URL, not a comment
        str(tmp_path / "pages" / "one.html"),  # relative to the list's directory
        str(tmp_path / "pages" / "two.html"),
        f"{tmp_path / 'feed.xml'}#g1",
        str(tmp_path / "missing.html"),
    ]
    assert [type(i).__name__ for i in items] == ["Document"] * 4 + ["SourceFailure"]
    assert isinstance(items[-1], SourceFailure) and items[-1].code == "E101"


def test_list_mixed_with_plain_arguments_keeps_order(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page("A"))
    (tmp_path / "b.html").write_text(page("B"))
    (tmp_path / "c.html").write_text(page("C"))
    (tmp_path / "list").write_text("b.html\n")
    items = list(
        iter_documents([tmp_path / "a.html", f"@{tmp_path / 'list'}", tmp_path / "c.html"])
    )
    assert [Path(i.input_id).name for i in items] == ["a.html", "b.html", "c.html"]


def test_missing_list_file(tmp_path: Path) -> None:
    (item,) = iter_documents([f"@{tmp_path / 'nope.txt'}"])
    assert isinstance(item, SourceFailure) and item.code == "E101"
    assert item.input_id == f"@{tmp_path / 'nope.txt'}" and "list file" in item.message


def test_list_from_standard_input(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page("A"))
    stdin = io.BytesIO(f"# list\n{tmp_path / 'a.html'}\n".encode())
    items = list(iter_documents(["@-"], stdin=stdin))
    assert len(items) == 1 and isinstance(items[0], Document)


def test_bom_and_bad_line(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page("A"))
    listing = tmp_path / "list.txt"
    listing.write_bytes(b"\xef\xbb\xbfa.html\n\xff\xfe bad\n")
    items = list(read_list(f"@{listing}"))
    assert items[0] == str(tmp_path / "a.html")
    assert isinstance(items[1], SourceFailure) and items[1].code == "E104"
    assert items[1].input_id == f"@{listing}:2"


def test_lists_do_not_nest(tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text("@other.txt\n")
    (item,) = iter_documents([f"@{listing}"])
    assert isinstance(item, SourceFailure) and item.code == "E101"


def test_list_entry_can_be_a_warc(tmp_path: Path) -> None:
    body = page("Archived").encode()
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    warc = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:r1>\r\n"
        b"WARC-Target-URI: https://e.example/\r\nContent-Type: application/http\r\n"
        + f"Content-Length: {len(http)}\r\n\r\n".encode()
        + http
        + b"\r\n\r\n"
    )
    (tmp_path / "crawl.warc.gz").write_bytes(gzip.compress(warc))
    (tmp_path / "list.txt").write_text("crawl.warc.gz\n")
    (item,) = iter_documents([f"@{tmp_path / 'list.txt'}"])
    assert isinstance(item, Document) and item.url == "https://e.example/"


def test_is_list_argument() -> None:
    assert is_list_argument("@urls.txt") and is_list_argument("@-")
    assert not is_list_argument("@") and not is_list_argument("./@urls.txt")
