"""The gold-set scorers' matching rules on tiny invented data (no model, no ../shared)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import require_model
from dateline_dev.eval import articles, plv
from dateline_dev.eval import quotes as quotes_eval
from dateline_dev.eval.matching import TextMap, bag_share, name_key, pair_greedily

TEXT = (
    "Minister Ana Vel said the border would reopen. "
    "“We will not wait any longer for the talks,” Vel told reporters.\n\n"
    "Rebels shelled the northern town of Orsk on Monday."
)


def _gold(**extra: Any) -> articles.GoldArticle:
    base: dict[str, Any] = {
        "id": "1",
        "text": TEXT,
        "published": "2030-05-07",
        "people": [
            {"name": "Ana Vel", "aliases": ["Vel", "Minister Ana Vel"], "country": "ZZA"}
            | {"sector": "GOV"}
        ],
        "quotes": [
            {
                "speaker": "Ana Vel",
                "text": "We will not wait any longer for the talks,",
                "kind": "direct",
            },
            {"speaker": "Ana Vel", "text": "the border would reopen", "kind": "indirect"},
        ],
        "events": [
            {
                "sentence": "Rebels shelled the northern town of Orsk on Monday.",
                "source": {"text": "Rebels", "country": "ZZA", "sector": "REB"},
                "target": {"text": "the northern town of Orsk", "country": "ZZA"},
                "plover": "ASSAULT",
                "date": "2030-05-05",
                "location": {"name": "Orsk", "country": "ZZA"},
            }
        ],
    }
    base.update(extra)
    return articles.GoldArticle(**base)


def _at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _quote(body: str, phrase: str, kind: str, speaker: str | None) -> dict[str, Any]:
    start, end = _at(body, phrase)
    who = {"name": speaker, "entity": None, "text": speaker} if speaker else None
    return {"text": phrase, "kind": kind, "start": start, "end": end, "speaker": who}


def _event(body: str, sentence: str, **fields: Any) -> dict[str, Any]:
    start, end = _at(body, sentence)
    base = {
        "plover": "ASSAULT",
        "source": {"text": "Rebels", "country": "ZZA"},
        "target": {"text": "town", "country": "ZZA"},
        "date": "2030-05-05",
        "location": {"name": "Orsk", "country": "ZZA"},
        "sentence": sentence,
        "start": start,
        "end": end,
        "modality": "asserted",
    }
    base.update(fields)
    return base


def _record(body: str = TEXT, **parts: Any) -> dict[str, Any]:
    return {"article": {"body": body}, "quotes": [], "events": [], "entities": [], **parts}


def test_text_map_places_an_edited_copy_on_the_reference_tokens() -> None:
    edited = TEXT.replace("Minister Ana Vel said the border would reopen. ", "")
    tmap = TextMap(TEXT, edited)
    [gold] = tmap.occurrences("Rebels shelled the northern town")
    assert tmap.analysed_span(*_at(edited, "Rebels shelled the northern town")) == gold
    assert tmap.occurrences("not in the text") == []


def test_bag_share_and_names() -> None:
    assert bag_share("the northern town", "town of the north") == pytest.approx(2 / 3)
    assert bag_share("", "anything") == 0.0
    assert name_key("The Ministry's") == "ministry"
    assert name_key("Sen. A. Vel") == name_key("sen a vel")


def test_pairs_are_one_to_one_best_first() -> None:
    assert pair_greedily([(0.6, 0, 0), (0.9, 1, 0), (0.7, 0, 1)]) == {1: 0, 0: 1}


def test_direct_quote_needs_half_the_gold_tokens_and_one_prediction_each() -> None:
    gold = _gold()
    half = _quote(TEXT, "We will not wait any", "direct", "Vel")  # 5 of 9 tokens
    less = _quote(TEXT, "the talks,", "direct", "Vel")  # 2 of 9
    score = articles.score_article(gold, _record(quotes=[half, dict(half)]))
    assert score.counts["direct_tp"] == 1 and score.counts["direct_pred"] == 2
    assert score.counts["direct_speaker_ok"] == 1  # "Vel" is an alias of the gold speaker
    assert articles.score_article(gold, _record(quotes=[less])).counts["direct_tp"] == 0


def test_a_prediction_elsewhere_with_the_same_words_does_not_match() -> None:
    body = TEXT + "\n\nWe will not wait any longer, a reader wrote."
    gold = _gold(text=body)
    far = _quote(body, "We will not wait any longer, a reader wrote.", "direct", None)
    far["start"] = body.rindex("We will")
    far["end"] = len(body)
    assert articles.score_article(gold, _record(body, quotes=[far])).counts["direct_tp"] == 0


def test_wrong_speaker_and_mixed_fragments() -> None:
    gold = _gold()
    mixed = _quote(TEXT, "“We will not wait any longer for the talks,”", "mixed", "reporters")
    indirect = _quote(TEXT, "said the border would reopen", "indirect", "Minister Ana Vel")
    score = articles.score_article(gold, _record(quotes=[mixed, indirect]))
    c = score.counts
    assert (c["direct_tp"], c["direct_speaker_ok"]) == (1, 0)
    assert (c["indirect_tp"], c["indirect_speaker_ok"]) == (1, 1)
    assert any(n.startswith("wrong speaker (direct)") for n in score.explain)


def test_events_match_on_sentence_type_and_source_country() -> None:
    gold = _gold()
    sentence = "Rebels shelled the northern town of Orsk on Monday."
    right = _event(TEXT, sentence)
    wrong_type = _event(TEXT, sentence, plover="COERCE")
    wrong_source = _event(TEXT, sentence, source={"text": "Rebels", "country": "ZZB"})
    for pred, tp in ((right, 1), (wrong_type, 0), (wrong_source, 0)):
        assert articles.score_article(gold, _record(events=[pred])).counts["events_tp"] == tp
    # a duplicate of the right event is a false event; a part of the sentence is not enough
    c = articles.score_article(gold, _record(events=[right, dict(right)])).counts
    assert (c["events_tp"], c["events_pred"]) == (1, 2)
    part = _event(TEXT, "Rebels shelled the northern town")
    assert articles.score_article(gold, _record(events=[part])).counts["events_tp"] == 0


def test_matched_event_details_and_modality() -> None:
    gold = _gold()
    sentence = "Rebels shelled the northern town of Orsk on Monday."
    pred = _event(
        TEXT,
        sentence,
        target={"text": "town", "country": None},
        date="2030-05-07",
        location=None,
    )
    c = articles.score_article(gold, _record(events=[pred])).counts
    assert (c["target_n"], c["target_ok"], c["date_ok"], c["location_ok"]) == (1, 0, 0, 0)
    assert c["location_n"] == 1
    planned = _event(TEXT, sentence, modality="planned")
    c = articles.score_article(gold, _record(events=[planned])).counts
    assert (c["events_pred"], c["events_uncounted"], c["events_tp"]) == (0, 1, 0)
    c = articles.score_article(gold, _record(events=[planned]), modalities=None).counts
    assert c["events_tp"] == 1


def test_people_country_and_sector() -> None:
    gold = _gold()
    person = {"type": "PERSON", "name": "Vel", "aliases": [], "country": "ZZA", "sector": None}
    c = articles.score_article(gold, _record(entities=[person])).counts
    assert (c["people_found"], c["people_country_ok"], c["people_sector_ok"]) == (1, 1, 0)
    assert articles.figures(c)["people"]["right_country_and_sector"] == 0.0


def test_a_failed_record_counts_every_gold_item_as_missed() -> None:
    score = articles.score_article(_gold(), {"error": {"code": "E1", "message": "bad"}})
    figs = articles.figures(score.counts)
    assert figs["events"]["gold"] == 1 and figs["events"]["recall"] == 0.0
    assert figs["direct"]["gold"] == 1


PLV_SENTENCE = "Rebels from the hills shelled the northern town on Monday."


def _plv_row(gold: str = "ASSAULT") -> plv.Row:
    return plv.Row("7", PLV_SENTENCE, "Rebels from the hills", "the northern town", gold)


def test_plv_sides_need_half_the_marked_span() -> None:
    event = {
        "plover": "ASSAULT",
        "confidence": 0.8,
        "source": {"text": "Rebels"},  # 1 of 4 tokens
        "target": {"text": "northern town"},  # 2 of 3
    }
    s = plv.score_row(_plv_row(), [event])
    assert (s["type_among"], s["type_top"], s["source"], s["target"], s["both"]) == (
        True,
        True,
        False,
        True,
        False,
    )


def test_plv_yield_is_concede_or_retreat() -> None:
    s = plv.score_row(_plv_row("YIELD"), [{"plover": "RETREAT", "confidence": 0.5}])
    assert s["type_among"] and s["predicted"] == "YIELD"
    rows = [_plv_row("YIELD"), _plv_row("ASSAULT")]
    scored = [s, plv.score_row(rows[1], [])]
    figures = plv.summarise(rows, scored)
    assert figures["per_type"]["YIELD"]["f1"] == 1.0
    assert figures["per_type"]["ASSAULT"]["recall"] == 0.0
    assert figures["macro_f1"] == 0.5


def test_plv_reads_marks(tmp_path: Path) -> None:
    path = tmp_path / "plv.tsv"
    header = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root"
    marked = "<s>Rebels from the hills</s> shelled <t>the northern town</t> on Monday."
    path.write_text(f"{header}\n0\t7\t{PLV_SENTENCE}\t{marked}\tx\ty\tASSAULT\n", "utf-8")
    [row] = plv.read(path)
    assert (row.source, row.target, row.gold) == (
        "Rebels from the hills",
        "the northern town",
        "ASSAULT",
    )


def test_polnear_exact_attribution_needs_exact_content_and_source() -> None:
    text = "one two three four said eight nine"
    gold = [quotes_eval.GoldAttribution([(0, 18)], [(24, 29)])]  # one..four, source "eight"
    exact = quotes_eval.Predicted([(0, 18)], (24, 29))
    wider_source = quotes_eval.Predicted([(0, 18)], (24, 34))
    c = quotes_eval.score_doc(text, gold, [exact])
    assert (c["exact_content_tp"], c["exact_attribution_tp"]) == (1, 1)
    c = quotes_eval.score_doc(text, gold, [wider_source])
    assert (c["exact_content_tp"], c["exact_attribution_tp"], c["attribution_tp"]) == (1, 0, 1)


def test_eval_articles_and_plv_commands_run_end_to_end(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from dateline.cli import cli

    require_model()
    gold = _gold()
    raw = {
        "id": gold.id,
        "url": "https://wire.example/a",
        "title": "Border to reopen",
        "published": gold.published,
        "text": gold.text,
        "people": gold.people,
        "quotes": gold.quotes,
        "events": gold.events,
    }
    (tmp_path / "naeb-1.json").write_text(json.dumps(raw), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "articles", "--gold", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["halves"]["all"]["direct"]["gold"] == 1
    assert figures["halves"]["all"]["events"]["gold"] == 1
    assert [a["id"] for a in figures["per_article"]] == ["1"]
    # --explain lists one half's notes (the tune half unless asked): the other's stay figures
    own, other = gold.half, "check" if gold.half == "tune" else "tune"
    for half, shown in ((own, True), (other, False)):
        args = ["eval", "articles", "--gold", str(tmp_path), "--explain", "--half", half]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert ("### naeb-1" in result.output) is shown

    header = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root"
    marked = "<s>Rebels from the hills</s> shelled <t>the northern town</t> on Monday."
    tsv = tmp_path / "plv.tsv"
    tsv.write_text(f"{header}\n0\t7\t{PLV_SENTENCE}\t{marked}\tx\ty\tASSAULT\n", "utf-8")
    result = CliRunner().invoke(cli, ["eval", "events", "--plv-file", str(tsv)])
    assert result.exit_code == 0, result.output
    assert "| type_among |" in result.output and "| ASSAULT |" in result.output


def test_the_speaker_is_judged_by_the_name_the_record_shows() -> None:
    gold = _gold()
    quote = _quote(TEXT, "We will not wait any longer for the talks,", "direct", None)
    quote["speaker"] = {"name": "Orsk", "entity": "e2", "text": "Vel"}  # wrongly resolved
    assert articles.score_article(gold, _record(quotes=[quote])).counts["direct_speaker_ok"] == 0
    quote["speaker"] = {"name": None, "entity": None, "text": "Minister Ana Vel"}
    assert articles.score_article(gold, _record(quotes=[quote])).counts["direct_speaker_ok"] == 1


def test_place_misses_say_why_a_location_or_target_is_wrong() -> None:
    from dateline_dev import place_misses as pm

    sentence = "Rebels shelled the northern town of Orsk on Monday."
    home = {"name": "\x00home\x00Valport", "country": "ZZA", "lat": 1.0, "lon": 2.0}
    assert pm.location_miss(None, home, sentence) == "location emitted, gold null: ours home city"
    orsk = {"name": "Orsk", "country": "ZZA"}
    assert pm.location_miss(orsk, None, sentence) == (
        "location null, gold has one: gold's named in the sentence"
    )
    gold = {"target": {"text": "the northern town of Orsk", "country": "ZZA"}}
    rebels = {"text": "Rebels", "country": "ZZB"}
    town = {"text": "the northern town", "country": "ZZB"}
    assert pm.target_miss(gold, {"source": rebels, "target": town}, sentence) == (
        "target: the source's country, the gold's phrase"
    )
    assert pm.target_miss(gold, {"source": rebels, "target": None}, sentence) == "target: none"
