"""Candidate recall with our own invented sentences (issue 12): predicates the lexicon and the
parse used to miss or to type against the CAMEO codebook -- small clauses ("found X guilty"),
participles after an object, negated concessions, light verbs of escalation, orders of
coercion, peacekeeping deployments, refugees taken in -- and senses that are no events
("battle the wildfires")."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.events import code_events
from dateline.model import Article
from event_helpers import PUBLISHED, FakeActors, nlp

__all__ = ["nlp"]  # the fixture, shared from event_helpers


def kinds(nlp: Any, text: str) -> set[tuple[str, str]]:
    """(PLOVER type, modality) of every event of ``text``, whatever its modality."""
    doc = nlp(text)
    article = Article(published=PUBLISHED, body=text)
    return {
        (e.plover, e.modality)
        for e in code_events(doc, article, FakeActors(doc), all_modalities=True)
    }


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # a small clause: the adjective says what the object was found (CAMEO 116)
        ("A Chilean court found the Peruvian consul guilty.", "ACCUSE"),
        # escalation verbs hand the act to their event noun, as light verbs do
        ("Chile intensified its shelling of Peruvian border towns.", "ASSAULT"),
        ("Chile stepped up raids on Peruvian smugglers.", "ASSAULT"),
        ("Chile put the Peruvian consul under house arrest.", "COERCE"),
        ("Chile placed the northern province under a curfew.", "COERCE"),
        # refugees taken in are asylum given (CAMEO 075; the PLOVER manual's AID)
        ("Chile hosted 500 refugees from Peru.", "AID"),
        # an authority's order of a coercive act is the act, not a demand
        ("A Chilean court ordered the closure of the Peruvian newspaper.", "COERCE"),
        ("The Chilean government ordered police to detain the Peruvian consul.", "COERCE"),
        # demobilizing (CAMEO 0873) and commuting a sentence (0841) are RETREAT
        ("The militia gave up its rifles.", "RETREAT"),
        ("The Chilean president commuted the death sentence of the Peruvian pilot.", "RETREAT"),
        # forces sent on a peacekeeping mission are provided, not mobilized (CAMEO 074)
        ("Chile's peacekeeping deployment to Peru began on Monday.", "AID"),
        ("Chilean drones attacked a Peruvian army barracks.", "ASSAULT"),
        ("The charity airlifted blankets and tents to Peru.", "AID"),
        ("Chile made a donation of $5 million to Peru.", "AID"),
        ("The Chilean president granted Peru a waiver.", "CONCEDE"),
        # information handed to another side is intelligence shared (CAMEO 064)
        ("The Chilean police handed over the files to Peruvian investigators.", "COOPERATE"),
        ("Chile provided detailed records to the Peruvian prosecutors.", "COOPERATE"),
        # pressing another side to act is a demand (CAMEO 100), as "urge" is a request
        ("Chile pressured Peru to extradite the smugglers.", "REQUEST"),
        # "call out" a person is to denounce them (111); troops called out are mobilized
        ("The Chilean senator called out the Peruvian ambassador.", "ACCUSE"),
        ("The Chilean president called out the army.", "MOBILIZE"),
    ],
)
def test_predicates_found_with_their_type(nlp: Any, text: str, plover: str) -> None:
    assert plover in {p for p, _ in kinds(nlp, text)}, kinds(nlp, text)


def test_people_described_by_a_participle_are_the_object(nlp: Any) -> None:
    # the parser may read "migrants arriving ..." as a clause of its own: the migrants are
    # still what is (not) accepted, and a refusal stated for the future is REJECT
    got = kinds(nlp, "Chile will not accept migrants arriving by boat from Peru.")
    assert "REJECT" in {p for p, _ in got}, got


def test_troops_called_out_are_not_denounced(nlp: Any) -> None:
    found = {p for p, _ in kinds(nlp, "The Chilean president called out the army.")}
    assert "ACCUSE" not in found, found


def test_a_negated_concession_is_a_refusal(nlp: Any) -> None:
    assert ("REJECT", "negated") in kinds(nlp, "Chile has not eased its curfew in the capital.")
    # a negated act of force stays what it is, negated
    assert ("ASSAULT", "negated") in kinds(nlp, "Chile did not attack Peru.")


def test_battling_a_fire_is_no_assault(nlp: Any) -> None:
    got = kinds(nlp, "Chile sent firefighters to Peru to battle the wildfires.")
    assert "ASSAULT" not in {p for p, _ in got}, got


@pytest.mark.parametrize(
    ("text", "plover", "source", "target"),
    [
        # headline style: the tagger reads the present-tense verb as a plural noun and
        # parses the sentence as one noun phrase; the sides are read in order around it
        ("Chile lifts ban on beef imports from Peru.", "CONCEDE", "CHL", "PER"),
        ("Chilean army shells Peruvian village.", "ASSAULT", "CHLMIL", "PER"),
        ("Chilean court sentences Peruvian activist to prison.", "COERCE", "CHLJUD", "PERCVL"),
    ],
)
def test_headline_verbs_read_as_nouns(
    nlp: Any, text: str, plover: str, source: str, target: str
) -> None:
    doc = nlp(text)
    article = Article(published=PUBLISHED, body=text)
    events = code_events(doc, article, None, all_modalities=True)
    sides = {(e.plover, e.source and e.source.code, e.target and e.target.code) for e in events}
    assert (plover, source, target) in sides, sides
    # a side is the phrase on its side of the verb, not the whole noun-shaped sentence
    assert all(e.trigger not in (e.source.text if e.source else "") for e in events)


def test_title_case_irregular_past(nlp: Any) -> None:
    # title case: every capitalized word is read as a name, an irregular past too
    text = "Chilean Foreign Minister Met Peruvian Envoy."
    doc = nlp(text)
    events = code_events(doc, Article(published=PUBLISHED, body=text), None, all_modalities=True)
    sides = {(e.plover, e.source and e.source.text, e.target and e.target.text) for e in events}
    assert ("CONSULT", "Chilean Foreign Minister", "Peruvian Envoy") in sides, sides


@pytest.mark.parametrize(
    "text",
    [
        # a sentence with a verb of its own: its nouns stay nouns
        "Peruvian beef imports from Chile rose in May.",
        # an event noun before its preposition is the noun ("strikes on"), not a verb
        "The Peruvian air strikes on Chilean villages.",
    ],
)
def test_nouns_stay_nouns(nlp: Any, text: str) -> None:
    assert not kinds(nlp, text), kinds(nlp, text)
