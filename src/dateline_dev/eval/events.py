"""Score the event coder: ``dateline eval events --plover FILE`` (and the false-event rate).

    python -m dateline_dev.eval.events --plover ../shared/data/events/plover-gsr/dev.json
    python -m dateline_dev.eval.events --examples [--seed ../shared/seed] [--speed]

PLOVER gold sentences (a JSON list of records: ``text``, ``event`` in PLOVER v0.5 names,
``source``/``target`` lists of ``{actorText, code}``; names mapped to PLOVER 2 by
:func:`dateline.events.ontology.normalize_plover`). Each sentence is parsed and coded alone,
with the real actors stage when it is installed (``--no-actors``: the coder's gazetteer
fallback only), events of every modality (the label types the sentence, asserted or not), no
dateline and no publication date: the records' ``date`` is a placeholder
(2000-01-01 for every sentence, from the 1980s to the 2000s), so relative dates stay
unresolved and nothing counts as background. Measures:

- ``type_accuracy``: the gold type is among the sentence's events;
- ``strict_type_accuracy``: the most confident event has the gold type;
- ``source_country_accuracy`` / ``target_country_accuracy``: over sentences whose gold side
  has a valid ISO3 country code, the event of the gold type (else the most confident one) has
  one of the gold countries on that side; a sentence without events counts as wrong.

Example documents (the bundled examples' ``expected.json``; the seed's ``gold.json``): every
event is checked against ``must_not`` (sentences that must hold no event, dates and place names
no event may have); ``false_event_rate`` = such events / events emitted. Required events found
are reported too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dateline.events.coder import code_events
from dateline.events.model import ActorLookup, Event
from dateline.events.ontology import normalize_plover
from dateline.model import Article, Document, InputKind
from dateline_dev.eval.split import HALVES, half_of

#: The acceptance floors of issue 4.
TARGETS: dict[str, float] = {
    "type_accuracy": 0.80,
    "source_country_accuracy": 0.85,
    "target_country_accuracy": 0.80,
}
#: Most emitted events may be wrong by must_not at most this share.
MAX_FALSE_EVENT_RATE = 0.10


def _actors(doc: Any, article: Article) -> ActorLookup | None:
    """The real actors stage when it is installed, else None (the coder's gazetteer)."""
    try:
        from dateline.actors import find_actors
    except ImportError:
        return None
    try:
        result: ActorLookup = find_actors(doc, article)
    except Exception:  # the actors stage is optional here: the coder has its own fallback
        return None
    return result


def _countries(side: Any) -> set[str]:
    from dateline.nlp.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    if not isinstance(side, list):
        return set()
    codes = {str(a.get("code") or "").upper() for a in side if isinstance(a, dict)}
    return {c for c in codes if len(c) == 3 and gaz.country_by_code(c) is not None}


def _pick(events: Sequence[Event], gold_type: str) -> Event | None:
    typed = [e for e in events if e.plover == gold_type]
    pool = typed or list(events)
    return max(pool, key=lambda e: e.confidence) if pool else None


def evaluate(path: str | Path, *, use_actors: bool = True) -> dict[str, Any]:
    """Score the coder on a PLOVER gold file; returns the figures over all sentences (top
    level), over each half of the fixed split (``halves``: tune, check, all; by
    ``half_of('plover-gsr', id)``) and the per-sentence rows."""
    from dateline import nlp

    records = json.loads(Path(path).read_text(encoding="utf-8"))
    gold = [
        r for r in records if r.get("text") and normalize_plover(r.get("event", "")) != "DOCUMENT"
    ]
    pipeline = nlp.load()
    rows: list[dict[str, Any]] = []
    nlp_seconds = event_seconds = 0.0
    for record in gold:
        gold_type = normalize_plover(record["event"])
        # the gold dates are placeholders (2000-01-01 for every sentence): no publication date
        article = Article(published=None, body=record["text"])
        t0 = time.perf_counter()
        doc = pipeline(record["text"])
        nlp_seconds += time.perf_counter() - t0
        actors = _actors(doc, article) if use_actors else None
        t1 = time.perf_counter()
        # the label types the sentence whatever its modality: every event counts
        events = code_events(doc, article, actors, all_modalities=True)
        event_seconds += time.perf_counter() - t1
        types = {e.plover for e in events}
        top = max(events, key=lambda e: e.confidence) if events else None
        best = _pick(events, gold_type)
        row: dict[str, Any] = {
            "id": record.get("id"),
            "half": half_of("plover-gsr", record.get("id")),
            "gold": gold_type,
            "predicted": sorted(types),
            "type_ok": gold_type in types,
            "strict_ok": top is not None and top.plover == gold_type,
            "text": record["text"],
        }
        gold_src, gold_tgt = _countries(record.get("source")), _countries(record.get("target"))
        if gold_src:
            got = best.source.country if best and best.source else None
            row["source"] = (sorted(gold_src), got)
        if gold_tgt:
            got = best.target.country if best and best.target else None
            row["target"] = (sorted(gold_tgt), got)
        rows.append(row)
    halves = {
        name: _figures([r for r in rows if name == "all" or r["half"] == name])
        for name in (*HALVES, "all")
    }
    return {
        "file": str(path),
        **halves["all"],
        "halves": halves,
        "nlp_seconds": nlp_seconds,
        "event_seconds": event_seconds,
        "rows": rows,
    }


def _figures(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Type and country accuracies over some sentences' rows (see the module docstring)."""
    n = len(rows) or 1
    out: dict[str, Any] = {
        "sentences": len(rows),
        "type_accuracy": sum(r["type_ok"] for r in rows) / n,
        "strict_type_accuracy": sum(r["strict_ok"] for r in rows) / n,
    }
    for side in ("source", "target"):
        judged = [r[side] for r in rows if side in r]
        right = sum(got in want for want, got in judged)
        out[f"{side}_country_accuracy"] = right / (len(judged) or 1)
        out[f"{side}_country_n"] = len(judged)
    return out


# -- false events over annotated example documents ----------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def _country_ok(expected: str | None, participant: dict[str, Any] | None) -> bool:
    got = participant.get("country") if participant else None
    if expected is None:
        return got is None
    return got in expected.split("|")


def matches(expected: dict[str, Any], event: dict[str, Any]) -> bool:
    """Whether an emitted event (record form) is the expected one (lenient on wording)."""
    if _norm(expected["sentence_contains"]) not in _norm(event["sentence"]):
        return False
    if expected.get("plover") and event["plover"] not in expected["plover"]:
        return False
    if expected.get("cameo_root") and event["cameo_root"] not in expected["cameo_root"]:
        return False
    if "source_country" in expected and not _country_ok(
        expected["source_country"], event["source"]
    ):
        return False
    if "target_country" in expected and not _country_ok(
        expected["target_country"], event["target"]
    ):
        return False
    if expected.get("date") and event["date"] != expected["date"]:
        return False
    loc = event.get("location") or {}
    return not (
        expected.get("location_country") and loc.get("country") != expected["location_country"]
    )


def false_events(
    events: Iterable[dict[str, Any]], must_not: dict[str, Any]
) -> list[dict[str, Any]]:
    """The events a ``must_not`` block forbids (by sentence, date or place name)."""
    sentences = [_norm(s) for s in must_not.get("event_sentences_containing", [])]
    dates = set(must_not.get("event_dates", []))
    names = {_norm(n) for n in must_not.get("event_location_names", [])}
    out = []
    for e in events:
        loc = e.get("location") or {}
        if (
            any(s in _norm(e["sentence"]) for s in sentences)
            or e.get("date") in dates
            or (loc.get("name") and _norm(loc["name"]) in names)
        ):
            out.append(e)
    return out


def code_document(document: Document, *, use_actors: bool = True) -> list[dict[str, Any]]:
    """extract -> nlp -> (actors) -> code_events for one document; the events as records."""
    from dateline import nlp
    from dateline.extract import extract

    article = extract(document)
    doc = nlp.load()(article.body)
    actors = _actors(doc, article) if use_actors else None
    return [e.to_dict() for e in code_events(doc, article, actors)]


def annotated_documents(seed: Path | None = None) -> list[tuple[str, Document, dict[str, Any]]]:
    """(name, document, gold) for the bundled examples and, when given, the seed."""
    from dateline import examples

    out: list[tuple[str, Document, dict[str, Any]]] = []
    expected = json.loads(examples.expected().read_text(encoding="utf-8"))
    records = {}
    for line in examples.jsonl().read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            records[r["id"]] = r
    for entry in expected["examples"]:
        name = entry["document"]
        if name.startswith("examples.jsonl#"):
            r = records[name.partition("#")[2]]
            kind: InputKind = "html" if "html" in r else "text"
            document = Document(
                input_id=r["id"],
                content=r[kind],
                kind=kind,
                url=r.get("url"),
                published=r.get("published"),
                title=r.get("title"),
            )
        else:
            path = examples.path() / name
            document = Document(input_id=name, content=path.read_text(encoding="utf-8"))
        out.append((name, document, entry))
    if seed is not None and (seed / "gold.json").exists():
        gold = json.loads((seed / "gold.json").read_text(encoding="utf-8"))
        text = (seed / gold["document"]).read_text(encoding="utf-8")
        out.append((gold["document"], Document(input_id=gold["document"], content=text), gold))
    return out


def evaluate_examples(seed: Path | None = None, *, use_actors: bool = True) -> dict[str, Any]:
    """False events (by ``must_not``) and required events found over the bundled examples and
    the seed; overall (top level) and per half of the fixed split (``halves``)."""
    seed_name = None
    if seed is not None and (seed / "gold.json").exists():
        seed_name = json.loads((seed / "gold.json").read_text(encoding="utf-8"))["document"]
    keys = ("documents", "events", "false_events", "required", "required_found")
    halves: dict[str, dict[str, Any]] = {h: dict.fromkeys(keys, 0) for h in (*HALVES, "all")}
    per_doc = []
    for name, document, gold in annotated_documents(seed):
        events = code_document(document, use_actors=use_actors)
        bad = false_events(events, gold.get("must_not") or {})
        req = [x for x in gold.get("events", []) if x.get("required")]
        missing = [x["id"] for x in req if not any(matches(x, e) for e in events)]
        half = half_of("examples", "seed" if name == seed_name else name)
        for counts in (halves[half], halves["all"]):
            counts["documents"] += 1
            counts["events"] += len(events)
            counts["false_events"] += len(bad)
            counts["required"] += len(req)
            counts["required_found"] += len(req) - len(missing)
        per_doc.append(
            {
                "document": name,
                "half": half,
                "events": len(events),
                "false": [f"{e['cameo']} {e['sentence'][:70]}" for e in bad],
                "missing_required": missing,
            }
        )
    for counts in halves.values():
        counts["false_event_rate"] = counts["false_events"] / (counts["events"] or 1)
    return {**halves["all"], "halves": halves, "per_document": per_doc}


def speed(seed: Path | None = None, *, repeat: int = 3) -> dict[str, Any]:
    """Time the NLP stage (``nlp.pipe``) and the event stage (``code_events``, actors given)
    over the same article bodies (the bundled examples and the seed); best of ``repeat``."""
    from dateline import nlp
    from dateline.extract import extract

    articles = [extract(doc) for _, doc, _ in annotated_documents(seed)]
    pipeline = nlp.load()
    bodies = [a.body for a in articles]
    code_events(pipeline(bodies[0]), articles[0], None)  # load the lexicon and tables once
    nlp_best = event_best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        docs = list(pipeline.pipe(bodies))
        nlp_best = min(nlp_best, time.perf_counter() - t0)
        lookups = [_actors(d, a) for d, a in zip(docs, articles, strict=True)]
        t1 = time.perf_counter()
        for doc, article, actors in zip(docs, articles, lookups, strict=True):
            code_events(doc, article, actors)
        event_best = min(event_best, time.perf_counter() - t1)
    return {
        "documents": len(bodies),
        "characters": sum(len(b) for b in bodies),
        "nlp_seconds": nlp_best,
        "event_seconds": event_best,
        "ratio": event_best / nlp_best,
    }


def report(result: dict[str, Any]) -> str:
    """A short text report of :func:`evaluate` or :func:`evaluate_examples` figures."""
    lines = []
    if "type_accuracy" in result:
        halves = result.get("halves") or {"all": result}
        names = list(halves)
        lines.append(f"PLOVER gold sentences: {result['sentences']} ({result['file']})")
        lines.append(f"  {'':<26} " + " ".join(f"{h:>14}" for h in names))
        lines.append(
            f"  {'sentences':<26} " + " ".join(f"{halves[h]['sentences']:>14}" for h in names)
        )
        for key in (
            "type_accuracy",
            "strict_type_accuracy",
            "source_country_accuracy",
            "target_country_accuracy",
        ):
            cells = []
            for h in names:
                side = key.split("_")[0]
                n = halves[h].get(f"{side}_country_n")
                cell = f"{halves[h][key]:.3f}" + (f" (n={n})" if n is not None else "")
                cells.append(f"{cell:>14}")
            check = halves.get("check", result)[key]
            lines.append(f"  {key:<26} " + " ".join(cells) + _floor(key, check))
        if result.get("nlp_seconds"):
            ratio = result["event_seconds"] / result["nlp_seconds"]
            lines.append(f"  event stage / NLP time     {ratio:.3f}")
    if "ratio" in result:
        lines.append(
            f"Speed over {result['documents']} documents ({result['characters']} characters): "
            f"NLP {result['nlp_seconds']:.3f}s, events {result['event_seconds']:.3f}s, "
            f"ratio {result['ratio']:.3f} (target <= 0.15)"
        )
    if "false_event_rate" in result:
        lines.append(f"Annotated documents: {result['documents']}")
        for name, h in (result.get("halves") or {"all": result}).items():
            lines.append(
                f"  {name:<5} ({h['documents']} documents): false events {h['false_events']} of "
                f"{h['events']} emitted, rate {h['false_event_rate']:.3f} (target < "
                f"{MAX_FALSE_EVENT_RATE:.2f}); required events found "
                f"{h['required_found']}/{h['required']}"
            )
        for d in result["per_document"]:
            if d["half"] == "tune" and (d["false"] or d["missing_required"]):
                lines.append(
                    f"  {d['document']}: false {d['false']} missing {d['missing_required']}"
                )
    return "\n".join(lines)


def _floor(key: str, value: float) -> str:
    floor = TARGETS.get(key)
    if floor is None:
        return ""
    return f"  (check target >= {floor:.2f}: {'ok' if value >= floor else 'BELOW'})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="dateline eval events", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--plover", type=Path, help="PLOVER gold sentences (JSON list)")
    parser.add_argument("--examples", action="store_true", help="false-event rate over examples")
    parser.add_argument("--seed", type=Path, help="directory with gold.json and its document")
    parser.add_argument("--no-actors", action="store_true", help="gazetteer fallback only")
    parser.add_argument("--speed", action="store_true", help="event time / NLP time")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", action="store_true", help="list the sentences missed")
    args = parser.parse_args(argv)
    if not (args.plover or args.examples or args.seed or args.speed):
        parser.error("give --plover FILE and/or --examples, --seed DIR, --speed")
    results: list[dict[str, Any]] = []
    if args.plover:
        results.append(evaluate(args.plover, use_actors=not args.no_actors))
    if args.examples or args.seed:
        results.append(evaluate_examples(args.seed, use_actors=not args.no_actors))
    if args.speed:
        results.append(speed(args.seed))
    for result in results:
        if args.json:
            print(json.dumps({k: v for k, v in result.items() if k != "rows"}, indent=2))
        else:
            print(report(result))
        if args.verbose:
            for row in result.get("rows", []):
                bad_src = "source" in row and row["source"][1] not in row["source"][0]
                bad_tgt = "target" in row and row["target"][1] not in row["target"][0]
                if row["gold"] not in row["predicted"] or bad_src or bad_tgt:
                    print(
                        f"- {row['gold']} {row['predicted']} src={row.get('source')} "
                        f"tgt={row.get('target')} | {row['text'][:150]}"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
