"""The learned content-edge chooser of PolNeAR's attribution unit (issue 13, fifth round):
its candidates stay within the sentence and off the cue and speaker, the shipped model loads,
and it moves only edges (never adds, drops or re-attributes a report). Every sentence is
invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import require_model
from dateline import nlp
from dateline.errors import NlpError
from dateline.quotes import find_quotes
from dateline.quotes.edges import (
    EdgeModel,
    banned_tokens,
    candidates,
    shipped_model,
    word_edges,
)

TEXTS = [
    "However, the harbour master said on Tuesday that the ferry would resume service in May, "
    "a month later than planned.",
    "The council, which met in Dunmore, argued that the levy was unfair and should be scrapped.",
    "Residents will pay more for water next year, the utility warned in a letter to customers.",
]


@pytest.fixture(scope="session")
def pipeline() -> Language:
    require_model()
    return nlp.load()


@pytest.mark.parametrize("text", TEXTS)
def test_candidates_stay_in_the_sentence_and_off_the_cue(pipeline: Language, text: str) -> None:
    doc = pipeline(text)
    for quote in find_quotes(doc, unit="attribution", learned_edges=False):
        found = word_edges(doc, quote)
        assert found is not None
        banned = banned_tokens(doc, quote)
        edges = candidates(doc, *found, banned)
        # the rules' edge of each side comes first
        assert (edges[0].side, edges[0].token) == ("start", found[0])
        assert (edges[1].side, edges[1].token) == ("end", found[1])
        for edge in edges[2:]:
            a, b = edge.run
            assert a < b and doc[edge.token].sent == doc[found[0]].sent
            if edge.move == "add":
                assert not banned & set(range(a, b))
            if edge.move == "cut" and edge.side == "start":
                assert edge.token <= found[1]


@pytest.mark.parametrize("text", TEXTS)
def test_learned_edges_move_only_edges(pipeline: Language, text: str) -> None:
    doc = pipeline(text)
    rules = find_quotes(doc, unit="attribution", learned_edges=False)
    learned = find_quotes(doc, unit="attribution")
    assert [(q.cue_start, q.speaker_start, q.kind) for q in rules] == [
        (q.cue_start, q.speaker_start, q.kind) for q in learned
    ]
    for a, b in zip(rules, learned, strict=True):
        assert b.text and b.start < b.end
        assert set(range(a.start, a.end)) & set(range(b.start, b.end))


def test_shipped_model_loads() -> None:
    model = shipped_model()
    assert len(model.weights) > 100
    assert model.meta["fitted_on"].startswith("PolNeAR train")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(NlpError):
        EdgeModel.from_json({"format": "something-else", "features": {}})


def test_a_run_with_a_cue_of_its_own_and_what_it_hangs_on(pipeline: Language) -> None:
    from dateline.quotes.edges import Edge, features
    from dateline.quotes.lexicon import default_lexicon

    doc = pipeline("The ferry company promised new boats and said the fares would fall in May.")
    words = [t.text for t in doc]
    first, last = words.index("promised"), words.index("May")
    said = words.index("said")
    cues = default_lexicon().cues
    quoted = [False] * len(doc)
    # cutting "promised new boats and said" off the front: a run holding a cue of its own
    cut = Edge("start", said + 1, (first, said + 1), "cut")
    feats = features(doc, cut, "report", "indirect", quoted, (first, last), frozenset(), cues)
    assert feats["start:cut:run_cue"] == 1.0
    assert any(name.startswith("start:cut:attach=") for name in feats)
    # without the lexicon or the content, the older features only
    plain = features(doc, cut, "report", "indirect", quoted)
    assert "start:cut:run_cue" not in plain
    assert not any(":attach=" in name for name in plain)
    # the rules' edge has no features (it scores 0)
    assert features(doc, Edge("start", first), "report", "indirect", quoted) == {}
