"""Quality floors: real figures on small fixed samples, each held above a recorded floor.

Every figure below is computed by the same scorers ``dateline eval`` reports with, on a sample
small enough to run in well under a minute: the seed and the bundled examples (through
``analyze``), the first three tune-half and first three check-half articles of
articles-gold-dev (by id), the first 250 PLV rows and the first 8 PolNeAR dev documents. A
floor sits a little under the figure measured on the date given (two points under, rounded
down; one item's worth under for the article-sample quote figures, which rest on a few dozen
quotes); when a change lowers a figure below its floor, this test fails and names it. Raise
a floor when a figure rises for good; never lower one to make a change pass (BRIEF: never
loosen a bar).

The gold sets live in ../shared (beside the repository). On a user's machine without it, or
without a spaCy model, the gold-based tests skip with the reason; with ``CI=true`` they fail,
so a green CI means the figures were computed.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from conftest import require_model, require_shared
from dateline_dev.eval import articles, plv
from dateline_dev.eval import quotes as quotes_eval
from dateline_dev.eval.events import annotated_documents, false_events, matches
from dateline_dev.eval.matching import bag_share, name_key, ratio
from dateline_dev.eval.split import half_of

SEED = ("seed",)
ARTICLES = ("data", "articles-gold-dev")
PLV = ("data", "events", "plv", "train.tsv")
POLNEAR = ("data", "quotes", "polnear")

PLV_ROWS = 250
POLNEAR_DOCS = 8
ARTICLES_PER_HALF = 3

#: figure -> (floor, measured, date measured). The floors table: one place, read by a human.
FLOORS: dict[str, tuple[float, float, str]] = {
    # the seed and the 12 bundled examples, through analyze
    "annotated.required_quotes_found": (0.94, 0.968, "2026-12-04"),
    "annotated.required_quote_speakers": (0.88, 0.903, "2026-12-04"),
    "annotated.not_quotes_avoided": (0.98, 1.000, "2026-12-04"),
    "annotated.required_events_found": (0.66, 0.681, "2026-12-05"),
    "annotated.events_clear_of_must_not": (0.97, 0.991, "2026-12-04"),
    "annotated.people_right_country_sector": (0.64, 0.662, "2026-12-05"),
    # six articles-gold-dev articles (three per half), scored as `dateline eval articles`
    "articles.direct_f1": (0.93, 0.954, "2026-12-04"),
    "articles.direct_speaker_accuracy": (0.84, 0.878, "2026-12-05"),
    "articles.indirect_f1": (0.78, 0.821, "2026-12-05"),
    "articles.event_f1": (0.18, 0.200, "2026-12-05"),
    "articles.people_found": (0.94, 0.967, "2026-12-04"),
    # the first 250 PLV rows, scored as `dateline eval events --plv`
    "plv.type_among": (0.68, 0.704, "2026-12-05"),
    "plv.type_top": (0.68, 0.700, "2026-12-05"),
    "plv.source": (0.56, 0.584, "2026-12-05"),
    "plv.both": (0.36, 0.388, "2026-12-05"),
    "plv.macro_f1": (0.71, 0.732, "2026-12-05"),
    # the first 8 PolNeAR dev documents, scored as `dateline eval quotes`
    "polnear.content_f1": (0.72, 0.746, "2026-12-05"),
    "polnear.attribution_f1": (0.70, 0.729, "2026-12-05"),
    "polnear.quoted_content_f1": (0.75, 0.778, "2026-12-05"),
}


# --- the seed and the bundled examples -----------------------------------------------------


def _agrees(want: str, got: str) -> bool:
    """The gold files' own rule: most of the wanted words are in the found text."""
    return bag_share(want, got) > 0.5


def _speakers(gold: dict[str, Any], name: str) -> set[str]:
    keys = {name_key(n) for n in name.split("|")}
    for person in gold.get("people") or []:
        if name_key(person["name"]) in keys:
            keys.update(name_key(a) for a in person.get("aliases") or [])
    return keys


@cache
def annotated_figures() -> dict[str, float]:
    """Required quotes, speakers, not-quotes, required events, must-not and people over the
    bundled examples and the seed, each analysed as a user would."""
    from dateline.pipeline import analyze_all

    docs = annotated_documents(require_shared(*SEED))
    records = [r.to_dict() for r in analyze_all([d for _, d, _ in docs])]
    keys = ["q_req", "q_found", "q_speaker", "nq", "nq_ok", "e_req", "e_found", "ev", "ev_bad"]
    c = dict.fromkeys([*keys, "people", "people_ok"], 0)
    for (_, _, gold), record in zip(docs, records, strict=True):
        assert record.get("error") is None, record.get("error")
        quotes = [q for q in record["quotes"] if not q.get("in_caption")]
        for want in (q for q in gold.get("quotes") or [] if q.get("required")):
            c["q_req"] += 1
            found = [q for q in quotes if _agrees(want["text"], q["text"])]
            c["q_found"] += bool(found)
            allowed = _speakers(gold, want["speaker"])
            c["q_speaker"] += any(
                name_key((q["speaker"] or {}).get("name")) in allowed for q in found
            )
        for text in gold.get("not_quotes") or []:
            c["nq"] += 1
            c["nq_ok"] += not any(
                _agrees(text, q["text"]) and _agrees(q["text"], text) for q in record["quotes"]
            )
        events = [e for e in record["events"] if articles.counted(e, articles.COUNTED_MODALITIES)]
        for want in (e for e in gold.get("events") or [] if e.get("required")):
            c["e_req"] += 1
            c["e_found"] += any(matches(want, e) for e in events)
        c["ev"] += len(events)
        c["ev_bad"] += len(false_events(events, gold.get("must_not") or {}))
        entities = {name_key(e["name"]): e for e in record["entities"] if e["type"] == "PERSON"}
        for person in gold.get("people") or []:
            c["people"] += 1
            got = entities.get(name_key(person["name"]))
            c["people_ok"] += bool(
                got and got["country"] == person["country"] and got["sector"] == person["sector"]
            )
    return {
        "annotated.required_quotes_found": ratio(c["q_found"], c["q_req"]),
        "annotated.required_quote_speakers": ratio(c["q_speaker"], c["q_req"]),
        "annotated.not_quotes_avoided": ratio(c["nq_ok"], c["nq"]),
        "annotated.required_events_found": ratio(c["e_found"], c["e_req"]),
        "annotated.events_clear_of_must_not": 1.0 - ratio(c["ev_bad"], c["ev"]),
        "annotated.people_right_country_sector": ratio(c["people_ok"], c["people"]),
    }


# --- the gold sets -------------------------------------------------------------------------


@cache
def article_figures() -> dict[str, float]:
    every = articles.load(require_shared(*ARTICLES))
    sample = [g for g in every if g.half == "tune"][:ARTICLES_PER_HALF]
    sample += [g for g in every if g.half == "check"][:ARTICLES_PER_HALF]
    scores = [
        articles.score_article(g, r) for g, r in zip(sample, articles.records(sample), strict=True)
    ]
    t = articles.total(scores)
    return {
        "articles.direct_f1": t["direct"]["f1"],
        "articles.direct_speaker_accuracy": t["direct"]["speaker_accuracy"],
        "articles.indirect_f1": t["indirect"]["f1"],
        "articles.event_f1": t["events"]["f1"],
        "articles.people_found": t["people"]["recall"],
    }


@cache
def plv_figures() -> dict[str, float]:
    rows = plv.read(require_shared(*PLV), PLV_ROWS)
    order: dict[str, str] = {}
    for r in rows:
        order.setdefault(r.sentence_id, r.sentence)
    coded = dict(zip(order, plv.code_sentences(list(order.values())), strict=True))
    figures = plv.summarise(rows, [plv.score_row(r, coded[r.sentence_id]) for r in rows])
    return {f"plv.{k}": figures[k] for k in ("type_among", "type_top", "source", "both")} | {
        "plv.macro_f1": figures["macro_f1"]
    }


@cache
def polnear_figures() -> dict[str, float]:
    result = quotes_eval.evaluate(require_shared(*POLNEAR), "dev", POLNEAR_DOCS)
    return {
        "polnear.content_f1": result["content"]["f1"],
        "polnear.attribution_f1": result["attribution"]["f1"],
        "polnear.quoted_content_f1": result["quoted"]["f1"],
    }


SOURCES = {
    "annotated": annotated_figures,
    "articles": article_figures,
    "plv": plv_figures,
    "polnear": polnear_figures,
}


@pytest.mark.shared
@pytest.mark.parametrize("group", sorted(SOURCES))
def test_figures_stay_above_their_floors(group: str) -> None:
    require_model()
    figures = SOURCES[group]()
    assert set(figures) == {k for k in FLOORS if k.startswith(group + ".")}
    below = {
        name: f"{value:.3f} < floor {FLOORS[name][0]:.3f} (measured {FLOORS[name][1]:.3f} on "
        f"{FLOORS[name][2]})"
        for name, value in figures.items()
        if value < FLOORS[name][0]
    }
    print(json.dumps({k: round(v, 4) for k, v in figures.items()}))
    assert not below, f"quality fell below its floor: {below}"


def test_floors_sit_under_what_was_measured() -> None:
    for name, (floor, measured, day) in FLOORS.items():
        assert 0.0 <= floor <= measured <= 1.0, name
        assert day, name


def test_the_samples_are_fixed_and_split() -> None:
    """The article sample holds both halves, by the fixed split (no model needed)."""
    every = articles.load(require_shared(*ARTICLES))
    halves = {half_of("articles-gold-dev", g.id) for g in every}
    assert halves == {"tune", "check"}
