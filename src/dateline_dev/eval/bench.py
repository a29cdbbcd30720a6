"""``dateline bench extraction``: our extract_html against bare ``trafilatura.extract``
with our own setting, ``include_comments=False``.

Both run on the same pages in the same process: a warm-up pass over a few pages, then passes
that alternate which system goes first, so caches, CPU frequency and the page cache treat
both alike. Throughput is pages (and output words) per second of wall time in the timed
passes; the ratio is ours over trafilatura's (the acceptance floor is 0.8).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline_dev.eval.datasets import SETS

BENCH_SETS = ("scrapinghub", "naeb", "wcxb")
WARM_UP = 30


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def _dateline(html: str) -> str:
    from dateline.extract.html import extract_html

    try:
        return extract_html(html).body
    except DatelineError:
        return ""


def _load(root: Path, limit: int | None) -> list[str]:
    pages: list[str] = []
    for name in BENCH_SETS:
        try:
            for index, page in enumerate(SETS[name](root)):
                if limit is not None and index >= limit:
                    break
                pages.append(page.html)
        except FileNotFoundError:
            continue
    return pages


def _timed(system: Callable[[str], str], pages: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    words = sum(len(system(html).split()) for html in pages)
    return time.perf_counter() - start, words


def bench_extraction(root: Path, limit: int | None = None, passes: int = 2) -> dict[str, Any]:
    """Time both extractors over the dev pages under ``root`` (``limit`` pages per set)."""
    pages = _load(root, limit)
    if not pages:
        return {"skipped": f"no development pages under {root}"}
    systems: dict[str, Callable[[str], str]] = {
        "trafilatura": _trafilatura,
        "dateline": _dateline,
    }
    for system in systems.values():  # warm-up: imports, compiled patterns, data files,
        _timed(system, pages[:WARM_UP])  # dateparser's one-off locale loading (seconds)
    seconds = dict.fromkeys(systems, 0.0)
    words = dict.fromkeys(systems, 0)
    order = list(systems)
    for index in range(max(1, passes)):
        for name in order if index % 2 == 0 else reversed(order):
            took, count = _timed(systems[name], pages)
            seconds[name] += took
            words[name] += count
    total = len(pages) * max(1, passes)
    result: dict[str, Any] = {"pages": len(pages), "passes": max(1, passes), "systems": {}}
    for name in systems:
        result["systems"][name] = {
            "seconds": round(seconds[name], 3),
            "pages_per_s": round(total / seconds[name], 2),
            "words_per_s": round(words[name] / seconds[name], 1),
        }
    result["ratio"] = round(seconds["trafilatura"] / seconds["dateline"], 3)
    return result


def report_bench(result: dict[str, Any]) -> str:
    """A Markdown table of a ``bench_extraction`` result."""
    if "skipped" in result:
        return f"Extraction benchmark skipped: {result['skipped']}."
    lines = [
        f"Extraction speed: {result['pages']} pages x {result['passes']} alternating passes, "
        "one process.",
        "",
        "| system | seconds | pages/s | words/s |",
        "|---|---:|---:|---:|",
    ]
    for name, s in result["systems"].items():
        lines.append(f"| {name} | {s['seconds']} | {s['pages_per_s']} | {s['words_per_s']} |")
    lines += ["", f"Throughput ratio (dateline / bare trafilatura.extract): {result['ratio']}"]
    return "\n".join(lines)
