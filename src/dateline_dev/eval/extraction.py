"""``dateline eval extraction``: our HTML extractor next to bare trafilatura on the dev sets.

What is scored, exactly:

* body — the benchmark measure (``metrics.body_f1``). The gold bodies of all three HTML sets
  include the article's sub-headings, while ``Article.body`` (the analysis record) leaves them
  out by contract. So the *scored* text is the article's lead, paragraph and heading blocks in
  document order; captions, credits, teasers, bios and boilerplate are never scored as body.
  Bare trafilatura is scored on ``trafilatura.extract(html)`` (its defaults, text output).
* title — exact match after ``metrics.normalise``; trafilatura's is ``extract_metadata``'s.
* authors — the normalised set equals the gold set (a page whose gold lists nobody must have
  nobody). Gold strings are split on "," and " and " the same way for both systems.
* date — the first ten characters (YYYY-MM-DD) equal the gold date.

Pages that raise count as failures and score an empty prediction.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline_dev.eval.datasets import SETS, Page, _split_authors
from dateline_dev.eval.metrics import body_f1, normalise

HTML_SETS = ("scrapinghub", "naeb", "wcxb")
SCORED_ROLES = frozenset({"lead", "paragraph", "heading"})


@dataclass(slots=True)
class Prediction:
    body: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    failed: str | None = None  # error code or exception name


def ours(page: Page) -> Prediction:
    from dateline.extract.html import extract_html

    try:
        article = extract_html(page.html, url=page.url)
    except DatelineError as exc:
        return Prediction(failed=exc.code)
    scored = "\n\n".join(b.text for b in article.blocks if b.role in SCORED_ROLES)
    return Prediction(scored, article.title, article.authors, article.published)


def bare_trafilatura(page: Page) -> Prediction:
    import trafilatura

    body = trafilatura.extract(page.html) or ""
    try:
        meta = trafilatura.extract_metadata(page.html, default_url=page.url)
    except Exception as exc:  # trafilatura's metadata code raises on odd pages
        return Prediction(body, failed=type(exc).__name__)
    return Prediction(body, meta.title, _split_authors(meta.author), meta.date)


def _exact(pairs: list[tuple[bool, bool]]) -> float | None:
    scored = [hit for has_gold, hit in pairs if has_gold]
    return round(sum(scored) / len(scored), 4) if scored else None


def score(pages: list[Page], predictions: list[Prediction]) -> dict[str, Any]:
    body = body_f1([(p.body or "", pr.body) for p, pr in zip(pages, predictions, strict=True)])
    titles, authors, dates = [], [], []
    for page, pred in zip(pages, predictions, strict=True):
        titles.append((bool(page.title), normalise(page.title) == normalise(pred.title)))
        gold_authors = sorted({normalise(a) for a in page.authors or []})
        authors.append(
            (page.authors is not None, gold_authors == sorted({normalise(a) for a in pred.authors}))
        )
        dates.append((bool(page.date), (pred.date or "")[:10] == (page.date or "")[:10]))
    return {
        "body": body.as_dict(),
        "title_exact": _exact(titles),
        "authors_exact": _exact(authors),
        "date_exact": _exact(dates),
        "pages": len(pages),
        "failures": sum(1 for p in predictions if p.failed),
    }


def _pages(root: Path, name: str, limit: int | None) -> Iterator[Page]:
    for index, page in enumerate(SETS[name](root)):
        if limit is not None and index >= limit:
            return
        yield page


def _run(
    pages: list[Page], system: Callable[[Page], Prediction], label: str, progress: bool
) -> tuple[list[Prediction], float]:
    start = time.perf_counter()
    out = []
    for index, page in enumerate(pages, 1):
        out.append(system(page))
        if progress and (index % 25 == 0 or index == len(pages)):
            print(f"\r  {label}: {index}/{len(pages)}", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)
    return out, time.perf_counter() - start


def evaluate(
    root: Path,
    sets: Sequence[str] = ("scrapinghub", "naeb", "wcxb", "text"),
    limit: int | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Score our extractor and bare trafilatura on each named set under ``root``."""
    result: dict[str, Any] = {
        "scored": "body = lead + paragraphs + headings in document order (gold bodies include "
        "sub-headings; Article.body itself excludes them); title/authors normalised exact; "
        "date = YYYY-MM-DD exact",
        "sets": {},
    }
    for name in sets:
        if name == "text":
            continue
        if name not in SETS:
            result["sets"][name] = {"skipped": f"unknown set {name!r}"}
            continue
        try:
            pages = list(_pages(root, name, limit))
        except FileNotFoundError as exc:
            result["sets"][name] = {"skipped": f"missing: {exc.filename or exc}"}
            continue
        if progress:
            print(f"{name}: {len(pages)} pages", file=sys.stderr)
        mine, t_ours = _run(pages, ours, "dateline", progress)
        base, t_base = _run(pages, bare_trafilatura, "trafilatura", progress)
        result["sets"][name] = {
            "dateline": score(pages, mine),
            "trafilatura": score(pages, base),
            "seconds": {"dateline": round(t_ours, 2), "trafilatura": round(t_base, 2)},
            "failed_pages": [p.key for p, pr in zip(pages, mine, strict=True) if pr.failed],
        }
    if "text" in sets:
        try:
            from dateline_dev.eval import textdump
        except ImportError as exc:
            result["text"] = {"skipped": f"dateline_dev.eval.textdump unavailable ({exc})"}
        else:
            result["text"] = textdump.evaluate(root, limit=limit)
    return result


def _fmt(value: Any) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def report(result: dict[str, Any]) -> str:
    """Markdown tables of an ``evaluate`` result, for BENCHMARKS.md."""
    lines = [
        "| set | system | pages | body P | body R | body F1 | title | authors | date | failed |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, figures in result.get("sets", {}).items():
        if "skipped" in figures:
            lines.append(f"| {name} | skipped: {figures['skipped']} | | | | | | | | |")
            continue
        for system in ("dateline", "trafilatura"):
            s = figures[system]
            b = s["body"]
            cells = [
                name,
                system,
                str(s["pages"]),
                _fmt(b["precision"]),
                _fmt(b["recall"]),
                _fmt(b["f1"]),
                _fmt(s["title_exact"]),
                _fmt(s["authors_exact"]),
                _fmt(s["date_exact"]),
                str(s["failures"]),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"Scored: {result.get('scored', '')}."]
    text = result.get("text")
    if isinstance(text, dict):
        if "skipped" in text:
            lines += ["", f"Plain-text dumps: skipped ({text['skipped']})."]
        else:
            try:
                from dateline_dev.eval import textdump

                lines += ["", str(textdump.report(text))]
            except (ImportError, AttributeError):
                lines += ["", f"Plain-text dumps: `{text}`"]
    return "\n".join(lines)
