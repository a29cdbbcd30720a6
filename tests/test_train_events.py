"""The event scorer's trainer (``dateline train events``): whole-article candidates are the
ones ``analyze`` scores (what ``dateline eval articles`` measures), article rows are labelled
by sentence and type, and set weights are applied at fit time (a cache holds none)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from conftest import require_model

pytest.importorskip("sklearn")

from dateline.events.distinct import dedupe
from dateline.events.scorer import shipped_scorer
from dateline_dev import train_events
from dateline_dev.eval import articles
from dateline_dev.eval.split import half_of

# Invented: a dateline, a heading the extractor keeps out of the body, acts between countries.
TEXT = """MONTEVERDE, March 4 - Chile and Peru agreed on Monday to run joint patrols against \
illegal fishing off their shared coast, the two foreign ministries said.

Peru's navy seized two foreign trawlers last week, and Chilean officials accused the crews of \
fishing without licences.

NEW RULES AT SEA

Bolivia's president urged both governments to share the catch data with their neighbours.
"""


def _tune_id() -> str:
    return next(str(n) for n in range(1000, 2000) if half_of(articles.SET_NAME, str(n)) == "tune")


def _gold(events: list[dict[str, str]]) -> articles.GoldArticle:
    return articles.GoldArticle(
        id=_tune_id(),
        text=TEXT,
        url="https://harbour-wire.example/2024/03/patrols",
        title="Chile and Peru agree on fishing patrols",
        published="2024-03-05",
        events=events,
    )


@pytest.fixture(scope="module")
def parser() -> train_events._Parser:
    require_model()
    return train_events._Parser()


def test_article_candidates_are_the_ones_analyze_scores(parser: train_events._Parser) -> None:
    gold = _gold([])
    candidates = parser.analysed(articles.document(gold))
    # the extracted body (heading and dateline handled as analyze handles them), not the raw text
    assert all("NEW RULES" not in c.event.sentence for c in candidates)
    ours = [e.to_dict() for e in dedupe(shipped_scorer().select(candidates))]
    [record] = articles.records([gold])
    theirs = [
        {k: v for k, v in e.items() if k not in ("tone", "sentence_index")}
        for e in record["events"]
    ]
    assert ours and ours == theirs


def test_article_rows_label_asserted_candidates_by_sentence_and_type(
    parser: train_events._Parser, tmp_path: Path
) -> None:
    sentence = "Chilean officials accused the crews of fishing without licences."
    gold = _gold([{"sentence": sentence, "plover": "ACCUSE"}])
    raw = {"id": gold.id, "text": gold.text, "url": gold.url, "title": gold.title}
    raw |= {"published": gold.published, "events": gold.events}
    (tmp_path / f"naeb-{gold.id}.json").write_text(json.dumps(raw), encoding="utf-8")
    rows = train_events.article_rows(parser, tmp_path)
    assert rows and {r.key for r in rows} == {gold.id}
    assert all((r.label is None) == (r.modality != "asserted") for r in rows)
    right = [r for r in rows if r.label == 1]
    assert right and {r.plover for r in right} == {"ACCUSE"}
    assert sum(r.share for r in rows if r.label is not None) == pytest.approx(1.0)


def _row(set_name: str, key: str, feature: str, label: int) -> train_events.Row:
    return train_events.Row(set_name, key, {feature: 1.0}, label, 1.0, "ACCUSE", 0, "asserted")


def test_set_weights_apply_at_fit_time() -> None:
    # one set says "a" marks a real event, the other says it does not
    rows = [_row("plv", f"p{i}", "a", 1) for i in range(20)]
    rows += [_row("examples", f"e{i}", "a", 0) for i in range(20)]
    rows += [_row("plv", f"q{i}", "b", 0) for i in range(10)]
    weight = {
        w: train_events.fit(rows, set_weights={"plv": 1.0, "examples": w}).weights[0]
        for w in (0.2, 5.0)
    }
    assert weight[0.2] > weight[5.0] + 0.5
    # a cached row keeps its share of its item, never its set's weight
    assert "weight" not in train_events._row_dict(rows[0])
    assert np.isclose(train_events._row_dict(rows[0])["share"], 1.0)
