"""``dateline eval extraction``: our HTML extractor next to bare trafilatura on the dev sets.

What is scored, exactly:

* body — the benchmark measure (``metrics.body_f1``). The gold bodies of all three HTML sets
  include the article's sub-headings, while ``Article.body`` (the analysis record) leaves them
  out by contract. So the *scored* text is the article's lead, paragraph and heading blocks in
  document order; captions, credits, teasers, bios and boilerplate are never scored as body.
  Bare trafilatura is scored on ``trafilatura.extract(html, include_comments=False)``: our
  own setting (we never keep reader comments), its defaults otherwise, text output.
* title — exact match after ``metrics.normalise``; trafilatura's is ``extract_metadata``'s.
* authors — the normalised set equals the gold set (a page whose gold lists nobody must have
  nobody). Gold strings are split on "," and " and " the same way for both systems.
* date — the first ten characters (YYYY-MM-DD) equal the gold date.

Pages that raise count as failures and score an empty prediction.

Every set is scored whole and in its *tune* and *check* halves (``dateline_dev.eval.split``); the
check figure is the one reported against a goal. Page by page, the pages where we keep less of
the gold body than trafilatura does (our recall over its recall) are listed, worst first.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline_dev.eval.datasets import SETS, Page, _split_authors
from dateline_dev.eval.metrics import body_f1, normalise
from dateline_dev.eval.split import HALVES, half_of

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

    body = trafilatura.extract(page.html, include_comments=False) or ""
    try:
        meta = trafilatura.extract_metadata(page.html, default_url=page.url)
    except Exception as exc:  # trafilatura's metadata code raises on odd pages
        return Prediction(body, failed=type(exc).__name__)
    return Prediction(body, meta.title, _split_authors(meta.author), meta.date)


def _exact(pairs: list[tuple[bool, bool]]) -> float | None:
    scored = [hit for has_gold, hit in pairs if has_gold]
    return round(sum(scored) / len(scored), 4) if scored else None


_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def date_forms(iso: str) -> list[str]:
    """Ways a page writes the day ``iso`` (YYYY-MM-DD...), lower case: ISO, compact and slashed
    numbers, day-month and month-day with the month's name or its short forms, with or
    without an ordinal ("Jan 23rd"), and the /2024/mar/04/ of addresses."""
    try:
        year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    except ValueError:
        return []
    if not 1 <= month <= 12:
        return []
    name = _MONTHS[month - 1]
    forms = [
        f"{year}-{month:02d}-{day:02d}",
        f"{year}/{month:02d}/{day:02d}",
        f"{year}/{month}/{day}/",
        f"{year}{month:02d}{day:02d}",
        f"{month:02d}/{day:02d}/{year}",
        f"{month}/{day}/{year}",
        f"{day:02d}/{month:02d}/{year}",
        f"{day:02d}.{month:02d}.{year}",
        f"{day}.{month}.{year}",
    ]
    ordinal = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day, "th")
    for month_name in {name, name[:3], name[:4]}:
        forms.append(f"{year}/{month_name}/{day:02d}")
        for number in {str(day), f"{day:02d}", f"{day}{ordinal}"}:
            forms += [
                f"{month_name} {number}, {year}",
                f"{month_name}. {number}, {year}",
                f"{month_name} {number} {year}",
                f"{number} {month_name} {year}",
                f"{number} {month_name}, {year}",
                f"{number} of {month_name} {year}",
            ]
    return forms


#: a unix time in seconds or milliseconds (2001-09-09 to 2033-05-18)
_EPOCH = re.compile(r"(?<![\d.])(1\d{9})(\d{3})?(?![\d])")


def date_on_page(html: str, iso: str | None) -> bool:
    """Whether the page shows or declares the day ``iso`` anywhere (text, markup, URLs, unix
    times read in UTC as ISO stamps are read): when it does not, no extractor reading the
    page can find it."""
    if not iso:
        return False
    import html as html_lib

    text = " ".join(html_lib.unescape(html).lower().split())
    if any(form in text for form in date_forms(iso)):
        return True
    day = iso[:10]
    return any(
        datetime.fromtimestamp(int(m[1]), UTC).date().isoformat() == day
        for m in _EPOCH.finditer(text)
    )


def score(pages: list[Page], predictions: list[Prediction]) -> dict[str, Any]:
    body = body_f1([(p.body or "", pr.body) for p, pr in zip(pages, predictions, strict=True)])
    titles, authors, dates, shown = [], [], [], []
    for page, pred in zip(pages, predictions, strict=True):
        titles.append((bool(page.title), normalise(page.title) == normalise(pred.title)))
        gold_authors = sorted({normalise(a) for a in page.authors or []})
        authors.append(
            (page.authors is not None, gold_authors == sorted({normalise(a) for a in pred.authors}))
        )
        hit = (pred.date or "")[:10] == (page.date or "")[:10]
        dates.append((bool(page.date), hit))
        shown.append((bool(page.date) and bool(page.extra.get("date_on_page")), hit))
    return {
        "body": body.as_dict(),
        "title_exact": _exact(titles),
        "authors_exact": _exact(authors),
        "date_exact": _exact(dates),
        "date_exact_on_page": _exact(shown),
        "date_pages": sum(1 for has, _ in dates if has),
        "date_pages_on_page": sum(1 for has, _ in shown if has),
        "pages": len(pages),
        "failures": sum(1 for p in predictions if p.failed),
    }


def page_recall(
    pages: list[Page], mine: list[Prediction], base: list[Prediction], set_name: str
) -> list[dict[str, Any]]:
    """Every page where we keep less of the gold body than trafilatura, worst ratio first:
    key, half, both recalls, both F1s and our recall over its recall."""
    rows = []
    for page, ours_pred, base_pred in zip(pages, mine, base, strict=True):
        gold = page.body or ""
        ours_prf = body_f1([(gold, ours_pred.body)])
        base_prf = body_f1([(gold, base_pred.body)])
        if ours_prf.recall >= base_prf.recall or base_prf.recall == 0:
            continue
        rows.append(
            {
                "key": page.key,
                "half": half_of(set_name, page.key),
                "recall": round(ours_prf.recall, 3),
                "trafilatura_recall": round(base_prf.recall, 3),
                "ratio": round(ours_prf.recall / base_prf.recall, 3),
                "f1": round(ours_prf.f1, 3),
                "trafilatura_f1": round(base_prf.f1, 3),
            }
        )
    return sorted(rows, key=lambda r: (r["ratio"], r["key"]))


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
        if name == "naeb":
            for page in pages:
                page.extra["date_on_page"] = date_on_page(page.html, page.date)
        mine, t_ours = _run(pages, ours, "dateline", progress)
        base, t_base = _run(pages, bare_trafilatura, "trafilatura", progress)
        halves: dict[str, Any] = {}
        for half in HALVES:
            chosen = [i for i, p in enumerate(pages) if half_of(name, p.key) == half]
            subset = [pages[i] for i in chosen]
            halves[half] = {
                "dateline": score(subset, [mine[i] for i in chosen]),
                "trafilatura": score(subset, [base[i] for i in chosen]),
            }
        result["sets"][name] = {
            "dateline": score(pages, mine),
            "trafilatura": score(pages, base),
            "halves": halves,
            "below_trafilatura": page_recall(pages, mine, base, name),
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


def _row(name: str, half: str, system: str, s: dict[str, Any]) -> str:
    b = s["body"]
    cells = [
        name,
        half,
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
    return "| " + " | ".join(cells) + " |"


def _page_lines(result: dict[str, Any], pages: int) -> list[str]:
    """Per set: how many pages we keep less of than trafilatura, those under half of its
    recall always, and the ``pages`` worst of the rest."""
    out: list[str] = []
    for name, figures in result.get("sets", {}).items():
        rows = figures.get("below_trafilatura")
        if rows is None:
            continue
        under_half = [r for r in rows if r["ratio"] < 0.5]
        out += [
            "",
            f"{name}: {len(rows)} pages with less recall than trafilatura, "
            f"{len(under_half)} under half of it.",
        ]
        shown = rows[: max(pages, len(under_half))]
        if shown:
            out += [
                "",
                "| page | half | recall | trafilatura recall | ratio | F1 | trafilatura F1 |",
                "|---|---|---:|---:|---:|---:|---:|",
            ]
            out += [
                f"| {r['key']} | {r['half']} | {r['recall']:.3f} | "
                f"{r['trafilatura_recall']:.3f} | {r['ratio']:.3f} | {r['f1']:.3f} | "
                f"{r['trafilatura_f1']:.3f} |"
                for r in shown
            ]
    return out


def report(result: dict[str, Any], pages: int = 0) -> str:
    """Markdown tables of an ``evaluate`` result, for BENCHMARKS.md: each set whole and in its
    tune and check halves; with ``pages``, the worst pages against trafilatura too."""
    lines = [
        "| set | half | system | pages | body P | body R | body F1 | title | authors | date "
        "| failed |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    dates: list[str] = []
    for name, figures in result.get("sets", {}).items():
        if "skipped" in figures:
            lines.append(f"| {name} | skipped: {figures['skipped']} | | | | | | | | | |")
            continue
        parts = [("all", figures), *figures.get("halves", {}).items()]
        for half, part in parts:
            for system in ("dateline", "trafilatura"):
                lines.append(_row(name, half, system, part[system]))
                s = part[system]
                if s.get("date_pages_on_page"):
                    dates.append(
                        f"| {name} | {half} | {system} | {_fmt(s['date_exact'])} "
                        f"({s['date_pages']}) | {_fmt(s['date_exact_on_page'])} "
                        f"({s['date_pages_on_page']}) |"
                    )
    if dates:
        lines += [
            "",
            "| set | half | system | date, all pages (n) | date, gold day shown on the page (n) |",
            "|---|---|---|---:|---:|",
            *dates,
        ]
    lines += _page_lines(result, pages)
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
