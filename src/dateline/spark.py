"""The distributed job: ``analyze`` over a manifest of inputs, one Spark task per input.

    from dateline.spark import run
    counters = run("manifest.txt", "out/", options=Options(nlp=True))

The manifest names one input a line (WARC, WARC.gz, JSON Lines, HTML or text files, a
directory; local paths, ``file://`` or object-storage URIs such as ``s3a://bucket/key``);
blank lines and lines starting with ``#`` are skipped, and relative paths are relative to
the manifest's directory. Each entry is one unit of work: a Spark task reads it with
``sources.iter_documents``, runs ``pipeline.analyze_all`` (the spaCy model is loaded once
per executor Python process: ``dateline.nlp`` caches it), and streams the records into
Parquet tables (see ``dateline.spark_tables`` for the layout). An input is committed by its
marker ``_done/<key>.json``; re-running skips committed inputs, so a job that died half way
is finished by running it again. Object-storage inputs and outputs are read and written by
the executors through pyarrow's filesystems (S3, GCS, HDFS, Azure); see docs/spark.md.

The command line is ``dateline spark``; for spark-submit, the script
``dateline/spark_submit.py`` (also ``python -m dateline.spark_submit``) takes its options.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import shutil
import socket
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dateline.model import Document
from dateline.options import Options
from dateline.sources.base import SourceFailure, SourceItem
from dateline.spark_tables import (
    COUNTERS,
    TABLES,
    Output,
    input_key,
    is_remote,
    resolve,
)

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["Counters", "read_manifest", "run"]

log = logging.getLogger(__name__)

#: Errors that say the input itself could not be reached (a missing file, a failed read):
#: such an input is not committed, so the next run tries it again.
_UNREACHABLE = frozenset({"E100", "E101"})


@dataclass(slots=True)
class Counters:
    """What a run did (``inputs_*`` of this run) and what the output holds (the rest).

    ``documents``, ``failed`` and ``rows`` count every committed input of the manifest,
    whether this run or an earlier one processed it, so a re-run reports the same totals.
    ``inputs_failed`` inputs could not be read at all (``input_errors`` says why); they are
    not committed and are tried again by the next run.
    """

    inputs: int = 0
    inputs_processed: int = 0
    inputs_skipped: int = 0
    inputs_failed: int = 0
    #: documents analyzed by this run
    documents_processed: int = 0
    documents: int = 0
    documents_ok: int = 0
    documents_failed: int = 0
    #: failed documents by error code
    failed: dict[str, int] = field(default_factory=dict)
    #: rows written per table
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    input_errors: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def add_marker(self, marker: dict[str, Any]) -> None:
        self.documents += marker["documents"]
        self.documents_ok += marker["ok"]
        failed = Counter(self.failed)
        failed.update(marker["failed"])
        self.failed = dict(sorted(failed.items()))
        self.documents_failed = sum(self.failed.values())
        for name, count in marker["rows"].items():
            self.rows[name] = self.rows.get(name, 0) + count


def read_manifest(manifest: str) -> list[str]:
    """The manifest's entries in order, duplicates dropped, relative paths made absolute."""
    fs, path = resolve(manifest)
    with fs.open_input_stream(path) as stream:
        text = stream.read().decode("utf-8-sig")
    base = manifest.rsplit("/", 1)[0] if is_remote(manifest) else os.path.dirname(path)
    entries: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "://" not in line and not os.path.isabs(line):
            line = f"{base}/{line}" if is_remote(manifest) else os.path.join(base, line)
        if "://" not in line:
            line = os.path.normpath(line)
        if line not in entries:
            entries.append(line)
    return entries


def run(
    manifest: str,
    output: str,
    *,
    options: Options | None = None,
    spark: SparkSession | None = None,
    master: str | None = None,
) -> Counters:
    """Analyze every input of ``manifest`` not yet in ``output``; write and return counters.

    ``spark``: the session to run on; when None, the active one, else one made here (with
    ``master`` when given) and stopped at the end. When every input is already committed,
    no Spark job starts at all.
    """
    options = options or Options()
    entries = read_manifest(manifest)
    out = Output(output)
    found = out.markers([input_key(entry) for entry in entries])
    markers = dict(zip(entries, found, strict=True))
    pending = [entry for entry, marker in markers.items() if marker is None]
    counters = Counters(inputs=len(entries), inputs_skipped=len(entries) - len(pending))
    results: list[dict[str, Any]] = []
    if pending:
        with _session(spark, master) as session:
            task = functools.partial(_partition, output=output, options=options)
            rdd = session.sparkContext.parallelize(pending, len(pending))
            results = rdd.mapPartitions(task).collect()
    for result in results:
        status = result.pop("status")
        if status == "failed":
            counters.inputs_failed += 1
            counters.input_errors[result["input"]] = result["error"]
            continue
        # "skipped": another attempt committed it after the driver looked
        if status == "processed":
            counters.inputs_processed += 1
            counters.documents_processed += result["documents"]
        else:
            counters.inputs_skipped += 1
        markers[result["input"]] = result
    for entry, marker in markers.items():
        if marker is None:
            continue
        counters.add_marker(marker)
        if marker.get("options") != _options_note(options):
            log.warning(
                "%s was analyzed with other options (%s); write to a new output directory "
                "to analyze it again with these",
                entry,
                marker.get("options"),
            )
    out.write_json(out.path(COUNTERS), counters.to_dict())
    return counters


@contextmanager
def _session(spark: SparkSession | None, master: str | None) -> Iterator[SparkSession]:
    if spark is not None:
        yield spark
        return
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        yield active
        return
    builder = SparkSession.builder.appName("dateline")
    if master:
        builder = builder.master(master)
    local = (master or "local").startswith("local")
    if local and not os.environ.get("PYSPARK_PYTHON"):
        # local workers run this interpreter (the one dateline is installed in), not
        # whatever "python3" comes first on PATH; clusters set PYSPARK_PYTHON (docs/spark.md)
        os.environ["PYSPARK_PYTHON"] = sys.executable
    session = builder.getOrCreate()
    try:
        yield session
    finally:
        session.stop()


def _partition(
    entries: Iterable[str], *, output: str, options: Options
) -> Iterator[dict[str, Any]]:
    """A Spark task: each entry of the partition (one, as the driver slices them)."""
    out = Output(output)
    for entry in entries:
        yield process_input(entry, out, options)


def process_input(entry: str, out: Output, options: Options) -> dict[str, Any]:
    """Analyze one manifest entry into ``out``; the marker's counters plus a ``status``."""
    from dateline.pipeline import analyze_all
    from dateline.sources import iter_documents

    key = input_key(entry)
    done = out.marker(key)
    if done is not None:
        return {**done, "status": "skipped"}
    started = time.monotonic()
    writer = None
    failed: Counter[str] = Counter()
    try:
        with _local_copy(entry) as local:
            items = _renamed(iter_documents([local], options), local, entry)
            writer = out.writer(entry)
            for analysis in analyze_all(items, options):
                record = analysis.to_dict()
                if analysis.error is not None:
                    failed[analysis.error.code] += 1
                    if _unreachable(record, local, entry):
                        raise OSError(f"{analysis.error.code} {analysis.error.message}")
                writer.add(record)
        marker = {
            "input": entry,
            "key": key,
            "documents": writer.position,
            "ok": writer.position - sum(failed.values()),
            "failed": dict(sorted(failed.items())),
            "rows": writer.counts,
            "options": _options_note(options),
            "worker": _worker(options),
            "seconds": round(time.monotonic() - started, 3),
        }
        writer.commit(marker)
    except Exception as exc:  # an input that cannot be read (or a bug) fails alone
        if writer is not None:
            writer.abort()
        return {"input": entry, "status": "failed", "error": f"{type(exc).__name__}: {exc}"}
    return {**marker, "status": "processed"}


def _options_note(options: Options) -> dict[str, Any]:
    """The options that change the records, as the marker keeps them."""
    return {"nlp": options.nlp, "model": options.model, "kind": options.kind}


def _unreachable(record: dict[str, Any], local: str, entry: str) -> bool:
    error = record.get("error") or {}
    return error.get("code") in _UNREACHABLE and record["input_id"] in (local, entry)


def _worker(options: Options) -> dict[str, Any]:
    """Which process did the work, and how many spaCy models it has loaded so far."""
    from dateline.nlp import _load

    return {
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "models_loaded": _load.cache_info().currsize if options.nlp else 0,
    }


@contextmanager
def _local_copy(entry: str) -> Iterator[str]:
    """A path the sources can read: the entry itself, or a local copy of a remote file."""
    if not is_remote(entry):
        yield entry.removeprefix("file://")
        return
    fs, path = resolve(entry)
    folder = tempfile.mkdtemp(prefix="dateline-spark-")
    local = os.path.join(folder, os.path.basename(path) or "input")
    try:
        with fs.open_input_stream(path, compression=None) as source, open(local, "wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
        yield local
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _renamed(items: Iterable[SourceItem], local: str, entry: str) -> Iterator[SourceItem]:
    """The items with the local copy's path replaced by the entry's URI in their ids."""
    if local == entry:
        yield from items
        return
    for item in items:
        if not item.input_id.startswith(local):
            yield item
        elif isinstance(item, Document):
            yield dataclasses.replace(item, input_id=entry + item.input_id[len(local) :])
        else:
            yield SourceFailure(
                entry + item.input_id[len(local) :], item.code, item.message.replace(local, entry)
            )
