"""``dateline bench nlp``: what the actors, quotes and events stages cost next to the parser.

Issues 3 and 4 set the budget as ratios measured in one run: entities and quotes add at most
20% to the time of the spaCy pipeline alone on the same text, the event stage at most 15%.
Texts: the PolNeAR development texts (news articles) when ../shared is there, plus the
bundled example articles. Each step runs ``repeat`` times and the fastest run counts (the
least disturbed by other work on the machine), all in this one process.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.model import Article


def _texts(polnear: Path | None, limit: int | None) -> tuple[list[Article], str]:
    from dateline import examples
    from dateline.extract import extract
    from dateline.model import Document
    from dateline.options import Options

    articles: list[Article] = []
    where = []
    if polnear is not None and (polnear / "dev" / "text").is_dir():
        files = sorted((polnear / "dev" / "text").glob("*.txt"))[:limit]
        for path in files:
            body = path.read_text(encoding="utf-8").strip()
            articles.append(Article(body=body, language="en"))
        where.append(f"{len(files)} PolNeAR dev texts")
    bundled = 0
    for path in examples.files():
        content = path.read_text(encoding="utf-8")
        articles.append(extract(Document(input_id=path.name, content=content), Options()))
        bundled += 1
    where.append(f"{bundled} bundled examples")
    return articles, " + ".join(where)


def _best(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - t0)
    return best, result


def bench_nlp(polnear: Path | None, limit: int | None = None, repeat: int = 3) -> dict[str, Any]:
    from dateline import nlp
    from dateline.pipeline import stage_actors, stage_events, stage_quotes

    articles, where = _texts(polnear, limit)
    texts = [a.body for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = nlp.load(gazetteer=False)
    full = nlp.load()
    t_bare, _ = _best(repeat, lambda: list(bare.pipe(texts, batch_size=32)))
    t_parse, docs = _best(repeat, lambda: list(full.pipe(texts, batch_size=32)))
    pairs = list(zip(articles, docs, strict=True))
    t_actors, actors = _best(repeat, lambda: [stage_actors(d, a, []) for a, d in pairs])
    t_quotes, quotes = _best(
        repeat, lambda: [stage_quotes(d, x) for (_a, d), x in zip(pairs, actors, strict=True)]
    )
    t_events, events = _best(
        repeat,
        lambda: [
            stage_events(d, a, x, q) for (a, d), x, q in zip(pairs, actors, quotes, strict=True)
        ],
    )
    return {
        "texts": where,
        "documents": len(texts),
        "words": words,
        "repeat": repeat,
        "seconds": {
            "spacy_model_alone": t_bare,
            "nlp_stage": t_parse,
            "actors": t_actors,
            "quotes": t_quotes,
            "events": t_events,
        },
        "found": {
            "entities": sum(len(x.entities) for x in actors),
            "quotes": sum(len(q) for q in quotes),
            "events": sum(len(e) for e in events),
        },
        "ratios": {
            "gazetteer_ruler_over_model": t_parse / t_bare - 1 if t_bare else 0.0,
            "actors_and_quotes_over_nlp": (t_actors + t_quotes) / t_parse if t_parse else 0.0,
            "events_over_nlp": t_events / t_parse if t_parse else 0.0,
        },
        "budgets": {"actors_and_quotes_over_nlp": 0.20, "events_over_nlp": 0.15},
    }


def report_nlp(result: dict[str, Any]) -> str:
    s, r, b = result["seconds"], result["ratios"], result["budgets"]
    words = result["words"]
    lines = [
        f"## NLP stages: {result['documents']} documents, {words:,} words "
        f"({result['texts']}; fastest of {result['repeat']} runs)",
        "",
        "| step | seconds | words/s | share of the NLP stage |",
        "|---|---:|---:|---:|",
    ]
    for name, label in (
        ("spacy_model_alone", "spaCy model alone"),
        ("nlp_stage", "NLP stage (model + gazetteer ruler)"),
        ("actors", "actors"),
        ("quotes", "quotes"),
        ("events", "events"),
    ):
        sec = s[name]
        rate = f"{words / sec:,.0f}" if sec else "–"
        lines.append(f"| {label} | {sec:.3f} | {rate} | {sec / s['nlp_stage']:.1%} |")
    met_aq = r["actors_and_quotes_over_nlp"] <= b["actors_and_quotes_over_nlp"]
    met_ev = r["events_over_nlp"] <= b["events_over_nlp"]
    lines += [
        "",
        f"actors + quotes add {r['actors_and_quotes_over_nlp']:.1%} to the NLP stage "
        f"(budget {b['actors_and_quotes_over_nlp']:.0%}: {'met' if met_aq else 'NOT met'}); "
        f"events add {r['events_over_nlp']:.1%} (budget {b['events_over_nlp']:.0%}: "
        f"{'met' if met_ev else 'NOT met'}). The gazetteer ruler adds "
        f"{r['gazetteer_ruler_over_model']:.1%} to the bare model.",
        f"Found: {result['found']['entities']} entities, {result['found']['quotes']} quotes, "
        f"{result['found']['events']} events.",
    ]
    return "\n".join(lines)
