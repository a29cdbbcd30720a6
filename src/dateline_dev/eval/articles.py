"""Score whole articles the way a user sees them: ``dateline eval articles``.

The gold (``../shared/data/articles-gold-dev/naeb-<id>.json``, see its CONVENTIONS.md) gives an
article's body with its people, direct and indirect quotes and events. Each article goes through
:func:`dateline.analyze` as a user's JSON Lines record would (``{"id", "url", "title",
"published", "text"}``: a plain-text document), and the record it gives is scored against the
gold text. Predictions are placed in the gold text by token position
(:class:`~dateline_dev.eval.matching.TextMap`), so a match is the same words in the same place.

- Direct quotes: the record's ``direct`` quotes, and the quoted fragments of its ``mixed`` ones
  (a partial quotation inside reported speech is a direct quote of the fragment only, as the
  gold records it). A prediction matches a gold quote when it holds at least half of the gold
  quote's tokens; pairs are one-to-one, best share first. Speaker accuracy over matched quotes:
  the speaker's name as the record shows it (its phrase in the text when it has no name) is the
  gold speaker or one of that person's aliases (case, punctuation and a leading article aside).
- Indirect quotes: the record's ``indirect`` quotes, the same way.
- Events: a predicted event matches a gold event when its sentence holds at least 80% of the gold
  sentence's tokens, its PLOVER type is the gold type and, when the gold source has a country,
  its source has that country; one-to-one. Over matched events: target country (gold targets with
  a country), date (gold events with a date) and location (when the gold or the prediction has
  one: both must, in the same country).
- People: gold people found among the record's PERSON entities (a name or alias in common), and
  of those, the right country and the right sector (null equals null).

Only events the record exports by default count (``modality`` in :data:`COUNTED_MODALITIES`);
``modalities=None`` counts every event. Quotes found in photo captions are not scored (the gold
annotates the body only).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.events.model import DEFAULT_MODALITIES
from dateline_dev.eval.matching import (
    Positions,
    TextMap,
    best_share,
    name_key,
    pair_greedily,
    prf,
    ratio,
)
from dateline_dev.eval.split import HALVES, half_of

if TYPE_CHECKING:
    from dateline.model import Document

SET_NAME = "articles-gold-dev"
#: A prediction matches a gold quote when it holds at least this share of its tokens.
QUOTE_SHARE = 0.5
#: A predicted event is in the gold event's sentence when it holds this share of its tokens.
SENTENCE_SHARE = 0.8
#: The modalities the record's exports and stories count by default (docs/architecture.md:
#: only asserted events); any other modality, including ones added later, is left out unless
#: asked for.
COUNTED_MODALITIES = DEFAULT_MODALITIES

COUNT_KEYS = (
    *(f"{kind}_{n}" for kind in ("direct", "indirect") for n in ("gold", "pred", "tp")),
    "direct_speaker_ok",
    "indirect_speaker_ok",
    *("events_gold", "events_pred", "events_tp", "events_uncounted"),
    *(f"{what}_{n}" for what in ("target", "date", "location") for n in ("n", "ok")),
    *(f"people_{n}" for n in ("gold", "pred", "found", "country_ok", "sector_ok", "both_ok")),
)


@dataclass(slots=True)
class GoldArticle:
    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    people: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def half(self) -> str:
        return half_of(SET_NAME, self.id)


@dataclass(slots=True)
class ArticleScore:
    id: str
    half: str
    counts: dict[str, int]
    explain: list[str] = field(default_factory=list)


def load(root: Path, ids: Iterable[str] | None = None) -> list[GoldArticle]:
    """The gold articles under ``root`` (all, or those whose id is in ``ids``), by id."""
    paths = sorted(Path(root).glob("naeb-*.json"))
    if not paths:
        raise FileNotFoundError(f"no naeb-*.json gold articles under {root}")
    wanted = {str(i) for i in ids} if ids is not None else None
    out = []
    for path in paths:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if wanted is not None and str(raw["id"]) not in wanted:
            continue
        out.append(
            GoldArticle(
                id=str(raw["id"]),
                text=raw["text"],
                url=raw.get("url"),
                title=raw.get("title"),
                published=raw.get("published"),
                people=raw.get("people") or [],
                quotes=raw.get("quotes") or [],
                events=raw.get("events") or [],
            )
        )
    out.sort(key=lambda g: (int(g.id) if g.id.isdigit() else 0, g.id))
    return out


def document(gold: GoldArticle) -> Document:
    """The gold article as a user's plain-text JSON Lines record (what ``analyze`` reads; the
    event scorer's trainer codes its candidates from the same record)."""
    from dateline.model import Document

    return Document(
        input_id=f"naeb-{gold.id}",
        content=gold.text,
        kind="text",
        url=gold.url,
        published=gold.published,
        title=gold.title,
    )


def records(articles: Sequence[GoldArticle]) -> list[dict[str, Any]]:
    """The analysis record of each article, analysed as a user's plain-text record. The record
    keeps events of every modality so the scorer can say which ones count (and how many not)."""
    from dateline.options import Options
    from dateline.pipeline import analyze_all

    docs = [document(g) for g in articles]
    return [r.to_dict() for r in analyze_all(docs, Options(all_modalities=True))]


# --- quotes ---------------------------------------------------------------------------------


def _speaker_names(gold: GoldArticle, speaker: str) -> set[str]:
    """The gold speaker's name and, for a person in ``people``, every alias."""
    keys = {name_key(speaker)}
    for person in gold.people:
        if name_key(person.get("name")) == name_key(speaker):
            keys.update(name_key(a) for a in person.get("aliases") or [])
    return keys - {""}


def _predicted_quotes(
    record: dict[str, Any], tmap: TextMap
) -> dict[str, list[tuple[Positions, dict[str, Any]]]]:
    """(positions in the gold text, quote) of the record's direct and indirect quotes."""
    from dateline.quotes.marks import find_marked

    body = (record.get("article") or {}).get("body") or ""
    out: dict[str, list[tuple[Positions, dict[str, Any]]]] = {"direct": [], "indirect": []}
    for q in record.get("quotes") or []:
        if q.get("in_caption"):
            continue
        start, end = int(q["start"]), int(q["end"])
        if q["kind"] == "mixed":
            pieces = [
                (start + s.start, start + s.end)
                for m in find_marked(body[start:end])
                for s in m.segments
            ]
            if pieces:
                out["direct"].extend((tmap.analysed_span(a, b), q) for a, b in pieces)
                continue
        # a mixed quote with no marked fragment is reported speech
        kind = "direct" if q["kind"] == "direct" else "indirect"
        out[kind].append((tmap.analysed_span(start, end), q))
    return out


def _speaker_ok(allowed: set[str], quote: dict[str, Any]) -> bool:
    """The speaker's name as the record shows it (its phrase in the text when it has no name)
    is the gold speaker or one of that person's aliases."""
    who = quote.get("speaker") or {}
    return name_key(who.get("name") or who.get("text")) in allowed


def _score_quotes(
    gold: GoldArticle, predicted: dict[str, list[tuple[Positions, dict[str, Any]]]], tmap: TextMap
) -> tuple[dict[str, int], list[str]]:
    counts: dict[str, int] = {}
    notes: list[str] = []
    for kind in ("direct", "indirect"):
        golds = [q for q in gold.quotes if q.get("kind") == kind]
        preds = predicted[kind]
        places = [tmap.occurrences(q["text"]) for q in golds]
        candidates = []
        for g, occ in enumerate(places):
            for p, (positions, _) in enumerate(preds):
                s = best_share(occ, positions)
                if s >= QUOTE_SHARE and s > 0:
                    candidates.append((s, g, p))
        pairs = pair_greedily(candidates)
        ok = 0
        for g, q in enumerate(golds):
            if g not in pairs:
                notes.append(f"missed {kind} quote [{q.get('speaker')}]: {_short(q['text'])}")
                continue
            pred = preds[pairs[g]][1]
            if _speaker_ok(_speaker_names(gold, q.get("speaker") or ""), pred):
                ok += 1
            else:
                who = (pred.get("speaker") or {}).get("name")
                notes.append(
                    f"wrong speaker ({kind}): {who!r} for {q.get('speaker')!r}: {_short(q['text'])}"
                )
        matched = set(pairs.values())
        for p, (_, q) in enumerate(preds):
            if p not in matched:
                who = (q.get("speaker") or {}).get("name")
                notes.append(f"false {kind} quote [{who}]: {_short(q['text'])}")
        counts[f"{kind}_gold"] = len(golds)
        counts[f"{kind}_pred"] = len(preds)
        counts[f"{kind}_tp"] = len(pairs)
        counts[f"{kind}_speaker_ok"] = ok
    return counts, notes


# --- events ---------------------------------------------------------------------------------


def counted(event: dict[str, Any], modalities: frozenset[str] | None) -> bool:
    """Whether an event of the record counts: its modality is one exported by default (a
    record without the field is asserted), or any when ``modalities`` is None."""
    return modalities is None or (event.get("modality") or "asserted") in modalities


def _country(side: dict[str, Any] | None) -> str | None:
    return (side or {}).get("country") or None


def _event_pair_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if pred.get("plover") != gold.get("plover"):
        return False
    want = _country(gold.get("source"))
    return want is None or _country(pred.get("source")) == want


def pair_events(
    gold: GoldArticle, record: dict[str, Any], tmap: TextMap, modalities: frozenset[str] | None
) -> tuple[list[dict[str, Any]], dict[int, int]]:
    """The record's counted events, and the gold event -> predicted event pairs (indexes)."""
    preds = [e for e in record.get("events") or [] if counted(e, modalities)]
    spans = [tmap.analysed_span(int(e["start"]), int(e["end"])) for e in preds]
    places = [tmap.occurrences(e["sentence"]) for e in gold.events]
    candidates = []
    for g, (event, occ) in enumerate(zip(gold.events, places, strict=True)):
        for p, pred in enumerate(preds):
            s = best_share(occ, spans[p])
            if s >= SENTENCE_SHARE and _event_pair_ok(event, pred):
                # among equals, the one with the right target goes first
                same_target = _country(pred.get("target")) == _country(event.get("target"))
                candidates.append((s + 0.01 * same_target, g, p))
    return preds, pair_greedily(candidates)


def _score_events(
    gold: GoldArticle, record: dict[str, Any], tmap: TextMap, modalities: frozenset[str] | None
) -> tuple[dict[str, int], list[str]]:
    every = record.get("events") or []
    preds, pairs = pair_events(gold, record, tmap, modalities)
    c = dict.fromkeys(("target_n", "target_ok", "date_n", "date_ok", "location_n"), 0)
    c["location_ok"] = 0
    notes: list[str] = []
    for g, event in enumerate(gold.events):
        if g not in pairs:
            notes.append(f"missed event {_event_text(event)}")
            continue
        pred = preds[pairs[g]]
        if _country(event.get("target")):
            c["target_n"] += 1
            right = _country(pred.get("target")) == _country(event.get("target"))
            c["target_ok"] += right
            if not right:
                notes.append(f"wrong target {_event_text(pred)} for {_event_text(event)}")
        if event.get("date"):
            c["date_n"] += 1
            c["date_ok"] += pred.get("date") == event["date"]
        gl, pl = event.get("location"), pred.get("location")
        if gl or pl:
            c["location_n"] += 1
            c["location_ok"] += bool(gl and pl and _country(gl) == _country(pl))
    matched = set(pairs.values())
    for p, pred in enumerate(preds):
        if p not in matched:
            notes.append(f"false event {_event_text(pred)} rule={pred.get('rule')}")
    c.update(
        events_gold=len(gold.events),
        events_pred=len(preds),
        events_tp=len(pairs),
        events_uncounted=len(every) - len(preds),
    )
    return c, notes


def _event_text(e: dict[str, Any]) -> str:
    src = e.get("source") or {}
    tgt = e.get("target") or {}
    return (
        f"{e.get('plover')} {src.get('text')!r}({_country(src)}) -> "
        f"{tgt.get('text')!r}({_country(tgt)}): {_short(e.get('sentence') or '')}"
    )


# --- people ---------------------------------------------------------------------------------


def _score_people(gold: GoldArticle, record: dict[str, Any]) -> tuple[dict[str, int], list[str]]:
    entities = [e for e in record.get("entities") or [] if e.get("type") == "PERSON"]
    keys = [
        {name_key(e.get("name"))} | {name_key(a) for a in e.get("aliases") or []} for e in entities
    ]
    candidates = []
    for g, person in enumerate(gold.people):
        full = name_key(person.get("name"))
        names = {full} | {name_key(a) for a in person.get("aliases") or []}
        for p, have in enumerate(keys):
            common = (names & have) - {""}
            if common:
                candidates.append((1.0 + (full in have) + 0.01 * len(common), g, p))
    pairs = pair_greedily(candidates)
    c = {"people_country_ok": 0, "people_sector_ok": 0, "people_both_ok": 0}
    notes = []
    for g, person in enumerate(gold.people):
        if g not in pairs:
            notes.append(f"missed person {person.get('name')}")
            continue
        ent = entities[pairs[g]]
        country = (ent.get("country") or None) == (person.get("country") or None)
        sector = (ent.get("sector") or None) == (person.get("sector") or None)
        c["people_country_ok"] += country
        c["people_sector_ok"] += sector
        c["people_both_ok"] += country and sector
        if not (country and sector):
            notes.append(
                f"person {person.get('name')}: country {ent.get('country')} for "
                f"{person.get('country')}, sector {ent.get('sector')} for {person.get('sector')}"
            )
    c.update(people_gold=len(gold.people), people_pred=len(entities), people_found=len(pairs))
    return c, notes


# --- one article, totals, report ------------------------------------------------------------


def score_article(
    gold: GoldArticle,
    record: dict[str, Any],
    modalities: frozenset[str] | None = COUNTED_MODALITIES,
) -> ArticleScore:
    """The counts (and, for reading, the misses) of one article's record against its gold."""
    counts = dict.fromkeys(COUNT_KEYS, 0)
    if record.get("error"):
        error = record["error"]
        failed = [f"analysis failed: {error.get('code')} {error.get('message')}"]
        counts.update(
            direct_gold=sum(q.get("kind") == "direct" for q in gold.quotes),
            indirect_gold=sum(q.get("kind") == "indirect" for q in gold.quotes),
            events_gold=len(gold.events),
            people_gold=len(gold.people),
        )
        return ArticleScore(gold.id, gold.half, counts, failed)
    body = (record.get("article") or {}).get("body") or ""
    tmap = TextMap(gold.text, body)
    notes: list[str] = []
    for part, part_notes in (
        _score_quotes(gold, _predicted_quotes(record, tmap), tmap),
        _score_events(gold, record, tmap, modalities),
        _score_people(gold, record),
    ):
        counts.update(part)
        notes.extend(part_notes)
    return ArticleScore(gold.id, gold.half, counts, notes)


def figures(counts: dict[str, int]) -> dict[str, Any]:
    """The reported figures of summed counts."""
    c = counts
    out: dict[str, Any] = {}
    for kind in ("direct", "indirect"):
        out[kind] = {
            **prf(c[f"{kind}_tp"], c[f"{kind}_pred"], c[f"{kind}_gold"]),
            "speaker_accuracy": ratio(c[f"{kind}_speaker_ok"], c[f"{kind}_tp"]),
            "gold": c[f"{kind}_gold"],
            "predicted": c[f"{kind}_pred"],
            "matched": c[f"{kind}_tp"],
            "speaker_right": c[f"{kind}_speaker_ok"],
        }
    out["events"] = {
        **prf(c["events_tp"], c["events_pred"], c["events_gold"]),
        "gold": c["events_gold"],
        "predicted": c["events_pred"],
        "matched": c["events_tp"],
        "not_counted": c["events_uncounted"],
        "target_country": ratio(c["target_ok"], c["target_n"]),
        "target_n": c["target_n"],
        "date": ratio(c["date_ok"], c["date_n"]),
        "date_n": c["date_n"],
        "location": ratio(c["location_ok"], c["location_n"]),
        "location_n": c["location_n"],
    }
    out["people"] = {
        "gold": c["people_gold"],
        "predicted": c["people_pred"],
        "found": c["people_found"],
        "recall": ratio(c["people_found"], c["people_gold"]),
        "precision": ratio(c["people_found"], c["people_pred"]),
        "country": ratio(c["people_country_ok"], c["people_found"]),
        "sector": ratio(c["people_sector_ok"], c["people_found"]),
        "right_country_and_sector": ratio(c["people_both_ok"], c["people_gold"]),
    }
    return out


def total(scores: Iterable[ArticleScore], half: str | None = None) -> dict[str, Any]:
    """Figures over the articles of one half (all when ``half`` is None)."""
    chosen = [s for s in scores if half is None or s.half == half]
    counts = dict.fromkeys(COUNT_KEYS, 0)
    for s in chosen:
        for k, v in s.counts.items():
            counts[k] += v
    return {"articles": len(chosen), **figures(counts), "counts": counts}


def evaluate(
    root: Path,
    *,
    ids: Iterable[str] | None = None,
    modalities: frozenset[str] | None = COUNTED_MODALITIES,
    analyse: Callable[[Sequence[GoldArticle]], list[dict[str, Any]]] = records,
) -> dict[str, Any]:
    """Analyse and score the gold articles; figures per article, per half and over all."""
    articles = load(root, ids)
    scores = [
        score_article(g, r, modalities) for g, r in zip(articles, analyse(articles), strict=True)
    ]
    return {
        "root": str(root),
        "modalities": sorted(modalities) if modalities is not None else "all",
        "per_article": [
            {"id": s.id, "half": s.half, **figures(s.counts), "explain": s.explain} for s in scores
        ],
        "halves": {
            **{h: total(scores, h) for h in HALVES},
            "all": total(scores),
        },
    }


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _row(name: str, f: dict[str, Any]) -> str:
    d, i, e, p = f["direct"], f["indirect"], f["events"], f["people"]
    return (
        f"| {name} | {d['precision']:.3f} / {d['recall']:.3f} / {d['f1']:.3f} | "
        f"{d['speaker_right']}/{d['matched']} | "
        f"{i['precision']:.3f} / {i['recall']:.3f} / {i['f1']:.3f} | "
        f"{i['speaker_right']}/{i['matched']} | "
        f"{e['precision']:.3f} / {e['recall']:.3f} / {e['f1']:.3f} ({e['matched']}/"
        f"{e['predicted']}/{e['gold']}) | {e['target_country']:.2f} ({e['target_n']}) | "
        f"{e['date']:.2f} ({e['date_n']}) | {e['location']:.2f} ({e['location_n']}) | "
        f"{p['found']}/{p['gold']}, {p['right_country_and_sector']:.2f} |"
    )


def report(result: dict[str, Any], *, explain: bool = False, per_article: bool = True) -> str:
    """Markdown tables: the halves first (check is the figure that counts), then articles."""
    head = (
        "| | direct P / R / F1 | speaker | indirect P / R / F1 | speaker | "
        "events P / R / F1 (matched/emitted/gold) | target ctry | date | location | "
        "people found, right ctry+sector |\n|---|---|---|---|---|---|---|---|---|---|"
    )
    modal = result["modalities"]
    lines = [
        f"## Whole articles ({result['root']}; events counted: "
        f"{'every modality' if modal == 'all' else ', '.join(modal)})",
        "",
        head,
    ]
    for name, fig in result["halves"].items():
        lines.append(_row(f"**{name}** ({fig['articles']} articles)", fig))
    if per_article:
        lines += ["", head]
        lines += [_row(f"{a['id']} ({a['half']})", a) for a in result["per_article"]]
    if explain:
        for a in result["per_article"]:
            if a["explain"]:
                lines += ["", f"### naeb-{a['id']} ({a['half']})"]
                lines += [f"- {note}" for note in a["explain"]]
    return "\n".join(lines)
