"""Plain-text page dumps: score the text path on development pages rendered to text.

Each development HTML page is rendered to plain text the way scrapers do it — with
inscriptis and with html-text — and the dump goes through ``extract_text``. The body is
scored with the benchmark measure (``metrics.body_f1``) against the page's gold body, next to
the baseline that keeps every line, and scored as the HTML sets are
(``dateline_dev.eval.extraction``): the gold bodies include sub-headings, so the scored text
is the dump's lead, paragraph and heading blocks in order (``Article.body`` leaves headings
out by contract). Every set is scored whole and in its tune and check halves
(``dateline_dev.eval.split``); the line model is fitted on tune halves only, so check
figures are on pages it never saw. A half the model was fitted on is marked as such.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.errors import DatelineError
from dateline_dev.eval.datasets import SETS
from dateline_dev.eval.extraction import SCORED_ROLES
from dateline_dev.eval.metrics import body_f1
from dateline_dev.eval.split import HALVES, half_of

if TYPE_CHECKING:
    from dateline.model import Article

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
    """Body F1 of ``extract_text`` on rendered development pages, per set, half and renderer,
    and pooled over every set-half the shipped line model was not fitted on."""
    from dateline.extract.lines.model import shipped_model

    meta = shipped_model().meta
    trained_on = set(meta.get("trained_on", []))
    # A model without "halves" in its metadata was fitted on whole sets.
    fitted_halves = set(meta.get("halves", HALVES))
    report: dict[str, Any] = {
        "model": {
            k: meta.get(k)
            for k in ("trained_on", "halves", "held_out", "pages", "leave_one_set_out")
        },
        "scored": "lead + paragraph + heading blocks in order, as the HTML sets",
        "sets": {},
    }
    unseen: dict[str, list[tuple[str, str]]] = {r: [] for r in RENDERERS}
    unseen_base: dict[str, list[tuple[str, str]]] = {r: [] for r in RENDERERS}
    elapsed = 0.0
    dumps = 0
    for name, reader in SETS.items():
        try:
            pages = list(_take(reader(root), limit))
        except FileNotFoundError as exc:
            report["sets"][name] = {"skipped": str(exc)}
            continue
        halves = [half_of(name, page.key) for page in pages]
        fitted = {h: name in trained_on and h in fitted_halves for h in HALVES}
        entry: dict[str, Any] = {
            "held_out": not any(fitted.values()),
            "fitted_on": fitted,
            "pages": len(pages),
            "half_pages": {h: halves.count(h) for h in HALVES},
        }
        for renderer in RENDERERS:
            pairs: list[tuple[str, str]] = []
            base: list[tuple[str, str]] = []
            failures = 0
            for page in pages:
                text = render(page.html, renderer)
                start = time.perf_counter()
                body = _safe(text, page.url)
                elapsed += time.perf_counter() - start
                dumps += 1
                failures += body is None
                pairs.append((page.body or "", body or ""))
                base.append((page.body or "", keep_every_line(text)))
            entry[renderer] = {
                "body": body_f1(pairs).as_dict(),
                "keep_every_line": body_f1(base).as_dict(),
                "failed": failures,
                "halves": {},
            }
            for half in HALVES:
                chosen = [i for i, h in enumerate(halves) if h == half]
                entry[renderer]["halves"][half] = {
                    "body": body_f1([pairs[i] for i in chosen]).as_dict(),
                    "keep_every_line": body_f1([base[i] for i in chosen]).as_dict(),
                }
                if not fitted[half]:
                    unseen[renderer] += [pairs[i] for i in chosen]
                    unseen_base[renderer] += [base[i] for i in chosen]
        report["sets"][name] = entry
    report["unseen"] = {
        r: {
            "body": body_f1(unseen[r]).as_dict(),
            "keep_every_line": body_f1(unseen_base[r]).as_dict(),
        }
        for r in RENDERERS
        if unseen[r]
    }
    report["ms_per_dump"] = round(1000 * elapsed / max(dumps, 1), 2)
    return report


def scored_text(article: Article) -> str:
    """The lead, paragraph and heading blocks in order: what the gold bodies hold."""
    return "\n\n".join(b.text for b in article.blocks if b.role in SCORED_ROLES)


def _take(items: Any, limit: int | None) -> Any:
    for i, item in enumerate(items):
        if limit is not None and i >= limit:
            return
        yield item


def _safe(text: str, url: str | None) -> str | None:
    from dateline.extract.text import extract_text

    try:
        return scored_text(extract_text(text, url=url))
    except DatelineError:
        return None


def report(result: dict[str, Any]) -> str:
    """Markdown table of an ``evaluate`` result, for BENCHMARKS.md."""
    lines = [
        "| text dumps: set | half | renderer | model fitted on it | pages | body P | body R "
        "| body F1 | keep every line F1 |",
        "|---|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, entry in result.get("sets", {}).items():
        if "skipped" in entry:
            lines.append(f"| {name} | skipped: {entry['skipped']} | | | | | | | |")
            continue
        fitted = entry.get("fitted_on", {})
        for half in ("all", *HALVES):
            for renderer in RENDERERS:
                part = entry[renderer] if half == "all" else entry[renderer]["halves"][half]
                seen = any(fitted.values()) if half == "all" else fitted.get(half, False)
                lines.append(_row(name, half, renderer, "yes" if seen else "no", part))
    for renderer, figures in result.get("unseen", {}).items():
        lines.append(_row("**unseen**", "pooled", renderer, "no", figures, bold=True))
    model = result.get("model", {})
    halves = " and ".join(model.get("halves") or HALVES)
    lines += [
        "",
        f"Scored: {result.get('scored')}. Line model fitted on the {halves} halves of "
        f"{model.get('trained_on')}; {result.get('ms_per_dump')} ms per dump.",
    ]
    return "\n".join(lines)


def _row(
    name: str, half: str, renderer: str, seen: str, part: dict[str, Any], bold: bool = False
) -> str:
    b, base = part["body"], part["keep_every_line"]
    f1 = f"**{b['f1']:.3f}**" if bold else f"{b['f1']:.3f}"
    return (
        f"| {name} | {half} | {renderer} | {seen} | {b['pages']} | {b['precision']:.3f} "
        f"| {b['recall']:.3f} | {f1} | {base['f1']:.3f} |"
    )
