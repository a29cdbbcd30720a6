"""``dateline bench pipeline``: end-to-end throughput, worker scaling and memory.

Issue 5's figures, all measured in one run on the same pages (the development HTML pages in
../shared, or any directory of pages given):

- the floor: bare ``trafilatura.extract`` on every page, then the spaCy model's ``nlp.pipe``
  over the extracted texts, nothing else (no metadata, no stages, no store);
- ours: ``dateline ingest`` (HTML to analysis stored in SQLite) with one worker, then two;
- peak resident memory of every process of each run (polled from /proc: Linux only), and a
  200-page against a 2,000-page run of one worker over the same mix of pages (the 200 spread
  over the whole set, repeated as distinct copies) for flat memory. ``--memory-only`` runs
  just that part, at 200, 1,000 and ``--memory-pages`` pages, the runs side by side.

Each ingest runs as its own ``python -m dateline ingest`` process on a fresh database, so
model loading and start-up are inside the figure, as a user would see them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline_dev.eval.datasets import Page, naeb, scrapinghub, wcxb


def dev_pages(root: Path, limit: int | None = None) -> list[Page]:
    pages: list[Page] = []
    for reader in (scrapinghub, naeb, wcxb):
        try:
            pages.extend(reader(root))
        except (OSError, ValueError):
            continue
    return pages[:limit] if limit else pages


def write_corpus(pages: list[Page], folder: Path, count: int) -> Path:
    """``count`` page files, cycling through ``pages``; copies after the first round carry a
    comment that makes their content (and so their id) distinct."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        page = pages[n % len(pages)]
        html = page.html if n < len(pages) else page.html + f"\n<!-- copy {n} -->\n"
        (folder / f"page-{n:05d}.html").write_text(html, encoding="utf-8")
    return folder


def _tree(pid: int) -> Iterator[int]:
    yield pid
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return
    for child in children:
        yield from _tree(int(child))


def _hwm_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_ingest(folder: Path, workers: int) -> dict[str, Any]:
    """Time ``dateline ingest`` of ``folder`` into a fresh database; peak memory per process."""
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        db = Path(tmp) / "bench.db"
        cmd = [sys.executable, "-m", "dateline", "ingest", str(folder), "--db", str(db), "-q"]
        cmd += ["--workers", str(workers)]
        peaks: dict[int, int] = {}
        t0 = time.perf_counter()
        process = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        done = threading.Event()

        def poll() -> None:
            while not done.is_set():
                for pid in list(_tree(process.pid)):
                    peaks[pid] = max(peaks.get(pid, 0), _hwm_kib(pid))
                done.wait(0.1)

        watcher = threading.Thread(target=poll, daemon=True)
        watcher.start()
        out, _ = process.communicate()
        seconds = time.perf_counter() - t0
        done.set()
        watcher.join()
    mib = sorted((kib / 1024 for kib in peaks.values() if kib), reverse=True)
    return {
        "workers": workers,
        "seconds": seconds,
        "exit": process.returncode,
        "summary": out.strip().splitlines()[-1] if out.strip() else "",
        "peak_mib_per_process": [round(m, 1) for m in mib],
    }


def floor(pages: list[Page]) -> dict[str, Any]:
    """Bare trafilatura then the bare spaCy model over the same pages, in this process."""
    import trafilatura

    from dateline import nlp

    model = nlp.load(gazetteer=False)
    t0 = time.perf_counter()
    texts = [trafilatura.extract(p.html, include_comments=False) or "" for p in pages]
    t_extract = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _doc in model.pipe(texts, batch_size=32):
        pass
    t_parse = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    return {"extract": t_extract, "parse": t_parse, "seconds": t_extract + t_parse, "words": words}


def memory_runs(
    pages: list[Page], folder: Path, memory_pages: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """One worker over 200 pages, then over ``memory_pages`` pages of the same mix (the same
    200, spread evenly over the whole set, repeated as distinct copies): the peak a process
    reaches depends on the largest texts it meets, so only the same mix tells whether memory
    grows with the number of documents."""
    runs = memory_sizes(pages, folder, (200, memory_pages))
    return runs[200], runs[memory_pages]


def memory_sizes(pages: list[Page], folder: Path, sizes: tuple[int, ...]) -> dict[int, Any]:
    """One worker over each number of pages of the same 200-page mix, every run its own
    ``dateline ingest`` process; the runs go side by side (each process's peak is its own;
    the time figures of these runs are not speed figures)."""
    step = max(1, len(pages) // 200)
    sample = pages[::step][:200]
    sizes = tuple(dict.fromkeys(sizes))
    corpora = {size: write_corpus(sample, folder / f"mix-{size}", size) for size in sizes}
    runs: dict[int, Any] = {}
    threads = [
        threading.Thread(target=lambda s=size: runs.__setitem__(s, run_ingest(corpora[s], 1)))
        for size in sizes
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return runs


def bench_memory(root: Path, sizes: tuple[int, ...] = (200, 1000, 2000)) -> dict[str, Any]:
    """Only the flat-memory part of ``bench_pipeline``: one worker's peak at each size."""
    pages = dev_pages(root)
    if not pages:
        raise FileNotFoundError(f"no development pages under {root}")
    with tempfile.TemporaryDirectory(prefix="dateline-corpus-") as tmp:
        runs = memory_sizes(pages, Path(tmp), sizes)
    return {"memory_runs": {str(size): run for size, run in sorted(runs.items())}}


def report_memory(result: dict[str, Any]) -> str:
    runs = result["memory_runs"]
    first = min(runs, key=int)
    base = max(runs[first]["peak_mib_per_process"] or [0.0])
    lines = [
        "| one worker, pages of the same mix | seconds | peak MiB | against the smallest |",
        "|---:|---:|---:|---:|",
    ]
    for size, run in runs.items():
        peak = max(run["peak_mib_per_process"] or [0.0])
        growth = f"{peak / base - 1:+.1%}" if base else "–"
        lines.append(f"| {int(size):,} | {run['seconds']:.0f} | {peak:.1f} | {growth} |")
    lines.append(
        "Ingest summaries: " + "; ".join(f"{k}: '{r['summary']}'" for k, r in runs.items())
    )
    return "\n".join(lines)


def bench_pipeline(
    root: Path, limit: int | None = None, memory_pages: int = 2000
) -> dict[str, Any]:
    pages = dev_pages(root, limit)
    if not pages:
        raise FileNotFoundError(f"no development pages under {root}")
    words = 0
    with tempfile.TemporaryDirectory(prefix="dateline-corpus-") as tmp:
        corpus = write_corpus(pages, Path(tmp) / "pages", len(pages))
        base = floor(pages)
        one = run_ingest(corpus, 1)
        two = run_ingest(corpus, 2)
        # the flat-memory pair only when there is a larger run to compare with 200 pages
        pair = memory_runs(pages, Path(tmp), memory_pages) if memory_pages > 200 else None
        for page in pages:
            words += len(page.html.split())
    n = len(pages)
    growth = None
    if pair is not None:
        small_peak = max(pair[0]["peak_mib_per_process"] or [0.0])
        large_peak = max(pair[1]["peak_mib_per_process"] or [0.0])
        growth = (large_peak / small_peak - 1) if small_peak else 0.0
    return {
        "pages": n,
        "cpus": os.cpu_count(),
        "floor": base,
        "one_worker": one,
        "two_workers": two,
        "memory_runs": {"200": pair[0], str(memory_pages): pair[1]} if pair else {},
        "ratios": {
            "ours_over_floor": base["seconds"] / one["seconds"],
            "two_over_one_worker": one["seconds"] / two["seconds"],
            "memory_growth": growth,
        },
        "rates": {
            "floor_pages_per_s": n / base["seconds"],
            "one_worker_pages_per_s": n / one["seconds"],
            "two_workers_pages_per_s": n / two["seconds"],
        },
        "html_words": words,
    }


def report_pipeline(result: dict[str, Any]) -> str:
    r, rates = result["ratios"], result["rates"]
    one, two = result["one_worker"], result["two_workers"]
    mem = result["memory_runs"]
    big = next((k for k in mem if k != "200"), None)
    words = result["floor"].get("words", 0)  # words of the article texts (trafilatura's)

    def peak(run: dict[str, Any]) -> str:
        return ", ".join(f"{m:.0f}" for m in run["peak_mib_per_process"][:3]) or "–"

    lines = [
        f"## End to end: {result['pages']} development pages, {result['cpus']} CPUs",
        "",
        "| run | seconds | pages/s | words/s | peak MiB per process (largest first) |",
        "|---|---:|---:|---:|---|",
        f"| floor: trafilatura.extract + bare nlp.pipe | {result['floor']['seconds']:.1f} | "
        f"{rates['floor_pages_per_s']:.2f} | {words / result['floor']['seconds']:,.0f} | "
        "(in the bench process) |",
        f"| dateline ingest, 1 worker | {one['seconds']:.1f} | "
        f"{rates['one_worker_pages_per_s']:.2f} | {words / one['seconds']:,.0f} | {peak(one)} |",
        f"| dateline ingest, 2 workers | {two['seconds']:.1f} | "
        f"{rates['two_workers_pages_per_s']:.2f} | {words / two['seconds']:,.0f} | {peak(two)} |",
    ]
    if big is not None:
        lines += [
            f"| 1 worker, 200 pages | {mem['200']['seconds']:.1f} | | | {peak(mem['200'])} |",
            f"| 1 worker, {big} pages | {mem[big]['seconds']:.1f} | | | {peak(mem[big])} |",
        ]
    memory = (
        f"peak memory {big} vs 200 pages: {r['memory_growth']:+.1%} (goal within 10%)."
        if big is not None
        else "no memory runs (--memory-pages 200 or fewer)."
    )
    lines += [
        "",
        f"ours / floor throughput: {r['ours_over_floor']:.2f}x (goal >= 0.8x); "
        f"2 workers / 1 worker: {r['two_over_one_worker']:.2f}x (goal >= 1.7x); {memory}",
        f"Ingest summaries: 1 worker '{one['summary']}'; 2 workers '{two['summary']}'.",
    ]
    return "\n".join(lines)
