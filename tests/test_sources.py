"""Sources: decoding, files, directories, standard input and JSON Lines."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from dateline import sources
from dateline.dates import stated_date
from dateline.errors import SourceError
from dateline.model import Document
from dateline.options import Options
from dateline.pipeline import analyze_all
from dateline.sources import (
    STDIN_ID,
    SourceFailure,
    decode_bytes,
    iter_documents,
    walk,
)

FRENCH = (
    "Le président a déclaré mercredi à Paris que les négociations sur la sécurité "
    "énergétique reprendraient après l'été, selon un communiqué publié à l'issue du conseil "
    "des ministres. « Nous avons créé les conditions d'un accord », a-t-il ajouté devant la "
    "presse, sans préciser le calendrier ni le montant des investissements prévus."
)
CZECH = (
    "Ministr zahraničí ve středu v Praze uvedl, že jednání o energetické bezpečnosti budou "
    "pokračovat po létě. Zdroje blízké vládě potvrdily, že strany dosáhly dohody."
)
TURKISH = (
    "Dışişleri Bakanı çarşamba günü Ankara'da yaptığı açıklamada, enerji güvenliği "
    "görüşmelerinin yazdan sonra yeniden başlayacağını söyledi."
)
RUSSIAN = (
    "Министр иностранных дел заявил в среду в Москве, что переговоры о безопасности "
    "возобновятся после лета, сообщает агентство."
)


def html_page(text: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>"


# -- decoding ------------------------------------------------------------------------------


def test_decode_utf8() -> None:
    decoded = decode_bytes(FRENCH.encode("utf-8"))
    assert decoded.text == FRENCH
    assert decoded.encoding == "utf-8"


def test_decode_utf8_bom_is_dropped() -> None:
    decoded = decode_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    assert decoded.text == FRENCH
    assert decoded.encoding == "utf-8"


def test_decode_utf16_bom() -> None:
    assert decode_bytes(FRENCH.encode("utf-16")).text == FRENCH


@pytest.mark.parametrize(("text", "encoding"), [(FRENCH, "latin-1"), (RUSSIAN, "windows-1251")])
def test_decode_declared_charset(text: str, encoding: str) -> None:
    page = html_page(text, encoding)
    decoded = decode_bytes(page.encode(encoding))
    assert text in decoded.text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (FRENCH, "latin-1"),
        (RUSSIAN, "windows-1251"),
        (CZECH, "windows-1250"),
        (TURKISH, "windows-1254"),
    ],
)
def test_decode_undeclared_charset_is_detected(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)).text == text
    assert text in decode_bytes(html_page(text, None).encode(encoding)).text


def test_decode_binary_is_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(SourceError) as caught:
        decode_bytes(png)
    assert caught.value.code == "E102"


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_decode_empty_is_refused(data: bytes) -> None:
    with pytest.raises(SourceError) as caught:
        decode_bytes(data)
    assert caught.value.code == "E103"


# -- files and directories ----------------------------------------------------------------


def test_single_file(tmp_path: Path, summit_html: str) -> None:
    path = tmp_path / "story.html"
    path.write_bytes(summit_html.encode("utf-8"))
    [doc] = iter_documents([path])
    assert isinstance(doc, Document)
    assert doc.input_id == str(path)
    assert doc.content == summit_html
    assert doc.kind == "auto"
    assert doc.encoding == "utf-8"


def test_as_option_sets_the_kind(tmp_path: Path, summit_html: str) -> None:
    path = tmp_path / "story.html"
    path.write_text(summit_html, encoding="utf-8")
    [doc] = iter_documents([path], Options(kind="text"))
    assert isinstance(doc, Document)
    assert doc.kind == "text"


def test_directory_is_recursive_sorted_and_skips_hidden_and_assets(corpus: Path) -> None:
    ids = [item.input_id for item in iter_documents([corpus])]
    assert ids == [
        str(corpus / "a-summit.html"),
        str(corpus / "b-port.txt"),
        str(corpus / "sub" / "c-grain.html"),
    ]
    assert walk(corpus) == [
        corpus / "a-summit.html",
        corpus / "b-port.txt",
        corpus / "sub" / "c-grain.html",
    ]


def test_hidden_directories_are_skipped(corpus: Path) -> None:
    (corpus / ".git").mkdir()
    (corpus / ".git" / "notes.txt").write_text("not news", encoding="utf-8")
    assert all(".git" not in item.input_id for item in iter_documents([corpus]))


def test_failures_keep_their_place(tmp_path: Path, corpus: Path) -> None:
    (tmp_path / "photo.dat").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "empty.txt").write_bytes(b"")
    paths = [
        tmp_path / "missing.html",
        tmp_path / "photo.dat",
        corpus / "b-port.txt",
        tmp_path / "empty.txt",
    ]
    items = list(iter_documents(paths))
    assert [i.input_id for i in items] == [str(p) for p in paths]
    assert [getattr(i, "code", "ok") for i in items] == ["E101", "E102", "ok", "E103"]


def test_gzip_file_is_read(tmp_path: Path, summit_html: str) -> None:
    path = tmp_path / "story.html.gz"
    path.write_bytes(gzip.compress(summit_html.encode("utf-8")))
    [doc] = iter_documents([path])
    assert isinstance(doc, Document)
    assert doc.content == summit_html


def test_oversized_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    [item] = iter_documents([path], Options(max_bytes=100))
    assert isinstance(item, SourceFailure)
    assert item.code == "E106"


def test_stdin(summit_html: str) -> None:
    [doc] = iter_documents(["-"], stdin=io.BytesIO(summit_html.encode("utf-8")))
    assert isinstance(doc, Document)
    assert doc.input_id == STDIN_ID
    assert doc.content == summit_html


# -- JSON Lines -----------------------------------------------------------------------------


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_jsonl_records(tmp_path: Path, summit_html: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        jsonl(
            {
                "id": "wire-1",
                "url": "https://w.example/1",
                "html": summit_html,
                "published": "2024-03-05",
                "title": "Grid link",
            },
            {"text": "Dockworkers walked out on Wednesday."},
            {"id": 42, "text": "Numeric ids are kept as text."},
        ),
        encoding="utf-8",
    )
    docs = list(iter_documents([path]))
    assert all(isinstance(d, Document) for d in docs)
    first, second, third = docs
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.input_id, first.kind, first.url, first.published, first.title) == (
        "wire-1",
        "html",
        "https://w.example/1",
        "2024-03-05",
        "Grid link",
    )
    assert (second.input_id, second.kind) == (f"{path}:2", "text")
    assert third.input_id == "42"


def test_jsonl_bad_lines_become_failures(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    path.write_text(
        jsonl(
            {"id": "ok-1", "text": "First story."},
            "{not json",
            "",
            {"id": "no-body", "url": "https://w.example/x"},
            [1, 2],
            {"id": "bad-url", "text": "x", "url": 5},
            {"id": "blank", "text": "   "},
            {"id": "ok-2", "text": "Last story."},
        ),
        encoding="utf-8",
    )
    items = list(iter_documents([path]))
    summary = [(i.input_id, getattr(i, "code", "ok")) for i in items]
    assert summary == [
        ("ok-1", "ok"),
        (f"{path}:2", "E105"),
        ("no-body", "E105"),
        (f"{path}:5", "E105"),
        ("bad-url", "E105"),
        ("blank", "E103"),
        ("ok-2", "ok"),
    ]


def test_jsonl_detected_by_content(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(
        jsonl({"id": "a", "text": "One."}, {"id": "b", "text": "Two."}), encoding="utf-8"
    )
    assert [i.input_id for i in iter_documents([path])] == ["a", "b"]


def test_json_object_that_is_not_jsonl_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "pretty.txt"
    path.write_text('{\n  "note": "a pretty-printed object"\n}\n', encoding="utf-8")
    [item] = iter_documents([path])
    assert isinstance(item, Document)
    assert item.input_id == str(path)


def test_a_json_file_of_records_is_read_as_its_records(tmp_path: Path) -> None:
    """A .json file holding an array of records (what a JSON export writes), or one record
    pretty-printed, gives its records as JSON Lines would; it was one text dump (E201)."""
    path = tmp_path / "export.json"
    records = [{"id": "a", "text": "One."}, {"text": "Two."}, {"id": "c"}, 7]
    path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    items = list(iter_documents([path]))
    assert [(i.input_id, getattr(i, "code", "ok")) for i in items] == [
        ("a", "ok"),
        (f"{path}:2", "ok"),
        ("c", "E105"),
        (f"{path}:4", "E105"),
    ]
    one = tmp_path / "one.json"
    one.write_text('{\n  "id": "solo",\n  "text": "Alone."\n}\n', encoding="utf-8")
    assert [i.input_id for i in iter_documents([one])] == ["solo"]
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    [failure] = iter_documents([empty])
    assert getattr(failure, "code", None) == "E103"


def test_jsonl_from_stdin() -> None:
    data = jsonl({"id": "s1", "text": "From a pipe."}, "oops").encode("utf-8")
    items = list(iter_documents(["-"], stdin=io.BytesIO(data)))
    assert [(i.input_id, getattr(i, "code", "ok")) for i in items] == [
        ("s1", "ok"),
        (f"{STDIN_ID}:2", "E105"),
    ]


def test_jsonl_published_is_normalised_or_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        jsonl(
            {"id": "iso", "text": "x", "published": "2024-03-05T09:30:00+01:00"},
            {"id": "human", "text": "x", "published": "Tue, 05 Mar 2024 09:30:00 GMT"},
            {"id": "partial", "text": "x", "published": "March 2024"},
        ),
        encoding="utf-8",
    )
    iso, human, partial = iter_documents([path])
    assert isinstance(iso, Document) and iso.published == "2024-03-05T09:30:00+01:00"
    assert isinstance(human, Document) and human.published == "2024-03-05T09:30:00+00:00"
    assert isinstance(partial, SourceFailure) and partial.code == "E105"


@pytest.mark.parametrize(
    ("stated", "iso"),
    [
        ("2024-03-05", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("2024-03-05T09:30:00Z", "2024-03-05T09:30:00+00:00"),
        ("5 March 2024", "2024-03-05"),
        ("March 2024", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_stated_date(stated: str, iso: str | None) -> None:
    assert stated_date(stated) == iso


def test_public_api() -> None:
    assert set(sources.__all__) == {
        "STDIN_ID",
        "Decoded",
        "SourceFailure",
        "SourceItem",
        "decode_bytes",
        "document_from_bytes",
        "stated_date",
        "iter_documents",
        "iter_jsonl",
        "parse_record",
        "read_file",
        "read_stream",
        "walk",
    }


# -- analyze_all ---------------------------------------------------------------------------


def test_analyze_all_one_record_per_input_in_order(tmp_path: Path, corpus: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        jsonl({"id": "j1", "text": "Port workers strike for a second day over pay."}, "nope"),
        encoding="utf-8",
    )
    paths = [corpus / "b-port.txt", tmp_path / "missing.txt", feed, corpus]
    items = list(iter_documents(paths))
    records = list(analyze_all(items))
    assert [r.input_id for r in records] == [i.input_id for i in items]
    assert [r.input_id for r in records][:4] == [
        str(corpus / "b-port.txt"),
        str(tmp_path / "missing.txt"),
        "j1",
        f"{feed}:2",
    ]
    assert [r.ok for r in records] == [True, False, True, False, True, True, True]
    failed = records[1]
    assert failed.error is not None and failed.error.code == "E101"
    assert failed.to_dict() == {
        "id": failed.id,
        "input_id": str(tmp_path / "missing.txt"),
        "error": {"code": "E101", "message": failed.error.message},
    }


def test_same_content_same_id(tmp_path: Path, summit_html: str) -> None:
    (tmp_path / "a.html").write_text(summit_html, encoding="utf-8")
    (tmp_path / "b.html").write_text(summit_html, encoding="utf-8")
    first, second = iter_documents([tmp_path])
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == second.id


def test_a_file_name_that_is_not_utf8_gives_an_id_that_can_be_stored(tmp_path: Path) -> None:
    # a latin-1 file name (bytes, as an old archive or a USB stick may hold) reached the
    # store as a lone surrogate and stopped the whole ingest with UnicodeEncodeError
    from dateline.store import Store

    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9-harbour.txt")
    try:
        with open(name, "wb") as handle:
            handle.write(b"The harbour of Portvale reopened on Monday after a week of repairs.")
    except OSError:
        pytest.skip("this file system takes only UTF-8 file names")
    missing = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"gone\xe9.txt"))
    records = list(analyze_all(iter_documents([tmp_path, missing]), Options(nlp=False)))
    assert [r.input_id for r in records] == [
        f"{tmp_path}/caf\\xe9-harbour.txt",
        f"{tmp_path}/gone\\xe9.txt",
    ]
    assert records[0].ok and records[1].error is not None and records[1].error.code == "E101"
    with Store.open(tmp_path / "s.db") as store:
        counts = store.ingest(records)
        assert (counts.inserted, len(counts.failures)) == (1, 1)
        assert store.get(records[0].id) == records[0]


def test_jsonl_an_empty_id_is_said_to_be_empty(tmp_path: Path) -> None:
    # '"id" must be a string or an integer' was the answer to "id": "", which is a string
    path = tmp_path / "ids.jsonl"
    path.write_text(jsonl({"id": "", "text": "A story."}, {"id": 1.5, "text": "x"}))
    first, second = iter_documents([path])
    assert isinstance(first, SourceFailure) and isinstance(second, SourceFailure)
    assert first.message == second.message == '"id" must be a non-empty string or an integer'


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_directory_is_skipped_and_one_named_as_a_path_is_read(
    tmp_path: Path,
) -> None:
    # a pipe found in a directory used to hang the batch (nobody writes to it); a pipe named
    # on the command line, as <(zcat pages.gz) makes, failed with E100 "not seekable"
    import threading

    (tmp_path / "story.txt").write_text("The harbour of Portvale reopened on Monday.")
    os.mkfifo(tmp_path / "stuck.txt")
    assert walk(tmp_path) == [tmp_path / "story.txt"]
    named = tmp_path / "named.txt"
    os.mkfifo(named)
    text = "The ferry to Westhaven resumed service on Friday after the storm had passed."

    def feed() -> None:
        with named.open("wb") as pipe:
            pipe.write(gzip.compress(text.encode()))

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        [item] = list(iter_documents([named]))
    finally:
        writer.join(timeout=10)
    assert isinstance(item, Document) and item.input_id == str(named)
    assert text in item.content
