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


@pytest.mark.parametrize("between", ["on Monday", "in a letter to the council"])
def test_an_offer_parted_from_its_act_is_one_intent(nlp: Any, between: str) -> None:
    text = f"Latvia's president offered {between} to mediate between Chile and Peru."
    got = [(e.cameo, e.modality) for e in coded(nlp, text) if e.source is not None]
    assert ("039", "asserted") in got
    assert not [c for c, m in got if m == "asserted" and c != "039"]


@pytest.mark.parametrize("verb", ["agreed", "decided", "agreed on Monday"])
def test_a_decision_to_impose_sanctions_is_the_sanction(nlp: Any, verb: str) -> None:
    text = f"Ghana's cabinet {verb} to impose sanctions on Togo."
    got = [(e.cameo, e.target.country if e.target else None) for e in coded(nlp, text)]
    assert ("163", "TGO") in got
