"""Whom an act is done to when the sentence names it only by the way (the purpose an act of
force was for, the post an envoy is recalled from), and
a complement verb the parser hung apart from its verb. Invented sentences, real actors stage."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.actors import find_actors
from dateline.events import Event, code_events
from dateline.model import Article
from event_helpers import nlp

__all__ = ["nlp"]


def coded(nlp: Any, text: str) -> list[Event]:
    doc, article = nlp(text), Article(published=None, body=text)
    return code_events(doc, article, find_actors(doc, article), all_modalities=True)


@pytest.mark.parametrize(
    "purpose",
    ["to disperse the marchers", "to break up the crowd", "in a bid to scatter the mourners"],
)
def test_whom_an_act_of_force_was_meant_to_scatter_is_its_target(nlp: Any, purpose: str) -> None:
    # no one it was fired "at": the purpose names whom it was used on, not the gas
    text = f"Riot police fired tear gas {purpose} in Zenda on Monday."
    aimed = "the " + purpose.split(" the ")[-1]
    targets = [e.target for e in coded(nlp, text) if e.plover == "ASSAULT"]
    assert targets and all(t is not None and t.text.startswith(aimed) for t in targets)


def test_an_envoy_recalled_is_the_means_not_the_target(nlp: Any) -> None:
    # whom ties are cut with is the target; a state's own envoy is no side of it
    for text, country in (
        ("Ghana recalled its ambassador for consultations on Monday.", None),
        ("Ghana recalled its ambassador from Togo on Monday.", "TGO"),
    ):
        (e,) = [e for e in coded(nlp, text) if e.cameo == "161"]
        assert e.target is None or e.target.country == country, text
        assert e.target is None or "ambassador" not in e.target.text


@pytest.mark.parametrize("between", ["on Monday", "in a letter to the council"])
def test_an_offer_parted_from_its_act_is_one_intent(nlp: Any, between: str) -> None:
    text = f"Latvia's president offered {between} to mediate between Chile and Peru."
    got = [(e.cameo, e.modality) for e in coded(nlp, text) if e.source is not None]
    assert ("039", "asserted") in got
    assert not [c for c, m in got if m == "asserted" and c != "039"]


def test_whom_force_repelled_may_be_a_group_of_people(nlp: Any) -> None:
    text = "Border guards used water cannon on Tuesday to repel a group of farmers."
    targets = [e.target for e in coded(nlp, text) if e.plover == "ASSAULT"]
    assert targets and all(t is not None and t.text.startswith("a group of") for t in targets)
    assert all(t is not None and t.sector == "AGR" for t in targets)


def test_an_international_body_takes_no_country_from_where_it_acts(nlp: Any) -> None:
    text = (
        "The International Committee of the Red Cross delivered food and blankets to a camp "
        "in northern Ghana on Sunday."
    )
    (aid,) = [e for e in coded(nlp, text) if e.plover == "AID"]
    assert aid.source is not None and aid.source.country is None
    assert aid.source.code is not None and aid.source.code.startswith("NGO")


@pytest.mark.parametrize("verb", ["agreed", "decided", "agreed on Monday"])
def test_a_decision_to_impose_sanctions_is_the_sanction(nlp: Any, verb: str) -> None:
    text = f"Ghana's cabinet {verb} to impose sanctions on Togo."
    got = [(e.cameo, e.target.country if e.target else None) for e in coded(nlp, text)]
    assert ("163", "TGO") in got


def test_a_sector_word_keeps_its_code_where_the_tagger_made_a_name_of_its_modifier(
    nlp: Any,
) -> None:
    # the tagger can read "Riot" as a person; the phrase still names the police
    text = "Riot police arrested 40 students on Tuesday, the university said."
    doc, article = nlp(text), Article(published=None, dateline="Accra", body=text)
    found = code_events(doc, article, find_actors(doc, article), all_modalities=True)
    sources = [e.source for e in found if e.plover == "COERCE"]
    assert sources and all(s is not None and s.code == "GHACOP" for s in sources)
