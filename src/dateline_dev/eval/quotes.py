"""Score ``find_quotes`` against PolNeAR (brat standoff): ``dateline eval quotes --polnear DIR``.

    python -m dateline_dev.eval.quotes --polnear ../shared/data/quotes/polnear [--split dev]

Layout: ``DIR/{train,dev}/text/NAME.txt`` and ``DIR/{train,dev}/attributions/NAME_ANNOTATOR.ann``
(when a text has several annotators, the first file in name order is the gold). An ``.ann`` file
has ``T`` lines (``Source``/``Cue``/``Content`` spans, possibly discontinuous: ``a b;c d``) and
``E`` lines tying them into one attribution (``Attribution:T4 Content:T3 Cue:T2 Source:T1``, or
``Attribution-no-source`` without a Source).

Measures (issue 3). Tokens are ``\\w+`` runs of the text.
- A prediction matches a gold attribution when their content spans share at least half of the
  gold content's tokens; matching is greedy and one-to-one, best overlap first.
- content P/R/F1 over those matches; attribution P/R/F1 counts a match only when the predicted
  speaker phrase overlaps the gold Source (for a gold without Source: when none is predicted).
- quoted: gold attributions with at least half their content tokens inside quotation marks
  (recall), and predictions likewise quoted (precision); speaker accuracy over their matches.
- exact (compare only with published exact-match figures): ``exact_content`` counts a
  prediction whose content token set equals a gold content's (one-to-one);
  ``exact_attribution`` also needs its speaker's token set to equal that gold's Source (no
  speaker for a gold without Source); ``exact_source`` compares the distinct source spans of
  the file on each side, independent of content.

Every figure is given for the tune and check halves of the fixed split (``half_of('polnear',
file stem)``) and for all documents; the targets are judged on the check half.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.quotes.marks import find_marked
from dateline_dev.eval.split import HALVES, half_of

_TOKEN = re.compile(r"\w+", re.UNICODE)
Spans = list[tuple[int, int]]

#: The acceptance floors of issue 3 (dev split).
TARGETS: dict[str, float] = {
    "content_f1": 0.70,
    "attribution_f1": 0.60,
    "quoted_content_f1": 0.90,
    "quoted_speaker_accuracy": 0.90,
}


@dataclass(slots=True)
class GoldAttribution:
    content: Spans
    source: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)


@dataclass(slots=True)
class PolnearDoc:
    name: str
    text: str
    attributions: list[GoldAttribution]


@dataclass(slots=True)
class Predicted:
    content: Spans
    speaker: tuple[int, int] | None
    kind: str = "direct"


def _spans(field_text: str) -> Spans:
    out: Spans = []
    for piece in field_text.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return out


def read_ann(text: str) -> list[GoldAttribution]:
    """Attributions of one brat ``.ann`` file (relations whose parts are missing are skipped)."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[str] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, rng = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _spans(rng))
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            events.append(parts[1])
    out: list[GoldAttribution] = []
    for event in events:
        att = GoldAttribution(content=[])
        for arg in event.split():
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789")
            if ref not in spans:
                continue
            if role == "Content":
                att.content.extend(spans[ref][1])
            elif role == "Source":
                att.source.extend(spans[ref][1])
            elif role == "Cue":
                att.cue.extend(spans[ref][1])
        if att.content:
            att.content.sort()
            out.append(att)
    return out


def read_split(root: Path, split: str = "dev", limit: int | None = None) -> Iterator[PolnearDoc]:
    base = root / split
    if not (base / "text").is_dir() or not (base / "attributions").is_dir():
        raise FileNotFoundError(f"no PolNeAR {split} split under {root} (want {base}/text)")
    anns: dict[str, Path] = {}
    for path in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(path.stem.rsplit("_", 1)[0], path)
    for n, name in enumerate(sorted(anns)):
        if limit is not None and n >= limit:
            return
        text_path = base / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        yield PolnearDoc(name, text, read_ann(anns[name].read_text(encoding="utf-8")))


# --- scoring -------------------------------------------------------------------------------


def _token_index(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _tokens(index: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens that overlap any of ``spans`` (``index`` is in text order)."""
    out: set[int] = set()
    ends = [e for _, e in index]
    for a, b in spans:
        i = bisect.bisect_right(ends, a)  # the first token ending after a
        while i < len(index) and index[i][0] < b:
            out.add(i)
            i += 1
    return frozenset(out)


def _overlaps(a: tuple[int, int], spans: Spans) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _match(gold: list[frozenset[int]], pred: list[frozenset[int]]) -> dict[int, int]:
    """Greedy one-to-one matching, gold index -> predicted index."""
    pairs = []
    for g, gt in enumerate(gold):
        if not gt:
            continue
        for p, pt in enumerate(pred):
            shared = len(gt & pt)
            if shared * 2 >= len(gt) and shared:
                pairs.append((shared / len(gt), shared, g, p))
    pairs.sort(key=lambda x: (-x[0], -x[1], x[2], x[3]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[int, int] = {}
    for _, _, g, p in pairs:
        if g not in used_g and p not in used_p:
            out[g] = p
            used_g.add(g)
            used_p.add(p)
    return out


def _exact(gold: Sequence[frozenset[int]], pred: Sequence[frozenset[int]]) -> dict[int, int]:
    """One-to-one pairs of equal, non-empty token sets, gold index -> predicted index."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for g, gt in enumerate(gold):
        if not gt:
            continue
        p = next((i for i, pt in enumerate(pred) if i not in used and pt == gt), None)
        if p is not None:
            out[g] = p
            used.add(p)
    return out


COUNT_KEYS = (
    "gold",
    "pred",
    "content_tp",
    "attribution_tp",
    "quoted_gold",
    "quoted_pred",
    "quoted_gold_matched",
    "quoted_pred_matched",
    "quoted_speaker_ok",
    "exact_content_tp",
    "exact_attribution_tp",
    "gold_sources",
    "pred_sources",
    "exact_source_tp",
)


def score_doc(text: str, gold: list[GoldAttribution], pred: list[Predicted]) -> dict[str, int]:
    """Counts for one document (sum them over documents, then ``summarise``)."""
    index = _token_index(text)
    in_marks = _tokens(index, [(s.start, s.end) for m in find_marked(text) for s in m.segments])
    gold_t = [_tokens(index, g.content) for g in gold]
    pred_t = [_tokens(index, p.content) for p in pred]
    matches = _match(gold_t, pred_t)
    c = dict.fromkeys(COUNT_KEYS, 0)
    c["gold"], c["pred"], c["content_tp"] = len(gold), len(pred), len(matches)

    def quoted(tokens: frozenset[int]) -> bool:
        return bool(tokens) and len(tokens & in_marks) * 2 >= len(tokens)

    def speaker_ok(g: GoldAttribution, p: Predicted) -> bool:
        if not g.source:
            return p.speaker is None
        return p.speaker is not None and _overlaps(p.speaker, g.source)

    matched_pred = set(matches.values())
    for g_i, p_i in matches.items():
        ok = speaker_ok(gold[g_i], pred[p_i])
        c["attribution_tp"] += ok
        if quoted(gold_t[g_i]):
            c["quoted_gold_matched"] += 1
            c["quoted_speaker_ok"] += ok
    c["quoted_gold"] = sum(quoted(t) for t in gold_t)
    c["quoted_pred"] = sum(quoted(t) for t in pred_t)
    c["quoted_pred_matched"] = sum(quoted(pred_t[p]) for p in matched_pred)
    exact = _exact(gold_t, pred_t)
    c["exact_content_tp"] = len(exact)
    for g_i, p_i in exact.items():
        speaker = pred[p_i].speaker
        if not gold[g_i].source:
            c["exact_attribution_tp"] += speaker is None
        elif speaker is not None:
            want = _tokens(index, gold[g_i].source)
            c["exact_attribution_tp"] += bool(want) and _tokens(index, [speaker]) == want
    gold_src = {_tokens(index, g.source) for g in gold if g.source} - {frozenset()}
    pred_src = {_tokens(index, [p.speaker]) for p in pred if p.speaker} - {frozenset()}
    c["gold_sources"], c["pred_sources"] = len(gold_src), len(pred_src)
    c["exact_source_tp"] = len(gold_src & pred_src)
    return c


def errors_doc(
    name: str, text: str, gold: list[GoldAttribution], pred: list[Predicted]
) -> Iterator[dict[str, Any]]:
    """The misses of one document, for reading: unmatched gold (``miss``), unmatched
    predictions (``spurious``) and matches whose speaker is wrong (``speaker``)."""
    index = _token_index(text)
    in_marks = _tokens(index, [(s.start, s.end) for m in find_marked(text) for s in m.segments])
    gold_t = [_tokens(index, g.content) for g in gold]
    pred_t = [_tokens(index, p.content) for p in pred]
    matches = _match(gold_t, pred_t)

    def show(spans: Spans) -> str:
        return " | ".join(text[a:b] for a, b in spans)

    def quoted(tokens: frozenset[int]) -> bool:
        return bool(tokens) and len(tokens & in_marks) * 2 >= len(tokens)

    def sentence(spans: Spans) -> str:
        lo = text.rfind("\n", 0, spans[0][0]) + 1
        hi = text.find("\n", spans[-1][1])
        return text[lo : hi if hi >= 0 else len(text)]

    for g_i, g in enumerate(gold):
        base = {"doc": name, "quoted": quoted(gold_t[g_i]), "gold": show(g.content)}
        base["gold_source"] = show(g.source)
        base["gold_cue"] = show(g.cue)
        if g_i not in matches:
            yield {"type": "miss", **base, "paragraph": sentence(g.content)}
            continue
        p = pred[matches[g_i]]
        ok = (
            (p.speaker is None)
            if not g.source
            else (p.speaker is not None and _overlaps(p.speaker, g.source))
        )
        if not ok:
            who = text[p.speaker[0] : p.speaker[1]] if p.speaker else None
            yield {
                "type": "speaker",
                **base,
                "pred": show(p.content),
                "pred_speaker": who,
                "paragraph": sentence(g.content),
            }
    matched = set(matches.values())
    for p_i, p in enumerate(pred):
        if p_i in matched:
            continue
        who = text[p.speaker[0] : p.speaker[1]] if p.speaker else None
        yield {
            "type": "spurious",
            "doc": name,
            "quoted": quoted(pred_t[p_i]),
            "kind": p.kind,
            "pred": show(p.content),
            "pred_speaker": who,
            "paragraph": sentence(p.content),
        }


def _prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def summarise(counts: dict[str, int], docs: int) -> dict[str, Any]:
    c = counts
    quoted = _prf(c["quoted_pred_matched"], c["quoted_pred"], c["quoted_gold"])
    quoted["recall"] = (
        round(c["quoted_gold_matched"] / c["quoted_gold"], 4) if c["quoted_gold"] else 0.0
    )
    p, r = quoted["precision"], quoted["recall"]
    quoted["f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    acc = c["quoted_speaker_ok"] / c["quoted_gold_matched"] if c["quoted_gold_matched"] else 0.0
    result: dict[str, Any] = {
        "documents": docs,
        "gold": c["gold"],
        "predicted": c["pred"],
        "content": _prf(c["content_tp"], c["pred"], c["gold"]),
        "attribution": _prf(c["attribution_tp"], c["pred"], c["gold"]),
        "quoted": {**quoted, "gold": c["quoted_gold"], "speaker_accuracy": round(acc, 4)},
        "exact_content": _prf(c["exact_content_tp"], c["pred"], c["gold"]),
        "exact_attribution": _prf(c["exact_attribution_tp"], c["pred"], c["gold"]),
        "exact_source": _prf(c["exact_source_tp"], c["pred_sources"], c["gold_sources"]),
        "counts": dict(c),
    }
    figures = {
        "content_f1": result["content"]["f1"],
        "attribution_f1": result["attribution"]["f1"],
        "quoted_content_f1": quoted["f1"],
        "quoted_speaker_accuracy": result["quoted"]["speaker_accuracy"],
    }
    result["targets"] = {
        k: {"value": figures[k], "floor": floor, "met": figures[k] >= floor}
        for k, floor in TARGETS.items()
    }
    return result


def predict(doc: Any) -> list[Predicted]:
    from dateline.quotes import find_quotes

    out: list[Predicted] = []
    for q in find_quotes(doc, unit="attribution"):  # PolNeAR annotates attributions
        speaker = (q.speaker.start, q.speaker.end) if q.speaker else None
        out.append(Predicted(q.spans or [(q.start, q.end)], speaker, q.kind))
    return out


def evaluate(
    root: Path,
    split: str = "dev",
    limit: int | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Run ``find_quotes`` over a PolNeAR split and score it (see the module docstring).
    With ``errors``, the misses of every tune-half document are appended to it
    (``errors_doc``): the check half is read as figures, not as a list of errors to fix."""
    from dateline import nlp

    docs = list(read_split(Path(root), split, limit))
    totals = {h: dict.fromkeys(COUNT_KEYS, 0) for h in (*HALVES, "all")}
    n_docs = dict.fromkeys(totals, 0)
    parsed = nlp.parse(d.text for d in docs)
    for gold_doc, doc in zip(docs, parsed, strict=True):
        found = predict(doc)
        counts = score_doc(gold_doc.text, gold_doc.attributions, found)
        for half in (half_of("polnear", gold_doc.name), "all"):
            n_docs[half] += 1
            for k, v in counts.items():
                totals[half][k] += v
        if errors is not None and half_of("polnear", gold_doc.name) == "tune":
            errors.extend(errors_doc(gold_doc.name, gold_doc.text, gold_doc.attributions, found))
    result = summarise(totals["all"], len(docs))
    result["halves"] = {h: summarise(totals[h], n_docs[h]) for h in totals}
    result["split"] = split
    return result


def report(result: dict[str, Any]) -> str:
    """The result as Markdown: targets (judged on the check half), then the lenient and the
    exact measures for each half and all documents."""
    halves = result.get("halves") or {"all": result}
    names = list(halves)
    judged = halves.get("check", result)
    lines = [
        f"## Quotes on PolNeAR ({result.get('split', '?')} split, {result['documents']} "
        f"documents, {result['gold']} gold attributions, {result['predicted']} predicted)",
        "",
        "| half | documents | gold | predicted |",
        "|---|---:|---:|---:|",
    ]
    for h in names:
        lines.append(
            f"| {h} | {halves[h]['documents']} | {halves[h]['gold']} | {halves[h]['predicted']} |"
        )
    lines += [
        "",
        f"| target ({'check half' if 'check' in halves else 'all'}) | value | floor | met |",
        "|---|---:|---:|:---:|",
    ]
    for name, t in judged["targets"].items():
        lines.append(
            f"| {name} | {t['value']:.3f} | {t['floor']:.2f} | {'yes' if t['met'] else 'no'} |"
        )
    for title, keys in (
        ("Lenient (content shares half the gold tokens)", ("content", "attribution", "quoted")),
        (
            "Exact spans (compare only with published exact figures)",
            ("exact_content", "exact_attribution", "exact_source"),
        ),
    ):
        lines += ["", f"{title}: precision / recall / F1", ""]
        lines.append("| measure | " + " | ".join(names) + " |")
        lines.append("|---|" + "---:|" * len(names))
        for key in keys:
            cells = [
                f"{m['precision']:.3f} / {m['recall']:.3f} / {m['f1']:.3f}"
                for m in (halves[h][key] for h in names)
            ]
            lines.append(f"| {key} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append(
        "Speaker accuracy on matched gold quotes in quotation marks: "
        + ", ".join(
            f"{h} {halves[h]['quoted']['speaker_accuracy']:.3f} (of {halves[h]['quoted']['gold']})"
            for h in names
        )
        + "."
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline_dev.eval.quotes")
    parser.add_argument("--polnear", type=Path, required=True, help="the PolNeAR folder")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--errors",
        type=Path,
        default=None,
        help="write the tune half's misses as JSON Lines to this file",
    )
    args = parser.parse_args(argv)
    errors: list[dict[str, Any]] | None = [] if args.errors else None
    try:
        result = evaluate(args.polnear, args.split, args.limit, errors)
    except FileNotFoundError as exc:
        print(f"E001 {exc}", file=sys.stderr)
        return 2
    if args.errors and errors is not None:
        with args.errors.open("w", encoding="utf-8") as out:
            for row in errors:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
