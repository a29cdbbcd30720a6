"""Plain-text page dumps: score the text path on development pages rendered to text.

Each development HTML page is rendered to plain text the way scrapers do it — with
inscriptis and with html-text — and the dump goes through ``extract_text``. The body is
scored with the benchmark measure (``metrics.body_f1``) against the page's gold body, next to
the baseline that keeps every line. Pages of sets the shipped line model was trained on are
reported separately from held-out sets; only held-out figures measure generalisation.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline_dev.eval.datasets import SETS
from dateline_dev.eval.metrics import body_f1

RENDERERS = ("inscriptis", "html_text")


def render(html: str, renderer: str) -> str:
    """Render a page to text as a scraper would (needs the ``eval`` extra)."""
    if renderer == "inscriptis":
        import inscriptis

        return str(inscriptis.get_text(html))
    if renderer == "html_text":
        import html_text

        return str(html_text.extract_text(html))
    raise ValueError(f"unknown renderer {renderer!r}; use one of {RENDERERS}")


def keep_every_line(text: str) -> str:
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def evaluate(root: Path, limit: int | None = None) -> dict[str, Any]:
    """Body F1 of ``extract_text`` on rendered development pages, per set and renderer."""
    from dateline.extract.lines.model import shipped_model
    from dateline.extract.text import extract_text

    meta = shipped_model().meta
    trained_on = set(meta.get("trained_on", []))
    report: dict[str, Any] = {
        "model": {k: meta.get(k) for k in ("trained_on", "held_out", "pages", "leave_one_set_out")},
        "sets": {},
    }
    held: dict[str, list[tuple[str, str]]] = {r: [] for r in RENDERERS}
    held_base: dict[str, list[tuple[str, str]]] = {r: [] for r in RENDERERS}
    elapsed = 0.0
    dumps = 0
    for name, reader in SETS.items():
        try:
            pages = list(_take(reader(root), limit))
        except FileNotFoundError as exc:
            report["sets"][name] = {"skipped": str(exc)}
            continue
        entry: dict[str, Any] = {"held_out": name not in trained_on, "pages": len(pages)}
        for renderer in RENDERERS:
            pairs: list[tuple[str, str]] = []
            base: list[tuple[str, str]] = []
            failures = 0
            for page in pages:
                text = render(page.html, renderer)
                start = time.perf_counter()
                body = _safe(extract_text, text, page.url)
                elapsed += time.perf_counter() - start
                dumps += 1
                failures += body is None
                pairs.append((page.body or "", body or ""))
                base.append((page.body or "", keep_every_line(text)))
            entry[renderer] = {
                "body": body_f1(pairs).as_dict(),
                "keep_every_line": body_f1(base).as_dict(),
                "failed": failures,
            }
            if name not in trained_on:
                held[renderer] += pairs
                held_base[renderer] += base
        report["sets"][name] = entry
    report["held_out"] = {
        r: {"body": body_f1(held[r]).as_dict(), "keep_every_line": body_f1(held_base[r]).as_dict()}
        for r in RENDERERS
        if held[r]
    }
    report["ms_per_dump"] = round(1000 * elapsed / max(dumps, 1), 2)
    return report


def _take(items: Any, limit: int | None) -> Any:
    for i, item in enumerate(items):
        if limit is not None and i >= limit:
            return
        yield item


def _safe(fn: Callable[..., Any], text: str, url: str | None) -> str | None:
    try:
        return str(fn(text, url=url).body)
    except DatelineError:
        return None


def report(result: dict[str, Any]) -> str:
    """Markdown table of an ``evaluate`` result, for BENCHMARKS.md."""
    lines = [
        "| text dumps: set | renderer | held out | pages | body P | body R | body F1 "
        "| keep every line F1 |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, entry in result.get("sets", {}).items():
        if "skipped" in entry:
            lines.append(f"| {name} | skipped: {entry['skipped']} | | | | | | |")
            continue
        for renderer in RENDERERS:
            b = entry[renderer]["body"]
            base = entry[renderer]["keep_every_line"]
            lines.append(
                f"| {name} | {renderer} | {'yes' if entry['held_out'] else 'no (trained on)'} "
                f"| {entry['pages']} | {b['precision']:.3f} | {b['recall']:.3f} | {b['f1']:.3f} "
                f"| {base['f1']:.3f} |"
            )
    for renderer, figures in result.get("held_out", {}).items():
        lines.append(
            f"| **held out** | {renderer} | yes | {figures['body']['pages']} "
            f"| {figures['body']['precision']:.3f} | {figures['body']['recall']:.3f} "
            f"| **{figures['body']['f1']:.3f}** | {figures['keep_every_line']['f1']:.3f} |"
        )
    model = result.get("model", {})
    lines += [
        "",
        f"Line model trained on {model.get('trained_on')}, held out {model.get('held_out')}; "
        f"{result.get('ms_per_dump')} ms per dump.",
    ]
    return "\n".join(lines)
