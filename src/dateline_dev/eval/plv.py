"""Score the event coder on PLV sentences: ``dateline eval events --plv``.

PLV (``../shared/data/events/plv/train.tsv``, see its README) gives news sentences with a PLOVER
type and the source and target marked (``<s>…</s>``, ``<t>…</t>`` in ``marked_sentence``); a
sentence with several source-target pairs has one row each. Every distinct sentence is parsed
once (``nlp.pipe`` batches) and coded alone, as the PLOVER gold sentences are
(:mod:`dateline_dev.eval.events`): the real actors stage, no dateline, no publication date. Every
event the coder gives counts, whatever its modality (the label types the sentence, asserted or
not); how many were not asserted is reported.

Per row:
- ``type_among``: an event of the gold type is among the sentence's events;
- ``type_top``: the most confident event has the gold type;
- ``source`` / ``target`` / ``both``: an event of the gold type has the marked source, the
  marked target, both (a side matches when its phrase holds at least half of the marked span's
  tokens).

YIELD (the 2021 draft's name) is today's CONCEDE or RETREAT: either counts. Per-type precision,
recall and F1 take the top event's type as the row's prediction (CONCEDE and RETREAT read as
YIELD; no event or a type outside the set is a wrong prediction); macro F1 averages over the 15
types of the set. Halves by ``half_of('plv', sentence_id)``.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline_dev.eval.matching import bag_share, prf
from dateline_dev.eval.split import HALVES, half_of

SET_NAME = "plv"
#: The 2021 draft's YIELD is today's CONCEDE or RETREAT.
ALIASES: dict[str, frozenset[str]] = {"YIELD": frozenset({"CONCEDE", "RETREAT"})}
#: A predicted side matches a marked span when it holds this share of the span's tokens.
SPAN_SHARE = 0.5
MEASURES = ("type_among", "type_top", "source", "target", "both")

_MARK = re.compile(r"<([st])>(.*?)</\1>", re.S)


@dataclass(frozen=True, slots=True)
class Row:
    sentence_id: str
    sentence: str
    source: str
    target: str
    gold: str

    @property
    def half(self) -> str:
        return half_of(SET_NAME, self.sentence_id)

    @property
    def accepted(self) -> frozenset[str]:
        return ALIASES.get(self.gold, frozenset({self.gold}))


def read(path: Path, limit: int | None = None) -> list[Row]:
    """The rows of a PLV TSV file (the first ``limit`` when given). The marked spans are taken
    from ``marked_sentence`` (the ``source``/``target`` columns when a mark is missing)."""
    out: list[Row] = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for raw in csv.DictReader(handle, delimiter="\t"):
            if limit is not None and len(out) >= limit:
                break
            marks = {k: v for k, v in _MARK.findall(raw.get("marked_sentence") or "")}
            out.append(
                Row(
                    sentence_id=str(raw["sentence_id"]),
                    sentence=raw["sentence"],
                    source=marks.get("s") or raw.get("source") or "",
                    target=marks.get("t") or raw.get("target") or "",
                    gold=(raw.get("gold_root") or "").strip().upper(),
                )
            )
    if not out:
        raise FileNotFoundError(f"no PLV rows in {path}")
    return out


def code_sentences(sentences: Sequence[str]) -> list[list[dict[str, Any]]]:
    """The events (record form) of each sentence, coded alone; sentences parsed in batches."""
    from dateline import nlp
    from dateline.events.coder import code_events
    from dateline.model import Article
    from dateline_dev.eval.events import _actors

    out: list[list[dict[str, Any]]] = []
    for text, doc in zip(sentences, nlp.parse(sentences), strict=True):
        article = Article(published=None, body=text)
        actors = _actors(doc, article)
        out.append([e.to_dict() for e in code_events(doc, article, actors, all_modalities=True)])
    return out


def _side_ok(span: str, side: dict[str, Any] | None) -> bool:
    if not span or not side:
        return False
    return bag_share(span, side.get("text")) >= SPAN_SHARE


def score_row(row: Row, events: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The row's measures (booleans) and the type its top event predicts."""
    typed = [e for e in events if e.get("plover") in row.accepted]
    top = max(events, key=lambda e: e.get("confidence") or 0.0) if events else None
    source = any(_side_ok(row.source, e.get("source")) for e in typed)
    target = any(_side_ok(row.target, e.get("target")) for e in typed)
    both = any(
        _side_ok(row.source, e.get("source")) and _side_ok(row.target, e.get("target"))
        for e in typed
    )
    predicted = top.get("plover") if top else None
    for name, accepted in ALIASES.items():
        if predicted in accepted:
            predicted = name
    return {
        "type_among": bool(typed),
        "type_top": top is not None and top.get("plover") in row.accepted,
        "source": source,
        "target": target,
        "both": both,
        "predicted": predicted,
        "types": sorted({str(e.get("plover")) for e in events}),
    }


def summarise(rows: Sequence[Row], scored: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Shares of rows for each measure, and per-type and macro F1 over the set's types."""
    n = len(rows)
    out: dict[str, Any] = {
        "rows": n,
        "sentences": len({r.sentence_id for r in rows}),
    }
    for m in MEASURES:
        out[m] = sum(s[m] for s in scored) / n if n else 0.0
    labels = sorted({r.gold for r in rows})
    gold_n = Counter(r.gold for r in rows)
    pred_n = Counter(s["predicted"] for s in scored)
    tp = Counter(r.gold for r, s in zip(rows, scored, strict=True) if s["predicted"] == r.gold)
    per_type = {t: {**prf(tp[t], pred_n[t], gold_n[t]), "gold": gold_n[t]} for t in labels}
    out["per_type"] = per_type
    out["macro_f1"] = sum(v["f1"] for v in per_type.values()) / len(labels) if labels else 0.0
    return out


def evaluate(path: Path, limit: int | None = None) -> dict[str, Any]:
    """Code every distinct sentence once and score each row; figures per half and overall."""
    rows = read(path, limit)
    order: dict[str, str] = {}
    for r in rows:
        order.setdefault(r.sentence_id, r.sentence)
    coded = dict(zip(order, code_sentences(list(order.values())), strict=True))
    scored = [score_row(r, coded[r.sentence_id]) for r in rows]
    not_asserted = sum(
        (e.get("modality") or "asserted") != "asserted" for evs in coded.values() for e in evs
    )
    halves: dict[str, Any] = {}
    for half in (*HALVES, None):
        keep = [i for i, r in enumerate(rows) if half is None or r.half == half]
        halves[half or "all"] = summarise([rows[i] for i in keep], [scored[i] for i in keep])
    return {
        "file": str(path),
        "events": sum(len(v) for v in coded.values()),
        "not_asserted": not_asserted,
        "halves": halves,
        "misses": [
            {"id": r.sentence_id, "half": r.half, "gold": r.gold, **s, "sentence": r.sentence}
            for r, s in zip(rows, scored, strict=True)
            if not s["type_among"] or not s["both"]
        ],
    }


def report(result: dict[str, Any], *, explain: bool = False) -> str:
    halves = result["halves"]
    names = list(halves)
    lines = [
        f"## PLV sentences ({result['file']}; {result['events']} events coded, "
        f"{result['not_asserted']} of them not asserted)",
        "",
        "| measure | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
        "| rows (sentences) | "
        + " | ".join(f"{halves[h]['rows']} ({halves[h]['sentences']})" for h in names)
        + " |",
    ]
    for m in (*MEASURES, "macro_f1"):
        lines.append(f"| {m} | " + " | ".join(f"{halves[h][m]:.3f}" for h in names) + " |")
    lines += ["", "| type (P / R / F1, gold rows) | " + " | ".join(names) + " |"]
    lines.append("|---|" + "---:|" * len(names))
    for t in halves["all"]["per_type"]:
        cells = []
        for h in names:
            v = halves[h]["per_type"].get(t)
            cells.append(
                f"{v['precision']:.2f} / {v['recall']:.2f} / {v['f1']:.2f} ({v['gold']})"
                if v
                else "-"
            )
        lines.append(f"| {t} | " + " | ".join(cells) + " |")
    if explain:
        # the check half is read as figures only, never as a list of errors to fix
        lines += ["", "### Tune-half rows without the gold type or without both sides"]
        for m in (m for m in result["misses"] if m["half"] == "tune"):
            lines.append(
                f"- [{m['half']}] {m['id']} gold {m['gold']} got {m['types']} "
                f"src={m['source']} tgt={m['target']}: {m['sentence'][:160]}"
            )
    return "\n".join(lines)
