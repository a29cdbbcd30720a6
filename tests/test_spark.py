"""The Spark job on PySpark ``local[2]``: WARC and JSON Lines inputs we generate (one WARC
corrupt), Parquet rows equal to a sequential ``analyze_all``, counters, and idempotent re-runs.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -e '.[spark]')")
pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
pyarrow_dataset = pytest.importorskip("pyarrow.dataset")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Java is not installed: PySpark needs a JVM (Java 17+)", allow_module_level=True)

from click.testing import CliRunner  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

import dateline.spark  # noqa: E402
from dateline import examples  # noqa: E402
from dateline.cli import cli  # noqa: E402
from dateline.model import Article  # noqa: E402
from dateline.options import Options  # noqa: E402
from dateline.pipeline import analyze_all  # noqa: E402
from dateline.sources import iter_documents  # noqa: E402
from dateline.spark import read_manifest, run  # noqa: E402
from dateline.spark_tables import TABLES, Output, input_key  # noqa: E402
from dateline.store.facts import (  # noqa: E402
    article_row,
    entity_rows,
    event_rows,
    quote_rows,
)

pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)

FAST = Options(nlp=False)
FACTS = {"entities": entity_rows, "quotes": quote_rows, "events": event_rows}


# -- inputs --------------------------------------------------------------------------------


def warc_record(uri: str, body: bytes, record_id: str, warc_type: str = "response") -> bytes:
    """One WARC/1.0 record with an HTTP block, as a crawler writes it."""
    http = (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    header = (
        f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"WARC-Date: 2025-10-01T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype={warc_type}\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    )
    return header.encode() + http + b"\r\n\r\n"


def page(title: str, text: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{text}</p></article></body></html>"
    ).encode()


def small_page_records(prefix: str, count: int) -> list[bytes]:
    return [
        warc_record(
            f"https://news.example/{prefix}/{n}",
            page(
                f"Story {prefix} {n}",
                f"Officials in Tirana met on Monday to discuss item {n} of {prefix}. " * 8,
            ),
            f"{prefix}-{n}",
        )
        for n in range(count)
    ]


def example_pages() -> list[bytes]:
    html = [p for p in examples.files() if p.suffix == ".html"]
    return [warc_record(f"https://examples.test/{p.stem}", p.read_bytes(), p.stem) for p in html]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("inputs")
    files = {
        "plain": folder / "crawl-a.warc",
        "gzipped": folder / "crawl-b.warc.gz",
        "corrupt": folder / "crawl-c.warc.gz",
        "not_warc": folder / "crawl-d.warc",
        "jsonl": folder / "wire.jsonl",
        "text": folder / "dump.txt",
        "examples": folder / "examples.warc.gz",
    }
    request = warc_record("https://news.example/", b"GET / HTTP/1.1\r\n\r\n", "q", "request")
    files["plain"].write_bytes(request + b"".join(small_page_records("a", 4)))
    b = small_page_records("b", 3)
    files["gzipped"].write_bytes(b"".join(gzip.compress(r) for r in b))
    # Three gzip members, the middle one damaged: one document, one E109, one document.
    c = [gzip.compress(r) for r in small_page_records("c", 3)]
    damaged = c[1][:20] + b"\x00" * 10 + c[1][30:]
    files["corrupt"].write_bytes(c[0] + damaged + c[2])
    files["not_warc"].write_bytes(b"just some text, not an archive\n" * 5)
    lines = [
        json.dumps({"id": "w1", "url": "https://wire.example/1", "title": "Port strike ends",
                    "published": "2025-10-02", "text": "Dockworkers returned to work. " * 10}),
        "{not json",
        json.dumps({"id": "w3", "text": "Grain exports resume after a week of talks. " * 10}),
    ]  # fmt: skip
    files["jsonl"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    files["text"].write_text(
        "Ministers meet in Vienna\n\nMinisters met in Vienna on Friday to discuss the budget. " * 5,
        encoding="utf-8",
    )
    files["examples"].write_bytes(b"".join(gzip.compress(r) for r in example_pages()))
    return files


def manifest(folder: Path, paths: list[Path], name: str = "manifest.txt") -> Path:
    lines = ["# a manifest for the test", ""]
    # The first entry is relative to the manifest's directory.
    lines += [
        str(p.relative_to(folder)) if n == 0 and p.is_relative_to(folder) else str(p)
        for n, p in enumerate(paths)
    ]
    out = folder / name
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    logging.getLogger("py4j").setLevel(logging.ERROR)
    # workers run this interpreter (where dateline is installed), not python3 on PATH
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("dateline-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        # A short-lived test JVM starts twice as fast without the optimising compiler.
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


# -- reading the output back -----------------------------------------------------------------


def table_rows(output: Path, table: str, entries: list[str]) -> list[dict[str, Any]]:
    """A table's rows in manifest order (each input's part file keeps its records' order)."""
    rows: list[dict[str, Any]] = []
    for entry in entries:
        part = output / table / f"input={input_key(entry)}" / "part.parquet"
        rows += pyarrow_parquet.read_table(part).to_pylist()
    return rows


def sequential(entries: list[str], options: Options) -> list[tuple[str, dict[str, Any]]]:
    """(entry, record) for every record of a plain, one-process run over the entries."""
    return [
        (entry, record.to_dict())
        for entry in entries
        for record in analyze_all(iter_documents([entry], options), options)
    ]


def assert_rows_equal_sequential(
    output: Path, entries: list[str], options: Options, *, check_one_run: bool = True
) -> None:
    expected = sequential(entries, options)
    if check_one_run:
        # One run over all the inputs at once gives the same records as one run per input.
        together = [r.to_dict() for r in analyze_all(iter_documents(entries, options), options)]
        assert together == [record for _, record in expected]

    articles = table_rows(output, "articles", entries)
    assert len(articles) == len(expected)
    for row, (entry, record) in zip(articles, expected, strict=True):
        assert row["input_path"] == entry
        assert (row["id"], row["input_id"]) == (record["id"], record["input_id"])
        error = record.get("error") or {}
        assert (row["error_code"], row["error_message"]) == (
            error.get("code"),
            error.get("message"),
        )
        article = record.get("article") or {}
        # the shared articles table's columns (dateline.store.facts), then the record's others
        shared = article_row(record, None) if record.get("article") else {}
        for name in Article.__dataclass_fields__:
            want = shared[name] if name in shared else article.get(name)
            assert row[name] == want, (record["input_id"], name)
    for table, flatten in FACTS.items():
        want = [
            {"input_path": entry, **row}
            for entry, record in expected
            if not record.get("error")
            for row in flatten(record["id"], record)
        ]
        assert table_rows(output, table, entries) == want, table


def snapshot(output: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(output)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(output.rglob("*"))
        if p.is_file() and p.name != "counters.json"
    }


# -- the tests -------------------------------------------------------------------------------


def test_manifest_entries(tmp_path: Path) -> None:
    (tmp_path / "m.txt").write_text(
        "# comment\n\n a.warc \n/abs/b.jsonl\na.warc\ns3a://bucket/c.warc.gz\n", encoding="utf-8"
    )
    assert read_manifest(str(tmp_path / "m.txt")) == [
        str(tmp_path / "a.warc"),
        "/abs/b.jsonl",
        "s3a://bucket/c.warc.gz",
    ]


def test_an_object_storage_input_is_copied_and_keeps_its_uri(
    inputs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stand a local folder in for a bucket: the task reads the entry through pyarrow's
    # filesystem for its scheme, from a local copy, and names the records by the URI.
    import pyarrow.fs

    bucket = inputs["corrupt"].parent

    def resolve(location: str) -> tuple[pyarrow.fs.FileSystem, str]:
        assert location.startswith("s3a://bucket/")
        return pyarrow.fs.LocalFileSystem(), str(bucket / location.removeprefix("s3a://bucket/"))

    monkeypatch.setattr(dateline.spark, "resolve", resolve)
    entry = "s3a://bucket/crawl-c.warc.gz"
    result = dateline.spark.process_input(entry, Output(str(tmp_path / "out")), FAST)
    assert result["status"] == "processed" and result["failed"] == {"E109": 1}
    rows = table_rows(tmp_path / "out", "articles", [entry])
    assert [r["input_id"].split("#")[0].split("@")[0] for r in rows] == [entry] * 3
    assert rows[1]["error_code"] == "E109" and "dateline-spark-" not in rows[1]["error_message"]
    assert not list(Path(tempfile.gettempdir()).glob("dateline-spark-*"))


def test_spark_job_equals_sequential_run_and_reruns_do_nothing(
    spark: SparkSession, inputs: dict[str, Path], tmp_path: Path
) -> None:
    paths = [inputs[k] for k in ("plain", "gzipped", "corrupt", "not_warc", "jsonl", "text")]
    listing = manifest(inputs["plain"].parent, paths, "fast.txt")
    entries = read_manifest(str(listing))
    assert entries == [str(p) for p in paths]
    output = tmp_path / "out"

    counters = run(str(listing), str(output), options=FAST, spark=spark)

    assert_rows_equal_sequential(output, entries, FAST)
    # 4 + 3 + (2 documents and 1 damaged stretch) + 1 + 3 + 1
    assert (counters.inputs, counters.inputs_processed, counters.inputs_skipped) == (6, 6, 0)
    assert counters.inputs_failed == 0
    assert counters.documents == counters.documents_processed == 15
    assert counters.failed == {"E105": 1, "E109": 2}
    assert (counters.documents_ok, counters.documents_failed) == (12, 3)
    assert counters.rows == {"articles": 15, "entities": 0, "quotes": 0, "events": 0}
    written = json.loads((output / "counters.json").read_text())
    assert written == counters.to_dict()
    markers = sorted((output / "_done").glob("*.json"))
    assert [m.stem for m in markers] == sorted(input_key(e) for e in entries)
    corrupt = json.loads((output / "_done" / f"{input_key(entries[2])}.json").read_text())
    assert (corrupt["documents"], corrupt["ok"], corrupt["failed"]) == (3, 2, {"E109": 1})
    # Each table reads as one Hive-partitioned dataset (as Spark, DuckDB or pyarrow see it).
    table = pyarrow_dataset.dataset(output / "articles", partitioning="hive").to_table()
    assert table.num_rows == 15 and "input" in table.column_names
    assert table.column("error_code").to_pylist().count("E109") == 2

    before = snapshot(output)
    jobs = spark.sparkContext.statusTracker().getJobIdsForGroup()
    again = run(str(listing), str(output), options=FAST, spark=spark)
    assert spark.sparkContext.statusTracker().getJobIdsForGroup() == jobs  # no job at all
    assert (again.inputs_processed, again.inputs_skipped, again.inputs_failed) == (0, 6, 0)
    assert again.documents_processed == 0
    assert (again.documents, again.failed, again.rows) == (
        counters.documents,
        counters.failed,
        counters.rows,
    )
    assert snapshot(output) == before


def test_nlp_stages_on_with_the_model_loaded_once_per_executor(
    spark: SparkSession, inputs: dict[str, Path], tmp_path: Path
) -> None:
    paths = [inputs["examples"], examples.jsonl(), examples.files()[-1]]
    listing = manifest(tmp_path, paths)
    entries = read_manifest(str(listing))
    output = tmp_path / "out"
    options = Options(nlp=True)

    counters = run(str(listing), str(output), options=options, spark=spark)

    assert counters.inputs_processed == 3 and counters.documents_failed == 0
    assert_rows_equal_sequential(output, entries, options, check_one_run=False)
    # The NLP stages ran (what they find is theirs to test; here: the same as sequentially).
    assert sum(counters.rows[name] for name in FACTS) > 0
    workers = [json.loads(m.read_text())["worker"] for m in (output / "_done").glob("*.json")]
    # Each executor process loaded the model once and reused it for its later inputs.
    assert {w["models_loaded"] for w in workers} == {1}
    assert len({(w["host"], w["pid"]) for w in workers}) <= 2


def test_interrupted_and_unreadable_inputs_are_redone(
    spark: SparkSession, inputs: dict[str, Path], tmp_path: Path
) -> None:
    missing = tmp_path / "later.jsonl"
    paths = [inputs["jsonl"], inputs["gzipped"], missing]
    listing = manifest(tmp_path, paths)
    entries = read_manifest(str(listing))
    output = tmp_path / "out"
    # What a task killed half way leaves: part files and a temporary, but no marker.
    stale = output / "articles" / f"input={input_key(entries[1])}"
    stale.mkdir(parents=True)
    (stale / "part.parquet").write_bytes(b"half a file")
    (stale / ".tmp-0123").write_bytes(b"half a file")

    counters = run(str(listing), str(output), options=FAST, spark=spark)

    assert (counters.inputs_processed, counters.inputs_failed) == (2, 1)
    assert "E101" in counters.input_errors[str(missing)]
    assert not (output / "_done" / f"{input_key(str(missing))}.json").exists()
    assert [p.name for p in stale.iterdir()] == ["part.parquet"]
    assert_rows_equal_sequential(output, entries[:2], FAST)

    # The missing input appears: the next run does it, and only it.
    shutil.copy(inputs["jsonl"], missing)
    again = run(str(listing), str(output), options=FAST, spark=spark)
    assert (again.inputs_processed, again.inputs_skipped, again.inputs_failed) == (1, 2, 0)
    assert (again.documents, again.documents_processed) == (3 + 3 + 3, 3)
    assert_rows_equal_sequential(output, entries, FAST)


def test_cli(spark: SparkSession, inputs: dict[str, Path], tmp_path: Path) -> None:
    listing = manifest(tmp_path, [inputs["gzipped"], inputs["corrupt"]])
    output = tmp_path / "out"
    args = ["spark", "--input", str(listing), "--output", str(output), "--no-nlp"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output  # the corrupt archive's damaged stretch
    counters = json.loads(result.stdout)
    assert counters["documents"] == 6 and counters["failed"] == {"E109": 1}
    assert sorted(p.name for p in output.iterdir()) == sorted(["_done", "counters.json", *TABLES])
    result = CliRunner().invoke(cli, args)
    assert json.loads(result.stdout)["inputs_skipped"] == 2


def test_entry_points_for_spark_submit_and_python_m() -> None:
    import subprocess
    import sys

    import dateline.spark_submit

    for command in (
        [sys.executable, dateline.spark_submit.__file__, "--help"],  # what spark-submit runs
        [sys.executable, "-m", "dateline.spark_submit", "--help"],
    ):
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        assert "Usage: dateline spark [OPTIONS]" in done.stdout
