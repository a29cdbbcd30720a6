"""What the event record does not assert, with our own invented sentences: standing states,
running totals, self-directed acts, acts with no one acting, acts a clause describes and acts
under another act keep a modality other than "asserted" (issue 12), out of the default record
and the exports."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.events import Event, code_events
from dateline.model import Article
from event_helpers import PUBLISHED, FakeActors, candidates, code, nlp, one, pair, told

__all__ = ["nlp"]  # the fixture, shared from event_helpers


def every(nlp: Any, text: str) -> list[Event]:
    """Every event of ``text``, of every modality."""
    doc = nlp(text)
    return code_events(
        doc, Article(published=PUBLISHED, body=text), FakeActors(doc), all_modalities=True
    )


def kinds(nlp: Any, text: str) -> set[tuple[str, str]]:
    """(type, modality) of every event of ``text``."""
    return {(e.plover, e.modality) for e in every(nlp, text)}


def modalities(nlp: Any, text: str) -> dict[str, str]:
    """The modality of each event of ``text`` by its trigger word."""
    return {e.trigger: e.modality for e in every(nlp, text)}


# -- what the record does not assert: states, running totals, self-directed acts (issue 12) ----


@pytest.mark.parametrize(
    "text",
    [
        "Kenya has deployed troops in Somalia for ten years.",  # perfect, for <duration>
        "Peru has arrested 40 Chilean fishermen in the past two weeks.",  # a running total
        "So far Chile has expelled forty Peruvian diplomats.",
        "Chile usually grants asylum to Peruvian dissidents.",  # a habit
        "The Chilean president criticizes the Peruvian press almost daily.",
        "Peru sometimes expels Chilean traders from its border markets.",
        "Peru has seized six Chilean trawlers since then.",  # perfect, since a past point
        "Chile has repeatedly accused Peru of spying.",  # the story so far
        "Peru has long accused Chile of smuggling arms.",
    ],
)
def test_standing_states_and_running_totals_are_ongoing(nlp: Any, text: str) -> None:
    got = told(nlp, text)
    assert got and {m for _, m in got} == {"ongoing"}


def test_acts_of_the_period_stay_asserted(nlp: Any) -> None:
    for text in (
        "Kenya deployed troops in Somalia on Monday.",
        "Peru has been shelling Chilean towns since Monday.",  # since a recent day: an act
        "Chile granted asylum to Peruvian dissidents.",
        "Chilean police repeatedly fired tear gas at Peruvian fans on Sunday.",  # that day's
    ):
        assert [e.modality for e in code(nlp, text)] == ["asserted"], text


def test_an_act_a_side_does_to_itself_is_reflexive(nlp: Any) -> None:
    assert told(nlp, "Kenya insists it needs more time.") == [("REQUEST", "reflexive")]


def test_an_act_with_no_one_acting_is_agentless(nlp: Any) -> None:
    assert told(nlp, "Peruvian diplomats were expelled on Monday.") == [("SANCTION", "agentless")]
    assert told(nlp, "An airstrike killed six Syrian soldiers.") == [("ASSAULT", "agentless")]
    e = one(code(nlp, "Peruvian diplomats were expelled by Chile on Monday."))
    assert e.modality == "asserted" and pair(e) == ("CHL", "PER")


def test_a_source_that_names_no_actor_is_agentless(nlp: Any) -> None:
    # a poll's share of voters is no one acting; a group of people is someone
    text = "According to a survey, 58% of respondents support the plan."
    assert told(nlp, text) == [("SUPPORT", "agentless")]
    assert [e.modality for e in code(nlp, "Farmers from Peru blocked the road to Lima.")] == [
        "asserted"
    ]


def test_a_natural_hazard_is_no_one_acting(nlp: Any) -> None:
    # weather and disease do things to countries, but no actor acts
    assert told(nlp, "Cyclone Mora killed nine people in Myanmar on Thursday.") == [
        ("ASSAULT", "agentless")
    ]
    assert [e.modality for e in code(nlp, "Soldiers killed nine people in Myanmar.")] == [
        "asserted"
    ]


def test_an_act_a_while_after_which_the_news_came_is_background(nlp: Any) -> None:
    # "a week after" read as a preposition still opens the clause of what came before
    text = (
        "Uruguay closed the border on Monday, a week after its rival Brazil attacked the town "
        "with heavy artillery."
    )
    assert {e.plover: e.modality for e in code(nlp, text)}.get("ASSAULT") != "asserted"


def test_a_request_for_an_act_of_a_past_period_is_as_old(nlp: Any) -> None:
    """Asked, in the past perfect, to do something in a month long gone: the asking is no
    news either; in the simple past the month may be the one to come."""
    text = (
        "The prosecutor said the evidence showed the Chilean mayor had urged farmers to block "
        "the highway during protests in {month}."
    )
    old = text.format(month="June")  # eight months before the story
    doc = nlp(old)
    every = code_events(doc, Article(published="2026-02-20", body=old), FakeActors(doc))
    assert "urged" not in {e.trigger for e in every}
    new = "The Chilean mayor urged farmers to block the highway in March."
    doc = nlp(new)
    every = code_events(doc, Article(published="2026-02-20", body=new), FakeActors(doc))
    assert "urged" in {e.trigger for e in every}


@pytest.mark.parametrize("when", ["hours after", "shortly after", "minutes after"])
def test_an_act_right_before_the_news_is_the_same_days_news(nlp: Any, when: str) -> None:
    # an act a few hours before the reported one is of the reported period, not background
    text = f"Chilean police detained 30 people on Friday, {when} Peruvian rebels stormed a post."
    doc = nlp(text)
    every = code_events(
        doc, Article(published=PUBLISHED, body=text), FakeActors(doc), all_modalities=True
    )
    assert ("stormed", "asserted") in {(e.trigger, e.modality) for e in every}


def test_what_a_standing_law_provides_is_ongoing(nlp: Any) -> None:
    # a law's provision told in the present is a standing state; its passing was the act
    assert told(nlp, "The new Slovak law bans foreign funding of charities.") == [
        ("SANCTION", "ongoing")
    ]


def test_an_act_with_no_one_acting_on_an_unplaced_side_is_agentless(nlp: Any) -> None:
    # neither side is an actor with a country: still an act, told with no one acting
    assert told(nlp, "The village was shelled on Monday.") == [("ASSAULT", "agentless")]


def test_acts_a_clause_describes_or_explains_are_background(nlp: Any) -> None:
    text = "The Chilean army stormed the village on Monday after Peruvian rebels attacked a post."
    doc = nlp(text)
    every = code_events(
        doc, Article(published=PUBLISHED, body=text), FakeActors(doc), all_modalities=True
    )
    assert {(e.trigger, e.modality) for e in every} == {
        ("stormed", "asserted"),
        ("attacked", "background"),
    }
    relative = "Chile, which attacked Peru on Monday, met Bolivia on Tuesday."
    doc = nlp(relative)
    article = Article(published=PUBLISHED, body=relative)
    assert [e.trigger for e in code_events(doc, article, FakeActors(doc))] == ["met"]
    every = code_events(doc, article, FakeActors(doc), all_modalities=True)
    assert ("attacked", "background") in {(e.trigger, e.modality) for e in every}


def test_an_act_in_a_clause_of_contrast_is_background(nlp: Any) -> None:
    # "while" / "although" set a clause against the news: it frames, it is not reported
    got = {
        (e.plover, e.modality)
        for e in every(nlp, "While Chile praised the accord, Peru condemned the Bolivian minister.")
    }
    assert ("SUPPORT", "background") in got and ("ACCUSE", "asserted") in got
    got = {
        (e.plover, e.modality)
        for e in every(
            nlp, "Although Peru condemned Chile on Monday, it met Chilean envoys on Friday."
        )
    }
    assert ("ACCUSE", "background") in got and ("CONSULT", "asserted") in got
    # a progressive "while" clause tells a time: both acts of the period
    got = {
        (e.plover, e.modality)
        for e in every(
            nlp, "Peruvian police arrested two students while they were protesting in Lima."
        )
    }
    assert ("PROTEST", "asserted") in got


def test_a_future_act_of_another_joined_to_a_report_is_not_the_tellers_intent(nlp: Any) -> None:
    text = (
        "The Chilean teachers' union said on Monday that it would end its strike but Peruvian "
        "nurses would continue their protests at two hospitals."
    )
    doc = nlp(text)
    article = Article(published=PUBLISHED, body=text)
    every = code_events(doc, article, FakeActors(doc), all_modalities=True)
    got = {(e.source and e.source.country, e.modality) for e in every}
    assert ("CHL", "asserted") in got  # the union's own announced intent
    assert ("PER", "asserted") not in got  # the nurses announced nothing
    # the same subject joined again stays the teller's intent
    text = "Chile said that it would expel two Peruvian diplomats and would boycott the summit."
    doc = nlp(text)
    every = code_events(doc, Article(published=PUBLISHED, body=text), FakeActors(doc))
    assert {e.plover for e in every} == {"THREATEN", "REJECT"}


def test_an_act_a_teller_will_try_to_do_is_its_intent(nlp: Any) -> None:
    # the future of a verb of trying is the act's own: an intention, not the act done
    text = "Chile's interior minister said that the government will try to lift the curfew."
    assert kinds(nlp, text) == {("AGREE", "asserted")}
    text = "The Chilean government will try to lift the curfew."
    assert ("CONCEDE", "asserted") not in kinds(nlp, text)


def test_an_act_between_common_nouns_alone_names_no_one(nlp: Any) -> None:
    # no side says whom it stands for: no actor, no name, no entity's words on the source
    assert told(nlp, "Several delegations praised the draft on Monday.") == [
        ("SUPPORT", "agentless")
    ]
    for text in (
        "Several delegations praised Chile on Monday.",  # a known target
        "South American leaders praised the draft on Monday.",  # a region's leaders
        "Peruvian delegates praised the draft on Monday.",
    ):
        assert [e.modality for e in code(nlp, text)] == ["asserted"], text


def test_an_undated_past_act_after_a_past_period_is_background(nlp: Any) -> None:
    history = "The border dispute between Chile and Peru began in 2019."
    got = modalities(nlp, f"{history} Chilean troops seized the Peruvian port of Ilo.")
    assert got.get("seized") == "background"
    # a new paragraph, or a date of its own, is news again
    got = modalities(nlp, f"{history}\n\nChilean troops seized the Peruvian port of Ilo.")
    assert got.get("seized") == "asserted"
    got = modalities(nlp, f"{history} Chilean troops seized the Peruvian port of Ilo on Monday.")
    assert got.get("seized") == "asserted"
    # a date in a relative clause on who acts describes that actor: no history told
    described = "The Chilean president, who took office in 2019, praised the vote."
    got = modalities(nlp, f"{described} Peruvian troops seized the Chilean port of Arica.")
    assert got.get("seized") == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        # a past year before a noun says which one, not when the act was done
        (
            "Chile deported 230 Peruvian migrants on Thursday under a 2016 agreement with Lima.",
            "deported",
            "asserted",
        ),
        ("Peru condemned the 2019 border deal with Chile on Monday.", "condemned", "asserted"),
        ("In 2019, Chile expelled two Peruvian diplomats.", "expelled", None),  # dated past
    ],
)
def test_a_past_year_naming_a_thing_dates_no_act(
    nlp: Any, text: str, trigger: str, modality: str | None
) -> None:
    assert modalities(nlp, text).get(trigger) == modality


def test_a_process_in_a_present_clause_of_circumstance_is_ongoing(nlp: Any) -> None:
    text = (
        "Peruvian officials said on Monday that food prices rose again, as Chile tightens "
        "its border controls and expels Peruvian traders."
    )
    assert modalities(nlp, text).get("expels") == "ongoing"
    text = "Chile expelled two Peruvian traders on Monday as talks resumed in Lima."
    assert modalities(nlp, text).get("expelled") == "asserted"


def test_an_act_under_another_is_hypothetical_and_done_by_the_one_asked(nlp: Any) -> None:
    text = "Norway urged Chile to release the detained Peruvian fishermen."
    doc = nlp(text)
    article = Article(published=PUBLISHED, body=text)
    assert [e.plover for e in code_events(doc, article, FakeActors(doc))] == ["REQUEST"]
    every = code_events(doc, article, FakeActors(doc), all_modalities=True)
    inner = [e for e in every if e.modality == "hypothetical"]
    assert [(e.plover, e.source and e.source.country) for e in inner] == [("RETREAT", "CHL")]


def test_a_past_act_told_at_the_time_is_background(nlp: Any) -> None:
    # "at the time": the time of a history told before, not the news of the day
    assert told(nlp, "Chile accused Peru at the time of smuggling arms.") == [
        ("ACCUSE", "background")
    ]
    assert [e.modality for e in code(nlp, "Chile accused Peru at the time of the vote.")] == [
        "asserted"
    ]


def test_a_past_perfect_told_as_earlier_is_background(nlp: Any) -> None:
    assert told(nlp, "Chile had earlier expelled two Peruvian diplomats.") == [
        ("SANCTION", "background")
    ]
    assert [e.modality for e in code(nlp, "Chile had expelled two Peruvian diplomats.")] == [
        "asserted"
    ]


def test_a_thing_that_ends_like_a_person_is_no_source(nlp: Any) -> None:
    # "orders" ends like "organisers" (agent_suffix "er"); words.tsv class thing tells them apart
    text = "Evacuation orders have pushed Peruvian civilians into the mountains."
    assert told(nlp, text) == [("ASSAULT", "agentless")]
    e = one(code(nlp, "Peruvian organisers have pushed Chilean civilians into the mountains."))
    assert e.source is not None and e.source.text == "Peruvian organisers"


def test_a_passive_conjunct_takes_no_source_from_its_head(nlp: Any) -> None:
    # the shared subject of "is ... but has been shelled" is shelled, it shells no one
    text = "Tacna is one of the few towns without a curfew, but has been shelled by night."
    doc = nlp(text)
    every = code_events(doc, Article(published=PUBLISHED, body=text), None, all_modalities=True)
    assert all(e.source is None for e in every), [e.to_dict() for e in every]
    e = one(code(nlp, "Tacna is a small town, but was shelled by Chile."))
    assert e.source is not None and e.source.country == "CHL"


def test_the_aim_of_an_effort_under_way_is_planned(nlp: Any) -> None:
    # an infinitive of purpose on a progressive verb is what the effort is meant to do
    text = "The Bolivian army is massing tanks on the frontier to invade Paraguay."
    every = code_events(
        nlp(text), Article(published=PUBLISHED, body=text), None, all_modalities=True
    )
    assert [(e.plover, e.modality) for e in every if e.plover == "ASSAULT"] == [
        ("ASSAULT", "planned")
    ]
    # so is the aim of a verb in the base form, an act still to come
    text = "Chile said it would ask the United Nations to send observers to monitor Peru."
    every = code_events(
        nlp(text), Article(published=PUBLISHED, body=text), None, all_modalities=True
    )
    assert {e.modality for e in every if e.plover == "ACCUSE"} <= {"planned"}
    # on a verb told as done, the aim is told as done too
    done = code(
        nlp, "The Bolivian envoy travelled to Asuncion to sign the water treaty with Paraguay."
    )
    assert "SUPPORT" in {e.plover for e in done}


def test_an_act_told_done_is_past_and_not_negated_hedged_or_conditional(nlp: Any) -> None:
    from dateline.events import rules
    from dateline.events.precision import Precision

    precision = Precision(rules.default())
    for text, done in (
        ("The two envoys met in Lima on Monday.", True),
        ("The two envoys did not meet in Lima on Monday.", False),
        ("The two envoys never met in Lima on Monday.", False),  # "never" negates as "not"
        ("The two envoys could have met in Lima on Monday.", False),
    ):
        doc = nlp(text)
        verb = next(t for t in doc if t.lemma_ == "meet")
        assert precision.told_done(verb) is done, text


def test_a_time_that_comes_round_on_a_present_verb_is_a_habit(nlp: Any) -> None:
    got = told(nlp, "Every winter, Chilean trawlers fish just outside Peru's waters.")
    assert {m for _, m in got} <= {"ongoing"}
    assert {m for _, m in told(nlp, "Each year Peru seizes dozens of Chilean boats.")} == {
        "ongoing"
    }
    # a past act on a recurring day is still an act of the period
    assert [e.modality for e in code(nlp, "Peru seized a Chilean trawler on Monday.")] == [
        "asserted"
    ]


def test_an_act_given_a_deadline_is_still_to_come(nlp: Any) -> None:
    # the time set before the act says it is demanded, not done
    text = "Peru has until Friday to withdraw its boats from the disputed bay."
    assert [m for _, m in told(nlp, text)] == ["planned"]


@pytest.mark.parametrize(
    "text",
    [
        "The junta gave the miners' militia 14 days to lay down its weapons or face arrest.",
        "The general gave the militia three days to hand over its weapons.",
    ],
)
def test_a_deadline_given_is_the_ultimatum_and_its_act_still_to_come(nlp: Any, text: str) -> None:
    got = {(e.plover, e.modality) for e in candidates(nlp, text)}
    assert any(p == "THREATEN" for p, _ in got)
    assert any(m == "planned" for _, m in got)
    assert not any(m == "asserted" for p, m in got if p != "THREATEN")


def test_an_act_with_a_time_of_its_own_is_still_told_as_done(nlp: Any) -> None:
    # a date that says when the act itself happened is no deadline
    got = code(nlp, "On Monday Peru travelled to Lima to sign a fishing treaty with Chile.")
    assert [e.modality for e in got if e.plover == "AGREE"] or got
    assert all(e.modality == "asserted" for e in got)


def test_acts_told_as_frequent_in_the_present_or_perfect_are_ongoing(nlp: Any) -> None:
    # "near-daily", "regular" on the object: a habit; in the simple past, the day's acts
    assert told(nlp, "Peru carries out near-daily strikes on Chilean positions.") == [
        ("ASSAULT", "ongoing")
    ]
    text = "Peru carried out repeated strikes on Chilean positions on Monday."
    assert [e.modality for e in code(nlp, text)] == ["asserted"]


def test_a_deed_told_in_the_simple_present_is_ongoing(nlp: Any) -> None:
    # what goes on, not an act of the period; a deed of the day is told in the past
    assert told(nlp, "Peruvian advisers now help Chilean forces.") == [("AID", "ongoing")]
    text = "Peruvian advisers helped Chilean forces on Monday."
    assert [e.modality for e in code(nlp, text)] == ["asserted"]


def test_a_joined_verb_of_its_own_tense_is_not_under_the_first_ones_negation(nlp: Any) -> None:
    # "would not X and rejected Y": the rejecting is told done; "did not X or Y" shares it
    text = (
        "The Chilean minister said Santiago would not return to the talks while sanctions "
        "remained, and rejected a Peruvian demand for access to the mine."
    )
    assert ("REJECT", "asserted") in kinds(nlp, text)
    text = (
        "The Peruvian opposition leader said the arrests would not stop the protests and "
        "accused Chile of lying."
    )
    assert modalities(nlp, text).get("accused") == "asserted"
    assert (
        modalities(nlp, "Chile did not meet or call Peruvian officials.").get("call") != "asserted"
    )


def test_an_act_judged_unlikely_is_no_act(nlp: Any) -> None:
    text = "Analysts said the Chilean government was unlikely to back down on the tariffs."
    assert ("CONCEDE", "asserted") not in kinds(nlp, text)


def test_a_while_clause_after_the_act_adds_another_act(nlp: Any) -> None:
    # set before the news, "while" frames it; told after, it joins one more act of the news
    text = (
        "The Chilean opposition criticised the accord on Monday, while Peruvian farmers "
        "staged a protest outside the Chilean embassy."
    )
    assert modalities(nlp, text).get("staged") == "asserted"
    text = (
        "While Peruvian farmers staged a protest outside the Chilean embassy, the Chilean "
        "opposition criticised the accord on Monday."
    )
    assert modalities(nlp, text).get("staged") == "background"


def test_an_intent_told_in_a_past_period_is_as_old(nlp: Any) -> None:
    # the teller's words dated to a past month carry an intent of back then, not news
    for text in (
        "Chile's president said in June that his forces would observe a truce.",
        "Peru said in 2019 that it would not attend the summit.",
    ):
        assert code(nlp, text) == [], text
    text = "Chile's president said on Monday that his forces would observe a truce."
    assert [e.plover for e in code(nlp, text)] == ["AGREE"]
