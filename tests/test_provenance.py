"""Every hand-written row of the event coder's knowledge tables says where it comes from, and
none comes from the check half of a development set."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conftest import require_shared
from dateline.events import lexicon, rules
from dateline.events.provenance import ProvenanceError, Source, parse
from dateline_dev.provenance_audit import audit, tables


def test_the_tables_are_the_ones_the_coder_reads() -> None:
    names = {f"{p.parent.name}/{p.name}" for p in tables()}
    assert {f"lexicon/{n}" for n in lexicon.SHIPPED} <= names
    assert {"actors/sectors.tsv", "coder/words.tsv", "coder/intent.tsv"} <= names
    assert {"frames/acts.tsv", "frames/families.tsv", "frames/protests.tsv"} <= names
    quote_tables = {"cues", "noun_cues", "adjective_cues", "speaker_nouns", "evidence_nouns"}
    quote_tables |= {"speech_kinds", "org_references", "notice_labels", "said_nouns"}
    assert {f"quotes/{n}.tsv" for n in quote_tables} <= names


def test_the_quote_lexicon_keeps_the_provenance() -> None:
    from dateline.quotes.lexicon import default_lexicon

    lexicon = default_lexicon()
    assert lexicon.provenance["cues:say"] == "general;polnear-train"
    assert lexicon.provenance["noun_cues:criticism"] == "polnear-train"
    assert lexicon.org_references["newspaper"] == "MED"
    tables = {"cues", "noun_cues", "adjective_cues", "speaker_nouns", "evidence_nouns"}
    tables |= {"speech_kinds", "org_references", "notice_labels", "said_nouns"}
    assert {key.partition(":")[0] for key in lexicon.provenance} == tables


@pytest.mark.parametrize("path", tables(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_row_has_a_provenance_and_no_check_item(path: Path) -> None:
    assert audit(path) == []


def test_the_audit_catches_a_row_without_provenance_and_a_check_item(tmp_path: Path) -> None:
    from dateline_dev.eval.split import half_of

    check = next(f"x{i}" for i in range(100) if half_of("plv", f"x{i}") == "check")
    tune = next(f"x{i}" for i in range(100) if half_of("plv", f"x{i}") == "tune")
    table = tmp_path / "t.tsv"
    table.write_text(
        "# a comment\nword\tsector\tprovenance\n"
        f"a\tGOV\tgeneral\nb\tGOV\t\nc\tGOV\tplv:{check}\nd\tGOV\tplv:{tune};cameo:057\n"
        "e\tGOV\tcameo:999\nf\tGOV\thunch\n",
        encoding="utf-8",
    )
    problems = audit(table)
    assert len(problems) == 4, problems
    assert "no provenance for 'b'" in problems[0]
    assert "check-half" in problems[1] and check in problems[1]
    assert "not a CAMEO code" in problems[2]
    assert "unknown provenance" in problems[3]
    table.write_text("word\tsector\na\tGOV\n", encoding="utf-8")
    assert "no provenance column" in audit(table)[0]


def test_parse() -> None:
    assert parse("cameo:115; plv:8") == (Source("cameo", "115"), Source("plv", "8"))
    assert parse("general") == (Source("general"),)
    assert str(Source("petrarch2", "agents")) == "petrarch2:agents"
    with pytest.raises(ProvenanceError, match="needs a value"):
        parse("plv:")


def test_readers_keep_the_provenance() -> None:
    entries = lexicon.Lexicon.default().entries
    assert all(e.provenance for e in entries)
    assert {e.provenance for e in entries if e.source == "petrarch2.tsv"} == {"petrarch2"}
    coder = rules.default()
    assert coder.provenance["words.tsv:report/say"] == "general"
    assert set(coder.sectors) == {k.partition(":")[2] for k in coder.provenance if "sectors" in k}


def _dev_ids(kind: str) -> set[str]:
    if kind == "plv":
        with require_shared("data", "events", "plv", "train.tsv").open(encoding="utf-8") as f:
            return {row["sentence_id"] for row in csv.DictReader(f, delimiter="\t")}
    if kind == "plover-gsr":
        path = require_shared("data", "events", "plover-gsr", "dev.json")
        return {str(r.get("id")) for r in json.loads(path.read_text(encoding="utf-8"))}
    if kind == "articles-gold-dev":
        folder = require_shared("data", "articles-gold-dev")
        return {p.stem.removeprefix("naeb-") for p in folder.glob("naeb-*.json")}
    from dateline_dev.eval.events import annotated_documents

    return {name for name, _doc, _gold in annotated_documents()} | {"seed"}


@pytest.mark.shared
def test_development_items_named_as_provenance_exist() -> None:
    """A tune-half id that names nothing would pass the half check by luck."""
    named: dict[str, set[str]] = {}
    for path in tables():
        for line in path.read_text(encoding="utf-8").splitlines():
            cell = line.split("\t")[-1]
            if line.startswith("#") or cell == "provenance":
                continue
            for source in parse(cell):
                if source.is_dev_item:
                    named.setdefault(source.kind, set()).add(source.value)
    assert named, "no development item is named at all"
    for kind, ids in named.items():
        assert ids <= _dev_ids(kind), (kind, sorted(ids - _dev_ids(kind)))


def test_an_event_rule_leads_to_its_entry_and_provenance() -> None:
    lx = lexicon.Lexicon.default()
    entry = lx.entry_for_rule("curated.tsv:cur:v:sue/any +intent")
    assert entry is not None and (entry.cameo, entry.provenance) == ("115", "cameo:115")
    assert lx.entry_for_rule("frames.tsv:cur:v:sue/any") is None
    assert lx.entry_for_rule("sample:057") is None
