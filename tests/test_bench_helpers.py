"""The measuring harness of ``dateline bench pipeline`` (the figures themselves are not tested)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline.model import content_id
from dateline_dev.eval.bench_pipeline import (
    _hwm_kib,
    _tree,
    report_memory,
    report_pipeline,
    write_corpus,
)
from dateline_dev.eval.datasets import Page


def test_corpus_copies_are_distinct_documents(tmp_path: Path) -> None:
    pages = [Page(key="a", html="<p>one</p>"), Page(key="b", html="<p>two</p>")]
    folder = write_corpus(pages, tmp_path / "c", 5)
    files = sorted(folder.iterdir())
    assert len(files) == 5
    assert len({content_id(f.read_text(encoding="utf-8")) for f in files}) == 5


def test_process_tree_and_peak_memory_are_read_from_proc() -> None:
    if not Path("/proc/self/status").exists():
        pytest.skip("peak memory is read from /proc (Linux only, as documented)")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert child.pid in list(_tree(os.getpid()))
        assert _hwm_kib(child.pid) > 0
    finally:
        child.kill()
        child.wait()
    assert _hwm_kib(child.pid) == 0  # gone


def test_the_memory_report_compares_each_size_with_the_smallest() -> None:
    def run(peaks: list[float]) -> dict[str, object]:
        return {"seconds": 10.0, "peak_mib_per_process": peaks, "summary": "ok"}

    runs = {"200": run([500.0]), "1000": run([520.0, 40.0]), "2000": run([550.0])}
    table = report_memory({"memory_runs": runs}).splitlines()
    assert table[2].split("|")[1:5] == [" 200 ", " 10 ", " 500.0 ", " +0.0% "]
    assert table[3].split("|")[3:5] == [" 520.0 ", " +4.0% "]
    assert table[4].split("|")[1:5] == [" 2,000 ", " 10 ", " 550.0 ", " +10.0% "]


def test_the_pipeline_report_with_and_without_the_memory_pair() -> None:
    def run(seconds: float, peaks: list[float]) -> dict[str, object]:
        return {"seconds": seconds, "peak_mib_per_process": peaks, "summary": "ok"}

    result: dict[str, Any] = {
        "pages": 300,
        "cpus": 2,
        "floor": {"seconds": 90.0, "words": 9000},
        "one_worker": run(100.0, [700.0]),
        "two_workers": run(55.0, [650.0, 640.0, 200.0]),
        "memory_runs": {},
        "ratios": {"ours_over_floor": 0.9, "two_over_one_worker": 100 / 55, "memory_growth": None},
        "rates": {
            "floor_pages_per_s": 300 / 90,
            "one_worker_pages_per_s": 3.0,
            "two_workers_pages_per_s": 300 / 55,
        },
    }
    speed_only = report_pipeline(result)
    assert "ours / floor throughput: 0.90x" in speed_only
    assert "no memory runs" in speed_only and "200 pages" not in speed_only

    result["memory_runs"] = {"200": run(20.0, [600.0]), "2000": run(200.0, [630.0])}
    result["ratios"]["memory_growth"] = 0.05
    with_memory = report_pipeline(result)
    assert "| 1 worker, 2000 pages | 200.0 | | | 630 |" in with_memory
    assert "peak memory 2000 vs 200 pages: +5.0%" in with_memory
